#!/usr/bin/env node
// Generates the calls of the library differential tests and records what the real package
// returns for each: `node tools/libdiff/gen.js [LIB...]` writes tools/libdiff/cases/LIB.json
// ({lib, version, root, functions, calls, expected}). Arguments come from a seeded generator, so
// the same version of this file always produces the same calls. Needs `npm ci` in tools/libdiff.

'use strict';

process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');

// --- a small seeded generator (mulberry32), so runs are reproducible -------------------------
function rng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function pick(r, list) { return list[Math.floor(r() * list.length)]; }

const U = { $u: 1 };
const FN = (name) => ({ $fn: name });
const POOLS = {
  number: [0, 1, 2, 3, -1, 1.5, 10, 4.006, -2.5, { $num: 'NaN' }, 7, 0.1],
  string: ['', 'a', 'abc', 'Foo Bar', 'fooBar', '--foo-bar--', 'hello world', 'déjà vu', 'a,b,c', '  pad  ',
    '<b>&\'"</b>', '123', 'x-y_z', 'ÀÉÎ', 'the quick brown fox', 'a.b.c', 'A1b2'],
  array: [[], [1, 2, 3], [3, 1, 2, 1], ['a', 'b'], [1, [2, [3, [4]]]], [{ a: 1, b: 2 }, { a: 2, b: 1 }],
    [0, 1, false, '', null], [1.1, 2.5, 3.9], ['b', 'a', 'c', 'a'], [[1, 'a'], [2, 'b']], [{ a: 1 }, { a: 1 }, { b: 2 }]],
  object: [{}, { a: 1, b: 2 }, { a: { b: { c: 3 } } }, { x: '1', y: [1, 2] }, { length: 2, 0: 'a', 1: 'b' },
    { a: 1, b: 'x', c: null }, { b: 2, a: 1 }],
  fn: ['identity', 'double', 'isEven', 'isTruthy', 'toUpper', 'add', 'compare', 'always', 'never', 'length',
    'pair', 'argsCount'].map(FN),
  path: ['a', 'a.b.c', ['a', 'b'], 'x[0]', 'b', 'length', 0],
  misc: [true, false, null, U]
};
const KINDS = ['number', 'string', 'array', 'object', 'fn', 'path', 'misc', 'array', 'string', 'number'];

function randomArg(r) {
  const kind = pick(r, KINDS);
  return JSON.parse(JSON.stringify(pick(r, POOLS[kind])));
}

// --- lodash (4 via require('lodash'); 3 as the legacy sandbox's `_`) ----------------------------
// Nondeterministic or environment-changing functions are only checked for what they return the
// type of, never called with random arguments.
const LODASH_TYPE_ONLY = new Set(['now', 'random', 'shuffle', 'sample', 'sampleSize', 'uniqueId', 'debounce',
  'throttle', 'defer', 'delay', 'noConflict', 'runInContext', 'mixin', 'bindAll', 'templateSettings', 'chain',
  'prototype', 'iteratee', 'callback', 'support', 'tap', 'thru', 'wrapperChain', 'createCallback',
  'memoize', 'template', 'partial', 'partialRight', 'curry', 'curryRight', 'bind', 'bindKey', 'wrap',
  'once', 'after', 'before', 'ary', 'rearg', 'rest', 'spread', 'flip', 'negate', 'unary', 'overArgs',
  'restParam', 'backflow', 'compose', 'flow', 'flowRight', 'method', 'methodOf', 'property', 'propertyOf',
  'matches', 'matchesProperty', 'conforms', 'constant', 'nthArg', 'over', 'overEvery', 'overSome', 'cond']);

function lodashCalls(lib, seed) {
  const r = rng(seed);
  const names = Object.keys(lib).filter((n) => typeof lib[n] === 'function').sort();
  const out = [];
  for (const name of names) {
    if (LODASH_TYPE_ONLY.has(name)) {
      out.push({ f: name, a: [], t: 1, fn: name });
      continue;
    }
    const arity = Math.min(lib[name].length, 4);
    for (let i = 0; i < 12; i++) {
      const n = Math.max(1, arity + (i % 3 === 2 ? 1 : 0) - (i % 4 === 3 && arity > 1 ? 1 : 0));
      const args = [];
      for (let k = 0; k < n; k++) { args.push(randomArg(r)); }
      out.push({ f: name, a: args, fn: name });
    }
  }
  return { functions: names, calls: out };
}

// --- crypto-js -----------------------------------------------------------------------------------
const TEXTS = ['', 'a', 'abc', 'message digest', 'The quick brown fox jumps over the lazy dog', 'déjà vu ✓',
  '0123456789'.repeat(13), 'postman'];
