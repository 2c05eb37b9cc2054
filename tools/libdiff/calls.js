// The call evaluator of the library differential tests, shared word for word by both sides: Node
// runs it against the real package (record.js), postie's sandbox runs it inside a collection's
// script (tests/libdiff.rs). Plain ES2015, no require: the library under test is passed in.
//
// A call is {f: "path.to.fn", a: [args], m: [[method, [args]], ...], t: "type-only"?} (or a
// scenario, see libdiffScenario): the function at `f` (from the library root; "" is the root
// itself) is called with the decoded arguments and `this` set to its parent, then each method of
// `m` is called on the result. The result (or the name of what was thrown) is encoded as
// JSON-safe data by `ser`.
//
// For libraries with constructors, state and callbacks a call may also have:
// - `new: 1`: construct with `new` instead of calling;
// - `msg: 1`: errors (returned, passed to callbacks or thrown) are encoded with their message and
//   own properties, not only their name;
// - `cb: 1`: the result is `{r, cb}`, `cb` listing the arguments of every call of the argument
//   `{$fn: 'capture'}` made during the call (encoded when made); `cb: 2` records only `{cb}`;
// - `s: [step, ...]`: the result is the list of the steps' results, each step run on the call's
//   result (the "held" value): `"path"` reads a property, `[path, args, saveAs]` calls a method
//   (path "" is the held value itself). A path starting with `@name` starts from the value an
//   earlier step saved as `name`, and `{$saved: name}` in an argument is that value; the step
//   `["=", [value], name]` only saves (and records) its decoded argument. What a step throws is
//   its result; later steps still run. A step returning the held object itself records `{$held: 1}`.

var LIBDIFF_FNS = {
  identity: function (x) { return x; },
  double: function (x) { return typeof x === 'number' ? x * 2 : x; },
  isEven: function (x) { return typeof x === 'number' && x % 2 === 0; },
  isTruthy: function (x) { return !!x; },
  toUpper: function (x) { return String(x).toUpperCase(); },
  add: function (a, b) { return a + b; },
  compare: function (a, b) { return a < b ? -1 : (a > b ? 1 : 0); },
  always: function () { return true; },
  never: function () { return false; },
  length: function (x) { return x == null ? 0 : x.length; },
  pair: function (a, b) { return [a, b]; },
  argsCount: function () { return arguments.length; },
  capture: function () {
    LIBDIFF_CAPTURED.push(libdiffSer(Array.prototype.slice.call(arguments), 0, [], LIBDIFF_MSG));
  }
};
var LIBDIFF_CAPTURED = [];
var LIBDIFF_MSG = false;
var LIBDIFF_SAVED = {};

function libdiffDec(v, root) {
  if (Array.isArray(v)) { return v.map(function (x) { return libdiffDec(x, root); }); }
  if (v && typeof v === 'object') {
    if ('$u' in v) { return undefined; }
    if ('$call' in v) { return libdiffCall(root, v.$call); }
    if ('$path' in v) { return libdiffResolve(root, v.$path)[1]; }
    if ('$enc' in v) { return root.enc[v.$enc]; }
    if ('$fn' in v) { return LIBDIFF_FNS[v.$fn]; }
    if ('$num' in v) { return Number(v.$num); }
    if ('$date' in v) { return new Date(v.$date); }
    if ('$re' in v) { return new RegExp(v.$re[0], v.$re[1]); }
    if ('$saved' in v) { return LIBDIFF_SAVED[v.$saved]; }
    if ('$utf16' in v) { return String.fromCharCode.apply(null, v.$utf16); }
    var o = {};
    Object.keys(v).forEach(function (k) { o[k] = libdiffDec(v[k], root); });
    return o;
  }
  return v;
}

