// postie prelude: `pm.request`, `pm.response`, header lists, cookies (`pm.cookies` and the jar),
// `pm.sendRequest`, and the chai-postman style assertions (`pm.response.to.have.status(200)`, ...).
//
// Script I/O goes through the host: a call is queued in the run state's outbox with a callback;
// the Rust side takes the outbox (`takeOutbox`) once the promise jobs are drained, does the work
// and hands each result back (`deliver`), which calls the callback.
(function (P) {
  'use strict';

  const { display } = P;
  const stringify = JSON.stringify;
  const parse = JSON.parse;

  // ---- lists -----------------------------------------------------------------------------------
  // What Postman's property lists (headers, body members, cookies) share: read access to `_items`.
  class ListBase {
    constructor(items) { this._items = items; }
    all() { return this._items.slice(); }
    count() { return this._items.length; }
    idx(i) { return this._items[i]; }
    each(fn, self) { this._items.forEach(fn, self); }
    map(fn, self) { return this._items.map(fn, self); }
    filter(fn, self) { return this._items.filter(fn, self); }
    find(fn, self) { return this._items.find(fn, self); }
  }

  // ---- header lists --------------------------------------------------------------------------
  class HeaderList extends ListBase {
    constructor(pairs) {
      super([]);
      this._items = pairs.map(function (p) { return { key: String(p[0]), value: String(p[1]) }; });
    }
    _find(key) {
      const wanted = String(key).toLowerCase();
      return this._items.find(function (h) { return h.key.toLowerCase() === wanted; });
    }
    get(key) { const h = this._find(key); return h ? h.value : undefined; }
    one(key) { return this._find(key); }
    has(key, value) {
      const h = this._find(key);
      return h !== undefined && (arguments.length < 2 || h.value === value);
    }
    toObject() {
      const out = {};
      for (const h of this._items) out[h.key.toLowerCase()] = h.value;
      return out;
    }
    toJSON() { return this.all(); }
    toString() { return this._items.map(function (h) { return h.key + ': ' + h.value + '\n'; }).join(''); }
    add(header) { this._items.push(normalizeHeader(header)); }
    append(header) { this.add(header); }
    upsert(header) {
      const h = normalizeHeader(header);
      const existing = this._find(h.key);
      if (existing) existing.value = h.value;
      else this._items.push(h);
    }
    remove(key) {
      const wanted = typeof key === 'string' ? key.toLowerCase() : null;
      this._items = this._items.filter(function (h) {
        return wanted !== null ? h.key.toLowerCase() !== wanted : typeof key === 'function' ? !key(h) : h !== key;
      });
    }
    clear() { this._items = []; }
  }

  function normalizeHeader(header) {
    if (typeof header === 'string') {
      const at = header.indexOf(':');
      return at === -1 ? { key: header.trim(), value: '' }
        : { key: header.slice(0, at).trim(), value: header.slice(at + 1).trim() };
    }
    if (header && typeof header === 'object') {
      return { key: String(header.key), value: header.value === undefined ? '' : String(header.value) };
    }
    throw new TypeError('a header must be an object { key, value } or a string "Key: value"');
  }

  // ---- URLs ----------------------------------------------------------------------------------
  class QueryList {
    constructor(pairs) { this._items = pairs; }
    get(key) { const q = this._items.find(function (p) { return p.key === key; }); return q ? q.value : undefined; }
    has(key) { return this._items.some(function (p) { return p.key === key; }); }
    all() { return this._items.slice(); }
    count() { return this._items.length; }
    each(fn) { this._items.forEach(fn); }
    map(fn) { return this._items.map(fn); }
    toObject() {
      const out = {};
      for (const q of this._items) out[q.key] = q.value;
      return out;
    }
    toString() {
      return this._items.map(function (q) { return q.value === null ? q.key : q.key + '=' + q.value; }).join('&');
    }
    add(param) { this._items.push(param); }
    upsert(param) {
      const existing = this._items.find(function (p) { return p.key === param.key; });
      if (existing) existing.value = param.value;
      else this._items.push(param);
    }
    remove(key) { this._items = this._items.filter(function (p) { return p.key !== key; }); }
  }

  class Url {
    constructor(text) {
      this._raw = text;
      const m = /^(?:([A-Za-z][\w+.-]*):\/\/)?(?:([^@/?#]*)@)?([^/?#:]*)(?::(\d+|\{\{[^}]*\}\}))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(text) || [];
      this.protocol = m[1];
      this.auth = m[2];
      this.host = m[3] ? m[3].split('.') : [];
      this.port = m[4];
      this.path = m[5] ? m[5].split('/').filter(function (s, i) { return !(i === 0 && s === ''); }) : [];
      this.hash = m[7];
      const query = m[6] === undefined || m[6] === '' ? [] : m[6].split('&').map(function (part) {
        const at = part.indexOf('=');
        return at === -1 ? { key: part, value: null } : { key: part.slice(0, at), value: part.slice(at + 1) };
      });
      this.query = new QueryList(query);
    }
    getHost() { return this.host.join('.'); }
    getPath() { return '/' + this.path.join('/'); }
    getQueryString() { return this.query.toString(); }
    getPathWithQuery() {
      const q = this.getQueryString();
      return this.getPath() + (q ? '?' + q : '');
    }
    getRemote() { return this.getHost() + (this.port ? ':' + this.port : ''); }
    addQueryParams(params) {
      for (const p of [].concat(params)) this.query.add(typeof p === 'string' ? { key: p, value: null } : p);
    }
    removeQueryParams(keys) {
      for (const k of [].concat(keys)) this.query.remove(typeof k === 'string' ? k : k.key);
    }
    toString() {
      let out = this.protocol ? this.protocol + '://' : '';
      if (this.auth !== undefined) out += this.auth + '@';
      out += this.getHost();
      if (this.port) out += ':' + this.port;
      if (this.path.length) out += '/' + this.path.join('/');
      else if (this._raw.indexOf('/', out.length) !== -1 && /\/$/.test(this._raw.split(/[?#]/)[0])) out += '/';
      const q = this.getQueryString();
      if (q || /\?/.test(this._raw)) out += '?' + q;
      if (this.hash !== undefined) out += '#' + this.hash;
      return out;
    }
    toJSON() { return this.toString(); }
  }

  // ---- request bodies ------------------------------------------------------------------------
  // A list of { key, value, disabled? } members (urlencoded and formdata bodies).
  class PropertyList extends ListBase {
    constructor(items) { super((items || []).map(function (p) { return Object.assign({}, p); })); }
    get(key) { const m = this._items.find(function (p) { return p.key === key && !p.disabled; }); return m ? m.value : undefined; }
    one(key) { return this._items.find(function (p) { return p.key === key; }); }
    has(key) { return this._items.some(function (p) { return p.key === key; }); }
    add(member) { this._items.push(Object.assign({}, member)); }
    append(member) { this.add(member); }
    upsert(member) {
      const existing = this.one(member.key);
      if (existing) Object.assign(existing, member);
      else this.add(member);
    }
    remove(key) {
      this._items = this._items.filter(function (p) {
        return typeof key === 'function' ? !key(p) : typeof key === 'string' ? p.key !== key : p !== key;
      });
    }
    clear() { this._items = []; }
    toObject() {
      const out = {};
      for (const p of this._items) if (!p.disabled) out[p.key] = p.value;
      return out;
    }
    toJSON() { return this.all(); }
  }

  function listItems(value) {
    if (value instanceof PropertyList) return value.all();
    if (Array.isArray(value)) return value;
    if (value && typeof value === 'object') {
      return Object.keys(value).map(function (k) { return { key: k, value: value[k] }; });
    }
    return [];
  }

  class RequestBody {
    constructor(definition) { this.update(definition); }
    update(definition) {
      const d = typeof definition === 'string' ? { mode: 'raw', raw: definition } : definition || {};
      for (const key of ['raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled']) delete this[key];
      this.mode = d.mode;
      if (d.mode === 'raw' || d.raw !== undefined) {
        this.raw = typeof d.raw === 'string' ? d.raw : d.raw === undefined || d.raw === null ? '' : stringify(d.raw);
      }
      if (d.urlencoded !== undefined) this.urlencoded = new PropertyList(listItems(d.urlencoded));
      if (d.formdata !== undefined) this.formdata = new PropertyList(listItems(d.formdata));
      if (d.file !== undefined) this.file = d.file;
      if (d.graphql !== undefined) this.graphql = d.graphql;
      if (d.options !== undefined) this.options = d.options;
      if (d.disabled) this.disabled = true;
    }
    isEmpty() {
      const content = this.mode ? this[this.mode] : undefined;
      if (content === undefined || content === null) return true;
      if (content instanceof PropertyList) return content.count() === 0;
      return typeof content === 'string' ? content.length === 0 : false;
    }
    toString() {
      if (this.mode === 'raw') return this.raw;
      if (this.mode === 'urlencoded' && this.urlencoded) {
        return this.urlencoded.filter(function (p) { return !p.disabled; })
          .map(function (p) { return encodeURIComponent(p.key) + '=' + encodeURIComponent(p.value === undefined ? '' : p.value); })
          .join('&');
      }
      return '';
    }
    toJSON() {
      const out = { mode: this.mode };
      for (const key of ['raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled']) {
        const v = this[key];
        if (v !== undefined) out[key] = v instanceof PropertyList ? v.all() : v;
      }
      return out;
    }
  }

  // ---- request and response ------------------------------------------------------------------
  function headerPairs(h) {
    if (h instanceof HeaderList) return h.all();
    return listItems(h).map(function (p) { return typeof p === 'string' ? normalizeHeader(p) : p; });
  }

  class Request {
    constructor(data) {
      this.id = data.id === null ? undefined : data.id;
      this.name = data.name;
      this.method = data.method;
      this.url = new Url(data.url);
      this.headers = new HeaderList(data.headers);
      const definition = data.bodyDefinition || (data.body === null || data.body === undefined ? null : data.body);
      this.body = definition === null ? undefined : new RequestBody(definition);
      this._initial = this._state();
    }
    get to() { return P.expect(this).to; }
    getHeaders() { return this.headers.toObject(); }
    addHeader(h) { this.headers.add(h); }
    removeHeader(h) { this.headers.remove(typeof h === 'string' ? h : h && h.key); }
    upsertHeader(h) { this.headers.upsert(h); }
    addQueryParams(p) { this.url.addQueryParams(p); }
    removeQueryParams(p) { this.url.removeQueryParams(p); }
    // The parts a pre-request script may change, as JSON text.
    _state() {
      const body = this.body === undefined || this.body === null ? null
        : this.body instanceof RequestBody ? this.body.toJSON() : new RequestBody(this.body).toJSON();
      const headers = this.headers instanceof HeaderList ? this.headers : new HeaderList(headerPairs(this.headers).map(function (h) { return [h.key, h.value]; }));
      return {
        method: stringify(String(this.method).toUpperCase()),
        url: stringify(String(this.url)),
        headers: stringify(headers.all().filter(function (h) { return !h.disabled; }).map(function (h) { return [h.key, h.value]; })),
        body: stringify(body),
      };
    }
    // What changed since the script started: { method?, url?, headers?, body? } or null.
    _changes() {
      const now = this._state();
      const out = {};
      let changed = false;
      for (const key of ['method', 'url', 'headers', 'body']) {
        if (now[key] !== this._initial[key]) {
          out[key] = parse(now[key]);
          changed = true;
        }
      }
      return changed ? out : null;
    }
    toJSON() {
      return { id: this.id, name: this.name, method: this.method, url: this.url.toString(),
        header: this.headers.all(), body: this.body && this.body.toJSON() };
    }
  }

  // Where JSON.parse gave up: the index of the first character that cannot continue a JSON
  // text, or text.length when it ended too early.
  // Where JSON.parse fails in `text` (-1: it does not), and whether the failure is a trailing
  // comma ('array' or 'object', else null), in `jsonErrorIndex.trailing`.
  function jsonErrorIndex(text) {
    let i = 0;
    jsonErrorIndex.trailing = null;
    const ws = function () { while (i < text.length && ' \t\n\r'.indexOf(text[i]) !== -1) i++; };
    const fail = function () { throw i; };
    const literal = function (word) {
      for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail();
    };
    const string = function () {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text.charCodeAt(i) < 0x20) fail();
        i += text[i] === '\\' ? 2 : 1;
      }
      if (i >= text.length) fail();
      i++;
    };
    const number = function () {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m || m[0] === '-') fail();
      i += m[0].length;
    };
    const value = function () {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        i++;
        ws();
        if (text[i] === close) { i++; return; }
        let afterComma = false;
        for (;;) {
          ws();
          if (afterComma && text[i] === close) {
            jsonErrorIndex.trailing = c === '{' ? 'object' : 'array';
            fail();
          }
          if (c === '{') {
            ws();
            if (text[i] !== '"') fail();
            string();
            ws();
            if (text[i] !== ':') fail();
            i++;
          }
          value();
          ws();
          if (text[i] === ',') { i++; afterComma = true; continue; }
          if (text[i] === close) { i++; return; }
          fail();
        }
      }
      if (c === '"') return string();
      if (c === 't') return literal('true');
      if (c === 'f') return literal('false');
      if (c === 'n') return literal('null');
      return number();
    };
    try {
      value();
      ws();
      return i < text.length ? i : -1;
    } catch (at) {
      return typeof at === 'number' ? at : -1;
    }
  }

  // The parse error Newman's JSON parser (liquid-json) gives: what went wrong, the line:column,
  // then the line (first 79 characters) and a caret under the column.
  function invalidJson(text) {
    let at = jsonErrorIndex(text);
    let what;
    if (/^\s*$/.test(text)) {
      what = 'No data, empty input';
      at = 0;
    } else if (at < 0 || at >= text.length) {
      what = 'Unexpected end of input';
      at = text.length;
    } else if (jsonErrorIndex.trailing) {
      what = 'Trailing comma in ' + jsonErrorIndex.trailing;
    } else {
      // A '/' that does not start a comment is blamed on the character after it.
      if (text[at] === '/' && at + 1 < text.length && text[at + 1] !== '/') at++;
      what = "Unexpected token '" + text[at] + "'";
    }
    const before = text.slice(0, at).split('\n');
    const column = before[before.length - 1].length + 1;
    const line = text.split('\n')[before.length - 1] || '';
    const message = what + ' at ' + before.length + ':' + column + '\n' + line.slice(0, 79) + '\n' +
      ' '.repeat(column - 1) + '^';
    const err = new Error(message);
    err.name = 'JSONError';
    return err;
  }

  function parseJson(text) {
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
      return JSON.parse(clean);
    } catch (e) {
      throw invalidJson(clean);
    }
  }

  class Response {
    constructor(data, body) {
      this.code = data.code;
      this.status = data.status;
      this.headers = new HeaderList(data.headers);
      this.responseTime = data.time;
      this.responseSize = data.size;
      this._body = body;
    }
    get to() { return P.expect(this).to; }
    text() { return this._body; }
    json() { return parseJson(this._body); }
    reason() { return this.status; }
    size() {
      const header = this.headers.toString().length;
      return { body: this.responseSize, header: header, total: this.responseSize + header };
    }
    get stream() { throw new Error('pm.response.stream is not supported by postie yet; use pm.response.text()'); }
    get cookies() {
      if (!this._cookies) this._cookies = this._cookieSource ? this._cookieSource() : P.responseCookies(this.headers);
      return this._cookies;
    }
    toJSON() {
      return { code: this.code, status: this.status, header: this.headers.all(), body: this._body,
        responseTime: this.responseTime, responseSize: this.responseSize };
    }
  }

  // ---- host calls ----------------------------------------------------------------------------
  function hostCall(call, done) {
    const S = P.state();
    if (!S.outbox) {
      S.outbox = [];
      S.calls = new Map();
      S.callSeq = 0;
    }
    call.id = ++S.callSeq;
    S.outbox.push(call);
    S.calls.set(call.id, done);
  }

  P.takeOutbox = function () {
    const S = P.state();
    if (!S || !S.outbox || S.outbox.length === 0) return '';
    const out = stringify(S.outbox);
    S.outbox = [];
    return out;
  };

  P.deliver = function (id, resultJson) {
    const S = P.state();
    const done = S && S.calls && S.calls.get(id);
    if (!done) return;
    S.calls.delete(id);
    try {
      done(parse(resultJson));
    } catch (err) {
      if (!S.asyncError) S.asyncError = parse(P.describe(err));
    }
  };

  // Node-style error for a failed host call (`connect ECONNREFUSED ...` gets `code`).
  function callError(message) {
    const err = new Error(message);
    const m = /^(?:connect |getaddrinfo )?(E[A-Z]+)\b/.exec(message);
    if (m) err.code = m[1];
    return err;
  }

  // Callback `(err, value)` when given, else a Promise.
  function finishWith(callback, map) {
    if (typeof callback === 'function') {
      return {
        promise: undefined,
        done: function (result) {
          if (result.error !== undefined) callback(callError(result.error));
          else callback(null, map(result.ok));
        },
      };
    }
    let resolve;
    let reject;
    const promise = new Promise(function (res, rej) { resolve = res; reject = rej; });
    return {
      promise: promise,
      done: function (result) {
        if (result.error !== undefined) reject(callError(result.error));
        else resolve(map(result.ok));
      },
    };
  }

  // ---- cookies -------------------------------------------------------------------------------
  function cookieObject(c) {
    const out = Object.assign({}, c);
    Object.defineProperty(out, 'key', { get: function () { return this.name; }, enumerable: false });
    Object.defineProperty(out, 'toString', {
      value: function () { return this.name + '=' + this.value; }, enumerable: false,
    });
    return out;
  }

  class CookieList extends ListBase {
    constructor(cookies) { super(cookies.map(cookieObject)); }
    get(name) { const c = this.one(name); return c ? c.value : undefined; }
    one(name) {
      let found;
      for (const c of this._items) if (c.name === name) found = c;
      return found;
    }
    has(name, value) {
      const c = this.one(name);
      return c !== undefined && (arguments.length < 2 || c.value === value);
    }
    toObject() {
      const out = {};
      for (const c of this._items) out[c.name] = c.value;
      return out;
    }
    toJSON() { return this.all(); }
    toString() { return this._items.map(String).join('; '); }
    jar() { return cookieJar; }
  }

  function needUrl(what, url) {
    if (url && typeof url === 'object' && typeof url.toString === 'function') url = url.toString();
    if (typeof url !== 'string' || url === '') throw new TypeError('CookieJar.' + what + '() requires a valid url');
    return url;
  }

  function jarCall(what, call, callback, map) {
    if (callback !== undefined && typeof callback !== 'function') {
      throw new TypeError('CookieJar.' + what + '() requires a callback function');
    }
    const finish = finishWith(callback, map || function (v) { return v === null ? undefined : v; });
    hostCall(Object.assign({ type: 'jar', action: what }, call), finish.done);
    return finish.promise;
  }

  const cookieJar = Object.freeze({
    get: function (url, name, callback) {
      return jarCall('get', { url: needUrl('get', url), name: String(name) }, callback);
    },
    getAll: function (url, options, callback) {
      if (typeof options === 'function') callback = options;
      return jarCall('getAll', { url: needUrl('getAll', url) }, callback, function (list) {
        return (list || []).map(cookieObject);
      });
    },
    set: function (url, name, value, callback) {
      let cookie;
      if (name && typeof name === 'object') {
        callback = value;
        cookie = {
          name: String(name.name !== undefined ? name.name : name.key !== undefined ? name.key : ''),
          value: name.value === undefined || name.value === null ? '' : String(name.value),
          domain: name.domain || undefined, path: name.path || undefined,
          expires: name.expires ? (name.expires instanceof Date ? name.expires.toUTCString() : String(name.expires)) : undefined,
          maxAge: typeof name.maxAge === 'number' ? name.maxAge : undefined,
          httpOnly: Boolean(name.httpOnly), secure: Boolean(name.secure),
        };
      } else {
        if (typeof value === 'function' && callback === undefined) {
          callback = value;
          value = undefined;
        }
        cookie = { name: String(name), value: value === undefined || value === null ? '' : String(value) };
      }
      return jarCall('set', { url: needUrl('set', url), cookie: cookie }, callback, function (c) {
        return c ? cookieObject(c) : undefined;
      });
    },
    unset: function (url, name, callback) {
      return jarCall('unset', { url: needUrl('unset', url), name: String(name) }, callback);
    },
    clear: function (url, callback) {
      return jarCall('clear', { url: needUrl('clear', url) }, callback);
    },
  });

  function parseSetCookie(line) {
    const parts = line.split(';');
    const first = parts.shift();
    const at = first.indexOf('=');
    const cookie = { name: at === -1 ? '' : first.slice(0, at).trim(), value: (at === -1 ? first : first.slice(at + 1)).trim() };
    for (const attr of parts) {
      const eq = attr.indexOf('=');
      const key = (eq === -1 ? attr : attr.slice(0, eq)).trim().toLowerCase();
      const value = eq === -1 ? true : attr.slice(eq + 1).trim();
      if (key === 'httponly') cookie.httpOnly = true;
      else if (key === 'secure') cookie.secure = true;
      else if (key === 'max-age') cookie.maxAge = Number(value);
      else if (key) cookie[key] = value;
    }
    return cookie;
  }

  // Cookies from Set-Cookie headers (for responses of pm.sendRequest and as a fallback).
  P.responseCookies = function (headers) {
    const cookies = headers ? headers.filter(function (h) { return h.key.toLowerCase() === 'set-cookie'; })
      .map(function (h) { return parseSetCookie(h.value); }) : [];
    return new CookieList(cookies);
  };

  // pm.cookies: the jar's cookies for the request URL, then Set-Cookie cookies the jar did not
  // take (under the same name).
  P.cookieList = function (jarCookies, headers) {
    const list = jarCookies.slice();
    const seen = new Set(list.map(function (c) { return c.name; }));
    for (const c of P.responseCookies(headers).all()) {
      if (!seen.has(c.name)) list.push(Object.assign({}, c));
    }
    return new CookieList(list);
  };

  // ---- pm.sendRequest ------------------------------------------------------------------------
  function requestDefinition(req) {
    if (typeof req === 'string') return { url: req, method: 'GET', header: [] };
    if (!req || typeof req !== 'object') throw new TypeError('pm.sendRequest needs a URL or a request object');
    const def = {
      url: req.url === undefined || req.url === null ? '' : String(req.url),
      method: req.method ? String(req.method).toUpperCase() : 'GET',
      header: headerPairs(req.header !== undefined ? req.header : req.headers).map(function (h) {
        const out = { key: String(h.key), value: h.value === undefined || h.value === null ? '' : String(h.value) };
        if (h.disabled) out.disabled = true;
        return out;
      }),
    };
    const body = req.body;
    if (body !== undefined && body !== null) {
      def.body = (body instanceof RequestBody ? body : new RequestBody(body)).toJSON();
    }
    if (req.auth) def.auth = req.auth;
    return def;
  }

  P.sendRequest = function (req, callback) {
    if (callback !== undefined && typeof callback !== 'function') {
      throw new TypeError('pm.sendRequest: the callback must be a function');
    }
    const definition = requestDefinition(req);
    const finish = finishWith(callback, function (r) {
      return new Response(r, r.body);
    });
    hostCall({ type: 'send', request: definition }, finish.done);
    return finish.promise;
  };

  // ---- chai-postman style assertions ---------------------------------------------------------
  const { method, property, chainable } = P.defineAssertion;
  const assert = P.assert;

  function isHttpMessage(o) { return o instanceof Request || o instanceof Response; }
  function what(o) { return o instanceof Request ? 'request' : 'response'; }

  function needResponse(a) {
    const o = a.__flags.object;
    if (!(o instanceof Response)) {
      throw new P.AssertionError('expected ' + display(o) + ' to be a postman response');
    }
    return o;
  }

  function statusIs(a, code) {
    const r = needResponse(a);
    assert(a, r.code === code, 'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', code, r.code);
  }

  function statusClass(a, digit) {
    const r = needResponse(a);
    assert(a, Math.floor(r.code / 100) === digit, 'expected response code to be ' + digit + 'XX but found #{act}',
      'expected response code to not be ' + digit + 'XX but found #{act}', digit, r.code);
  }

  for (const [name, digit] of [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]]) {
    property(name, function () { statusClass(this, digit); });
  }
  property('error', function () {
    const r = needResponse(this);
    const digit = Math.floor(r.code / 100);
    assert(this, digit === 4 || digit === 5, 'expected response code to be 4XX or 5XX but found #{act}',
      'expected response code to not be 4XX or 5XX but found #{act}', undefined, r.code);
  });
  for (const [name, code] of [['accepted', 202], ['withoutContent', 204], ['badRequest', 400],
    ['unauthorized', 401], ['forbidden', 403], ['notFound', 404], ['notAcceptable', 406],
    ['rateLimited', 429]]) {
    property(name, function () { statusIs(this, code); });
  }
  property('unauthorised', function () {
    const r = needResponse(this);
    assert(this, r.status === 'Unauthorised', 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', 'Unauthorised', r.status);
  });

  method('status', function (expected) {
    if (typeof expected === 'string') {
      const r = needResponse(this);
      assert(this, r.status === expected, 'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', expected, r.status);
      return;
    }
    statusIs(this, expected);
  });
  method('statusCode', function (code) { statusIs(this, code); });
  method('statusCodeClass', function (digit) { statusClass(this, digit); });
  method('statusReason', function (reason) {
    const r = needResponse(this);
    assert(this, r.status === reason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', reason, r.status);
  });

  method('header', function (key, value) {
    const o = this.__flags.object;
    if (!isHttpMessage(o)) throw new P.AssertionError('expected ' + display(o) + ' to be a postman request or response');
    const kind = what(o);
    const has = o.headers.has(key);
    if (arguments.length < 2 || !this.__flags.negate) {
      assert(this, has, 'expected ' + kind + ' to have header with key #{exp}',
        'expected ' + kind + ' to not have header with key #{exp}', key, has);
    }
    if (arguments.length > 1) {
      const actual = o.headers.get(key);
      assert(this, actual === value, "expected '" + key + "' " + kind + ' header to be #{exp} but got #{act}',
        "expected '" + key + "' " + kind + ' header to not be #{act}', value, actual);
    }
  });

  function bodyText(o) {
    return o instanceof Response ? o._body : o.body ? String(o.body) : '';
  }

  property('withBody', function () {
    const o = this.__flags.object;
    const text = bodyText(o);
    assert(this, text.length > 0, 'expected ' + what(o) + ' to have content in body',
      'expected ' + what(o) + ' to not have content in body', undefined, text);
  });

  property('json', function () {
    const r = needResponse(this);
    let error = null;
    try {
      parseJson(r._body);
    } catch (e) {
      error = e;
    }
    assert(this, error === null, 'expected response body to be a valid json but got error ' + (error && error.message),
      'expected response body not to be a valid json', undefined, error);
  });

  method('body', function (expected) {
    const r = needResponse(this);
    const text = r._body;
    if (arguments.length === 0) {
      assert(this, text.length > 0, 'expected response to have content in body',
        'expected response to not have content in body', undefined, text);
    } else if (expected instanceof RegExp) {
      assert(this, expected.test(text), 'expected response body text #{act} to match #{exp}',
        'expected response body text #{act} to not match #{exp}', expected, text);
    } else if (expected !== null && typeof expected === 'object') {
      let json;
      try {
        json = parseJson(text);
      } catch (e) {
        json = undefined;
      }
      assert(this, P.deepEqual(expected, json), 'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp}', expected, json);
    } else {
      assert(this, text === expected, 'expected response body to equal #{exp} but got #{act}',
        'expected response body to not equal #{exp}', expected, text);
    }
  });

  method('jsonBody', function (path, value) {
    const r = needResponse(this);
    let json;
    let error = null;
    try {
      json = parseJson(r._body);
    } catch (e) {
      error = e;
    }
    if (arguments.length === 0 || error) {
      assert(this, error === null, 'expected response body to be a valid json but got error ' + (error && error.message),
        'expected response body not to be a valid json', undefined, error);
      return;
    }
    if (path !== null && typeof path === 'object') {
      assert(this, P.deepEqual(path, json), 'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp}', path, json);
      return;
    }
    const found = P.nestedLookup(json, String(path));
    if (arguments.length === 1 || !this.__flags.negate) {
      assert(this, found.exists, 'expected #{act} to have property #{exp}', 'expected #{act} to not have property #{exp}',
        path, json);
    }
    if (arguments.length > 1) {
      assert(this, found.exists && P.deepEqual(value, found.value),
        "expected response body json at '" + path + "' to contain #{exp} but got #{act}",
        "expected response body json at '" + path + "' to not contain #{exp}", value, found.value);
    }
  });

  method('jsonSchema', function () {
    throw new Error('jsonSchema assertions are not supported by postie yet');
  });

  for (const [name, key] of [['responseTime', 'responseTime'], ['responseSize', 'responseSize']]) {
    property(name, function () {
      this.__flags.object = needResponse(this)[key];
    });
  }
  for (const [name, test, label] of [
    ['postmanRequest', function (o) { return o instanceof Request; }, 'a postman request'],
    ['postmanResponse', function (o) { return o instanceof Response; }, 'a postman response'],
    ['postmanRequestOrResponse', isHttpMessage, 'a postman request or response']]) {
    property(name, function () {
      assert(this, test(this.__flags.object), 'expected #{this} to be ' + label, 'expected #{this} to not be ' + label);
    });
  }
  void chainable;

  P.isHttpMessage = function (o) { return o instanceof Response; };
  P.statusIs = statusIs;
  P.HeaderList = HeaderList;
  P.Request = Request;
  P.RequestBody = RequestBody;
  P.Response = Response;
  P.parseJson = parseJson;
})(globalThis.__postie_internal);
