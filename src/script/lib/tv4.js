// postie library: `require('tv4')` and the legacy `tv4` global, a standalone tv4 1.3 work-alike
// (draft-04). Written from tv4's documented behaviour and the library differential recordings:
// its keyword order (type/enum, numbers, strings, arrays, objects, combinations, format, custom
// keywords), first-error or collect-all runs, error objects whose paths grow as the error climbs
// out of nested schemas, the schema store (ids, $ref resolution, missing URIs), per-instance
// formats and keywords, and the process-wide error codes and message languages.
(function () {
  'use strict';

  // Error codes and message languages are shared by every instance (`freshApi` included).
  const codes = {
    INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
    NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
    NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
    STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
    OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
    ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501, CIRCULAR_REFERENCE: 600,
    UNKNOWN_PROPERTY: 1000,
  };
  const codeNames = {};
  Object.keys(codes).forEach(function (name) { codeNames[codes[name]] = name; });
  const english = {
    INVALID_TYPE: 'Invalid type: {type} (expected {expected})',
    ENUM_MISMATCH: 'No enum match for: {value}',
    ANY_OF_MISSING: 'Data does not match any schemas from "anyOf"',
    ONE_OF_MISSING: 'Data does not match any schemas from "oneOf"',
    ONE_OF_MULTIPLE: 'Data is valid against more than one schema from "oneOf": indices {index1} and {index2}',
    NOT_PASSED: 'Data matches schema from "not"',
    NUMBER_MULTIPLE_OF: 'Value {value} is not a multiple of {multipleOf}',
    NUMBER_MINIMUM: 'Value {value} is less than minimum {minimum}',
    NUMBER_MINIMUM_EXCLUSIVE: 'Value {value} is equal to exclusive minimum {minimum}',
    NUMBER_MAXIMUM: 'Value {value} is greater than maximum {maximum}',
    NUMBER_MAXIMUM_EXCLUSIVE: 'Value {value} is equal to exclusive maximum {maximum}',
    NUMBER_NOT_A_NUMBER: 'Value {value} is not a valid number',
    STRING_LENGTH_SHORT: 'String is too short ({length} chars), minimum {minimum}',
    STRING_LENGTH_LONG: 'String is too long ({length} chars), maximum {maximum}',
    STRING_PATTERN: 'String does not match pattern: {pattern}',
    OBJECT_PROPERTIES_MINIMUM: 'Too few properties defined ({propertyCount}), minimum {minimum}',
    OBJECT_PROPERTIES_MAXIMUM: 'Too many properties defined ({propertyCount}), maximum {maximum}',
    OBJECT_REQUIRED: 'Missing required property: {key}',
    OBJECT_ADDITIONAL_PROPERTIES: 'Additional properties not allowed',
    OBJECT_DEPENDENCY_KEY: 'Dependency failed - key must exist: {missing} (due to key: {key})',
    ARRAY_LENGTH_SHORT: 'Array is too short ({length}), minimum {minimum}',
    ARRAY_LENGTH_LONG: 'Array is too long ({length}), maximum {maximum}',
    ARRAY_UNIQUE: 'Array items are not unique (indices {match1} and {match2})',
    ARRAY_ADDITIONAL_ITEMS: 'Additional items not allowed',
    FORMAT_CUSTOM: 'Format validation failed ({message})',
    KEYWORD_CUSTOM: 'Keyword failed: {key} ({message})',
    CIRCULAR_REFERENCE: 'Circular $refs: {urls}',
    UNKNOWN_PROPERTY: 'Unknown property (not in schema)',
  };
  const languages = {};

  function escapeStep(step) { return step.replace(/~/g, '~0').replace(/\//g, '~1'); }

  function ValidationError(code, params, dataPath, schemaPath, subErrors) {
    Error.call(this);
    if (code === undefined) throw new Error('No error code supplied: ' + schemaPath);
    this.message = '';
    this.params = params;
    this.code = code;
    this.dataPath = dataPath || '';
    this.schemaPath = schemaPath || '';
    this.subErrors = subErrors || null;
    this.stack = new Error('').stack;
  }
  ValidationError.prototype = Object.create(Error.prototype);
  ValidationError.prototype.constructor = ValidationError;
  ValidationError.prototype.name = 'ValidationError';
  // Put a step in front of the error's paths (and its sub-errors'); null leaves a path alone.
  ValidationError.prototype.prefixWith = function (dataStep, schemaStep) {
    if (dataStep !== null) {
      dataStep = escapeStep(dataStep);
      this.dataPath = '/' + dataStep + this.dataPath;
    }
    if (schemaStep !== null) {
      schemaStep = escapeStep(schemaStep);
      this.schemaPath = '/' + schemaStep + this.schemaPath;
    }
    if (this.subErrors !== null) {
      for (const sub of this.subErrors) sub.prefixWith(dataStep, schemaStep);
    }
    return this;
  };

  function reporterFor(language) {
    const table = languages[language || 'en'];
    return function (error) {
      const template = table[error.code] || english[error.code];
      if (typeof template !== 'string') return 'Unknown error code ' + error.code + ': ' + JSON.stringify(error.messageParams);
      const params = error.params;
      return template.replace(/\{([^{}]*)\}/g, function (all, name) {
        const v = params[name];
        return typeof v === 'string' || typeof v === 'number' ? v : all;
      });
    };
  }

  // tv4's deep equality: own and inherited enumerable keys, undefined-valued keys ignored.
  function same(a, b) {
    if (a === b) return true;
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    let k;
    for (k in a) if (b[k] === undefined && a[k] !== undefined) return false;
    for (k in b) if (a[k] === undefined && b[k] !== undefined) return false;
    for (k in a) if (!same(a[k], b[k])) return false;
    return true;
  }

  // URLs (RFC 3986 reference resolution) ------------------------------------------------------
  function splitUrl(url) {
    const m = String(url).trim().match(/^([^:/?#]+:)?(\/\/(?:[^:@]*(?::[^:@]*)?@)?(([^:/?#]*)(?::(\d*))?))?([^?#]*)(\?[^#]*)?(#[\s\S]*)?/);
    return m ? { scheme: m[1] || '', authority: m[2] || '', path: m[6] || '', query: m[7] || '', fragment: m[8] || '' } : null;
  }
  function dropDots(path) {
    const out = [];
    const trimmed = path.replace(/^(\.\.?(\/|$))+/, '').replace(/\/(\.(\/|$))+/g, '/').replace(/\/\.\.$/, '/../');
    const segments = trimmed.match(/\/?[^/]*/g) || [];
    for (const seg of segments) {
      if (seg === '/..') out.pop();
      else out.push(seg);
    }
    return out.join('').replace(/^\//, path.charAt(0) === '/' ? '/' : '');
  }
  function resolveUrl(base, href) {
    const h = splitUrl(href || '');
    const b = splitUrl(base || '');
    if (!h || !b) return null;
    let path;
    if (h.scheme || h.authority || h.path.charAt(0) === '/') path = h.path;
    else if (h.path) path = (b.authority && !b.path ? '/' : '') + b.path.slice(0, b.path.lastIndexOf('/') + 1) + h.path;
    else path = b.path;
    return (h.scheme || b.scheme) + (h.scheme || h.authority ? h.authority : b.authority) + dropDots(path) +
      (h.scheme || h.authority || h.path ? h.query : (h.query || b.query)) + h.fragment;
  }
  function getDocumentUri(uri) { return uri.split('#')[0]; }
  // Resolve every `id` and `$ref` in place against the base URI (ids re-base their subtree).
  function normSchema(schema, baseUri) {
    if (!schema || typeof schema !== 'object') return;
    if (baseUri === undefined) {
      baseUri = schema.id;
    } else if (typeof schema.id === 'string') {
      baseUri = resolveUrl(baseUri, schema.id);
      schema.id = baseUri;
    }
    if (Array.isArray(schema)) {
      for (const s of schema) normSchema(s, baseUri);
      return;
    }
    if (typeof schema.$ref === 'string') schema.$ref = resolveUrl(baseUri, schema.$ref);
    for (const key in schema) if (key !== 'enum') normSchema(schema[key], baseUri);
  }
  // An id inside a schema added at `base` is registered when it stays within that document.
  function trusted(base, url) {
    if (url.substring(0, base.length) !== base) return false;
    const rest = url.substring(base.length);
    return (url.length > 0 && url.charAt(base.length - 1) === '/') || rest.charAt(0) === '#' || rest.charAt(0) === '?';
  }

  // A validation context: the instance's store, or one run (which inherits the store, formats
  // and keywords of its instance).
  function Context(parent, collect, reporter, checkRecursive, trackUnknown) {
    this.missing = [];
    this.missingMap = {};
    this.formats = parent ? Object.create(parent.formats) : {};
    this.schemas = parent ? Object.create(parent.schemas) : {};
    this.collect = collect;
    this.errors = [];
    this.recursive = checkRecursive ? new Map() : null;
    if (trackUnknown) {
      this.known = {};
      this.unknown = {};
    }
    this.reporter = reporter || reporterFor('en');
    this.keywords = {};
    if (parent) for (const k in parent.keywords) this.keywords[k] = parent.keywords[k].slice(0);
  }
  const C = Context.prototype;
  C.error = function (code, params, dataPath, schemaPath, subErrors, data, schema) {
    const e = new ValidationError(code, params, dataPath, schemaPath, subErrors);
    e.message = this.reporter(e, data, schema);
    return e;
  };
  // First-error runs hand the error back (stopping); collecting runs keep it and go on.
  C.report = function (e) {
    if (!this.collect) return e;
    if (e) this.errors.push(e);
    return null;
  };
  C.addFormat = function (name, fn) {
    if (typeof name === 'object') {
      for (const k in name) this.addFormat(k, name[k]);
      return this;
    }
    this.formats[name] = fn;
  };
  C.follow = function (schema, seen) {
    if (schema.$ref === undefined) return schema;
    seen = seen || {};
    if (seen[schema.$ref]) return this.error(codes.CIRCULAR_REFERENCE, { urls: Object.keys(seen).join(', ') }, '', '', null, undefined, schema);
    seen[schema.$ref] = true;
    return this.getSchema(schema.$ref, seen);
  };
  C.getSchema = function (url, seen) {
    if (this.schemas[url] !== undefined) return this.follow(this.schemas[url], seen);
    const hash = url.indexOf('#');
    const doc = hash === -1 ? url : url.substring(0, hash);
    const fragment = hash === -1 ? '' : url.substring(hash + 1);
    if (typeof this.schemas[doc] === 'object') {
      let node = this.schemas[doc];
      const pointer = decodeURIComponent(fragment);
      if (pointer === '') return this.follow(node, seen);
      if (pointer.charAt(0) !== '/') return undefined;
      for (const raw of pointer.split('/').slice(1)) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (node[key] === undefined) {
          node = undefined;
          break;
        }
        node = node[key];
      }
      if (node !== undefined) return this.follow(node, seen);
    }
    if (this.missing[doc] === undefined) {
      this.missing.push(doc);
      this.missing[doc] = doc;
      this.missingMap[doc] = doc;
    }
    return undefined;
  };
  C.scan = function (schema, url) {
    if (Array.isArray(schema)) {
      for (const s of schema) this.scan(s, url);
      return;
    }
    if (!schema || typeof schema !== 'object') return;
    if (typeof schema.id === 'string' && trusted(url, schema.id) && this.schemas[schema.id] === undefined) {
      this.schemas[schema.id] = schema;
    }
    for (const key in schema) {
      if (key === 'enum') continue;
      if (typeof schema[key] === 'object') {
        this.scan(schema[key], url);
      } else if (key === '$ref') {
        const doc = getDocumentUri(schema[key]);
        if (doc && this.schemas[doc] === undefined && this.missingMap[doc] === undefined) this.missingMap[doc] = doc;
      }
    }
  };
  C.addSchema = function (url, schema) {
    if (typeof url !== 'string' || schema === undefined) {
      if (typeof url !== 'object' || typeof url.id !== 'string') return;
      schema = url;
      url = schema.id;
    }
    if (url === getDocumentUri(url) + '#') url = getDocumentUri(url);
    this.schemas[url] = schema;
    delete this.missingMap[url];
    normSchema(schema, url);
    this.scan(schema, url);
  };
  C.reset = function () {
    this.missing = [];
    this.missingMap = {};
    this.errors = [];
  };

  // Validate `data` against `schema`; the steps name where both sit in their parents, and are
  // put in front of every error raised below.
  C.run = function (data, schema, dataSteps, schemaSteps, pointer) {
    schema = this.follow(schema);
    if (!schema) return null;
    if (schema instanceof ValidationError) {
      this.errors.push(schema);
      return schema;
    }
    const start = this.errors.length;
    let memo = null;
    if (this.recursive && data && typeof data === 'object') {
      let seen = this.recursive.get(data);
      if (!seen) this.recursive.set(data, seen = []);
      const hit = seen.find(function (x) { return x.schema === schema; });
      if (hit) {
        this.errors = this.errors.concat(hit.errors);
        return null;
      }
      memo = { schema: schema, errors: [] };
      seen.push(memo);
    }
    let error = null;
    for (const check of CHECKS) {
      error = check.call(this, data, schema, pointer);
      if (error) break;
    }
    error = error || null;
    if (error || start !== this.errors.length) {
      const ds = dataSteps ? dataSteps.slice() : [];
      const ss = schemaSteps ? schemaSteps.slice() : [];
      while (ds.length || ss.length) {
        const d = ds.length ? '' + ds.pop() : null;
        const s = ss.length ? '' + ss.pop() : null;
        if (error) error.prefixWith(d, s);
        for (let i = start; i < this.errors.length; i++) this.errors[i] = this.errors[i].prefixWith(d, s);
      }
    }
    if (memo) memo.errors = this.errors.slice(start);
    return this.report(error);
  };

  function typeName(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    return typeof v;
  }
  const CLOSE_LOW = Math.pow(2, -51);
  const CLOSE_HIGH = 1 - CLOSE_LOW;

  // Run `fn` over each branch with fresh known/unknown property maps; a passing branch's maps
  // merge back into the outer ones.
  function tracked(ctx) {
    if (!ctx.known) return null;
    return { known: ctx.known, unknown: ctx.unknown };
  }
  function isolate(ctx, outer) {
    if (!outer) return;
    ctx.known = {};
    ctx.unknown = {};
  }
  function merge(ctx, outer) {
    if (!outer) return;
    for (const k in ctx.known) {
      outer.known[k] = true;
      delete outer.unknown[k];
    }
    for (const k in ctx.unknown) if (!outer.known[k]) outer.unknown[k] = true;
  }
  function restore(ctx, outer) {
    if (!outer) return;
    ctx.known = outer.known;
    ctx.unknown = outer.unknown;
  }
  function markKnown(ctx, path) {
    if (!ctx.known) return;
    ctx.known[path] = true;
    delete ctx.unknown[path];
  }

  const CHECKS = [
    // type and enum (an enum mismatch is reported at "/type", as tv4 does)
    function (data, schema) {
      if (schema.type !== undefined) {
        const actual = typeName(data);
        const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
        const ok = allowed.some(function (t) { return t === actual || (t === 'integer' && actual === 'number' && data % 1 === 0); });
        if (!ok) return this.error(codes.INVALID_TYPE, { type: actual, expected: allowed.join('/') }, '', '', null, data, schema).prefixWith(null, 'type');
      }
      if (schema.enum !== undefined) {
        for (let i = 0; i < schema.enum.length; i++) if (same(data, schema.enum[i])) return null;
        return this.error(codes.ENUM_MISMATCH, { value: JSON.stringify(data) }, '', '', null, data, schema).prefixWith(null, 'type');
      }
      return null;
    },
    // numbers
    function (data, schema) {
      const step = schema.multipleOf || schema.divisibleBy;
      if (step !== undefined && typeof data === 'number') {
        const rest = (data / step) % 1;
        if (rest >= CLOSE_LOW && rest < CLOSE_HIGH) return this.error(codes.NUMBER_MULTIPLE_OF, { value: data, multipleOf: step }, '', '', null, data, schema);
      }
      if (typeof data !== 'number') return null;
      if (schema.minimum !== undefined) {
        if (data < schema.minimum) return this.error(codes.NUMBER_MINIMUM, { value: data, minimum: schema.minimum }, '', '/minimum', null, data, schema);
        if (schema.exclusiveMinimum && data === schema.minimum) return this.error(codes.NUMBER_MINIMUM_EXCLUSIVE, { value: data, minimum: schema.minimum }, '', '/exclusiveMinimum', null, data, schema);
      }
      if (schema.maximum !== undefined) {
        if (data > schema.maximum) return this.error(codes.NUMBER_MAXIMUM, { value: data, maximum: schema.maximum }, '', '/maximum', null, data, schema);
        if (schema.exclusiveMaximum && data === schema.maximum) return this.error(codes.NUMBER_MAXIMUM_EXCLUSIVE, { value: data, maximum: schema.maximum }, '', '/exclusiveMaximum', null, data, schema);
      }
      if (isNaN(data) || data === Infinity || data === -Infinity) return this.error(codes.NUMBER_NOT_A_NUMBER, { value: data }, '', '/type', null, data, schema);
      return null;
    },
    // strings
    function (data, schema) {
      if (typeof data !== 'string') return null;
      if (schema.minLength !== undefined && data.length < schema.minLength) {
        return this.error(codes.STRING_LENGTH_SHORT, { length: data.length, minimum: schema.minLength }, '', '/minLength', null, data, schema);
      }
      if (schema.maxLength !== undefined && data.length > schema.maxLength) {
        return this.error(codes.STRING_LENGTH_LONG, { length: data.length, maximum: schema.maxLength }, '', '/maxLength', null, data, schema);
      }
      const pattern = schema.pattern;
      if (typeof pattern !== 'string' && !(pattern instanceof RegExp)) return null;
      let re = pattern;
      if (typeof pattern === 'string') {
        const literal = pattern.match(/^\/(.+)\/([img]*)$/);
        re = literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern, '');
      }
      if (!re.test(data)) return this.error(codes.STRING_PATTERN, { pattern: pattern }, '', '/pattern', null, data, schema);
      return null;
    },
    // arrays
    function (data, schema, pointer) {
      if (!Array.isArray(data)) return null;
      let e;
      if (schema.minItems !== undefined && data.length < schema.minItems &&
          (e = this.report(this.error(codes.ARRAY_LENGTH_SHORT, { length: data.length, minimum: schema.minItems }, '', '/minItems', null, data, schema)))) return e;
      if (schema.maxItems !== undefined && data.length > schema.maxItems &&
          (e = this.report(this.error(codes.ARRAY_LENGTH_LONG, { length: data.length, maximum: schema.maxItems }, '', '/maxItems', null, data, schema)))) return e;
      if (schema.uniqueItems) {
        for (let i = 0; i < data.length; i++) {
          for (let j = i + 1; j < data.length; j++) {
            if (same(data[i], data[j]) &&
                (e = this.report(this.error(codes.ARRAY_UNIQUE, { match1: i, match2: j }, '', '/uniqueItems', null, data, schema)))) return e;
          }
        }
      }
      const items = schema.items;
      if (items === undefined) return null;
      for (let i = 0; i < data.length; i++) {
        const at = pointer + '/' + i;
        if (!Array.isArray(items)) {
          if ((e = this.run(data[i], items, [i], ['items'], at))) return e;
        } else if (i < items.length) {
          if ((e = this.run(data[i], items[i], [i], ['items', i], at))) return e;
        } else if (schema.additionalItems !== undefined) {
          if (typeof schema.additionalItems === 'boolean') {
            if (!schema.additionalItems &&
                (e = this.report(this.error(codes.ARRAY_ADDITIONAL_ITEMS, {}, '/' + i, '/additionalItems', null, data, schema)))) return e;
          } else if ((e = this.run(data[i], schema.additionalItems, [i], ['additionalItems'], at))) {
            return e;
          }
        }
      }
      return null;
    },
    // objects
    function (data, schema, pointer) {
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
      let e;
      const count = Object.keys(data).length;
      if (schema.minProperties !== undefined && count < schema.minProperties &&
          (e = this.report(this.error(codes.OBJECT_PROPERTIES_MINIMUM, { propertyCount: count, minimum: schema.minProperties }, '', '/minProperties', null, data, schema)))) return e;
      if (schema.maxProperties !== undefined && count > schema.maxProperties &&
          (e = this.report(this.error(codes.OBJECT_PROPERTIES_MAXIMUM, { propertyCount: count, maximum: schema.maxProperties }, '', '/maxProperties', null, data, schema)))) return e;
      if (schema.required !== undefined) {
        for (let i = 0; i < schema.required.length; i++) {
          const key = schema.required[i];
          if (data[key] === undefined &&
              (e = this.report(this.error(codes.OBJECT_REQUIRED, { key: key }, '', '/required/' + i, null, data, schema)))) return e;
        }
      }
      for (const key in data) {
        const at = pointer + '/' + escapeStep(key);
        let matched = false;
        if (schema.properties !== undefined && schema.properties[key] !== undefined) {
          matched = true;
          if ((e = this.run(data[key], schema.properties[key], [key], ['properties', key], at))) return e;
        }
        if (schema.patternProperties !== undefined) {
          for (const pattern in schema.patternProperties) {
            if (!new RegExp(pattern).test(key)) continue;
            matched = true;
            if ((e = this.run(data[key], schema.patternProperties[pattern], [key], ['patternProperties', pattern], at))) return e;
          }
        }
        if (matched) {
          markKnown(this, at);
        } else if (schema.additionalProperties !== undefined) {
          markKnown(this, at);
          if (typeof schema.additionalProperties === 'boolean') {
            if (!schema.additionalProperties &&
                (e = this.report(this.error(codes.OBJECT_ADDITIONAL_PROPERTIES, { key: key }, '', '/additionalProperties', null, data, schema).prefixWith(key, null)))) return e;
          } else if ((e = this.run(data[key], schema.additionalProperties, [key], ['additionalProperties'], at))) {
            return e;
          }
        } else if (this.known && !this.known[at]) {
          this.unknown[at] = true;
        }
      }
      if (schema.dependencies !== undefined) {
        for (const key in schema.dependencies) {
          if (data[key] === undefined) continue;
          const dep = schema.dependencies[key];
          if (typeof dep === 'string' || Array.isArray(dep)) {
            const list = typeof dep === 'string' ? [dep] : dep;
            for (let i = 0; i < list.length; i++) {
              if (data[list[i]] !== undefined) continue;
              const err = this.error(codes.OBJECT_DEPENDENCY_KEY, { key: key, missing: list[i] }, '', typeof dep === 'string' ? '' : '/' + i, null, data, schema)
                .prefixWith(null, key).prefixWith(null, 'dependencies');
              if ((e = this.report(err))) return e;
            }
          } else if ((e = this.run(data, dep, [], ['dependencies', key], pointer))) {
            return e;
          }
        }
      }
      return null;
    },
    // allOf
    function (data, schema, pointer) {
      if (schema.allOf === undefined) return null;
      let e;
      for (let i = 0; i < schema.allOf.length; i++) if ((e = this.run(data, schema.allOf[i], [], ['allOf', i], pointer))) return e;
      return null;
    },
    // anyOf: the failing branches' errors become the error's sub-errors (a first-error run puts
    // the branch's steps in front of its error a second time, as tv4 does)
    function (data, schema, pointer) {
      if (schema.anyOf === undefined) return null;
      const subs = [];
      const start = this.errors.length;
      const outer = tracked(this);
      let failed = true;
      for (let i = 0; i < schema.anyOf.length; i++) {
        isolate(this, outer);
        const before = this.errors.length;
        const e = this.run(data, schema.anyOf[i], [], ['anyOf', i], pointer);
        if (e === null && before === this.errors.length) {
          this.errors = this.errors.slice(0, start);
          if (!outer) return null;
          merge(this, outer);
          failed = false;
          continue;
        }
        if (e) subs.push(e.prefixWith(null, '' + i).prefixWith(null, 'anyOf'));
      }
      restore(this, outer);
      if (!failed) return undefined;
      const all = subs.concat(this.errors.slice(start));
      this.errors = this.errors.slice(0, start);
      return this.error(codes.ANY_OF_MISSING, {}, '', '/anyOf', all, data, schema);
    },
    // oneOf
    function (data, schema, pointer) {
      if (schema.oneOf === undefined) return null;
      let passed = null;
      const subs = [];
      const start = this.errors.length;
      const outer = tracked(this);
      for (let i = 0; i < schema.oneOf.length; i++) {
        isolate(this, outer);
        const before = this.errors.length;
        const e = this.run(data, schema.oneOf[i], [], ['oneOf', i], pointer);
        if (e === null && before === this.errors.length) {
          if (passed !== null) {
            this.errors = this.errors.slice(0, start);
            return this.error(codes.ONE_OF_MULTIPLE, { index1: passed, index2: i }, '', '/oneOf', null, data, schema);
          }
          passed = i;
          merge(this, outer);
        } else if (e) {
          subs.push(e);
        }
      }
      restore(this, outer);
      if (passed === null) {
        const all = subs.concat(this.errors.slice(start));
        this.errors = this.errors.slice(0, start);
        return this.error(codes.ONE_OF_MISSING, {}, '', '/oneOf', all, data, schema);
      }
      this.errors = this.errors.slice(0, start);
      return null;
    },
    // not
    function (data, schema, pointer) {
      if (schema.not === undefined) return null;
      const start = this.errors.length;
      const outer = tracked(this);
      isolate(this, outer);
      const e = this.run(data, schema.not, null, null, pointer);
      const inner = this.errors.slice(start);
      this.errors = this.errors.slice(0, start);
      restore(this, outer);
      if (e === null && inner.length === 0) return this.error(codes.NOT_PASSED, {}, '', '/not', null, data, schema);
      return null;
    },
    // format: the instance's validators (tv4 has none built in); a string or number they return
    // is the failure's message
    function (data, schema) {
      if (typeof schema.format !== 'string' || !this.formats[schema.format]) return null;
      const r = this.formats[schema.format].call(null, data, schema);
      if (typeof r === 'string' || typeof r === 'number') return this.error(codes.FORMAT_CUSTOM, { message: r }, '', '/format', null, data, schema);
      if (r && typeof r === 'object') return this.error(codes.FORMAT_CUSTOM, { message: r.message || '?' }, r.dataPath || '', r.schemaPath || '/format', null, data, schema);
      return null;
    },
    // keywords from defineKeyword
    function (data, schema, pointer) {
      for (const key in this.keywords) {
        if (schema[key] === undefined) continue;
        for (const fn of this.keywords[key]) {
          const r = fn(data, schema[key], schema, pointer);
          if (typeof r === 'string' || typeof r === 'number') {
            return this.error(codes.KEYWORD_CUSTOM, { key: key, message: r }, '', '', null, data, schema).prefixWith(null, key);
          }
          if (r && typeof r === 'object') {
            let code = r.code;
            if (typeof code === 'string') {
              if (!codes[code]) throw new Error('Undefined error code (use defineError): ' + code);
              code = codes[code];
            } else if (typeof code !== 'number') {
              code = codes.KEYWORD_CUSTOM;
            }
            const params = typeof r.message === 'object' ? r.message : { key: key, message: r.message || '?' };
            return this.error(code, params, r.dataPath || null, r.schemaPath || '/' + escapeStep(key), null, data, schema);
          }
        }
      }
      return null;
    },
  ];

  C.banUnknown = function (data, schema) {
    for (const path in this.unknown) {
      const e = this.report(this.error(codes.UNKNOWN_PROPERTY, { path: path }, path, '', null, data, schema));
      if (e) return e;
    }
    return null;
  };

  function resultObject() {
    return { toString: function () { return this.valid ? 'valid' : this.error.message; } };
  }

  function createApi(language) {
    const store = new Context();
    let current;
    let custom;
    function reporter() {
      const base = reporterFor(current);
      return custom ? function (e, data, schema) { return custom(e, data, schema) || base(e, data, schema); } : base;
    }
    function start(data, schema, collect, checkRecursive, banUnknownProperties) {
      const ctx = new Context(store, collect, reporter(), checkRecursive, banUnknownProperties);
      if (typeof schema === 'string') schema = { $ref: schema };
      ctx.addSchema('', schema);
      return { ctx: ctx, schema: schema };
    }
    const api = {
      setErrorReporter: function (r) {
        if (typeof r === 'string') return this.language(r);
        custom = r;
        return true;
      },
      addFormat: function () { store.addFormat.apply(store, arguments); },
      language: function (code) {
        if (!code) return current;
        if (!languages[code]) code = code.split('-')[0];
        if (!languages[code]) return false;
        current = code;
        return code;
      },
      addLanguage: function (code, messages) {
        for (const name in codes) if (messages[name] && !messages[codes[name]]) messages[codes[name]] = messages[name];
        const root = code.split('-')[0];
        if (!languages[root]) {
          languages[code] = messages;
          languages[root] = messages;
        } else {
          languages[code] = Object.create(languages[root]);
          for (const k in messages) {
            if (typeof languages[root][k] === 'undefined') languages[root][k] = messages[k];
            languages[code][k] = messages[k];
          }
        }
        return this;
      },
      freshApi: function (lang) {
        const fresh = createApi();
        if (lang) fresh.language(lang);
        return fresh;
      },
      validate: function (data, schema, checkRecursive, banUnknownProperties) {
        const s = start(data, schema, false, checkRecursive, banUnknownProperties);
        let error = s.ctx.run(data, s.schema, null, null, '');
        if (!error && banUnknownProperties) error = s.ctx.banUnknown(data, s.schema);
        this.error = error;
        this.missing = s.ctx.missing;
        this.valid = error === null;
        return this.valid;
      },
      validateResult: function () {
        const result = resultObject();
        this.validate.apply(result, arguments);
        return result;
      },
      validateMultiple: function (data, schema, checkRecursive, banUnknownProperties) {
        const s = start(data, schema, true, checkRecursive, banUnknownProperties);
        s.ctx.run(data, s.schema, null, null, '');
        if (banUnknownProperties) s.ctx.banUnknown(data, s.schema);
        const result = resultObject();
        result.errors = s.ctx.errors;
        result.missing = s.ctx.missing;
        result.valid = result.errors.length === 0;
        return result;
      },
      addSchema: function () { return store.addSchema.apply(store, arguments); },
      getSchema: function () { return store.getSchema.apply(store, arguments); },
      getSchemaMap: function () {
        const map = {};
        for (const k in store.schemas) map[k] = store.schemas[k];
        return map;
      },
      getSchemaUris: function (filter) {
        const out = [];
        for (const k in store.schemas) if (!filter || filter.test(k)) out.push(k);
        return out;
      },
      getMissingUris: function (filter) {
        const out = [];
        for (const k in store.missingMap) if (!filter || filter.test(k)) out.push(k);
        return out;
      },
      dropSchemas: function () {
        store.schemas = {};
        store.reset();
      },
      defineKeyword: function (keyword, fn) {
        store.keywords[keyword] = store.keywords[keyword] || [];
        store.keywords[keyword].push(fn);
      },
      defineError: function (name, number, message) {
        if (typeof name !== 'string' || !/^[A-Z]+(_[A-Z]+)*$/.test(name)) throw new Error('Code name must be a string in UPPER_CASE_WITH_UNDERSCORES');
        if (typeof number !== 'number' || number % 1 !== 0 || number < 10000) throw new Error('Code number must be an integer > 10000');
        if (typeof codes[name] !== 'undefined') throw new Error('Error already defined: ' + name + ' as ' + codes[name]);
        if (typeof codeNames[number] !== 'undefined') throw new Error('Error code already used: ' + codeNames[number] + ' as ' + number);
        codes[name] = number;
        codeNames[number] = name;
        english[name] = english[number] = message;
        for (const code in languages) {
          const table = languages[code];
          if (table[name]) table[number] = table[number] || table[name];
        }
      },
      reset: function () {
        store.reset();
        this.error = null;
        this.missing = [];
        this.valid = true;
      },
      missing: [],
      error: null,
      valid: true,
      normSchema: normSchema,
      resolveUrl: resolveUrl,
      getDocumentUri: getDocumentUri,
      errorCodes: codes,
    };
    api.language(language || 'en');
    return api;
  }

  const tv4 = createApi();
  tv4.addLanguage('en-gb', english);
  tv4.tv4 = tv4;
  return tv4;
})
