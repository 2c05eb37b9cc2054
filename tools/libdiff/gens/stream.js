// require('stream'): stream-browserify 2.0.2 over readable-stream 2.3.7, as Newman's sandbox runs
// them (gens/node-shims/bundle-vm.js): what the streams defer goes to browserify's
// process.nextTick, which has no host timer there (the first deferral of a run throws
// `ReferenceError: setTimeout is not defined`, none ever runs).
//
// Async scenarios (calls.js), generated at random, many per public function: each builds one to
// three streams (Readable, Writable, Duplex, Transform, PassThrough, the legacy Stream; with `new`,
// without, or subclassed) with random options (objectMode, highWaterMark, encoding,
// decodeStrings, defaultEncoding, allowHalfOpen, ...) and random implementations of _read,
// _write, _writev, _transform, _flush, _final and _destroy (synchronous, on a later turn of the
// script's timers, failing, throwing, never calling back), logs every event they emit, then
// pushes, writes, reads, pipes, corks, pauses, destroys... with random chunks (strings, Buffers,
// Uint8Arrays, objects, invalid values) and logs what each call returns or throws, some calls on
// later turns, and ends with each stream's state (its flags, lengths and listener counts).

'use strict';

const { recordAsync } = require('./node-shims/bundle-vm.js');

// ---- the scenario's helpers (source text run before every scenario) ---------------------------
const PRE = [
  "var S = lib, B = (typeof __libdiffRequire === 'function' ? __libdiffRequire : require)('buffer').Buffer;",
  'var EVENTS = ["end", "finish", "prefinish", "close", "drain", "pipe", "unpipe", "pause", "resume"];',
  'function L(tag) { return function () { log.apply(null, [tag].concat([].slice.call(arguments))); }; }',
  // the events of a stream, logged (an "error" listener only when `errors`)
  'function watch(s, label, errors) {',
  '  name(s, label);',
  '  EVENTS.forEach(function (ev) { s.on(ev, L(label + ":" + ev)); });',
  '  if (errors) s.on("error", L(label + ":error"));',
  '  return s;',
  '}',
  'function op(label, f) { try { log(label, f()); } catch (e) { log(label + " threw", e); } }',
  'function cb(tag) { return function () { log(tag, [].slice.call(arguments)); }; }',
  'function rs(s) { var r = s._readableState; return r && [r.objectMode, r.highWaterMark, r.length, r.buffer && r.buffer.length, r.pipesCount,',
  '  r.flowing, r.ended, r.endEmitted, r.reading, r.sync, r.needReadable, r.emittedReadable, r.readableListening, r.resumeScheduled,',
  '  r.destroyed, r.defaultEncoding, r.awaitDrain, r.readingMore, r.encoding, !!r.decoder]; }',
  'function ws(s) { var w = s._writableState; return w && [w.objectMode, w.highWaterMark, w.length, w.writing, w.corked, w.ending,',
  '  w.ended, w.finished, w.prefinished, w.finalCalled, w.needDrain, w.pendingcb, w.bufferedRequestCount, w.errorEmitted,',
  '  w.destroyed, w.sync, w.bufferProcessing, w.writelen, w.decodeStrings, w.defaultEncoding, !!w.bufferedRequest]; }',
  'function snap(s) {',
  '  var t = s._transformState;',
  '  return { readable: s.readable, writable: s.writable, destroyed: s.destroyed, allowHalfOpen: s.allowHalfOpen, r: rs(s), w: ws(s),',
  '    t: t && [t.needTransform, t.transforming, t.writechunk != null, t.writecb != null],',
  '    n: ["data", "readable", "end", "finish", "prefinish", "drain", "error", "close", "unpipe"].map(function (e) { return s.listeners(e).length; }) };',
  '}',
  ''
].join('\n');

// ---- pools of source text ------------------------------------------------------------------------
const CHUNKS = ['"a"', '"hello"', '""', '"déjà"', 'B.from("abc")', 'B.from([0xe2, 0x82])', 'B.from([0xac, 0x41])', 'B.alloc(0)',
  'new Uint8Array([65, 66])', 'B.from("xyz")', '"0123456789"', '"zz"'];
const ODD = ['1', '0', '{a: 1}', 'null', 'undefined', 'true', '[1, 2]', '"str"', 'false', '{length: 2}'];
const ENCODINGS = ['"utf8"', '"hex"', '"base64"', '"latin1"', '"binary"', '"ascii"', '"ucs2"', '"utf16le"', '"bogus"',
  'undefined', '"UTF-8"', '"buffer"', 'null'];
