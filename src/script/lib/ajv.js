// postie library: `require('ajv')`, a standalone Ajv 6 work-alike (draft-07). Written from Ajv's
// documented behaviour and the library differential recordings. Ajv compiles a schema into code
// that checks keywords group by group (number, string, array, object, then the rest) and, unless
// `allErrors`, stops at the first failure; this file interprets schemas in that same order and
// builds the same error objects. Schemas are checked against the draft-07 meta-schema first.
(function (P, lib) {
  'use strict';

  const core = lib('schema');
  const hasOwn = Object.prototype.hasOwnProperty;

  // The JSON Schema draft-07 meta-schema (the specification's document).
  const META_ID = 'http://json-schema.org/draft-07/schema';
  const META = {
    $schema: 'http://json-schema.org/draft-07/schema#', $id: 'http://json-schema.org/draft-07/schema#', title: 'Core schema meta-schema',
    definitions: {
      schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } },
      nonNegativeInteger: { type: 'integer', minimum: 0 },
      nonNegativeIntegerDefault0: { allOf: [{ $ref: '#/definitions/nonNegativeInteger' }, { default: 0 }] },
      simpleTypes: { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] },
      stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] },
    },
    type: ['object', 'boolean'],
    properties: {
      $id: { type: 'string', format: 'uri-reference' }, $schema: { type: 'string', format: 'uri' },
      $ref: { type: 'string', format: 'uri-reference' }, $comment: { type: 'string' }, title: { type: 'string' },
      description: { type: 'string' }, default: true, readOnly: { type: 'boolean', default: false },
      examples: { type: 'array', items: true }, multipleOf: { type: 'number', exclusiveMinimum: 0 },
      maximum: { type: 'number' }, exclusiveMaximum: { type: 'number' }, minimum: { type: 'number' },
      exclusiveMinimum: { type: 'number' }, maxLength: { $ref: '#/definitions/nonNegativeInteger' },
      minLength: { $ref: '#/definitions/nonNegativeIntegerDefault0' }, pattern: { type: 'string', format: 'regex' },
      additionalItems: { $ref: '#' }, items: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/schemaArray' }], default: true },
      maxItems: { $ref: '#/definitions/nonNegativeInteger' }, minItems: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
      uniqueItems: { type: 'boolean', default: false }, contains: { $ref: '#' },
      maxProperties: { $ref: '#/definitions/nonNegativeInteger' }, minProperties: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
      required: { $ref: '#/definitions/stringArray' }, additionalProperties: { $ref: '#' },
      definitions: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
      properties: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
      patternProperties: { type: 'object', additionalProperties: { $ref: '#' }, propertyNames: { format: 'regex' }, default: {} },
      dependencies: { type: 'object', additionalProperties: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/stringArray' }] } },
      propertyNames: { $ref: '#' }, const: true, enum: { type: 'array', items: true, minItems: 1, uniqueItems: true },
      type: { anyOf: [{ $ref: '#/definitions/simpleTypes' }, { type: 'array', items: { $ref: '#/definitions/simpleTypes' }, minItems: 1, uniqueItems: true }] },
      format: { type: 'string' }, contentMediaType: { type: 'string' }, contentEncoding: { type: 'string' },
      if: { $ref: '#' }, then: { $ref: '#' }, else: { $ref: '#' }, allOf: { $ref: '#/definitions/schemaArray' },
      anyOf: { $ref: '#/definitions/schemaArray' }, oneOf: { $ref: '#/definitions/schemaArray' }, not: { $ref: '#' },
    },
    default: true,
  };

  // Keyword groups in the order Ajv's generated code checks them.
  function baseRules() {
    return [
      { type: 'number', rules: [{ keyword: 'maximum', impl: ['exclusiveMaximum'] }, { keyword: 'minimum', impl: ['exclusiveMinimum'] }, { keyword: 'multipleOf' }, { keyword: 'format' }] },
      { type: 'string', rules: [{ keyword: 'maxLength' }, { keyword: 'minLength' }, { keyword: 'pattern' }, { keyword: 'format' }] },
      { type: 'array', rules: [{ keyword: 'maxItems' }, { keyword: 'minItems' }, { keyword: 'items' }, { keyword: 'contains' }, { keyword: 'uniqueItems' }] },
      { type: 'object', rules: [{ keyword: 'maxProperties' }, { keyword: 'minProperties' }, { keyword: 'required' }, { keyword: 'dependencies' }, { keyword: 'propertyNames' }, { keyword: 'properties', impl: ['additionalProperties', 'patternProperties'] }] },
      { type: undefined, rules: ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'].map(function (k) { return { keyword: k }; }) },
    ];
  }
  const OTHER_KEYWORDS = ['$schema', '$id', 'id', '$data', '$async', 'title', 'description', 'default', 'definitions', 'examples',
    'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding', 'additionalItems', 'then', 'else'];
  const TYPES = ['number', 'integer', 'string', 'array', 'object', 'boolean', 'null'];
  const COERCIBLE = ['string', 'number', 'integer', 'boolean', 'null'];
  const IDENT = /^[a-z$_][a-z$_0-9]*$/i;
  const STOP = { stop: true };

  // Formats ---------------------------------------------------------------------------------
  const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  function fullDate(s) {
    const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return false;
    const y = +m[1];
    const mo = +m[2];
    const d = +m[3];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS[mo]);
  }
  function fullTime(s, zoneNeeded) {
    const m = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?$/i.exec(s);
    if (!m) return false;
    const h = +m[1];
    const mi = +m[2];
    const sec = +m[3];
    return ((h <= 23 && mi <= 59 && sec <= 59) || (h === 23 && mi === 59 && sec === 60)) && (!zoneNeeded || Boolean(m[5]));
  }
  function regexFormat(s) {
    if (/[^\\]\\Z/.test(s)) return false;
    try {
      new RegExp(s);
      return true;
    } catch (e) {
      return false;
    }
  }
  const URL_FORMAT = /^(?:https?|ftp):\/\/(?:[^\s:@/]+(?::[^\s@/]*)?@)?(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?(?:\.[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?)*(?:\.[a-z\u00a1-\uffff]{2,})|\d{1,3}(?:\.\d{1,3}){3})(?::\d{2,5})?(?:[/?#][^\s]*)?$/i;
  const URI_TEMPLATE = /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;
  function formatTable(mode) {
    const f = core.FORMATS;
    const fast = {
      date: /^\d\d\d\d-[0-1]\d-[0-3]\d$/,
      time: /^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i,
      'date-time': /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i,
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      'uri-reference': /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      'uri-template': URI_TEMPLATE, url: URL_FORMAT, email: f.email, hostname: f.hostname, ipv4: f.ipv4, ipv6: f.ipv6,
      regex: regexFormat, uuid: f.uuid, 'json-pointer': f['json-pointer'],
      'json-pointer-uri-fragment': /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      'relative-json-pointer': f['relative-json-pointer'],
    };
    if (mode !== 'full') return fast;
    return Object.assign({}, fast, {
      date: fullDate, time: fullTime,
      'date-time': function (s) { const p = s.split(/t|\s/i); return p.length === 2 && fullDate(p[0]) && fullTime(p[1], true); },
      uri: function (s) { return /\/|:/.test(s) && /^[a-z][a-z0-9+\-.]*:[^\s]*$/i.test(s); },
      'uri-reference': /^(?:[a-z][a-z0-9+\-.]*:)?[^\s]*$/i,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
    });
  }

  // Helpers ---------------------------------------------------------------------------------
  function equal(a, b) { return P.deepEqual(a, b); }
  function typeOk(type, v) {
    switch (type) {
      case 'null': return v === null;
      case 'array': return Array.isArray(v);
      case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v);
      case 'integer': return typeof v === 'number' && !(v % 1) && !isNaN(v);
      case 'number': return typeof v === 'number';
      default: return typeof v === type;
    }
  }
  function typesOk(types, v) { return [].concat(types).some(function (t) { return typeOk(t, v); }); }
  function escapeQuotes(s) {
    return String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\f/g, '\\f').replace(/\t/g, '\\t');
  }
  function pointerStep(k) { return String(k).replace(/~/g, '~0').replace(/\//g, '~1'); }
  // A data path step: known property names as Ajv writes them at compile time...
  function propStep(key, ptr) { return ptr ? '/' + pointerStep(key) : IDENT.test(key) ? '.' + key : "['" + escapeQuotes(key) + "']"; }
  // ...and names only known at run time (additional and pattern properties).
  function keyStep(key, ptr) { return ptr ? '/' + pointerStep(key) : "['" + key + "']"; }
  function itemStep(i, ptr) { return ptr ? '/' + i : '[' + i + ']'; }
  function fragment(k) { return encodeURIComponent(pointerStep(k)).replace(/%24/g, '$').replace(/%3A/gi, ':'); }
  function ucs2length(s) { return Array.from(s).length; }
  function copy(v) { return v === undefined ? v : JSON.parse(JSON.stringify(v)); }
  function normalizeId(id) { return id ? id.replace(/#\/?$/, '') : id; }
  function resolveUrl(base, ref) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
    if (!base) return ref;
    if (ref === '') return base.replace(/#.*$/, '');
    if (ref.charAt(0) === '#') return base.replace(/#.*$/, '') + ref;
    const m = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)/i.exec(base);
    const prefix = (m[1] || '') + (m[2] || '');
    if (ref.charAt(0) === '/') return prefix + ref;
    const dir = (m[3] || '').replace(/[^/]*$/, '');
    const out = [];
    for (const seg of (dir + ref).split('/')) {
      if (seg === '..') { if (out.length > 1) out.pop(); } else if (seg !== '.') out.push(seg);
    }
    return prefix + (m[2] && out[0] !== '' ? '/' : '') + out.join('/');
  }
  function noRef(schema) {
    if (Array.isArray(schema)) return schema.every(noRef);
    if (!schema || typeof schema !== 'object') return true;
    for (const k of Object.keys(schema)) {
      if (k === '$ref') return false;
      if (typeof schema[k] === 'object' && !noRef(schema[k])) return false;
    }
    return true;
  }
  function stableStringify(v) {
    if (v === undefined) return 'undefined';
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? 'fn' : JSON.stringify(v);
    if (Array.isArray(v)) return '[' + v.map(stableStringify).join(',') + ']';
    return '{' + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ':' + stableStringify(v[k]); }).join(',') + '}';
  }

  // The instance ------------------------------------------------------------------------------
  function Ajv(options) {
    if (!(this instanceof Ajv)) return new Ajv(options);
    const opts = this._opts = Object.assign({}, options || {});
    if (opts.loopRequired === undefined) opts.loopRequired = Infinity;
    this._errorDataPathProperty = opts.errorDataPath === 'property';
    // Ajv's warnings go to `logger` (the console unless false)
    const noop = function () {};
    this.logger = opts.logger === false ? { log: noop, warn: noop, error: noop } : opts.logger || console;
    this.RULES = baseRules();
    this._keywords = {};
    this._schemas = {};
    this._refs = {};
    this._fragments = {};
    this._cache = {};
    this._formats = formatTable(opts.format);
    this._metaOpts = Object.assign({}, opts, { removeAdditional: false, useDefaults: false, coerceTypes: false });
    if (opts.formats) for (const k of Object.keys(opts.formats)) this.addFormat(k, opts.formats[k]);
    if (opts.validateSchema !== false) this._addMeta(META, META_ID);
  }
  const A = Ajv.prototype;

  A._getId = function (schema) {
    switch (this._opts.schemaId) {
      case 'id': return schema.id;
      case 'auto':
        if (schema.$id && schema.id && schema.$id !== schema.id) throw new Error('schema $id is different from id');
        return schema.$id || schema.id;
      default: return schema.$id;
    }
  };
  A._addMeta = function (schema, key) {
    const obj = { schema: schema, id: key, meta: true, validate: null };
    this._schemas[key] = obj;
    this._refs[key] = obj;
  };
  A._checkUnique = function (id) {
    if (this._schemas[id] || this._refs[id]) throw new Error('schema with key or id "' + id + '" already exists');
  };
  A._addSchema = function (schema, skipValidation, shouldAdd) {
    if (typeof schema !== 'object' && typeof schema !== 'boolean') throw new Error('schema should be object or boolean');
    if (schema === null) throw new TypeError("Cannot read properties of null (reading 'id')");
    const cacheKey = stableStringify(schema);
    const cached = this._cache[cacheKey];
    if (cached) return cached;
    shouldAdd = shouldAdd || this._opts.addUsedSchema !== false;
    const id = typeof schema === 'object' ? normalizeId(this._getId(schema)) : undefined;
    if (id && shouldAdd) this._checkUnique(id);
    if (this._opts.validateSchema !== false && !skipValidation) this.validateSchema(schema, true);
    const obj = { schema: schema, id: id, cacheKey: cacheKey, validate: null };
    if (id && id.charAt(0) !== '#' && shouldAdd) {
      this._refs[id] = obj;
      this._resolved = null;
    }
    this._cache[cacheKey] = obj;
    return obj;
  };
  A._compile = function (obj, base, docRoot) {
    if (obj.validate) return obj.validate;
    const self = this;
    const schema = obj.schema;
    const rootId = normalizeId(base !== undefined ? base : (obj.id || '')) || '';
    const root = docRoot || { schema: schema, id: rootId };
    const opts = obj.meta ? this._metaOpts : this._opts;
    const checked = { self: this, opts: opts, root: root };
    if (!obj.meta) precheck(checked, schema, rootId, '#', false);
    const validate = function (data) {
      const ctx = { self: self, opts: opts, root: root, errors: [], count: 0, composite: false, rootData: data };
      let valid;
      try {
        valid = walk(ctx, schema, data, '', '#', rootId, undefined, undefined, true);
      } catch (e) {
        if (e !== STOP) throw e;
        valid = false;
      }
      validate.errors = ctx.errors.length ? ctx.errors : null;
      return valid && ctx.count === 0;
    };
    validate.schema = schema;
    validate.errors = null;
    obj.validate = validate;
    return validate;
  };
  A.compile = function (schema) {
    return this._compile(this._addSchema(schema));
  };
  // Compile, loading each schema a $ref misses through `options.loadSchema` (a promise) first.
  A.compileAsync = function (schema, meta, callback) {
    const self = this;
    if (typeof this._opts.loadSchema !== 'function') throw new Error('options.loadSchema should be a function');
    if (typeof meta === 'function') callback = meta;
    const loading = this._loadingSchemas || (this._loadingSchemas = {});
    const added = function (ref) { return self._refs[ref] || self._schemas[ref]; };
    const attempt = function (obj) {
      try {
        return self._compile(obj);
      } catch (e) {
        if (!e || e.missingSchema === undefined) throw e;
        const ref = e.missingSchema;
        if (added(ref)) throw new Error('Schema ' + ref + ' is loaded but ' + e.missingRef + ' cannot be resolved');
        let p = loading[ref];
        if (!p) {
          p = loading[ref] = Promise.resolve(self._opts.loadSchema(ref));
          const done = function () { delete loading[ref]; };
          p.then(done, done);
        }
        return p.then(function (sch) { if (!added(ref)) self.addSchema(sch, ref); }).then(function () { return attempt(obj); });
      }
    };
    const p = Promise.resolve().then(function () { return attempt(self._addSchema(schema)); });
    if (typeof callback === 'function') p.then(function (v) { callback(null, v); }, callback);
    return p;
  };
  A.validate = function (schemaKeyRef, data) {
    let v;
    if (typeof schemaKeyRef === 'string') {
      v = this.getSchema(schemaKeyRef);
      if (!v) throw new Error('no schema with key or ref "' + schemaKeyRef + '"');
    } else {
      v = this._compile(this._addSchema(schemaKeyRef));
    }
    const valid = v(data);
    this.errors = v.errors;
    return valid;
  };
  A.addSchema = function (schema, key, skipValidation) {
    if (Array.isArray(schema)) {
      for (const s of schema) this.addSchema(s, undefined, skipValidation);
      return this;
    }
    const id = schema && typeof schema === 'object' ? this._getId(schema) : undefined;
    if (id !== undefined && typeof id !== 'string') throw new Error('schema id must be string');
    key = normalizeId(key || id);
    this._checkUnique(key);
    this._schemas[key] = this._addSchema(schema, skipValidation, true);
    this._resolved = null;
    return this;
  };
  A.addMetaSchema = function (schema, key) {
    this.addSchema(schema, key, true);
    return this;
  };
  A.validateSchema = function (schema, throwOrLog) {
    if (schema === null || schema === undefined) throw new TypeError('Cannot read properties of ' + schema + " (reading '$schema')");
    let $schema = schema.$schema;
    if ($schema !== undefined && typeof $schema !== 'string') throw new Error('$schema must be a string');
    $schema = $schema || this._opts.defaultMeta || META_ID;
    const valid = this.validate($schema, schema);
    if (!valid && throwOrLog) {
      const message = 'schema is invalid: ' + this.errorsText();
      if (this._opts.validateSchema === 'log') this.logger.error(message);
      else throw new Error(message);
    }
    return valid;
  };
  A._schemaObj = function (keyRef) {
    keyRef = normalizeId(keyRef);
    return this._schemas[keyRef] || this._refs[keyRef] || this._fragments[keyRef];
  };
  A.getSchema = function (keyRef) {
    const obj = this._schemaObj(keyRef);
    if (obj && typeof obj === 'object') return this._compile(obj);
    const found = resolveRef(this, { schema: {}, id: '' }, '', keyRef);
    if (!found) return undefined;
    const frag = { schema: found.schema, id: normalizeId(keyRef), validate: null };
    this._fragments[keyRef] = frag;
    return this._compile(frag, found.base, found.root);
  };
  A.removeSchema = function (ref) {
    const self = this;
    this._resolved = null;
    function removeAll(map, re) {
      for (const k of Object.keys(map)) {
        const o = map[k];
        if (!o.meta && (!re || re.test(k))) {
          delete self._cache[o.cacheKey];
          delete map[k];
        }
      }
    }
    if (ref instanceof RegExp) {
      removeAll(this._schemas, ref);
      removeAll(this._refs, ref);
      return this;
    }
    switch (typeof ref) {
      case 'undefined':
        removeAll(this._schemas);
        removeAll(this._refs);
        this._cache = {};
        return this;
      case 'string': {
        const o = this._schemaObj(ref);
        if (o) delete this._cache[o.cacheKey];
        delete this._schemas[ref];
        delete this._refs[ref];
        return this;
      }
      case 'object': {
        delete this._cache[stableStringify(ref)];
        let id = this._getId(ref);
        if (id) {
          id = normalizeId(id);
          delete this._schemas[id];
          delete this._refs[id];
        }
      }
    }
    return this;
  };
  A.addFormat = function (name, format) {
    if (typeof format === 'string') format = new RegExp(format);
    this._formats[name] = format;
    return this;
  };
  A.addKeyword = function (keyword, def) {
    if (this._keywords[keyword] || this._isKnown(keyword)) throw new Error('Keyword ' + keyword + ' is already defined');
    if (!/^[a-z_$][a-z0-9_$-]*$/i.test(keyword)) throw new Error('Keyword ' + keyword + ' is not a valid identifier');
    if (def) {
      const types = Array.isArray(def.type) ? def.type : [def.type];
      for (const t of types) {
        let group = this.RULES.find(function (g) { return g.type === t; });
        if (!group) {
          group = { type: t, rules: [] };
          this.RULES.push(group);
        }
        group.rules.push({ keyword: keyword, def: def, impl: def.implements });
      }
    }
    this._keywords[keyword] = def || true;
    this._all = null;
    return this;
  };
  A._isKnown = function (k) {
    return k === 'type' || k === '$comment' || OTHER_KEYWORDS.indexOf(k) !== -1 || this.RULES.some(function (g) {
      return g.rules.some(function (r) { return r.keyword === k || (r.impl && r.impl.indexOf(k) !== -1); });
    });
  };
  A.getKeyword = function (keyword) {
    const def = this._keywords[keyword];
    if (def) return def;
    return this._isKnown(keyword) || false;
  };
  A.removeKeyword = function (keyword) {
    delete this._keywords[keyword];
    for (const g of this.RULES) g.rules = g.rules.filter(function (r) { return r.keyword !== keyword; });
    this._all = null;
    return this;
  };
  A.errorsText = function (errors, options) {
    errors = errors || this.errors;
    if (!errors) return 'No errors';
    options = options || {};
    const sep = options.separator === undefined ? ', ' : options.separator;
    const dataVar = options.dataVar === undefined ? 'data' : options.dataVar;
    let text = '';
    for (const e of errors) if (e) text += dataVar + e.dataPath + ' ' + e.message + sep;
    return text.slice(0, -sep.length);
  };

  // Keywords the instance knows (for `$ref` siblings and strictKeywords).
  function allKeywords(self) {
    if (self._all) return self._all;
    const out = { type: true, $comment: true };
    for (const g of self.RULES) {
      for (const r of g.rules) {
        out[r.keyword] = true;
        if (r.impl) for (const k of r.impl) out[k] = true;
      }
    }
    for (const k of Object.keys(self._keywords)) out[k] = true;
    self._all = out;
    return out;
  }
  function hasRules(self, schema, except) {
    if (typeof schema === 'boolean') return !schema;
    if (!schema || typeof schema !== 'object') return false;
    const all = allKeywords(self);
    for (const k in schema) if (k !== except && all[k]) return true;
    return false;
  }
  function nonEmpty(c, s) {
    if (c.opts.strictKeywords) return (typeof s === 'object' && s !== null && Object.keys(s).length > 0) || s === false;
    return hasRules(c.self, s);
  }
  function shouldUseRule(s, rule) {
    return s[rule.keyword] !== undefined || Boolean(rule.impl && rule.impl.some(function (k) { return s[k] !== undefined; }));
  }
  function shouldUseGroup(s, group) { return group.rules.some(function (r) { return shouldUseRule(s, r); }); }
  function groupFor(self, type) {
    if (TYPES.indexOf(type) === -1) return undefined;
    const g = self.RULES.find(function (x) { return x.type === type; });
    return g || true;
  }

  // Resolve a `$ref` (already made absolute against `base`) to {schema, root, base, inline}.
  function resolveRef(self, root, base, ref) {
    const full = resolveUrl(base, ref);
    const hash = full.indexOf('#');
    const doc = normalizeId(hash === -1 ? full : full.slice(0, hash));
    const frag = hash === -1 ? '' : full.slice(hash + 1);
    let target = null;
    let targetBase = doc;
    let targetRoot = root;
    if ((doc || '') === (root.id || '') && root.schema !== undefined && Object.keys(root.schema).length) {
      target = root.schema;
      targetBase = root.id;
    } else {
      const o = self._refs[full] || self._refs[doc] || self._schemas[doc];
      if (o && o.schema !== undefined) {
        target = o.schema;
        targetBase = o.id || doc;
        targetRoot = { schema: o.schema, id: normalizeId(targetBase) || '' };
      } else {
        const byId = findId(self, root.schema, root.id, full);
        if (byId) return { schema: byId, base: full.replace(/#$/, ''), root: root };
        return null;
      }
    }
    if (frag === '' || frag === '/') return { schema: target, base: targetBase, root: targetRoot };
    if (frag.charAt(0) !== '/') {
      const byId = findId(self, target, targetBase, targetBase + '#' + frag);
      return byId ? { schema: byId, base: targetBase, root: targetRoot } : null;
    }
    let node = target;
    let nodeBase = targetBase;
    for (const raw of frag.slice(1).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !hasOwn.call(node, key)) return null;
      node = node[key];
      if (node && typeof node === 'object' && !Array.isArray(node)) {
        const id = self._getId(node);
        if (typeof id === 'string') nodeBase = resolveUrl(nodeBase, id);
      }
    }
    return { schema: node, base: nodeBase, root: targetRoot };
  }
  function findId(self, schema, base, full) {
    if (!schema || typeof schema !== 'object') return null;
    let b = base;
    if (!Array.isArray(schema)) {
      const id = self._getId(schema);
      if (typeof id === 'string') {
        b = resolveUrl(base, id);
        if (b === full || normalizeId(b) === normalizeId(full)) return schema;
      }
    }
    for (const k of Object.keys(schema)) {
      if (k === 'enum' || k === 'const') continue;
      const f = findId(self, schema[k], b, full);
      if (f) return f;
    }
    return null;
  }
  function missingRef(ref, base) {
    const e = new Error("can't resolve reference " + ref + ' from id ' + (base || '#'));
    e.missingRef = resolveUrl(base, ref);
    e.missingSchema = normalizeId(e.missingRef.split('#')[0]);
    return e;
  }

  // Compile-time checks, in the order Ajv generates code: unknown keywords, `$ref` siblings,
  // missing references, unknown formats, custom keyword compilation.
  function precheck(c, s, base, path, nested) {
    if (typeof s !== 'object' || s === null) return;
    const self = c.self;
    if (c.opts.strictKeywords) {
      const all = allKeywords(self);
      const unknown = Object.keys(s).find(function (k) { return !all[k] && OTHER_KEYWORDS.indexOf(k) === -1; });
      if (unknown && c.opts.strictKeywords === 'log') self.logger.warn('unknown keyword: ' + unknown);
      else if (unknown) throw new Error('unknown keyword: ' + unknown);
    }
    const id = self._getId(s);
    if (nested && typeof id === 'string') base = resolveUrl(base, id);
    if (!(hasRules(self, s, '$ref') || s.$ref)) return;
    const refKw = hasRules(self, s, '$ref');
    if (s.$ref && refKw && c.opts.extendRefs === 'fail') {
      throw new Error('$ref: validation keywords used in schema at path "' + path + '" (see option extendRefs)');
    }
    if (s.$ref && refKw && c.opts.extendRefs !== true) self.logger.warn('$ref: keywords ignored in schema at path "' + path + '"');
    const refOnly = s.$ref && !(refKw && c.opts.extendRefs === true);
    const sub = function (x, p) { precheck(c, x, base, p, true); };
    const groups = refOnly ? [{ rules: [{ keyword: '$ref' }] }] : self.RULES;
    for (const g of groups) {
      if (!refOnly && !shouldUseGroup(s, g)) continue;
      for (const r of g.rules) {
        if (!shouldUseRule(s, r)) continue;
        const v = s[r.keyword];
        if (r.def) {
          if (r.def.macro) {
            const expanded = r.def.macro.call(self, v, s, {});
            if (c.opts.validateSchema !== false) self.validateSchema(expanded, true);
            sub(expanded, path);
          }
          continue;
        }
        switch (r.keyword) {
          case '$ref': {
            if (typeof v !== 'string') break;
            const t = resolveRef(self, c.root, base, v);
            if (!t && c.opts.missingRefs === 'ignore') self.logger.warn(missingRef(v, base).message);
            else if (!t && c.opts.missingRefs !== 'fail') throw missingRef(v, base);
            // The schema referred to is compiled too (its own references must resolve).
            const seen = c.seen || (c.seen = new Set([c.root.schema]));
            if (t && t.schema && typeof t.schema === 'object' && !seen.has(t.schema)) {
              seen.add(t.schema);
              precheck(Object.assign({}, c, { root: t.root || c.root }), t.schema, t.base, '#', false);
            }
            break;
          }
          case 'format': {
            if (c.opts.format === false || typeof v !== 'string') break;
            if (!self._formats[v] && c.opts.unknownFormats === 'ignore') self.logger.warn('unknown format "' + v + '" ignored in schema at path "' + path + '"');
            else if (!self._formats[v] &&
                !(Array.isArray(c.opts.unknownFormats) && c.opts.unknownFormats.indexOf(v) !== -1)) {
              throw new Error('unknown format "' + v + '" is used in schema at path "' + path + '"');
            }
            break;
          }
          case 'items':
            if (Array.isArray(v)) {
              v.forEach(function (x, i) { sub(x, path + '/items/' + i); });
              if (typeof s.additionalItems === 'object') sub(s.additionalItems, path + '/additionalItems');
            } else {
              sub(v, path + '/items');
            }
            break;
          case 'contains': case 'propertyNames': case 'not': case 'if':
            sub(v, path + '/' + r.keyword);
            if (r.keyword === 'if') {
              sub(s.then, path + '/then');
              sub(s.else, path + '/else');
            }
            break;
          case 'anyOf': case 'oneOf': case 'allOf':
            if (Array.isArray(v)) v.forEach(function (x, i) { sub(x, path + '/' + r.keyword + '/' + i); });
            break;
          case 'dependencies':
            if (v && typeof v === 'object') for (const k of Object.keys(v)) if (!Array.isArray(v[k])) sub(v[k], path + '/dependencies/' + fragment(k));
            break;
          case 'properties':
            if (typeof s.additionalProperties === 'object') sub(s.additionalProperties, path + '/additionalProperties');
            if (v && typeof v === 'object') for (const k of Object.keys(v)) sub(v[k], path + '/properties/' + fragment(k));
            if (s.patternProperties && typeof s.patternProperties === 'object') {
              for (const k of Object.keys(s.patternProperties)) sub(s.patternProperties[k], path + '/patternProperties/' + fragment(k));
            }
            break;
        }
      }
    }
  }

  // Errors ------------------------------------------------------------------------------------
  const MESSAGES = {
    'false schema': function () { return 'boolean schema is false'; },
    $ref: function (p) { return "can't resolve reference " + p.ref; },
    additionalItems: function (p) { return 'should NOT have more than ' + p.limit + ' items'; },
    additionalProperties: function (p, c) { return c.self._errorDataPathProperty ? 'is an invalid additional property' : 'should NOT have additional properties'; },
    anyOf: function () { return 'should match some schema in anyOf'; },
    const: function () { return 'should be equal to constant'; },
    contains: function () { return 'should contain a valid item'; },
    dependencies: function (p) { return 'should have ' + (p.depsCount === 1 ? 'property ' : 'properties ') + p.deps + ' when property ' + p.property + ' is present'; },
    enum: function () { return 'should be equal to one of the allowed values'; },
    format: function (p) { return 'should match format "' + p.format + '"'; },
    if: function (p) { return 'should match "' + p.failingKeyword + '" schema'; },
    limit: function (p) { return 'should be ' + p.comparison + ' ' + p.limit; },
    maxItems: function (p) { return 'should NOT have more than ' + p.limit + ' items'; },
    minItems: function (p) { return 'should NOT have fewer than ' + p.limit + ' items'; },
    maxLength: function (p) { return 'should NOT be longer than ' + p.limit + ' characters'; },
    minLength: function (p) { return 'should NOT be shorter than ' + p.limit + ' characters'; },
    maxProperties: function (p) { return 'should NOT have more than ' + p.limit + ' properties'; },
    minProperties: function (p) { return 'should NOT have fewer than ' + p.limit + ' properties'; },
    multipleOf: function (p) { return 'should be multiple of ' + p.multipleOf; },
    not: function () { return 'should NOT be valid'; },
    oneOf: function () { return 'should match exactly one schema in oneOf'; },
    pattern: function (p) { return 'should match pattern "' + p.pattern + '"'; },
    propertyNames: function (p) { return "property name '" + p.propertyName + "' is invalid"; },
    required: function (p, c) { return c.self._errorDataPathProperty ? 'is a required property' : "should have required property '" + p.missingProperty + "'"; },
    type: function (p) { return 'should be ' + p.type; },
    uniqueItems: function (p) { return 'should NOT have duplicate items (items ## ' + p.j + ' and ' + p.i + ' are identical)'; },
    custom: function (p) { return 'should pass "' + p.keyword + '" keyword validation'; },
  };
  // Record an error; outside anyOf/oneOf/not/if branches the first error ends the run unless
  // allErrors.
  const KEEPS_ERRORS = { anyOf: true, oneOf: true, if: true, propertyNames: true };
  function fail(c, keyword, dataPath, schemaPath, params, msgKey, verbose) {
    // Outside branches a first-error run replaces whatever its function collected so far (errors
    // left by `contains` items or by removeAdditional "failing") with this one error.
    if (!c.composite && !c.opts.allErrors && !KEEPS_ERRORS[keyword]) trunc(c, c.fnStart || 0);
    const e = { keyword: keyword, dataPath: dataPath, schemaPath: schemaPath, params: params };
    if (c.opts.messages !== false) e.message = MESSAGES[msgKey || keyword](params, c);
    if (c.opts.verbose && verbose) {
      e.schema = verbose.schema;
      e.parentSchema = verbose.parentSchema;
      e.data = verbose.data;
    }
    c.errors.push(e);
    c.count++;
    if (!c.composite && !c.opts.allErrors) throw STOP;
    return false;
  }
  // After a failing sub-check whose errors are already recorded.
  function extra(c) {
    if (!c.composite && !c.opts.allErrors) throw STOP;
  }
  // Drop the errors after the first `n` (Ajv's `errors = errs; vErrors.length = errs`).
  function trunc(c, n) {
    c.count = n;
    if (c.errors.length > n) c.errors.length = n;
  }
  function inComposite(c, fn) {
    const was = c.composite;
    c.composite = true;
    try {
      return fn();
    } finally {
      c.composite = was;
    }
  }

  // Validation ---------------------------------------------------------------------------------
  // Returns whether `data` passed; `dp` is the data path so far, `sp` the schema path.
  function walk(c, s, data, dp, sp, base, parent, key, top) {
    const start = c.count;
    const V = function (kw) { return { schema: kw === undefined ? s : s[kw], parentSchema: s, data: data }; };
    if (typeof s === 'boolean' || !(hasRules(c.self, s, '$ref') || s.$ref)) {
      if (s === false) fail(c, 'false schema', dp, sp + '/false schema', {}, null, { schema: false, parentSchema: false, data: data });
      return c.count === start;
    }
    const breakOnError = !c.opts.allErrors;
    if (!top) {
      const id = c.self._getId(s);
      if (typeof id === 'string') base = resolveUrl(base, id);
    }
    let refKw = hasRules(c.self, s, '$ref');
    if (s.$ref && refKw && c.opts.extendRefs !== true) refKw = false;
    let type = s.type;
    let isArr = Array.isArray(type);
    if (type && c.opts.nullable && s.nullable === true) {
      if (isArr) { if (type.indexOf('null') === -1) type = type.concat('null'); } else if (type !== 'null') { type = [type, 'null']; isArr = true; }
    }
    if (isArr && type.length === 1) {
      type = type[0];
      isArr = false;
    }
    let coerceTo;
    if (type && c.opts.coerceTypes) coerceTo = coerceTypesFor(c.opts.coerceTypes, type);
    const typeMsg = { type: isArr ? type.join(',') : type };
    const groups = s.$ref && !refKw ? null : c.self.RULES;
    if (type) {
      const group = groupFor(c.self, isArr ? null : type);
      if (coerceTo || isArr || group === true || group === undefined || (group && !shouldUseGroup(s, group))) {
        if (!typesOk(type, data)) {
          if (coerceTo) {
            const r = coerce(c, data, s.type, coerceTo);
            if (r.ok) {
              data = r.value;
              if (parent !== undefined) parent[key] = data;
            } else {
              fail(c, 'type', dp, sp + '/type', typeMsg, null, V('type'));
            }
          } else {
            fail(c, 'type', dp, sp + '/type', typeMsg, null, V('type'));
          }
        }
      }
    }
    const ctx = { s: s, dp: dp, sp: sp, base: base, parent: parent, key: key, V: V };
    if (!groups) {
      runRule(c, ctx, { keyword: '$ref' }, data, null);
      return c.count === start;
    }
    for (const g of groups) {
      if (!shouldUseGroup(s, g)) continue;
      if (g.type === undefined || typeOk(g.type, data)) {
        if (c.opts.useDefaults && !c.composite) applyDefaults(c, s, g.type, data);
        for (const rule of g.rules) {
          if (!shouldUseRule(s, rule)) continue;
          const before = c.count;
          const ran = runRule(c, ctx, rule, data, g.type);
          if (breakOnError && ran !== 'skip' && c.count !== before) break;
        }
      } else if (type && type === g.type && !coerceTo) {
        fail(c, 'type', dp, sp + '/type', typeMsg, null, V('type'));
      }
      if (breakOnError && c.count !== start) break;
    }
    return c.count === start;
  }

  function coerceTypesFor(option, type) {
    if (Array.isArray(type)) {
      const out = type.filter(function (t) { return COERCIBLE.indexOf(t) !== -1 || (option === 'array' && t === 'array'); });
      return out.length ? out : undefined;
    }
    if (COERCIBLE.indexOf(type) !== -1) return [type];
    if (option === 'array' && type === 'array') return ['array'];
    return undefined;
  }
  function coerce(c, data, type, to) {
    if (c.opts.coerceTypes === 'array' && Array.isArray(data) && data.length === 1) {
      // Ajv checks the unwrapped item against a single type only
      data = data[0];
      if (!Array.isArray(type) && typeOk(type, data)) return { ok: true, value: data };
    }
    const t = typeof data;
    for (const target of to) {
      if (target === 'string') {
        if (t === 'number' || t === 'boolean') return { ok: true, value: '' + data };
        if (data === null) return { ok: true, value: '' };
      } else if (target === 'number' || target === 'integer') {
        if (t === 'boolean' || data === null || (t === 'string' && data && data == +data && (target !== 'integer' || !(data % 1)))) return { ok: true, value: +data };
      } else if (target === 'boolean') {
        if (data === 'false' || data === 0 || data === null) return { ok: true, value: false };
        if (data === 'true' || data === 1) return { ok: true, value: true };
      } else if (target === 'null') {
        if (data === '' || data === 0 || data === false) return { ok: true, value: null };
      } else if (c.opts.coerceTypes === 'array' && target === 'array') {
        if (t === 'string' || t === 'number' || t === 'boolean' || data == null) return { ok: true, value: [data] };
      }
    }
    return { ok: false };
  }
  function applyDefaults(c, s, groupType, data) {
    const empty = c.opts.useDefaults === 'empty';
    const value = function (d) { return c.opts.useDefaults === 'shared' ? d : copy(d); };
    if (groupType === 'object' && s.properties && typeof s.properties === 'object') {
      for (const k of Object.keys(s.properties)) {
        const p = s.properties[k];
        if (!p || typeof p !== 'object' || p.default === undefined) continue;
        if (data[k] === undefined || (empty && (data[k] === null || data[k] === ''))) data[k] = value(p.default);
      }
    } else if (groupType === 'array' && Array.isArray(s.items)) {
      s.items.forEach(function (p, i) {
        if (!p || typeof p !== 'object' || p.default === undefined) return;
        if (data[i] === undefined || (empty && (data[i] === null || data[i] === ''))) data[i] = value(p.default);
      });
    }
  }
  function present(c, data, k) {
    return data[k] !== undefined && (!c.opts.ownProperties || hasOwn.call(data, k));
  }
  function dataKeys(c, data) {
    if (c.opts.ownProperties) return Object.keys(data);
    const out = [];
    for (const k in data) out.push(k);
    return out;
  }
  // A missing property's name: first-error runs write it as a path step, all-errors runs and
  // `properties` as the name itself.
  function requiredParam(c, k, asStep) {
    if (asStep && !c.opts.allErrors) return c.opts.jsonPointers ? k : propStep(k, false);
    return k;
  }

  // Run one keyword; returns 'skip' when the keyword generated no check.
  function runRule(c, x, rule, data, groupType) {
    const s = x.s;
    const v = s[rule.keyword];
    const ptr = c.opts.jsonPointers;
    const sp = x.sp;
    const dp = x.dp;
    if (rule.def) return customRule(c, x, rule, data);
    switch (rule.keyword) {
      case 'maximum': case 'minimum': {
        const isMax = rule.keyword === 'maximum';
        const exKw = isMax ? 'exclusiveMaximum' : 'exclusiveMinimum';
        const excl = s[exKw];
        const exNum = typeof excl === 'number';
        let op = isMax ? '<' : '>';
        let limit = v;
        let exclusive;
        let kw = rule.keyword;
        let path = sp + '/' + rule.keyword;
        if (exNum && v === undefined) {
          exclusive = true;
          kw = exKw;
          path = sp + '/' + exKw;
          limit = excl;
        } else {
          if (exNum) limit = Math[isMax ? 'min' : 'max'](excl, v);
          if (excl === (exNum ? limit : true)) {
            exclusive = true;
            kw = exKw;
            path = sp + '/' + exKw;
          } else {
            exclusive = false;
            op += '=';
          }
        }
        const bad = exclusive ? (isMax ? data >= limit : data <= limit) : (isMax ? data > limit : data < limit);
        if (bad || data !== data) fail(c, kw, dp, path, { comparison: op, limit: limit, exclusive: exclusive }, 'limit', x.V(kw));
        return;
      }
      case 'multipleOf': {
        const q = data / v;
        const ok = c.opts.multipleOfPrecision ? Math.abs(Math.round(q) - q) < Math.pow(10, -c.opts.multipleOfPrecision) : q === parseInt(q);
        if (!ok) fail(c, 'multipleOf', dp, sp + '/multipleOf', { multipleOf: v }, null, x.V('multipleOf'));
        return;
      }
      case 'format': {
        if (c.opts.format === false) return 'skip';
        let f = c.self._formats[v];
        if (!f) return 'skip';
        const isObj = typeof f === 'object' && !(f instanceof RegExp) && f.validate;
        const ftype = (isObj && f.type) || 'string';
        if (ftype !== groupType) return 'skip';
        if (isObj) f = f.validate;
        const ok = typeof f === 'function' ? f(data) : f.test(data);
        if (!ok) fail(c, 'format', dp, sp + '/format', { format: v }, null, x.V('format'));
        return;
      }
      case 'maxLength': case 'minLength': {
        const n = ucs2length(data);
        if (rule.keyword === 'maxLength' ? n > v : n < v) fail(c, rule.keyword, dp, sp + '/' + rule.keyword, { limit: v }, null, x.V(rule.keyword));
        return;
      }
      case 'pattern':
        if (!new RegExp(v, 'u').test(data)) fail(c, 'pattern', dp, sp + '/pattern', { pattern: v }, null, x.V('pattern'));
        return;
      case 'maxItems': case 'minItems':
        if (rule.keyword === 'maxItems' ? data.length > v : data.length < v) fail(c, rule.keyword, dp, sp + '/' + rule.keyword, { limit: v }, null, x.V(rule.keyword));
        return;
      case 'maxProperties': case 'minProperties': {
        const n = Object.keys(data).length;
        if (rule.keyword === 'maxProperties' ? n > v : n < v) fail(c, rule.keyword, dp, sp + '/' + rule.keyword, { limit: v }, null, x.V(rule.keyword));
        return;
      }
      case 'items': {
        const start = c.count;
        const bail = function () { return !c.opts.allErrors && c.count !== start; };
        if (Array.isArray(v)) {
          if (s.additionalItems === false && data.length > v.length) {
            fail(c, 'additionalItems', dp, sp + '/additionalItems', { limit: v.length }, null, x.V('additionalItems'));
            if (bail()) return;
          }
          for (let i = 0; i < v.length && i < data.length; i++) {
            if (!nonEmpty(c, v[i])) continue;
            walk(c, v[i], data[i], dp + itemStep(i, ptr), sp + '/items/' + i, x.base, data, i);
            if (bail()) return;
          }
          if (typeof s.additionalItems === 'object' && s.additionalItems !== null && nonEmpty(c, s.additionalItems)) {
            for (let i = v.length; i < data.length; i++) {
              walk(c, s.additionalItems, data[i], dp + itemStep(i, ptr), sp + '/additionalItems', x.base, data, i);
              if (bail()) return;
            }
          }
        } else if (nonEmpty(c, v)) {
          for (let i = 0; i < data.length; i++) {
            walk(c, v, data[i], dp + itemStep(i, ptr), sp + '/items', x.base, data, i);
            if (bail()) return;
          }
        } else {
          return 'skip';
        }
        return;
      }
      case 'contains': {
        if (!nonEmpty(c, v)) {
          if (data.length === 0) fail(c, 'contains', dp, sp + '/contains', {}, null, x.V('contains'));
          return;
        }
        const start = c.count;
        let ok = false;
        inComposite(c, function () {
          for (let i = 0; i < data.length && !ok; i++) {
            ok = walk(c, v, data[i], dp + itemStep(i, ptr), sp + '/contains', x.base, data, i);
          }
        });
        if (ok) trunc(c, start);
        else fail(c, 'contains', dp, sp + '/contains', {}, null, x.V('contains'));
        return;
      }
      case 'uniqueItems': {
        if (!v || c.opts.uniqueItems === false) return 'skip';
        if (data.length <= 1) return;
        const itemType = s.items && s.items.type;
        const scalar = itemType && !Array.isArray(itemType) && ['number', 'integer', 'string', 'boolean', 'null'].indexOf(itemType) !== -1 && itemType !== 'integer' ? itemType : null;
        let pair = null;
        if (scalar) {
          const seen = {};
          for (let i = data.length - 1; i >= 0; i--) {
            const item = data[i];
            if (typeof item !== scalar) continue;
            if (typeof seen[item] === 'number') { pair = { i: i, j: seen[item] }; break; }
            seen[item] = i;
          }
        } else {
          outer: for (let i = data.length - 1; i > 0; i--) {
            for (let j = i - 1; j >= 0; j--) {
              if (equal(data[i], data[j])) { pair = { i: i, j: j }; break outer; }
            }
          }
        }
        if (pair) fail(c, 'uniqueItems', dp, sp + '/uniqueItems', pair, null, x.V('uniqueItems'));
        return;
      }
      case 'required': {
        if (!Array.isArray(v)) return 'skip';
        const props = s.properties;
        const list = v.filter(function (k) { return !(props && props[k] !== undefined && nonEmpty(c, props[k])); });
        if (!list.length) return 'skip';
        for (const k of list) {
          if (present(c, data, k)) continue;
          const at = c.self._errorDataPathProperty ? dp + propStep(k, ptr) : dp;
          fail(c, 'required', at, sp + '/required', { missingProperty: requiredParam(c, k, true) }, null, x.V('required'));
          if (!c.opts.allErrors) return;
        }
        return;
      }
      case 'dependencies': {
        const keys = Object.keys(v);
        const start = c.count;
        for (const k of keys) {
          const dep = v[k];
          if (!Array.isArray(dep) || !present(c, data, k)) continue;
          for (const need of dep) {
            if (present(c, data, need)) continue;
            const at = c.self._errorDataPathProperty ? dp + propStep(need, ptr) : dp;
            fail(c, 'dependencies', at, sp + '/dependencies', {
              property: k, missingProperty: requiredParam(c, need, true), depsCount: dep.length, deps: dep.join(', '),
            }, null, x.V('dependencies'));
            if (!c.opts.allErrors) return;
          }
        }
        for (const k of keys) {
          const dep = v[k];
          if (Array.isArray(dep) || !nonEmpty(c, dep) || !present(c, data, k)) continue;
          walk(c, dep, data, dp, sp + '/dependencies/' + fragment(k), x.base, x.parent, x.key);
          if (!c.opts.allErrors && c.count !== start) return;
        }
        return;
      }
      case 'propertyNames': {
        if (!nonEmpty(c, v)) return 'skip';
        for (const k of dataKeys(c, data)) {
          const before = c.count;
          const ok = inComposite(c, function () { return walk(c, v, k, dp, sp + '/propertyNames', x.base); });
          for (let i = before; i < c.errors.length; i++) c.errors[i].propertyName = k;
          if (!ok) {
            fail(c, 'propertyNames', dp, sp + '/propertyNames', { propertyName: k }, null, x.V('propertyNames'));
            if (!c.opts.allErrors) return;
          }
        }
        return;
      }
      case 'properties': return propertiesRule(c, x, data);
      case '$ref': return refRule(c, x, data);
      case 'const':
        if (!equal(data, v)) fail(c, 'const', dp, sp + '/const', { allowedValue: v }, null, x.V('const'));
        return;
      case 'enum':
        if (!v.some(function (e) { return equal(data, e); })) fail(c, 'enum', dp, sp + '/enum', { allowedValues: v }, null, x.V('enum'));
        return;
      case 'not': {
        if (!nonEmpty(c, v)) {
          fail(c, 'not', dp, sp + '/not', {}, null, x.V('not'));
          return;
        }
        const start = c.count;
        const ok = inComposite(c, function () { return walk(c, v, data, dp, sp + '/not', x.base, x.parent, x.key); });
        trunc(c, start);
        if (ok) fail(c, 'not', dp, sp + '/not', {}, null, x.V('not'));
        return;
      }
      case 'anyOf': {
        if (!v.every(function (b) { return nonEmpty(c, b); })) return 'skip';
        const start = c.count;
        let ok = false;
        inComposite(c, function () {
          for (let i = 0; i < v.length && !ok; i++) ok = walk(c, v[i], data, dp, sp + '/anyOf/' + i, x.base, x.parent, x.key);
        });
        if (ok) trunc(c, start);
        else fail(c, 'anyOf', dp, sp + '/anyOf', {}, null, x.V('anyOf'));
        return;
      }
      case 'oneOf': {
        const start = c.count;
        let passing = null;
        let valid = false;
        let prev = false;
        inComposite(c, function () {
          for (let i = 0; i < v.length; i++) {
            const ok = nonEmpty(c, v[i]) ? walk(c, v[i], data, dp, sp + '/oneOf/' + i, x.base, x.parent, x.key) : true;
            if (ok && prev) {
              valid = false;
              passing = [passing, i];
              break;
            }
            if (ok) {
              valid = prev = true;
              passing = i;
            }
          }
        });
        if (valid) trunc(c, start);
        else fail(c, 'oneOf', dp, sp + '/oneOf', { passingSchemas: passing }, null, x.V('oneOf'));
        return;
      }
      case 'allOf': {
        const start = c.count;
        let any = false;
        for (let i = 0; i < v.length; i++) {
          if (!nonEmpty(c, v[i])) continue;
          any = true;
          walk(c, v[i], data, dp, sp + '/allOf/' + i, x.base, x.parent, x.key);
          if (!c.opts.allErrors && c.count !== start) return;
        }
        return any ? undefined : 'skip';
      }
      case 'if': {
        const hasThen = s.then !== undefined && nonEmpty(c, s.then);
        const hasElse = s.else !== undefined && nonEmpty(c, s.else);
        if (!hasThen && !hasElse) return 'skip';
        const start = c.count;
        let branch = null;
        const cond = inComposite(c, function () { return walk(c, v, data, dp, sp + '/if', x.base, x.parent, x.key); });
        trunc(c, start);
        const which = cond ? 'then' : 'else';
        if ((cond ? hasThen : hasElse) && !walk(c, s[which], data, dp, sp + '/' + which, x.base, x.parent, x.key)) branch = which;
        if (branch) fail(c, 'if', dp, sp + '/if', { failingKeyword: branch }, null, x.V('if'));
        return;
      }
    }
    return 'skip';
  }

  function propertiesRule(c, x, data) {
    const s = x.s;
    const ptr = c.opts.jsonPointers;
    const props = s.properties && typeof s.properties === 'object' ? s.properties : {};
    const keys = Object.keys(props).filter(function (k) { return k !== '__proto__'; });
    const pprops = s.patternProperties && typeof s.patternProperties === 'object' ? s.patternProperties : {};
    const pkeys = Object.keys(pprops).filter(function (k) { return k !== '__proto__'; });
    const ap = s.additionalProperties;
    const some = keys.length || pkeys.length;
    const noAdditional = ap === false;
    const apSchema = typeof ap === 'object' && ap !== null && Object.keys(ap).length;
    const remove = c.opts.removeAdditional;
    const start = c.count;
    const bail = function () { return !c.opts.allErrors && c.count !== start; };
    // the last additional property's result gates the rest in first-error runs (even when a
    // failing one was removed)
    let lastValid = true;
    if (noAdditional || apSchema || remove) {
      for (const k of dataKeys(c, data)) {
        const additional = !some || !(keys.indexOf(k) !== -1 || pkeys.some(function (p) { return new RegExp(p, 'u').test(k); }));
        if (!additional) continue;
        if (remove === 'all') {
          delete data[k];
          continue;
        }
        if (noAdditional) {
          if (remove) {
            delete data[k];
          } else {
            const at = c.self._errorDataPathProperty ? x.dp + keyStep(k, ptr) : x.dp;
            fail(c, 'additionalProperties', at, x.sp + '/additionalProperties', { additionalProperty: k }, null, x.V('additionalProperties'));
            if (!c.opts.allErrors) break;
          }
        } else if (apSchema) {
          const at = x.dp + keyStep(k, ptr);
          if (remove === 'failing') {
            const before = c.count;
            const ok = inComposite(c, function () { return walk(c, ap, data[k], at, x.sp + '/additionalProperties', x.base, data, k); });
            lastValid = ok;
            if (!ok) {
              // Ajv resets its error count but keeps the errors themselves
              c.count = before;
              delete data[k];
            }
          } else {
            const ok = walk(c, ap, data[k], at, x.sp + '/additionalProperties', x.base, data, k);
            lastValid = ok;
            if (!ok && !c.opts.allErrors) break;
          }
        }
      }
      if (bail() || (!c.opts.allErrors && !lastValid)) return;
    }
    const required = Array.isArray(s.required) ? s.required : [];
    const useDefaults = c.opts.useDefaults && !c.composite;
    for (const k of keys) {
      const sch = props[k];
      if (!nonEmpty(c, sch)) continue;
      const at = x.dp + propStep(k, ptr);
      const spk = x.sp + '/properties/' + fragment(k);
      const hasDefault = useDefaults && sch && sch.default !== undefined;
      if (hasDefault) {
        walk(c, sch, data[k], at, spk, x.base, data, k);
      } else if (!present(c, data, k)) {
        if (required.indexOf(k) !== -1) {
          const eat = c.self._errorDataPathProperty ? at : x.dp;
          fail(c, 'required', eat, x.sp + '/required', { missingProperty: requiredParam(c, k) }, null, x.V('properties'));
        }
      } else {
        walk(c, sch, data[k], at, spk, x.base, data, k);
      }
      if (bail()) return;
    }
    for (const p of pkeys) {
      const sch = pprops[p];
      if (!nonEmpty(c, sch)) continue;
      const re = new RegExp(p, 'u');
      for (const k of dataKeys(c, data)) {
        if (!re.test(k)) continue;
        const ok = walk(c, sch, data[k], x.dp + keyStep(k, ptr), x.sp + '/patternProperties/' + fragment(p), x.base, data, k);
        if (!ok && !c.opts.allErrors) break;
      }
      if (bail()) return;
    }
  }

  function refRule(c, x, data) {
    const ref = x.s.$ref;
    // resolutions are remembered per root schema until the store changes
    const memo = c.self._resolved || (c.self._resolved = new Map());
    let perRoot = memo.get(c.root.schema);
    if (!perRoot) memo.set(c.root.schema, perRoot = {});
    const mkey = x.base + '\u0000' + ref;
    const t = hasOwn.call(perRoot, mkey) ? perRoot[mkey] : (perRoot[mkey] = resolveRef(c.self, c.root, x.base, ref));
    if (!t) {
      if (c.opts.missingRefs === 'fail') fail(c, '$ref', x.dp, x.sp + '/$ref', { ref: ref }, null, { schema: ref, parentSchema: x.s, data: data });
      return;
    }
    if (noRef(t.schema)) {
      // small schemas without references are inlined: their errors name the reference
      walk(c, t.schema, data, x.dp, ref, t.base, x.parent, x.key);
      return;
    }
    // otherwise the target runs as its own function, stopping at its own first error
    const sub = { self: c.self, opts: c.opts, root: rootOf(c, t), errors: c.errors, count: c.count, fnStart: c.count, composite: false, rootData: c.rootData };
    const before = c.count;
    try {
      walk(sub, t.schema, data, x.dp, '#', t.base, x.parent, x.key, true);
    } catch (e) {
      if (e !== STOP) throw e;
    }
    c.count = sub.count;
    if (c.count !== before) extra(c);
  }
  function rootOf(c, t) {
    if (t.root && t.root.schema === c.root.schema) return c.root;
    return t.root || c.root;
  }

  function customRule(c, x, rule, data) {
    const def = rule.def;
    const s = x.s;
    const v = s[rule.keyword];
    const start = c.count;
    if (def.macro) {
      const expanded = def.macro.call(c.self, v, s, {});
      const ok = inComposite(c, function () { return walk(c, expanded, data, x.dp, x.sp + '/' + rule.keyword, x.base, x.parent, x.key); });
      if (!ok) {
        trunc(c, start);
        fail(c, rule.keyword, x.dp, x.sp + '/' + rule.keyword, { keyword: rule.keyword }, 'custom', x.V(rule.keyword));
      }
      return;
    }
    let fn = def.validate;
    let result;
    if (def.compile) {
      fn = def.compile.call(c.self, v, s, {});
      if (typeof fn !== 'function') throw new TypeError("Cannot create property 'errors' on " + typeof fn + " '" + String(fn) + "'");
      result = fn.call(c.self, data, x.dp, x.parent, x.key, c.rootData);
    } else if (def.schema === false) {
      result = fn.call(c.self, data, x.dp, x.parent, x.key, c.rootData);
    } else if (typeof fn === 'function') {
      fn.errors = null;
      result = fn.call(c.self, v, data, s, x.dp, x.parent, x.key, c.rootData);
    } else {
      return 'skip';
    }
    if (def.valid) return;
    if (result) return;
    if (def.errors === false) {
      fail(c, rule.keyword, x.dp, x.sp + '/' + rule.keyword, { keyword: rule.keyword }, 'custom', x.V(rule.keyword));
      return;
    }
    const own = fn && fn.errors;
    if (Array.isArray(own)) {
      for (const e of own) {
        if (e.dataPath === undefined) e.dataPath = x.dp;
        e.schemaPath = x.sp + '/' + rule.keyword;
        c.errors.push(e);
    c.count++;
      }
      extra(c);
      return;
    }
    fail(c, rule.keyword, x.dp, x.sp + '/' + rule.keyword, { keyword: rule.keyword }, 'custom', x.V(rule.keyword));
  }

  Ajv.default = Ajv;
  Ajv.Ajv = Ajv;
  return Ajv;
})
