// require('buffer'): buffer 6.0.3 (also the sandbox's global Buffer).
'use strict';

require('./node-shims/load.js');
const { scenario, done } = require('./node-shims/calls.js');

const ENCS = ['utf8', 'utf-8', 'hex', 'base64', 'ascii', 'latin1', 'binary', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UTF8', 'HEX'];
const STRS = ['', 'abc', 'héllo wörld', '€💩', 'aGVsbG8=', 'aGVsbG8', 'YQ', '_-/+', '00ff10', 'abc', 'DEADbeef', '0g1', 'a b',
  'x\u0000y', 'ÿþ', { $utf16: [0xd800, 0x78] }, 'SGVsbG8gV29ybGQ=\n', 'AQID BA=='];
const BYTES = [[], [1, 2, 3], [0, 255, 128, 127], [0x68, 0xc3, 0xa9, 0x6c], [0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x92, 0xa9],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0x80, 0, 0, 0, 0, 0, 0, 1],
  [0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0x40, 0x49, 0x0f, 0xdb], [97, 98, 99, 97, 98, 99]];

// Calls a Buffer method on a buffer made from bytes: [what it returned, the buffer after], or
// what it threw. BigInts travel as "n:123" strings.
const METHOD = 'var B = lib.Buffer; var b = B.from(args[1]);\n' +
  'var call = args[2].map(function (x) { if (typeof x === "string" && x.slice(0, 2) === "n:") { return BigInt(x.slice(2)); } if (Array.isArray(x) && x[0] === "buf") { return B.from(x[1]); } return x; });\n' +
  'var r; try { r = b[args[0]].apply(b, call); } catch (e) { return ["throw", e.name, e.message, e.code]; }\n' +
  'if (typeof r === "bigint") { r = "n:" + r; } else if (B.isBuffer(r)) { r = ["buf", r.toString("hex"), r.length]; }\n' +
  'return [r, b.toString("hex")];';

function numArgs(r, pick, n) {
  return [pick(r, [0, 0, 1, 2, 3, 4, -1, 7, 100, 1.5, '1', { $u: 1 }])].slice(0, n);
}