const SIZES = ['', '0', '1', '2', '3', '4', '5', '7', '100', '20000', 'NaN', '"2"', '-1', 'undefined', '1.5', '8388609'];
const HWMS = [undefined, 0, 1, 2, 3, 4, 5, 16, 1.7, '"4"', -1, 100];
const ERRORS = ['new Error("boom")', 'new TypeError("bad")', 'undefined', 'null', '"text"'];

const IMPL = {
  read: {
    noop: 'function (n) { log("$:_read", n); }',
    one: 'function (n) { log("$:_read", n); this.push(SRC_$.length ? SRC_$.shift() : null); }',
    all: 'function (n) { log("$:_read", n); while (SRC_$.length) { if (!this.push(SRC_$.shift())) return; } this.push(null); }',
    later: 'function (n) { log("$:_read", n); var self = this; later(function () { op("$ late push", function () { return self.push(SRC_$.length ? SRC_$.shift() : null); }); }); }',
    fail: 'function (n) { log("$:_read", n); this.emit("error", new Error("read failed")); }',
    throws: 'function (n) { log("$:_read", n); throw new Error("read threw"); }',
    eof: 'function (n) { log("$:_read", n); this.push(null); }'
  },
  write: {
    sync: 'function (c, e, done) { log("$:_write", c, e); done(); }',
    later: 'function (c, e, done) { log("$:_write", c, e); later(function () { op("$ late write cb", function () { return done(); }); }); }',
    fail: 'function (c, e, done) { log("$:_write", c, e); done(new Error("write failed")); }',
    lateFail: 'function (c, e, done) { log("$:_write", c, e); later(function () { op("$ late write cb", function () { return done(new Error("late write failure")); }); }); }',
    hang: 'function (c, e, done) { log("$:_write", c, e); }',
    twice: 'function (c, e, done) { log("$:_write", c, e); done(); op("$ write cb again", function () { return done(); }); }',
    throws: 'function (c, e, done) { log("$:_write", c, e); throw new Error("write threw"); }'
  },
  writev: {
    sync: 'function (chunks, done) { log("$:_writev", chunks.map(function (x) { return [x.chunk, x.encoding, x.isBuf]; }), chunks.allBuffers); done(); }',
    later: 'function (chunks, done) { log("$:_writev", chunks.length); later(function () { op("$ late writev cb", function () { return done(); }); }); }',
    fail: 'function (chunks, done) { log("$:_writev", chunks.length); done(new Error("writev failed")); }'
  },
  transform: {
    same: 'function (c, e, done) { log("$:_transform", c, e); done(null, c); }',
    twice: 'function (c, e, done) { log("$:_transform", c, e); this.push(c); this.push(c); done(); }',
    upper: 'function (c, e, done) { log("$:_transform", c, e); done(null, String(c).toUpperCase()); }',
    later: 'function (c, e, done) { log("$:_transform", c, e); later(function () { op("$ late transform cb", function () { return done(null, c); }); }); }',
    fail: 'function (c, e, done) { log("$:_transform", c, e); done(new Error("transform failed")); }',
    drop: 'function (c, e, done) { log("$:_transform", c, e); done(); }',
    twiceCb: 'function (c, e, done) { log("$:_transform", c, e); done(null, c); op("$ transform cb again", function () { return done(null, c); }); }',
    hang: 'function (c, e, done) { log("$:_transform", c, e); }',
    throws: 'function (c, e, done) { log("$:_transform", c, e); throw new Error("transform threw"); }'
  },
  flush: {
    sync: 'function (done) { log("$:_flush"); done(); }',
    data: 'function (done) { log("$:_flush"); done(null, "tail"); }',
    push: 'function (done) { log("$:_flush"); this.push("p"); done(); }',
    fail: 'function (done) { log("$:_flush"); done(new Error("flush failed")); }',
    later: 'function (done) { log("$:_flush"); later(function () { op("$ late flush cb", function () { return done(); }); }); }',
    hang: 'function (done) { log("$:_flush"); }'
  },
  final: {
    sync: 'function (done) { log("$:_final"); done(); }',
    fail: 'function (done) { log("$:_final"); done(new Error("final failed")); }',
    later: 'function (done) { log("$:_final"); later(function () { op("$ late final cb", function () { return done(); }); }); }'
  },
  destroy: {
    pass: 'function (err, done) { log("$:_destroy", err); done(err); }',
    swallow: 'function (err, done) { log("$:_destroy", err); done(); }',
    replace: 'function (err, done) { log("$:_destroy", err); done(new Error("destroy failed")); }',
    later: 'function (err, done) { log("$:_destroy", err); later(function () { op("$ late destroy cb", function () { return done(err); }); }); }'
  }
};

