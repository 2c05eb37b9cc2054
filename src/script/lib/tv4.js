// postie library: `require('tv4')` and the legacy `tv4` global, a tv4 1.3 compatible front end
// (draft-04: `validate`, `validateResult`, `validateMultiple`, `error`, `missing`, `addSchema`,
// `getSchema`, `addFormat`, `errorCodes`) over postie's JSON-schema validator.
(function (P, lib) {
  'use strict';

  const core = lib('schema');

  const CODES = {
    INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
    NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
    NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
    STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
    OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
    ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501, CIRCULAR_REFERENCE: 600,
    UNKNOWN_PROPERTY: 1000,
  };

  function pointer(path) {
    return path.map(function (k) { return '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'); }).join('');
  }

  function ValidationError(code, message, params, dataPath, schemaPath) {
    const err = new Error(message);
    Object.setPrototypeOf(err, ValidationError.prototype);
    err.params = params;
    err.code = code;
    err.dataPath = dataPath;
    err.schemaPath = schemaPath;
    err.subErrors = null;
    return err;
  }
  ValidationError.prototype = Object.create(Error.prototype, {
    constructor: { value: ValidationError }, name: { value: 'ValidationError', writable: true },
  });

  function describe(e, data) {
    const p = e.params;
    let at = data;
    for (const k of e.path) at = at === null || at === undefined ? undefined : at[k];
    const type = core.typeOf(at) === 'integer' ? 'number' : core.typeOf(at);
    switch (e.keyword) {
      case 'type': return [CODES.INVALID_TYPE, 'Invalid type: ' + type + ' (expected ' + p.type.split(',').join('/') + ')', { type: type, expected: p.type.split(',').join('/') }];
      case 'enum': return [CODES.ENUM_MISMATCH, 'No enum match for: ' + JSON.stringify(at), { value: JSON.stringify(at) }];
      case 'anyOf': return [CODES.ANY_OF_MISSING, 'Data does not match any schemas from "anyOf"', {}];
      case 'oneOf': return p.passingSchemas
        ? [CODES.ONE_OF_MULTIPLE, 'Data is valid against more than one schema from "oneOf": indices ' + p.passingSchemas[0] + ' and ' + p.passingSchemas[1], { index1: p.passingSchemas[0], index2: p.passingSchemas[1] }]
        : [CODES.ONE_OF_MISSING, 'Data does not match any schemas from "oneOf"', {}];
      case 'not': return [CODES.NOT_PASSED, 'Data matches schema from "not"', {}];
      case 'multipleOf': return [CODES.NUMBER_MULTIPLE_OF, 'Value ' + at + ' is not a multiple of ' + p.multipleOf, { value: at, multipleOf: p.multipleOf }];
      case 'minimum': return [CODES.NUMBER_MINIMUM, 'Value ' + at + ' is less than minimum ' + p.limit, { value: at, minimum: p.limit }];
      case 'exclusiveMinimum': if (at < p.limit) return [CODES.NUMBER_MINIMUM, 'Value ' + at + ' is less than minimum ' + p.limit, { value: at, minimum: p.limit }];
        return [CODES.NUMBER_MINIMUM_EXCLUSIVE, 'Value ' + at + ' is equal to exclusive minimum ' + p.limit, { value: at, minimum: p.limit }];
      case 'maximum': return [CODES.NUMBER_MAXIMUM, 'Value ' + at + ' is greater than maximum ' + p.limit, { value: at, maximum: p.limit }];
      case 'exclusiveMaximum': if (at > p.limit) return [CODES.NUMBER_MAXIMUM, 'Value ' + at + ' is greater than maximum ' + p.limit, { value: at, maximum: p.limit }];
        return [CODES.NUMBER_MAXIMUM_EXCLUSIVE, 'Value ' + at + ' is equal to exclusive maximum ' + p.limit, { value: at, maximum: p.limit }];
      case 'minLength': return [CODES.STRING_LENGTH_SHORT, 'String is too short (' + p.length + ' chars), minimum ' + p.limit, { length: p.length, minimum: p.limit }];
      case 'maxLength': return [CODES.STRING_LENGTH_LONG, 'String is too long (' + p.length + ' chars), maximum ' + p.limit, { length: p.length, maximum: p.limit }];
      case 'pattern': return [CODES.STRING_PATTERN, 'String does not match pattern: ' + p.pattern, { pattern: p.pattern }];
      case 'format': return [CODES.FORMAT_CUSTOM, 'Format validation failed (' + p.format + ')', { message: p.format }];
      case 'minProperties': return [CODES.OBJECT_PROPERTIES_MINIMUM, 'Too few properties defined (' + p.count + '), minimum ' + p.limit, { propertyCount: p.count, minimum: p.limit }];
      case 'maxProperties': return [CODES.OBJECT_PROPERTIES_MAXIMUM, 'Too many properties defined (' + p.count + '), maximum ' + p.limit, { propertyCount: p.count, maximum: p.limit }];
      case 'required': return [CODES.OBJECT_REQUIRED, 'Missing required property: ' + p.missingProperty, { key: p.missingProperty }];
      case 'additionalProperties': return [CODES.OBJECT_ADDITIONAL_PROPERTIES, 'Additional properties not allowed', { key: p.additionalProperty }];
      case 'dependencies': return [CODES.OBJECT_DEPENDENCY_KEY, 'Dependency failed - key must exist: ' + p.missingProperty + ' (due to key: ' + p.property + ')', { key: p.property, missing: p.missingProperty }];
      case 'minItems': return [CODES.ARRAY_LENGTH_SHORT, 'Array is too short (' + p.length + '), minimum ' + p.limit, { length: p.length, minimum: p.limit }];
      case 'maxItems': return [CODES.ARRAY_LENGTH_LONG, 'Array is too long (' + p.length + '), maximum ' + p.limit, { length: p.length, maximum: p.limit }];
      case 'uniqueItems': return [CODES.ARRAY_UNIQUE, 'Array items are not unique (indices ' + p.j + ' and ' + p.i + ')', { match1: p.j, match2: p.i }];
      case 'additionalItems': return [CODES.ARRAY_ADDITIONAL_ITEMS, 'Additional items not allowed', {}];
      default: return [CODES.KEYWORD_CUSTOM, 'Keyword failed: ' + e.keyword, { key: e.keyword }];
    }
  }

  function toErrors(records, data) {
    return records.map(function (e) {
      const d = describe(e, data);
      const path = e.keyword === 'additionalProperties' ? e.path.concat(e.params.additionalProperty)
        : e.keyword === 'required' ? e.path.concat(e.params.missingProperty) : e.path;
      const dataPath = e.keyword === 'required' ? pointer(e.path) : pointer(path);
      // tv4 reports an enum mismatch at the schema's "/type", a multipleOf one at no path, a
      // missing property at its index in `required`, and no `$ref` step.
      const sp = e.schemaPath.filter(function (k) { return k !== '$ref'; });
      const schemaPath = e.keyword === 'enum' ? pointer(sp.slice(0, -1).concat('type'))
        : e.keyword === 'multipleOf' ? ''
          : e.keyword === 'required' && e.params.index !== undefined ? pointer(sp.concat(e.params.index)) : pointer(sp);
      const err = ValidationError(d[0], d[1], d[2], dataPath, schemaPath);
      if (e.sub && !(e.params && e.params.passingSchemas)) {
        err.subErrors = toErrors(e.sub.map(function (x) {
          // tv4 repeats an anyOf branch's "anyOf/i" in its errors' schema paths.
          if (e.keyword !== 'anyOf') return x;
          const n = e.schemaPath.length;
          return Object.assign({}, x, { schemaPath: x.schemaPath.slice(0, n + 1).concat(x.schemaPath.slice(n - 1, n + 1), x.schemaPath.slice(n + 1)) });
        }), data);
      }
      return err;
    });
  }

  function resolveUrl(base, href) {
    href = String(href);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    base = String(base);
    if (href.charAt(0) === '#') return base.replace(/#.*$/, '') + href;
    const m = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)/i.exec(base);
    const scheme = (m && m[1]) || '';
    const auth = (m && m[2]) || '';
    let dir = (m && m[3]) || '';
    if (href.charAt(0) === '/') return scheme + auth + href;
    if (href === '') return base;
    dir = dir.replace(/[^/]*$/, '');
    const parts = (dir + href).split('/');
    const out = [];
    parts.forEach(function (seg, i) {
      if (seg === '..') { if (out.length > 1) out.pop(); } else if (seg !== '.' || i === parts.length - 1) out.push(seg === '.' ? '' : seg);
    });
    return scheme + auth + out.join('/');
  }
  function getDocumentUri(uri) { return String(uri).split('#')[0]; }
  function normSchema(schema, baseUri) {
    if (schema && typeof schema === 'object') {
      if (baseUri === undefined) baseUri = schema.id;
      else if (typeof schema.id === 'string') { baseUri = resolveUrl(baseUri, schema.id); schema.id = baseUri; }
      if (Array.isArray(schema)) {
        schema.forEach(function (s) { normSchema(s, baseUri); });
      } else {
        if (typeof schema.$ref === 'string') schema.$ref = resolveUrl(baseUri, schema.$ref);
        for (const key of Object.keys(schema)) if (key !== 'enum') normSchema(schema[key], baseUri);
      }
    }
    return schema;
  }

  function createApi() {
    const schemas = Object.create(null);
    function lookup(uri) {
      const doc = getDocumentUri(uri);
      const whole = schemas[doc] !== undefined ? schemas[doc] : schemas[uri];
      if (whole === undefined) return undefined;
      const frag = uri.indexOf('#') === -1 ? '' : uri.slice(uri.indexOf('#') + 1);
      if (!frag || frag === '/') return whole;
      if (frag.charAt(0) !== '/') return undefined;
      let cur = whole;
      for (const raw of frag.slice(1).split('/')) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
        cur = cur[key];
      }
      return cur;
    }
    function run(api, data, schema, all) {
      api.missing = [];
      let s = schema;
      if (typeof schema === 'string') {
        s = lookup(schema);
        if (s === undefined) { api.missing = [getDocumentUri(schema)]; api.missing[getDocumentUri(schema)] = getDocumentUri(schema); return { valid: true, errors: [], missing: api.missing }; }
      }
      const records = core.validate(s, data, { allErrors: all, formats: false, draft4: true });
      return { valid: records.length === 0, errors: toErrors(records, data), missing: api.missing };
    }
    const api = {
      error: null, missing: [], valid: true, errorCodes: CODES,
      validate: function (data, schema, checkRecursive, banUnknownProperties) {
        const r = run(api, data, banUnknownProperties === true ? banUnknown(typeof schema === 'string' ? lookup(schema) : schema) : schema, false);
        this.error = r.errors[0] || null;
        this.missing = r.missing;
        this.valid = this.error === null;
        return this.valid;
      },
      validateResult: function () {
        const result = { toString: function () { return this.valid ? 'valid' : this.error.message; } };
        api.validate.apply(result, arguments);
        return result;
      },
      validateMultiple: function (data, schema, checkRecursive, banUnknownProperties) {
        const r = run(api, data, banUnknownProperties === true ? banUnknown(typeof schema === 'string' ? lookup(schema) : schema) : schema, true);
        return { toString: function () { return this.valid ? 'valid' : this.error.message; }, errors: r.errors, missing: r.missing, valid: r.errors.length === 0 };
      },
      addSchema: function (uri, schema) {
        if (typeof uri !== 'string') {
          schema = uri;
          uri = schema && typeof schema.id === 'string' ? schema.id : undefined;
          if (uri === undefined) return false;
        }
        schemas[getDocumentUri(uri)] = schema;
        return true;
      },
      getSchema: function (uri) { return lookup(String(uri)); },
      getSchemaMap: function () {
        const out = {};
        for (const k of Object.keys(schemas)) out[k] = schemas[k];
        return out;
      },
      getSchemaUris: function (re) {
        return Object.keys(schemas).filter(function (k) { return !re || re.test(k); });
      },
      getMissingUris: function (re) {
        return api.missing.filter(function (k) { return !re || re.test(k); });
      },
      dropSchemas: function () { for (const k of Object.keys(schemas)) delete schemas[k]; },
      reset: function () { api.dropSchemas(); this.error = null; this.missing = []; this.valid = true; },
      addFormat: function (name, fn) {
        if (name && typeof name === 'object') { for (const k of Object.keys(name)) api.addFormat(k, name[k]); return; }
        core.FORMATS[name] = { test: function (v) { return !fn(v); } };
      },
      defineKeyword: function () {}, defineError: function () {}, setErrorReporter: function () { return true; },
      language: function (code) { return code ? 'en' : 'en'; }, addLanguage: function () { return this; },
      freshApi: function () { return createApi(); },
      normSchema: normSchema, resolveUrl: resolveUrl, getDocumentUri: getDocumentUri,
    };
    return api;
  }
  // `banUnknownProperties`: a property a schema with `properties` does not list is an error
  // (unless the schema says what additional properties may be).
  function banUnknown(schema) {
    if (schema === null || typeof schema !== 'object') return schema;
    if (Array.isArray(schema)) return schema.map(banUnknown);
    const out = {};
    for (const key of Object.keys(schema)) out[key] = banUnknown(schema[key]);
    if (out.properties && typeof out.properties === 'object' && out.additionalProperties === undefined &&
        out.patternProperties === undefined) {
      out.additionalProperties = false;
    }
    return out;
  }
  const tv4 = createApi();
  tv4.tv4 = tv4;
  return tv4;
})
