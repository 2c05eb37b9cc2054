// postie library: `require('stream')` as Newman's sandbox bundles it (stream-browserify over
// readable-stream 2): the module is the legacy `Stream` (an EventEmitter with `pipe`) carrying
// `Readable`, `Writable`, `Duplex`, `Transform`, `PassThrough` and `Stream`.
//
// Those streams defer work with `process.nextTick`, which in Newman's sandbox has no timer to
// run on: the first deferral throws `ReferenceError: setTimeout is not defined` and later ones
// never run. So what happens synchronously (writes reaching `_write`, a transform pushing to a
// flowing reader, `read()` of buffered data, 'prefinish') happens here too, and what would be
// deferred ('end', 'finish' after a synchronous write, write callbacks) never does.
(function (P, lib) {
  'use strict';

  const EventEmitter = lib('events');
  const Buffer = lib('buffer').Buffer;
  const HIGH_WATER = 16384;

  let tickBroken = false;
  function nextTick() {
    if (!tickBroken) {
      tickBroken = true;
      throw new ReferenceError('setTimeout is not defined');
    }
  }

  function inherit(ctor, parent, name) {
    ctor.super_ = parent;
    ctor.prototype = Object.create(parent.prototype, { constructor: { value: ctor, writable: true, configurable: true } });
    Object.defineProperty(ctor, 'name', { value: name, configurable: true });
  }
  function emitError(stream, err) { stream.emit('error', err); }

  // ---- Stream (legacy) -------------------------------------------------------------------------
  function Stream() { EventEmitter.call(this); }
  inherit(Stream, EventEmitter, 'r');
  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    source.on('data', function (chunk) { if (dest.writable && dest.write(chunk) === false && source.pause) source.pause(); });
    dest.on('drain', function () { if (source.readable && source.resume) source.resume(); });
    if (!dest._isStdio && (!options || options.end !== false)) source.on('end', function () { dest.end(); });
    dest.emit('pipe', source);
    return dest;
  };

  function chunkLength(chunk, objectMode) { return objectMode ? 1 : chunk.length; }

  // ---- Readable --------------------------------------------------------------------------------
  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    options = options || {};
    this._readableState = {
      objectMode: Boolean(options.objectMode || options.readableObjectMode), highWaterMark: HIGH_WATER, buffer: [], length: 0,
      flowing: null, ended: false, sync: true, reading: false, readingMore: false, encoding: null, decoder: null, destroyed: false,
    };
    if (options.encoding) this.setEncoding(options.encoding);
    this.readable = true;
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    Stream.call(this);
  }
  inherit(Readable, Stream, 'b');
  const R = Readable.prototype;
  R.push = function (chunk, encoding) {
    const state = this._readableState;
    if (chunk === null) {
      state.reading = false;
      if (!state.ended) { state.ended = true; nextTick(); }
      return false;
    }
    if (!state.objectMode) {
      if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding || 'utf8');
      else if (!(chunk instanceof Uint8Array)) { emitError(this, new TypeError('Invalid non-string/buffer chunk')); return false; }
    }
    if (state.ended) { emitError(this, new Error('stream.push() after EOF')); return false; }
    state.reading = false;
    if (state.decoder && !state.objectMode) chunk = state.decoder.write(chunk);
    if (state.flowing && state.length === 0 && !state.sync) {
      this.emit('data', chunk);
    } else {
      state.buffer.push(chunk);
      state.length += chunkLength(chunk, state.objectMode);
    }
    if (!state.readingMore) { state.readingMore = true; nextTick(); }
    return state.length < state.highWaterMark;
  };
  R.unshift = function (chunk) {
    const state = this._readableState;
    if (!state.objectMode && typeof chunk === 'string') chunk = Buffer.from(chunk);
    state.buffer.unshift(chunk);
    state.length += chunkLength(chunk, state.objectMode);
    return state.length < state.highWaterMark;
  };
  R.isPaused = function () { return this._readableState.flowing === false; };
  R.setEncoding = function (enc) {
    const StringDecoder = lib('string_decoder').StringDecoder;
    this._readableState.decoder = new StringDecoder(enc);
    this._readableState.encoding = this._readableState.decoder.encoding;
    return this;
  };
  R.read = function (n) {
    const state = this._readableState;
    if (n === 0) return null;
    if (!state.ended && !state.reading && state.length < state.highWaterMark) {
      state.reading = true;
      state.sync = true;
      this._read(state.highWaterMark);
      state.sync = false;
    }
    if (state.length === 0) {
      if (state.ended) nextTick();
      return null;
    }
    let out;
    if (state.objectMode) out = state.buffer.shift();
    else if (state.decoder) out = state.buffer.splice(0).join('');
    else out = Buffer.concat(state.buffer.splice(0));
    state.length = state.objectMode ? state.buffer.length : 0;
    if (out !== null) this.emit('data', out);
    return out;
  };
  R._read = function () { emitError(this, new Error('_read() is not implemented')); };
  R.pipe = function (dest, options) {
    const src = this;
    src.on('data', function (chunk) { if (dest.write(chunk) === false) src.pause(); });
    if (!options || options.end !== false) src.once('end', function () { dest.end(); });
    dest.emit('pipe', src);
    if (!src._readableState.flowing) src.resume();
    return dest;
  };
  R.unpipe = function () { return this; };
  R.on = function (ev, fn) {
    const res = Stream.prototype.on.call(this, ev, fn);
    if (ev === 'data' && this._readableState.flowing !== false) this.resume();
    return res;
  };
  R.addListener = R.on;
  R.resume = function () {
    const state = this._readableState;
    if (!state.flowing) { state.flowing = true; nextTick(); }
    return this;
  };
  R.pause = function () {
    if (this._readableState.flowing !== false) { this._readableState.flowing = false; this.emit('pause'); }
    return this;
  };
  R.wrap = function () { return this; };

  function destroy(err, cb) {
    const r = this._readableState;
    const w = this._writableState;
    if (r) r.destroyed = true;
    if (w) w.destroyed = true;
    this._destroy(err || null, function () { nextTick(); });
    if (cb) nextTick();
    return this;
  }
  function destroyedProperty(proto, stateKey) {
    Object.defineProperty(proto, 'destroyed', {
      get: function () { return this[stateKey] !== undefined && this[stateKey].destroyed; },
      set: function (v) { if (this[stateKey]) this[stateKey].destroyed = v; },
      configurable: true,
    });
  }
  destroyedProperty(R, '_readableState');
  R.destroy = destroy;
  R._undestroy = function () { this._readableState.destroyed = false; this._readableState.ended = false; };
  R._destroy = function (err, cb) { cb(err); };
  Object.defineProperty(R, 'readableHighWaterMark', { get: function () { return this._readableState.highWaterMark; }, configurable: true });

  // ---- Writable --------------------------------------------------------------------------------
  function writableState(options) {
    return {
      objectMode: Boolean(options.objectMode || options.writableObjectMode), decodeStrings: options.decodeStrings !== false,
      highWaterMark: HIGH_WATER, length: 0, writing: false, sync: false, buffered: [], pendingcb: 0, ending: false, ended: false,
      finished: false, prefinished: false, needDrain: false, corked: 0, defaultEncoding: 'utf8', destroyed: false,
    };
  }
  function Writable(options) {
    if (!(this instanceof Writable) && !(this instanceof Duplex)) return new Writable(options);
    options = options || {};
    this._writableState = writableState(options);
    this.writable = true;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    Stream.call(this);
  }
  inherit(Writable, Stream, 'v');
  const W = Writable.prototype;
  W.pipe = function () { emitError(this, new Error('Cannot pipe, not readable')); };

  function doWrite(stream, state, item) {
    state.writing = true;
    state.sync = true;
    state.current = item;
    stream._write(item.chunk, item.encoding, function (er) { onWrite(stream, state, er); });
    state.sync = false;
  }
  function onWrite(stream, state, er) {
    const item = state.current;
    state.writing = false;
    state.length -= chunkLength(item.chunk, state.objectMode);
    if (er) {
      state.pendingcb--;
      if (state.sync) nextTick();
      else if (item.cb) item.cb(er);
      emitError(stream, er);
      return;
    }
    if (state.buffered.length && !state.corked) doWrite(stream, state, state.buffered.shift());
    if (state.sync) { nextTick(); return; }
    if (state.needDrain && state.length === 0) { state.needDrain = false; stream.emit('drain'); }
    state.pendingcb--;
    if (item.cb) item.cb();
    finishMaybe(stream, state);
  }
  function finishMaybe(stream, state) {
    if (!(state.ending && state.length === 0 && state.buffered.length === 0 && !state.finished && !state.writing)) return;
    if (!state.prefinished) {
      if (typeof stream._final === 'function') { state.pendingcb++; state.prefinished = true; nextTick(); } else {
        state.prefinished = true;
        stream.emit('prefinish');
      }
    }
    if (state.pendingcb === 0) { state.finished = true; stream.emit('finish'); }
  }

  W.write = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    const isBuf = !state.objectMode && chunk instanceof Uint8Array;
    if (isBuf) encoding = 'buffer';
    else if (!encoding) encoding = state.defaultEncoding;
    if (state.ended) {
      emitError(this, new Error('write after end'));
      nextTick();
      return false;
    }
    if (!state.objectMode && !isBuf && typeof chunk !== 'string') {
      emitError(this, new TypeError(chunk === null ? 'May not write null values to stream' : 'Invalid non-string/buffer chunk'));
      nextTick();
      return false;
    }
    if (!state.objectMode && !isBuf && state.decodeStrings) { chunk = Buffer.from(chunk, encoding); encoding = 'buffer'; }
    state.length += chunkLength(chunk, state.objectMode);
    const ret = state.length < state.highWaterMark;
    if (!ret) state.needDrain = true;
    state.pendingcb++;
    const item = { chunk: chunk, encoding: encoding, cb: typeof cb === 'function' ? cb : null };
    if (state.writing || state.corked) state.buffered.push(item);
    else doWrite(this, state, item);
    return ret;
  };
  W.cork = function () { this._writableState.corked++; };
  W.uncork = function () {
    const state = this._writableState;
    if (state.corked) {
      state.corked--;
      if (!state.writing && !state.corked && state.buffered.length) doWrite(this, state, state.buffered.shift());
    }
  };
  W.setDefaultEncoding = function (enc) {
    if (typeof enc === 'string') enc = enc.toLowerCase();
    if (!Buffer.isEncoding(enc)) throw new TypeError('Unknown encoding: ' + enc);
    this._writableState.defaultEncoding = enc;
    return this;
  };
  Object.defineProperty(W, 'writableHighWaterMark', { get: function () { return this._writableState.highWaterMark; }, configurable: true });
  W._write = function (chunk, encoding, cb) { cb(new Error('_write() is not implemented')); };
  W._writev = null;
  W.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; } else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    if (state.corked) { state.corked = 1; this.uncork(); }
    if (!state.ending) {
      state.ending = true;
      finishMaybe(this, state);
      if (cb) { if (state.finished) nextTick(); else this.once('finish', cb); }
      state.ended = true;
      this.writable = false;
    }
    return this;
  };
  destroyedProperty(W, '_writableState');
  W.destroy = destroy;
  W._undestroy = function () { this._writableState.destroyed = false; };
  W._destroy = function (err, cb) { cb(err); };

  // ---- Duplex, Transform, PassThrough ------------------------------------------------------------
  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    Readable.call(this, options);
    options = options || {};
    this._writableState = writableState(options);
    this.writable = true;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.final === 'function') this._final = options.final;
    if (options.readable === false) this.readable = false;
    if (options.writable === false) this.writable = false;
    this.allowHalfOpen = options.allowHalfOpen !== false;
  }
  inherit(Duplex, Readable, 'p');
  for (const k of Object.keys(W)) if (!Duplex.prototype[k]) Duplex.prototype[k] = W[k];
  Object.defineProperty(Duplex.prototype, 'writableHighWaterMark', Object.getOwnPropertyDescriptor(W, 'writableHighWaterMark'));
  Object.defineProperty(Duplex.prototype, 'destroyed', {
    get: function () { return Boolean(this._readableState && this._writableState && this._readableState.destroyed && this._writableState.destroyed); },
    set: function (v) { if (this._readableState) { this._readableState.destroyed = v; this._writableState.destroyed = v; } },
    configurable: true,
  });

  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    Duplex.call(this, options);
    this._transformState = { writecb: null, writechunk: null, transforming: false };
    this._readableState.sync = false;
    if (options) {
      if (typeof options.transform === 'function') this._transform = options.transform;
      if (typeof options.flush === 'function') this._flush = options.flush;
    }
    this.on('prefinish', function () {
      const self = this;
      const done = function (er, data) {
        if (er) return emitError(self, er);
        if (data !== null && data !== undefined) self.push(data);
        return self.push(null);
      };
      if (typeof this._flush === 'function') this._flush(done);
      else done(null, null);
    });
  }
  inherit(Transform, Duplex, 'o');
  Transform.prototype.push = function (chunk, encoding) { return R.push.call(this, chunk, encoding); };
  Transform.prototype._transform = function () { throw new Error('_transform() is not implemented'); };
  Transform.prototype._write = function (chunk, encoding, cb) {
    const self = this;
    const ts = this._transformState;
    ts.transforming = true;
    this._transform(chunk, encoding, function (er, data) {
      ts.transforming = false;
      if (data !== null && data !== undefined) self.push(data);
      cb(er);
    });
  };
  Transform.prototype._read = function () {};
  Transform.prototype._destroy = function (err, cb) { cb(err); };

  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  inherit(PassThrough, Transform, 'i');
  PassThrough.prototype._transform = function (chunk, encoding, cb) { cb(null, chunk); };

  Stream.Readable = Readable;
  Stream.Writable = Writable;
  Stream.Duplex = Duplex;
  Stream.Transform = Transform;
  Stream.PassThrough = PassThrough;
  Stream.Stream = Stream;
  void P;
  return Stream;
})