const READABLE = ['Readable', 'Duplex', 'Transform', 'PassThrough'];
const WRITABLE = ['Writable', 'Duplex', 'Transform', 'PassThrough'];
const KINDS = ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough'];

// ---- one scenario ------------------------------------------------------------------------------
function Scenario(r, pick) {
  this.r = r;
  this.pick = pick;
  this.lines = [];
  this.streams = [];
}

Scenario.prototype = {
  chance: function (p) { return this.r() < p; },
  one: function (list) { return this.pick(this.r, list); },
  int: function (n) { return Math.floor(this.r() * n); },
  chunk: function (s) {
    return s && s.objectMode ? this.one(this.chance(0.5) ? CHUNKS : ODD) : (this.chance(0.85) ? this.one(CHUNKS) : this.one(ODD));
  },
  enc: function () { return this.one(ENCODINGS); },
  err: function () { return this.one(ERRORS); },

  // A new stream of `kind` named `id`, with random options and implementations.
  stream: function (kind, id) {
    const opts = [];
    const s = { id, kind, objectMode: false };
    const impl = (key, pool, p) => {
      if (this.chance(p)) { opts.push(key + ': ' + IMPL[pool][this.one(Object.keys(IMPL[pool]))].replace(/\$/g, id)); }
    };
    if (this.chance(0.3)) { opts.push('objectMode: true'); s.objectMode = true; }
    if ((kind === 'Duplex' || kind === 'Transform') && this.chance(0.15)) { opts.push('readableObjectMode: true'); s.objectMode = true; }
    if ((kind === 'Duplex' || kind === 'Transform') && this.chance(0.15)) { opts.push('writableObjectMode: true'); }
    if (this.chance(0.5)) {
      const hwm = this.one(HWMS);
      opts.push('highWaterMark: ' + (hwm === undefined ? 'undefined' : hwm));
    }
    if (kind !== 'Readable' && kind !== 'Writable' && this.chance(0.15)) { opts.push('readableHighWaterMark: ' + this.one([0, 1, 2, 5])); }
    if (kind !== 'Readable' && kind !== 'Writable' && this.chance(0.15)) { opts.push('writableHighWaterMark: ' + this.one([0, 1, 2, 5])); }
    if (kind !== 'Writable' && this.chance(0.15)) { opts.push('encoding: ' + this.one(['"utf8"', '"hex"', '"base64"', '"latin1"'])); }
    if (kind !== 'Readable' && this.chance(0.15)) { opts.push('decodeStrings: false'); }
    if (this.chance(0.15)) { opts.push('defaultEncoding: ' + this.one(['"hex"', '"base64"', '"latin1"', '"utf8"'])); }
    if (kind === 'Duplex' || kind === 'Transform') {
      if (this.chance(0.2)) { opts.push('allowHalfOpen: false'); }
      if (this.chance(0.1)) { opts.push('readable: false'); }
      if (this.chance(0.1)) { opts.push('writable: false'); }
    }
    if (kind === 'Readable' || kind === 'Duplex') { impl('read', 'read', 0.85); }
    if (kind === 'Writable' || kind === 'Duplex') { impl('write', 'write', 0.85); impl('writev', 'writev', 0.2); }
    if (kind === 'Transform') { impl('transform', 'transform', 0.85); impl('flush', 'flush', 0.4); }
    if (kind === 'PassThrough' && this.chance(0.2)) { impl('flush', 'flush', 1); }
    if (kind !== 'Readable' && kind !== 'PassThrough') { impl('final', 'final', 0.15); }
    impl('destroy', 'destroy', 0.2);
    const source = [];
    for (let i = this.int(5); i > 0; i--) { source.push(this.chunk(s)); }
    this.lines.push('var SRC_' + id + ' = [' + source.join(', ') + '];');
    const options = this.chance(0.05) ? '' : '{' + opts.join(', ') + '}';
    const how = this.r();
    let make;
    if (how < 0.1) {
      make = 'S.' + kind + '(' + options + ')';
    } else if (how < 0.2) {
      this.lines.push('function Sub_' + id + '(o) { S.' + kind + '.call(this, o); }');
      this.lines.push('Sub_' + id + '.prototype = Object.create(S.' + kind + '.prototype, {constructor: {value: Sub_' + id + '}});');
      make = 'new Sub_' + id + '(' + options + ')';
    } else {
      make = 'new S.' + kind + '(' + options + ')';
    }
    this.lines.push('var ' + id + ';');
    this.lines.push('op("new ' + id + '", function () { ' + id + ' = watch(' + make + ', "' + id + '", ' + this.chance(0.85) + '); return Object.keys(' + id + '); });');
    this.streams.push(s);
    return s;
  },

  // A statement calling `what` (a method name, or one of the specials) on stream `s`.
  call: function (s, what) {
    const id = s.id;
    const o = (label, expr) => 'op("' + id + '.' + label + '", function () { return ' + expr + '; });';
    // only into streams made after this one, so pipes never form a loop
    const other = () => {
      const list = this.streams.slice(this.streams.indexOf(s) + 1).filter((x) => WRITABLE.includes(x.kind));
      return list.length ? this.one(list).id : null;
    };
    switch (what) {
      case 'push': return o('push', id + '.push(' + this.chunk(s) + (this.chance(0.2) ? ', ' + this.enc() : '') + ')');
      case 'push(null)': return o('push', id + '.push(null)');
      case 'unshift': return o('unshift', id + '.unshift(' + this.chunk(s) + ')');
      case 'read': return o('read', id + '.read(' + this.one(SIZES) + ')');
      case 'readAll': return o('read', '(function () { var out = [], c; while ((c = ' + id + '.read()) !== null && out.length < 20) out.push(c); return out; })()');
      case 'setEncoding': return o('setEncoding', id + '.setEncoding(' + this.enc() + ')');
      case 'isPaused': return o('isPaused', id + '.isPaused()');
      case 'pause': return o('pause', id + '.pause()');
      case 'resume': return o('resume', id + '.resume()');
      case 'on': {
        const how = this.int(6);
        if (how === 0) { return o('on', id + '.on("data", L("' + id + ':data"))'); }
        if (how === 1) { return o('once', id + '.once("data", L("' + id + ':data once"))'); }
        if (how === 2) { return o('addListener', id + '.addListener("data", L("' + id + ':data"))'); }
        if (how === 3) {
          return o('on', id + '.on("readable", function () { log("' + id + ':readable"); ' +
            (this.chance(0.6) ? 'var c, k = 0; while (k++ < 20 && (c = ' + id + '.read()) !== null) log("' + id + ':read", c);' : '') + ' })');
        }
        if (how === 4) { return o('removeAllListeners', id + '.removeAllListeners("data") && ' + id + '.listeners("data").length'); }
        return o('on', id + '.on("error", L("' + id + ':late error"))');
      }
      case 'pipe': {
        const dest = other();
        if (!dest) { return o('isPaused', id + '.isPaused()'); }
        return o('pipe', id + '.pipe(' + dest + (this.chance(0.3) ? ', {end: false}' : '') + ')');
      }
      case 'unpipe': {
        const dest = this.chance(0.3) ? null : other();
        return o('unpipe', id + '.unpipe(' + (dest || '') + ')');
      }
      case 'wrap': {
        const old = 'old_' + id;
        return 'var ' + old + ' = new S.Stream(); ' + old + '.pause = L("' + old + '.pause"); ' + old + '.resume = L("' + old + '.resume"); ' +
          old + '.custom = function () { return "custom"; };\n' + o('wrap', id + '.wrap(' + old + ') === ' + id + ' && typeof ' + id + '.custom') + '\n' +
          o('old data', old + '.emit("data", ' + this.chunk(s) + ')') + '\n' +
          (this.chance(0.5) ? o('old data', old + '.emit("data", ' + this.chunk(s) + ')') + '\n' : '') +
          (this.chance(0.4) ? o('old pause', id + '.pause() && ' + id + '.resume() && ' + id + '.custom()') + '\n' : '') +
          (this.chance(0.5) ? o('old end', old + '.emit("end")') : o('old close', old + '.emit("close")'));
      }
      case 'destroy': {
        const args = [];
        if (this.chance(0.6)) { args.push(this.err()); }
        if (this.chance(0.4)) { args.push('cb("' + id + ' destroy cb")'); }
        return o('destroy', id + '.destroy(' + args.join(', ') + ')');
      }
      case '_undestroy': return o('_undestroy', id + '._undestroy()');
      case '_read': return o('_read', id + '._read(' + this.one(SIZES) + ')');
      case 'readableHighWaterMark': return o('readableHighWaterMark', id + '.readableHighWaterMark');
      case 'writableHighWaterMark': return o('writableHighWaterMark', id + '.writableHighWaterMark');
      case 'destroyed': return this.chance(0.3) ? o('destroyed =', '(' + id + '.destroyed = ' + this.one(['true', 'false', '1']) + ')') : o('destroyed', id + '.destroyed');
      case 'write': {
        const args = [this.chunk(s)];
        if (this.chance(0.3)) { args.push(this.enc()); }
        if (this.chance(0.5)) { args.push('cb("' + id + ' write cb")'); }
        return o('write', id + '.write(' + args.join(', ') + ')');
      }
      case 'end': {
        const args = [];
        if (this.chance(0.4)) { args.push(this.chunk(s)); if (this.chance(0.3)) { args.push(this.enc()); } }
        if (this.chance(0.5)) { args.push('cb("' + id + ' end cb")'); }
        return o('end', id + '.end(' + args.join(', ') + ')');
      }
      case 'cork': return o('cork', id + '.cork()');
      case 'uncork': return o('uncork', id + '.uncork()');
      case 'setDefaultEncoding': return o('setDefaultEncoding', id + '.setDefaultEncoding(' + this.enc() + ')');
      case '_write': return o('_write', id + '._write(' + this.chunk(s) + ', "utf8", cb("' + id + ' _write cb"))');
      case 'getBuffer': return o('getBuffer', id + '._writableState.getBuffer().map(function (q) { return [q.chunk, q.encoding, q.isBuf]; })');
      case 'emit': return o('emit', id + '.emit(' + this.one(['"error", new Error("emitted")', '"end"', '"finish"', '"drain"', '"close"', '"data", "x"', '"prefinish"']) + ')');
      case 'snap': return 'log("' + id + ' state", snap(' + id + '));';
      default: throw new Error('unknown call ' + what);
    }
  },

  later: function (statements) { this.lines.push('later(function () {\n' + statements.join('\n') + '\n});'); },

  finish: function () {
    this.later(this.streams.map((s) => this.call(s, 'snap')));
    return this.lines.join('\n');
  }
};

