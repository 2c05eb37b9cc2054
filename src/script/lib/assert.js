// postie library: `require('assert')` as Newman's sandbox bundles it (assert 2.0.0 on the
// browser's util.inspect): `assert(v)`, `ok`, `equal`, `notEqual`, `strictEqual`,
// `notStrictEqual`, `deepEqual`, `deepStrictEqual`, `notDeepEqual`, `notDeepStrictEqual`,
// `throws`, `doesNotThrow`, `rejects`, `doesNotReject`, `ifError`, `fail`, `strict`, throwing
// `AssertionError`s with its messages (the "+ actual - expected" diff) and Node-style argument
// errors. The bundle is minified: the functions' own names (the operator of throws and
// doesNotThrow failures) read "e" there, and so here.
(function (P, lib) {
  'use strict';

  const inspect = function (v) { return lib('util').inspect(v); };
  // Values in messages: the whole value (depth 1000), no custom inspect.
  const inspectValue = function (v) {
    return lib('util').inspect(v, {
      compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
      breakLength: Infinity, showProxy: false, sorted: true, getters: true,
    });
  };
  const isObject = function (v) { return typeof v === 'object' && v !== null; };
  const isObj = function (v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; };
  const isRegExp = function (v) { return Object.prototype.toString.call(v) === '[object RegExp]'; };
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
  const strictDeepEqual = function (a, b) { return P.deepEqual(a, b); };

  // ---- Node-style argument errors (a TypeError with an own `code`) ----------------------------
  function codeError(Base, code, message) {
    const e = new Base(message);
    e.code = code;
    return e;
  }
  function typeList(expected) {
    if (!Array.isArray(expected)) return 'of type ' + String(expected);
    const names = expected.map(String);
    if (names.length > 2) return 'one of type ' + names.slice(0, -1).join(', ') + ', or ' + names[names.length - 1];
    if (names.length === 2) return 'one of type ' + names[0] + ' or ' + names[1];
    return 'of type ' + names[0];
  }
  function invalidArgType(name, expected, actual) {
    const what = name.indexOf('.') >= 0 ? 'property' : 'argument';
    return codeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      'The "' + name + '" ' + what + ' must be ' + typeList(expected) + '. Received type ' + typeof actual);
  }
  function invalidArgValue(name, value, reason) {
    let shown = inspect(value);
    if (shown.length > 128) shown = shown.slice(0, 128) + '...';
    return codeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument '" + name + "' " + reason + '. Received ' + shown);
  }
  function missingArgs() { return codeError(TypeError, 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified'); }

  // ---- AssertionError ---------------------------------------------------------------------------
  const READABLE = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    equal: 'Expected values to be loosely equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notEqual: 'Expected "actual" to be loosely unequal to:',
    notIdentical: 'Values identical but not reference-equal:',
  };
  // At most 27 lines, the last of them "..." (for more than 30).
  function capLines(lines) {
    if (lines.length > 30) {
      lines[26] = '...';
      lines.length = 27;
    }
    return lines;
  }

  // The "+ actual - expected" message of strictEqual and deepStrictEqual: the two inspected
  // values line by line, with lines in common shown around the differing ones (a few at most),
  // identical trailing lines collapsed, short primitives as `a !== b`.
  function diffMessage(actual, expected, operator) {
    const actualText = inspectValue(actual);
    const aLines = actualText.split('\n');
    const eLines = inspectValue(expected).split('\n');
    let pending = '';
    let out = '';
    let lastDiff = 0;
    let tail = '';
    let skipped = false;
    let n = 0;
    let pointer = '';
    if (operator === 'strictEqual' && isObject(actual) && isObject(expected)) operator = 'strictEqualObject';
    if (aLines.length === 1 && eLines.length === 1 && aLines[0] !== eLines[0]) {
      const width = aLines[0].length + eLines[0].length;
      if (width <= 10) {
        if (!isObject(actual) && !isObject(expected) && (actual !== 0 || expected !== 0)) {
          return READABLE[operator] + '\n\n' + aLines[0] + ' !== ' + eLines[0] + '\n';
        }
      } else if (operator !== 'strictEqualObject' && width < 80) {
        while (aLines[0][n] === eLines[0][n]) n++;
        if (n > 2) {
          pointer = '\n  ' + ' '.repeat(n) + '^';
          n = 0;
        }
      }
    }
    // Trailing lines both share: the last two kept, one more remembered.
    let a = aLines[aLines.length - 1];
    let b = eLines[eLines.length - 1];
    while (a === b) {
      if (n++ < 2) tail = '\n  ' + a + tail;
      else pending = a;
      aLines.pop();
      eLines.pop();
      if (aLines.length === 0 || eLines.length === 0) break;
      a = aLines[aLines.length - 1];
      b = eLines[eLines.length - 1];
    }
    const lineCount = Math.max(aLines.length, eLines.length);
    if (lineCount === 0) return READABLE.notIdentical + '\n\n' + capLines(actualText.split('\n')).join('\n') + '\n';
    if (n > 3) {
      tail = '\n...' + tail;
      skipped = true;
    }
    if (pending !== '') {
      tail = '\n  ' + pending + tail;
      pending = '';
    }
    let printed = 0;
    const head = READABLE[operator] + '\n+ actual - expected';
    // Lines in common just before a differing line (from `lines`), after a gap.
    const context = function (lines, i) {
      const gap = i - lastDiff;
      if (gap > 1 && i > 2) {
        if (gap > 4) {
          out += '\n...';
          skipped = true;
        } else if (gap > 3) {
          out += '\n  ' + lines[i - 2];
          printed++;
        }
        out += '\n  ' + lines[i - 1];
        printed++;
      }
      lastDiff = i;
    };
    for (let i = 0; i < lineCount; i++) {
      const gap = i - lastDiff;
      if (aLines.length < i + 1) {
        context(eLines, i);
        pending += '\n- ' + eLines[i];
        printed++;
      } else if (eLines.length < i + 1) {
        context(aLines, i);
        out += '\n+ ' + aLines[i];
        printed++;
      } else {
        const eLine = eLines[i];
        let aLine = aLines[i];
        // Lines differing only by a trailing comma are the same line.
        let differ = aLine !== eLine && (!aLine.endsWith(',') || aLine.slice(0, -1) !== eLine);
        if (differ && eLine.endsWith(',') && eLine.slice(0, -1) === aLine) {
          differ = false;
          aLine += ',';
        }
        if (differ) {
          context(aLines, i);
          out += '\n+ ' + aLine;
          pending += '\n- ' + eLine;
          printed += 2;
        } else {
          out += pending;
          pending = '';
          if (gap === 1 || i === 0) {
            out += '\n  ' + aLine;
            printed++;
          }
        }
      }
      if (printed > 20 && i < lineCount - 2) return head + ' ... Lines skipped\n' + out + '\n...' + pending + '\n...';
    }
    return head + (skipped ? ' ... Lines skipped' : '') + '\n' + out + pending + tail + pointer;
  }
  function generatedMessage(actual, expected, operator) {
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') return diffMessage(actual, expected, operator);
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      const head = operator === 'notStrictEqual' && isObject(actual) ? READABLE.notStrictEqualObject : READABLE[operator];
      const lines = capLines(inspectValue(actual).split('\n'));
      return lines.length === 1 ? head + ' ' + lines[0] : head + '\n\n' + lines.join('\n') + '\n';
    }
    let shown = inspectValue(actual);
    if (operator === 'notDeepEqual' || operator === 'notEqual') {
      shown = READABLE[operator] + '\n\n' + shown;
      return shown.length > 1024 ? shown.slice(0, 1021) + '...' : shown;
    }
    let other = inspectValue(expected);
    if (shown.length > 512) shown = shown.slice(0, 509) + '...';
    if (other.length > 512) other = other.slice(0, 509) + '...';
    if (operator === 'deepEqual' || operator === 'equal') return READABLE[operator] + '\n\n' + shown + '\n\nshould equal\n\n' + other;
    return shown + ' ' + operator + ' ' + other;
  }
  // An error's copy with its own enumerable properties and message (not its stack).
  function copyError(source) {
    const target = Object.create(Object.getPrototypeOf(source));
    Object.keys(source).forEach(function (k) { target[k] = source[k]; });
    Object.defineProperty(target, 'message', { value: source.message });
    return target;
  }
  class AssertionError extends Error {
    constructor(options) {
      if (!isObject(options)) throw invalidArgType('options', 'Object', options);
      const message = options.message;
      const operator = options.operator;
      let actual = options.actual;
      let expected = options.expected;
      let text;
      if (message !== null && message !== undefined) {
        text = String(message);
      } else {
        if (isObject(actual) && isObject(expected) && 'stack' in actual && actual instanceof Error &&
          'stack' in expected && expected instanceof Error) {
          actual = copyError(actual);
          expected = copyError(expected);
        }
        text = generatedMessage(actual, expected, operator);
      }
      super(text);
      this.generatedMessage = !message;
      Object.defineProperty(this, 'name', { value: 'AssertionError', enumerable: false, writable: true, configurable: true });
      this.code = 'ERR_ASSERTION';
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    toString() { return this.name + ' [' + this.code + ']: ' + this.message; }
  }

  // ---- the assertions ---------------------------------------------------------------------------
  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    throw new AssertionError(obj);
  }
  function innerOk(argCount, value, message) {
    if (value) return;
    let generated = false;
    if (argCount === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
    err.generatedMessage = generated;
    throw err;
  }
  function assert(value, message) { innerOk(arguments.length, value, message); }
  let warned = false;
  assert.fail = function (actual, expected, message, operator) {
    const n = arguments.length;
    let internal;
    if (n === 0) {
      internal = 'Failed';
    } else if (n === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!warned) {
        warned = true;
        // assert 2.0.0 warns through process.emitWarning, which the bundle's process shim lacks.
        throw new TypeError('(intermediate value)(intermediate value)(intermediate value) is not a function');
      }
      if (n === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const args = { actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator };
    if (message !== undefined) args.message = message;
    const err = new AssertionError(args);
    if (internal) {
      err.message = internal;
      err.generatedMessage = true;
    }
    throw err;
  };
  assert.AssertionError = AssertionError;
  assert.ok = function (value, message) { innerOk(arguments.length, value, message); };
  function comparison(operator, passes) {
    return function (actual, expected, message) {
      if (arguments.length < 2) throw missingArgs();
      if (!passes(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: operator });
    };
  }
  assert.equal = comparison('==', function (a, b) { return a == b; }); // eslint-disable-line eqeqeq
  assert.notEqual = comparison('!=', function (a, b) { return a != b; }); // eslint-disable-line eqeqeq
  assert.deepEqual = comparison('deepEqual', looseEqual);
  assert.notDeepEqual = comparison('notDeepEqual', function (a, b) { return !looseEqual(a, b); });
  assert.deepStrictEqual = comparison('deepStrictEqual', strictDeepEqual);
  assert.notDeepStrictEqual = comparison('notDeepStrictEqual', function (a, b) { return !strictDeepEqual(a, b); });
  assert.strictEqual = comparison('strictEqual', Object.is);
  assert.notStrictEqual = comparison('notStrictEqual', function (a, b) { return !Object.is(a, b); });

  // The name the minified bundle gives the assert functions (the operator of their failures).
  const FN_NAME = 'e';
  const NOTHING_THROWN = {};
  // The keys of `obj` among `keys`; a string of `actual` that a RegExp of `obj` matches is shown
  // as is.
  function comparisonOf(obj, keys, actual) {
    const out = {};
    keys.forEach(function (k) {
      if (!(k in obj)) return;
      out[k] = actual !== undefined && typeof actual[k] === 'string' && isRegExp(obj[k]) && obj[k].test(actual[k]) ? actual[k] : obj[k];
    });
    Object.setPrototypeOf(out, Comparison.prototype);
    return out;
  }
  function Comparison() {}
  function compareErrorKey(actual, expected, key, message, keys) {
    if (key in actual && strictDeepEqual(actual[key], expected[key])) return;
    if (!message) {
      const err = new AssertionError({
        actual: comparisonOf(actual, keys), expected: comparisonOf(expected, keys, actual), operator: 'deepStrictEqual',
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = FN_NAME;
      throw err;
    }
    innerFail({ actual: actual, expected: expected, message: message, operator: FN_NAME });
  }
  function matchesExpected(actual, expected, message, checkObject) {
    if (typeof expected !== 'function') {
      if (isRegExp(expected)) return expected.test(actual);
      if (!checkObject) throw invalidArgType('expected', ['Function', 'RegExp'], expected);
      if (!isObject(actual)) {
        const err = new AssertionError({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
        err.operator = FN_NAME;
        throw err;
      }
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw invalidArgValue('error', expected, 'may not be an empty object');
      keys.forEach(function (k) {
        if (typeof actual[k] === 'string' && isRegExp(expected[k]) && expected[k].test(actual[k])) return;
        compareErrorKey(actual, expected, k, message, keys);
      });
      return true;
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Error.isPrototypeOf(expected)) return false;
    return expected.call({}, actual) === true;
  }
  function thrownBy(fn) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
    try {
      fn();
    } catch (e) {
      return e;
    }
    return NOTHING_THROWN;
  }
  function expectError(actual, error, message, hasMessage) {
    if (typeof error === 'string') {
      if (hasMessage) throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
      if (isObject(actual)) {
        if (actual.message === error) {
          throw codeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT',
            'The "error/message" argument is ambiguous. The error message "' + actual.message + '" is identical to the message.');
        }
      } else if (actual === error) {
        throw codeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT',
          'The "error/message" argument is ambiguous. The error "' + actual + '" is identical to the message.');
      }
      message = error;
      error = undefined;
    } else if (error !== null && error !== undefined && typeof error !== 'object' && typeof error !== 'function') {
      throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (actual === NOTHING_THROWN) {
      let details = error && error.name ? ' (' + error.name + ')' : '';
      details += message ? ': ' + message : '.';
      innerFail({ actual: undefined, expected: error, operator: FN_NAME, message: 'Missing expected exception' + details });
    }
    if (error && !matchesExpected(actual, error, message, true)) throw actual;
  }
  function expectNoError(actual, error, message) {
    if (actual === NOTHING_THROWN) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || matchesExpected(actual, error, undefined, false)) {
      innerFail({
        actual: actual, expected: error, operator: FN_NAME,
        message: 'Got unwanted exception' + (message ? ': ' + message : '.') + '\nActual message: "' + (actual && actual.message) + '"',
      });
    }
    throw actual;
  }
  assert.throws = function (fn, error, message) { expectError(thrownBy(fn), error, message, arguments.length > 3); };
  function settled(promiseFn) {
    return Promise.resolve().then(function () {
      let pending;
      if (typeof promiseFn === 'function') {
        pending = promiseFn();
        if (!isThenable(pending)) {
          const type = pending && pending.constructor && pending.constructor.name ? 'instance of ' + pending.constructor.name : 'type ' + typeof pending;
          throw codeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
            'Expected instance of Promise to be returned from the "promiseFn" function but got ' + type + '.');
        }
      } else if (isThenable(promiseFn)) {
        pending = promiseFn;
      } else {
        throw invalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
      }
      return Promise.resolve().then(function () { return pending; })
        .then(function () { return NOTHING_THROWN; }, function (e) { return e; });
    });
  }
  function isThenable(v) {
    return v instanceof Promise || (isObject(v) && typeof v.then === 'function' && typeof v.catch === 'function');
  }
  assert.rejects = function (promiseFn, error, message) {
    const n = arguments.length;
    return settled(promiseFn).then(function (actual) { expectError(actual, error, message, n > 3); });
  };
  assert.doesNotThrow = function (fn, error, message) { expectNoError(thrownBy(fn), error, message); };
  assert.doesNotReject = function (promiseFn, error, message) {
    return settled(promiseFn).then(function (actual) { expectNoError(actual, error, message); });
  };
  assert.ifError = function (err) {
    if (err === null || err === undefined) return;
    let text = 'ifError got unwanted exception: ';
    if (isObject(err) && typeof err.message === 'string') {
      text += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
    } else {
      text += inspect(err);
    }
    throw new AssertionError({ actual: err, expected: null, operator: 'ifError', message: text });
  };
  // `assert.strict`: the same checks with equal/deepEqual (and their negations) strict.
  function strict(value, message) { innerOk(arguments.length, value, message); }
  assert.strict = Object.assign(strict, assert, {
    equal: assert.strictEqual, deepEqual: assert.deepStrictEqual, notEqual: assert.notStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  assert.strict.strict = assert.strict;
  return assert;
})
