// require('string_decoder'): string_decoder 1.3.0 (on buffer 6.0.3 through safe-buffer).
'use strict';

require('./node-shims/load.js');
const { scenario, done, REQ } = require('./node-shims/calls.js');

// Byte sequences (as arrays) that split multi-byte characters in every way.
const BYTES = [[], [0x61, 0x62, 0x63], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x92, 0xa9], [0xc3, 0xa9, 0x61], [0xe2, 0x82],
  [0xff, 0xfe, 0x41], [0x80, 0x81], [0xf0, 0x9f], [0xed, 0xa0, 0x80], [0x3d, 0xd8, 0xa9, 0xdc, 0x41, 0x00],
  [0x61, 0x00, 0x62], [0x00, 0x01, 0x02, 0x03, 0x04, 0xfe], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80],
  [0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0xc3, 0xb6, 0x20, 0xe2, 0x9c, 0x93, 0xf0, 0x9f, 0x98, 0x80]];
const ENCODINGS = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'ucs2', 'ucs-2', 'utf-16le', 'base64', 'hex', 'latin1', 'binary',
  'ascii', { $u: 1 }, null, ''];

module.exports = {
  pkg: 'string_decoder/',
  root: "require('string_decoder')",
  gen: function (lib, { rng }) {
    const r = rng(15);
    const out = [];
    // write() in chunks split at the given positions, then end()
    const body = REQ + 'var B = req("buffer").Buffer; var d = new lib.StringDecoder(args[0]); var bytes = args[1], cuts = args[2], out = [], at = 0;\n' +
      'cuts.concat([bytes.length]).forEach(function (c) { out.push(d.write(B.from(bytes.slice(at, c)))); at = c; });\n' +
      'out.push(d.end()); return [d.encoding, out];';
    for (const enc of ENCODINGS.slice(0, 12)) {
      for (const bytes of BYTES) {
        const cuts = [];
        for (let i = 1; i < bytes.length; i++) { if (r() < 0.5) { cuts.push(i); } }
        scenario(out, 'write', body, [enc, bytes, cuts]);
      }
    }
    for (const enc of ['utf8', 'utf16le', 'base64', 'hex']) {
      for (const bytes of BYTES.slice(2, 8)) {
        const cuts = [];
        for (let i = 1; i < bytes.length; i++) { cuts.push(i); }
        scenario(out, 'write', body, [enc, bytes, cuts]);
      }
    }
    const S = (name, b, a) => scenario(out, name, b, a);
    for (const enc of ENCODINGS) {
      S('StringDecoder', 'try { var d = new lib.StringDecoder(args[0]); return [d.encoding, Object.keys(d)]; } catch (e) { return [e.name, e.message]; }', [enc]);
      S('StringDecoder', 'var F = lib.StringDecoder; try { var d = F(args[0]); return [typeof d]; } catch (e) { return [e.name]; }', [enc]);
    }
    for (const enc of ['nope', 'utf32', 'UCS2', 'Base64', 'HEX', 'Latin1']) {
      S('StringDecoder', 'try { var d = new lib.StringDecoder(args[0]); return [d.encoding]; } catch (e) { return [e.name, e.message]; }', [enc]);
    }
    for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
      for (const bytes of BYTES.slice(1, 8)) {
        S('end', REQ + 'var d = new lib.StringDecoder(args[0]); var b = req("buffer").Buffer.from(args[1]); return [d.end(b), d.end(), d.write(req("buffer").Buffer.from([0x61])), d.end()];', [enc, bytes]);
        S('write', REQ + 'var d = new lib.StringDecoder(args[0]); return [d.write(""), d.write(req("buffer").Buffer.from(args[1]).slice(0, 1)), d.write(req("buffer").Buffer.alloc(0)), d.end()];', [enc, bytes]);
      }
    }
    S('text', 'var d = new lib.StringDecoder("utf8"); return [typeof d.text, typeof d.fillLast];');
    S('keys', 'return Object.keys(lib);');
    return done(out);
  }
};
