// postie library: `require('buffer')` and the global `Buffer` as Newman's sandbox bundles them
// (buffer 6.0.3): `Buffer` a plain function (callable without `new`) whose instances are
// Uint8Arrays with Buffer.prototype; every static and method, BigInt reads and writes, and
// buffer 6's checks and messages. Encodings: utf8, hex, base64 (not base64url: Newman's Buffer
// is older than it), latin1/binary, ascii, ucs2/utf16le. Also exports (not enumerable) the byte
// codecs other modules share.
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
  function utf16Decode(bytes) {
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
    return out;
  }

  // ---- Buffer --------------------------------------------------------------------------------
  // As Newman's Buffer (buffer 6.0.3): a plain function, callable with or without `new`, whose
  // instances are Uint8Arrays given Buffer.prototype (itself inheriting Uint8Array.prototype).
  const K_MAX = 0x7fffffff;
  const exported = {};

  function make(length) {
    if (length > K_MAX) throw new RangeError('The value "' + length + '" is invalid for option "size"');
    const b = new Uint8Array(length);
    Object.setPrototypeOf(b, Buffer.prototype);
    return b;
  }
  function asBuffer(arr) {
    Object.setPrototypeOf(arr, Buffer.prototype);
    return arr;
  }
  // A plain Uint8Array over the bytes start..end of a buffer.
  function bytesOf(buf, start, end) { return new Uint8Array(buf.buffer, buf.byteOffset + start, end - start); }
  function isA(obj, type) {
    return obj instanceof type ||
      (obj != null && obj.constructor != null && obj.constructor.name != null && obj.constructor.name === type.name);
  }
  function checkSize(size) {
    if (typeof size !== 'number') throw new TypeError('"size" argument must be of type number');
    if (size < 0) throw new RangeError('The value "' + size + '" is invalid for option "size"');
  }
  function capped(length) {
    if (length >= K_MAX) throw new RangeError('Attempt to allocate Buffer larger than maximum size: 0x7fffffff bytes');
    return length | 0;
  }
  function allocUnsafe(size) {
    checkSize(size);
    return make(size < 0 ? 0 : capped(size));
  }

  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        throw new TypeError('The "string" argument must be of type string. Received type number');
      }
      return allocUnsafe(arg);
    }
    return from(arg, encodingOrOffset, length);
  }

  const NOT_FROM = 'The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type ';
  function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (ArrayBuffer.isView(value)) {
      if (isA(value, Uint8Array)) {
        const copy = new Uint8Array(value);
        return fromArrayBuffer(copy.buffer, copy.byteOffset, copy.byteLength);
      }
      return fromArrayLike(value);
    }
    if (value === null || value === undefined) throw new TypeError(NOT_FROM + typeof value);
    if (isA(value, ArrayBuffer) || isA(value.buffer, ArrayBuffer)) return fromArrayBuffer(value, encodingOrOffset, length);
    if (typeof SharedArrayBuffer !== 'undefined' && (isA(value, SharedArrayBuffer) || isA(value.buffer, SharedArrayBuffer))) {
      return fromArrayBuffer(value, encodingOrOffset, length);
    }
    if (typeof value === 'number') throw new TypeError('The "value" argument must not be of type number. Received type number');
    const primitive = value.valueOf && value.valueOf();
    if (primitive !== null && primitive !== undefined && primitive !== value) return Buffer.from(primitive, encodingOrOffset, length);
    const made = fromObject(value);
    if (made) return made;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      return Buffer.from(value[Symbol.toPrimitive]('string'), encodingOrOffset, length);
    }
    throw new TypeError(NOT_FROM + typeof value);
  }
  function fromString(text, encoding) {
    if (typeof encoding !== 'string' || encoding === '') encoding = 'utf8';
    if (!Buffer.isEncoding(encoding)) throw new TypeError('Unknown encoding: ' + encoding);
    const size = byteLength(text, encoding) | 0;
    let b = make(size);
    const written = b.write(text, encoding);
    if (written !== size) b = b.slice(0, written);
    return b;
  }
  function fromArrayLike(list) {
    const n = list.length < 0 ? 0 : capped(list.length);
    const b = make(n);
    for (let i = 0; i < n; i++) b[i] = list[i] & 255;
    return b;
  }
  function fromArrayBuffer(ab, offset, length) {
    if (offset < 0 || ab.byteLength < offset) throw new RangeError('"offset" is outside of buffer bounds');
    if (ab.byteLength < offset + (length || 0)) throw new RangeError('"length" is outside of buffer bounds');
    if (offset === undefined && length === undefined) return asBuffer(new Uint8Array(ab));
    if (length === undefined) return asBuffer(new Uint8Array(ab, offset));
    return asBuffer(new Uint8Array(ab, offset, length));
  }
  function fromObject(obj) {
    if (Buffer.isBuffer(obj)) {
      const n = capped(obj.length);
      const b = make(n);
      if (n > 0) obj.copy(b, 0, 0, n);
      return b;
    }
    if (obj.length !== undefined) {
      if (typeof obj.length !== 'number' || obj.length !== obj.length) return make(0);
      return fromArrayLike(obj);
    }
    if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
    return undefined;
  }

  // Encoding to bytes as buffer 6 writes: UTF-8 and UTF-16 stop before a character that would
  // pass `units` bytes; base64 as Node reads it (up to the first '=', other characters skipped).
  function utf8Units(text, units) {
    units = units || Infinity;
    const out = [];
    let lead = -1;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        if (lead < 0) {
          if (c >= 0xdc00 || i + 1 === text.length) {
            if ((units -= 3) >= 0) out.push(0xef, 0xbf, 0xbd);
          } else {
            lead = c;
          }
          continue;
        }
        if (c < 0xdc00) {
          if ((units -= 3) >= 0) out.push(0xef, 0xbf, 0xbd);
          lead = c;
          continue;
        }
        c = 0x10000 + ((lead - 0xd800) << 10) + (c - 0xdc00);
      } else if (lead >= 0) {
        if ((units -= 3) >= 0) out.push(0xef, 0xbf, 0xbd);
      }
      lead = -1;
      if (c < 0x80) {
        if ((units -= 1) < 0) break;
        out.push(c);
      } else if (c < 0x800) {
        if ((units -= 2) < 0) break;
        out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      } else if (c < 0x10000) {
        if ((units -= 3) < 0) break;
        out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      } else {
        if ((units -= 4) < 0) break;
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      }
    }
    return out;
  }
  function utf16Units(text, units) {
    const out = [];
    for (let i = 0; i < text.length; i++) {
      if ((units -= 2) < 0) break;
      const c = text.charCodeAt(i);
      out.push(c % 256, c >> 8);
    }
    return out;
  }
  function base64Bytes(text) { return base64Decode(text.split('=')[0]); }
  function lowerEncoding(enc) { return ('' + enc).toLowerCase(); }

  function byteLength(value, encoding) {
    if (Buffer.isBuffer(value)) return value.length;
    if (ArrayBuffer.isView(value) || isA(value, ArrayBuffer)) return value.byteLength;
    if (typeof value !== 'string') {
      throw new TypeError('The "string" argument must be one of type string, Buffer, or ArrayBuffer. Received type ' + typeof value);
    }
    const n = value.length;
    const strict = arguments.length > 2 && arguments[2] === true;
    if (!strict && n === 0) return 0;
    for (let lowered = false; ; lowered = true) {
      switch (encoding) {
        case 'ascii': case 'latin1': case 'binary': return n;
        case 'utf8': case 'utf-8': return utf8Units(value).length;
        case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return n * 2;
        case 'hex': return n >>> 1;
        case 'base64': return base64Bytes(value).length;
        default:
          if (lowered) return strict ? -1 : utf8Units(value).length;
          encoding = lowerEncoding(encoding);
      }
    }
  }

  const ENCODINGS = ['hex', 'utf8', 'utf-8', 'ascii', 'latin1', 'binary', 'base64', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'];
  Buffer.TYPED_ARRAY_SUPPORT = true;
  Buffer.poolSize = 8192;
  Buffer.from = function (value, encodingOrOffset, length) { return from(value, encodingOrOffset, length); };
  Object.setPrototypeOf(Buffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.alloc = function (size, fill, encoding) {
    checkSize(size);
    if (size <= 0 || fill === undefined) return make(size);
    return typeof encoding === 'string' ? make(size).fill(fill, encoding) : make(size).fill(fill);
  };
  Buffer.allocUnsafe = function (size) { return allocUnsafe(size); };
  Buffer.allocUnsafeSlow = function (size) { return allocUnsafe(size); };
  Buffer.isBuffer = function (b) { return b !== null && b !== undefined && b._isBuffer === true && b !== Buffer.prototype; };
  Buffer.compare = function (a, b) {
    if (isA(a, Uint8Array)) a = Buffer.from(a, a.offset, a.byteLength);
    if (isA(b, Uint8Array)) b = Buffer.from(b, b.offset, b.byteLength);
    if (!Buffer.isBuffer(a) || !Buffer.isBuffer(b)) {
      throw new TypeError('The "buf1", "buf2" arguments must be one of type Buffer or Uint8Array');
    }
    if (a === b) return 0;
    return compareBytes(a, 0, a.length, b, 0, b.length);
  };
  // -1, 0 or 1 as a[aStart..aEnd] sorts against b[bStart..bEnd].
  function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
    let x = aEnd - aStart;
    let y = bEnd - bStart;
    const n = Math.min(x, y);
    for (let i = 0; i < n; i++) {
      if (a[aStart + i] !== b[bStart + i]) { x = a[aStart + i]; y = b[bStart + i]; break; }
    }
    return x < y ? -1 : y < x ? 1 : 0;
  }
  Buffer.isEncoding = function (encoding) { return ENCODINGS.indexOf(String(encoding).toLowerCase()) >= 0; };
  Buffer.concat = function (list, length) {
    if (!Array.isArray(list)) throw new TypeError('"list" argument must be an Array of Buffers');
    if (list.length === 0) return Buffer.alloc(0);
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < list.length; i++) length += list[i].length;
    }
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      let part = list[i];
      if (isA(part, Uint8Array)) {
        if (at + part.length > out.length) {
          if (!Buffer.isBuffer(part)) part = Buffer.from(part);
          part.copy(out, at);
        } else {
          Uint8Array.prototype.set.call(out, part, at);
        }
      } else if (!Buffer.isBuffer(part)) {
        throw new TypeError('"list" argument must be an Array of Buffers');
      } else {
        part.copy(out, at);
      }
      at += part.length;
    }
    return out;
  };
  Buffer.byteLength = byteLength;

  const proto = Buffer.prototype;
  Object.defineProperty(proto, 'parent', {
    enumerable: true,
    get: function () { return Buffer.isBuffer(this) ? this.buffer : undefined; },
  });
  Object.defineProperty(proto, 'offset', {
    enumerable: true,
    get: function () { return Buffer.isBuffer(this) ? this.byteOffset : undefined; },
  });
  proto._isBuffer = true;
  function swapper(size) {
    return function () {
      const n = this.length;
      if (n % size !== 0) throw new RangeError('Buffer size must be a multiple of ' + size * 8 + '-bits');
      for (let i = 0; i < n; i += size) {
        for (let lo = i, hi = i + size - 1; lo < hi; lo++, hi--) {
          const t = this[lo];
          this[lo] = this[hi];
          this[hi] = t;
        }
      }
      return this;
    };
  }
  proto.swap16 = swapper(2);
  proto.swap32 = swapper(4);
  proto.swap64 = swapper(8);

  // Newman's Buffer: an empty buffer is '' whatever the encoding; start/end are clamped to
  // the buffer (a negative start is 0).
  function slowToString(encoding, start, end) {
    const length = this.length;
    if (start === undefined || start < 0) start = 0;
    if (start > length) return '';
    if (end === undefined || end > length) end = length;
    if (end <= 0) return '';
    end >>>= 0;
    start >>>= 0;
    if (end <= start) return '';
    if (!encoding) encoding = 'utf8';
    for (let lowered = false; ; lowered = true) {
      switch (encoding) {
        case 'utf8': case 'utf-8': return bufferUtf8Slice(this, start, end);
        case 'hex': return hexEncode(bytesOf(this, start, end));
        case 'ascii': return latin1Decode(bytesOf(this, start, end).map(function (b) { return b & 127; }));
        case 'latin1': case 'binary': return latin1Decode(bytesOf(this, start, end));
        case 'base64': return base64Encode(bytesOf(this, start, end), false);
        case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return utf16Decode(bytesOf(this, start, end));
        default:
          if (lowered) throw new TypeError('Unknown encoding: ' + encoding);
          encoding = lowerEncoding(encoding);
      }
    }
  }
  proto.toString = function toString() {
    if (this.length === 0) return '';
    if (arguments.length === 0) return bufferUtf8Slice(this, 0, this.length);
    return slowToString.apply(this, arguments);
  };
  proto.toLocaleString = proto.toString;
  proto.equals = function equals(other) {
    if (!Buffer.isBuffer(other)) throw new TypeError('Argument must be a Buffer');
    return this === other || Buffer.compare(this, other) === 0;
  };
  proto.inspect = function inspect() {
    const max = exported.INSPECT_MAX_BYTES;
    let text = this.toString('hex', 0, max).replace(/(.{2})/g, '$1 ').trim();
    if (this.length > max) text += ' ... ';
    return '<Buffer ' + text + '>';
  };
  proto[Symbol.for('nodejs.util.inspect.custom')] = proto.inspect;
  proto.compare = function compare(target, start, end, thisStart, thisEnd) {
    if (isA(target, Uint8Array)) target = Buffer.from(target, target.offset, target.byteLength);
    if (!Buffer.isBuffer(target)) {
      throw new TypeError('The "target" argument must be one of type Buffer or Uint8Array. Received type ' + typeof target);
    }
    if (start === undefined) start = 0;
    if (end === undefined) end = target.length;
    if (thisStart === undefined) thisStart = 0;
    if (thisEnd === undefined) thisEnd = this.length;
    if (start < 0 || end > target.length || thisStart < 0 || thisEnd > this.length) throw new RangeError('out of range index');
    if (thisStart >= thisEnd) return start >= end ? 0 : -1;
    if (start >= end) return 1;
    if (this === target) return 0;
    return compareBytes(this, thisStart >>> 0, thisEnd >>> 0, target, start >>> 0, end >>> 0);
  };

  // indexOf / lastIndexOf as buffer 6 searches: the offset clamped to an int32 (a string offset
  // is the encoding), an empty needle never found, UTF-16 needles matched at even offsets only.
  function search(buf, value, offset, encoding, forward) {
    if (buf.length === 0) return -1;
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
    } else if (offset > 0x7fffffff) {
      offset = 0x7fffffff;
    } else if (offset < -0x80000000) {
      offset = -0x80000000;
    }
    offset = +offset;
    if (offset !== offset) offset = forward ? 0 : buf.length - 1;
    if (offset < 0) offset += buf.length;
    if (offset >= buf.length) {
      if (forward) return -1;
      offset = buf.length - 1;
    } else if (offset < 0) {
      if (!forward) return -1;
      offset = 0;
    }
    if (typeof value === 'string') value = Buffer.from(value, encoding);
    if (Buffer.isBuffer(value)) {
      if (value.length === 0) return -1;
      return searchBytes(buf, value, offset, encoding, forward);
    }
    if (typeof value === 'number') {
      value &= 255;
      return forward ? Uint8Array.prototype.indexOf.call(buf, value, offset) : Uint8Array.prototype.lastIndexOf.call(buf, value, offset);
    }
    throw new TypeError('val must be string, number or Buffer');
  }
  function searchBytes(hay, needle, offset, encoding, forward) {
    let unit = 1;
    let hayLength = hay.length;
    let needleLength = needle.length;
    if (encoding !== undefined) {
      const enc = String(encoding).toLowerCase();
      if (enc === 'ucs2' || enc === 'ucs-2' || enc === 'utf16le' || enc === 'utf-16le') {
        if (hay.length < 2 || needle.length < 2) return -1;
        unit = 2;
        hayLength /= 2;
        needleLength /= 2;
        offset /= 2;
      }
    }
    const at = unit === 1 ? function (b, i) { return b[i]; } : function (b, i) { return b.readUInt16BE(i * 2); };
    if (forward) {
      // A partial match restarts at its first unit (the offset may be fractional for UTF-16).
      let found = -1;
      for (let i = offset; i < hayLength; i++) {
        if (at(hay, i) === at(needle, found === -1 ? 0 : i - found)) {
          if (found === -1) found = i;
          if (i - found + 1 === needleLength) return found * unit;
        } else {
          if (found !== -1) i = found;
          found = -1;
        }
      }
      return -1;
    }
    if (offset + needleLength > hayLength) offset = hayLength - needleLength;
    for (let i = offset; i >= 0; i--) {
      let k = 0;
      while (k < needleLength && at(hay, i + k) === at(needle, k)) k++;
      if (k === needleLength) return i;
    }
    return -1;
  }
  proto.includes = function includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; };
  proto.indexOf = function indexOf(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, true); };
  proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, false); };

  // Copies src into dst from offset: at most `length` bytes, as many as fit.
  function blit(src, dst, offset, length) {
    let i = 0;
    for (; i < length; i++) {
      if (i + offset >= dst.length || i >= src.length) break;
      dst[i + offset] = src[i];
    }
    return i;
  }
  function hexWrite(buf, text, offset, length) {
    offset = Number(offset) || 0;
    const remaining = buf.length - offset;
    if (!length) {
      length = remaining;
    } else {
      length = Number(length);
      if (length > remaining) length = remaining;
    }
    if (length > text.length / 2) length = text.length / 2;
    let i = 0;
    for (; i < length; i++) {
      const byte = parseInt(text.substr(i * 2, 2), 16);
      if (byte !== byte) return i;
      buf[offset + i] = byte;
    }
    return i;
  }
  proto.write = function write(text, offset, length, encoding) {
    if (offset === undefined) {
      encoding = 'utf8';
      length = this.length;
      offset = 0;
    } else if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else if (isFinite(offset)) {
      offset >>>= 0;
      if (isFinite(length)) {
        length >>>= 0;
        if (encoding === undefined) encoding = 'utf8';
      } else {
        encoding = length;
        length = undefined;
      }
    } else {
      throw new Error('Buffer.write(string, encoding, offset[, length]) is no longer supported');
    }
    const remaining = this.length - offset;
    if (length === undefined || length > remaining) length = remaining;
    if ((text.length > 0 && (length < 0 || offset < 0)) || offset > this.length) {
      throw new RangeError('Attempt to write outside buffer bounds');
    }
    if (!encoding) encoding = 'utf8';
    for (let lowered = false; ; lowered = true) {
      switch (encoding) {
        case 'hex': return hexWrite(this, text, offset, length);
        case 'utf8': case 'utf-8': return blit(utf8Units(text, this.length - offset), this, offset, length);
        case 'ascii': case 'latin1': case 'binary': return blit(latin1Encode(text), this, offset, length);
        case 'base64': return blit(base64Bytes(text), this, offset, length);
        case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
          return blit(utf16Units(text, this.length - offset), this, offset, length);
        default:
          if (lowered) throw new TypeError('Unknown encoding: ' + encoding);
          encoding = lowerEncoding(encoding);
      }
    }
  };
  proto.toJSON = function toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this, 0) }; };
  proto.slice = function slice(start, end) {
    const n = this.length;
    start = ~~start;
    end = end === undefined ? n : ~~end;
    if (start < 0) start = Math.max(start + n, 0);
    else if (start > n) start = n;
    if (end < 0) end = Math.max(end + n, 0);
    else if (end > n) end = n;
    if (end < start) end = start;
    return asBuffer(bytesOf(this, start, end));
  };

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
    proto['read' + name] = read;
    proto['write' + name] = write;
    if (name.indexOf('UInt') === 0) {
      proto['readUint' + name.slice(4)] = read;
      proto['writeUint' + name.slice(4)] = write;
    }
  }
  for (const [name, getter, size, little] of [['FloatLE', 'getFloat32', 4, true], ['FloatBE', 'getFloat32', 4, false],
    ['DoubleLE', 'getFloat64', 8, true], ['DoubleBE', 'getFloat64', 8, false]]) {
    proto['read' + name] = function (offset, noAssert) {
      offset = offset >>> 0;
      if (!noAssert) checkRead(this, offset, size);
      return view(this)[getter](offset, little);
    };
    proto['write' + name] = function (value, offset, noAssert) {
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
    proto['read' + name] = read;
    proto['write' + name] = write;
    if (!signed) {
      proto['readUint' + name.slice(4)] = read;
      proto['writeUint' + name.slice(4)] = write;
    }
  }

  // 64-bit BigInt reads and writes, with buffer 6's Node-style errors (a `code` getter on the
  // error's prototype).
  const errorProtos = {};
  function nodeError(Base, code, message) {
    if (!errorProtos[code]) {
      errorProtos[code] = Object.create(Base.prototype, {
        code: {
          configurable: true,
          get: function () { return code; },
          set: function (v) { Object.defineProperty(this, 'code', { configurable: true, enumerable: true, value: v, writable: true }); },
        },
        toString: { configurable: true, writable: true, value: function () { return this.name + ' [' + code + ']: ' + this.message; } },
      });
    }
    return Object.setPrototypeOf(new Base(message), errorProtos[code]);
  }
  // A number as buffer 6 prints it in range errors: digits grouped by `_` beyond 2 ** 32.
  function grouped(digits) {
    const sign = digits.charAt(0) === '-' ? 1 : 0;
    let out = '';
    let i = digits.length;
    for (; i >= sign + 4; i -= 3) out = '_' + digits.slice(i - 3, i) + out;
    return digits.slice(0, i) + out;
  }
  function outOfRange(name, range, input) {
    let shown = input;
    if (Number.isInteger(input) && Math.abs(input) > 4294967296) {
      shown = grouped(String(input));
    } else if (typeof input === 'bigint') {
      shown = String(input);
      if (input > 4294967296n || input < -4294967296n) shown = grouped(shown);
      shown += 'n';
    }
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + shown);
  }
  function boundsError(offset, last) {
    if (Math.floor(offset) !== offset) throw outOfRange('offset', 'an integer', offset);
    if (last < 0) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    throw outOfRange('offset', '>= 0 and <= ' + last, offset);
  }
  function readBig(little, signed) {
    return function (offset) {
      offset = offset >>> 0;
      if (this[offset] === undefined || this[offset + 7] === undefined) boundsError(offset, this.length - 8);
      let v = 0n;
      for (let k = 0; k < 8; k++) v = (v << 8n) | BigInt(this[offset + (little ? 7 - k : k)]);
      return signed ? BigInt.asIntN(64, v) : v;
    };
  }
  function writeBig(little, signed) {
    const min = signed ? -0x8000000000000000n : 0n;
    const max = signed ? 0x7fffffffffffffffn : 0xffffffffffffffffn;
    const range = signed ? '>= -(2n ** 63n) and < 2 ** 63n' : '>= 0n and < 2n ** 64n';
    return function (value, offset) {
      if (offset === undefined) offset = 0;
      if (value > max || value < min) throw outOfRange('value', range, value);
      if (typeof offset !== 'number') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "offset" argument must be of type number. Received type string');
      }
      if (this[offset] === undefined || this[offset + 7] === undefined) boundsError(offset, this.length - 8);
      const lo = Number(value & 0xffffffffn);
      const hi = Number((value >> 32n) & 0xffffffffn);
      for (let k = 0; k < 4; k++) {
        this[offset + (little ? k : 7 - k)] = (lo / Math.pow(2, 8 * k)) & 255;
        this[offset + (little ? 4 + k : 3 - k)] = (hi / Math.pow(2, 8 * k)) & 255;
      }
      return offset + 8;
    };
  }
  proto.readBigUInt64LE = readBig(true, false);
  proto.readBigUInt64BE = readBig(false, false);
  proto.readBigInt64LE = readBig(true, true);
  proto.readBigInt64BE = readBig(false, true);
  proto.writeBigUInt64LE = writeBig(true, false);
  proto.writeBigUInt64BE = writeBig(false, false);
  proto.writeBigInt64LE = writeBig(true, true);
  proto.writeBigInt64BE = writeBig(false, true);

  proto.copy = function copy(target, targetStart, start, end) {
    if (!Buffer.isBuffer(target)) throw new TypeError('argument should be a Buffer');
    if (!start) start = 0;
    if (!end && end !== 0) end = this.length;
    if (targetStart >= target.length) targetStart = target.length;
    if (!targetStart) targetStart = 0;
    if (end > 0 && end < start) end = start;
    if (end === start || target.length === 0 || this.length === 0) return 0;
    if (targetStart < 0) throw new RangeError('targetStart out of bounds');
    if (start < 0 || start >= this.length) throw new RangeError('Index out of range');
    if (end < 0) throw new RangeError('sourceEnd out of bounds');
    if (end > this.length) end = this.length;
    if (target.length - targetStart < end - start) end = target.length - targetStart + start;
    if (this === target) this.copyWithin(targetStart, start, end);
    else Uint8Array.prototype.set.call(target, this.subarray(start, end), targetStart);
    return end - start;
  };
  proto.fill = function fill(value, start, end, encoding) {
    if (typeof value === 'string') {
      if (typeof start === 'string') {
        encoding = start;
        start = 0;
        end = this.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = this.length;
      }
      if (encoding !== undefined && typeof encoding !== 'string') throw new TypeError('encoding must be a string');
      if (typeof encoding === 'string' && !Buffer.isEncoding(encoding)) throw new TypeError('Unknown encoding: ' + encoding);
      if (value.length === 1) {
        const code = value.charCodeAt(0);
        if ((encoding === 'utf8' && code < 128) || encoding === 'latin1') value = code;
      }
    } else if (typeof value === 'number') {
      value &= 255;
    } else if (typeof value === 'boolean') {
      value = Number(value);
    }
    if (start < 0 || this.length < start || this.length < end) throw new RangeError('Out of range index');
    if (end <= start) return this;
    start >>>= 0;
    end = end === undefined ? this.length : end >>> 0;
    if (!value) value = 0;
    if (typeof value === 'number') {
      for (let i = start; i < end; i++) this[i] = value;
      return this;
    }
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, encoding);
    if (bytes.length === 0) throw new TypeError('The value "' + value + '" is invalid for argument "value"');
    for (let i = 0; i < end - start; i++) this[start + i] = bytes[i % bytes.length];
    return this;
  };

  function SlowBuffer(length) {
    if (+length != length) length = 0; // eslint-disable-line eqeqeq
    return Buffer.alloc(+length);
  }
  exported.Buffer = Buffer;
  exported.SlowBuffer = SlowBuffer;
  exported.INSPECT_MAX_BYTES = 50;
  exported.kMaxLength = K_MAX;
  // The byte codecs other modules share (not part of the module's keys).
  Object.defineProperty(exported, 'codec', {
    value: {
      utf8Encode: utf8Encode, utf8Decode: utf8Decode, base64Encode: base64Encode, base64Decode: base64Decode,
      hexEncode: hexEncode, hexDecode: hexDecode, latin1Encode: latin1Encode, latin1Decode: latin1Decode,
    },
  });
  return exported;
})
