// The call evaluator of the library differential tests, shared word for word by both sides: Node
// runs it against the real package (record.js), postie's sandbox runs it inside a collection's
// script (tests/libdiff.rs). Plain ES2015, no require: the library under test is passed in.
//
// A call is {f: "path.to.fn", a: [args], m: [[method, [args]], ...], t: "type-only"?} (or a
// scenario, see libdiffScenario): the function at `f` (from the library root; "" is the root
// itself) is called with the decoded arguments and `this` set to its parent, then each method of
// `m` is called on the result. The result (or the name of what was thrown) is encoded as
// JSON-safe data by `ser`.

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
  argsCount: function () { return arguments.length; }
};

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

function libdiffSer(v, depth, seen) {
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
  if (v instanceof Error) { return { $error: v.name }; }
  if (typeof v.sigBytes === 'number' && Array.isArray(v.words)) { return { $words: libdiffHex(v) }; }
  if (v.ciphertext && typeof v.ciphertext.sigBytes === 'number') { return { $cipher: libdiffHex(v.ciphertext) }; }
  if (v._isAMomentObject) { return { $moment: v.isValid() ? v.toISOString() : 'Invalid', utc: v.isUTC() }; }
  if (typeof v.asMilliseconds === 'function' && typeof v.humanize === 'function') { return { $duration: v.toISOString() }; }
  if (Array.isArray(v)) {
    var arr = [];
    for (var i = 0; i < v.length; i++) { arr.push(libdiffSer(v[i], depth + 1, seen)); }
    return arr;
  }
  if (typeof Map !== 'undefined' && v instanceof Map) {
    var m = [];
    v.forEach(function (val, key) { m.push([libdiffSer(key, depth + 1, seen), libdiffSer(val, depth + 1, seen)]); });
    return { $map: m };
  }
  if (typeof Set !== 'undefined' && v instanceof Set) {
    var s = [];
    v.forEach(function (val) { s.push(libdiffSer(val, depth + 1, seen)); });
    return { $set: s };
  }
  var out = {};
  var proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) { out.$class = 1; }
  Object.keys(v).forEach(function (k) { out[k] = libdiffSer(v[k], depth + 1, seen); });
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
  var result = r[1].apply(r[0], libdiffDec(c.a || [], root));
  (c.m || []).forEach(function (step) {
    result = result[step[0]].apply(result, libdiffDec(step[1] || [], root));
  });
  return result;
}

// A scenario {s: "source", a: [args]} is a function body run with the library as `lib`, the
// decoded arguments as `args` and the callbacks above as `fns`; its return value is the result.
function libdiffScenario(root, c) {
  return new Function('lib', 'args', 'fns', c.s)(root, libdiffDec(c.a || [], root), LIBDIFF_FNS);
}

function libdiffRun(root, calls) {
  return calls.map(function (c) {
    try {
      if (c.s) { return libdiffSer(libdiffScenario(root, c)); }
      if (typeof libdiffResolve(root, c.f)[1] !== 'function') { return { $missing: 1 }; }
      var result = libdiffCall(root, c);
      if (c.t) { return { $typeof: typeof result }; }
      return libdiffSer(result);
    } catch (e) {
      return { $throw: (e && e.name) || typeof e };
    }
  });
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { run: libdiffRun, ser: libdiffSer };
}
