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
    constructor(items) { if (items !== undefined) this._items = items; }
    all() { return this._items.slice(); }
    count() { return this._items.length; }
    idx(i) { return this._items[i]; }
    each(fn, self) { this._items.forEach(fn, self); }
    map(fn, self) { return this._items.map(fn, self); }
    filter(fn, self) { return this._items.filter(fn, self); }
    find(fn, self) { return this._items.find(fn, self); }
  }

  // ---- header lists --------------------------------------------------------------------------
  // One header of a list: `key`, `value` and, when set, `disabled` (Postman's Header).
  class Header {
    constructor(key, value, disabled, system) {
      this.key = key;
      this.value = value;
      if (disabled) this.disabled = true;
      // Added by the runtime (default headers, auth, a body's type), as Postman marks them.
      if (system) this.system = true;
    }
    toString() { return this.key + ': ' + this.value; }
    // The SDK lists `disabled` first (it is set before the key and value).
    toJSON() {
      const out = {};
      if (this.disabled) out.disabled = true;
      out.key = this.key;
      out.value = this.value;
      if (this.system) out.system = true;
      return out;
    }
    valueOf() { return this.value; }
    update(h) {
      this.key = h.key;
      this.value = h.value;
      if (h.disabled) this.disabled = true;
      else delete this.disabled;
    }
  }

  // Postman's HeaderList: names match without regard to case, a name may repeat (get and one
  // give the last), disabled headers are listed (and found) but not sent.
  // (the SDK's class name, which a list's `Type` shows)
  Object.defineProperty(Header, 'name', { value: 'PostmanHeader' });

  // A header list's `reference`: its members by lower-case key (a list for repeated keys).
  function headerIndex() {
    const out = {};
    for (const h of this.members) {
      const k = String(h.key).toLowerCase();
      if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = h;
      else out[k] = [].concat(out[k], h);
    }
    return out;
  }

  class HeaderList extends ListBase {
    static get _postman_propertyName() { return 'HeaderList'; }
    constructor(pairs) {
      super();
      // The SDK's own properties, in its order: the parent link (unlisted), then the members,
      // the index by lower-case key, the member class and the list's indexing flags.
      Object.defineProperty(this, '__parent', { value: undefined, writable: true, configurable: true });
      this.members = pairs.map(function (p) {
        return Array.isArray(p) ? new Header(String(p[0]), String(p[1]), p[2], p[3]) : normalizeHeader(p);
      });
      Object.defineProperty(this, 'reference', { get: headerIndex, enumerable: true, configurable: true });
      this.Type = Header;
      this._postman_listIndexKey = 'key';
      this._postman_listIndexCaseInsensitive = true;
      this._postman_listAllowsMultipleValues = true;
    }
    // The members under the name the shared list code uses.
    get _items() { return this.members; }
    set _items(items) { this.members = items; }
    _matches(key) {
      const wanted = String(key).toLowerCase();
      return this._items.filter(function (h) { return h.key.toLowerCase() === wanted; });
    }
    get(key) { const h = this.one(key); return h ? h.value : undefined; }
    one(key) { const all = this._matches(key); return all.length ? all[all.length - 1] : undefined; }
    has(key, value) {
      if (typeof key !== 'string') return this._items.indexOf(key) !== -1;
      const all = this._matches(key);
      if (arguments.length < 2) return all.length > 0;
      return all.some(function (h) { return h.value === value; });
    }
    indexOf(item) {
      if (typeof item === 'string') {
        const h = this.one(item);
        return h ? this._items.indexOf(h) : -1;
      }
      return this._items.indexOf(item);
    }
    reduce(fn, acc, self) {
      return this._items.reduce(function (a, h) { return fn.call(self, a, h); }, acc);
    }
    eachParent() {}
    toObject(excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
      const out = {};
      for (const h of this._items) {
        if ((excludeDisabled && h.disabled) || (sanitizeKeys && !h.key)) continue;
        const k = caseSensitive ? h.key : h.key.toLowerCase();
        if (Object.prototype.hasOwnProperty.call(out, k)) {
          if (!Array.isArray(out[k])) out[k] = [out[k]];
          out[k].push(h.value);
        } else {
          out[k] = h.value;
        }
      }
      return out;
    }
    toJSON() { return this._items.map(function (h) { return h.toJSON(); }); }
    // Each enabled header as `Key: value` followed by CRLF (the SDK's Header.unparse).
    toString() { return this._items.filter(function (h) { return !h.disabled; }).map(function (h) { return String(h) + '\r\n'; }).join(''); }
    add(header) { if (header) this._items.push(normalizeHeader(header)); }
    append(header) { this.add(header); }
    prepend(header) { if (header) this._items.unshift(normalizeHeader(header)); }
    insert(header, before) {
      const h = normalizeHeader(header);
      const at = before === undefined ? -1 : this.indexOf(before);
      if (at === -1) this._items.push(h);
      else this._items.splice(at, 0, h);
    }
    insertAfter(header, after) {
      const h = normalizeHeader(header);
      const at = after === undefined ? -1 : this.indexOf(after);
      if (at === -1) this._items.push(h);
      else this._items.splice(at + 1, 0, h);
    }
    // The SDK's answer: false when a header of that name was updated, true when one was added.
    upsert(header) {
      if (!header) return undefined;
      const h = normalizeHeader(header);
      const existing = this.one(h.key);
      if (existing) {
        // The SDK's Header#update changes `disabled` only when the new header names it.
        const namesDisabled = typeof header === 'object' && Object.prototype.hasOwnProperty.call(header, 'disabled');
        const wasDisabled = existing.disabled === true;
        existing.update(h);
        if (wasDisabled && !namesDisabled) existing.disabled = true;
        return false;
      }
      this._items.push(h);
      return true;
    }
    // The length of the enabled headers written as `Key: value` lines with CRLF.
    contentSize() {
      return this._items.reduce(function (n, h) { return h.disabled ? n : n + (h.key + ': ' + h.value + '\r\n').length; }, 0);
    }
    remove(key, context) {
      const wanted = typeof key === 'string' ? key.toLowerCase() : null;
      this._items = this._items.filter(function (h) {
        return wanted !== null ? h.key.toLowerCase() !== wanted : typeof key === 'function' ? !key.call(context, h) : h !== key;
      });
    }
    clear() { this._items = []; }
    populate(items) { for (const h of [].concat(items || [])) this.add(h); }
    repopulate(items) { this.clear(); this.populate(items); }
    assimilate(source) {
      const items = source instanceof HeaderList ? source.all() : [].concat(source || []);
      for (const h of items) this.upsert(h);
    }
  }

  function normalizeHeader(header) {
    if (header instanceof Header) return header;
    if (typeof header === 'string') {
      const at = header.indexOf(':');
      return at === -1 ? new Header(header.trim(), '')
        : new Header(header.slice(0, at).trim(), header.slice(at + 1).trim());
    }
    if (header && typeof header === 'object') {
      return new Header(String(header.key), header.value === undefined || header.value === null ? '' : String(header.value),
        header.disabled === true);
    }
    throw new TypeError('a header must be an object { key, value } or a string "Key: value"');
  }

  // ---- URLs ----------------------------------------------------------------------------------
  // One query parameter; `value` null means the key stands alone (`?flag`).
  class QueryParam {
    constructor(key, value, disabled) {
      this.key = key;
      this.value = value;
      if (disabled) this.disabled = true;
    }
    // How Postman writes a parameter into the URL: `&` and `#` are escaped in both parts, `=`
    // in the key.
    toString() {
      const enc = function (s, key) {
        s = String(s).replace(/&/g, '%26').replace(/#/g, '%23');
        return key ? s.replace(/=/g, '%3D') : s;
      };
      const key = this.key === null || this.key === undefined ? '' : enc(this.key, true);
      return this.value === null || this.value === undefined ? key : key + '=' + enc(this.value, false);
    }
    toJSON() {
      const out = {};
      if (this.disabled) out.disabled = true;
      out.key = this.key;
      out.value = this.value;
      return out;
    }
    // A parameter without a value reads as ''.
    valueOf() { return typeof this.value === 'string' ? this.value : ''; }
  }
  Object.defineProperty(QueryParam, 'name', { value: 'PostmanQueryParam' });
  QueryParam._postman_propertyName = 'QueryParam';

  function queryParam(p) {
    if (p instanceof QueryParam) return p;
    if (typeof p === 'string') {
      const at = p.indexOf('=');
      return at === -1 ? new QueryParam(p, null) : new QueryParam(p.slice(0, at), p.slice(at + 1));
    }
    if (p && typeof p === 'object') {
      return new QueryParam(p.key === undefined ? null : p.key, p.value === undefined ? null : p.value, p.disabled === true);
    }
    return new QueryParam(null, null);
  }

  // A Postman PropertyList keyed case-sensitively by `key` whose keys may repeat (get/one give
  // the last); used for query parameters and path variables.
  class KeyedList extends ListBase {
    constructor(items, make) {
      super([]);
      this._make = make;
      this._items = (items || []).map(make);
    }
    _matches(key) { return this._items.filter(function (p) { return p.key === key; }); }
    one(key) { const all = this._matches(key); return all.length ? all[all.length - 1] : undefined; }
    get(key) {
      const p = this.one(key);
      return p ? (p instanceof QueryParam ? p.valueOf() : p.value) : undefined;
    }
    has(key, value) {
      if (typeof key !== 'string') return this._items.indexOf(key) !== -1;
      const all = this._matches(key);
      if (arguments.length < 2) return all.length > 0;
      return all.some(function (p) { return p.value === value; });
    }
    indexOf(item) { return this._items.indexOf(typeof item === 'string' ? this.one(item) : item); }
    reduce(fn, acc, self) { return this._items.reduce(function (a, p) { return fn.call(self, a, p); }, acc); }
    toObject(excludeDisabled) {
      const out = {};
      for (const p of this._items) {
        if (excludeDisabled && p.disabled) continue;
        const v = p instanceof QueryParam ? p.valueOf() : p.value;
        if (Object.prototype.hasOwnProperty.call(out, p.key)) {
          if (!Array.isArray(out[p.key])) out[p.key] = [out[p.key]];
          out[p.key].push(v);
        } else {
          out[p.key] = v;
        }
      }
      return out;
    }
    toJSON() { return this._items.map(function (p) { return p.toJSON(); }); }
    toString() {
      return this._items.filter(function (p) { return !p.disabled; }).map(String).join('&');
    }
    add(item) { if (item !== undefined && item !== null) this._items.push(this._make(item)); }
    append(item) { this.add(item); }
    prepend(item) { if (item !== undefined && item !== null) this._items.unshift(this._make(item)); }
    upsert(item) {
      if (item === undefined || item === null) return;
      const p = this._make(item);
      const existing = this.one(p.key);
      if (existing) existing.value = p.value;
      else this._items.push(p);
    }
    remove(key, context) {
      this._items = this._items.filter(function (p) {
        return typeof key === 'function' ? !key.call(context, p) : typeof key === 'string' ? p.key !== key : p !== key;
      });
    }
    clear() { this._items = []; }
    populate(items) { for (const p of [].concat(items || [])) this.add(p); }
    repopulate(items) { this.clear(); this.populate(items); }
  }

  // A path variable (the SDK's Variable): its JSON lists `type`, `value` (when it has one), `key`.
  function pathVariable(v) {
    const o = v && typeof v === 'object' ? v : {};
    return { key: o.key === undefined ? null : o.key, value: o.value, type: o.type || 'any',
      toJSON: function () {
        const out = { type: this.type };
        if (this.value !== undefined) out.value = this.value;
        out.key = this.key;
        return out;
      } };
  }

  // Each Url's text as last given to `update` (kept off the object: the SDK's Url has no such
  // property).
  const urlTexts = new WeakMap();
  class Url {
    static get _postman_propertyName() { return 'Url'; }
    constructor(text) { this.update(text); }
    getRaw() { throw new Error('`Url#getRaw` has been discontinued, use `Url#toString` instead.'); }
    update(text) {
      text = typeof text === 'string' ? text : text && typeof text.toString === 'function' ? text.toString() : '';
      urlTexts.set(this, text);
      const m = /^(?:([A-Za-z][\w+.-]*):\/\/)?(?:([^@/?#]*)@)?([^/?#:]*)(?::(\d+|\{\{[^}]*\}\}))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(text) || [];
      if (m[2] !== undefined) {
        const at = m[2].indexOf(':');
        this.auth = at === -1 ? { user: m[2] } : { user: m[2].slice(0, at), password: m[2].slice(at + 1) };
      } else {
        this.auth = undefined;
      }
      this.protocol = m[1];
      this.port = m[4];
      this.path = m[5] ? m[5].split('/').filter(function (s, i) { return !(i === 0 && s === ''); }) : [];
      this.hash = m[7];
      this.host = m[3] ? m[3].split('.') : [];
      const query = m[6] === undefined || m[6] === '' ? [] : m[6].split('&');
      this.query = new KeyedList(query, queryParam);
      if (!this.variables) this.variables = new KeyedList([], pathVariable);
      // Each `:name` segment is a path variable (with no value until one is given).
      if (!this.variables.count()) {
        for (const seg of this.path) {
          if (seg.length > 1 && seg.charAt(0) === ':') this.variables.add({ key: seg.slice(1) });
        }
      }
    }
    getHost() { return this.host.join('.'); }
    // Path variables replace `:name` (or `:name.suffix`) segments when their value is a
    // non-empty string.
    getPath(unresolved) {
      const vars = this.variables;
      const parts = this.path.map(function (seg) {
        if (unresolved || typeof seg !== 'string' || seg.charAt(0) !== ':') return seg;
        const name = seg.slice(1).split('.')[0];
        const v = name ? vars.get(name) : undefined;
        return v && typeof v === 'string' ? v + seg.slice(name.length + 1) : seg;
      });
      return '/' + parts.join('/');
    }
    getQueryString() { return this.query.toString(); }
    getPathWithQuery() {
      const q = this.getQueryString();
      return this.getPath() + (q ? '?' + q : '');
    }
    getRemote(forcePort) {
      const port = this.port || (forcePort ? (this.protocol === 'https' ? '443' : '80') : '');
      return this.getHost() + (port ? ':' + port : '');
    }
    getOAuth1BaseUrl() {
      const protocol = this.protocol || 'http';
      const port = this.port && !((protocol === 'http' && this.port === '80') || (protocol === 'https' && this.port === '443'))
        ? ':' + this.port : '';
      return protocol + '://' + this.getHost().toLowerCase() + port + this.getPath();
    }
    addQueryParams(params) {
      // A string is a query string: one parameter per `&`-separated part (the SDK's parse).
      const list = typeof params === 'string' ? params.split('&') : [].concat(params);
      for (const p of list) this.query.add(p);
    }
    removeQueryParams(keys) {
      for (const k of [].concat(keys)) this.query.remove(typeof k === 'string' ? k : k.key);
    }
    toString() {
      let out = this.protocol ? this.protocol + '://' : '';
      if (this.auth !== undefined && this.auth !== null) {
        out += (this.auth.user || '') + (this.auth.password !== undefined ? ':' + this.auth.password : '') + '@';
      }
      out += this.getHost();
      if (this.port) out += ':' + this.port;
      if (this.path.length) out += this.getPath();
      else if (urlTexts.get(this).indexOf('/', out.length) !== -1 && /\/$/.test(urlTexts.get(this).split(/[?#]/)[0])) out += '/';
      const q = this.getQueryString();
      if (q || /\?/.test(urlTexts.get(this))) out += '?' + q;
      if (this.hash !== undefined) out += '#' + this.hash;
      return out;
    }
    toJSON() {
      const out = {};
      if (this.auth !== undefined) out.auth = this.auth;
      if (this.protocol !== undefined) out.protocol = this.protocol;
      if (this.port !== undefined) out.port = this.port;
      out.path = this.path;
      if (this.hash !== undefined) out.hash = this.hash;
      out.host = this.host;
      out.query = this.query.toJSON();
      out.variable = this.variables.toJSON();
      return out;
    }
  }
  Object.defineProperty(Url, 'name', { value: 'PostmanUrl' });

  // ---- request bodies ------------------------------------------------------------------------
  // A member of an urlencoded body (the SDK's QueryParam) or of a form-data body (FormParam):
  // `disabled` (when set), `key`, `value`, then whatever else the definition has.
  class BodyQueryParam extends QueryParam {
    toJSON() { return Object.assign({}, this); }
  }
  Object.defineProperty(BodyQueryParam, 'name', { value: 'PostmanQueryParam' });
  class FormParam {
    toJSON() { return Object.assign({}, this); }
    toString() { return this.key + '=' + this.value; }
    valueOf() { return this.value; }
  }
  Object.defineProperty(FormParam, 'name', { value: 'PostmanFormParam' });
  FormParam._postman_propertyName = 'FormParam';

  function bodyMember(p, Kind) {
    const src = p && typeof p === 'object' ? p : {};
    const m = Object.create(Kind.prototype);
    if (src.disabled === true) m.disabled = true;
    m.key = src.key;
    m.value = src.value;
    for (const k of Object.keys(src)) {
      if (k !== 'key' && k !== 'value' && k !== 'disabled') m[k] = src[k];
    }
    return m;
  }

  // A list of { key, value, disabled? } members (urlencoded and formdata bodies).
  class PropertyList extends ListBase {
    constructor(items, Kind) {
      const kind = Kind || FormParam;
      super((items || []).map(function (p) { return bodyMember(p, kind); }));
      Object.defineProperty(this, '_kind', { value: kind, enumerable: false });
    }
    // An urlencoded list reads as its query string (QueryParam.unparse), enabled members only.
    toString() {
      if (this._kind !== BodyQueryParam) return Object.prototype.toString.call(this);
      return urlencodedText(this._items);
    }
    get(key) { const m = this.one(key); return m ? m.value : undefined; }
    one(key) {
      let found;
      for (const p of this._items) if (p.key === key) found = p;
      return found;
    }
    has(key) { return this._items.some(function (p) { return p.key === key; }); }
    add(member) { this._items.push(bodyMember(member, this._kind)); }
    append(member) { this.add(member); }
    upsert(member) {
      const existing = this.one(member.key);
      // The SDK's form parameter has no update(): upserting onto an existing key throws.
      if (existing && this._kind === FormParam) {
        throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
      }
      if (existing) Object.assign(existing, member);
      else this.add(member);
    }
    remove(key) {
      this._items = this._items.filter(function (p) {
        return typeof key === 'function' ? !key(p) : typeof key === 'string' ? p.key !== key : p !== key;
      });
    }
    clear() { this._items = []; }
    toObject(excludeDisabled) {
      const out = {};
      for (const p of this._items) {
        if (excludeDisabled && p.disabled) continue;
        if (Object.prototype.hasOwnProperty.call(out, p.key)) {
          if (!Array.isArray(out[p.key])) out[p.key] = [out[p.key]];
          out[p.key].push(p.value);
        } else {
          out[p.key] = p.value;
        }
      }
      return out;
    }
    toJSON() { return this.all(); }
  }

  function listItems(value) {
    if (value instanceof PropertyList) return value.all();
    if (Array.isArray(value)) return value;
    // A list of require('postman-collection') (a PropertyList: `members`, `all()`).
    if (value && Array.isArray(value.members) && typeof value.all === 'function') return value.all();
    if (value && typeof value === 'object') {
      return Object.keys(value).map(function (k) { return { key: k, value: value[k] }; });
    }
    return [];
  }

  // postman-collection's QueryParam.unparse: no percent-encoding beyond `&`, `#` (and `=` in
  // keys); a value that is not text is left out, `=` with it.
  function urlencodedText(members) {
    const enc = function (s, key) {
      s = s.replace(/&/g, '%26').replace(/#/g, '%23');
      return key ? s.replace(/=/g, '%3D') : s;
    };
    return members.filter(function (p) { return p && !p.disabled; })
      .map(function (p) {
        const key = typeof p.key === 'string' ? enc(p.key, true) : '';
        return typeof p.value === 'string' ? key + '=' + enc(p.value, false) : key;
      })
      .join('&');
  }

  const BODY_MODES = ['raw', 'urlencoded', 'formdata', 'file', 'graphql'];

  class RequestBody {
    constructor(definition) { this.update(definition); }
    // As the SDK: a definition without a mode changes nothing; an unknown mode is `raw`; every
    // member is (re)assigned, in the SDK's order, `undefined` when not given.
    update(definition) {
      const d = typeof definition === 'string' ? { mode: 'raw', raw: definition } : definition || {};
      if (!d.mode) return;
      const mode = String(d.mode).toLowerCase();
      this.mode = BODY_MODES.indexOf(mode) >= 0 ? mode : 'raw';
      this.raw = this.mode === 'raw' || d.raw !== undefined
        ? (typeof d.raw === 'string' ? d.raw : d.raw === undefined || d.raw === null ? '' : stringify(d.raw))
        : undefined;
      const own = function (name) { return d[name] !== undefined || mode === name; };
      this.urlencoded = own('urlencoded') ? new PropertyList(listItems(d.urlencoded), BodyQueryParam) : undefined;
      this.formdata = own('formdata') ? new PropertyList(listItems(d.formdata), FormParam) : undefined;
      this.file = typeof d.file === 'string' ? { src: d.file } : d.file;
      this.graphql = own('graphql') ? d.graphql || {} : undefined;
      this.options = d.options;
      this.disabled = d.disabled;
    }
    isEmpty() {
      const content = this.mode ? this[this.mode] : undefined;
      if (content === undefined || content === null) return true;
      if (content instanceof PropertyList) return content.count() === 0;
      return typeof content === 'string' ? content.length === 0 : false;
    }
    toString() {
      if (this.mode === 'raw') return this.raw;
      // postman-collection's QueryParam.unparse: no percent-encoding beyond `&`, `#` (and `=`
      // in keys); a value that is not text is left out, `=` with it.
      if (this.mode === 'urlencoded' && this.urlencoded) return urlencodedText(this.urlencoded.all());
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
    // Header text, one `Name: value` a line (the SDK's Header.parse).
    if (typeof h === 'string') return h.split(/\r?\n/).filter(function (l) { return l.trim(); }).map(normalizeHeader);
    // A plain object maps names to values; the SDK makes no header of a value that is not text.
    if (h && typeof h === 'object' && Object.getPrototypeOf(h) === Object.prototype && !Array.isArray(h)) {
      return Object.keys(h).filter(function (k) { return typeof h[k] === 'string'; })
        .map(function (k) { return { key: k, value: h[k] }; });
    }
    return listItems(h).map(function (p) { return typeof p === 'string' ? normalizeHeader(p) : p; });
  }

  // One auth parameter (Postman's Variable): toJSON gives `type`, `value`, `key` in that order.
  function authParam(p) {
    const v = p && typeof p === 'object' ? p : {};
    return { key: v.key, value: v.value, type: v.type || 'any',
      toJSON: function () { return { type: this.type, value: this.value, key: this.key }; } };
  }

  // pm.request.auth (postman-collection's RequestAuth): `type` and one parameter list per type.
  Object.defineProperty(RequestBody, 'name', { value: 'PostmanRequestBody' });

  class RequestAuth {
    constructor(definition) {
      definition = definition || {};
      this.type = definition.type;
      for (const key of Object.keys(definition)) {
        if (key !== 'type' && Array.isArray(definition[key])) this[key] = new KeyedList(definition[key], authParam);
      }
    }
    // The current type's parameters (an empty list for a type without any, `noauth`).
    parameters() {
      if (!this.type) return undefined;
      if (!(this[this.type] instanceof KeyedList)) {
        Object.defineProperty(this, this.type, { value: new KeyedList([], authParam), writable: true, configurable: true, enumerable: false });
      }
      return this[this.type];
    }
    current() { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); }
    update(options, type) {
      type = type || this.type;
      if (!type) return;
      if (!(this[type] instanceof KeyedList)) this[type] = new KeyedList([], authParam);
      const list = this[type];
      const items = Array.isArray(options) ? options : options instanceof ListBase ? options.all()
        : options && typeof options === 'object' ? Object.keys(options).map(function (k) { return { key: k, value: options[k] }; }) : [];
      for (const item of items) {
        if (!item || item.key === undefined) continue;
        const existing = list.one(item.key);
        if (existing) existing.value = item.value;
        else list.add(item);
      }
    }
    use(type, options) {
      if (!type) return;
      if (!(this[type] instanceof KeyedList)) this[type] = new KeyedList([], authParam);
      this.type = type;
      this.update(options, type);
    }
    clear(type) {
      if (type && type !== this.type && this[type] instanceof KeyedList) delete this[type];
    }
    toJSON() {
      const out = { type: this.type };
      for (const key of Object.keys(this)) {
        if (key !== 'type' && this[key] instanceof KeyedList) out[key] = this[key].toJSON();
      }
      return out;
    }
  }
  P.RequestAuth = RequestAuth;

  // A description (postman-collection's Description): `content` and `type`; its text as a string.
  class Description {
    constructor(d) {
      this.content = d.content;
      if (d.type !== undefined) this.type = d.type;
    }
    toString() { return this.content === undefined || this.content === null ? '' : String(this.content); }
  }

  P.Description = Description;

  // Each Request's definition and its state when the script started (kept off the object: the
  // SDK's Request lists only its own fields).
  const requestStates = new WeakMap();
  const Request = class PostmanRequest {
    static get _postman_propertyName() { return 'Request'; }
    constructor(data) {
      const own = { source: data, initial: undefined };
      requestStates.set(this, own);
      // The SDK's own properties, in its order: description, url, headers, method, body, auth.
      if (data.description) this.description = new Description(data.description);
      this.url = new Url(data.url);
      // A structured URL keeps its host elements and port as written until it is resolved.
      if (data.writtenHost) {
        this.url.host = data.writtenHost.slice();
        this.url.port = data.writtenPort === null ? undefined : data.writtenPort;
      }
      // Disabled query parameters are listed (not sent), each at its place.
      for (const d of data.disabledQuery || []) {
        const items = this.url.query._items;
        items.splice(Math.min(d[0], items.length), 0, new QueryParam(d[1], d[2], true));
      }
      if (data.urlVariables && data.urlVariables.length) {
        this.url.variables = new KeyedList(data.urlVariables.map(function (v) { return { key: v[0], value: v[1] }; }), pathVariable);
      }
      this.headers = new HeaderList(data.headers);
      Object.defineProperty(this.headers, '__parent', { value: this, writable: true, configurable: true });
      this.method = data.method;
      const definition = data.bodyDefinition || (data.body === null || data.body === undefined ? null : data.body);
      if (definition !== null) this.body = new RequestBody(definition);
      if (data.auth) this.auth = new RequestAuth(data.auth);
      own.initial = this._state();
    }
    getHeaders(options) {
      options = options || {};
      return this.headers.toObject(options.enabled, !options.ignoreCase, options.multiValue, options.sanitizeKeys);
    }
    addHeader(h) { this.headers.add(h); }
    // The SDK's Request#removeHeader: names compare exactly unless `{ ignoreCase: true }`.
    removeHeader(h, options) {
      const name = typeof h === 'string' ? h : h && h.key;
      if (typeof name !== 'string') return;
      const ignoreCase = Boolean(options && options.ignoreCase);
      const wanted = ignoreCase ? name.toLowerCase() : name;
      this.headers.remove(function (header) {
        return (ignoreCase ? String(header.key).toLowerCase() : header.key) === wanted;
      });
    }
    // The SDK's Request#upsertHeader: the header with exactly that name gets the value, else
    // the header is added.
    upsertHeader(h) {
      if (!(h && h.key)) return;
      const existing = this.headers.find(function (header) { return header.key === h.key; });
      if (!existing) this.headers.add(h);
      else existing.value = h.value;
    }
    forEachHeader(callback) {
      const self = this;
      this.headers.all().forEach(function (header) { callback(header, self); });
    }
    // A copy of the request as it is now.
    clone() {
      const c = new Request(requestStates.get(this).source);
      c.method = this.method;
      c.url = new Url(this.url.toString());
      c.url.variables = new KeyedList(this.url.variables.all().map(function (v) { return { key: v.key, value: v.value, type: v.type }; }), pathVariable);
      c.headers = new HeaderList(this.headers.all().map(function (h) { return h.toJSON(); }));
      if (this.auth) c.auth = new RequestAuth(this.auth.toJSON());
      if (this.body) c.body = new RequestBody(this.body.toJSON());
      else delete c.body;
      return c;
    }
    authorizeUsing(type, options) {
      if (type && typeof type === 'object' && type.type) {
        options = type[type.type];
        type = type.type;
      }
      if (type === null) {
        delete this.auth;
        return;
      }
      if (!this.auth) this.auth = new RequestAuth({});
      this.auth.use(type, options);
    }
    // The SDK's estimate: the body's bytes (or its Content-Length) and the request head as it
    // would be written.
    size() {
      const Buffer = P.lib('buffer').Buffer;
      const length = this.headers.get('Content-Length');
      const body = length !== undefined ? parseInt(length, 10) || 0
        : this.body ? Buffer.byteLength(String(this.body.toString() || '')) : 0;
      const head = this.method + ' ' + this.url.getPathWithQuery() + ' HTTP/X.X\r\n' + this.headers.toString() + '\r\n';
      // Where the body's size came from, as the SDK says it.
      const source = length !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(String(length)) ? 'CONTENT-LENGTH' : 'COMPUTED';
      return { body: body, header: head.length, total: body + head.length, source: source };
    }
    addQueryParams(p) { this.url.addQueryParams(p); }
    removeQueryParams(p) { this.url.removeQueryParams(p); }
    // The parts a pre-request script may change, as JSON text.
    _state() {
      const body = this.body === undefined || this.body === null ? null
        : this.body instanceof RequestBody ? this.body.toJSON() : new RequestBody(this.body).toJSON();
      const headers = this.headers instanceof HeaderList ? this.headers : new HeaderList(headerPairs(this.headers).map(function (h) { return [h.key, h.value]; }));
      const auth = this.auth instanceof RequestAuth ? this.auth.toJSON()
        : this.auth && typeof this.auth === 'object' ? new RequestAuth(this.auth).toJSON() : null;
      return {
        auth: stringify(auth),
        method: stringify(String(this.method).toUpperCase()),
        url: stringify(String(this.url)),
        headers: stringify(headers.all().map(function (h) { return [h.key, h.value, Boolean(h.disabled)]; })),
        body: stringify(body),
      };
    }
    // What changed since the script started: { method?, url?, headers?, body? } or null.
    _changes() {
      const now = this._state();
      const initial = requestStates.get(this).initial;
      const out = {};
      let changed = false;
      for (const key of ['method', 'url', 'headers', 'body', 'auth']) {
        if (now[key] !== initial[key]) {
          out[key] = parse(now[key]);
          changed = true;
        }
      }
      return changed ? out : null;
    }
    toJSON() {
      const out = {};
      if (this.description !== undefined) out.description = this.description;
      out.url = this.url.toJSON();
      if (this.headers.count()) out.header = this.headers.toJSON();
      out.method = this.method;
      if (this.body) out.body = this.body.toJSON();
      if (this.auth) out.auth = typeof this.auth.toJSON === 'function' ? this.auth.toJSON() : this.auth;
      return out;
    }
  };

  // Where JSON.parse gave up: the index of the first character that cannot continue a JSON
  // text, or text.length when it ended too early.
  // Where JSON.parse fails in `text` (-1: it does not), and whether the failure is a trailing
  // comma ('array' or 'object', else null), in `jsonErrorIndex.trailing`.
  function jsonErrorIndex(text) {
    let i = 0;
    jsonErrorIndex.trailing = null;
    const ws = function () { while (i < text.length && ' \t\n\r'.indexOf(text[i]) !== -1) i++; };
    const fail = function () { throw i; };
    // A keyword that does not match (`nope`, `tru`) is blamed on its first character.
    const literal = function (word) {
      const start = i;
      for (let k = 0; k < word.length; k++, i++) {
        if (text[i] !== word[k]) {
          i = start;
          fail();
        }
      }
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

  // The erring line (at most 70 characters before the error, about 79 in all) and a caret under
  // the error, as Postman's JSON parser words it.
  function codeFrame(input, position, column) {
    let at = Math.max(position - column - 1, position - 70);
    let line = '';
    let caret = '';
    for (;;) {
      const chr = input[++at];
      if (at >= input.length || chr === '\n' || chr === '\r') {
        if (position >= at) caret += '^';
        break;
      }
      line += chr;
      if (position === at) caret += '^';
      else if (position > at) caret += chr === '\t' ? '\t' : ' ';
      if (line.length > 78) break;
    }
    return line + '\n' + caret;
  }

  // The last character before `at` that is not blank ('' at the start).
  function previousToken(text, at) {
    let i = at - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    return i >= 0 ? text[i] : '';
  }

  // The bracket (`{` or `[`) open at `at`, strings skipped ('' outside any).
  function innermost(text, at) {
    const open = [];
    for (let i = 0; i < at; i++) {
      const c = text[i];
      if (c === '"') {
        for (i++; i < at && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      } else if (c === '{' || c === '[') {
        open.push(c);
      } else if (c === '}' || c === ']') {
        open.pop();
      }
    }
    return open.length ? open[open.length - 1] : '';
  }

  // The key whose value is missing when the parser stops at `at` right after `"key":` on a
  // character that starts no value (`{"a":}`), else null.
  function valueMissing(text, at) {
    if (!/[}\],]/.test(text[at])) return null;
    let i = at - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] !== ':') return null;
    i--;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] !== '"') return null;
    const end = i;
    i--;
    while (i >= 0 && !(text[i] === '"' && text[i - 1] !== '\\')) i--;
    if (i < 0) return null;
    try {
      return JSON.parse(text.slice(i, end + 1));
    } catch (e) {
      return text.slice(i + 1, end);
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
    } else if (valueMissing(text, at) !== null) {
      what = 'No value found for key ' + valueMissing(text, at);
    } else if (text[at] === ',' && /[,[]/.test(previousToken(text, at))) {
      // `[1,,2]`: blamed on what follows the second comma.
      what = 'Elisions are not supported';
      at++;
    } else {
      // A string where a comma belongs is blamed on its first character.
      if (text[at] === '"' && at + 1 < text.length && !/[:,[{]/.test(previousToken(text, at)) &&
        innermost(text, at) === '{') at++;
      // A '/' that does not start a comment is blamed on the character after it.
      if (text[at] === '/' && at + 1 < text.length && text[at + 1] !== '/') at++;
      // Control characters show escaped, as JSON writes them, and a quote as \'.
      const token = text.charCodeAt(at) < 0x20 ? JSON.stringify(text[at]).slice(1, -1) : text[at] === "'" ? "\\'" : text[at];
      what = "Unexpected token '" + token + "'";
    }
    const before = text.slice(0, at).split('\n');
    const column = before[before.length - 1].length;
    const message = what + ' at ' + before.length + ':' + (column + 1) + '\n' + codeFrame(text, at, column);
    // Newman's JSONError is a SyntaxError, with the line (`row`) and column of the message.
    const err = new SyntaxError(message);
    err.column = column + 1;
    err.row = before.length;
    err.name = 'JSONError';
    return err;
  }

  // `text` without a leading byte order mark, as liquid-json finds one: U+FEFF or U+BBBF, or the
  // marks' bytes read as characters (FE FF, FF FE, EF BB BF).
  function stripBom(text) {
    if (typeof text !== 'string') return text;
    const c = function (i) { return text.charCodeAt(i); };
    if (c(0) === 0xfeff || c(0) === 0xbbbf) return text.slice(1);
    if ((c(0) === 0xfe && c(1) === 0xff) || (c(0) === 0xff && c(1) === 0xfe)) return text.slice(2);
    if (c(0) === 0xef && c(1) === 0xbb && c(2) === 0xbf) return text.slice(3);
    return text;
  }
  P.stripBom = stripBom;

  function parseJson(text, reviver) {
    const clean = stripBom(text);
    try {
      return JSON.parse(clean, reviver);
    } catch (e) {
      throw invalidJson(clean);
    }
  }

  // What a Content-Type says about a body (Postman's contentInfo): a few common families.
  // The few media types whose kind the SDK's table gives otherwise than its guess.
  const MIME_TABLE = {
    'application/x-www-form-urlencoded': ['text', 'plain'], 'application/pdf': ['embed', 'pdf'],
    'application/jwt': ['text', 'jwt'], 'application/ogg': ['audio', 'ogg'],
    'application/xhtml+xml': ['text', 'xml'], 'application/xhtml-voice+xml': ['text', 'xml'],
    'application/vnd.pwg-xhtml-print+xml': ['text', 'xml'], 'application/vnd.oipf.dae.xhtml+xml': ['text', 'xml'],
    'application/vnd.oma.poc.invocation-descriptor+xml': ['text', 'xml'],
    'application/mbms-associated-procedure-description+xml': ['text', 'xml'],
    'application/mbms-protection-description+xml': ['text', 'xml'],
    'application/mbms-user-service-description+xml': ['text', 'xml']
  };
  const TEXT_FLAVOUR = /(jsonp|json|xml|html|yaml|vml|webml|script)/;
  // [mimeType, mimeFormat] of a media type, as the SDK's mime-format guesses them: by the
  // top-level type (audio, video, image, text), else a text flavour anywhere in the name, else
  // a media word in the subtype, else application/message/multipart as raw, else unknown.
  function mimeKind(type) {
    if (Object.prototype.hasOwnProperty.call(MIME_TABLE, type)) return MIME_TABLE[type];
    const top = type.split('/')[0] || '';
    let m = /(audio|video|image|text)/.exec(top);
    if (m) {
      if (m[1] !== 'text') return [m[1], m[1]];
      const flavour = TEXT_FLAVOUR.exec(type);
      return ['text', flavour ? flavour[1] : 'plain'];
    }
    m = TEXT_FLAVOUR.exec(type);
    if (m) return ['text', m[1]];
    m = /\/[^/]*(audio|video|image|text)/.exec(type);
    if (m) return [m[1], m[1]];
    m = /(application|message|multipart)/.exec(top);
    return m ? [m[1], 'raw'] : ['unknown', 'raw'];
  }

  function contentInfo(headers) {
    const header = headers.get('Content-Type');
    // Without a Content-Type Postman's SDK takes text/plain.
    const full = header === undefined || header === '' ? 'text/plain' : String(header);
    const contentType = full.split(';')[0].trim().toLowerCase();
    const charsetMatch = /charset=([^;]+)/i.exec(full);
    let charset = charsetMatch ? charsetMatch[1].trim().toLowerCase().replace(/^"|"$/g, '') : 'utf8';
    if (charset === 'utf-8') charset = 'utf8';
    const mime = mimeKind(contentType.replace(/\s/g, ''));
    let ext = contentType.split('/')[1] || '';
    if (/json/.test(contentType)) ext = 'json';
    else if (/xml/.test(contentType)) ext = 'xml';
    else if (contentType === 'text/html') ext = 'html';
    else if (/javascript/.test(contentType)) ext = 'js';
    else if (contentType === 'text/plain') ext = 'txt';
    else if (contentType === 'application/octet-stream') ext = 'bin';
    const out = { contentType: contentType, mimeType: mime[0], mimeFormat: mime[1], charset: charset };
    if (ext) out.fileExtension = ext;
    out.fileName = 'response' + (ext ? '.' + ext : '');
    return out;
  }

  // Where a response's cookie list comes from (pm.response: the run's jar) and the list once
  // built; kept off the object, whose own properties show in assertion messages.
  const cookieSources = new WeakMap();
  const cookieCache = new WeakMap();
  P.setCookieSource = function (response, source) { cookieSources.set(response, source); };

  let responseSeq = 0;
  function responseId() {
    responseSeq++;
    return '00000000-0000-4000-8000-' + ('000000000000' + responseSeq.toString(16)).slice(-12);
  }

  // The size in which each response's body arrived, when it differs from its text's.
  const receivedSizes = new WeakMap();
  const bodies = new WeakMap();

  // pm.response (postman-collection's Response). After a request error it has no code, status
  // or body, and an empty header list.
  const Response = class PostmanResponse {
    static get _postman_propertyName() { return 'Response'; }
    constructor(data, body) {
      this.id = responseId();
      const standard = data ? data.standard || undefined : undefined;
      // The bytes as they arrived (a compressed body's), for size().
      if (data && typeof data.received === 'number') receivedSizes.set(this, data.received);
      // The SDK's details of the code, an own property listed after the id (`detail` is the
      // standard name here, see DIVERGENCES.md D2); the status and code follow it.
      Object.defineProperty(this, '_details', {
        value: { name: data ? data.status || standard : undefined, detail: standard, code: data ? data.code : undefined, standardName: standard },
        writable: true, enumerable: Boolean(data), configurable: true,
      });
      if (data) {
        this.status = data.status === '' ? undefined : data.status;
        this.code = data.code;
      }
      this.headers = new HeaderList(data ? data.headers : []);
      Object.defineProperty(this.headers, '__parent', { value: this, writable: true, configurable: true });
      if (data && typeof body === 'function') {
        // A large body: read only when a script asks for it.
        let text;
        let made = false;
        bodies.set(this, function () {
          if (!made) { text = body(); made = true; }
          return text;
        });
      } else {
        const text = data ? body : undefined;
        bodies.set(this, function () { return text; });
      }
      if (data) {
        Object.defineProperty(this, 'stream', {
          get: function () {
            const Buffer = P.lib('buffer').Buffer;
            if (data && typeof data.raw === 'string') return Buffer.from(data.raw, 'latin1');
            return Buffer.from(this._body === undefined ? '' : this._body, 'utf8');
          },
          enumerable: true, configurable: true,
        });
      }
      Object.defineProperty(this, 'cookies', {
        get: function () {
          if (!cookieCache.has(this)) {
            const source = cookieSources.get(this);
            cookieCache.set(this, source ? source() : P.responseCookies(this.headers));
          }
          return cookieCache.get(this);
        },
        enumerable: true, configurable: true,
      });
      if (!data) return;
      this.responseTime = data.time;
      this.responseSize = data.size;
    }
    // The body as received (kept off the object: the SDK's response has no such own property).
    get _body() {
      const read = bodies.get(this);
      return read ? read() : undefined;
    }
    // The body's text, without a leading byte order mark.
    text() {
      const body = this._body;
      return typeof body === 'string' && body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
    }
    json(reviver) {
      if (this._body === undefined) {
        const err = new SyntaxError('"undefined" is not valid JSON');
        err.name = 'JSONError';
        throw err;
      }
      return parseJson(this._body, reviver);
    }
    jsonp(reviver) {
      const text = this._body === undefined ? '' : this._body;
      const m = /^[\s\w$.]*\(([\s\S]*)\)\s*;?\s*$/.exec(text);
      return parseJson(m ? m[1] : text, typeof reviver === 'function' ? reviver : undefined);
    }
    reason() { return this.status || this._details.standardName; }
    // Newman's details carry a long description of the standard code; postie gives its name.
    details() {
      const standard = this._details.standardName;
      const name = this.status || standard;
      return { name: name, detail: standard, code: this.code, standardName: standard };
    }
    mime() { throw new Error('`Response#mime` has been discontinued, use `Response#contentInfo` instead.'); }
    contentInfo() { return contentInfo(this.headers); }
    dataURI() {
      const info = contentInfo(this.headers);
      return 'data:' + info.contentType + ';base64, ' + this.stream.toString('base64');
    }
    encoding() {
      const coding = this.headers.get('Content-Encoding');
      return { format: coding, source: coding ? 'header' : undefined };
    }
    // Postman's estimate: the body bytes, and the header block as it would be written
    // (`HTTP/X.X <code> <reason>` and every `Key: value` line with CRLF).
    // The body as it arrived (compressed bytes for an encoded body), as Newman counts it.
    size() {
      const received = receivedSizes.get(this);
      const body = received === undefined ? this.responseSize || 0 : received;
      let header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length;
      if (this.headers.count()) {
        header += this.headers.reduce(function (n, h) { return h.disabled ? n : n + (h.key + ': ' + h.value + '\r\n').length; }, 0);
      }
      return { body: body, header: header, total: body + header };
    }
    toJSON() {
      const out = { id: this.id, status: this.status, code: this.code, header: this.headers.toJSON(),
        stream: this.code === undefined ? undefined : this.stream.toJSON(), cookie: [], responseTime: this.responseTime,
        responseSize: this.responseSize };
      if (this.description !== undefined) out.description = this.description;
      return JSON.parse(JSON.stringify(out));
    }
  };

  // ---- host calls ----------------------------------------------------------------------------
  function hostCall(call, done) {
    const S = P.state();
    // After `skipRequest()` nothing more goes out (the sandbox has stopped the script).
    if (S.frozen) return;
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

  // ---- cookies -------------------------------------------------------------------------------
  // A cookie in the shape of Postman's Cookie (its JSON lists these fields in this order).
  function cookieObject(c) {
    const out = {
      // A cookie without a name has none (tough-cookie's empty key).
      name: c.name === '' ? undefined : c.name,
      expires: c.expires ? new Date(c.expires) : null,
      maxAge: typeof c.maxAge === 'number' ? c.maxAge : 0,
      domain: c.domain, path: c.path,
      secure: Boolean(c.secure), httpOnly: Boolean(c.httpOnly), hostOnly: c.hostOnly,
      // The SDK keeps the value percent-encoded (as a URI component) and decodes it for
      // `valueOf()`, `get()` and `toObject()`; the jar's own reads give it as stored.
      value: cookieEncoded(c.value),
    };
    Object.defineProperty(out, 'toString', { value: cookieText, enumerable: false });
    Object.defineProperty(out, 'toJSON', {
      value: function () { return Object.assign({}, this); }, enumerable: false,
    });
    Object.defineProperty(out, 'valueOf', { value: function () { return cookieDecoded(this.value); }, enumerable: false });
    return out;
  }
  function cookieEncoded(value) {
    if (typeof value !== 'string') return value;
    try {
      return encodeURIComponent(decodeURIComponent(value));
    } catch (e) {
      return value;
    }
  }
  function cookieDecoded(value) {
    if (typeof value !== 'string') return value;
    try {
      return decodeURIComponent(value);
    } catch (e) {
      return value;
    }
  }
  // The SDK's Cookie#toString: `name=value` and the attributes set.
  function cookieText() {
    let text = this.name === undefined ? String(this.value) : this.name + '=' + this.value;
    if (this.expires instanceof Date && this.expires.getTime() === this.expires.getTime()) text += '; Expires=' + this.expires.toUTCString();
    if (this.maxAge && this.maxAge !== Infinity) text += '; Max-Age=' + this.maxAge;
    if (this.domain && !this.hostOnly) text += '; Domain=' + this.domain;
    if (this.path) text += '; Path=' + this.path;
    if (this.secure) text += '; Secure';
    if (this.httpOnly) text += '; HttpOnly';
    return text;
  }

  class CookieList extends ListBase {
    constructor(cookies) { super(cookies.map(cookieObject)); }
    // Cookie names are indexed without regard to case, and a name may repeat (the SDK's
    // CookieList): `one` and `get` give the last match, `has` looks at every match.
    _matches(name) {
      const wanted = String(name).toLowerCase();
      return this._items.filter(function (c) { return c.name !== undefined && c.name !== '' && String(c.name).toLowerCase() === wanted; });
    }
    get(name) { const c = this.one(name); return c ? c.valueOf() : undefined; }
    one(name) {
      const all = this._matches(name);
      return all.length ? all[all.length - 1] : undefined;
    }
    has(name, value) {
      if (typeof name !== 'string') return this._items.indexOf(name) !== -1;
      const all = this._matches(name);
      if (arguments.length < 2) return all.length > 0;
      return all.some(function (c) { return c.valueOf() === value; });
    }
    // Keys lower-cased unless `caseSensitive`; a repeated name gives an array of its values.
    toObject(excludeDisabled, caseSensitive) {
      const out = {};
      for (const c of this._items) {
        if (c.name === undefined || (excludeDisabled && c.disabled)) continue;
        const key = caseSensitive ? c.name : String(c.name).toLowerCase();
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          if (!Array.isArray(out[key])) out[key] = [out[key]];
          out[key].push(c.valueOf());
        } else {
          out[key] = c.valueOf();
        }
      }
      return out;
    }
    // The SDK's index: lower-cased name to the cookie (an array when the name repeats).
    get reference() {
      const out = {};
      for (const c of this._items) {
        if (!c.name) continue;
        const key = String(c.name).toLowerCase();
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          if (!Array.isArray(out[key])) out[key] = [out[key]];
          out[key].push(c);
        } else {
          out[key] = c;
        }
      }
      return out;
    }
    // The SDK's PropertyList mutators, keyed by cookie name. They change this list only: the
    // jar and the cookies later requests send stay as they are.
    add(cookie) { this._items.push(cookieObject(cookie)); }
    append(cookie) { this.add(cookie); }
    prepend(cookie) { this._items.unshift(cookieObject(cookie)); }
    upsert(cookie) {
      const existing = cookie && this.one(cookie.name);
      if (existing) this._items[this._items.indexOf(existing)] = cookieObject(cookie);
      else this.add(cookie);
    }
    remove(which) {
      this._items = this._items.filter(function (c) {
        return typeof which === 'function' ? !which(c) : typeof which === 'string' ? c.name !== which : c !== which;
      });
    }
    clear() { this._items = []; }
    indexOf(item) { return this._items.indexOf(typeof item === 'string' ? this.one(item) : item); }
    reduce(fn, initial) { return this._items.reduce(fn, initial); }
    toJSON() { return this.all(); }
    toString() { return this._items.map(String).join('; '); }
    jar() { return cookieJar; }
    // The rest of the SDK's PropertyList: `insert` and `insertAfter` keep the item as given,
    // `populate` and `repopulate` make cookies of them.
    get Type() { return PostmanCookie; }
    get members() { return this._items; }
    insert(item, before) {
      if (item === null || typeof item !== 'object') return;
      const at = before === undefined ? -1 : this.indexOf(before);
      if (at === -1) this._items.push(item);
      else this._items.splice(at, 0, item);
    }
    insertAfter(item, after) {
      if (item === null || typeof item !== 'object') return;
      const at = after === undefined ? -1 : this.indexOf(after);
      if (at === -1) this._items.push(item);
      else this._items.splice(at + 1, 0, item);
    }
    populate(items) { for (const c of [].concat(items || [])) this.add(c); }
    repopulate(items) { this.clear(); this.populate(items); }
    assimilate(source, prune) {
      const items = source instanceof CookieList ? source.all() : [].concat(source || []);
      for (const c of items) this.upsert(c);
      if (prune) {
        const names = items.map(function (c) { return c && c.name; });
        this.remove(function (c) { return names.indexOf(c.name) === -1; });
      }
    }
    eachParent() {}
  }
  // The SDK's Cookie as a list's `Type`: a cookie made of its definition.
  function PostmanCookie(definition) { return cookieObject(definition || {}); }

  CookieList._postman_propertyName = 'CookieList';

  function needUrl(what, url) {
    if (url && typeof url === 'object' && typeof url.toString === 'function') url = url.toString();
    if (typeof url !== 'string' || url === '') throw new TypeError('CookieJar.' + what + '() requires a valid url');
    return url;
  }

  // One jar call: checked, sent to the runner, its callback called when the answer comes.
  // Like the sandbox's jar, the methods give nothing back.
  function jarCall(what, call, callback, map) {
    const mapped = map || function (v) { return v === null ? undefined : v; };
    hostCall(Object.assign({ type: 'jar', action: what }, call), function (result) {
      if (typeof callback !== 'function') return;
      if (result.error !== undefined) callback(callError(result.error));
      else callback(null, mapped(result.ok));
    });
  }

  // The host of a URL text (lower case), or undefined when the text is no absolute URL.
  function urlHost(url) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url);
    return m ? m[1].toLowerCase() : undefined;
  }

  // tough-cookie's check of a Domain attribute against the request host (made before the
  // store is asked anything, so its error comes at once): the host is the domain or under it.
  function domainMismatch(url, domain) {
    const host = urlHost(url);
    if (host === undefined || !domain) return undefined;
    const wanted = String(domain).trim().replace(/^\./, '').toLowerCase();
    const ip = /^[\d.]+$|^\[/.test(host);
    if (host === wanted || (!ip && host.endsWith('.' + wanted))) return undefined;
    return new Error("Cookie not in this host's domain. Cookie:" + wanted + ' Request:' + host);
  }

  // The jar `pm.cookies.jar()` gives: the sandbox's PostmanCookieJar, its methods on the
  // prototype.
  class PostmanCookieJar {
    get(url, name, callback) {
      url = needUrl('get', url);
      // Newman 6.2's jar answers reads through a callback only.
      if (typeof callback !== 'function') throw new TypeError('CookieJar.get() requires a callback function');
      if (typeof name !== 'string') throw new TypeError('CookieJar.get() requires cookie name to be a string');
      // A missing cookie is `null`, as in Postman.
      jarCall('get', { url: url, name: name }, callback, function (v) { return v; });
    }
    getAll(url, options, callback) {
      url = needUrl('getAll', url);
      if (typeof options === 'function' && !callback) {
        callback = options;
        options = {};
      }
      if (typeof callback !== 'function') throw new TypeError('CookieJar.getAll() requires a callback function');
      if (typeof options !== 'object') throw new TypeError('CookieJar.getAll() requires options to be an object');
      // A cookie list, as the sandbox's jar gives (count(), map(), ...; no `length`).
      jarCall('getAll', { url: url }, callback, function (list) {
        return new CookieList(list || []);
      });
    }
    set(url, name, value, callback) {
      url = needUrl('set', url);
      if (typeof value === 'function' && !callback) {
        callback = value;
        value = null;
      }
      const cookie = cookieToSet(name, value);
      const mismatch = domainMismatch(url, cookie.domain);
      if (mismatch) {
        if (typeof callback === 'function') callback(mismatch);
        return;
      }
      jarCall('set', { url: url, cookie: cookie }, callback, function (c) {
        return c ? cookieObject(c) : undefined;
      });
    }
    unset(url, name, callback) {
      url = needUrl('unset', url);
      if (typeof name !== 'string') throw new TypeError('CookieJar.unset() requires cookie name to be a string');
      jarCall('unset', { url: url, name: name }, callback);
    }
    clear(url, callback) {
      jarCall('clear', { url: needUrl('clear', url) }, callback);
    }
  }
  const cookieJar = new PostmanCookieJar();

  // The cookie `jar.set(url, name, value)` stores: a name and value, a cookie object, or a
  // Set-Cookie string.
  function cookieToSet(name, value) {
    if (name && value) return { name: String(name), value: String(value) };
    if (name && typeof name === 'object') {
      return {
        name: String(name.name !== undefined ? name.name : name.key !== undefined ? name.key : ''),
        value: name.value === undefined || name.value === null ? '' : String(name.value),
        domain: name.domain || undefined, path: name.path || undefined,
        expires: name.expires ? (name.expires instanceof Date ? name.expires.toUTCString() : String(name.expires)) : undefined,
        maxAge: typeof name.maxAge === 'number' ? name.maxAge : undefined,
        httpOnly: Boolean(name.httpOnly), secure: Boolean(name.secure),
      };
    }
    if (typeof name === 'string') {
      // A name alone is a Set-Cookie string (`a=b; Path=/`).
      const parsed = parseSetCookie(name);
      return { name: parsed.name, value: parsed.value, domain: parsed.domain || undefined, path: parsed.path || undefined,
        expires: parsed.expires || undefined, maxAge: typeof parsed.maxAge === 'number' && !isNaN(parsed.maxAge) ? parsed.maxAge : undefined,
        httpOnly: Boolean(parsed.httpOnly), secure: Boolean(parsed.secure) };
    }
    throw new TypeError('CookieJar.set() requires a valid set cookie arguments');
  }

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

  // pm.cookies: the jar's cookies for the request URL (what Newman's requester reads back from
  // the jar after the response).
  P.cookieList = function (jarCookies) {
    return new CookieList(jarCookies.slice());
  };
  P.emptyCookies = function () { return new CookieList([]); };

  // ---- pm.sendRequest ------------------------------------------------------------------------
  // A request (the script's own, pm.request, or one of require('postman-collection')).
  function isRequestObject(req) { return req instanceof Request || sdkName(req) === 'Request'; }

  // The URL of a request definition. A plain definition is made into a Request, whose Url
  // reads a Url object's fields as a definition: its query list (an object, not an array)
  // becomes one parameter per own field of the list, no matter what the list holds.
  const LIST_AS_QUERY = 'members&reference&Type&_postman_listIndexKey=key&_postman_listAllowsMultipleValues';
  function definitionUrl(req) {
    const u = req.url;
    if (u === undefined || u === null) return '';
    const text = String(u);
    if (typeof u !== 'object' || isRequestObject(req)) return text;
    if (u instanceof Url || (u.constructor && u.constructor._postman_propertyName === 'Url')) {
      const m = /^([^?#]*)(?:\?[^#]*)?(#.*)?$/.exec(text);
      return m[1] + '?' + LIST_AS_QUERY + (m[2] || '');
    }
    // A URL definition (protocol, host, port, path, query...; `raw` is not read).
    const SdkUrl = P.lib('postman-collection').Url;
    return new SdkUrl(u).toString();
  }

  function requestDefinition(req) {
    if (typeof req === 'string') return { url: req, method: 'GET', header: [] };
    if (!req || typeof req !== 'object') throw new TypeError('pm.sendRequest needs a URL or a request object');
    const def = {
      url: definitionUrl(req),
      method: req.method ? String(req.method).toUpperCase() : 'GET',
      // A request object gives its `headers` list; a plain definition only `header`.
      header: headerPairs(req.header !== undefined || !isRequestObject(req) ? req.header : req.headers).map(function (h) {
        const out = { key: String(h.key), value: h.value === undefined || h.value === null ? '' : String(h.value) };
        if (h.disabled) out.disabled = true;
        return out;
      }),
    };
    const body = req.body;
    if (body !== undefined && body !== null) {
      // (a require('postman-collection') RequestBody as its definition)
      const given = !(body instanceof RequestBody) && typeof body.toJSON === 'function' ? body.toJSON() : body;
      def.body = (given instanceof RequestBody ? given : new RequestBody(given)).toJSON();
    }
    if (req.auth) def.auth = typeof req.auth.toJSON === 'function' ? req.auth.toJSON() : req.auth;
    return def;
  }

  // A transport error as a sendRequest callback receives it: Newman's sandbox bridge keeps only
  // the error's own enumerable fields (no name or message).
  const ERRNO = { ECONNREFUSED: -111, ECONNRESET: -104, ETIMEDOUT: -110, ENOTFOUND: -3008, EHOSTUNREACH: -113 };
  function transportError(message) {
    const m = /^(?:(connect|getaddrinfo|read|write) )?(E[A-Z]+)(?: (\S+?)(?::(\d+))?)?$/.exec(String(message));
    // Any other error (an invalid protocol, an empty URL) has no such fields: nothing is left.
    if (!m) return {};
    const out = {};
    if (ERRNO[m[2]] !== undefined) out.errno = ERRNO[m[2]];
    out.code = m[2];
    if (m[1]) out.syscall = m[1];
    if (m[1] === 'getaddrinfo') out.hostname = m[3];
    else if (m[3] !== undefined) out.address = m[3];
    if (m[4] !== undefined) out.port = Number(m[4]);
    return out;
  }

  // pm.sendRequest (postman-sandbox 4.7.1): callback (err, response, history) with `this` = pm,
  // a response object even on error; returns pm; an error thrown by the callback is dropped.
  // With --send-request-promise, a call without a callback returns a promise of the response
  // (rejected with the transport error), as newer Postman apps do.
  P.sendRequest = function (req, callback, self) {
    if (P.sendRequestPromise && typeof callback !== 'function') {
      return new Promise(function (resolve, reject) {
        if (!req) {
          reject(new Error('sendrequest: nothing to request'));
          return;
        }
        hostCall({ type: 'send', request: requestDefinition(req) }, function (result) {
          if (result.error === undefined) {
            resolve(new Response(result.ok, result.ok.body));
            return;
          }
          // An Error with the transport message and Node's error fields.
          reject(Object.assign(new Error(String(result.error)), transportError(result.error),
            { message: String(result.error) }));
        });
      });
    }
    if (!req) {
      return typeof callback === 'function' && callback.call(self, new Error('sendrequest: nothing to request'));
    }
    const definition = requestDefinition(req);
    hostCall({ type: 'send', request: definition }, function (result) {
      if (typeof callback !== 'function') return;
      const failed = result.error !== undefined;
      const res = failed ? new Response(null) : new Response(result.ok, result.ok.body);
      const answer = function (history) {
        try {
          callback.call(self, failed ? transportError(result.error) : null, res, history);
        } catch (e) {
          // Newman does not report it.
        }
      };
      if (failed) return answer(undefined);
      // Newman's history: the jar's cookies for the URL once the request is done.
      hostCall({ type: 'jar', action: 'getAll', url: definition.url }, function (jar) {
        answer({ cookies: new CookieList(Array.isArray(jar.ok) ? jar.ok : []) });
      });
    });
    return self;
  };

  // ---- chai-postman assertions ---------------------------------------------------------------
  // The checks and messages of chai-postman 2 (pm.response.to.have.status(200), ...).
  const { method, property, chainable } = P.defineAssertion;
  const assert = P.assert;
  const lodash = function () { return P.lib('lodash'); };

  // What require('postman-collection') made `o` as: 'Request', 'Response' or undefined.
  function sdkName(o) {
    const ctor = o && typeof o === 'object' ? o.constructor : undefined;
    const name = ctor && ctor._postman_propertyName;
    return name === 'Request' || name === 'Response' ? name : undefined;
  }
  function isHttpMessage(o) { return o instanceof Request || o instanceof Response || sdkName(o) !== undefined; }
  function kindOf(o) {
    if (o instanceof Request || sdkName(o) === 'Request') return 'request';
    return o instanceof Response || sdkName(o) === 'Response' ? 'response' : undefined;
  }

  function sub(a, object) { return P.expect(object, a.__flags.message); }
  // `sub(a, obj).to.have.property(name)` and `sub(a, v).to.be.a(type)`, run through chai only
  // when they fail (their messages are chai's): these guard every response assertion.
  function hasProp(a, obj, name) {
    if (obj !== null && obj !== undefined && name in Object(obj)) return;
    sub(a, obj).to.have.property(name);
  }
  function isA(a, value, type) {
    if (P.typeName(value) === type) return;
    sub(a, value).to.be.a(type);
  }
  function mustBe(a, test, label) {
    assert(a, test(a.__flags.object), 'expecting a postman ' + label + ' object but got #{this}',
      'not expecting a postman ' + label + ' object');
  }
  function probe(a, test, label) {
    if (test(a.__flags.object)) return;
    const p = new P.Assertion(a.__flags.object, a.__flags.message);
    mustBe(p, test, label);
  }
  function isResponse(o) { return o instanceof Response || sdkName(o) === 'Response'; }
  function response(a) { probe(a, isResponse, 'response'); return a.__flags.object; }
  function numericCode(a) {
    const r = response(a);
    hasProp(a, r, 'code');
    isA(a, r.code, 'number');
    return r;
  }
  function withReason(a) {
    const r = a.__flags.object;
    hasProp(a, r, 'reason');
    isA(a, r.reason, 'function');
    hasProp(a, r, 'details');
    isA(a, r.details, 'function');
    return r;
  }

  property('postmanRequest', function () { mustBe(this, function (o) { return kindOf(o) === 'request'; }, 'request'); });
  property('postmanResponse', function () { mustBe(this, isResponse, 'response'); });
  property('postmanRequestOrResponse', function () { mustBe(this, isHttpMessage, 'request or response'); });

  function codeClass(a, digit) {
    const r = numericCode(a);
    assert(a, Math.floor(r.code / 100) === digit, 'expected response code to be #{exp}XX but found #{act}',
      'expected response code to not be #{exp}XX', digit, r.code);
  }
  method('statusCodeClass', function (digit) { codeClass(this, digit); });
  for (const [name, digit] of [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]]) {
    property(name, function () { codeClass(this, digit); });
  }
  property('error', function () {
    const r = numericCode(this);
    const digit = Math.floor(r.code / 100);
    assert(this, digit === 4 || digit === 5, 'expected response code to be 4XX or 5XX but found #{act}',
      'expected response code to not be 4XX or 5XX', null, r.code);
  });
  function codeIs(a, code) {
    const r = numericCode(a);
    assert(a, r.code === Number(code), 'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', Number(code), r.code);
  }
  method('statusCode', function (code) { codeIs(this, code); });
  method('statusReason', function (reason) {
    const r = response(this);
    hasProp(this, r, 'reason');
    isA(this, r.reason, 'function');
    reason = String(reason);
    assert(this, r.reason() === reason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', reason, r.reason());
  });
  function reasonAndCode(a, name, code) {
    const r = withReason(a);
    const wanted = name.toUpperCase();
    const actual = String(r.reason()).toUpperCase();
    const actualCode = Number(r.details().code);
    assert(a, actual === wanted, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', wanted, actual);
    assert(a, actualCode === code, 'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', code, actualCode);
  }
  for (const [name, code, reason] of [['accepted', 202, 'Accepted'], ['withoutContent', 204, 'No Content'],
    ['badRequest', 400, 'Bad Request'], ['unauthorised', 401, 'Unauthorised'], ['unauthorized', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'], ['notFound', 404, 'Not Found'], ['notAcceptable', 406, 'Acceptable'],
    ['rateLimited', 429, 'Too Many Requests']]) {
    property(name, function () {
      probe(this, isResponse, 'response');
      reasonAndCode(this, reason, code);
    });
  }
  property('ok', function () {
    if (!isResponse(this.__flags.object)) {
      assert(this, Boolean(this.__flags.object), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
      return;
    }
    reasonAndCode(this, 'OK', 200);
  });
  method('status', function (expected) {
    const r = response(this);
    if (typeof expected === 'number') {
      codeIs(this, expected);
      return;
    }
    hasProp(this, r, 'reason');
    isA(this, r.reason, 'function');
    assert(this, r.reason() === expected, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', expected, r.reason());
  });

  method('header', function (key, value) {
    probe(this, isHttpMessage, 'request or response');
    const o = this.__flags.object;
    hasProp(this, o, 'headers');
    const kind = kindOf(o);
    const has = o.headers.has(key);
    assert(this, has, 'expected ' + kind + " to have header with key '" + String(key) + "'",
      'expected ' + kind + " to not have header with key '" + String(key) + "'", true, has);
    if (arguments.length > 1) {
      const actual = o.headers.one(key).value;
      assert(this, actual === value, "expected '" + String(key) + "' " + kind + ' header to be #{exp} but got #{act}',
        "expected '" + String(key) + "' " + kind + ' header to not be #{act}', value, actual);
    }
  });

  function textOf(a) {
    const r = response(a);
    hasProp(a, r, 'text');
    isA(a, r.text, 'function');
    return r.text();
  }
  property('withBody', function () {
    const text = textOf(this);
    assert(this, typeof text === 'string' && text.length > 0, 'expected response to have content in body',
      'expected response to not have content in body');
  });

  // The JSON body, or the error text chai-postman shows (a JSONError's first line).
  function jsonOf(a) {
    const r = response(a);
    hasProp(a, r, 'json');
    isA(a, r.json, 'function');
    try {
      return { json: r.json(), error: undefined };
    } catch (e) {
      const error = e && e.name === 'JSONError' && e.message ? String(e.message).replace(/(.*?)\n.*/g, '$1')
        : e.name + ': ' + e.message;
      return { json: undefined, error: error };
    }
  }
  property('json', function () {
    const got = jsonOf(this);
    assert(this, !got.error, 'expected response body to be a valid json but got error ' + got.error,
      'expected response body not to be a valid json');
  });

  method('body', function (expected) {
    const _ = lodash();
    if (_.isPlainObject(expected)) {
      const json = jsonOf(this).json;
      assert(this, _.isEqual(json, expected), 'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp} but got #{act}', expected, json);
      return;
    }
    const text = textOf(this);
    if (arguments.length === 0) {
      assert(this, typeof text === 'string' && text.length > 0, 'expected response to have content in body',
        'expected response to not have content in body');
    } else if (expected instanceof RegExp) {
      assert(this, expected.exec(text) !== null, 'expected response body text to match #{exp} but got #{act}',
        'expected response body text #{act} to not match #{exp}', expected, text);
    } else {
      assert(this, _.isEqual(text, expected), 'expected response body to equal #{exp} but got #{act}',
        'expected response body to not equal #{exp}', expected, text);
    }
  });

  method('jsonBody', function (path, value) {
    const _ = lodash();
    const got = jsonOf(this);
    if (arguments.length === 0) {
      assert(this, !got.error, 'expected response body to be a valid json but got error ' + got.error,
        'expected response body not to be a valid json');
      return;
    }
    if (typeof path !== 'string') return;
    assert(this, _.has(got.json, path), 'expected #{act} in response to contain property #{exp}',
      'expected #{act} in response to not contain property #{exp}', path, got.json);
    if (arguments.length > 1) {
      const at = _.get(got.json, path);
      assert(this, _.isEqual(at, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
        'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, at);
    }
  });

  chainable('responseTime', function (expected) {
    const n = this.__flags.number;
    assert(this, typeof n === 'number', 'expected response to have a valid response time but got #{act}',
      'expected response to not have a valid response time but got #{act}', null, n);
    if (arguments.length) {
      assert(this, lodash().isEqual(n, expected), 'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, n);
    }
  }, function () {
    const r = response(this);
    hasProp(this, r, 'responseTime');
    this.__flags.number = r.responseTime;
    this.__flags.object = r.responseTime;
  });
  chainable('responseSize', function (expected) {
    const n = this.__flags.number;
    assert(this, typeof n === 'number', 'expected response to have a valid response size but got #{act}',
      'expected response to not have a valid response size but got #{act}', null, n);
    if (arguments.length) {
      assert(this, lodash().isEqual(n, expected), 'expected response size to equal #{act} but got #{exp}',
        'expected response size to not equal #{act} but got #{exp}', expected, n);
    }
  }, function () {
    const r = response(this);
    hasProp(this, r, 'size');
    isA(this, r.size, 'function');
    const size = r.size();
    const total = (size.header || 0) + (size.body || 0);
    this.__flags.number = total;
    this.__flags.object = total;
  });

  P.isHttpMessage = function (o) { return o instanceof Response || sdkName(o) === 'Response'; };

  P.HeaderList = HeaderList;
  // For require('postman-collection').
  P.Url = Url;
  P.queryParam = queryParam;
  P.normalizeHeader = normalizeHeader;
  P.KeyedList = KeyedList;
  P.Request = Request;
  P.RequestBody = RequestBody;
  P.Response = Response;
  // pm.request and pm.response: the same objects with `to` (pm.response.to.have.status(200)).
  // (`to` is each object's own, non-enumerable getter, as the sandbox defines it)
  const ownTo = function (o) {
    Object.defineProperty(o, 'to', { get: function () { return P.expect(this).to; }, configurable: true });
    return o;
  };
  P.ScriptRequest = class PostmanRequest extends Request {
    constructor(...args) { super(...args); ownTo(this); }
  };
  P.ScriptResponse = class PostmanResponse extends Response {
    constructor(...args) { super(...args); ownTo(this); }
  };
  P.parseJson = parseJson;
  P.contentInfo = contentInfo;

  // How chai names these objects in failure messages: as the sandbox's SDK objects, with their
  // own property names in the SDK's order (see `P.chaiShape` in inspect.js).
  const pick = function (names) {
    return function (o) { return names.map(function (n) { return [n, o[n]]; }); };
  };
  const requestParent = P.chaiParent('PostmanRequest{ …(5) }');
  // A property list: Newman's bundle names the header and cookie lists' class `a`.
  const listProps = function (parent, extra) {
    return function (o) {
      const props = [['__parent', parent], ['members', o._items], ['reference', {}], ['Type', Header],
        ['_postman_listIndexKey', 'key']];
      for (const e of extra) props.push(e);
      return props;
    };
  };
  P.chaiShape(Request.prototype, 'PostmanRequest', function (o) {
    const props = [['url', o.url], ['headers', o.headers], ['method', o.method]];
    if (o.body !== undefined) props.push(['body', o.body]);
    if (o.auth !== undefined) props.push(['auth', o.auth]);
    if (o instanceof P.ScriptRequest) props.push(['to', P.chaiParent('[Getter]')]);
    return props;
  });
  P.chaiShape(Url.prototype, 'PostmanUrl', pick(['auth', 'protocol', 'port', 'path', 'hash', 'host', 'query', 'variables']));
  P.chaiShape(HeaderList.prototype, 'a', function (o) {
    const parent = o._chaiParent === undefined ? requestParent : o._chaiParent;
    return listProps(parent, [['_postman_listIndexCaseInsensitive', true], ['_postman_listAllowsMultipleValues', true]])(o);
  });
  P.chaiShape(CookieList.prototype, 'a', function (o) {
    return listProps(null, [['_postman_listIndexCaseInsensitive', true], ['_postman_listAllowsMultipleValues', true],
      ['jar', P.chaiParent('PostmanCookieJar{ …(1) }')]])(o);
  });
  P.chaiShape(KeyedList.prototype, function (o) {
    return o._make === queryParam ? 'PostmanPropertyList' : 'PostmanVariableList';
  }, function (o) {
    const props = listProps(P.chaiParent('PostmanUrl{ …(8) }'), [])(o);
    if (o._make === queryParam) props.push(['_postman_listAllowsMultipleValues', true]);
    return props;
  });
  P.chaiShape(Header.prototype, 'PostmanHeader', function (o) {
    return [['key', o.key], ['value', o.value], ['__parent', P.chaiParent('a{ …(7) }')]];
  });
  P.chaiShape(QueryParam.prototype, 'PostmanQueryParam', function (o) {
    return [['key', o.key], ['value', o.value], ['__parent', P.chaiParent('PostmanPropertyList{ …(6) }')]];
  });
  P.chaiShape(RequestBody.prototype, 'PostmanRequestBody',
    pick(['mode', 'raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled']));
})(globalThis.__postie_internal);
