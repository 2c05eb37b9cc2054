#!/usr/bin/env node
// Records what Node's JSON.parse says about seeded random, mostly broken JSON texts, for the
// test of src/script/lib/v8-json-error.js (V8's JSON.parse messages, which "use sandbox2"
// scripts see in Newman). Run with the Node Newman runs on: `node tools/json-errors/gen.js`
// writes tools/json-errors/cases.json as [text, message or null] pairs.
'use strict';
const fs = require('fs');
const path = require('path');

let seed = 20261208;
function rand() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const KEYS = ['a', 'id', 'name', 'x y', 'é', '\\u0041', 'n\\"q', '0', '12', ''];
const STRINGS = ['', 'abc', 'with space', 'tab\\t', 'é\\u00e9', '\\/', 'long string value here', 'q\\"q'];
const NUMBERS = ['0', '-1', '12.5', '1e5', '-0.25E-3', '123456789', '3.14159'];
function value(depth) {
  const r = rand();
  if (depth > 3 || r < 0.35) return pick(NUMBERS.concat(['true', 'false', 'null', '"' + pick(STRINGS) + '"']));
  const ws = () => pick(['', '', ' ', '\n  ', '\t']);
  if (r < 0.7) {
    const n = Math.floor(rand() * 4);
    const props = [];
    for (let i = 0; i < n; i++) props.push(ws() + '"' + pick(KEYS) + '"' + ws() + ':' + ws() + value(depth + 1));
    return '{' + props.join(',') + ws() + '}';
  }
  const n = Math.floor(rand() * 5);
  const items = [];
  for (let i = 0; i < n; i++) items.push(ws() + value(depth + 1));
  return '[' + items.join(',') + ws() + ']';
}
const NOISE = ['"', ',', ':', '{', '}', '[', ']', ' ', '\n', '-', '.', 'e', '+', '0', '7', 'x', 't', 'n', 'f',
  '\\', 'u', "'", '\u0001', '\t', '\ufeff', 'é', '<', '/', 'undefined', 'NaN', 'Infinity', 'tru', 'nul'];
function mutate(text) {
  const i = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.3) return text.slice(0, i) + text.slice(i + 1);
  if (r < 0.6) return text.slice(0, i) + pick(NOISE) + text.slice(i);
  if (r < 0.85) return text.slice(0, i) + pick(NOISE) + text.slice(i + 1);
  return text.slice(0, i);
}
const cases = [];
const seen = new Set();
const fixed = ['', ' ', 'undefined', 'NaN', 'Infinity', '-Infinity', '[object Object]', '\ufeff{}', '<html>',
  '{"a":1,"b" 2}', '{"a" 1}', '"\\\ufeff"', '"a\\\ud83d"', '"\\é"', '"\\', '"\\u12', 'truex', 'trux', '01', '-', '1.', '1e+'];
for (const t of fixed) { seen.add(t); cases.push(t); }
while (cases.length < 4000) {
  let text = value(0);
  const n = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) text = mutate(text);
  if (seen.has(text)) continue;
  seen.add(text);
  cases.push(text);
}
const out = cases.map((text) => {
  try {
    JSON.parse(text);
    return [text, null];
  } catch (e) {
    return [text, e.message];
  }
});
fs.writeFileSync(path.join(__dirname, 'cases.json'), '[' + out.map((c) => JSON.stringify(c)).join(',\n') + ']\n');
console.log('node ' + process.version + ': ' + out.length + ' texts, ' + out.filter((c) => c[1]).length + ' broken');
