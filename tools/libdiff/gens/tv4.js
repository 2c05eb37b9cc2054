// tv4 1.3.0 (`require('tv4')`): every draft-04 keyword through validate / validateResult /
// validateMultiple (the error objects with code, message, params, dataPath, schemaPath,
// subErrors), checkRecursive and banUnknownProperties, the schema store (addSchema, getSchema,
// getSchemaMap, getSchemaUris, getMissingUris, dropSchemas, reset, $ref to added and missing
// schemas), addFormat, defineKeyword, defineError, languages and the URL helpers. Each call
// starts from `tv4.freshApi()` so calls do not share state.
'use strict';

const DATA = [0, 1, 2.5, -3, 10, 'abc', '', 'hello world', null, true, false, [], [1, 2, 3], [1, 1], ['a', 2],
  [{ a: 1 }, { a: 1 }], {}, { a: 1 }, { a: 'x', b: 2 }, { a: { b: 1 } }, { foo: 1, bar: 'x', baz: null }, { 'a/b': 1, 'c~d': [1] }];
const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'];
const KEYWORDS = {
  type: (r, p) => ({ type: r() < 0.3 ? [p(r, TYPES), p(r, TYPES)] : p(r, TYPES) }),
  enum: (r, p) => ({ enum: p(r, [[1, 2, 'abc'], ['x', null], [{ a: 1 }, [1, 2, 3]], [true]]) }),
  multipleOf: (r, p) => ({ multipleOf: p(r, [2, 0.5, 3, 0.1]) }),
  divisibleBy: (r, p) => ({ divisibleBy: p(r, [2, 3]) }),
  maximum: (r, p) => (r() < 0.5 ? { maximum: p(r, [0, 2, 10]) } : { maximum: p(r, [0, 2, 10]), exclusiveMaximum: true }),
  minimum: (r, p) => (r() < 0.5 ? { minimum: p(r, [0, 2, 10]) } : { minimum: p(r, [0, 2, 10]), exclusiveMinimum: true }),
  maxLength: (r, p) => ({ maxLength: p(r, [0, 2, 5]) }),
  minLength: (r, p) => ({ minLength: p(r, [1, 3, 5]) }),
  pattern: (r, p) => ({ pattern: p(r, ['^a', 'b+', '^[0-9]+$', 'o w']) }),
  format: (r, p) => ({ format: p(r, ['email', 'date', 'mine']) }),
  items: (r, p) => ({ items: p(r, [{ type: 'number' }, [{ type: 'number' }, { type: 'number' }], { type: 'string' }]) }),
  additionalItems: (r, p) => ({ items: [{}], additionalItems: p(r, [false, { type: 'number' }, { type: 'string' }]) }),
  maxItems: (r, p) => ({ maxItems: p(r, [0, 1, 2]) }),
  minItems: (r, p) => ({ minItems: p(r, [1, 2, 4]) }),
  uniqueItems: () => ({ uniqueItems: true }),
  maxProperties: (r, p) => ({ maxProperties: p(r, [0, 1, 2]) }),
  minProperties: (r, p) => ({ minProperties: p(r, [1, 2, 4]) }),
  required: (r, p) => ({ required: p(r, [['a'], ['a', 'b'], ['foo', 'x']]) }),
  properties: (r, p) => ({ properties: { a: p(r, [{ type: 'number' }, { type: 'string' }, { minimum: 1 }]), b: { type: 'string' } } }),
  patternProperties: (r, p) => ({ patternProperties: { '^b': p(r, [{ type: 'number' }, { type: 'string' }]), 'a': { maximum: 0 } } }),
  additionalProperties: (r, p) => ({ properties: { a: {} }, additionalProperties: p(r, [false, { type: 'number' }, { type: 'string' }]) }),
  dependencies: (r, p) => ({ dependencies: p(r, [{ a: ['b'] }, { a: 'b' }, { foo: { required: ['x'] } }, { a: { properties: { b: { type: 'string' } } } }]) }),
  not: (r, p) => ({ not: p(r, [{ type: 'number' }, { type: 'string' }, {}]) }),
  anyOf: (r, p) => ({ anyOf: p(r, [[{ type: 'number' }, { type: 'string' }], [{ minimum: 5 }, { maximum: 0 }]]) }),
  oneOf: (r, p) => ({ oneOf: p(r, [[{ type: 'number' }, { type: 'integer' }], [{ type: 'string' }, { type: 'null' }], [{ minimum: 2 }, { maximum: 5 }]]) }),
  allOf: (r, p) => ({ allOf: p(r, [[{ type: 'number' }, { minimum: 2 }], [{ type: 'object' }, { required: ['a'] }]]) }),
  $ref: (r, p) => ({ definitions: { n: { type: 'number' }, s: { type: 'string', minLength: 2 } }, properties: { a: { $ref: p(r, ['#/definitions/n', '#/definitions/s']) } }, items: { $ref: '#/definitions/n' } })
};

