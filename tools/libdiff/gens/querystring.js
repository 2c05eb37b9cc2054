// require('querystring'): querystring-es3 0.2.1.
'use strict';

require('./node-shims/load.js');
const { repeat, scenario, done } = require('./node-shims/calls.js');

const STRS = ['', 'a=1', 'a=1&b=2', 'a=1&a=2&a=3', 'a', 'a=', '=b', '&&a=1&&', 'a=b=c', 'a+b=c+d', 'a%20b=c%20d',
  'x=%E2%9C%93', 'x=%zz', 'x=%E2%9C', 'foo=bar;baz=qux', 'k:v,k2:v2', 'é=ü', '__proto__=1&hasOwnProperty=2',
  'a[]=1&a[]=2', 'a=1&b=2&c=3&d=4&e=5', '?a=1', 'a=%2B', 'a&a&a', ';;', 'name=tobi&species=ferret&name=loki'];
const OBJS = [{}, { a: 1 }, { a: 'b c', d: 'e&f' }, { a: [1, 2, 'x'] }, { a: null, b: { $u: 1 }, c: true, d: false },
  { a: { b: 1 } }, { 'é': 'ü✓' }, { a: 1.5, b: { $num: 'NaN' }, c: { $num: '-0' } }, { a: [] }, { '': '' }, { x: "!'()*~-_." },
  { a: ['b', null, { c: 1 }] }];

module.exports = {
  pkg: 'querystring-es3',
  root: "require('querystring')",
  gen: function (lib, { rng, pick }) {
    const r = rng(13);
    const out = [];
    for (const name of ['parse', 'decode']) {
      for (const s of STRS) { out.push({ f: name, a: [s], fn: name }); }
      repeat(out, name, 12, () => [pick(r, STRS), pick(r, [';', ',', '&', { $u: 1 }, null, '']),
        pick(r, [':', '=', { $u: 1 }, null])]);
      repeat(out, name, 8, () => [pick(r, STRS), '&', '=', { maxKeys: pick(r, [0, 1, 2, -1, 'x']) }]);
      repeat(out, name, 4, () => [pick(r, STRS), '&', '=', { decodeURIComponent: { $fn: 'toUpper' } }]);
      for (const bad of [null, { $u: 1 }, 1, {}, ['a=1']]) { out.push({ f: name, a: [bad], fn: name }); }
    }
    for (const name of ['stringify', 'encode']) {
      for (const o of OBJS) { out.push({ f: name, a: [o], fn: name }); }
      repeat(out, name, 10, () => [pick(r, OBJS), pick(r, [';', ',', { $u: 1 }, null]), pick(r, [':', { $u: 1 }, null])]);
      repeat(out, name, 4, () => [pick(r, OBJS), '&', '=', { encodeURIComponent: { $fn: 'toUpper' } }]);
      for (const x of ['abc', 1, null, { $u: 1 }, [1, 2], true]) {
        out.push({ f: name, a: [x], fn: name });
        out.push({ f: name, a: [x, '&', '=', 'name'], fn: name + '(name)' });
      }
    }
    scenario(out, 'keys', 'return Object.keys(lib);');
    return done(out);
  }
};
