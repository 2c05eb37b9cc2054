// postie library: `require('querystring')`: Node's `parse`/`decode`, `stringify`/`encode`,
// `escape` and `unescape` (repeated keys become arrays, `+` decodes to a space).
(function () {
  'use strict';

  function qsEscape(s) {
    return encodeURIComponent(String(s)).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
  }
  function qsUnescape(s) {
    try { return decodeURIComponent(s); } catch (e) { return String(s).replace(/%([0-9a-f]{2})/gi, function (m, h) { return String.fromCharCode(parseInt(h, 16)); }); }
  }
  function primitive(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && isFinite(v)) return String(v);
    if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
    return '';
  }
  function stringify(obj, sep, eq, options) {
    sep = sep || '&'; eq = eq || '=';
    const encode = options && options.encodeURIComponent || qsEscape;
    if (obj === null || typeof obj !== 'object') return '';
    return Object.keys(obj).map(function (k) {
      const v = obj[k];
      const key = encode(primitive(k)) + eq;
      if (Array.isArray(v)) return v.map(function (x) { return key + encode(primitive(x)); }).join(sep);
      return key + encode(primitive(v));
    }).filter(Boolean).join(sep);
  }
  function parse(text, sep, eq, options) {
    sep = sep || '&'; eq = eq || '=';
    const out = Object.create(null);
    if (typeof text !== 'string' || text.length === 0) return out;
    const max = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
    const decode = options && options.decodeURIComponent || qsUnescape;
    let parts = text.split(sep);
    if (max > 0) parts = parts.slice(0, max);
    for (const part of parts) {
      if (!part) continue;
      const at = part.indexOf(eq);
      const k = decode((at === -1 ? part : part.slice(0, at)).replace(/\+/g, ' '));
      const v = at === -1 ? '' : decode(part.slice(at + eq.length).replace(/\+/g, ' '));
      if (!(k in out)) out[k] = v;
      else if (Array.isArray(out[k])) out[k].push(v);
      else out[k] = [out[k], v];
    }
    return out;
  }
  return { parse: parse, decode: parse, stringify: stringify, encode: stringify, escape: qsEscape, unescape: qsUnescape };
})