module.exports = {
  pkg: 'tv4',
  root: "require('tv4')",
  gen(lib, { rng, pick }) {
    const r = rng(12);
    const out = [];
    const data = () => JSON.parse(JSON.stringify(pick(r, DATA)));
    const fresh = (s, fn) => out.push({ f: 'freshApi', a: [], s, msg: 1, fn });
    for (const kw of Object.keys(KEYWORDS)) {
      for (let i = 0; i < 20; i++) {
        const schema = KEYWORDS[kw](r, pick);
        fresh([['validate', [data(), schema]], 'error', 'valid', 'missing'], 'keyword.' + kw);
      }
    }
    for (let i = 0; i < 60; i++) {
      const kws = Object.keys(KEYWORDS);
      const schema = Object.assign({}, KEYWORDS[pick(r, kws)](r, pick), KEYWORDS[pick(r, kws)](r, pick));
      const s = { type: 'object', properties: { a: schema, b: { type: 'array', items: schema } } };
      const d = { a: data(), b: [data(), data()] };
      const m = pick(r, ['validate', 'validateResult', 'validateMultiple']);
      fresh(m === 'validate' ? [[m, [d, s]], 'error', 'valid'] : [[m, [d, s], 'res'], ['@res.toString', []]], m);
    }
    for (let i = 0; i < 20; i++) {
      const schema = KEYWORDS[pick(r, Object.keys(KEYWORDS))](r, pick);
      fresh([['validateResult', [data(), schema], 'res'], ['@res.toString', []]], 'validateResult');
      fresh([['validateMultiple', [data(), schema], 'res'], ['@res.toString', []]], 'validateMultiple');
    }
    // checkRecursive and banUnknownProperties
    for (let i = 0; i < 20; i++) {
      const s = { type: 'object', properties: { a: { type: 'object', properties: { b: {} } }, c: {} } };
      const d = pick(r, [{ a: { b: 1, x: 2 }, y: 1 }, { a: {}, c: 1 }, { z: 1 }, {}]);
      fresh([['validate', [d, s, false, true]], 'error', ['validateMultiple', [d, s, false, true]]], 'banUnknownProperties');
    }
    fresh([['validate', [{ a: 1 }, { type: 'object' }, true]], 'error'], 'checkRecursive');
    // the schema store
    const uris = ['http://example.com/s.json', 'urn:x', 'http://example.com/dir/a.json#', 'rel.json'];
    for (let i = 0; i < 24; i++) {
      const uri = pick(r, uris);
      const d = data();
      fresh([['addSchema', [uri, { type: 'string', definitions: { n: { type: 'number' } } }]], ['getSchema', [uri]], ['getSchema', [uri + '#/definitions/n']],
        ['getSchemaUris', []], ['getSchemaMap', []], ['validate', [d, uri]], 'error', 'missing',
        ['validate', [d, { $ref: 'http://example.com/other.json' }]], 'missing', ['getMissingUris', []],
        ['validate', [d, { properties: { a: { $ref: uri + '#/definitions/n' } } }]], 'error',
        ['addSchema', [{ id: 'http://example.com/withid', type: 'number' }]], ['getSchemaUris', [{ $re: ['withid', ''] }]], ['validate', [d, 'http://example.com/withid']], 'error',
        ['dropSchemas', []], ['getSchemaUris', []], ['reset', []], 'error', 'valid'], pick(r, ['addSchema', 'getSchema', 'getSchemaUris', 'getMissingUris', 'dropSchemas']));
    }
    // addFormat
    for (let i = 0; i < 16; i++) {
      const f = pick(r, [{ $fn: 'never' }, { $fn: 'toUpper' }, { $fn: 'isEven' }, { $fn: 'always' }]);
      const d = data();
      fresh([['addFormat', [pick(r, ['mine', 'email']), f]], ['validate', [d, { format: 'mine' }]], 'error', ['validate', [d, { format: 'email' }]], 'error',
        ['addFormat', [{ other: f }]], ['validate', [d, { format: 'other' }]], 'error'], 'addFormat');
    }
    // defineKeyword / defineError
    for (let i = 0; i < 12; i++) {
      const f = pick(r, [{ $fn: 'never' }, { $fn: 'toUpper' }, { $fn: 'isEven' }, { $fn: 'pair' }]);
      fresh([['defineKeyword', [pick(r, ['even', 'odd']), f]], ['validate', [data(), { even: 2, odd: 3 }]], 'error'], 'defineKeyword');
    }
    fresh([['defineError', ['MY_ERROR', 10001, 'mine {a}']], 'errorCodes.MY_ERROR', ['defineError', ['bad name', 10002, 'x']], ['defineError', ['OTHER_ERR', 5, 'x']], ['defineError', ['MY_ERROR', 10003, 'x']]], 'defineError');
    // languages
    fresh([['language', []], ['language', ['en-us']], ['language', ['xx']], ['addLanguage', ['fr', { INVALID_TYPE: 'Type invalide: {type}' }]], ['language', ['fr']],
      ['validate', [1, { type: 'string' }]], 'error', ['language', ['fr-CA']], ['freshApi', ['fr'], 'f2'], ['@f2.language', []]], 'language');
    fresh([['setErrorReporter', [{ $fn: 'always' }]], ['validate', [1, { type: 'string' }]], 'error', ['setErrorReporter', ['en']]], 'setErrorReporter');
    // URL helpers and the remaining members
    for (const [base, rel] of [['http://a/b/c', 'd'], ['http://a/b/c', '../d'], ['http://a/b/c#x', '#y'], ['urn:x', 'y'], ['', 'http://z/'], ['http://a/b/', '/q?x=1']]) {
      out.push({ f: 'resolveUrl', a: [base, rel], fn: 'resolveUrl' });
      out.push({ f: 'getDocumentUri', a: [base], fn: 'getDocumentUri' });
    }
    for (const s of [{ id: 'http://a/b', properties: { x: { $ref: 'c' } } }, { items: [{ $ref: '#/d' }] }, { $ref: 1 }]) {
      out.push({ f: 'normSchema', a: [s], fn: 'normSchema' });
      out.push({ f: 'normSchema', a: [s, 'http://base/'], fn: 'normSchema' });
    }
    out.push({ f: 'freshApi', a: [], s: ['errorCodes', 'error', 'missing', 'valid', 'tv4'], fn: 'errorCodes' });
    const functions = [...new Set(out.map((c) => c.fn))].sort();
    return { functions, calls: out };
  }
};
