// postie library: `require('querystring')` as Newman's sandbox bundles it (the browser port of
// Node's old module): `parse`/`decode` and `stringify`/`encode` only. Parsing keeps empty pairs,
// turns repeated keys into arrays and throws on malformed escapes; stringifying encodes with
// `encodeURIComponent` and writes non-finite numbers, objects and functions as empty values.
(function () {
  'use strict';

  function uriError() { return new URIError('URI malformed'); }
  function encode(s) { try { return encodeURIComponent(s); } catch (e) { throw uriError(); } }
  function decode(s) { try { return decodeURIComponent(s); } catch (e) { throw uriError(); } }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  function primitive(v) {
    switch (typeof v) {
      case 'string': return v;
      case 'boolean': return v ? 'true' : 'false';
      case 'number': return isFinite(v) ? String(v) : '';
      default: return '';
    }
  }

  function parse(text, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    const out = {};
    if (typeof text !== 'string' || text.length === 0) return out;
    let parts = text.split(sep);
    const max = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
    if (max > 0 && parts.length > max) parts = parts.slice(0, max);
    for (const part of parts) {
      const x = part.replace(/\+/g, '%20');
      const at = x.indexOf(eq);
      const k = decode(at >= 0 ? x.slice(0, at) : x);
      const v = decode(at >= 0 ? x.slice(at + eq.length) : '');
      if (!has(out, k)) out[k] = v;
      else if (Array.isArray(out[k])) out[k].push(v);
      else out[k] = [out[k], v];
    }
    return out;
  }

  function stringify(obj, sep, eq, name) {
    sep = sep || '&';
    eq = eq || '=';
    if (obj === null) obj = undefined;
    if (typeof obj === 'object') {
      return Object.keys(obj).map(function (k) {
        const key = encode(primitive(k)) + eq;
        const v = obj[k];
        if (Array.isArray(v)) return v.map(function (x) { return key + encode(primitive(x)); }).join(sep);
        return key + encode(primitive(v));
      }).join(sep);
    }
    if (!name) return '';
    return encode(primitive(name)) + eq + encode(primitive(obj));
  }

  return { parse: parse, decode: parse, stringify: stringify, encode: stringify };
})
