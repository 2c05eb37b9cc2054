// postie library: `require('assert')`: Node's assert basics (`assert(v)`, `ok`, `equal`,
// `notEqual`, `strictEqual`, `notStrictEqual`, `deepEqual`, `deepStrictEqual`, `notDeepEqual`,
// `throws`, `doesNotThrow`, `match`, `fail`) throwing `AssertionError`s.
(function (P) {
  'use strict';

  const show = function (v) { return P.display(v); };
  class AssertionError extends Error {
    constructor(options) {
      super(options.message);
      this.actual = options.actual;
      this.expected = options.expected;
      this.operator = options.operator;
      this.code = 'ERR_ASSERTION';
      this.generatedMessage = !options.userMessage;
    }
  }
  Object.defineProperty(AssertionError.prototype, 'name', { value: 'AssertionError', writable: true, configurable: true });

  function check(ok, message, actual, expected, operator, fallback) {
    if (ok) return;
    if (message instanceof Error) throw message;
    throw new AssertionError({ message: message === undefined ? fallback : String(message), actual: actual, expected: expected, operator: operator, userMessage: message !== undefined });
  }
  function assert(value, message) { check(Boolean(value), message, value, true, '==', 'The expression evaluated to a falsy value:\n\n  assert(' + show(value) + ')\n'); }
  assert.ok = function (value, message) { check(Boolean(value), message, value, true, '==', 'The expression evaluated to a falsy value:\n\n  assert.ok(' + show(value) + ')\n'); };
  assert.equal = function (a, b, m) { check(a == b || (a !== a && b !== b), m, a, b, '==', show(a) + ' == ' + show(b)); };
  assert.notEqual = function (a, b, m) { check(a != b, m, a, b, '!=', show(a) + ' != ' + show(b)); };
  assert.strictEqual = function (a, b, m) { check(Object.is(a, b), m, a, b, 'strictEqual', 'Expected values to be strictly equal:\n\n' + show(a) + ' !== ' + show(b) + '\n'); };
  assert.notStrictEqual = function (a, b, m) { check(!Object.is(a, b), m, a, b, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + show(b)); };
  assert.deepEqual = function (a, b, m) { check(P.deepEqual(a, b), m, a, b, 'deepEqual', 'Expected values to be loosely deep-equal:\n\n' + show(a) + '\n\nshould loosely deep-equal\n\n' + show(b)); };
  assert.deepStrictEqual = function (a, b, m) { check(P.deepEqual(a, b), m, a, b, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + show(a) + ' !== ' + show(b)); };
  assert.notDeepEqual = function (a, b, m) { check(!P.deepEqual(a, b), m, a, b, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to: ' + show(b)); };
  assert.notDeepStrictEqual = function (a, b, m) { check(!P.deepEqual(a, b), m, a, b, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + show(b)); };
  assert.match = function (s, re, m) { check(re.test(s), m, s, re, 'match', 'The input did not match the regular expression ' + re + '. Input:\n\n' + show(s) + '\n'); };
  assert.doesNotMatch = function (s, re, m) { check(!re.test(s), m, s, re, 'doesNotMatch', 'The input was expected to not match the regular expression ' + re + '. Input:\n\n' + show(s) + '\n'); };
  assert.fail = function (message) { throw message instanceof Error ? message : new AssertionError({ message: message === undefined ? 'Failed' : String(message), operator: 'fail' }); };
  assert.ifError = function (v) { if (v !== null && v !== undefined) throw v instanceof Error ? v : new AssertionError({ message: 'ifError got unwanted exception: ' + show(v) }); };
  function matchesError(err, expected) {
    if (expected === undefined) return true;
    if (typeof expected === 'function') {
      if (expected.prototype !== undefined && err instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected.call({}, err) === true;
    }
    if (expected instanceof RegExp) return expected.test(String(err && err.message !== undefined ? err.message : err)) || expected.test(String(err));
    if (typeof expected === 'object') return Object.keys(expected).every(function (k) { return expected[k] instanceof RegExp ? expected[k].test(err[k]) : P.deepEqual(err[k], expected[k]); });
    return true;
  }
  assert.throws = function (fn, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    let thrown = null;
    let threw = false;
    try { fn(); } catch (e) { threw = true; thrown = e; }
    check(threw, message, undefined, expected, 'throws', 'Missing expected exception.');
    if (!matchesError(thrown, expected)) throw thrown;
  };
  assert.doesNotThrow = function (fn, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    try { fn(); } catch (e) { check(false, message, e, expected, 'doesNotThrow', 'Got unwanted exception.\nActual message: "' + (e && e.message) + '"'); }
  };
  assert.rejects = function (promise, expected, message) {
    const p = typeof promise === 'function' ? promise() : promise;
    return p.then(function () { check(false, message, undefined, expected, 'rejects', 'Missing expected rejection.'); }, function (e) { if (!matchesError(e, expected)) throw e; });
  };
  assert.AssertionError = AssertionError;
  assert.strict = assert;
  return assert;
})