const KEYS_HEX = ['000102030405060708090a0b0c0d0e0f', '2b7e151628aed2a6abf7158809cf4f3c',
  '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', '0123456789abcdef0123456789abcdef0123456789abcdef'];
function cryptoCalls() {
  const out = [];
  const hashers = ['MD5', 'SHA1', 'SHA256', 'SHA224', 'SHA512', 'SHA384', 'SHA3', 'RIPEMD160'];
  const hex = (h) => ({ f: 'enc.Hex.parse', a: [h] });
  for (const h of hashers) {
    for (const t of TEXTS) {
      out.push({ f: h, a: [t], m: [['toString', []]], fn: h });
      out.push({ f: 'Hmac' + h, a: [t, 'key'], m: [['toString', []]], fn: 'Hmac' + h });
    }
    out.push({ f: h, a: [TEXTS[4]], m: [['toString', [{ $enc: 'Base64' }]]], fn: h });
  }
  for (const t of TEXTS) {
    out.push({ f: 'SHA3', a: [t, { outputLength: 256 }], m: [['toString', []]], fn: 'SHA3' });
    out.push({ f: 'SHA3', a: [t, { outputLength: 384 }], m: [['toString', []]], fn: 'SHA3' });
    out.push({ f: 'SHA3', a: [t, { outputLength: 224 }], m: [['toString', []]], fn: 'SHA3' });
  }
  for (const enc of ['Hex', 'Base64', 'Latin1', 'Utf8', 'Utf16', 'Utf16LE', 'Utf16BE']) {
    for (const t of TEXTS) {
      out.push({ f: 'enc.Utf8.parse', a: [t], m: [['toString', [{ $enc: enc }]]], fn: 'enc.' + enc + '.stringify' });
    }
  }
  for (const h of ['00ff10', 'deadbeef', '']) { out.push({ f: 'enc.Hex.parse', a: [h], fn: 'enc.Hex.parse' }); }
  for (const b of ['aGVsbG8=', 'YWJj', 'AAEC/w==', '']) { out.push({ f: 'enc.Base64.parse', a: [b], fn: 'enc.Base64.parse' }); }
  for (const t of TEXTS.slice(0, 5)) {
    out.push({ f: 'PBKDF2', a: [t, 'salt', { keySize: 4, iterations: 3 }], m: [['toString', []]], fn: 'PBKDF2' });
    out.push({ f: 'EvpKDF', a: [t, 'salt', { keySize: 4, iterations: 2 }], m: [['toString', []]], fn: 'EvpKDF' });
  }
  // block and stream ciphers with explicit keys and IVs (deterministic), every mode and padding
  const ciphers = [['AES', 0], ['AES', 1], ['AES', 2], ['DES', 0], ['TripleDES', 3], ['RC4', 0], ['RC4Drop', 1],
    ['Rabbit', 0], ['RabbitLegacy', 1]];
  const modes = ['CBC', 'CFB', 'CTR', 'OFB', 'ECB'];
  const pads = ['Pkcs7', 'Iso97971', 'AnsiX923', 'Iso10126', 'ZeroPadding', 'NoPadding'];
  let i = 0;
  for (const [c, k] of ciphers) {
    for (const t of TEXTS) {
      i++;
      const mode = modes[i % modes.length];
      const pad = pads[i % pads.length];
      const block = c === 'AES' || c === 'DES' || c === 'TripleDES';
      const padOk = pad === 'Iso10126' || (pad === 'NoPadding' && (t.length % 16 !== 0)) ? 'Pkcs7' : pad;
      const cfg = block ? { iv: { $call: hex(KEYS_HEX[0]) }, mode: { $path: 'mode.' + mode }, padding: { $path: 'pad.' + padOk } }
        : { iv: { $call: hex(KEYS_HEX[0].slice(0, 16)) } };
      out.push({ f: c + '.encrypt', a: [t, { $call: hex(KEYS_HEX[k]) }, cfg], m: [['toString', []]], fn: c + '.encrypt' });
      out.push({ f: c + '.decrypt', a: [{ $call: { f: c + '.encrypt', a: [t, { $call: hex(KEYS_HEX[k]) }, cfg] } }, { $call: hex(KEYS_HEX[k]) }, cfg],
        m: [['toString', [{ $enc: 'Utf8' }]]], fn: c + '.decrypt' });
    }
  }
  const functions = [...new Set(out.map((c) => c.fn))].sort();
  return { functions, calls: out };
}