function libdiffHex(wa) {
  var out = '';
  for (var i = 0; i < wa.sigBytes; i++) {
    var b = (wa.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    out += (b < 16 ? '0' : '') + b.toString(16);
  }
  return out;
}

// A string with half a surrogate pair has no JSON form every parser takes: ser gives its UTF-16
// code units instead ({$utf16: [...]}, which dec also takes).
function libdiffLoneSurrogate(s) {
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; } else { return true; }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function libdiffSer(v, depth, seen, msg) {
  depth = depth || 0;
  seen = seen || [];
  if (v === undefined) { return { $u: 1 }; }
  if (typeof v === 'string' && libdiffLoneSurrogate(v)) {
    var codes = [];
    for (var c = 0; c < v.length; c++) { codes.push(v.charCodeAt(c)); }
    return { $utf16: codes };
  }
  if (v === null || typeof v === 'boolean' || typeof v === 'string') { return v; }
  if (typeof v === 'number') {
    if (v !== v) { return { $num: 'NaN' }; }
    if (v === Infinity || v === -Infinity) { return { $num: String(v) }; }
    if (v === 0 && 1 / v < 0) { return { $num: '-0' }; }
    return v;
  }
  if (typeof v === 'function') { return { $fn: typeof v }; }
  if (typeof v === 'symbol') { return { $sym: String(v) }; }
  if (typeof v !== 'object') { return { $type: typeof v }; }
  if (seen.indexOf(v) >= 0) { return { $cycle: 1 }; }
  if (depth > 8) { return { $deep: 1 }; }
  seen = seen.concat([v]);
  if (v instanceof Date) { return { $date: isNaN(v.getTime()) ? 'Invalid' : v.toISOString() }; }
  if (v instanceof RegExp) { return { $re: String(v) }; }
  if (v instanceof Error) {
    if (!msg) { return { $error: v.name }; }
    var err = { $error: v.name, message: v.message };
    Object.keys(v).forEach(function (k) {
      if (k !== 'stack' && k !== 'message') { err[k] = libdiffSer(v[k], depth + 1, seen, msg); }
    });
    return err;
  }
  if (typeof v.sigBytes === 'number' && Array.isArray(v.words)) { return { $words: libdiffHex(v) }; }
  if (v.ciphertext && typeof v.ciphertext.sigBytes === 'number') { return { $cipher: libdiffHex(v.ciphertext) }; }
  if (v._isAMomentObject) { return { $moment: v.isValid() ? v.toISOString() : 'Invalid', utc: v.isUTC() }; }
  if (typeof v.asMilliseconds === 'function' && typeof v.humanize === 'function') { return { $duration: v.toISOString() }; }
  if (Array.isArray(v)) {
    var arr = [];
    for (var i = 0; i < v.length; i++) { arr.push(libdiffSer(v[i], depth + 1, seen, msg)); }
    return arr;
  }
  if (typeof Map !== 'undefined' && v instanceof Map) {
    var m = [];
    v.forEach(function (val, key) { m.push([libdiffSer(key, depth + 1, seen, msg), libdiffSer(val, depth + 1, seen, msg)]); });
    return { $map: m };
  }
  if (typeof Set !== 'undefined' && v instanceof Set) {
    var s = [];
    v.forEach(function (val) { s.push(libdiffSer(val, depth + 1, seen, msg)); });
    return { $set: s };
  }
  var out = {};
  var proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) { out.$class = 1; }
  Object.keys(v).forEach(function (k) { out[k] = libdiffSer(v[k], depth + 1, seen, msg); });
  return out;
}

function libdiffResolve(root, path) {
  var parent = null;
  var target = root;
  if (path) {
    var parts = path.split('.');
    for (var i = 0; i < parts.length; i++) {
      parent = target;
      target = target == null ? undefined : target[parts[i]];
    }
  }
  return [parent, target];
}

function libdiffCall(root, c) {
  var r = libdiffResolve(root, c.f);
  if (typeof r[1] !== 'function') { throw new TypeError('missing ' + c.f); }
  var args = libdiffDec(c.a || [], root);
  var result = c['new'] ? new (Function.prototype.bind.apply(r[1], [null].concat(args)))() : r[1].apply(r[0], args);
  (c.m || []).forEach(function (step) {
    result = result[step[0]].apply(result, libdiffDec(step[1] || [], root));
  });
  return result;
}