const READ_CALLS = ['push', 'push', 'push(null)', 'unshift', 'read', 'read', 'readAll', 'setEncoding', 'isPaused', 'pause', 'resume', 'on', 'on',
  'pipe', 'unpipe', 'destroy', 'readableHighWaterMark', 'snap', 'emit'];
const WRITE_CALLS = ['write', 'write', 'write', 'end', 'cork', 'uncork', 'setDefaultEncoding', 'destroy', 'writableHighWaterMark', 'snap', 'emit'];

function callsFor(kind) {
  if (kind === 'Readable') { return READ_CALLS; }
  if (kind === 'Writable') { return WRITE_CALLS; }
  return READ_CALLS.concat(WRITE_CALLS);
}

// The public functions, each with what its scenarios build and call: `kinds` (the stream under
// test is one of these), `calls` (what is called on it; random other calls come around them).
const TARGETS = {
  Readable: { kinds: ['Readable'], calls: [] },
  'Readable.push': { kinds: READABLE, calls: ['push', 'push', 'push(null)'] },
  'Readable.unshift': { kinds: READABLE, calls: ['unshift', 'push', 'unshift'] },
  'Readable.read': { kinds: READABLE, calls: ['push', 'push', 'read', 'read', 'readAll'] },
  'Readable.setEncoding': { kinds: READABLE, calls: ['setEncoding', 'push', 'read'] },
  'Readable.isPaused': { kinds: READABLE, calls: ['isPaused', 'pause', 'isPaused', 'resume', 'isPaused'] },
  'Readable.pause': { kinds: READABLE, calls: ['on', 'pause', 'push'] },
  'Readable.resume': { kinds: READABLE, calls: ['resume', 'push', 'resume'] },
  'Readable.on': { kinds: READABLE, calls: ['on', 'push', 'on'] },
  'Readable.pipe': { kinds: READABLE, calls: ['pipe', 'pipe', 'push', 'push', 'emit'], dest: true },
  'Readable.unpipe': { kinds: READABLE, calls: ['pipe', 'pipe', 'push', 'unpipe', 'push', 'unpipe'], dest: true },
  'Readable.wrap': { kinds: ['Readable'], calls: ['wrap'], noRead: true },
  'Readable.destroy': { kinds: ['Readable'], calls: ['destroy', 'push', 'destroy'] },
  'Readable._undestroy': { kinds: READABLE, calls: ['destroy', '_undestroy', 'push'] },
  'Readable._read': { kinds: READABLE, calls: ['_read'] },
  'Readable.readableHighWaterMark': { kinds: READABLE, calls: ['readableHighWaterMark', 'read', 'readableHighWaterMark'] },
  'Readable.destroyed': { kinds: ['Readable'], calls: ['destroyed', 'destroy', 'destroyed'] },
  Writable: { kinds: ['Writable'], calls: [] },
  'Writable.write': { kinds: WRITABLE, calls: ['write', 'write', 'write'] },
  'Writable.end': { kinds: WRITABLE, calls: ['write', 'end', 'end'] },
  'Writable.cork': { kinds: WRITABLE, calls: ['cork', 'write', 'write', 'getBuffer'] },
  'Writable.uncork': { kinds: WRITABLE, calls: ['cork', 'write', 'write', 'uncork', 'getBuffer'] },
  'Writable.setDefaultEncoding': { kinds: WRITABLE, calls: ['setDefaultEncoding', 'write', 'getBuffer'] },
  'Writable.pipe': { kinds: ['Writable'], calls: ['pipe'] },
  'Writable.destroy': { kinds: ['Writable'], calls: ['write', 'destroy', 'write', 'destroy'] },
  'Writable._write': { kinds: WRITABLE, calls: ['_write', 'write'] },
  'Writable._writev': { kinds: ['Writable', 'Duplex'], calls: ['cork', 'write', 'write', 'write', 'uncork'], writev: true },
  'Writable._final': { kinds: ['Writable', 'Duplex', 'Transform'], calls: ['write', 'end'], final: true },
  'Writable.writableHighWaterMark': { kinds: WRITABLE, calls: ['writableHighWaterMark', 'write', 'writableHighWaterMark'] },
  'Writable.destroyed': { kinds: ['Writable'], calls: ['destroyed', 'destroy', 'destroyed'] },
  'Writable.getBuffer': { kinds: WRITABLE, calls: ['write', 'getBuffer', 'cork', 'write', 'getBuffer'] },
  Duplex: { kinds: ['Duplex'], calls: [] },
  'Duplex.destroy': { kinds: ['Duplex'], calls: ['destroy', 'write', 'push', 'destroy'] },
  'Duplex.destroyed': { kinds: ['Duplex'], calls: ['destroyed', 'destroy', 'destroyed'] },
  'Duplex.allowHalfOpen': { kinds: ['Duplex'], calls: ['push(null)', 'readAll', 'end'] },
  Transform: { kinds: ['Transform'], calls: ['write', 'read'] },
  'Transform.push': { kinds: ['Transform'], calls: ['push', 'write', 'push'] },
  'Transform._transform': { kinds: ['Transform'], calls: ['write', 'write', 'read', 'end'] },
  'Transform._flush': { kinds: ['Transform', 'PassThrough'], calls: ['write', 'end', 'readAll'], flush: true },
  'Transform.destroy': { kinds: ['Transform'], calls: ['write', 'destroy', 'write'] },
  PassThrough: { kinds: ['PassThrough'], calls: ['write', 'readAll', 'end'] },
  'emit': { kinds: KINDS, calls: ['emit', 'emit'] }
};

