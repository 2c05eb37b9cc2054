// postie library: `require('url')`: WHATWG `URL` (parsed in Rust by the `url` crate) and
// `URLSearchParams`, plus the legacy `parse`, `format` and `resolve`.
(function (P, lib) {
  'use strict';

  const native = P.native;

  // ---- URLSearchParams -----------------------------------------------------------------------
  function formEncode(s) {
    return encodeURIComponent(String(s)).replace(/[!'()~]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }).replace(/%20/g, '+');
  }
  function formDecode(s) {
    const t = String(s).replace(/\+/g, ' ');
    try { return decodeURIComponent(t); } catch (e) { return t.replace(/%([0-9a-f]{2})/gi, function (m, h) { return String.fromCharCode(parseInt(h, 16)); }); }
  }
  class URLSearchParams {
    constructor(init) {
      this._list = [];
      this._owner = null;
      if (init === undefined || init === null) return;
      if (typeof init === 'string') { this._parse(init); return; }
      if (init instanceof URLSearchParams) { this._list = init._list.map(function (p) { return p.slice(); }); return; }
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) this._list.push([String(pair[0]), String(pair[1])]);
        return;
      }
      for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
    }
    _parse(text) {
      this._list = [];
      const s = String(text).replace(/^\?/, '');
      if (!s) return;
      for (const part of s.split('&')) {
        if (!part) continue;
        const at = part.indexOf('=');
        this._list.push(at === -1 ? [formDecode(part), ''] : [formDecode(part.slice(0, at)), formDecode(part.slice(at + 1))]);
      }
    }
    _update() { if (this._owner) this._owner._setSearch(this.toString()); }
    append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
    delete(k) { k = String(k); this._list = this._list.filter(function (p) { return p[0] !== k; }); this._update(); }
    get(k) { k = String(k); const p = this._list.find(function (x) { return x[0] === k; }); return p ? p[1] : null; }
    getAll(k) { k = String(k); return this._list.filter(function (p) { return p[0] === k; }).map(function (p) { return p[1]; }); }
    has(k) { k = String(k); return this._list.some(function (p) { return p[0] === k; }); }
    set(k, v) {
      k = String(k);
      const at = this._list.findIndex(function (p) { return p[0] === k; });
      if (at === -1) this._list.push([k, String(v)]);
      else {
        this._list[at][1] = String(v);
        this._list = this._list.filter(function (p, i) { return i <= at || p[0] !== k; });
      }
      this._update();
    }
    sort() { this._list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }); this._update(); }
    forEach(fn, self) { for (const p of this._list.slice()) fn.call(self, p[1], p[0], this); }
    keys() { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); }
    values() { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); }
    entries() { return this._list.map(function (p) { return p.slice(); })[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    get size() { return this._list.length; }
    toString() { return this._list.map(function (p) { return formEncode(p[0]) + '=' + formEncode(p[1]); }).join('&'); }
  }

  // ---- URL -----------------------------------------------------------------------------------
  const FIELDS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
  class URL {
    constructor(input, base) {
      const parts = base === undefined ? native.urlParse(String(input)) : native.urlParse(String(input), String(base));
      this._c = JSON.parse(parts);
      this._params = new URLSearchParams(this._c.search);
      this._params._owner = this;
    }
    _set(field, value) {
      this._c = JSON.parse(native.urlSet(this._c.href, field, String(value)));
      if (field !== 'search') this._params._list = new URLSearchParams(this._c.search)._list;
    }
    _setSearch(text) { this._c = JSON.parse(native.urlSet(this._c.href, 'search', text)); }
    get origin() { return this._c.origin; }
    get searchParams() { return this._params; }
    toString() { return this._c.href; }
    toJSON() { return this._c.href; }
    static canParse(input, base) { try { new URL(input, base); return true; } catch (e) { return false; } }
  }
  for (const field of FIELDS) {
    Object.defineProperty(URL.prototype, field, {
      get: function () { return this._c[field]; },
      set: function (v) {
        this._set(field, v);
        if (field === 'search') this._params._list = new URLSearchParams(this._c.search)._list;
      },
      configurable: true,
    });
  }

  // ---- legacy API ----------------------------------------------------------------------------
  function Url() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
    this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
  }
  const LEGACY = /^(?:([a-z][a-z0-9+.-]*:))?(\/\/)?(?:([^@/?#]*)@)?([^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/i;
  function parse(text, parseQuery, slashesDenoteHost) {
    if (text instanceof Url) return text;
    const s = String(text).trim();
    const out = new Url();
    const m = LEGACY.exec(s);
    if (!m) { out.href = s; return out; }
    const hasHost = Boolean(m[2]) && (Boolean(m[1]) || slashesDenoteHost);
    out.protocol = m[1] ? m[1].toLowerCase() : null;
    out.slashes = m[2] && hasHost ? true : null;
    if (hasHost) {
      out.auth = m[3] !== undefined ? decodeURIComponent(m[3]) : null;
      const host = (m[4] || '').toLowerCase();
      const port = /:(\d*)$/.exec(host);
      out.host = host;
      out.port = port && port[1] ? port[1] : null;
      out.hostname = port ? host.slice(0, port.index) : host;
      out.pathname = m[5] || (out.protocol && /^(?:https?|ftp|file|wss?):$/.test(out.protocol) ? '/' : null);
    } else {
      out.pathname = (m[2] || '') + (m[3] !== undefined ? m[3] + '@' : '') + (m[4] || '') + (m[5] || '') || null;
    }
    out.search = m[6] || (parseQuery ? '' : null);
    out.query = parseQuery ? lib('querystring').parse((m[6] || '').slice(1)) : m[6] ? m[6].slice(1) : null;
    out.hash = m[7] || null;
    out.path = (out.pathname || '') + (out.search || '') || null;
    out.href = format(out);
    return out;
  }
  function format(obj) {
    if (typeof obj === 'string') obj = parse(obj);
    if (obj instanceof URL) return obj.href;
    let auth = obj.auth ? encodeURIComponent(obj.auth).replace(/%3A/i, ':') + '@' : '';
    const protocol = obj.protocol ? (obj.protocol.slice(-1) === ':' ? obj.protocol : obj.protocol + ':') : '';
    let host = '';
    if (obj.host) host = auth + obj.host;
    else if (obj.hostname) host = auth + obj.hostname + (obj.port ? ':' + obj.port : '');
    auth = '';
    let pathname = obj.pathname || '';
    let search = obj.search || '';
    if (!search && obj.query && typeof obj.query === 'object') {
      const q = lib('querystring').stringify(obj.query);
      search = q ? '?' + q : '';
    } else if (search && search.charAt(0) !== '?') search = '?' + search;
    let hash = obj.hash || '';
    if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
    const slashes = obj.slashes || /^(?:https?|ftp|gopher|file|wss?):$/.test(protocol) ? '//' : '';
    if (host && pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
    return protocol + (host || slashes && protocol === 'file:' ? slashes : '') + host + pathname + search + hash;
  }
  function resolve(from, to) {
    try {
      return new URL(String(to), String(from)).href;
    } catch (e) {
      const base = String(from);
      if (String(to).charAt(0) === '/') return String(to);
      return base.replace(/[^/]*$/, '') + to;
    }
  }

  return {
    URL: URL, URLSearchParams: URLSearchParams, Url: Url, parse: parse, format: format, resolve: resolve,
    domainToASCII: function (d) { return native.domainToAscii(String(d)); },
    domainToUnicode: function (d) { return native.domainToUnicode(String(d)); },
  };
})
