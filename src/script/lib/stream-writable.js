// postie library (internal, used by lib/stream.js): `Writable` of `require('stream')`, behaving
// as readable-stream 2.3.7 does in Newman's sandbox, where nothing the package defers ever runs
// (see lib/stream-readable.js and lib/process.js). A write whose `_write` calls back at once
// therefore never runs its callback nor emits 'drain' (the package finishes such a write on the
// next tick), a write called back later (from a timer) does both at once; 'finish' comes at
// `end()` when nothing is pending, `_final` is never called. Chunks written while another write
// is pending or while corked wait in a linked list, handed to `_writev` together when it exists.
(function (P, lib) {
  'use strict';

  return function install(kit) {
    const Buffer = kit.Buffer;
    const defer = kit.defer;
    function nop() {}

    // A reusable holder of the requests one `_writev` call takes; its `finish` calls them back.
    function CorkedRequest(state) {
      const self = this;
      this.next = null;
      this.entry = null;
      this.finish = function () { corkedFinished(self, state); };
    }

    function WritableState(options, stream) {
      options = options || {};
      const duplex = kit.isDuplex(stream);
      this.objectMode = !!options.objectMode;
      if (duplex) this.objectMode = this.objectMode || !!options.writableObjectMode;
      this.highWaterMark = kit.highWaterMark(options, duplex, 'writableHighWaterMark', this.objectMode);
      this.finalCalled = false;
      this.needDrain = false;
      this.ending = false;
      this.ended = false;
      this.finished = false;
      this.destroyed = false;
      this.decodeStrings = options.decodeStrings !== false;
      this.defaultEncoding = options.defaultEncoding || 'utf8';
      this.length = 0;
      this.writing = false;
      this.corked = 0;
      // true while `_write` runs: a callback then is finished on the next tick
      this.sync = true;
      this.bufferProcessing = false;
      this.onwrite = function (er) { onWrite(stream, er); };
      this.writecb = null;
      this.writelen = 0;
      this.bufferedRequest = null;
      this.lastBufferedRequest = null;
      this.pendingcb = 0;
      this.prefinished = false;
      this.errorEmitted = false;
      this.bufferedRequestCount = 0;
      this.corkedRequestsFree = new CorkedRequest(this);
    }
    WritableState.prototype.getBuffer = function getBuffer() {
      const out = [];
      for (let req = this.bufferedRequest; req; req = req.next) out.push(req);
      return out;
    };
    // Newman's bundle wraps this deprecated getter with its util.deprecate, which finds no
    // `process` there and calls itself until the stack runs out.
    Object.defineProperty(WritableState.prototype, 'buffer', {
      get: function () { throw new RangeError('Maximum call stack size exceeded'); },
    });

    const plainHasInstance = Function.prototype[Symbol.hasInstance];

    function Writable(options) {
      if (!plainHasInstance.call(Writable, this) && !kit.isDuplex(this)) return new Writable(options);
      this._writableState = new WritableState(options, this);
      this.writable = true;
      if (options) {
        if (typeof options.write === 'function') this._write = options.write;
        if (typeof options.writev === 'function') this._writev = options.writev;
        if (typeof options.destroy === 'function') this._destroy = options.destroy;
        if (typeof options.final === 'function') this._final = options.final;
      }
      kit.Stream.call(this);
    }
    Writable.WritableState = WritableState;
    kit.inherit(Writable, kit.Stream, 'v');
    // A Duplex is a Writable too (it only inherits from Readable): anything with a WritableState.
    Object.defineProperty(Writable, Symbol.hasInstance, {
      value: function (object) {
        if (plainHasInstance.call(this, object)) return true;
        if (this !== Writable) return false;
        return object && object._writableState instanceof WritableState;
      },
    });
    const W = Writable.prototype;

    W.pipe = function () {
      this.emit('error', new Error('Cannot pipe, not readable'));
    };

    function writeAfterEnd(stream, cb) {
      const er = new Error('write after end');
      stream.emit('error', er);
      defer(cb, er);
    }

    function validChunk(stream, state, chunk, cb) {
      let er = null;
      if (chunk === null) er = new TypeError('May not write null values to stream');
      else if (typeof chunk !== 'string' && chunk !== undefined && !state.objectMode) er = new TypeError('Invalid non-string/buffer chunk');
      if (!er) return true;
      stream.emit('error', er);
      defer(cb, er);
      return false;
    }

    W.write = function (chunk, encoding, cb) {
      const state = this._writableState;
      let ret = false;
      // (only Buffers are bytes: the bundle's readable-stream finds no global Uint8Array)
      const isBuf = !state.objectMode && Buffer.isBuffer(chunk);
      if (typeof encoding === 'function') {
        cb = encoding;
        encoding = null;
      }
      if (isBuf) encoding = 'buffer';
      else if (!encoding) encoding = state.defaultEncoding;
      if (typeof cb !== 'function') cb = nop;
      if (state.ended) {
        writeAfterEnd(this, cb);
      } else if (isBuf || validChunk(this, state, chunk, cb)) {
        state.pendingcb++;
        ret = writeOrQueue(this, state, isBuf, chunk, encoding, cb);
      }
      return ret;
    };

    W.cork = function () {
      this._writableState.corked++;
    };
    W.uncork = function () {
      const state = this._writableState;
      if (state.corked) {
        state.corked--;
        if (!state.writing && !state.corked && !state.finished && !state.bufferProcessing && state.bufferedRequest) writeQueued(this, state);
      }
    };

    const ENCODINGS = ['hex', 'utf8', 'utf-8', 'ascii', 'binary', 'base64', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'raw'];
    W.setDefaultEncoding = function setDefaultEncoding(encoding) {
      if (typeof encoding === 'string') encoding = encoding.toLowerCase();
      if (ENCODINGS.indexOf((encoding + '').toLowerCase()) < 0) throw new TypeError('Unknown encoding: ' + encoding);
      this._writableState.defaultEncoding = encoding;
      return this;
    };

    Object.defineProperty(W, 'writableHighWaterMark', {
      enumerable: false,
      get: function () { return this._writableState.highWaterMark; },
    });

    // Write now when nothing is pending, else queue; false once the high-water mark is reached.
    function writeOrQueue(stream, state, isBuf, chunk, encoding, cb) {
      if (!isBuf && !state.objectMode && state.decodeStrings !== false && typeof chunk === 'string') {
        chunk = Buffer.from(chunk, encoding);
        isBuf = true;
        encoding = 'buffer';
      }
      const len = state.objectMode ? 1 : chunk.length;
      state.length += len;
      const ret = state.length < state.highWaterMark;
      if (!ret) state.needDrain = true;
      if (state.writing || state.corked) {
        const last = state.lastBufferedRequest;
        state.lastBufferedRequest = { chunk: chunk, encoding: encoding, isBuf: isBuf, callback: cb, next: null };
        if (last) last.next = state.lastBufferedRequest;
        else state.bufferedRequest = state.lastBufferedRequest;
        state.bufferedRequestCount += 1;
      } else {
        startWrite(stream, state, false, len, chunk, encoding, cb);
      }
      return ret;
    }

    function startWrite(stream, state, many, len, chunk, encoding, cb) {
      state.writelen = len;
      state.writecb = cb;
      state.writing = true;
      state.sync = true;
      if (many) stream._writev(chunk, state.onwrite);
      else stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }

    // `_write`'s callback.
    function onWrite(stream, er) {
      const state = stream._writableState;
      const sync = state.sync;
      const cb = state.writecb;
      state.writing = false;
      state.writecb = null;
      state.length -= state.writelen;
      state.writelen = 0;
      if (er) {
        --state.pendingcb;
        if (sync) {
          defer(cb, er);
          defer(finishMaybe, stream, state);
          stream._writableState.errorEmitted = true;
          stream.emit('error', er);
        } else {
          cb(er);
          stream._writableState.errorEmitted = true;
          stream.emit('error', er);
          finishMaybe(stream, state);
        }
        return;
      }
      const finished = mayFinish(state);
      if (!finished && !state.corked && !state.bufferProcessing && state.bufferedRequest) writeQueued(stream, state);
      if (sync) defer(afterWrite, stream, state, finished, cb);
      else afterWrite(stream, state, finished, cb);
    }

    function afterWrite(stream, state, finished, cb) {
      if (!finished && state.length === 0 && state.needDrain) {
        state.needDrain = false;
        stream.emit('drain');
      }
      state.pendingcb--;
      cb();
      finishMaybe(stream, state);
    }

    // Write what was queued: all of it in one `_writev` call when there is one and more than
    // one request waits, else one by one until a write stays pending.
    function writeQueued(stream, state) {
      state.bufferProcessing = true;
      let entry = state.bufferedRequest;
      if (stream._writev && entry && entry.next) {
        const list = new Array(state.bufferedRequestCount);
        const holder = state.corkedRequestsFree;
        holder.entry = entry;
        let count = 0;
        let allBuffers = true;
        for (; entry; entry = entry.next) {
          list[count++] = entry;
          if (!entry.isBuf) allBuffers = false;
        }
        list.allBuffers = allBuffers;
        startWrite(stream, state, true, state.length, list, '', holder.finish);
        state.pendingcb++;
        state.lastBufferedRequest = null;
        if (holder.next) {
          state.corkedRequestsFree = holder.next;
          holder.next = null;
        } else {
          state.corkedRequestsFree = new CorkedRequest(state);
        }
        state.bufferedRequestCount = 0;
      } else {
        while (entry) {
          const chunk = entry.chunk;
          startWrite(stream, state, false, state.objectMode ? 1 : chunk.length, chunk, entry.encoding, entry.callback);
          entry = entry.next;
          state.bufferedRequestCount--;
          if (state.writing) break;
        }
        if (entry === null) state.lastBufferedRequest = null;
      }
      state.bufferedRequest = entry;
      state.bufferProcessing = false;
    }

    // Every request of a `_writev` call called back, with one argument that is always
    // undefined (`finish` passes no error on).
    function corkedFinished(holder, state, err) {
      let entry = holder.entry;
      holder.entry = null;
      while (entry) {
        const cb = entry.callback;
        state.pendingcb--;
        cb(err);
        entry = entry.next;
      }
      if (state.corkedRequestsFree) state.corkedRequestsFree.next = holder;
      else state.corkedRequestsFree = holder;
    }

    W._write = function (chunk, encoding, cb) {
      cb(new Error('_write() is not implemented'));
    };
    W._writev = null;

    W.end = function (chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof chunk === 'function') {
        cb = chunk;
        chunk = null;
        encoding = null;
      } else if (typeof encoding === 'function') {
        cb = encoding;
        encoding = null;
      }
      if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
      if (state.corked) {
        state.corked = 1;
        this.uncork();
      }
      if (!state.ending && !state.finished) {
        state.ending = true;
        finishMaybe(this, state);
        if (cb) {
          if (state.finished) defer(cb);
          else this.once('finish', cb);
        }
        state.ended = true;
        this.writable = false;
      }
    };

    function mayFinish(state) {
      return state.ending && state.length === 0 && state.bufferedRequest === null && !state.finished && !state.writing;
    }

    // 'prefinish' (or `_final`, deferred: never) then 'finish' once nothing is pending.
    function finishMaybe(stream, state) {
      const need = mayFinish(state);
      if (need) {
        if (!state.prefinished && !state.finalCalled) {
          if (typeof stream._final === 'function') {
            state.pendingcb++;
            state.finalCalled = true;
            defer(nop, stream, state);
          } else {
            state.prefinished = true;
            stream.emit('prefinish');
          }
        }
        if (state.pendingcb === 0) {
          state.finished = true;
          stream.emit('finish');
        }
      }
      return need;
    }

    Object.defineProperty(W, 'destroyed', {
      get: function () { return this._writableState === undefined ? false : this._writableState.destroyed; },
      set: function (value) { if (this._writableState) this._writableState.destroyed = value; },
    });
    W.destroy = kit.destroy;
    W._undestroy = kit.undestroy;
    W._destroy = function (err, cb) {
      this.end();
      cb(err);
    };
    void P;
    void lib;
    return Writable;
  };
})
