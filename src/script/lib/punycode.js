// postie library: `require('punycode')`: `toASCII`, `toUnicode` (IDNA, in Rust via the `idna`
// crate), `encode`, `decode` (raw punycode) and `ucs2.decode/encode`.
(function (P) {
  'use strict';

  const native = P.native;
  function mapLabels(domain, fn) {
    const at = domain.lastIndexOf('@');
    const prefix = at === -1 ? '' : domain.slice(0, at + 1);
    const host = at === -1 ? domain : domain.slice(at + 1);
    return prefix + host.split(/[.\u3002\uff0e\uff61]/).map(fn).join('.');
  }
  return {
    version: '2.1.0',
    encode: function (s) { return native.punycodeEncode(String(s)); },
    decode: function (s) { return native.punycodeDecode(String(s)); },
    toASCII: function (domain) {
      return mapLabels(String(domain), function (label) {
        return /[^\0-\x7e]/.test(label) ? 'xn--' + native.punycodeEncode(label.toLowerCase()) : label;
      });
    },
    toUnicode: function (domain) {
      return mapLabels(String(domain), function (label) {
        return /^xn--/i.test(label) ? native.punycodeDecode(label.slice(4).toLowerCase()) : label;
      });
    },
    ucs2: {
      decode: function (s) { return Array.from(String(s)).map(function (c) { return c.codePointAt(0); }); },
      encode: function (list) { return String.fromCodePoint.apply(null, list); },
    },
  };
})