// --- moment ------------------------------------------------------------------------------------
const DATES = ['2021-03-04T05:06:07Z', '1999-12-31T23:59:59.999Z', '2020-02-29T12:00:00Z', '2024-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z', '2023-07-15T18:30:45.123Z', '2000-06-05T01:02:03Z'];
const TOKENS = ['M', 'Mo', 'MM', 'MMM', 'MMMM', 'Q', 'Qo', 'D', 'Do', 'DD', 'DDD', 'DDDo', 'DDDD', 'd', 'do', 'dd', 'ddd',
  'dddd', 'e', 'E', 'w', 'wo', 'ww', 'W', 'Wo', 'WW', 'YY', 'YYYY', 'YYYYYY', 'Y', 'gg', 'gggg', 'GG', 'GGGG', 'A', 'a',
  'H', 'HH', 'h', 'hh', 'k', 'kk', 'm', 'mm', 's', 'ss', 'S', 'SS', 'SSS', 'SSSS', 'Z', 'ZZ', 'X', 'x', 'LT', 'LTS', 'L',
  'l', 'LL', 'll', 'LLL', 'lll', 'LLLL', 'llll', '[today] YYYY', 'YYYY-MM-DDTHH:mm:ss.SSSZ', 'dddd, MMMM Do YYYY, h:mm:ss a'];
const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'quarters', 'y', 'M', 'w', 'd', 'h', 'm', 's', 'ms', 'Q'];
function momentCalls() {
  const out = [];
  const at = (d) => ({ f: 'utc', a: [d] });
  for (const d of DATES) {
    for (const tok of TOKENS) { out.push({ f: 'utc', a: [d], m: [['format', [tok]]], fn: 'format' }); }
    for (const u of UNITS) {
      out.push({ f: 'utc', a: [d], m: [['add', [3, u]]], fn: 'add' });
      out.push({ f: 'utc', a: [d], m: [['subtract', [2, u]]], fn: 'subtract' });
      out.push({ f: 'utc', a: [d], m: [['startOf', [u]]], fn: 'startOf' });
      out.push({ f: 'utc', a: [d], m: [['endOf', [u]]], fn: 'endOf' });
      out.push({ f: 'utc', a: [d], m: [['diff', [{ $call: at(DATES[0]) }, u]]], fn: 'diff' });
      out.push({ f: 'utc', a: [d], m: [['get', [u]]], fn: 'get' });
    }
    for (const m of ['toISOString', 'valueOf', 'unix', 'toJSON', 'toArray', 'toObject', 'isValid', 'isLeapYear', 'day',
      'date', 'month', 'year', 'hour', 'minute', 'second', 'millisecond', 'dayOfYear', 'week', 'isoWeek', 'isoWeekday',
      'weekday', 'quarter', 'daysInMonth', 'weeksInYear', 'isoWeeksInYear', 'utcOffset', 'format', 'toString', 'toDate',
      'clone', 'local']) {
      out.push({ f: 'utc', a: [d], m: m === 'local' ? [['local', []], ['utc', []]] : [[m, []]], fn: m });
    }
    for (const other of DATES) {
      for (const m of ['isBefore', 'isAfter', 'isSame', 'isSameOrBefore', 'isSameOrAfter']) {
        out.push({ f: 'utc', a: [d], m: [[m, [{ $call: at(other) }, 'day']]], fn: m });
      }
      out.push({ f: 'utc', a: [d], m: [['from', [{ $call: at(other) }]]], fn: 'from' });
      out.push({ f: 'utc', a: [d], m: [['to', [{ $call: at(other) }, true]]], fn: 'to' });
      out.push({ f: 'utc', a: [d], m: [['isBetween', [{ $call: at(DATES[1]) }, { $call: at(other) }]]], fn: 'isBetween' });
    }
  }
  for (const [s, f] of [['2021-03-04', 'YYYY-MM-DD'], ['04/03/2021', 'DD/MM/YYYY'], ['March 4 2021', 'MMMM D YYYY'],
    ['2021-13-01', 'YYYY-MM-DD'], ['2021-03-04 12:30 pm', 'YYYY-MM-DD h:mm a'], ['1614834367', 'X'], ['20210304', 'YYYYMMDD'],
    ['2021-03-04 05:06', 'YYYY-MM-DD HH:mm'], ['bad', 'YYYY']]) {
    out.push({ f: 'utc', a: [s, f], fn: 'utc(string, format)' });
    out.push({ f: 'utc', a: [s, f, true], m: [['isValid', []]], fn: 'utc(string, format, strict)' });
  }
  for (const s of ['2021-03-04', '2021-03-04T05:06', '2021-03-04T05:06:07+02:00', '2021-W09-4', '2021-063', 'not a date', '']) {
    out.push({ f: 'utc', a: [s], fn: 'utc(iso string)' });
  }
  for (const u of UNITS) {
    for (const n of [0, 1, 2, 45, 90, 400, -3, 1.5]) {
      out.push({ f: 'duration', a: [n, u], m: [['humanize', []]], fn: 'duration.humanize' });
      out.push({ f: 'duration', a: [n, u], m: [['asSeconds', []]], fn: 'duration.as' });
      out.push({ f: 'duration', a: [n, u], fn: 'duration' });
    }
  }
  for (const s of ['P1Y2M3DT4H5M6S', 'PT36H', '01:30:00', '2.01:00:00', 'P2W']) {
    out.push({ f: 'duration', a: [s], fn: 'duration(string)' });
    out.push({ f: 'duration', a: [s], m: [['humanize', [true]]], fn: 'duration.humanize' });
  }
  for (const m of ['max', 'min']) {
    out.push({ f: m, a: [{ $call: { f: 'utc', a: [DATES[0]] } }, { $call: { f: 'utc', a: [DATES[1]] } }], fn: m });
  }
  for (const m of ['isMoment', 'isDate', 'isDuration', 'unix', 'months', 'monthsShort', 'weekdays',
    'weekdaysShort', 'weekdaysMin', 'locale', 'normalizeUnits']) {
    out.push({ f: m, a: m === 'unix' ? [1614834367] : (m === 'normalizeUnits' ? ['Days'] : []), fn: m });
  }
  const functions = [...new Set(out.map((c) => c.fn))].sort();
  return { functions, calls: out };
}

