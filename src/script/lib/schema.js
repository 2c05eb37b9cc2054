// postie library: the one JSON-schema validator behind `ajv`, `tv4` and chai-postman's
// `jsonSchema` assertion (draft-04/06/07 keywords). Errors are neutral records
// `{keyword, path: [keys], schemaPath: [keys], params}`; each front end words them its own way.
(function (P, lib) {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;

  function typeOf(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
  }
  function hasType(v, type) {
    const t = typeOf(v);
    if (type === 'number') return t === 'number' || t === 'integer';
    if (type === 'any') return true;
    return t === type;
  }
  function equal(a, b) { return P.deepEqual(a, b); }
  // A schema with at least one keyword a validator acts on (Ajv's `schemaHasRules`); `false`
  // counts, `true` and `{}` do not.
  function hasRules(schema) {
    if (schema === false) return true;
    if (!schema || typeof schema !== 'object') return false;
    return Object.keys(schema).some(function (k) { return RULE_KEYWORDS.indexOf(k) !== -1; });
  }
  const RULE_KEYWORDS = ('type enum const not anyOf oneOf allOf if then else $ref format multipleOf maximum minimum ' +
    'exclusiveMaximum exclusiveMinimum maxLength minLength pattern items additionalItems maxItems minItems ' +
    'uniqueItems contains maxProperties minProperties required properties patternProperties ' +
    'additionalProperties dependencies propertyNames').split(' ');

  const FORMATS = {
    'date-time': /^\d{4}-[01]\d-[0-3]\d[tT ][0-2]\d:[0-5]\d:[0-6]\d(?:\.\d+)?(?:[zZ]|[+-][0-2]\d(?::?[0-5]\d)?)$/,
    date: /^\d{4}-[01]\d-[0-3]\d$/,
    time: /^[0-2]\d:[0-5]\d:[0-6]\d(?:\.\d+)?(?:[zZ]|[+-][0-2]\d(?::?[0-5]\d)?)?$/,
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$/,
    ipv6: /^(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){0,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)$/i,
    uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
    'uri-reference': /^[^\s]*$/,
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    regex: { test: function (s) { try { new RegExp(s, 'u'); return true; } catch (e) { return false; } } },
    'json-pointer': /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    'relative-json-pointer': /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
  };

  // Resolve a local `$ref` ("#", "#/definitions/x", "#foo" ids) against the root schema.
  function resolveRef(root, ref) {
    if (ref === '#' || ref === '') return root;
    if (ref.charAt(0) !== '#') {
      const local = findId(root, ref);
      if (local) return local;
      throw new Error("can't resolve reference " + ref + ' from id #');
    }
    if (ref.charAt(1) !== '/') {
      const byId = findId(root, ref);
      if (byId) return byId;
      throw new Error("can't resolve reference " + ref + ' from id #');
    }
    let cur = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (cur === null || typeof cur !== 'object' || !hasOwn.call(cur, key)) {
        throw new Error("can't resolve reference " + ref + ' from id #');
      }
      cur = cur[key];
    }
    return cur;
  }
  function findId(schema, id) {
    if (schema === null || typeof schema !== 'object') return null;
    if (schema.$id === id || schema.id === id) return schema;
    for (const k of Object.keys(schema)) {
      const found = findId(schema[k], id);
      if (found) return found;
    }
    return null;
  }

  // Validate `data` against `schema`; returns the error records ([] when valid).
  // options: allErrors (default false), formats (true: check known formats), draft4 (tv4 rules).
  function validate(schema, data, options) {
    const opts = options || {};
    const root = schema;
    const errors = [];
    function fail(keyword, path, schemaPath, params, extra) {
      const e = { keyword: keyword, path: path.slice(), schemaPath: schemaPath.slice(), params: params };
      if (extra) Object.assign(e, extra);
      errors.push(e);
      return !opts.allErrors;
    }
    function sub(s, v, path, schemaPath) {
      const mark = errors.length;
      walk(s, v, path, schemaPath);
      return errors.length === mark;
    }
    // Returns true when validation should stop (first error without allErrors).
    function walk(s, v, path, sp) {
      if (s === true || s === undefined) return false;
      if (s === false) return fail('false schema', path, opts.draft4 ? sp : sp.concat('false schema'), {});
      if (s === null || typeof s !== 'object') return false;
      if (typeof s.$ref === 'string') {
        const target = resolveRef(root, s.$ref);
        return walk(target, v, path, sp.concat('$ref'));
      }
      const mark = errors.length;
      const stop = function () { return !opts.allErrors && errors.length > mark; };
      if (s.type !== undefined) {
        const types = [].concat(s.type);
        if (!types.some(function (t) { return hasType(v, t); })) {
          if (fail('type', path, sp.concat('type'), { type: types.join(',') })) return true;
        }
      }
      const t = typeOf(v);
      if (t === 'number' || t === 'integer') {
        const exMax = s.exclusiveMaximum;
        const exMin = s.exclusiveMinimum;
        if (typeof s.maximum === 'number') {
          const exclusive = exMax === true;
          if (exclusive ? v >= s.maximum : v > s.maximum) {
            if (fail(exclusive ? 'exclusiveMaximum' : 'maximum', path, sp.concat('maximum'), { comparison: exclusive ? '<' : '<=', limit: s.maximum, exclusive: exclusive })) return true;
          }
        }
        if (typeof exMax === 'number' && !opts.draft4 && v >= exMax) {
          if (fail('exclusiveMaximum', path, sp.concat('exclusiveMaximum'), { comparison: '<', limit: exMax, exclusive: true })) return true;
        }
        if (typeof s.minimum === 'number') {
          const exclusive = exMin === true;
          if (exclusive ? v <= s.minimum : v < s.minimum) {
            if (fail(exclusive ? 'exclusiveMinimum' : 'minimum', path, sp.concat('minimum'), { comparison: exclusive ? '>' : '>=', limit: s.minimum, exclusive: exclusive })) return true;
          }
        }
        if (typeof exMin === 'number' && !opts.draft4 && v <= exMin) {
          if (fail('exclusiveMinimum', path, sp.concat('exclusiveMinimum'), { comparison: '>', limit: exMin, exclusive: true })) return true;
        }
        const multipleOf = typeof s.multipleOf === 'number' ? s.multipleOf : opts.draft4 && typeof s.divisibleBy === 'number' ? s.divisibleBy : undefined;
        if (multipleOf !== undefined) {
          const q = v / multipleOf;
          if (Math.abs(q - Math.round(q)) > 1e-9) {
            if (fail('multipleOf', path, sp.concat('multipleOf'), { multipleOf: multipleOf })) return true;
          }
        }
      }
      if (t === 'string') {
        const length = Array.from(v).length;
        if (typeof s.maxLength === 'number' && length > s.maxLength) {
          if (fail('maxLength', path, sp.concat('maxLength'), { limit: s.maxLength, length: length })) return true;
        }
        if (typeof s.minLength === 'number' && length < s.minLength) {
          if (fail('minLength', path, sp.concat('minLength'), { limit: s.minLength, length: length })) return true;
        }
        if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) {
          if (fail('pattern', path, sp.concat('pattern'), { pattern: s.pattern })) return true;
        }
        if (opts.formats && typeof s.format === 'string' && hasOwn.call(FORMATS, s.format) && !FORMATS[s.format].test(v)) {
          if (fail('format', path, sp.concat('format'), { format: s.format })) return true;
        }
      }
      if (t === 'array') {
        if (typeof s.maxItems === 'number' && v.length > s.maxItems) {
          if (fail('maxItems', path, sp.concat('maxItems'), { limit: s.maxItems, length: v.length })) return true;
        }
        if (typeof s.minItems === 'number' && v.length < s.minItems) {
          if (fail('minItems', path, sp.concat('minItems'), { limit: s.minItems, length: v.length })) return true;
        }
        if (Array.isArray(s.items)) {
          for (let i = 0; i < v.length && i < s.items.length; i++) {
            if (walk(s.items[i], v[i], path.concat(i), sp.concat('items', i))) return true;
          }
          if (s.additionalItems !== undefined && v.length > s.items.length) {
            if (s.additionalItems === false) {
              if (fail('additionalItems', path, sp.concat('additionalItems'), { limit: s.items.length })) return true;
            } else {
              for (let i = s.items.length; i < v.length; i++) {
                if (walk(s.additionalItems, v[i], path.concat(i), sp.concat('additionalItems'))) return true;
              }
            }
          }
        } else if (s.items !== undefined) {
          for (let i = 0; i < v.length; i++) {
            if (walk(s.items, v[i], path.concat(i), sp.concat('items'))) return true;
          }
        }
        if (s.contains !== undefined && !opts.draft4) {
          const at = errors.length;
          const ok = v.some(function (item, i) { return sub(s.contains, item, path.concat(i), sp.concat('contains')); });
          errors.length = ok ? at : errors.length;
          if (!ok && fail('contains', path, sp.concat('contains'), {})) return true;
        }
        if (s.uniqueItems === true) {
          outer: for (let i = v.length - 1; i > 0; i--) {
            for (let j = i - 1; j >= 0; j--) {
              if (equal(v[i], v[j])) {
                if (fail('uniqueItems', path, sp.concat('uniqueItems'), { i: i, j: j })) return true;
                break outer;
              }
            }
          }
        }
      }
      if (t === 'object') {
        const keys = Object.keys(v);
        if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
          if (fail('maxProperties', path, sp.concat('maxProperties'), { limit: s.maxProperties, count: keys.length })) return true;
        }
        if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
          if (fail('minProperties', path, sp.concat('minProperties'), { limit: s.minProperties, count: keys.length })) return true;
        }
        const props = s.properties && typeof s.properties === 'object' ? s.properties : {};
        // Ajv checks a required property that has a schema of its own among `properties`, in
        // their order (after additional properties); tv4 checks every required one here.
        const inProperties = function (key) { return !opts.draft4 && hasRules(props[key]); };
        if (Array.isArray(s.required)) {
          for (let index = 0; index < s.required.length; index++) {
            const key = s.required[index];
            if (!hasOwn.call(v, key) && !inProperties(key)) {
              if (fail('required', path, sp.concat('required'), opts.draft4 ? { missingProperty: key, index: index } : { missingProperty: key })) return true;
            }
          }
        }
        if (s.dependencies && typeof s.dependencies === 'object') {
          for (const key of Object.keys(s.dependencies)) {
            if (!hasOwn.call(v, key)) continue;
            const dep = s.dependencies[key];
            if (Array.isArray(dep)) {
              for (const need of dep) {
                if (!hasOwn.call(v, need)) {
                  if (fail('dependencies', path, sp.concat('dependencies', key), { property: key, missingProperty: need, deps: dep.join(', '), depsCount: dep.length })) return true;
                }
              }
            } else if (walk(dep, v, path, sp.concat('dependencies', key))) {
              return true;
            }
          }
        }
        if (s.propertyNames !== undefined && !opts.draft4) {
          for (const key of keys) {
            const at = errors.length;
            if (!sub(s.propertyNames, key, path, sp.concat('propertyNames'))) {
              errors.length = at;
              if (fail('propertyNames', path, sp.concat('propertyNames'), { propertyName: key })) return true;
            }
          }
        }
        const patterns = s.patternProperties && typeof s.patternProperties === 'object' ? Object.keys(s.patternProperties) : [];
        const additional = function () {
          if (s.additionalProperties === undefined || s.additionalProperties === true) return false;
          for (const key of keys) {
            if (hasOwn.call(props, key) || patterns.some(function (p) { return new RegExp(p, 'u').test(key); })) continue;
            if (s.additionalProperties === false) {
              if (fail('additionalProperties', path, sp.concat('additionalProperties'), { additionalProperty: key })) return true;
            } else if (walk(s.additionalProperties, v[key], path.concat(key), sp.concat('additionalProperties'))) {
              return true;
            }
          }
          return false;
        };
        // Ajv checks additional properties before the listed ones; tv4 after.
        if (!opts.draft4 && additional()) return true;
        for (const key of Object.keys(props)) {
          if (!hasOwn.call(v, key)) {
            if (Array.isArray(s.required) && s.required.indexOf(key) !== -1 && inProperties(key)
                && fail('required', path, sp.concat('required'), { missingProperty: key })) return true;
            continue;
          }
          if (walk(props[key], v[key], path.concat(key), sp.concat('properties', key))) return true;
        }
        for (const pattern of patterns) {
          const re = new RegExp(pattern, 'u');
          for (const key of keys) {
            if (re.test(key) && walk(s.patternProperties[pattern], v[key], path.concat(key), sp.concat('patternProperties', pattern))) return true;
          }
        }
        if (opts.draft4 && additional()) return true;
      }
      if (hasOwn.call(s, 'const') && !opts.draft4 && !equal(v, s.const)) {
        if (fail('const', path, sp.concat('const'), { allowedValue: s.const })) return true;
      }
      if (Array.isArray(s.enum) && !s.enum.some(function (e) { return equal(v, e); })) {
        if (fail('enum', path, sp.concat('enum'), { allowedValues: s.enum })) return true;
      }
      if (s.not !== undefined) {
        const at = errors.length;
        const ok = sub(s.not, v, path, sp.concat('not'));
        errors.length = at;
        if (ok && fail('not', path, sp.concat('not'), {})) return true;
      }
      if (Array.isArray(s.anyOf)) {
        const at = errors.length;
        const ok = s.anyOf.some(function (branch, i) { return sub(branch, v, path, sp.concat('anyOf', i)); });
        if (ok) errors.length = at;
        else if (fail('anyOf', path, sp.concat('anyOf'), {}, opts.draft4 ? { sub: errors.splice(at) } : null)) return true;
      }
      if (Array.isArray(s.oneOf)) {
        const at = errors.length;
        const passing = [];
        s.oneOf.forEach(function (branch, i) { if (sub(branch, v, path, sp.concat('oneOf', i))) passing.push(i); });
        if (passing.length === 1) {
          errors.length = at;
        } else {
          if (passing.length > 1) errors.length = at;
          // tv4 nests the branches' errors in the combination's own.
          const subs = opts.draft4 ? errors.splice(at) : null;
          if (fail('oneOf', path, sp.concat('oneOf'), { passingSchemas: passing.length > 1 ? passing : null }, subs ? { sub: subs } : null)) return true;
        }
      }
      if (Array.isArray(s.allOf)) {
        for (let i = 0; i < s.allOf.length; i++) {
          if (walk(s.allOf[i], v, path, sp.concat('allOf', i))) return true;
        }
      }
      if (s.if !== undefined && !opts.draft4) {
        const at = errors.length;
        const cond = sub(s.if, v, path, sp.concat('if'));
        errors.length = at;
        const branch = cond ? 'then' : 'else';
        if (s[branch] !== undefined && !sub(s[branch], v, path, sp.concat(branch))) {
          if (fail('if', path, sp.concat('if'), { failingKeyword: branch })) return true;
        }
      }
      return stop();
    }
    walk(schema, data, [], []);
    return errors;
  }

  // Ajv 6 wording ---------------------------------------------------------------------------
  const IDENT = /^[A-Za-z_$][\w$]*$/;
  function ajvDataPath(path) {
    return path.map(function (k) {
      if (typeof k === 'number') return '[' + k + ']';
      return IDENT.test(k) ? '.' + k : "['" + String(k).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']";
    }).join('');
  }
  function ajvMessage(e) {
    const p = e.params;
    switch (e.keyword) {
      case 'type': return 'should be ' + p.type;
      case 'required': return "should have required property '" + p.missingProperty + "'";
      case 'additionalProperties': return 'should NOT have additional properties';
      case 'enum': return 'should be equal to one of the allowed values';
      case 'const': return 'should be equal to constant';
      case 'maximum': case 'minimum': case 'exclusiveMaximum': case 'exclusiveMinimum':
        return 'should be ' + p.comparison + ' ' + p.limit;
      case 'multipleOf': return 'should be multiple of ' + p.multipleOf;
      case 'maxLength': return 'should NOT be longer than ' + p.limit + ' characters';
      case 'minLength': return 'should NOT be shorter than ' + p.limit + ' characters';
      case 'pattern': return 'should match pattern "' + p.pattern + '"';
      case 'format': return 'should match format "' + p.format + '"';
      case 'maxItems': return 'should NOT have more than ' + p.limit + ' items';
      case 'minItems': return 'should NOT have fewer than ' + p.limit + ' items';
      case 'additionalItems': return 'should NOT have more than ' + p.limit + ' items';
      case 'uniqueItems': return 'should NOT have duplicate items (items ## ' + p.j + ' and ' + p.i + ' are identical)';
      case 'contains': return 'should contain a valid item';
      case 'maxProperties': return 'should NOT have more than ' + p.limit + ' properties';
      case 'minProperties': return 'should NOT have fewer than ' + p.limit + ' properties';
      case 'dependencies': return 'should have ' + (p.depsCount === 1 ? 'property ' : 'properties ') + p.deps + ' when property ' + p.property + ' is present';
      case 'propertyNames': return "property name '" + p.propertyName + "' is invalid";
      case 'not': return 'should NOT be valid';
      case 'anyOf': return 'should match some schema in anyOf';
      case 'oneOf': return 'should match exactly one schema in oneOf';
      case 'if': return 'should match "' + p.failingKeyword + '" schema';
      case 'false schema': return 'boolean schema is false';
      default: return 'is invalid';
    }
  }
  function ajvParams(e) {
    const p = e.params;
    switch (e.keyword) {
      case 'maximum': case 'minimum': case 'exclusiveMaximum': case 'exclusiveMinimum':
        return { comparison: p.comparison, limit: p.limit, exclusive: p.exclusive };
      case 'uniqueItems': return { i: p.i, j: p.j };
      case 'maxLength': case 'minLength': case 'maxItems': case 'minItems': case 'maxProperties': case 'minProperties': case 'additionalItems':
        return { limit: p.limit };
      default: return p;
    }
  }
  function jsonPointer(path) {
    return path.map(function (k) { return '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'); }).join('');
  }
  // Ajv names a missing property the way it writes a data path step (without the leading dot).
  function ajvProperty(key) {
    return IDENT.test(key) ? key : ajvDataPath([key]);
  }
  // options: jsonPointers (data paths as JSON pointers), messages (false: no message).
  function ajvErrors(records, options) {
    const o = options || {};
    return records.map(function (e) {
      const params = ajvParams(e);
      if (e.keyword === 'required' && !o.jsonPointers) params.missingProperty = ajvProperty(params.missingProperty);
      const out = {
        keyword: e.keyword, dataPath: o.jsonPointers ? jsonPointer(e.path) : ajvDataPath(e.path),
        schemaPath: '#' + jsonPointer(e.schemaPath),
        params: params,
      };
      if (o.messages !== false) out.message = ajvMessage(Object.assign({}, e, { params: params }));
      return out;
    });
  }
  function ajvErrorsText(errors, options) {
    if (!errors) return 'No errors';
    const o = options || {};
    const sep = o.separator === undefined ? ', ' : o.separator;
    const dataVar = o.dataVar === undefined ? 'data' : o.dataVar;
    return errors.map(function (e) { return dataVar + e.dataPath + ' ' + e.message; }).join(sep);
  }

  // chai-postman: `expect(x).to.have.jsonSchema(schema[, ajvOptions])` ------------------------
  // The schema must be an object (checked as chai-postman does, without the assertion's
  // message); chai-postman then validates with a new Ajv (every error, no logging), so a schema
  // Ajv rejects (an unknown $schema, an invalid keyword value) throws Ajv's own error.
  function assertion(a, schema, options) {
    P.expect(schema).to.be.an('object');
    const flags = a.__flags;
    let data = flags.object;
    // A body that is not JSON fails as `pm.response.json()` does (a `JSONError`).
    if (P.isHttpMessage && P.isHttpMessage(data)) {
      data = typeof data.json === 'function' ? data.json() : P.parseJson(data.text());
    }
    const Ajv = lib('ajv');
    const ajv = new Ajv(Object.assign({ allErrors: true, logger: false }, options));
    const valid = ajv.validate(schema, data);
    const text = 'expected data to satisfy schema but found following errors: \n' + ajv.errorsText();
    P.assert(a, valid && !ajv.errors, text, 'expected data to not satisfy schema', true, valid);
  }

  return {
    validate: validate, typeOf: typeOf, ajvErrors: ajvErrors, ajvErrorsText: ajvErrorsText,
    ajvDataPath: ajvDataPath, assertion: assertion, FORMATS: FORMATS,
  };
})
