// ajv 6 (`require('ajv')`): every keyword through `validate` and its `errors`, the instance
// methods (compile, errorsText, addSchema/getSchema/removeSchema, addFormat, addKeyword,
// validateSchema, addMetaSchema) and the options scripts use, with seeded random schemas and data.
'use strict';

const DATA = [0, 1, 2.5, -3, 10, 100, 'abc', '', 'hello world', 'x@y.com', '2021-03-04', null, true, false, [], [1, 2, 3],
  [1, 1], ['a', 2], [{ a: 1 }, { a: 1 }], {}, { a: 1 }, { a: 'x', b: 2 }, { a: { b: 1 } }, { foo: 1, bar: 'x', baz: null },
  { 'a-b': 1, "it's": 2 }, '12', '1.5', 'true', 'null'];
const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'];

// keyword -> schema generators
const KEYWORDS = {
  type: (r, p) => ({ type: r() < 0.3 ? [p(r, TYPES), p(r, TYPES)] : p(r, TYPES) }),
  enum: (r, p) => ({ enum: p(r, [[1, 2, 'abc'], ['x', null], [{ a: 1 }, [1, 2, 3]], [true]]) }),
  const: (r, p) => ({ const: p(r, [1, 'abc', null, { a: 1 }, [1, 2, 3]]) }),
  multipleOf: (r, p) => ({ multipleOf: p(r, [2, 0.5, 3, 0.1]) }),
  maximum: (r, p) => ({ maximum: p(r, [0, 2, 10]) }),
  minimum: (r, p) => ({ minimum: p(r, [0, 2, 10]) }),
  exclusiveMaximum: (r, p) => ({ exclusiveMaximum: p(r, [0, 2, 10]) }),
  exclusiveMinimum: (r, p) => ({ exclusiveMinimum: p(r, [0, 2, 10]) }),
  maxLength: (r, p) => ({ maxLength: p(r, [0, 2, 5]) }),
  minLength: (r, p) => ({ minLength: p(r, [1, 3, 5]) }),
  pattern: (r, p) => ({ pattern: p(r, ['^a', 'b+', '^[0-9]+$', 'o w']) }),
  format: (r, p) => ({ format: p(r, ['email', 'date', 'date-time', 'time', 'uri', 'uri-reference', 'ipv4', 'ipv6',
    'hostname', 'uuid', 'regex', 'json-pointer', 'relative-json-pointer', 'url', 'uri-template']) }),
  items: (r, p) => ({ items: p(r, [{ type: 'number' }, [{ type: 'number' }, { type: 'number' }], { type: 'string' }, false]) }),
  additionalItems: (r, p) => ({ items: [{}], additionalItems: p(r, [false, { type: 'number' }, { type: 'string' }]) }),
  maxItems: (r, p) => ({ maxItems: p(r, [0, 1, 2]) }),
  minItems: (r, p) => ({ minItems: p(r, [1, 2, 4]) }),
  uniqueItems: () => ({ uniqueItems: true }),
  contains: (r, p) => ({ contains: p(r, [{ type: 'string' }, { const: 1 }, { minimum: 2 }]) }),
  maxProperties: (r, p) => ({ maxProperties: p(r, [0, 1, 2]) }),
  minProperties: (r, p) => ({ minProperties: p(r, [1, 2, 4]) }),
  required: (r, p) => ({ required: p(r, [['a'], ['a', 'b'], ['foo', 'x'], ['it\'s']]) }),
  properties: (r, p) => ({ properties: { a: p(r, [{ type: 'number' }, { type: 'string' }, { minimum: 1 }, false]), b: { type: 'string' } } }),
  patternProperties: (r, p) => ({ patternProperties: { '^b': p(r, [{ type: 'number' }, { type: 'string' }]), 'a': { maximum: 0 } } }),
  additionalProperties: (r, p) => ({ properties: { a: {} }, additionalProperties: p(r, [false, { type: 'number' }, { type: 'string' }]) }),
  dependencies: (r, p) => ({ dependencies: p(r, [{ a: ['b'] }, { a: ['b', 'c'] }, { foo: { required: ['x'] } }, { a: { properties: { b: { type: 'string' } } } }]) }),
  propertyNames: (r, p) => ({ propertyNames: p(r, [{ maxLength: 1 }, { pattern: '^[a-z]+$' }, { enum: ['a', 'b'] }]) }),
  not: (r, p) => ({ not: p(r, [{ type: 'number' }, { type: 'string' }, {}]) }),
  anyOf: (r, p) => ({ anyOf: p(r, [[{ type: 'number' }, { type: 'string' }], [{ minimum: 5 }, { maximum: 0 }]]) }),
  oneOf: (r, p) => ({ oneOf: p(r, [[{ type: 'number' }, { type: 'integer' }], [{ type: 'string' }, { type: 'null' }], [{ minimum: 2 }, { maximum: 5 }]]) }),
  allOf: (r, p) => ({ allOf: p(r, [[{ type: 'number' }, { minimum: 2 }], [{ type: 'object' }, { required: ['a'] }]]) }),
  if: (r, p) => ({ if: { type: 'number' }, then: p(r, [{ minimum: 2 }, { maximum: 1 }]), else: p(r, [{ type: 'string' }, { maxLength: 2 }]) }),
  $ref: (r, p) => ({ definitions: { n: { type: 'number' }, s: { type: 'string', minLength: 2 } }, properties: { a: { $ref: p(r, ['#/definitions/n', '#/definitions/s']) } }, items: { $ref: '#/definitions/n' } }),
  boolean: (r, p) => p(r, [true, false, { properties: { a: false } }, { items: true }])
};

