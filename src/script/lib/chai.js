// postie library: `require('chai')`: `expect` (postie's chai 4 compatible assertion library, the
// same one behind `pm.expect`), `assert` (the common TDD functions) and `AssertionError`.
(function (P) {
  'use strict';

  const expect = P.expect;
  const AssertionError = P.AssertionError;
  const display = P.display;

  function fail(message, fallback, actual, expected) {
    throw new AssertionError(message ? message + ': ' + fallback : fallback, { actual: actual, expected: expected });
  }
  // chai's assert(expression, message): without a message the error has chai's default one.
  function assert(value, message) {
    if (!value) throw new AssertionError(message === undefined || message === null ? 'Unspecified AssertionError' : String(message));
  }
  function simple(name, test, text) {
    assert[name] = function (actual, expected, message) {
      if (!test(actual, expected)) fail(message, text.replace('#{act}', display(actual)).replace('#{exp}', display(expected)), actual, expected);
    };
  }
  simple('equal', function (a, b) { return a == b; }, 'expected #{act} to equal #{exp}');
  simple('notEqual', function (a, b) { return a != b; }, 'expected #{act} to not equal #{exp}');
  simple('strictEqual', function (a, b) { return a === b; }, 'expected #{act} to equal #{exp}');
  simple('notStrictEqual', function (a, b) { return a !== b; }, 'expected #{act} to not equal #{exp}');
  simple('deepEqual', P.deepEqual, 'expected #{act} to deeply equal #{exp}');
  simple('deepStrictEqual', P.deepEqual, 'expected #{act} to deeply equal #{exp}');
  simple('notDeepEqual', function (a, b) { return !P.deepEqual(a, b); }, 'expected #{act} to not deeply equal #{exp}');
  simple('isAbove', function (a, b) { return a > b; }, 'expected #{act} to be above #{exp}');
  simple('isAtLeast', function (a, b) { return a >= b; }, 'expected #{act} to be at least #{exp}');
  simple('isBelow', function (a, b) { return a < b; }, 'expected #{act} to be below #{exp}');
  simple('isAtMost', function (a, b) { return a <= b; }, 'expected #{act} to be at most #{exp}');
  function unary(name, test, text) {
    assert[name] = function (value, message) {
      if (!test(value)) fail(message, text.replace('#{act}', display(value)), value);
    };
  }
  unary('isTrue', function (v) { return v === true; }, 'expected #{act} to be true');
  unary('isFalse', function (v) { return v === false; }, 'expected #{act} to be false');
  unary('isNotTrue', function (v) { return v !== true; }, 'expected #{act} to not be true');
  unary('isNotFalse', function (v) { return v !== false; }, 'expected #{act} to not be false');
  unary('isOk', Boolean, 'expected #{act} to be truthy');
  unary('ok', Boolean, 'expected #{act} to be truthy');
  unary('isNotOk', function (v) { return !v; }, 'expected #{act} to be falsy');
  unary('notOk', function (v) { return !v; }, 'expected #{act} to be falsy');
  // chai 4 checks these with equal(null) / equal(undefined), and words them so.
  unary('isNull', function (v) { return v === null; }, 'expected #{act} to equal null');
  unary('isNotNull', function (v) { return v !== null; }, 'expected #{act} to not equal null');
  unary('isUndefined', function (v) { return v === undefined; }, 'expected #{act} to equal undefined');
  unary('isDefined', function (v) { return v !== undefined; }, 'expected #{act} to not equal undefined');
  unary('isFinite', function (v) { return typeof v === 'number' && isFinite(v); }, 'expected #{act} to be a finite number');
  unary('exists', function (v) { return v !== null && v !== undefined; }, 'expected #{act} to exist');
  unary('notExists', function (v) { return v === null || v === undefined; }, 'expected #{act} to not exist');
  unary('isNaN', function (v) { return v !== v; }, 'expected #{act} to be NaN');
  unary('isEmpty', function (v) { return v !== null && v !== undefined && (typeof v.length === 'number' ? v.length === 0 : Object.keys(v).length === 0); }, 'expected #{act} to be empty');
  unary('isNotEmpty', function (v) { return v !== null && v !== undefined && (typeof v.length === 'number' ? v.length > 0 : Object.keys(v).length > 0); }, 'expected #{act} not to be empty');
  for (const [name, type] of [['String', 'string'], ['Number', 'number'], ['Boolean', 'boolean'], ['Function', 'function'],
    ['Object', 'object'], ['Array', 'array']]) {
    const article = /^[aeiou]/i.test(type) ? 'an ' : 'a ';
    unary('is' + name, function (v) { return P.typeName(v) === type; }, 'expected #{act} to be ' + article + type);
    unary('isNot' + name, function (v) { return P.typeName(v) !== type; }, 'expected #{act} not to be ' + article + type);
  }
  assert.fail = function (message) { throw new AssertionError(message === undefined ? 'assert.fail()' : String(message)); };
  assert.typeOf = function (v, type, message) { expect(v, message).to.be.a(type); };
  assert.notTypeOf = function (v, type, message) { expect(v, message).to.not.be.a(type); };
  assert.instanceOf = function (v, ctor, message) { expect(v, message).to.be.instanceOf(ctor); };
  assert.include = function (hay, needle, message) { expect(hay, message).to.include(needle); };
  assert.notInclude = function (hay, needle, message) { expect(hay, message).to.not.include(needle); };
  assert.match = function (v, re, message) { expect(v, message).to.match(re); };
  assert.notMatch = function (v, re, message) { expect(v, message).to.not.match(re); };
  assert.property = function (o, p, message) { expect(o, message).to.have.property(p); };
  assert.notProperty = function (o, p, message) { expect(o, message).to.not.have.property(p); };
  assert.propertyVal = function (o, p, v, message) { expect(o, message).to.have.property(p, v); };
  assert.nestedProperty = function (o, p, message) { expect(o, message).to.have.nested.property(p); };
  assert.lengthOf = function (o, n, message) { expect(o, message).to.have.lengthOf(n); };
  assert.hasAllKeys = function (o, keys, message) { expect(o, message).to.have.all.keys(keys); };
  assert.hasAnyKeys = function (o, keys, message) { expect(o, message).to.have.any.keys(keys); };
  assert.sameMembers = function (a, b, message) { expect(a, message).to.have.same.members(b); };
  assert.sameDeepMembers = function (a, b, message) { expect(a, message).to.have.same.deep.members(b); };
  assert.includeMembers = function (a, b, message) { expect(a, message).to.include.members(b); };
  assert.oneOf = function (v, list, message) { expect(v, message).to.be.oneOf(list); };
  assert.closeTo = function (v, e, d, message) { expect(v, message).to.be.closeTo(e, d); };
  assert.approximately = assert.closeTo;
  assert.throws = function (fn, errorLike, pattern, message) { return expect(fn, message).to.throw(errorLike, pattern); };
  assert.throw = assert.throws;
  assert.Throw = assert.throws;
  assert.doesNotThrow = function (fn, errorLike, pattern, message) { expect(fn, message).to.not.throw(errorLike, pattern); };
  assert.jsonSchema = function (v, schema, message) { expect(v, message).to.have.jsonSchema(schema); };

  return {
    expect: expect, assert: assert, AssertionError: AssertionError, version: '4.3.8',
    use: function (plugin) {
      if (typeof plugin === 'function') plugin(this, { flag: function (a, k, v) { if (v === undefined) return a.__flags[k]; a.__flags[k] = v; return undefined; } });
      return this;
    },
    should: function () { throw new Error("chai.should() is not available in postie; use expect"); },
    config: { includeStack: false, showDiff: true, truncateThreshold: 40 },
  };
})
