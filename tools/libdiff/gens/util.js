// require('util'): util 0.10.4.
'use strict';

require('./node-shims/load.js');
const { repeat, scenario, done } = require('./node-shims/calls.js');

const VALUES = [0, { $num: '-0' }, 1.5, -7, { $num: 'NaN' }, { $num: 'Infinity' }, '', 'abc', "it's \"q\"\n", 'déjà', true, false, null,
  { $u: 1 }, [], [1, 2, 3], [1, [2, [3, [4, [5]]]]], ['a', { b: 'c' }], {}, { a: 1, b: 'x' }, { a: { b: { c: { d: { e: 1 } } } } },
  { 'key with space': 1, valid_id: 2, 3: 'n' }, { $date: '2021-03-04T05:06:07.000Z' }, { $re: ['a+b', 'gi'] }, { $fn: 'identity' },
  { arr: [1, 2, 3], nested: { list: ['x', 'y'], n: null, u: { $u: 1 } } },
  { long: 'the quick brown fox jumps over the lazy dog', more: 'the quick brown fox jumps over the lazy dog' },
  [{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }, { a: 7, b: 8 }, { a: 9, b: 10 }, { a: 11, b: 12 }],
  new Array(30).fill(0).map((_, i) => i), new Array(120).fill('x')];
const FORMATS = ['%s', '%d', '%j', '%%', '%s %s', '%d items', 'a %j b', '%s=%d', 'no args', '%x %s', '%', '%s%%%d', '%i %f',
  '%o', '%O', '%j%j', 'a\nb %s'];
const PREDICATES = ['isArray', 'isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined',
  'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive', 'isBuffer'];

module.exports = {
  pkg: 'util/',
  root: "require('util')",
  gen: function (lib, { rng, pick, randomArg }) {
    const r = rng(14);
    const v = () => pick(r, VALUES);
    const out = [];
    for (const x of VALUES) { out.push({ f: 'inspect', a: [x], fn: 'inspect' }); }
    const OPTS = [{ depth: 0 }, { depth: 1 }, { depth: null }, { depth: 5 }, { showHidden: true }, { colors: true },
      { customInspect: false }, { depth: 0, colors: true }, {}];
    repeat(out, 'inspect(options)', 50, () => [v(), pick(r, OPTS)], { f: 'inspect' });
    repeat(out, 'inspect(showHidden, depth, colors)', 20, () => [v(), pick(r, [true, false]), pick(r, [0, 1, null, 3]),
      pick(r, [true, false])], { f: 'inspect' });
    for (const fmt of FORMATS) {
      out.push({ f: 'format', a: [fmt], fn: 'format' });
      out.push({ f: 'format', a: [fmt, v()], fn: 'format' });
      out.push({ f: 'format', a: [fmt, v(), v(), v()], fn: 'format' });
    }
    repeat(out, 'format', 25, () => [v(), v(), v()]);
    for (const p of PREDICATES) {
      for (const x of VALUES) { out.push({ f: p, a: [x], fn: p }); }
      repeat(out, p, 6, () => [randomArg(r)]);
    }
    repeat(out, '_extend', 10, () => [pick(r, [{}, { a: 1 }, { a: 1, b: 2 }]), pick(r, [{ a: 9 }, { c: 3 }, null, { $u: 1 }, 'xy', [7]])]);
    const S = (name, body) => scenario(out, name, body);
    S('inspect', 'var a = {x: 1}; a.self = a; a.list = [a]; return lib.inspect(a);');
    S('inspect', 'return lib.inspect({inspect: function (d) { return "custom " + d; }});');
    S('inspect', 'return lib.inspect({inspect: function () { return {not: "a string"}; }});');
    S('inspect', 'function Foo() { this.a = 1; } return [lib.inspect(new Foo()), lib.inspect(Object.create(null)), lib.inspect(Object.create({inherited: 1}))];');
    S('inspect', 'var e = new Error("boom"); var t = new TypeError("bad"); return [lib.inspect(e).split("\\n")[0], lib.inspect(t).split("\\n")[0], lib.inspect(new RangeError())];');
    S('inspect', 'var e = new Error("m"); e.extra = 1; return lib.inspect(e).split("\\n")[0];');
    S('inspect', 'function named() {} var f = function () {}; f.prop = 1; return [lib.inspect(named), lib.inspect(f), lib.inspect(Math.max), lib.inspect([named])];');
    S('inspect', 'return [lib.inspect(Symbol("s")), lib.inspect([Symbol.iterator]), lib.inspect(new Date(NaN))];');
    S('inspect', 'var d = new Date(0); d.x = 1; var re = /x/g; re.y = 2; return [lib.inspect(d), lib.inspect(re)];');
    S('inspect', 'var a = [1, 2]; a.extra = "e"; var sparse = [1, , 3]; sparse[10] = 4; return [lib.inspect(a), lib.inspect(sparse)];');
    S('inspect', 'var o = {}; Object.defineProperty(o, "g", {get: function () { return 1; }, enumerable: true}); Object.defineProperty(o, "s", {set: function () {}, enumerable: true}); Object.defineProperty(o, "gs", {get: function () { return 1; }, set: function () {}, enumerable: true}); return [lib.inspect(o), lib.inspect(o, {showHidden: true})];');
    S('inspect', 'return [lib.inspect(new String("s")), lib.inspect(new Number(3)), lib.inspect(new Boolean(false))];');
    S('inspect', 'return [lib.inspect([1, 2, 3], {showHidden: true}), lib.inspect({a: [1]}, {showHidden: true})];');
    S('inspect', 'return [lib.inspect("x", {colors: true}), lib.inspect([1, null, undefined, true, "s", /r/, new Date(0)], {colors: true})];');
    S('inspect', 'return [lib.inspect.colors, lib.inspect.styles];');
    S('inspect', 'var m = new Map([[1, 2]]); var s = new Set([1]); return [lib.inspect(m), lib.inspect(s), lib.inspect(new Uint8Array([1, 2]))];');
    S('inspect', 'var o = {a: 1}; o[Symbol("k")] = 2; return lib.inspect(o);');
    S('format', 'var a = {x: 1}; a.self = a; return lib.format("%j", a);');
    S('format', 'return [lib.format("%s", {toString: function () { return "T"; }}), lib.format("%d", "42abc"), lib.format("%d", {}), lib.format(1, 2, "three")];');
    S('inherits', 'function A() {} A.prototype.hi = function () { return "hi"; }; function B() {} lib.inherits(B, A); var b = new B(); return [b.hi(), b instanceof A, B.super_ === A, B.prototype.constructor === B, Object.keys(B.prototype), Object.getOwnPropertyDescriptor(B.prototype, "constructor").enumerable];');
    S('inherits', 'try { lib.inherits(function () {}, null); return "no throw"; } catch (e) { return e.name; }');
    S('deprecate', 'var f = lib.deprecate(function (a, b) { return a + b; }, "old"); return [typeof f, f.length];');
    // Newman's sandbox has no global `process`, so there the wrapper util 0.10.4 returns calls
    // deprecate() again on every call, without end (a RangeError); with Node's it warns once.
    S('deprecate(call)', 'var f = lib.deprecate(function (a, b) { return [this === undefined ? "u" : typeof this, a + b]; }, "old"); return [f(1, 2), f(3, 4)];');
    S('debuglog', 'var d = lib.debuglog("postie"); return [typeof d, d("x")];');
    S('log', 'return typeof lib.log;');
    S('keys', 'return Object.keys(lib);');
    return done(out);
  }
};