function libdiffThrown(e, msg) {
  var out = { $throw: (e && e.name) || typeof e };
  if (msg) { out.message = e && e.message; }
  return out;
}

function libdiffSteps(held, steps, root) {
  var saved = {};
  LIBDIFF_SAVED = saved;
  return steps.map(function (step) {
    var path = typeof step === 'string' ? step : step[0];
    var start = held;
    if (path.charAt(0) === '@') {
      var dot = path.indexOf('.');
      start = saved[path.slice(1, dot < 0 ? path.length : dot)];
      path = dot < 0 ? '' : path.slice(dot + 1);
    }
    try {
      var r = libdiffResolve(start, path);
      var out = r[1];
      if (step[0] === '=') {
        out = libdiffDec(step[1], root)[0];
      } else if (typeof step !== 'string' && step[1]) {
        if (typeof r[1] !== 'function') { throw new TypeError('missing ' + step[0]); }
        out = r[1].apply(r[0], libdiffDec(step[1], root));
      }
      if (typeof step !== 'string' && step[2]) { saved[step[2]] = out; }
      return out === held && held !== null && typeof held === 'object' ? { $held: 1 } : libdiffSer(out, 0, [], LIBDIFF_MSG);
    } catch (e) {
      return libdiffThrown(e, LIBDIFF_MSG);
    }
  });
}

// A scenario {s: "source", a: [args]} is a function body run with the library as `lib`, the
// decoded arguments as `args` and the callbacks above as `fns`; its return value is the result.
// (`s` as a list is a call's steps instead, see above.)
function libdiffScenario(root, c) {
  return new Function('lib', 'args', 'fns', c.s)(root, libdiffDec(c.a || [], root), LIBDIFF_FNS);
}

function libdiffRun(root, calls) {
  return calls.map(function (c) {
    LIBDIFF_MSG = !!c.msg;
    LIBDIFF_CAPTURED = [];
    try {
      if (typeof c.s === 'string') { return libdiffSer(libdiffScenario(root, c)); }
      if (typeof libdiffResolve(root, c.f)[1] !== 'function') { return { $missing: 1 }; }
      var result = libdiffCall(root, c);
      if (c.t) { return { $typeof: typeof result }; }
      if (Array.isArray(c.s)) { result = libdiffSteps(result, c.s, root); } else { result = libdiffSer(result, 0, [], LIBDIFF_MSG); }
      return c.cb === 2 ? { cb: LIBDIFF_CAPTURED } : c.cb ? { r: result, cb: LIBDIFF_CAPTURED } : result;
    } catch (e) {
      var thrown = libdiffThrown(e, LIBDIFF_MSG);
      return c.cb ? { r: thrown, cb: LIBDIFF_CAPTURED } : thrown;
    }
  });
}

// ---- async scenarios ----------------------------------------------------------------------------
// An async scenario {s: "source", async: 1} is a function body run with `lib`, `args`, `fns` and
// - `log(tag, value...)`: appends [tag, value...] to the scenario's event log, each value encoded
//   when it is logged (libdiffLogValue);
// - `later(fn)`: runs fn on a later turn of the host's timers, one waiting fn per turn, in the
//   order they were given (so the order never depends on timing);
// - `name(object, label)`: from now on `object` is logged as {$ref: label} (streams in events).
// Its result is the log once no fn waits, one turn after the last one ran (anything the library
// deferred to the host's timers shows up in that turn), or with ['$timeout'] appended when fns
// still wait after LIBDIFF_MAX_TURNS turns. What the body or a fn throws is logged as
// ['throw', error]. A log stops at LIBDIFF_MAX_LOG entries with ['$overflow'] (logging more
// throws, so a runaway loop ends). `libdiffRunAsync(root, calls, hostTimeout, done)` runs every call (sync
// calls as libdiffRun does) and hands `done` the results; `hostTimeout` is the script's own
// `setTimeout` (the library under test may not see one).
var LIBDIFF_MAX_TURNS = 64;
// Source run before every async scenario's own (the cases file's `prelude`: helpers they share).
var LIBDIFF_PRELUDE = typeof LIBDIFF_PRELUDE === 'string' ? LIBDIFF_PRELUDE : '';
var LIBDIFF_MAX_LOG = 400;