module.exports = {
  pkg: 'ajv',
  root: "require('ajv')",
  gen(lib, { rng, pick }) {
    const r = rng(11);
    const out = [];
    const data = () => JSON.parse(JSON.stringify(pick(r, DATA)));
    for (const kw of Object.keys(KEYWORDS)) {
      for (let i = 0; i < 24; i++) {
        const schema = KEYWORDS[kw](r, pick);
        const opts = i % 3 === 2 ? { allErrors: true } : {};
        out.push({ f: '', a: [opts], s: [['validate', [schema, data()]], 'errors'], msg: 1, fn: 'keyword.' + kw });
      }
    }
    // nested schemas: a random combination of keywords, all errors
    for (let i = 0; i < 80; i++) {
      const kws = Object.keys(KEYWORDS).filter((k) => k !== 'boolean');
      const schema = Object.assign({}, KEYWORDS[pick(r, kws)](r, pick), KEYWORDS[pick(r, kws)](r, pick));
      const s = { type: 'object', properties: { a: schema, b: { type: 'array', items: schema } } };
      const d = { a: data(), b: [data(), data()] };
      out.push({ f: '', a: [{ allErrors: r() < 0.5 }], s: [['validate', [s, d]], 'errors', ['errorsText', []]], msg: 1, fn: 'validate' });
    }
    // compile: the validate function, its errors and schema, reuse
    for (let i = 0; i < 30; i++) {
      const schema = KEYWORDS[pick(r, Object.keys(KEYWORDS))](r, pick);
      out.push({ f: '', a: [{}], s: [['compile', [schema], 'v'], ['@v', [data()]], '@v.errors', ['@v', [data()]], '@v.errors', '@v.schema', 'errors'], msg: 1, fn: 'compile' });
    }
    for (const bad of [{ type: 'nope' }, { minimum: 'x' }, { required: 'a' }, { properties: 1 }, null, 1, 'str', { $ref: '#/nope' }, { items: [1] }]) {
      out.push({ f: '', a: [{}], s: [['compile', [bad]]], msg: 1, fn: 'compile' });
      out.push({ f: '', a: [{}], s: [['validateSchema', [bad]], 'errors'], msg: 1, fn: 'validateSchema' });
    }
    // errorsText with options
    for (let i = 0; i < 30; i++) {
      const schema = KEYWORDS[pick(r, Object.keys(KEYWORDS))](r, pick);
      const o = pick(r, [undefined, { separator: ' | ' }, { dataVar: 'x' }, { separator: '\n', dataVar: '' }]);
      out.push({ f: '', a: [{ allErrors: true }], s: [['validate', [schema, data()]], ['errorsText', o === undefined ? [] : [undefined, o]], ['errorsText', [null]], ['errorsText', [[]]]], msg: 1, fn: 'errorsText' });
    }
    // addSchema / getSchema / removeSchema and $ref to added schemas
    const defs = { $id: 'http://example.com/defs.json', definitions: { int: { type: 'integer' }, str: { type: 'string' } } };
    for (let i = 0; i < 20; i++) {
      const d = data();
      out.push({ f: '', a: [{}], s: [['addSchema', [{ type: 'string', maxLength: 3 }, 'short']], ['validate', ['short', d]], 'errors',
        ['getSchema', ['short'], 'g'], ['@g', [d]], '@g.errors', ['getSchema', ['missing']],
        ['addSchema', [defs]], ['validate', [{ $ref: 'http://example.com/defs.json#/definitions/' + pick(r, ['int', 'str']) }, d]], 'errors',
        ['validate', [{ properties: { a: { $ref: 'defs.json#/definitions/int' } }, $id: 'http://example.com/root.json' }, d]], 'errors',
        ['removeSchema', ['short']], ['getSchema', ['short']], ['validate', ['short', d]]], msg: 1, fn: pick(r, ['addSchema', 'getSchema']) });
    }
    out.push({ f: '', a: [{}], s: [['addSchema', [{ type: 'string' }, 'k']], ['addSchema', [{ type: 'number' }, 'k']]], msg: 1, fn: 'addSchema' });
    out.push({ f: '', a: [{}], s: [['addSchema', [[{ $id: 'a', type: 'string' }, { $id: 'b', type: 'number' }]]], ['validate', ['a', 1]], ['validate', ['b', 1]]], msg: 1, fn: 'addSchema' });
    out.push({ f: '', a: [{}], s: [['addSchema', [{ $id: 'x', type: 'string' }]], ['removeSchema', []], ['getSchema', ['x']]], msg: 1, fn: 'removeSchema' });
    out.push({ f: '', a: [{}], s: [['addSchema', [{ $id: 'x', type: 'string' }]], ['removeSchema', [{ $id: 'x', type: 'string' }]], ['getSchema', ['x']]], msg: 1, fn: 'removeSchema' });
    out.push({ f: '', a: [{}], s: [['removeSchema', ['nothing']], ['validate', [{ $ref: 'missing.json' }, 1]]], msg: 1, fn: 'removeSchema' });
    // addFormat
    for (let i = 0; i < 20; i++) {
      const fmt = pick(r, [{ $re: ['^[a-c]+$', ''] }, { validate: { $re: ['^\\d+$', ''] } }, { $fn: 'isTruthy' }, { validate: { $fn: 'never' } }, { type: 'number', validate: { $fn: 'isEven' } }]);
      out.push({ f: '', a: [{}], s: [['addFormat', [pick(r, ['mine', 'email']), fmt]], ['validate', [{ format: 'mine' }, data()]], 'errors', ['validate', [{ format: 'email' }, data()]], 'errors'], msg: 1, fn: 'addFormat' });
    }
    // addKeyword
    for (let i = 0; i < 20; i++) {
      const def = pick(r, [{ validate: { $fn: 'isEven' } }, { type: 'number', validate: { $fn: 'compare' } }, { macro: { $fn: 'identity' } },
        { validate: { $fn: 'never' }, errors: false }, { type: 'string', compile: { $fn: 'always' } }]);
      out.push({ f: '', a: [{}], s: [['addKeyword', [pick(r, ['even', 'range', 'type']), def]], ['validate', [{ even: 2, range: [1, 2] }, data()]], 'errors', ['getKeyword', ['even']], ['removeKeyword', ['even']]], msg: 1, fn: 'addKeyword' });
    }
    // options
    const OPTIONS = {
      allErrors: [true, false], verbose: [true], jsonPointers: [true], useDefaults: [true, 'empty', 'shared'],
      coerceTypes: [true, 'array'], removeAdditional: [true, 'all', 'failing'], format: ['fast', 'full', false],
      unknownFormats: [true, 'ignore', ['foo']], nullable: [true], ownProperties: [true], errorDataPath: ['property'],
      uniqueItems: [false], schemaId: ['id', 'auto'], missingRefs: [true, 'ignore', 'fail'], extendRefs: ['ignore', 'fail', true],
      messages: [false], multipleOfPrecision: [6], strictKeywords: [true, 'log'], validateSchema: [false, 'log']
    };
    const OPT_SCHEMAS = [
      { type: 'object', properties: { a: { type: 'number', default: 5 }, b: { type: 'string', default: 'x' }, c: { type: 'array', items: { type: 'integer' } } }, additionalProperties: false },
      { type: 'object', properties: { a: { type: ['number', 'null'] }, b: { type: 'boolean' } }, additionalProperties: { type: 'string' } },
      { items: { type: 'number' }, default: [] },
      { type: 'object', properties: { a: { type: 'string', format: 'foo' }, b: { format: 'date' }, c: { type: 'string', nullable: true } } },
      { properties: { a: { $ref: '#/definitions/x', type: 'string' } }, definitions: { x: { minLength: 2 } } },
      { type: 'object', required: ['a'], properties: { a: { type: 'integer' }, d: { enum: [1, 2] } }, unknownKeyword: 1 },
      { id: 'old', properties: { a: { multipleOf: 0.01 } } },
      { properties: { a: { $ref: 'missing.json#/x' } } },
      { type: 'array', items: [{ type: 'string' }, { type: 'boolean' }], uniqueItems: true }
    ];
    const OPT_DATA = [{}, { a: '3', b: 'true' }, { a: 1.5, b: 1, c: ['1', 2] }, { a: null, b: null, c: null, d: 'x' }, { a: 'xy', extra: 1 },
      ['1', 'false'], [1, 1], { a: [3] }, '5', { a: 0.57 }];
    for (const opt of Object.keys(OPTIONS)) {
      for (let i = 0; i < 20; i++) {
        const o = { [opt]: pick(r, OPTIONS[opt]) };
        if (r() < 0.3) { o.allErrors = true; }
        const d = JSON.parse(JSON.stringify(pick(r, OPT_DATA)));
        // the data after validation shows what useDefaults / coerceTypes / removeAdditional changed
        out.push({ f: '', a: [o], s: [['=', [d], 'd'], ['compile', [pick(r, OPT_SCHEMAS)], 'v'], ['@v', [{ $saved: 'd' }]], '@v.errors', '@d'],
          msg: 1, fn: 'option.' + opt });
        out.push({ f: '', a: [o], s: [['=', [d], 'd'], ['validate', [pick(r, OPT_SCHEMAS), { $saved: 'd' }]], 'errors', '@d'], msg: 1, fn: 'option.' + opt });
      }
    }
    const functions = [...new Set(out.map((c) => c.fn))].sort();
    return { functions, calls: out };
  }
};
