// A quick loop for library work: runs the recorded calls of cases/LIB.json against postie's own
// JavaScript for LIB (src/script/lib/*.js) in Node, without building postie. Only libraries
// written in plain JavaScript with no native parts work here (ajv, tv4, csv-parse,
// postman-collection; xml2js parses
// in Rust); `cargo test --test integration libdiff` stays the real check.
//
//   node tools/libdiff/harness.js LIB [FUNCTION [N]]
//
// prints how many functions match and, for each one that differs, how many calls do; with
// FUNCTION it also shows N (default 2) of that function's differing calls.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');

const ROOT = path.join(__dirname, '..', '..');
const FILES = { ajv: 'ajv', tv4: 'tv4', 'csv-parse': 'csv-parse', 'postman-collection': 'postman-collection' };
const [lib, only, count] = process.argv.slice(2);
if (!FILES[lib]) {
  console.error('usage: node tools/libdiff/harness.js ' + Object.keys(FILES).join('|') + ' [FUNCTION [N]]');
  process.exit(2);
}
const calls = require('./calls.js');
const doc = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases', lib + '.json'), 'utf8'));

// The parts of postie's native helper object these libraries use.
const P = { deepEqual: util.isDeepStrictEqual };
const loaded = {};
// postman-collection uses lodash and uuid: the real lodash 4 and Node's random UUIDs stand in.
const STUBS = { lodash: () => require('lodash'), uuid: () => () => require('crypto').randomUUID(), buffer: () => require('buffer') };
if (lib === 'postman-collection') {
  // (postie's own are in http.js and Rust: rough stand-ins, so Response differs here)
  P.reasons = {};
  for (const [code, r] of Object.entries(require('http-reasons/db.json'))) P.reasons[code] = r.name;
  P.parseJson = (text, reviver) => JSON.parse(text, reviver);
  P.contentInfo = (headers) => ({ contentType: String(headers.get('Content-Type') || 'text/plain').split(';')[0] });
}
function load(id) {
  if (!loaded[id] && STUBS[id]) loaded[id] = STUBS[id]();
  if (!loaded[id]) {
    const src = fs.readFileSync(path.join(ROOT, 'src', 'script', 'lib', id + '.js'), 'utf8');
    loaded[id] = (0, eval)(src)(P, load);
  }
  return loaded[id];
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys(v[k]);
    return o;
  }
  return v;
}

const got = calls.run(load(FILES[lib]), doc.calls);
const bad = {};
doc.calls.forEach((c, i) => {
  const want = JSON.stringify(sortKeys(doc.expected[i]));
  const have = JSON.stringify(sortKeys(got[i]));
  if (want !== have) (bad[c.fn] = bad[c.fn] || []).push({ c, want, have });
});
const n = doc.functions.length;
console.log(lib + ': ' + (n - Object.keys(bad).length) + ' of ' + n + ' functions match');
for (const fn of Object.keys(bad)) {
  console.log(fn + ': ' + bad[fn].length + ' calls differ');
  if (fn !== only) continue;
  for (const b of bad[fn].slice(0, Number(count || 2))) {
    console.log('  call ' + JSON.stringify({ a: b.c.a, s: b.c.s }).slice(0, 600));
    console.log('  want ' + b.want.slice(0, 1200));
    console.log('  got  ' + b.have.slice(0, 1200));
  }
}