module.exports = {
  pkg: 'buffer/',
  root: "require('buffer')",
  gen: function (lib, { rng, pick }) {
    const r = rng(16);
    const out = [];
    const M = (name, bytes, args) => scenario(out, 'buf.' + name, METHOD, [name, bytes, args]);
    const bytes = () => pick(r, BYTES);
    // statics
    for (const s of STRS) {
      out.push({ f: 'Buffer.from', a: [s], m: [['toString', ['hex']]], fn: 'Buffer.from' });
      for (const enc of ENCS) { out.push({ f: 'Buffer.from', a: [s, enc], m: [['toString', ['hex']]], fn: 'Buffer.from' }); }
      out.push({ f: 'Buffer.byteLength', a: [s], fn: 'Buffer.byteLength' });
      out.push({ f: 'Buffer.byteLength', a: [s, pick(r, ENCS)], fn: 'Buffer.byteLength' });
    }
    for (const bad of ['nope', 'utf32', '']) { out.push({ f: 'Buffer.from', a: ['abc', bad], m: [['toString', ['hex']]], fn: 'Buffer.from' }); }
    for (const x of BYTES.concat([[256, -1, 1.7, 'x', '7', null], { type: 'Buffer', data: [1, 2] }, { length: 2, 0: 5, 1: 6 }, 5, null,
      { $u: 1 }, true, {}])) {
      out.push({ f: 'Buffer.from', a: [x], fn: 'Buffer.from' });
    }
    const S = (name, body, args) => scenario(out, name, body, args);
    S('Buffer.from', 'var ab = new ArrayBuffer(8); var v = new Uint8Array(ab); v[1] = 9; var b = lib.Buffer.from(ab, 2, 3); v[2] = 7; return [b.toString("hex"), b.length, lib.Buffer.from(ab).length];');
    S('Buffer.from', 'var a = lib.Buffer.from([1, 2]); var b = lib.Buffer.from(a); b[0] = 9; return [a[0], b[0], lib.Buffer.from(new Uint16Array([1, 256])).toString("hex")];');
    S('Buffer.from', 'return lib.Buffer.from({valueOf: function () { return "abc"; }}).toString();');
    for (const n of [0, 1, 5, -1, 1.5, '3', { $u: 1 }]) {
      out.push({ f: 'Buffer.alloc', a: [n], m: [['toString', ['hex']]], fn: 'Buffer.alloc' });
      out.push({ f: 'Buffer.allocUnsafe', a: [n], m: [['toJSON', []]], fn: 'Buffer.allocUnsafe' });
      out.push({ f: 'Buffer.allocUnsafeSlow', a: [n], m: [['toJSON', []]], fn: 'Buffer.allocUnsafeSlow' });
    }
    for (const [n, fill, enc] of [[4, 1], [5, 'ab'], [6, 'aGk=', 'base64'], [3, 'ffee', 'hex'], [4, 257], [4, ''], [2, '€'],
      [3, 'zz', 'hex'], [4, [1, 2]], [4, 1.5], [3, 'a', 'nope']]) {
      out.push({ f: 'Buffer.alloc', a: [n, fill, enc], m: [['toString', ['hex']]], fn: 'Buffer.alloc' });
    }
    const buf = (b) => ({ $call: { f: 'Buffer.from', a: [b] } });
    for (let i = 0; i < 20; i++) {
      out.push({ f: 'Buffer.compare', a: [buf(bytes()), buf(bytes())], fn: 'Buffer.compare' });
      const list = [buf(bytes()), buf(bytes()), buf(bytes())].slice(0, 1 + (i % 3));
      out.push({ f: 'Buffer.concat', a: i % 2 ? [list] : [list, pick(r, [0, 2, 5, 40])], m: [['toString', ['hex']]], fn: 'Buffer.concat' });
    }
    out.push({ f: 'Buffer.compare', a: ['a', buf([1])], fn: 'Buffer.compare' });
    out.push({ f: 'Buffer.concat', a: [[]], m: [['toString', ['hex']]], fn: 'Buffer.concat' });
    out.push({ f: 'Buffer.concat', a: ['x'], fn: 'Buffer.concat' });
    out.push({ f: 'Buffer.concat', a: [[[1, 2]]], fn: 'Buffer.concat' });
    S('Buffer.concat', 'return lib.Buffer.concat([new Uint8Array([1, 2]), lib.Buffer.from([3])]).toString("hex");');
    for (const x of [buf([1]), [1], 'ab', null, { $u: 1 }, { _isBuffer: true }]) { out.push({ f: 'Buffer.isBuffer', a: [x], fn: 'Buffer.isBuffer' }); }
    S('Buffer.isBuffer', 'return [lib.Buffer.isBuffer(new Uint8Array(1)), lib.Buffer.isBuffer(lib.Buffer.alloc(0))];');
    for (const e of ENCS.concat(['nope', '', 'Latin1', 'base64url', 'utf32', 1, null, { $u: 1 }])) {
      out.push({ f: 'Buffer.isEncoding', a: [e], fn: 'Buffer.isEncoding' });
    }
    for (const s of [{ $u: 1 }, 5, {}, [1, 2], null]) { out.push({ f: 'Buffer.byteLength', a: [s], fn: 'Buffer.byteLength' }); }
    S('Buffer.byteLength', 'return [lib.Buffer.byteLength(new ArrayBuffer(5)), lib.Buffer.byteLength(new Uint16Array(3)), lib.Buffer.byteLength(lib.Buffer.alloc(4))];');
    S('constants', 'return [lib.INSPECT_MAX_BYTES, lib.kMaxLength, lib.Buffer.poolSize, lib.Buffer.TYPED_ARRAY_SUPPORT, typeof lib.SlowBuffer, lib.SlowBuffer(3).length, Object.keys(lib)];');
    S('Buffer', 'var b = lib.Buffer.from("ab"); return [b instanceof Uint8Array, b instanceof lib.Buffer, b._isBuffer, b.length, b.parent === b.buffer, b.offset];');
    // The bundle is minified: there Buffer's name is a single letter.
    S('Buffer.name', 'return lib.Buffer.name;');
    S('Buffer', 'try { return lib.Buffer("abc").toString(); } catch (e) { return [e.name, e.message]; }');
    S('Buffer', 'try { return new lib.Buffer(3).length; } catch (e) { return [e.name, e.message]; }');
    S('Buffer', 'try { return lib.Buffer(2, "x"); } catch (e) { return [e.name, e.message]; }');
    // instance methods
    for (const b of BYTES) {
      for (const enc of ENCS.concat([{ $u: 1 }, 'nope'])) { M('toString', b, [enc]); }
      M('toString', b, ['hex', 1, 3]);
      M('toString', b, ['utf8', -1, 100]);
      M('toString', b, ['base64', 2]);
      M('toLocaleString', b, []);
      M('toJSON', b, []);
      M('inspect', b, []);
      M('swap16', b, []);
      M('swap32', b, []);
      M('swap64', b, []);
      M('equals', b, [['buf', bytes()]]);
      M('equals', b, [['buf', b]]);
      M('compare', b, [['buf', bytes()]]);
      M('compare', b, [['buf', bytes()], 1, 3, 0, 2]);
      for (const [s, e] of [[0], [1], [1, 3], [-2], [-3, -1], [2, 1], [0, 100], ['1', '2']]) {
        M('slice', b, e === undefined ? [s] : [s, e]);
        M('subarray', b, e === undefined ? [s] : [s, e]);
      }
      for (const v of [1, 97, 'abc', 'b', 'ca', '', 255, 256, -1, ['buf', [2, 3]], 'YQ==']) {
        M('indexOf', b, [v]);
        M('lastIndexOf', b, [v]);
        M('includes', b, [v]);
      }
      M('indexOf', b, ['a', 2]);
      M('indexOf', b, ['YWI=', 0, 'base64']);
      M('lastIndexOf', b, ['a', -3]);
      M('includes', b, ['6162', 0, 'hex']);
      M('fill', b, [pick(r, [0, 7, 'ab', 'x', 300])]);
      M('fill', b, ['ff', 1, 3, 'hex']);
      M('fill', b, [1, 2]);
      M('write', b, ['zz']);
      M('write', b, ['hello', 1]);
      M('write', b, ['hello', 1, 2]);
      M('write', b, ['6162', 0, 'hex']);
      M('write', b, ['YWJj', 'base64']);
      M('write', b, ['€', 0, 2, 'utf8']);
      M('write', b, ['ab', 0, 4, 'ucs2']);
      M('copy', b, [['buf', [0, 0, 0, 0, 0]]]);
      M('copy', b, [['buf', [0, 0, 0, 0, 0]], 1, 2, 4]);
    }
    const READS = ['readUInt8', 'readUint8', 'readUInt16LE', 'readUint16LE', 'readUInt16BE', 'readUint16BE', 'readUInt32LE',
      'readUint32LE', 'readUInt32BE', 'readUint32BE', 'readInt8', 'readInt16LE', 'readInt16BE', 'readInt32LE', 'readInt32BE',
      'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE',
      'readBigInt64BE'];
    for (const name of READS) {
      for (const b of BYTES) {
        for (const off of [0, 1, 4, undefined]) { M(name, b, off === undefined ? [] : [off]); }
      }
      M(name, BYTES[6], [-1]);
      M(name, BYTES[6], [1.5]);
      M(name, BYTES[6], ['1']);
      M(name, BYTES[6], [100]);
    }
    for (const name of ['readUIntLE', 'readUintLE', 'readUIntBE', 'readUintBE', 'readIntLE', 'readIntBE']) {
      for (const b of BYTES) {
        for (const [off, len] of [[0, 1], [0, 2], [1, 3], [0, 6], [2, 4], [0, 7], [0, 0], [10, 2]]) { M(name, b, [off, len]); }
      }
    }
    const WRITES = [['writeUInt8', [0, 1, 255, 256, -1, 3.7]], ['writeUint8', [7]], ['writeUInt16LE', [0x1234, 65535, 65536, -1]],
      ['writeUint16LE', [1]], ['writeUInt16BE', [0x1234, 70000]], ['writeUint16BE', [1]], ['writeUInt32LE', [0xdeadbeef, -1]],
      ['writeUint32LE', [1]], ['writeUInt32BE', [0xdeadbeef, 4294967296]], ['writeUint32BE', [1]], ['writeInt8', [-128, 127, 128, -1]],
      ['writeInt16LE', [-2, 32767, 32768]], ['writeInt16BE', [-2, -32769]], ['writeInt32LE', [-2, 2147483647]],
      ['writeInt32BE', [-2, 2147483648]], ['writeFloatLE', [1.5, -0.1, { $num: 'NaN' }, 1e40]], ['writeFloatBE', [3.14159, { $num: 'Infinity' }]],
      ['writeDoubleLE', [Math.PI, { $num: '-0' }]], ['writeDoubleBE', [1e-300, 2.5]], ['writeBigUInt64LE', ['n:1', 'n:18446744073709551615', 'n:-1']],
      ['writeBigUInt64BE', ['n:258', 'n:18446744073709551616']], ['writeBigInt64LE', ['n:-1', 'n:9223372036854775807']],
      ['writeBigInt64BE', ['n:-9223372036854775808', 'n:9223372036854775808']]];
    for (const [name, values] of WRITES) {
      for (const v of values) {
        for (const off of [0, 1, 5, undefined]) { M(name, BYTES[6].slice(0, 10), off === undefined ? [v] : [v, off]); }
        M(name, [0, 0, 0], [v, 0]);
      }
      M(name, BYTES[6], [1, -1]);
      M(name, BYTES[6], [1, '2']);
    }
    M('writeBigInt64LE', BYTES[6], [5]);
    for (const name of ['writeUIntLE', 'writeUintLE', 'writeUIntBE', 'writeUintBE', 'writeIntLE', 'writeIntBE']) {
      for (const [v, off, len] of [[1, 0, 1], [0x1234, 0, 2], [0x123456, 1, 3], [-1, 0, 6], [0x7fffffffff, 2, 5], [1, 0, 7],
        [-129, 0, 1], [300, 0, 1], [1, 9, 2]]) {
        M(name, BYTES[6].slice(0, 10), [v, off, len]);
      }
    }
    void numArgs;
    return done(out);
  }
};
