// postie library: `require('stream')` as Newman's sandbox bundles it, stream-browserify 2.0.2
// over readable-stream 2.3.7: the module is the legacy `Stream` (an EventEmitter with the old
// `pipe`) carrying `Readable` (lib/stream-readable.js), `Writable` (lib/stream-writable.js),
// `Duplex`, `Transform`, `PassThrough` and `Stream`; there is no `pipeline` or `finished`.
//
// What the package defers goes to the bundle's process.nextTick (lib/process.js), which in
// Newman's sandbox has no timer to run on: the first deferral of a run throws
// `ReferenceError: setTimeout is not defined` from the call that made it, and nothing deferred
// ever runs. So no 'end', 'close' or destroy error event, no 'finish' after a synchronous write,
// no `_final`; everything that happens synchronously happens here as there (tools/libdiff holds
// these modules to event logs recorded from the real packages in a bundle-like context).
(function (P, lib) {
  'use strict';

  const EventEmitter = lib('events');
  const processShim = lib('process');

  // Subclassing as the `inherits` package does (the constructors' names are the minified
  // bundle's).
  function inherit(ctor, parent, name) {
    ctor.super_ = parent;
    ctor.prototype = Object.create(parent.prototype, {
      constructor: { value: ctor, enumerable: false, writable: true, configurable: true },
    });
    Object.defineProperty(ctor, 'name', { value: name, configurable: true });
  }

  // process-nextick-args over the bundle's process.nextTick: `fn` must be a function, and it
  // never runs.
  function defer(fn) {
    if (typeof fn !== 'function') throw new TypeError('"callback" argument must be a function');
    processShim.nextTick(fn);
  }

  // ---- Stream (legacy) -------------------------------------------------------------------------
  function Stream() {
    // (called without `new`, the package's sloppy-mode constructor sets up the global object)
    EventEmitter.call(this === undefined ? {} : this);
  }
  Stream.super_ = EventEmitter;
  inherit(Stream, EventEmitter, 'r');
  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    let ended = false;
    function onData(chunk) {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    }
    function onDrain() {
      if (source.readable && source.resume) source.resume();
    }
    function onEnd() {
      if (ended) return;
      ended = true;
      dest.end();
    }
    function onClose() {
      if (ended) return;
      ended = true;
      if (typeof dest.destroy === 'function') dest.destroy();
    }
    function onError(er) {
      cleanup();
      if (EventEmitter.listenerCount(this, 'error') === 0) throw er;
    }
    function cleanup() {
      source.removeListener('data', onData);
      dest.removeListener('drain', onDrain);
      source.removeListener('end', onEnd);
      source.removeListener('close', onClose);
      source.removeListener('error', onError);
      dest.removeListener('error', onError);
      source.removeListener('end', cleanup);
      source.removeListener('close', cleanup);
      dest.removeListener('close', cleanup);
    }
    source.on('data', onData);
    dest.on('drain', onDrain);
    if (!dest._isStdio && (!options || options.end !== false)) {
      source.on('end', onEnd);
      source.on('close', onClose);
    }
    source.on('error', onError);
    dest.on('error', onError);
    source.on('end', cleanup);
    source.on('close', cleanup);
    dest.on('close', cleanup);
    dest.emit('pipe', source);
    return dest;
  };

  // ---- destroy, shared by readable and writable sides -------------------------------------------
  // The error a destroy would emit, and the 'close' of a Transform, come on the next tick: never.
  function destroy(err, cb) {
    const self = this;
    const r = this._readableState;
    const w = this._writableState;
    if ((r && r.destroyed) || (w && w.destroyed)) {
      if (cb) cb(err);
      else if (err && (!w || !w.errorEmitted)) defer(destroy, this, err);
      return this;
    }
    if (r) r.destroyed = true;
    if (w) w.destroyed = true;
    this._destroy(err || null, function (er) {
      if (!cb && er) {
        defer(destroy, self, er);
        if (self._writableState) self._writableState.errorEmitted = true;
      } else if (cb) {
        cb(er);
      }
    });
    return this;
  }
  function undestroy() {
    const r = this._readableState;
    const w = this._writableState;
    if (r) {
      r.destroyed = false;
      r.reading = false;
      r.ended = false;
      r.endEmitted = false;
    }
    if (w) {
      w.destroyed = false;
      w.ended = false;
      w.ending = false;
      w.finished = false;
      w.errorEmitted = false;
    }
  }

  let Duplex = null;
  const kit = {
    Stream: Stream,
    Buffer: lib('buffer').Buffer,
    defer: defer,
    inherit: inherit,
    destroy: destroy,
    undestroy: undestroy,
    isDuplex: function (x) { return Duplex !== null && x instanceof Duplex; },
  };
  const Readable = lib('stream-readable')(kit);
  const Writable = lib('stream-writable')(kit);

  // ---- Duplex ------------------------------------------------------------------------------------
  Duplex = function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    Readable.call(this, options);
    Writable.call(this, options);
    if (options && options.readable === false) this.readable = false;
    if (options && options.writable === false) this.writable = false;
    this.allowHalfOpen = true;
    if (options && options.allowHalfOpen === false) this.allowHalfOpen = false;
    this.once('end', duplexEnded);
  };
  // Without allowHalfOpen the writable side ends after 'end', on the next tick: never.
  function duplexEnded() {
    if (this.allowHalfOpen || this._writableState.ended) return;
    defer(endWritable, this);
  }
  function endWritable(self) { self.end(); }
  inherit(Duplex, Readable, 'p');
  // the Writable methods a Readable lacks (`_writev` too, null)
  for (const key of Object.keys(Writable.prototype)) {
    if (!Duplex.prototype[key]) Duplex.prototype[key] = Writable.prototype[key];
  }
  Object.defineProperty(Duplex.prototype, 'writableHighWaterMark', {
    enumerable: false,
    get: function () { return this._writableState.highWaterMark; },
  });
  Object.defineProperty(Duplex.prototype, 'destroyed', {
    get: function () {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set: function (value) {
      if (this._readableState === undefined || this._writableState === undefined) return;
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    },
  });
  Duplex.prototype._destroy = function (err, cb) {
    this.push(null);
    this.end();
    defer(cb, err);
  };

  // ---- Transform ---------------------------------------------------------------------------------
  // `_transform`'s callback (bound to the stream).
  function afterTransform(er, data) {
    const ts = this._transformState;
    ts.transforming = false;
    const cb = ts.writecb;
    if (!cb) return this.emit('error', new Error('write callback called multiple times'));
    ts.writechunk = null;
    ts.writecb = null;
    if (data !== null && data !== undefined) this.push(data);
    cb(er);
    const rs = this._readableState;
    rs.reading = false;
    if (rs.needReadable || rs.length < rs.highWaterMark) this._read(rs.highWaterMark);
    return undefined;
  }

  // At 'prefinish': flush, then end the readable side.
  function flushThenEnd() {
    const self = this;
    if (typeof this._flush === 'function') this._flush(function (er, data) { transformDone(self, er, data); });
    else transformDone(this, null, null);
  }
  function transformDone(stream, er, data) {
    if (er) return stream.emit('error', er);
    if (data !== null && data !== undefined) stream.push(data);
    if (stream._writableState.length) throw new Error('Calling transform done when ws.length != 0');
    if (stream._transformState.transforming) throw new Error('Calling transform done when still transforming');
    return stream.push(null);
  }

  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    Duplex.call(this, options);
    this._transformState = {
      afterTransform: afterTransform.bind(this),
      needTransform: false,
      transforming: false,
      writecb: null,
      writechunk: null,
      writeencoding: null,
    };
    this._readableState.needReadable = true;
    this._readableState.sync = false;
    if (options) {
      if (typeof options.transform === 'function') this._transform = options.transform;
      if (typeof options.flush === 'function') this._flush = options.flush;
    }
    this.on('prefinish', flushThenEnd);
  }
  inherit(Transform, Duplex, 'o');
  const T = Transform.prototype;
  T.push = function (chunk, encoding) {
    this._transformState.needTransform = false;
    return Duplex.prototype.push.call(this, chunk, encoding);
  };
  T._transform = function () {
    throw new Error('_transform() is not implemented');
  };
  T._write = function (chunk, encoding, cb) {
    const ts = this._transformState;
    ts.writecb = cb;
    ts.writechunk = chunk;
    ts.writeencoding = encoding;
    if (!ts.transforming) {
      const rs = this._readableState;
      if (ts.needTransform || rs.needReadable || rs.length < rs.highWaterMark) this._read(rs.highWaterMark);
    }
  };
  T._read = function () {
    const ts = this._transformState;
    if (ts.writechunk !== null && ts.writecb && !ts.transforming) {
      ts.transforming = true;
      this._transform(ts.writechunk, ts.writeencoding, ts.afterTransform);
    } else {
      ts.needTransform = true;
    }
  };
  T._destroy = function (err, cb) {
    const self = this;
    Duplex.prototype._destroy.call(this, err, function (er) {
      cb(er);
      self.emit('close');
    });
  };

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
  // stream-browserify's Readable is readable-stream's module object, which carries the others
  Readable.Stream = Stream;
  Readable.Readable = Readable;
  Readable.Writable = Writable;
  Readable.Duplex = Duplex;
  Readable.Transform = Transform;
  Readable.PassThrough = PassThrough;
  void P;
  return Stream;
})
