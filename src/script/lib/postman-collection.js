// postie library: `require('postman-collection')`, the Postman SDK classes scripts use, built on
// the sandbox's own request/response/URL objects: Url (parse, isUrl), Header (parse, unparse),
// QueryParam (parse, unparse), Variable, VariableScope, Property.replaceSubstitutions,
// PropertyList, Request, Response, Item, Collection.
(function (P) {
  'use strict';

  function text(v) {
    if (v === null || v === undefined) return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  // `{{name}}` replaced from `lookup` (a name it does not know stays as written).
  function substitute(template, lookup) {
    if (typeof template !== 'string') return template;
    return P.resolve(template, function (name) {
      const found = lookup(name);
      return found === undefined ? undefined : text(found);
    });
  }

  function Property() {}
  // `variables` is an object, a VariableList or a list of them (the first that has a name
  // wins); a null or undefined value leaves the reference as written, anything else is written
  // as String() writes it. Postman's `{{$guid}}`-style dynamic variables resolve too.
  const DYNAMIC = {
    $guid: function () { return P.lib('uuid')(); },
    $randomUUID: function () { return P.lib('uuid')(); },
    $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
    $isoTimestamp: function () { return new Date().toISOString(); },
    $randomInt: function () { return String(Math.floor(Math.random() * 1001)); },
  };
  function lookupIn(source, name) {
    if (source === null || typeof source !== 'object') return undefined;
    if (source instanceof P.KeyedList) {
      const v = source.one(name);
      return v && !v.disabled ? v.value : undefined;
    }
    if (source instanceof VariableScope) return undefined;
    return Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
  }
  Property.replaceSubstitutions = function (str, variables) {
    if (typeof str !== 'string' || str.indexOf('{{') === -1) return str;
    const sources = Array.isArray(variables) ? variables : [variables];
    return P.resolve(str, function (name) {
      for (const source of sources) {
        const found = lookupIn(source, name);
        if (found !== undefined && found !== null) return String(found);
      }
      return DYNAMIC[name] ? DYNAMIC[name]() : undefined;
    });
  };

  // Every string inside `obj` (objects and arrays, copied) with its references replaced.
  Property.replaceSubstitutionsIn = function (obj, variables) {
    if (Array.isArray(obj)) return obj.map(function (v) { return Property.replaceSubstitutionsIn(v, variables); });
    if (obj !== null && typeof obj === 'object') {
      const out = {};
      for (const k of Object.keys(obj)) out[k] = Property.replaceSubstitutionsIn(obj[k], variables);
      return out;
    }
    return Property.replaceSubstitutions(obj, variables);
  };
  // The names referenced anywhere inside `obj`, each once, in the order they first appear.
  Property.findSubstitutions = function (obj) {
    const names = [];
    (function walk(v) {
      if (typeof v === 'string') {
        const re = /\{\{([^{}]*?)\}\}/g;
        let m;
        while ((m = re.exec(v))) if (names.indexOf(m[1]) === -1) names.push(m[1]);
      } else if (v !== null && typeof v === 'object') {
        for (const k of Object.keys(v)) walk(v[k]);
      }
    })(obj);
    return names;
  };

  function Url(options) { return new P.Url(options); }
  Url.isUrl = function (v) { return v instanceof P.Url; };
  Url.parse = function (str) {
    const u = new P.Url(String(str));
    const out = { raw: String(str) };
    if (u.protocol !== undefined) out.protocol = u.protocol;
    if (u.auth !== undefined) out.auth = u.auth;
    out.host = u.host;
    if (u.port !== undefined) out.port = u.port;
    if (u.path.length) out.path = u.path;
    if (u.query.count()) out.query = u.query.toJSON();
    if (u.hash !== undefined) out.hash = u.hash;
    return out;
  };

  function Header(options, name) {
    if (typeof options === 'string' && typeof name === 'string') options = { key: name, value: options };
    return P.normalizeHeader(options);
  }
  // Whether `obj` is a header object (what `new Header(...)` and request header lists hold).
  Header.isHeader = function (obj) {
    return Boolean(obj) && obj instanceof P.normalizeHeader({ key: '', value: '' }).constructor;
  };
  Header.parse = function (str) {
    return String(str).split(/\r?\n/).filter(function (l) { return l.trim(); }).map(P.normalizeHeader);
  };
  Header.unparse = function (headers, separator) {
    const sep = separator === undefined ? '\r\n' : separator;
    // (Arrays have an `all` too in the legacy sandbox: check for a list first.)
    const list = !Array.isArray(headers) && headers && typeof headers.all === 'function' ? headers.all() : headers;
    if (!Array.isArray(list)) return '';
    return list.map(P.normalizeHeader).filter(function (h) { return !h.disabled; })
      .map(function (h) { return h.key + ': ' + h.value + sep; }).join('');
  };

  function QueryParam(options) { return P.queryParam(options); }
  QueryParam.parse = function (str) {
    if (typeof str !== 'string' || str === '') return [];
    return str.split('&').map(function (part) { return P.queryParam(part).toJSON(); });
  };
  QueryParam.unparse = function (params) {
    const list = !Array.isArray(params) && params && typeof params.all === 'function' ? params.all() : params;
    if (!Array.isArray(list)) return '';
    return list.map(P.queryParam).filter(function (p) { return !p.disabled; }).map(String).join('&');
  };

  // A variable: `get()` gives the value cast to its `type`.
  class Variable {
    constructor(options) {
      const o = options || {};
      this.key = o.key;
      this.value = o.value;
      this.type = o.type || 'any';
      if (o.disabled) this.disabled = true;
    }
    get() {
      const v = this.value;
      if (this.type === 'number') return Number(v);
      if (this.type === 'boolean') return typeof v === 'string' ? v !== 'false' && v !== '' : Boolean(v);
      if (this.type === 'string') return v === undefined || v === null ? v : String(v);
      return v;
    }
    set(value) { this.value = value; }
    toString() { return text(this.value); }
    toJSON() { return { type: this.type, value: this.value, key: this.key }; }
  }

  class VariableScope {
    constructor(options) {
      const o = Array.isArray(options) ? { values: options } : options || {};
      if (o.id !== undefined) this.id = o.id;
      if (o.name !== undefined) this.name = o.name;
      this.values = new P.KeyedList(o.values || [], function (v) { return v instanceof Variable ? v : new Variable(v); });
    }
    has(key) { return this.values.has(key); }
    get(key) { const v = this.values.one(key); return v && !v.disabled ? v.get() : undefined; }
    set(key, value, type) {
      const v = this.values.one(key);
      if (v) {
        v.value = value;
        if (type) v.type = type;
      } else {
        this.values.add(new Variable({ key: key, value: value, type: type }));
      }
    }
    unset(key) { this.values.remove(key); }
    clear() { this.values.clear(); }
    toObject() {
      const out = {};
      this.values.each(function (v) { if (!v.disabled) out[v.key] = v.get(); });
      return out;
    }
    replaceIn(template) {
      const self = this;
      return substitute(template, function (name) { return self.has(name) ? self.get(name) : undefined; });
    }
    toJSON() { const out = {}; if (this.id !== undefined) out.id = this.id; out.values = this.values.toJSON(); return out; }
  }

  // A list of `Type` members keyed by `key` (the SDK's PropertyList).
  function PropertyList(Type, parent, items) {
    const make = function (item) {
      if (Type === Header) return P.normalizeHeader(item);
      if (Type === QueryParam) return P.queryParam(item);
      return typeof Type === 'function' && !(item instanceof Type) ? new Type(item) : item;
    };
    return new P.KeyedList([].concat(items || []), make);
  }

  function Request(options) {
    const o = typeof options === 'string' ? { url: options } : options || {};
    const headers = [].concat(o.header || []).map(function (h) {
      return typeof h === 'string' ? h : { key: h.key, value: h.value, disabled: h.disabled };
    });
    return new P.Request({
      method: String(o.method || 'GET').toUpperCase(),
      url: typeof o.url === 'string' ? o.url : o.url && o.url.raw !== undefined ? o.url.raw : String(o.url || ''),
      headers: headers,
      bodyDefinition: o.body || null,
    });
  }

  function Response(options) {
    const o = options || {};
    const headers = [].concat(o.header || o.headers || []).map(function (h) {
      return typeof h === 'string' ? h : [String(h.key), String(h.value)];
    });
    const standard = P.reasons[o.code];
    return new P.Response({ code: o.code, status: o.status || o.reason || standard, standard: standard,
      headers: headers, time: o.responseTime, size: undefined }, o.body === undefined ? '' : String(o.body));
  }

  function Item(options) {
    const o = options || {};
    this.name = o.name;
    if (o.id !== undefined) this.id = o.id;
    this.request = new Request(o.request || {});
  }

  function Collection(options) {
    const o = options || {};
    const info = o.info || {};
    this.name = info.name;
    if (info._postman_id !== undefined) this.id = info._postman_id;
    this.items = PropertyList(Item, this, o.item || []);
    this.variables = new VariableScope({ values: o.variable || [] });
  }

  return {
    Collection: Collection, Header: Header, Item: Item, Property: Property, PropertyList: PropertyList,
    QueryParam: QueryParam, Request: Request, Response: Response, Url: Url, Variable: Variable,
    VariableList: function VariableList(parent, items) { return PropertyList(Variable, parent, items); },
    VariableScope: VariableScope,
  };
})