// --- the libraries -----------------------------------------------------------------------------
const LIBS = {
  lodash: { pkg: 'lodash', root: "require('lodash')", gen: (lib) => lodashCalls(lib, 4) },
  'lodash-legacy': { pkg: 'lodash3', root: '_', gen: (lib) => lodashCalls(lib, 3) },
  'crypto-js': { pkg: 'crypto-js', root: "require('crypto-js')", gen: cryptoCalls },
  moment: { pkg: 'moment', root: "require('moment')", gen: momentCalls }
};

// More libraries, one file each: `gens/LIB.js` exports `{pkg, root, gen(lib, tools)}` where
// `tools` holds the seeded generator helpers above; `pkgJson` names the package whose version is
// recorded when `pkg` is a module inside it.
const GENS = path.join(__dirname, 'gens');
if (fs.existsSync(GENS)) {
  for (const file of fs.readdirSync(GENS).filter((f) => f.endsWith('.js')).sort()) {
    LIBS[file.slice(0, -3)] = require(path.join(GENS, file));
  }
}
const TOOLS = { rng, pick, randomArg, POOLS, U, FN };

// `{$call: {f, a}}` in an argument is evaluated first (through calls.run itself), `{$path}` is a
// member of the library and `{$enc: name}` an encoder of crypto-js: the evaluator sees them
// resolved by the prelude that record.js and the Rust test both put in front of the calls.
//
// A gens file may instead record by itself: `record(calls)` returns (a promise of) the results,
// for libraries that must run somewhere else than in this process (stream and timers run in a
// context of their own without host timers, see gens/node-shims/bundle-vm.js); such a file also
// gives `version`, `async: true` when its calls are async scenarios (calls.js) and `prelude`,
// source its scenarios share (run before each, given to `record` too).
async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(LIBS);
  for (const name of names) {
    const spec = LIBS[name];
    if (!spec) { throw new Error('unknown library ' + name); }
    const lib = spec.record ? null : require(spec.pkg);
    const version = spec.version || require((spec.pkgJson || spec.pkg) + '/package.json').version;
    const { functions, calls: list } = spec.gen(lib, TOOLS);
    // A fresh evaluator per library, as postie's side runs each library in its own collection
    // run: calls may set properties on the shared callback functions (`_.fill(fn, x)`), and one
    // library's leftovers must not show up in the next one's results.
    delete require.cache[require.resolve('./calls.js')];
    const expected = spec.record ? await spec.record(list, spec.prelude) : require('./calls.js').run(lib, list);
    const doc = { lib: name, package: spec.pkg, version, root: spec.root, functions, calls: list, expected };
    if (spec.async) { doc.async = true; }
    if (spec.prelude) { doc.prelude = spec.prelude; }
    const file = path.join(__dirname, 'cases', name + '.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(doc) + '\n');
    console.log('%s %s: %d functions, %d calls -> %s', name, version, functions.length, list.length, path.relative(process.cwd(), file));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