// Scenarios outside the random mould: the module's shape, the legacy Stream, the state
// constructors and _fromList, instanceof.
const FIXED = {
  // (first: stream and timers defer through one process.nextTick, whose first call throws)
  'shared nextTick': [
    'var T = (typeof __libdiffRequire === "function" ? __libdiffRequire : require)("timers");',
    'op("setImmediate", function () { return T.setImmediate(L("immediate")); });',
    'var a = watch(new S.Readable({read: function () { log("_read"); }}), "a", true);',
    'op("on data", function () { return a.on("data", L("data")); });',
    'op("push", function () { return a.push("x"); });',
    'op("setImmediate", function () { return T.setImmediate(L("immediate")); });',
    'later(function () { log("a state", snap(a)); });'
  ],
  keys: [
    'log("keys", Object.keys(S), Object.keys(S.prototype), typeof S.super_);',
    'log("members", [S.Readable, S.Writable, S.Duplex, S.Transform, S.PassThrough].map(function (f) { return [typeof f, f.length, Object.keys(f), Object.keys(f.prototype)]; }));',
    'log("same", S.Stream === S, S.Readable.Stream === S, S.super_ === (typeof __libdiffRequire === "function" ? __libdiffRequire : require)("events"));',
    'log("protos", Object.getPrototypeOf(S.Readable.prototype) === S.prototype, Object.getPrototypeOf(S.Writable.prototype) === S.prototype, Object.getPrototypeOf(S.Duplex.prototype) === S.Readable.prototype, Object.getPrototypeOf(S.Transform.prototype) === S.Duplex.prototype, Object.getPrototypeOf(S.PassThrough.prototype) === S.Transform.prototype);',
    'log("duplex has", Object.keys(S.Duplex.prototype).sort(), S.Duplex.prototype.write === S.Writable.prototype.write);'
  ],
  Stream: [
    'var s = watch(new S.Stream(), "s", true); log("stream", Object.keys(s), typeof s.pipe, s instanceof S, S.length);',
    'var s = S.Stream(); log("no new", typeof s);',
    'var s = watch(new S.Stream(), "s", true); s.readable = true; op("emit", function () { return s.emit("data", "x"); });'
  ],
  'Writable[Symbol.hasInstance]': [
    'var d = new S.Duplex(), t = new S.Transform(), p = new S.PassThrough(), r = new S.Readable(), w = new S.Writable();',
    'log("instanceof", [d, t, p, r, w, {}, null, {_writableState: w._writableState}, {_writableState: {}}].map(function (x) { return [x instanceof S.Writable, x instanceof S.Readable, x instanceof S.Duplex, x instanceof S]; }));',
    'function Sub() { S.Writable.call(this); } Sub.prototype = Object.create(S.Writable.prototype); log("sub", new Sub() instanceof S.Writable, d instanceof Sub);',
    'log("call", (function () { try { return S.Writable.call({}) === undefined; } catch (e) { return e.name; } })());'
  ],
  'Readable.ReadableState': [
    'function f(o, s) { var r = new S.Readable.ReadableState(o, s); return [r.objectMode, r.highWaterMark, r.length, r.flowing, r.defaultEncoding, r.encoding, !!r.decoder, r.sync, Object.keys(r)]; }',
    'log("states", [f(), f({}), f({objectMode: true}), f({highWaterMark: 3.9}), f({highWaterMark: 0}), f({encoding: "hex"}), f({readableObjectMode: true}), f({readableObjectMode: true}, new S.Duplex()),',
    '  f({readableHighWaterMark: 7}, new S.Duplex()), f({readableHighWaterMark: 7}), f({highWaterMark: "5"}), f({defaultEncoding: "hex"})]);',
    'op("bad encoding", function () { return f({encoding: "nope"}); });'
  ],
  'Writable.WritableState': [
    'function f(o, s) { var w = new S.Writable.WritableState(o, s); return [w.objectMode, w.highWaterMark, w.decodeStrings, w.defaultEncoding, w.length, w.corked, typeof w.onwrite, w.getBuffer(), Object.keys(w)]; }',
    'log("states", [f(), f({}, {}), f({objectMode: true}), f({highWaterMark: 2.5}), f({decodeStrings: false}), f({writableObjectMode: true}, new S.Duplex()), f({writableHighWaterMark: 9}, new S.Duplex()), f({defaultEncoding: "base64"})]);'
  ],
  'Readable._fromList': [
    'var r = new S.Readable({read: function () {}}); r.push("abc"); r.push("de"); r.push("f");',
    'log("from", S.Readable._fromList(2, r._readableState), S.Readable._fromList(4, r._readableState), S.Readable._fromList(0, r._readableState), r._readableState.buffer.length, r._readableState.length);',
    'var o = new S.Readable({objectMode: true, read: function () {}}); o.push({a: 1}); o.push(2); log("objects", S.Readable._fromList(5, o._readableState), o._readableState.buffer.length);',
    'var e = new S.Readable({encoding: "utf8", read: function () {}}); e.push("héllo"); e.push("wörld"); log("strings", S.Readable._fromList(3, e._readableState), S.Readable._fromList(9, e._readableState), S.Readable._fromList(undefined, e._readableState));'
  ]
};

