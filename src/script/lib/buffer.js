// postie library: `require('buffer')` and the global `Buffer`, a Node-compatible subset
// (`from`, `alloc`, `concat`, `byteLength`, `isBuffer`, `compare`; `toString` with utf8, hex,
// base64 (not base64url: Newman's Buffer is older than it), latin1/binary, ascii, ucs2/utf16le; `slice`, `equals`, `write`, `copy`,
// `readUInt*`/`writeUInt*`, `toJSON`). Also exports the byte codecs other modules share.
(function () {
  'use strict';

  // ---- codecs (bytes are plain arrays or Uint8Arrays of 0..255) --------------------------------
  function utf8Encode(text) {
    const out = [];
    const s = String(text);
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
        else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        c = 0xfffd;
      }
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
  function utf8Decode(bytes, start, end) {
    let out = '';
    let i = start || 0;
    end = end === undefined ? bytes.length : end;
    const chunk = [];
    const flush = function () { out += String.fromCharCode.apply(null, chunk); chunk.length = 0; };
    while (i < end) {
      const b = bytes[i];
      let cp = 0xfffd;
      let need = 0;
      if (b < 0x80) { cp = b; need = 0; }
      else if (b >= 0xc2 && b <= 0xdf) { cp = b & 31; need = 1; }
      else if (b >= 0xe0 && b <= 0xef) { cp = b & 15; need = 2; }
      else if (b >= 0xf0 && b <= 0xf4) { cp = b & 7; need = 3; }
      else { need = -1; }
      i++;
      if (need > 0) {
        let ok = true;
        for (let k = 0; k < need; k++) {
          const c = bytes[i];
          if (i >= end || (c & 0xc0) !== 0x80) { ok = false; break; }
          cp = (cp << 6) | (c & 63);
          i++;
        }
        if (!ok || (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
      } else if (need < 0) {
        cp = 0xfffd;
      }
      if (cp >= 0x10000) {
        cp -= 0x10000;
        chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023));
      } else {
        chunk.push(cp);
      }
      if (chunk.length > 8000) flush();
    }
    flush();
    return out;
  }
  // Buffer#toString('utf8') as Newman's Buffer (buffer 6) decodes: a byte that does not start a
  // complete, well-formed sequence becomes one U+FFFD and decoding goes on at the next byte.
  function bufferUtf8Slice(bytes, start, end) {
    const units = [];
    let out = '';
    let i = start;
    while (i < end) {
      const first = bytes[i];
      let cp = -1;
      const size = first > 0xef ? 4 : first > 0xdf ? 3 : first > 0xbf ? 2 : 1;
      if (i + size <= end) {
        const b1 = bytes[i + 1];
        const b2 = bytes[i + 2];
        const b3 = bytes[i + 3];
        let v;
        if (size === 1) {
          if (first < 0x80) cp = first;
        } else if (size === 2) {
          if ((b1 & 0xc0) === 0x80) { v = ((first & 0x1f) << 6) | (b1 & 0x3f); if (v > 0x7f) cp = v; }
        } else if (size === 3) {
          if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80) {
            v = ((first & 0xf) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
            if (v > 0x7ff && (v < 0xd800 || v > 0xdfff)) cp = v;
          }
        } else if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80) {
          v = ((first & 0xf) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
          if (v > 0xffff && v < 0x110000) cp = v;
        }
      }
      if (cp < 0) {
        units.push(0xfffd);
        i += 1;
      } else {
        if (cp > 0xffff) {
          cp -= 0x10000;
          units.push(0xd800 | ((cp >>> 10) & 0x3ff));
          cp = 0xdc00 | (cp & 0x3ff);
        }
        units.push(cp);
        i += size;
      }
      if (units.length > 8000) { out += String.fromCharCode.apply(null, units); units.length = 0; }
    }
    return out + String.fromCharCode.apply(null, units);
  }
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64_INDEX = {};
  for (let i = 0; i < 64; i++) B64_INDEX[B64.charAt(i)] = i;
  B64_INDEX['-'] = 62;
  B64_INDEX._ = 63;
  function base64Encode(bytes, url) {
    let out = '';
    const n = bytes.length;
    for (let i = 0; i < n; i += 3) {
      const a = bytes[i];
      const b = i + 1 < n ? bytes[i + 1] : 0;
      const c = i + 2 < n ? bytes[i + 2] : 0;
      const triple = (a << 16) | (b << 8) | c;
      out += B64.charAt(triple >> 18) + B64.charAt((triple >> 12) & 63) +
        (i + 1 < n ? B64.charAt((triple >> 6) & 63) : '=') + (i + 2 < n ? B64.charAt(triple & 63) : '=');
    }
    if (url) out = out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return out;
  }
  // Lenient like Node: skips characters outside the alphabet, stops at '='.
  function base64Decode(text) {
    const out = [];
    let acc = 0;
    let bits = 0;
    const s = String(text);
    for (let i = 0; i < s.length; i++) {
      const ch = s.charAt(i);
      if (ch === '=') break;
      const v = B64_INDEX[ch];
      if (v === undefined) continue;
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((acc >> bits) & 255);
      }
    }
    return out;
  }
  function hexEncode(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }
  function hexDecode(text) {
    const out = [];
    const s = String(text);
    for (let i = 0; i + 1 < s.length; i += 2) {
      const v = parseInt(s.substr(i, 2), 16);
      if (v !== v) break;
      out.push(v);
    }
    return out;
  }
  function latin1Encode(text) {
    const s = String(text);
    const out = new Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
    return out;
  }
  function latin1Decode(bytes, start, end) {
    let out = '';
    start = start || 0;
    end = end === undefined ? bytes.length : end;
    for (let i = start; i < end; i += 8192) {
      out += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, Math.min(end, i + 8192)));
    }
    return out;
  }
  function utf16Encode(text) {
    const s = String(text);
    const out = [];
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); out.push(c & 255, c >> 8); }
    return out;
  }
  function utf16Decode(bytes) {
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
    return out;
  }

  function normEncoding(enc) {
    const e = String(enc === undefined || enc === null ? 'utf8' : enc).toLowerCase();
    switch (e) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'hex': return 'hex';
      case 'base64': return 'base64';
      case 'latin1': case 'binary': return 'latin1';
      case 'ascii': return 'ascii';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      default: return null;
    }
  }
  function encode(text, enc) {
    switch (normEncoding(enc)) {
      case 'utf8': return utf8Encode(text);
      case 'hex': return hexDecode(text);
      case 'base64': case 'base64url': return base64Decode(text);
      case 'latin1': case 'ascii': return latin1Encode(text);
      case 'utf16le': return utf16Encode(text);
      default: throw new TypeError('Unknown encoding: ' + enc);
    }
  }
  function decode(bytes, enc, start, end) {
    const view = start !== undefined || end !== undefined ? bytes.subarray(start || 0, end === undefined ? bytes.length : end) : bytes;
    switch (normEncoding(enc)) {
      case 'utf8': return utf8Decode(view);
      case 'hex': return hexEncode(view);
      case 'base64': return base64Encode(view, false);
      case 'base64url': return base64Encode(view, true);
      case 'latin1': return latin1Decode(view);
      case 'ascii': return latin1Decode(view.map(function (b) { return b & 127; }));
      case 'utf16le': return utf16Decode(view);
      default: throw new TypeError('Unknown encoding: ' + enc);
    }
  }

  // ---- Buffer --------------------------------------------------------------------------------
  class Buffer extends Uint8Array {
    static from(value, encOrOffset, length) {
      if (typeof value === 'string') return Buffer._of(encode(value, encOrOffset));
      if (value instanceof ArrayBuffer) {
        return new Buffer(value, encOrOffset || 0, length === undefined ? value.byteLength - (encOrOffset || 0) : length);
      }
      if (ArrayBuffer.isView(value)) return Buffer._of(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer._of(value.data);
      if (value && typeof value.length === 'number') return Buffer._of(value);
      if (value && typeof value.valueOf === 'function' && value.valueOf() !== value) return Buffer.from(value.valueOf(), encOrOffset, length);
      throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.');
    }
    static _of(bytes) {
      const b = new Buffer(bytes.length);
      for (let i = 0; i < bytes.length; i++) b[i] = bytes[i];
      return b;
    }
    static alloc(size, fill, enc) {
      const b = new Buffer(size);
      if (fill !== undefined && fill !== 0) b.fill(fill, 0, size, enc);
      return b;
    }
    static allocUnsafe(size) { return new Buffer(size); }
    static allocUnsafeSlow(size) { return new Buffer(size); }
    static isBuffer(v) { return v instanceof Buffer; }
    static isEncoding(enc) { return typeof enc === 'string' && normEncoding(enc) !== null; }
    static byteLength(value, enc) {
      if (typeof value !== 'string') return value.byteLength;
      return encode(value, enc).length;
    }
    static concat(list, total) {
      if (total === undefined) total = list.reduce(function (n, b) { return n + b.length; }, 0);
      const out = Buffer.alloc(total);
      let at = 0;
      for (const b of list) {
        for (let i = 0; i < b.length && at < total; i++) out[at++] = b[i];
      }
      return out;
    }
    static compare(a, b) { return a.compare(b); }

    // Newman's Buffer: an empty buffer is '' whatever the encoding; start/end are clamped to
    // the buffer (a negative start is 0).
    toString(enc, start, end) {
      const length = this.length;
      if (length === 0) return '';
      if (start === undefined || start < 0) start = 0;
      if (start > length) return '';
      if (end === undefined || end > length) end = length;
      if (end <= 0) return '';
      end >>>= 0;
      start >>>= 0;
      if (end <= start) return '';
      if (normEncoding(enc) === 'utf8') return bufferUtf8Slice(this, start, end);
      return decode(this, enc, start, end);
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other) { return this.compare(other) === 0; }
    compare(other) {
      const n = Math.min(this.length, other.length);
      for (let i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
      return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
    }
    slice(start, end) { return this.subarray(start, end); }
    subarray(start, end) {
      const view = Uint8Array.prototype.subarray.call(this, start, end);
      return new Buffer(view.buffer, view.byteOffset, view.length);
    }
    write(text, offset, length, enc) {
      if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; }
      else if (typeof length === 'string') { enc = length; length = undefined; }
      offset = offset || 0;
      const bytes = encode(text, enc);
      const n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
      for (let i = 0; i < n; i++) this[offset + i] = bytes[i];
      return n;
    }
    copy(target, targetStart, start, end) {
      targetStart = targetStart || 0; start = start || 0; end = end === undefined ? this.length : end;
      let n = 0;
      for (let i = start; i < end && targetStart + n < target.length; i++) target[targetStart + n++] = this[i];
      return n;
    }
    fill(value, offset, end, enc) {
      if (typeof offset === 'string') { enc = offset; offset = 0; end = this.length; }
      offset = offset || 0; end = end === undefined ? this.length : end;
      const bytes = typeof value === 'string' ? encode(value, enc) : typeof value === 'number' ? [value & 255] : Array.from(value);
      if (!bytes.length) return this;
      for (let i = offset, k = 0; i < end; i++, k++) this[i] = bytes[k % bytes.length];
      return this;
    }
    indexOf(value, from, enc) {
      const needle = typeof value === 'number' ? [value & 255] : typeof value === 'string' ? encode(value, enc) : Array.from(value);
      for (let i = from || 0; i <= this.length - needle.length; i++) {
        let k = 0;
        while (k < needle.length && this[i + k] === needle[k]) k++;
        if (k === needle.length) return i;
      }
      return -1;
    }
    includes(value, from, enc) { return this.indexOf(value, from, enc) !== -1; }
    toLocaleString(enc) { return this.toString(enc); }
    inspect() { return '<Buffer ' + hexEncode(this.subarray(0, 50)).replace(/(..)(?!$)/g, '$1 ') + (this.length > 50 ? ' ... ' : '') + '>'; }
  }
  Object.defineProperty(Buffer.prototype, 'parent', { get: function () { return this.buffer; } });
  // Reads and writes check as Newman's Buffer does: the offset is taken as `offset >>> 0`.
  function checkRead(buf, offset, size) {
    if (offset % 1 !== 0 || offset < 0) throw new RangeError('offset is not uint');
    if (offset + size > buf.length) throw new RangeError('Trying to access beyond buffer length');
  }
  function checkWrite(buf, value, offset, size, max, min) {
    if (value > max || value < min) throw new RangeError('"value" argument is out of bounds');
    if (offset + size > buf.length) throw new RangeError('Index out of range');
  }
  function view(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
  for (const [name, size, little, signed] of [['UInt8', 1, true, false], ['Int8', 1, true, true],
    ['UInt16LE', 2, true, false], ['UInt16BE', 2, false, false], ['Int16LE', 2, true, true], ['Int16BE', 2, false, true],
    ['UInt32LE', 4, true, false], ['UInt32BE', 4, false, false], ['Int32LE', 4, true, true], ['Int32BE', 4, false, true]]) {
    const getter = 'get' + (signed ? 'Int' : 'Uint') + size * 8;
    const setter = 'set' + (signed ? 'Int' : 'Uint') + size * 8;
    const max = signed ? Math.pow(2, size * 8 - 1) - 1 : Math.pow(2, size * 8) - 1;
    const min = signed ? -Math.pow(2, size * 8 - 1) : 0;
    const read = function (offset, noAssert) {
      offset = offset >>> 0;
      if (!noAssert) checkRead(this, offset, size);
      return view(this)[getter](offset, little);
    };
    const write = function (value, offset, noAssert) {
      value = +value;
      offset = offset >>> 0;
      if (!noAssert) checkWrite(this, value, offset, size, max, min);
      view(this)[setter](offset, value, little);
      return offset + size;
    };
    Buffer.prototype['read' + name] = read;
    Buffer.prototype['write' + name] = write;
    if (name.indexOf('UInt') === 0) {
      Buffer.prototype['readUint' + name.slice(4)] = read;
      Buffer.prototype['writeUint' + name.slice(4)] = write;
    }
  }
  for (const [name, getter, size, little] of [['FloatLE', 'getFloat32', 4, true], ['FloatBE', 'getFloat32', 4, false],
    ['DoubleLE', 'getFloat64', 8, true], ['DoubleBE', 'getFloat64', 8, false]]) {
    Buffer.prototype['read' + name] = function (offset, noAssert) {
      offset = offset >>> 0;
      if (!noAssert) checkRead(this, offset, size);
      return view(this)[getter](offset, little);
    };
    Buffer.prototype['write' + name] = function (value, offset, noAssert) {
      value = +value;
      offset = offset >>> 0;
      if (!noAssert && offset + size > this.length) throw new RangeError('Index out of range');
      if (value !== value) {
        // NaN as Newman's Buffer writes it: the lowest mantissa bit set.
        const bytes = size === 4 ? [1, 0, 0x80, 0x7f] : [1, 0, 0, 0, 0, 0, 0xf0, 0x7f];
        for (let k = 0; k < size; k++) this[offset + (little ? k : size - 1 - k)] = bytes[k];
        return offset + size;
      }
      view(this)['s' + getter.slice(1)](offset, value, little);
      return offset + size;
    };
  }
  // Variable-length integers (1 to 6 bytes), little- or big-endian.
  function readVar(buf, offset, byteLength, little, signed) {
    let value = 0;
    let mul = 1;
    for (let k = 0; k < byteLength; k++) {
      value += buf[little ? offset + k : offset + byteLength - 1 - k] * mul;
      mul *= 0x100;
    }
    // Zero bytes read one byte (at or before the offset), less 1 when signed and above 0x7f,
    // as Newman's Buffer does.
    if (byteLength === 0) value = little ? buf[offset] : buf[offset - 1];
    if (signed && value >= Math.pow(2, Math.max(8 * byteLength - 1, 7))) value -= Math.pow(2, 8 * byteLength);
    return value;
  }
  function writeVar(buf, value, offset, byteLength, little, signed) {
    let sub = 0;
    let mul = 1;
    for (let k = 0; k < byteLength; k++) {
      const at = little ? offset + k : offset + byteLength - 1 - k;
      if (k === 0) {
        buf[at] = value & 0xff;
      } else {
        const prev = little ? at - 1 : at + 1;
        if (signed && value < 0 && sub === 0 && buf[prev] !== 0) sub = 1;
        buf[at] = signed ? (((value / mul) >> 0) - sub) & 0xff : (value / mul) & 0xff;
      }
      mul *= 0x100;
    }
    return offset + byteLength;
  }
  for (const [name, little, signed] of [['UIntLE', true, false], ['UIntBE', false, false], ['IntLE', true, true],
    ['IntBE', false, true]]) {
    const read = function (offset, byteLength, noAssert) {
      offset = offset >>> 0;
      byteLength = byteLength >>> 0;
      if (!noAssert) checkRead(this, offset, byteLength);
      return readVar(this, offset, byteLength, little, signed);
    };
    const write = function (value, offset, byteLength, noAssert) {
      value = +value;
      offset = offset >>> 0;
      byteLength = byteLength >>> 0;
      if (!noAssert) {
        const limit = Math.pow(2, 8 * byteLength - (signed ? 1 : 0));
        checkWrite(this, value, offset, byteLength, limit - 1, signed ? -limit : 0);
      }
      return writeVar(this, value, offset, byteLength, little, signed);
    };
    Buffer.prototype['read' + name] = read;
    Buffer.prototype['write' + name] = write;
    if (!signed) {
      Buffer.prototype['readUint' + name.slice(4)] = read;
      Buffer.prototype['writeUint' + name.slice(4)] = write;
    }
  }

  return {
    Buffer: Buffer, kMaxLength: 0x7fffffff, constants: { MAX_LENGTH: 0x7fffffff },
    codec: {
      utf8Encode: utf8Encode, utf8Decode: utf8Decode, base64Encode: base64Encode, base64Decode: base64Decode,
      hexEncode: hexEncode, hexDecode: hexDecode, latin1Encode: latin1Encode, latin1Decode: latin1Decode,
    },
  };
})
