// postie library: `require('assert')`: Node's assert basics (`assert(v)`, `ok`, `equal`,
// `notEqual`, `strictEqual`, `notStrictEqual`, `deepEqual`, `deepStrictEqual`, `notDeepEqual`,
// `throws`, `doesNotThrow`, `match`, `fail`) throwing `AssertionError`s.
(function (P, lib) {
  'use strict';

  // Values are shown with the sandbox's old `util.inspect`.
  const show = function (v) { return lib('util').inspect(v, { depth: 1000 }); };
  const isObj = function (v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; };
  // Loose deep equality: primitives compared with ==, objects key by key.
  function looseEqual(a, b) {
    if (a == b) return true;
    if (!isObj(a) || !isObj(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const tag = Object.prototype.toString;
    if (tag.call(a) !== tag.call(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b);
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every(function (k) { return Object.prototype.hasOwnProperty.call(b, k) && looseEqual(a[k], b[k]); });
  }
  const HEADERS = {
    strictEqual: 'Expected values to be strictly equal:', deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  };
  // The "+ actual - expected" message of strict comparisons (single-line values).
  function diffMessage(actual, expected, operator) {
    const a = show(actual);
    const b = show(expected);
    if (operator === 'strictEqual' && (isObj(actual) || isObj(expected))) {
      if (a === b) return 'Values identical but not reference-equal:\n\n' + a + '\n';
      operator = 'strictEqualObject';
    }
    let indicator = '';
    if (a.indexOf('\n') === -1 && b.indexOf('\n') === -1) {
      const len = a.length + b.length;
      if (len <= 12) {
        if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) return HEADERS[operator] + '\n\n' + a + ' !== ' + b + '\n';
      } else if (operator !== 'strictEqualObject' && len < 80) {
        let i = 0;
        while (a[i] === b[i]) i++;
        if (i > 2) indicator = '\n  ' + ' '.repeat(i) + '^';
      }
    }
    return HEADERS[operator] + '\n+ actual - expected\n\n+ ' + a.split('\n').join('\n+ ') + '\n- ' + b.split('\n').join('\n- ') + indicator;
  }
  function AssertionError(options) {
    const err = new Error(options.message);
    Object.setPrototypeOf(err, AssertionError.prototype);
    err.generatedMessage = !options.userMessage;
    err.code = 'ERR_ASSERTION';
    err.actual = options.actual;
    err.expected = options.expected;
    err.operator = options.operator;
    return err;
  }
  AssertionError.prototype = Object.create(Error.prototype, { constructor: { value: AssertionError, writable: true, configurable: true } });
  Object.defineProperty(AssertionError.prototype, 'name', { value: 'AssertionError', writable: true, configurable: true });
  Object.defineProperty(AssertionError.prototype, 'toString', {
    value: function () { return this.name + ' [' + this.code + ']: ' + this.message; }, writable: true, configurable: true,
  });

  function check(ok, message, actual, expected, operator, fallback) {
    if (ok) return;
    if (message instanceof Error) throw message;
    throw new AssertionError({ message: message === undefined ? fallback : String(message), actual: actual, expected: expected, operator: operator, userMessage: message !== undefined });
  }
  function okCheck(args) {
    if (args.length === 0) {
      throw new AssertionError({ message: 'No value argument passed to `assert.ok()`', actual: undefined, expected: true, operator: '==' });
    }
    const value = args[0];
    const message = args[1];
    if (value) return;
    if (message instanceof Error) throw message;
    const err = new AssertionError({ message: message === undefined ? show(value) + ' == true' : String(message), actual: value, expected: true, operator: '==' });
    err.generatedMessage = false;
    throw err;
  }
  function assert() { okCheck(arguments); }
  assert.ok = function () { okCheck(arguments); };
  assert.equal = function (a, b, m) { check(a == b, m, a, b, '==', show(a) + ' == ' + show(b)); };
  assert.notEqual = function (a, b, m) { check(a != b, m, a, b, '!=', show(a) + ' != ' + show(b)); };
  assert.strictEqual = function (a, b, m) { check(Object.is(a, b), m, a, b, 'strictEqual', Object.is(a, b) ? '' : diffMessage(a, b, 'strictEqual')); };
  assert.notStrictEqual = function (a, b, m) { check(!Object.is(a, b), m, a, b, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + show(b)); };
  assert.deepEqual = function (a, b, m) { check(looseEqual(a, b), m, a, b, 'deepEqual', 'Expected values to be loosely deep-equal:\n\n' + show(a) + '\n\nshould equal\n\n' + show(b)); };
  assert.deepStrictEqual = function (a, b, m) { check(P.deepEqual(a, b), m, a, b, 'deepStrictEqual', P.deepEqual(a, b) ? '' : diffMessage(a, b, 'deepStrictEqual')); };
  assert.notDeepEqual = function (a, b, m) { check(!looseEqual(a, b), m, a, b, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to:\n\n' + show(b)); };
  assert.notDeepStrictEqual = function (a, b, m) { check(!P.deepEqual(a, b), m, a, b, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + show(b)); };
  // Newman's bundle is minified: operators that are function names read "e".
  const FN_OPERATOR = 'e';
  assert.fail = function (actual, expected, message, operator) {
    const n = arguments.length;
    if (n === 0) throw new AssertionError({ message: 'Failed', operator: 'fail' });
    if (n === 1) {
      if (actual instanceof Error) throw actual;
      throw new AssertionError({ message: String(actual), operator: 'fail', userMessage: true });
    }
    if (n === 2) throw new TypeError('(intermediate value)(intermediate value)(intermediate value) is not a function');
    if (message instanceof Error) throw message;
    const generated = message === undefined;
    throw new AssertionError({ message: generated ? show(actual) + ' ' + (operator === undefined ? 'fail' : operator) + ' ' + show(expected) : String(message), actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, userMessage: !generated });
  };
  assert.ifError = function (v) {
    if (v === null || v === undefined) return;
    let text = 'ifError got unwanted exception: ';
    text += v !== null && typeof v === 'object' && typeof v.message === 'string' ? (v.message.length === 0 && v.constructor ? v.constructor.name : v.message) : show(v);
    throw new AssertionError({ message: text, actual: v, expected: null, operator: 'ifError', userMessage: true });
  };
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
    if (typeof fn !== 'function') {
      const e = new TypeError('The "fn" argument must be of type Function. Received type ' + typeof fn);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (!threw) {
      const named = typeof expected === 'function' && expected.name ? ' (' + expected.name + ')' : '';
      throw new AssertionError({ message: 'Missing expected exception' + named + (message ? ': ' + message : '.'), actual: undefined, expected: expected, operator: FN_OPERATOR, userMessage: true });
    }
    if (!matchesError(thrown, expected)) throw thrown;
  };
  assert.doesNotThrow = function (fn, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    try { fn(); } catch (e) {
      if (expected !== undefined && !matchesError(e, expected)) throw e;
      throw new AssertionError({ message: 'Got unwanted exception' + (message ? ': ' + message : '.') + '\nActual message: "' + (e && e.message) + '"', actual: e, expected: expected, operator: FN_OPERATOR, userMessage: true });
    }
  };
  assert.rejects = function (promise, expected, message) {
    const p = typeof promise === 'function' ? promise() : promise;
    return p.then(function () { check(false, message, undefined, expected, 'rejects', 'Missing expected rejection.'); }, function (e) { if (!matchesError(e, expected)) throw e; });
  };
  assert.AssertionError = AssertionError;
  assert.doesNotReject = function (promise) {
    const p = typeof promise === 'function' ? promise() : promise;
    return Promise.resolve(p).then(function () {});
  };
  // `assert.strict`: the same checks with equal/deepEqual (and their negations) strict.
  function strict() { okCheck(arguments); }
  for (const k of Object.keys(assert)) strict[k] = assert[k];
  strict.equal = assert.strictEqual;
  strict.notEqual = assert.notStrictEqual;
  strict.deepEqual = assert.deepStrictEqual;
  strict.notDeepEqual = assert.notDeepStrictEqual;
  strict.strict = strict;
  assert.strict = strict;
  return assert;
})