// The legacy Stream's pipe, at random: a source Stream piped into a writable, data, end, close
// and errors emitted on it.
function legacyPipe(sc) {
  const dest = sc.stream(sc.one(WRITABLE), 'd');
  sc.lines.push('var src = watch(new S.Stream(), "src", ' + sc.chance(0.7) + ');');
  if (sc.chance(0.7)) { sc.lines.push('src.readable = true;'); }
  if (sc.chance(0.5)) { sc.lines.push('src.pause = L("src.pause"); src.resume = L("src.resume");'); }
  if (sc.chance(0.2)) { sc.lines.push('d.writable = false;'); }
  sc.lines.push('op("pipe", function () { return src.pipe(d' + (sc.chance(0.3) ? ', {end: false}' : '') + '); });');
  const events = [];
  for (let i = 1 + sc.int(6); i > 0; i--) {
    events.push(sc.one(['"data", ' + sc.chunk(dest), '"data", ' + sc.chunk(dest), '"end"', '"close"', '"error", new Error("src failed")']));
  }
  const now = events.splice(0, 1 + sc.int(events.length));
  now.forEach((e) => sc.lines.push('op("src emit", function () { return src.emit(' + e + '); });'));
  if (sc.chance(0.4)) { sc.lines.push(sc.call(dest, 'emit')); }
  if (events.length) { sc.later(events.map((e) => 'op("src emit", function () { return src.emit(' + e + '); });')); }
  sc.lines.push('log("src listeners", ["data", "end", "close", "error"].map(function (e) { return src.listeners(e).length; }));');
  sc.streams.push({ id: 'src', kind: 'Stream' });
}