// Engines word their own TypeErrors differently ("Cannot read properties of undefined" in V8,
// "cannot read property" in QuickJS, minified names in Newman's bundle): only their name counts.
function libdiffEngineMessage(e) {
  var m = String(e.message);
  if (e.name === 'TypeError' && /not a function|annot read propert|annot set propert|not an object|is not iterable|annot convert|is not a constructor|of undefined|of null/.test(m)) {
    return '(engine)';
  }
  if (e.name === 'RangeError' && /call stack|stack overflow/i.test(m)) { return '(stack overflow)'; }
  return m;
}

function libdiffLogValue(v, refs, depth) {
  for (var r = 0; r < refs.length; r++) {
    if (refs[r][0] === v && v !== null && v !== undefined) { return { $ref: refs[r][1] }; }
  }
  if (depth > 6) { return { $deep: 1 }; }
  if (typeof Uint8Array !== 'undefined' && v instanceof Uint8Array) {
    var hex = '';
    for (var i = 0; i < v.length; i++) { hex += (v[i] < 16 ? '0' : '') + v[i].toString(16); }
    return { $bytes: hex, buffer: v._isBuffer === true };
  }
  if (v instanceof Error) {
    var err = { $error: v.name, message: libdiffEngineMessage(v) };
    Object.keys(v).forEach(function (k) {
      if (k !== 'stack' && k !== 'message') { err[k] = libdiffLogValue(v[k], refs, depth + 1); }
    });
    return err;
  }
  if (Array.isArray(v)) { return v.map(function (x) { return libdiffLogValue(x, refs, depth + 1); }); }
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) {
    var out = {};
    var proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) { out.$class = 1; }
    Object.keys(v).forEach(function (k) { out[k] = libdiffLogValue(v[k], refs, depth + 1); });
    return out;
  }
  return libdiffSer(v, 0, [], true);
}

function libdiffAsyncScenario(root, c, hostTimeout, done) {
  var log = [];
  var refs = [];
  var waiting = [];
  var turns = 0;
  function record(tag) {
    if (log.length >= LIBDIFF_MAX_LOG) {
      if (log.length === LIBDIFF_MAX_LOG) { log.push(['$overflow']); }
      throw new Error('libdiff: event log overflow');
    }
    var entry = [tag];
    for (var i = 1; i < arguments.length; i++) { entry.push(libdiffLogValue(arguments[i], refs, 0)); }
    log.push(entry);
  }
  function later(fn) { waiting.push(fn); }
  function name(object, label) { refs.push([object, label]); return object; }
  function guarded(fn) {
    try { fn(); } catch (e) { record('throw', e); }
  }
  guarded(function () {
    new Function('lib', 'args', 'fns', 'log', 'later', 'name', LIBDIFF_PRELUDE + c.s)(root, libdiffDec(c.a || [], root), LIBDIFF_FNS, record, later, name);
  });
  function turn() {
    hostTimeout(function () {
      turns++;
      if (!waiting.length) { done(log); return; }
      if (turns > LIBDIFF_MAX_TURNS) { log.push(['$timeout']); done(log); return; }
      guarded(waiting.shift());
      turn();
    }, 1);
  }
  turn();
}

function libdiffRunAsync(root, calls, hostTimeout, done) {
  var results = [];
  var i = 0;
  function next() {
    while (i < calls.length && !calls[i].async) {
      results.push(libdiffRun(root, [calls[i]])[0]);
      i++;
    }
    if (i >= calls.length) { done(results); return; }
    var c = calls[i++];
    LIBDIFF_MSG = true;
    libdiffAsyncScenario(root, c, hostTimeout, function (log) {
      results.push(log);
      next();
    });
  }
  next();
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { run: libdiffRun, ser: libdiffSer, runAsync: libdiffRunAsync };
}
