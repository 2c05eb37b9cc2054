// require('punycode'): punycode 1.4.1.
'use strict';

require('./node-shims/load.js');
const { scenario, done } = require('./node-shims/calls.js');

const UNI = ['', 'abc', 'mañana', 'bücher', '日本語', 'ü', 'a-b', '☃-⌘', 'Ελληνικά', 'München-Ost', '💩', 'ß', 'ABC',
  'правда', 'ليهمابتكلموشعربي؟', 'Pročprostěnemluvíčesky', 'x\u0000y'];
const ENC = ['', 'abc-', 'maana-pta', 'bcher-kva', 'wgv71a119e', 'tda', 'a-b-', '--dqo34k', 'ls8h', 'zca', '!!!', 'a-b-c',
  '99999999999', 'ZZZZZZZ', 'ABC-', 'xn--x', '-', 'zz-zzzz'];
const DOMAINS = ['mañana.com', 'bücher.example', '日本語.jp', 'example.com', 'xn--maana-pta.com', 'a.b.c', 'ü。ö．ä｡x',
  'user@mañana.com', 'xn--bcher-kva.example', 'ABC.com', '☃.net', '', '.', 'xn--', 'XN--MAANA-PTA.com', 'foo@xn--bcher-kva.ch',
  'a..b', 'xn--ls8h.la'];

module.exports = {
  pkg: 'punycode/',
  root: "require('punycode')",
  gen: function () {
    const out = [];
    for (const s of UNI) { out.push({ f: 'encode', a: [s], fn: 'encode' }); }
    for (const s of ENC.concat(['maana-pta', 'bcher-kva'])) { out.push({ f: 'decode', a: [s], fn: 'decode' }); }
    for (const d of DOMAINS) {
      out.push({ f: 'toASCII', a: [d], fn: 'toASCII' });
      out.push({ f: 'toUnicode', a: [d], fn: 'toUnicode' });
    }
    for (const s of UNI.concat([{ $utf16: [0xd800] }, { $utf16: [0x61, 0xdc00, 0x62] }, '\uD83D\uDCA9x'])) { out.push({ f: 'ucs2.decode', a: [s], fn: 'ucs2.decode' }); }
    for (const a of [[], [97, 98], [0x1F4A9], [0xD800], [0x10FFFF, 65], [0xFFFF]]) {
      out.push({ f: 'ucs2.encode', a: [a], fn: 'ucs2.encode' });
    }
    scenario(out, 'version', 'return lib.version;');
    scenario(out, 'keys', 'return [Object.keys(lib), Object.keys(lib.ucs2)];');
    return done(out);
  }
};