function randomScenario(r, pick, fn) {
  const sc = new Scenario(r, pick);
  if (fn === 'Stream.pipe') {
    legacyPipe(sc);
    return sc.finish();
  }
  const target = TARGETS[fn];
  const kind = sc.one(target.kinds);
  const main = sc.stream(kind, 'a');
  if (target.writev) { sc.lines.push('a._writev = ' + IMPL.writev[sc.one(Object.keys(IMPL.writev))].replace(/\$/g, 'a') + ';'); }
  if (target.final) { sc.lines.push('a._final = ' + IMPL.final[sc.one(Object.keys(IMPL.final))].replace(/\$/g, 'a') + ';'); }
  if (target.flush) { sc.lines.push('a._flush = ' + IMPL.flush[sc.one(Object.keys(IMPL.flush))].replace(/\$/g, 'a') + ';'); }
  if (target.dest || sc.chance(0.25)) { sc.stream(sc.one(WRITABLE), 'b'); }
  if (target.dest ? sc.chance(0.5) : sc.chance(0.15)) { sc.stream(sc.one(target.dest ? WRITABLE : KINDS), 'c'); }
  const pool = target.noRead ? ['isPaused', 'pause', 'resume', 'on', 'snap'] : callsFor(kind);
  const random = (n) => { const out = []; for (let i = 0; i < n; i++) { out.push(sc.call(main, sc.one(pool))); } return out; };
  const others = () => sc.streams.filter((s) => s !== main);
  random(sc.int(3)).forEach((l) => sc.lines.push(l));
  const calls = target.calls.map((c) => sc.call(main, c));
  // the calls under test, some of them on later turns
  const split = sc.chance(0.35) ? 1 + sc.int(Math.max(1, calls.length)) : calls.length;
  calls.slice(0, split).forEach((l) => sc.lines.push(l));
  if (split < calls.length) { sc.later(calls.slice(split)); }
  random(sc.int(3)).forEach((l) => sc.lines.push(l));
  for (const o of others()) {
    if (sc.chance(0.5)) { sc.lines.push(sc.call(o, sc.one(callsFor(o.kind)))); }
  }
  if (sc.chance(0.5)) { sc.later(random(1 + sc.int(3))); }
  return sc.finish();
}

module.exports = {
  pkg: 'stream-browserify',
  version: '2.0.2 (readable-stream 2.3.7)',
  root: "require('stream')",
  async: true,
  prelude: PRE,
  gen: function (lib, tools) {
    const r = tools.rng(7);
    const out = [];
    const push = (fn, body) => out.push({ s: body, a: [], fn, async: 1 });
    for (const fn of Object.keys(FIXED)) { push(fn, FIXED[fn].join('\n')); }
    for (const fn of Object.keys(TARGETS).concat(['Stream.pipe'])) {
      for (let i = 0; i < 30; i++) { push(fn, randomScenario(r, tools.pick, fn)); }
    }
    return { functions: [...new Set(out.map((c) => c.fn))].sort(), calls: JSON.parse(JSON.stringify(out)) };
  },
  record: function (calls, prelude) { return recordAsync('stream', calls, prelude); }
};
