// require('timers'): timers-browserify 1.4.2, as Newman's sandbox runs it (gens/node-shims/
// bundle-vm.js): its setTimeout and setInterval call a host setTimeout the sandbox's bundle does
// not have, and setImmediate goes through browserify's process.nextTick, which has none either.
// Async scenarios (calls.js): random calls of every export with random delays, callbacks and
// extra arguments, logging what each returns or throws and every callback that ever runs.

'use strict';

const { recordAsync } = require('./node-shims/bundle-vm.js');

const FUNCTIONS = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'enroll', 'unenroll', 'active',
  '_unrefActive', 'setImmediate', 'clearImmediate'];

// Source text of the values the random calls take.
const DELAYS = ['0', '1', '5', '-1', '20', '"10"', 'undefined', 'null', 'NaN', '1e9', '{}'];
const CALLBACKS = ['cb("a")', 'cb("b")', 'undefined', '"log(1)"', '42', 'null', 'cb("this")'];
const EXTRAS = ['1', '"x"', 'null', 'undefined', '{k: 1}', '[1, 2]'];
const HANDLES = ['undefined', 'null', '0', '1', '"id"', '{}', 'closer("h")', '{close: 1}', 'ids[0]', 'closer("k")',
  '{_idleTimeoutId: 3}', '[]'];
const ITEMS = ['{}', 'item("i")', '{_idleTimeout: 5}', '{_idleTimeoutId: 2, _idleTimeout: 1}', 'null', 'undefined',
  'item("j")'];

const PRE = [
  'var T = lib, ids = [], r;',
  'function cb(tag) { return function () { log("fired", tag, [].slice.call(arguments), this === undefined); }; }',
  'function closer(tag) { return { close: function () { log("close", tag, [].slice.call(arguments)); return tag; } }; }',
  'function item(tag) { return { _onTimeout: function () { log("onTimeout", tag); } }; }',
  'function call(label, f) { try { r = f(); log(label, r); if (typeof r === "number") ids.push(r); } catch (e) { log(label + " threw", e); } }',
  ''
].join('\n');

function argsFor(r, pick, fn) {
  const out = [];
  if (fn === 'setTimeout' || fn === 'setInterval') {
    out.push(pick(r, CALLBACKS));
    if (r() < 0.85) { out.push(pick(r, DELAYS)); }
    while (r() < 0.35) { out.push(pick(r, EXTRAS)); }
  } else if (fn === 'setImmediate') {
    out.push(pick(r, CALLBACKS));
    while (r() < 0.4) { out.push(pick(r, EXTRAS)); }
  } else if (fn === 'enroll') {
    out.push(pick(r, ITEMS));
    if (r() < 0.8) { out.push(pick(r, DELAYS)); }
  } else if (fn === 'unenroll' || fn === 'active' || fn === '_unrefActive') {
    out.push(pick(r, ITEMS));
  } else {
    if (r() < 0.9) { out.push(pick(r, HANDLES)); }
    if (r() < 0.1) { out.push(pick(r, EXTRAS)); }
  }
  return out;
}

// One statement calling `fn` with random arguments, logged.
function callOf(r, pick, fn) {
  return 'call(' + JSON.stringify(fn) + ', function () { return T.' + fn + '(' + argsFor(r, pick, fn).join(', ') + '); });';
}

module.exports = {
  pkg: 'timers-browserify',
  version: '1.4.2',
  root: "require('timers')",
  async: true,
  prelude: PRE,
  gen: function (lib, tools) {
    const r = tools.rng(11);
    const out = [];
    const push = (fn, body) => out.push({ s: body, a: [], fn, async: 1 });
    // first: stream and timers defer through one process.nextTick, whose first call throws
    push('shared nextTick', 'var S = (typeof __libdiffRequire === "function" ? __libdiffRequire : require)("stream");' +
      'var a = new S.Readable({read: function () { log("_read"); }});' +
      'call("on data", function () { return a.on("data", cb("data")) === a; });' +
      'call("push", function () { return a.push("x"); });' +
      'call("setImmediate", function () { return T.setImmediate(cb("immediate")); });' +
      'later(function () { log("flowing", a._readableState.flowing, a._readableState.length); });');
    push('keys', 'log("keys", Object.keys(T)); log("shape", Object.keys(T).map(function (k) { return [k, typeof T[k], T[k].length]; }));' +
      'var req = typeof __libdiffRequire === "function" ? __libdiffRequire : require; log("same", req("timers") === T);' +
      'log("names", T.clearTimeout === T.clearInterval, T.active === T._unrefActive);');
    for (const fn of FUNCTIONS) {
      for (let i = 0; i < 40; i++) {
        const lines = [];
        // a few other random calls around the one under test, some after a turn of the host's timers
        const before = Math.floor(r() * 3);
        for (let k = 0; k < before; k++) { lines.push(callOf(r, tools.pick, tools.pick(r, FUNCTIONS))); }
        lines.push(callOf(r, tools.pick, fn));
        if (r() < 0.5) { lines.push('later(function () { ' + callOf(r, tools.pick, fn) + ' });'); }
        if (r() < 0.4) { lines.push('later(function () { ' + callOf(r, tools.pick, tools.pick(r, FUNCTIONS)) + ' });'); }
        lines.push('later(function () { log("turn"); });');
        lines.push('later(function () { log("ids", ids); });');
        push(fn, lines.join('\n'));
      }
    }
    return { functions: [...new Set(out.map((c) => c.fn))].sort(), calls: JSON.parse(JSON.stringify(out)) };
  },
  record: function (calls, prelude) { return recordAsync('timers', calls, prelude); }
};
