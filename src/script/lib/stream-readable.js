// postie library (internal, used by lib/stream.js): `Readable` of `require('stream')`, behaving
// as readable-stream 2.3.7 does in Newman's sandbox. Everything the package defers goes through
// `kit.defer` (the bundle's broken process.nextTick, lib/process.js): the first deferral of a run
// throws `ReferenceError: setTimeout is not defined` out of the call that made it, and nothing
// deferred ever runs. So 'end' is never emitted, a 'readable' event only when data arrives from
// outside a `_read` call, a resume never starts the flow; what does happen synchronously
// (a flowing stream emitting a pushed chunk, `read()` returning and emitting buffered data,
// pipes writing on 'data') happens here in the same order and leaves the same state behind, down
// to the `_readableState` flags scripts can read (the statements run in the package's order, so
// an exception leaves a half-done call exactly as there).
(function (P, lib) {
  'use strict';

  return function install(kit) {
    const Buffer = kit.Buffer;
    const defer = kit.defer;
    let StringDecoder = null;
    function decoderFor(encoding) {
      if (!StringDecoder) StringDecoder = lib('string_decoder').StringDecoder;
      return new StringDecoder(encoding);
    }

    // The buffered chunks: a singly linked list (`head`, `tail`, `length` entries), as the
    // package's BufferList, whose nodes `read(n)` trims in place.
    function ChunkList() {
      this.head = null;
      this.tail = null;
      this.length = 0;
    }
    ChunkList.prototype.push = function (data) {
      const node = { data: data, next: null };
      if (this.length > 0) this.tail.next = node;
      else this.head = node;
      this.tail = node;
      this.length++;
    };
    ChunkList.prototype.unshift = function (data) {
      const node = { data: data, next: this.head };
      if (this.length === 0) this.tail = node;
      this.head = node;
      this.length++;
    };
    ChunkList.prototype.shift = function () {
      if (this.length === 0) return undefined;
      const data = this.head.data;
      if (this.length === 1) this.head = this.tail = null;
      else this.head = this.head.next;
      this.length--;
      return data;
    };
    ChunkList.prototype.clear = function () {
      this.head = this.tail = null;
      this.length = 0;
    };
    ChunkList.prototype.join = function (sep) {
      if (this.length === 0) return '';
      let out = '' + this.head.data;
      for (let node = this.head.next; node; node = node.next) out += sep + node.data;
      return out;
    };
    ChunkList.prototype.concat = function (n) {
      if (this.length === 0) return Buffer.alloc(0);
      if (this.length === 1) return this.head.data;
      const out = Buffer.allocUnsafe(n >>> 0);
      let at = 0;
      for (let node = this.head; node; node = node.next) {
        node.data.copy(out, at);
        at += node.data.length;
      }
      return out;
    };

    function highWaterMark(options, duplex, sideKey, objectMode) {
      const hwm = options.highWaterMark;
      const side = options[sideKey];
      let out;
      if (hwm || hwm === 0) out = hwm;
      else if (duplex && (side || side === 0)) out = side;
      else out = objectMode ? 16 : 16 * 1024;
      return Math.floor(out);
    }
    kit.highWaterMark = highWaterMark;

    function ReadableState(options, stream) {
      options = options || {};
      const duplex = kit.isDuplex(stream);
      this.objectMode = !!options.objectMode;
      if (duplex) this.objectMode = this.objectMode || !!options.readableObjectMode;
      this.highWaterMark = highWaterMark(options, duplex, 'readableHighWaterMark', this.objectMode);
      this.buffer = new ChunkList();
      this.length = 0;
      this.pipes = null;
      this.pipesCount = 0;
      this.flowing = null;
      this.ended = false;
      this.endEmitted = false;
      this.reading = false;
      // true while `_read` runs: a push then buffers instead of emitting 'data'
      this.sync = true;
      this.needReadable = false;
      this.emittedReadable = false;
      this.readableListening = false;
      this.resumeScheduled = false;
      this.destroyed = false;
      this.defaultEncoding = options.defaultEncoding || 'utf8';
      // how many piped destinations asked to wait for 'drain'
      this.awaitDrain = 0;
      this.readingMore = false;
      this.decoder = null;
      this.encoding = null;
      if (options.encoding) {
        this.decoder = decoderFor(options.encoding);
        this.encoding = options.encoding;
      }
    }

    function Readable(options) {
      if (!(this instanceof Readable)) return new Readable(options);
      this._readableState = new ReadableState(options, this);
      this.readable = true;
      if (options) {
        if (typeof options.read === 'function') this._read = options.read;
        if (typeof options.destroy === 'function') this._destroy = options.destroy;
      }
      kit.Stream.call(this);
    }
    Readable.ReadableState = ReadableState;
    kit.inherit(Readable, kit.Stream, 'b');
    const R = Readable.prototype;

    Object.defineProperty(R, 'destroyed', {
      get: function () { return this._readableState === undefined ? false : this._readableState.destroyed; },
      set: function (value) { if (this._readableState) this._readableState.destroyed = value; },
    });
    R.destroy = kit.destroy;
    R._undestroy = kit.undestroy;
    R._destroy = function (err, cb) {
      this.push(null);
      cb(err);
    };

    // ---- adding data ------------------------------------------------------------------------
    R.push = function (chunk, encoding) {
      const state = this._readableState;
      let checked = false;
      if (state.objectMode) {
        checked = true;
      } else if (typeof chunk === 'string') {
        encoding = encoding || state.defaultEncoding;
        if (encoding !== state.encoding) {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
        checked = true;
      }
      return addData(this, chunk, encoding, false, checked);
    };
    R.unshift = function (chunk) { return addData(this, chunk, null, true, false); };

    function addData(stream, chunk, encoding, front, checked) {
      const state = stream._readableState;
      if (chunk === null) {
        state.reading = false;
        onEof(stream, state);
        return wantsMore(state);
      }
      const invalid = checked ? null : invalidChunk(state, chunk);
      if (invalid) {
        stream.emit('error', invalid);
      } else if (state.objectMode || (chunk && chunk.length > 0)) {
        if (typeof chunk !== 'string' && !state.objectMode && Object.getPrototypeOf(chunk) !== Buffer.prototype) {
          chunk = Buffer.from(chunk);
        }
        if (front) {
          if (state.endEmitted) stream.emit('error', new Error('stream.unshift() after end event'));
          else addToBuffer(stream, state, chunk, true);
        } else if (state.ended) {
          stream.emit('error', new Error('stream.push() after EOF'));
        } else {
          state.reading = false;
          if (state.decoder && !encoding) {
            chunk = state.decoder.write(chunk);
            if (state.objectMode || chunk.length !== 0) addToBuffer(stream, state, chunk, false);
            else readMoreLater(stream, state);
          } else {
            addToBuffer(stream, state, chunk, false);
          }
        }
      } else if (!front) {
        state.reading = false;
      }
      return wantsMore(state);
    }

    // Only Buffers are bytes here: the bundle's readable-stream finds no global Uint8Array.
    function invalidChunk(state, chunk) {
      if (!Buffer.isBuffer(chunk) && typeof chunk !== 'string' && chunk !== undefined && !state.objectMode) {
        return new TypeError('Invalid non-string/buffer chunk');
      }
      return null;
    }

    function addToBuffer(stream, state, chunk, front) {
      if (state.flowing && state.length === 0 && !state.sync) {
        stream.emit('data', chunk);
        stream.read(0);
      } else {
        state.length += state.objectMode ? 1 : chunk.length;
        if (front) state.buffer.unshift(chunk);
        else state.buffer.push(chunk);
        if (state.needReadable) announceReadable(stream);
      }
      readMoreLater(stream, state);
    }

    function wantsMore(state) {
      return !state.ended && (state.needReadable || state.length < state.highWaterMark || state.length === 0);
    }

    function onEof(stream, state) {
      if (state.ended) return;
      if (state.decoder) {
        const rest = state.decoder.end();
        if (rest && rest.length) {
          state.buffer.push(rest);
          state.length += state.objectMode ? 1 : rest.length;
        }
      }
      state.ended = true;
      announceReadable(stream);
    }

    // 'readable' now when outside `_read`, else (deferred) never.
    function announceReadable(stream) {
      const state = stream._readableState;
      state.needReadable = false;
      if (state.emittedReadable) return;
      state.emittedReadable = true;
      if (state.sync) defer(emitReadableNow, stream);
      else emitReadableNow(stream);
    }
    function emitReadableNow(stream) {
      stream.emit('readable');
      flow(stream);
    }

    // The package reads ahead on the next tick (which never comes); the flag stays set.
    function readMoreLater(stream, state) {
      if (state.readingMore) return;
      state.readingMore = true;
      defer(noop, stream, state);
    }
    function noop() {}

    // ---- reading ----------------------------------------------------------------------------
    R.isPaused = function () { return this._readableState.flowing === false; };

    R.setEncoding = function (enc) {
      this._readableState.decoder = decoderFor(enc);
      this._readableState.encoding = enc;
      return this;
    };

    const MAX_HWM = 0x800000;
    // The next power of two at or above n (capped), the high-water mark a large read asks for.
    function raisedHighWaterMark(n) {
      if (n >= MAX_HWM) return MAX_HWM;
      let p = 1;
      while (p < n) p *= 2;
      return n <= 0 ? 0 : p;
    }

    // How much a read(n) takes: 0 (nothing yet), everything, or n.
    function amountToRead(n, state) {
      if (n <= 0 || (state.length === 0 && state.ended)) return 0;
      if (state.objectMode) return 1;
      if (n !== n) {
        if (state.flowing && state.length) return state.buffer.head.data.length;
        return state.length;
      }
      if (n > state.highWaterMark) state.highWaterMark = raisedHighWaterMark(n);
      if (n <= state.length) return n;
      if (!state.ended) {
        state.needReadable = true;
        return 0;
      }
      return state.length;
    }

    R.read = function (n) {
      n = parseInt(n, 10);
      const state = this._readableState;
      const asked = n;
      if (n !== 0) state.emittedReadable = false;
      if (n === 0 && state.needReadable && (state.length >= state.highWaterMark || state.ended)) {
        if (state.length === 0 && state.ended) endReadable(this);
        else announceReadable(this);
        return null;
      }
      n = amountToRead(n, state);
      if (n === 0 && state.ended) {
        if (state.length === 0) endReadable(this);
        return null;
      }
      let callRead = state.needReadable;
      if (state.length === 0 || state.length - n < state.highWaterMark) callRead = true;
      if (state.ended || state.reading) {
        callRead = false;
      } else if (callRead) {
        state.reading = true;
        state.sync = true;
        if (state.length === 0) state.needReadable = true;
        this._read(state.highWaterMark);
        state.sync = false;
        // a synchronous push may have filled the buffer
        if (!state.reading) n = amountToRead(asked, state);
      }
      let out = n > 0 ? takeFromBuffer(n, state) : null;
      if (out === null) {
        state.needReadable = true;
        n = 0;
      } else {
        state.length -= n;
      }
      if (state.length === 0) {
        if (!state.ended) state.needReadable = true;
        if (asked !== n && state.ended) endReadable(this);
      }
      if (out !== null) this.emit('data', out);
      return out;
    };

    R._read = function () {
      this.emit('error', new Error('_read() is not implemented'));
    };

    // n units off the front of the buffer (or all of it): one object, a string when decoding,
    // else bytes, splitting a chunk when n ends inside it.
    function takeFromBuffer(n, state) {
      if (state.length === 0) return null;
      const list = state.buffer;
      let out;
      if (state.objectMode) {
        out = list.shift();
      } else if (!n || n >= state.length) {
        if (state.decoder) out = list.join('');
        else if (list.length === 1) out = list.head.data;
        else out = list.concat(state.length);
        list.clear();
      } else {
        out = takePart(n, list, state.decoder);
      }
      return out;
    }
    kit.takeFromBuffer = takeFromBuffer;

    function takePart(n, list, strings) {
      const first = list.head.data;
      if (n < first.length) {
        const out = first.slice(0, n);
        list.head.data = first.slice(n);
        return out;
      }
      if (n === first.length) return list.shift();
      return strings ? takeText(n, list) : takeBytes(n, list);
    }

    // Take n characters spanning several buffered strings.
    function takeText(n, list) {
      let node = list.head;
      let used = 1;
      let out = node.data;
      n -= out.length;
      while ((node = node.next)) {
        const text = node.data;
        const take = n > text.length ? text.length : n;
        out += take === text.length ? text : text.slice(0, n);
        n -= take;
        if (n === 0) {
          if (take === text.length) {
            used++;
            if (node.next) list.head = node.next;
            else list.head = list.tail = null;
          } else {
            list.head = node;
            node.data = text.slice(take);
          }
          break;
        }
        used++;
      }
      list.length -= used;
      return out;
    }

    // Take n bytes spanning several buffered chunks.
    function takeBytes(n, list) {
      const out = Buffer.allocUnsafe(n);
      let node = list.head;
      let used = 1;
      node.data.copy(out);
      n -= node.data.length;
      while ((node = node.next)) {
        const bytes = node.data;
        const take = n > bytes.length ? bytes.length : n;
        bytes.copy(out, out.length - n, 0, take);
        n -= take;
        if (n === 0) {
          if (take === bytes.length) {
            used++;
            if (node.next) list.head = node.next;
            else list.head = list.tail = null;
          } else {
            list.head = node;
            node.data = bytes.slice(take);
          }
          break;
        }
        used++;
      }
      list.length -= used;
      return out;
    }

    // 'end' is emitted on the next tick, so never; `ended` is set now.
    function endReadable(stream) {
      const state = stream._readableState;
      if (state.length > 0) throw new Error('"endReadable()" called on non-empty stream');
      if (!state.endEmitted) {
        state.ended = true;
        defer(noop, state, stream);
      }
    }

    // While flowing, read until read() has nothing.
    function flow(stream) {
      const state = stream._readableState;
      while (state.flowing && stream.read() !== null) { /* each read emits 'data' */ }
    }

    // ---- pipes --------------------------------------------------------------------------------
    function indexIn(list, x) {
      for (let i = 0; i < list.length; i++) if (list[i] === x) return i;
      return -1;
    }
    function listenerTotal(emitter, type) { return emitter.listeners(type).length; }

    R.pipe = function (dest, pipeOpts) {
      const src = this;
      const state = this._readableState;
      if (state.pipesCount === 0) state.pipes = dest;
      else if (state.pipesCount === 1) state.pipes = [state.pipes, dest];
      else state.pipes.push(dest);
      state.pipesCount += 1;

      // (the bundle's process has no stdout or stderr to spare)
      const endDest = (!pipeOpts || pipeOpts.end !== false) && dest !== undefined;
      const onEnd = function () { dest.end(); };
      const unpipe = function () { src.unpipe(dest); };
      const endFn = endDest ? onEnd : unpipe;
      if (state.endEmitted) defer(endFn);
      else src.once('end', endFn);

      let cleanedUp = false;
      const onUnpipe = function (readable, info) {
        if (readable === src && info && info.hasUnpiped === false) {
          info.hasUnpiped = true;
          cleanup();
        }
      };
      dest.on('unpipe', onUnpipe);

      const onDrain = function () {
        const s = src._readableState;
        if (s.awaitDrain) s.awaitDrain--;
        if (s.awaitDrain === 0 && listenerTotal(src, 'data')) {
          s.flowing = true;
          flow(src);
        }
      };
      dest.on('drain', onDrain);

      const onClose = function () {
        dest.removeListener('finish', onFinish);
        unpipe();
      };
      const onFinish = function () {
        dest.removeListener('close', onClose);
        unpipe();
      };
      const onError = function (er) {
        unpipe();
        dest.removeListener('error', onError);
        if (listenerTotal(dest, 'error') === 0) dest.emit('error', er);
      };
      let raisedAwait = false;
      const onData = function (chunk) {
        raisedAwait = false;
        const ret = dest.write(chunk);
        if (ret === false && !raisedAwait) {
          const stillPiped = (state.pipesCount === 1 && state.pipes === dest) ||
            (state.pipesCount > 1 && indexIn(state.pipes, dest) !== -1);
          if (stillPiped && !cleanedUp) {
            src._readableState.awaitDrain++;
            raisedAwait = true;
          }
          src.pause();
        }
      };
      function cleanup() {
        dest.removeListener('close', onClose);
        dest.removeListener('finish', onFinish);
        dest.removeListener('drain', onDrain);
        dest.removeListener('error', onError);
        dest.removeListener('unpipe', onUnpipe);
        src.removeListener('end', onEnd);
        src.removeListener('end', unpipe);
        src.removeListener('data', onData);
        cleanedUp = true;
        if (state.awaitDrain && (!dest._writableState || dest._writableState.needDrain)) onDrain();
      }

      src.on('data', onData);
      if (typeof dest.prependListener === 'function') {
        dest.prependListener('error', onError);
      } else if (!dest._events || !dest._events.error) {
        dest.on('error', onError);
      } else if (Array.isArray(dest._events.error)) {
        dest._events.error.unshift(onError);
      } else {
        dest._events.error = [onError, dest._events.error];
      }
      dest.once('close', onClose);
      dest.once('finish', onFinish);
      dest.emit('pipe', src);
      if (!state.flowing) src.resume();
      return dest;
    };

    R.unpipe = function (dest) {
      const state = this._readableState;
      const info = { hasUnpiped: false };
      if (state.pipesCount === 0) return this;
      if (state.pipesCount === 1) {
        if (dest && dest !== state.pipes) return this;
        if (!dest) dest = state.pipes;
        state.pipes = null;
        state.pipesCount = 0;
        state.flowing = false;
        if (dest) dest.emit('unpipe', this, info);
        return this;
      }
      if (!dest) {
        const all = state.pipes;
        const count = state.pipesCount;
        state.pipes = null;
        state.pipesCount = 0;
        state.flowing = false;
        for (let i = 0; i < count; i++) all[i].emit('unpipe', this, info);
        return this;
      }
      const at = indexIn(state.pipes, dest);
      if (at === -1) return this;
      state.pipes.splice(at, 1);
      state.pipesCount -= 1;
      if (state.pipesCount === 1) state.pipes = state.pipes[0];
      dest.emit('unpipe', this, info);
      return this;
    };

    // ---- flowing mode -------------------------------------------------------------------------
    R.on = function (ev, fn) {
      const res = kit.Stream.prototype.on.call(this, ev, fn);
      if (ev === 'data') {
        if (this._readableState.flowing !== false) this.resume();
      } else if (ev === 'readable') {
        const state = this._readableState;
        if (!state.endEmitted && !state.readableListening) {
          state.readableListening = state.needReadable = true;
          state.emittedReadable = false;
          if (!state.reading) defer(noop, this);
          else if (state.length) announceReadable(this);
        }
      }
      return res;
    };
    R.addListener = R.on;

    R.resume = function () {
      const state = this._readableState;
      if (!state.flowing) {
        state.flowing = true;
        // the package starts the flow (and emits 'resume') on the next tick: never
        if (!state.resumeScheduled) {
          state.resumeScheduled = true;
          defer(noop, this, state);
        }
      }
      return this;
    };

    R.pause = function () {
      if (this._readableState.flowing !== false) {
        this._readableState.flowing = false;
        this.emit('pause');
      }
      return this;
    };

    // ---- old-style streams ----------------------------------------------------------------
    const PROXIED = ['error', 'close', 'destroy', 'pause', 'resume'];
    R.wrap = function (stream) {
      const self = this;
      const state = this._readableState;
      let paused = false;
      stream.on('end', function () {
        if (state.decoder && !state.ended) {
          const rest = state.decoder.end();
          if (rest && rest.length) self.push(rest);
        }
        self.push(null);
      });
      stream.on('data', function (chunk) {
        if (state.decoder) chunk = state.decoder.write(chunk);
        if (state.objectMode ? chunk === null || chunk === undefined : !chunk || !chunk.length) return;
        if (!self.push(chunk)) {
          paused = true;
          stream.pause();
        }
      });
      // the old stream's methods this one lacks, forwarded
      for (const key in stream) {
        if (this[key] === undefined && typeof stream[key] === 'function') {
          this[key] = function () { return stream[key].apply(stream, arguments); };
        }
      }
      for (const ev of PROXIED) stream.on(ev, this.emit.bind(this, ev));
      this._read = function () {
        if (paused) {
          paused = false;
          stream.resume();
        }
      };
      return this;
    };

    Object.defineProperty(R, 'readableHighWaterMark', {
      enumerable: false,
      get: function () { return this._readableState.highWaterMark; },
    });

    Readable._fromList = takeFromBuffer;
    void P;
    return Readable;
  };
})
