// postie library: `require('punycode')` as Newman's bundle has it (punycode 1.4.1): `toASCII`,
// `toUnicode` (labels split at any IDNA dot, the part before an `@` kept), `encode` (raw
// punycode, in Rust), `decode` (RFC 3492, here, with 1.4.1's reading of digits: a character
// below '0' counts as a digit too) and `ucs2.decode/encode`. Errors are RangeErrors.
(function (P) {
  'use strict';

  const native = P.native;
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const SKEW = 38;
  const DAMP = 700;
  const MAX_INT = 2147483647;
  const ERRORS = {
    overflow: 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input',
  };
  function fail(kind) { throw new RangeError(ERRORS[kind]); }

  function mapDomain(domain, fn) {
    const parts = domain.split('@');
    let prefix = '';
    if (parts.length > 1) {
      prefix = parts[0] + '@';
      domain = parts[1];
    }
    return prefix + domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.').map(fn).join('.');
  }

  // The UTF-16 string of a list of code points (no check that they are valid).
  function ucs2encode(list) {
    let out = '';
    for (let value of list) {
      if (value > 0xffff) {
        value -= 0x10000;
        out += String.fromCharCode(((value >>> 10) & 0x3ff) | 0xd800);
        value = 0xdc00 | (value & 0x3ff);
      }
      out += String.fromCharCode(value);
    }
    return out;
  }
  function ucs2decode(text) {
    const out = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if ((d & 0xfc00) === 0xdc00) {
          out.push(((c & 0x3ff) << 10) + (d & 0x3ff) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }

  function digitOf(code) {
    if (code - 48 < 10) return code - 22;
    if (code - 65 < 26) return code - 65;
    if (code - 97 < 26) return code - 97;
    return BASE;
  }
  function adapt(delta, points, first) {
    delta = first ? Math.floor(delta / DAMP) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
    return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
  }
  function decode(input) {
    input = String(input);
    const out = [];
    let n = 128;
    let i = 0;
    let bias = 72;
    let basic = input.lastIndexOf('-');
    if (basic < 0) basic = 0;
    for (let j = 0; j < basic; j++) {
      if (input.charCodeAt(j) >= 0x80) fail('not-basic');
      out.push(input.charCodeAt(j));
    }
    for (let at = basic > 0 ? basic + 1 : 0; at < input.length;) {
      const before = i;
      for (let w = 1, k = BASE; ; k += BASE) {
        if (at >= input.length) fail('invalid-input');
        const digit = digitOf(input.charCodeAt(at++));
        if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) fail('overflow');
        i += digit * w;
        const t = k <= bias ? T_MIN : (k >= bias + T_MAX ? T_MAX : k - bias);
        if (digit < t) break;
        if (w > Math.floor(MAX_INT / (BASE - t))) fail('overflow');
        w *= BASE - t;
      }
      const count = out.length + 1;
      bias = adapt(i - before, count, before === 0);
      if (Math.floor(i / count) > MAX_INT - n) fail('overflow');
      n += Math.floor(i / count);
      i %= count;
      out.splice(i++, 0, n);
    }
    return ucs2encode(out);
  }

  return {
    version: '1.4.1',
    ucs2: { decode: ucs2decode, encode: ucs2encode },
    decode: decode,
    encode: function (s) { return native.punycodeEncode(String(s)); },
    toASCII: function (domain) {
      return mapDomain(String(domain), function (label) {
        return /[^\x20-\x7E]/.test(label) ? 'xn--' + native.punycodeEncode(label) : label;
      });
    },
    toUnicode: function (domain) {
      return mapDomain(String(domain), function (label) {
        return /^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label;
      });
    },
  };
})
