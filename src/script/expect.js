// postie prelude: `pm.expect`, an assertion library compatible with chai 4's BDD `expect`
// (chains, flags and failure messages), written for postie.
(function (P) {
  'use strict';

  const { typeName, display, inspect } = P;
  const hasOwn = Object.prototype.hasOwnProperty;

  class AssertionError extends Error {
    constructor(message, actual, expected, showDiff) {
      super(message);
      this.actual = actual;
      this.expected = expected;
      this.showDiff = Boolean(showDiff);
    }
  }
  Object.defineProperty(AssertionError.prototype, 'name', {
    value: 'AssertionError', writable: true, configurable: true,
  });

  // ---- deep equality (chai's `eql`) -------------------------------------------------------
  function enumerableKeys(obj) {
    const keys = [];
    for (const key in obj) keys.push(key);
    return keys.concat(Object.getOwnPropertySymbols(obj).filter(function (s) {
      return Object.prototype.propertyIsEnumerable.call(obj, s);
    }));
  }

  function deepEqual(a, b, memo) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      return false;
    }
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    memo = memo || [];
    for (const pair of memo) if (pair[0] === a && pair[1] === b) return true;
    memo.push([a, b]);
    switch (tag) {
      case '[object Date]': return deepEqual(a.getTime(), b.getTime());
      case '[object RegExp]': case '[object Number]': case '[object String]': case '[object Boolean]':
        return String(a) === String(b) && a.valueOf() === b.valueOf();
      case '[object Error]': return a.name === b.name && a.message === b.message;
      case '[object Map]': case '[object Set]': {
        if (a.size !== b.size) return false;
        const left = Array.from(a.entries());
        const right = Array.from(b.entries());
        return left.every(function (entry) {
          return right.some(function (other) { return deepEqual(entry, other, memo); });
        });
      }
      case '[object Array]': case '[object Arguments]':
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], memo)) return false;
        return true;
    }
    if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    }
    const ka = enumerableKeys(a);
    const kb = enumerableKeys(b);
    if (ka.length !== kb.length) return false;
    for (const key of ka) {
      if (!(key in b) || !deepEqual(a[key], b[key], memo)) return false;
    }
    return true;
  }

  // ---- the Assertion object ----------------------------------------------------------------
  function Assertion(object, message) {
    this.__flags = {
      object: object, message: message, negate: false, deep: false, nested: false, own: false,
      any: false, all: false, contains: false, doLength: false, ordered: false,
    };
  }
  const A = Assertion.prototype;

  function fail(flags, text, actual, expected, showDiff) {
    throw new AssertionError(flags.message ? flags.message + ': ' + text : text, actual, expected, showDiff);
  }

  // The core check: `ok` is the positive outcome; messages use #{this}, #{exp} and #{act}.
  function check(a, ok, positive, negative, expected, actual, showDiff) {
    const f = a.__flags;
    if (f.negate ? !ok : ok) return;
    const act = arguments.length > 5 ? actual : f.object;
    const text = (f.negate ? negative : positive).replace(/#\{(this|act|exp)\}/g, function (m, k) {
      return display(k === 'this' ? f.object : k === 'act' ? act : expected);
    });
    fail(f, text, act, expected, showDiff);
  }

  function sub(a, object) {
    return new Assertion(object, a.__flags.message);
  }

  function argError(a, text) {
    fail(a.__flags, text);
  }

  function define(name, getter) {
    Object.defineProperty(A, name, { get: getter, configurable: true });
  }

  function method(names, fn) {
    for (const name of [].concat(names)) {
      Object.defineProperty(A, name, {
        value: function () {
          const out = fn.apply(this, arguments);
          return out === undefined ? this : out;
        },
        writable: true, configurable: true,
      });
    }
  }

  function property(names, fn) {
    for (const name of [].concat(names)) {
      define(name, function () {
        const out = fn.call(this);
        return out === undefined ? this : out;
      });
    }
  }

  // A chainable method works both as `.include(x)` and as the chain `.include.members(...)`.
  function chainable(names, fn, onChain) {
    for (const name of [].concat(names)) {
      define(name, function () {
        const self = this;
        if (onChain) onChain.call(self);
        const call = function () {
          const out = fn.apply(self, arguments);
          return out === undefined ? self : out;
        };
        delete call.length;
        delete call.name;
        Object.setPrototypeOf(call, self);
        return call;
      });
    }
  }

  for (const word of ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with',
    'at', 'of', 'same', 'but', 'does', 'still', 'also']) {
    define(word, function () { return this; });
  }
  for (const flag of ['deep', 'nested', 'own', 'ordered', 'any', 'all']) {
    define(flag, function () { this.__flags[flag] = true; return this; });
  }
  define('not', function () { this.__flags.negate = true; return this; });

  // ---- type assertions -----------------------------------------------------------------------
  function assertType(type, message) {
    if (message) this.__flags.message = message;
    type = String(type).toLowerCase();
    const article = /^[aeiou]/.test(type) ? 'an ' : 'a ';
    check(this, type === typeName(this.__flags.object),
      'expected #{this} to be ' + article + type, 'expected #{this} not to be ' + article + type);
  }
  chainable(['a', 'an'], assertType);

  property('ok', function () {
    if (P.isHttpMessage && P.isHttpMessage(this.__flags.object)) return P.namedStatus(this, 'OK', 200);
    check(this, Boolean(this.__flags.object), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  });
  property('true', function () {
    const f = this.__flags;
    check(this, f.object === true, 'expected #{this} to be true', 'expected #{this} to be false', !f.negate);
  });
  property('false', function () {
    const f = this.__flags;
    check(this, f.object === false, 'expected #{this} to be false', 'expected #{this} to be true', Boolean(f.negate));
  });
  property('null', function () {
    check(this, this.__flags.object === null, 'expected #{this} to be null', 'expected #{this} not to be null');
  });
  property('undefined', function () {
    check(this, this.__flags.object === undefined, 'expected #{this} to be undefined', 'expected #{this} not to be undefined');
  });
  property('NaN', function () {
    const o = this.__flags.object;
    check(this, typeof o === 'number' && o !== o, 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  });
  property('exist', function () {
    const o = this.__flags.object;
    check(this, o !== null && o !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  });
  property('finite', function () {
    const o = this.__flags.object;
    check(this, typeof o === 'number' && isFinite(o), 'expected #{this} to be a finite number', 'expected #{this} to not be a finite number');
  });
  property('empty', function () {
    const o = this.__flags.object;
    const t = typeName(o);
    let size;
    if (t === 'string' || t === 'array') size = o.length;
    else if (t === 'map' || t === 'set') size = o.size;
    else if (t === 'weakmap' || t === 'weakset') throw new TypeError('.empty was passed a weak collection');
    else if (t === 'function') throw new TypeError('.empty was passed a function ' + (o.name || ''));
    else if (o !== null && typeof o === 'object') size = Object.keys(o).length;
    else throw new TypeError('.empty was passed non-string primitive ' + inspect(o));
    check(this, size === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });
  for (const [name, test, word] of [
    ['sealed', Object.isSealed, 'sealed'], ['frozen', Object.isFrozen, 'frozen'],
    ['extensible', Object.isExtensible, 'extensible']]) {
    property(name, function () {
      const o = this.__flags.object;
      const ok = o === Object(o) ? test(o) : word !== 'extensible';
      check(this, ok, 'expected #{this} to be ' + word, 'expected #{this} to not be ' + word);
    });
  }

  // ---- equality ------------------------------------------------------------------------------
  function eql(expected, message) {
    if (message) this.__flags.message = message;
    check(this, deepEqual(expected, this.__flags.object), 'expected #{this} to deeply equal #{exp}',
      'expected #{this} to not deeply equal #{exp}', expected, this.__flags.object, true);
  }
  method(['eql', 'eqls'], eql);
  method(['equal', 'equals', 'eq'], function (expected, message) {
    if (message) this.__flags.message = message;
    if (this.__flags.deep) return eql.call(this, expected);
    check(this, expected === this.__flags.object, 'expected #{this} to equal #{exp}',
      'expected #{this} to not equal #{exp}', expected, this.__flags.object, true);
  });

  // ---- include -------------------------------------------------------------------------------
  function includeCheck(expected, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const obj = f.object;
    const t = typeName(obj);
    const desc = f.deep ? 'deep ' : '';
    const same = f.deep ? deepEqual : function (x, y) { return x === y || (x !== x && y !== y); };
    let ok;
    switch (t) {
      case 'string': ok = obj.indexOf(expected) !== -1; break;
      case 'weakset': ok = obj.has(expected); break;
      case 'array': ok = obj.some(function (item) { return same(item, expected); }); break;
      case 'map': case 'set': {
        ok = false;
        obj.forEach(function (item) { if (same(item, expected)) ok = true; });
        break;
      }
      default: {
        if (obj === null || typeof obj !== 'object' && typeof obj !== 'function') {
          argError(this, 'object tested must be an array, a map, an object, a set, a string, or a weakset, but ' + t + ' given');
        }
        if (expected === null || typeof expected !== 'object') {
          argError(this, 'the given combination of arguments (' + t + ' and ' + typeName(expected) +
            ') is invalid for this assertion. You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + typeName(expected));
        }
        const keys = Object.keys(expected);
        let first = null;
        let failures = 0;
        for (const key of keys) {
          const probe = new Assertion(obj);
          Object.assign(probe.__flags, f, { object: obj });
          if (!f.negate || keys.length === 1) {
            probe.property(key, expected[key]);
            continue;
          }
          try {
            probe.property(key, expected[key]);
          } catch (err) {
            if (!(err instanceof AssertionError)) throw err;
            if (first === null) first = err;
            failures++;
          }
        }
        if (f.negate && keys.length > 1 && failures === keys.length) throw first;
        return;
      }
    }
    check(this, ok, 'expected #{this} to ' + desc + 'include #{exp}',
      'expected #{this} to not ' + desc + 'include #{exp}', expected);
  }
  chainable(['include', 'includes', 'contain', 'contains'], includeCheck, function () {
    this.__flags.contains = true;
  });

  // ---- properties ----------------------------------------------------------------------------
  function parsePath(path) {
    const parts = [];
    const re = /\[(\d+)\]|((?:\\.|[^.[\]\\])+)/g;
    let m;
    while ((m = re.exec(path)) !== null) {
      if (m[1] !== undefined) parts.push(Number(m[1]));
      else parts.push(m[2].replace(/\\([.[\]])/g, '$1'));
    }
    return parts;
  }

  function nestedLookup(obj, path) {
    let current = obj;
    const parts = parsePath(path);
    for (let i = 0; i < parts.length; i++) {
      if (current === null || current === undefined) return { exists: false, value: undefined };
      const key = parts[i];
      if (!(key in Object(current))) return { exists: false, value: undefined };
      current = current[key];
    }
    return { exists: parts.length > 0, value: current };
  }
  P.nestedLookup = nestedLookup;

  function propertyCheck(name, expected, message) {
    const f = this.__flags;
    const withValue = arguments.length > 1;
    if (message) f.message = message;
    const obj = f.object;
    if (f.nested && f.own) throw new Error('The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) argError(this, 'Target cannot be null or undefined');
    let has;
    let value;
    if (f.nested) {
      const found = nestedLookup(obj, String(name));
      has = found.exists;
      value = found.value;
    } else {
      has = f.own ? hasOwn.call(obj, name) : name in Object(obj);
      value = obj[name];
    }
    const desc = (f.deep ? 'deep ' : '') + (f.own ? 'own ' : '') + (f.nested ? 'nested ' : '') + 'property ';
    if (!f.negate || !withValue) {
      check(this, has, 'expected #{this} to have ' + desc + inspect(name),
        'expected #{this} to not have ' + desc + inspect(name));
    }
    if (withValue) {
      check(this, has && (f.deep ? deepEqual(expected, value) : expected === value),
        'expected #{this} to have ' + desc + inspect(name) + ' of #{exp}, but got #{act}',
        'expected #{this} to not have ' + desc + inspect(name) + ' of #{act}', expected, value);
    }
    f.object = value;
  }
  method('property', propertyCheck);
  method(['ownProperty', 'haveOwnProperty'], function () {
    this.__flags.own = true;
    return propertyCheck.apply(this, arguments);
  });

  function lengthCheck(n, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const obj = f.object;
    const t = typeName(obj);
    let size;
    let word = 'length';
    if (t === 'map' || t === 'set') {
      word = 'size';
      size = obj.size;
    } else {
      sub(this, obj).to.have.property('length');
      size = obj.length;
    }
    check(this, size == n, 'expected #{this} to have a ' + word + ' of #{exp} but got #{act}',
      'expected #{this} to not have a ' + word + ' of #{act}', n, size);
  }
  chainable(['length', 'lengthOf'], lengthCheck, function () { this.__flags.doLength = true; });
  method('size', lengthCheck);

  // ---- numbers -------------------------------------------------------------------------------
  function measured(a, n, name) {
    const f = a.__flags;
    const obj = f.object;
    const t = typeName(obj);
    const numeric = function (v) { return typeof v === 'number' || typeof v === 'bigint'; };
    if (f.doLength) {
      if (t === 'map' || t === 'set') return { value: obj.size, word: 'size' };
      sub(a, obj).to.have.property('length');
      if (!numeric(n)) argError(a, 'the argument to ' + name + ' must be a number');
      return { value: obj.length, word: 'length' };
    }
    if (t === 'date') {
      if (typeName(n) !== 'date') argError(a, 'the argument to ' + name + ' must be a date');
      return { value: obj, word: null };
    }
    if (!numeric(obj)) argError(a, 'expected ' + display(obj) + ' to be a number or a date');
    if (!numeric(n)) argError(a, 'the argument to ' + name + ' must be a number');
    return { value: obj, word: null };
  }

  function comparison(names, name, test, positive, negative) {
    method(names, function (n, message) {
      if (message) this.__flags.message = message;
      const m = measured(this, n, name);
      if (m.word) {
        check(this, test(m.value, n), 'expected #{this} to have a ' + m.word + ' ' + positive + ' #{exp} but got #{act}',
          'expected #{this} to not have a ' + m.word + ' ' + positive + ' #{exp}', n, m.value);
      } else {
        check(this, test(m.value, n), 'expected #{this} to be ' + positive + ' #{exp}',
          'expected #{this} to be ' + negative + ' #{exp}', n);
      }
    });
  }
  comparison(['above', 'gt', 'greaterThan'], 'above', function (v, n) { return v > n; }, 'above', 'at most');
  comparison(['least', 'gte', 'greaterThanOrEqual'], 'least', function (v, n) { return v >= n; }, 'at least', 'below');
  comparison(['below', 'lt', 'lessThan'], 'below', function (v, n) { return v < n; }, 'below', 'at least');
  comparison(['most', 'lte', 'lessThanOrEqual'], 'most', function (v, n) { return v <= n; }, 'at most', 'above');

  method('within', function (start, finish, message) {
    if (message) this.__flags.message = message;
    const m = measured(this, start, 'within');
    const show = function (v) { return typeName(v) === 'date' ? v.toISOString() : String(v); };
    const range = show(start) + '..' + show(finish);
    const ok = m.value >= start && m.value <= finish;
    if (m.word) {
      check(this, ok, 'expected #{this} to have a ' + m.word + ' within ' + range,
        'expected #{this} to not have a ' + m.word + ' within ' + range);
    } else {
      check(this, ok, 'expected #{this} to be within ' + range, 'expected #{this} to not be within ' + range);
    }
  });

  method(['closeTo', 'approximately'], function (expected, delta, message) {
    if (message) this.__flags.message = message;
    const obj = this.__flags.object;
    sub(this, obj).is.a('number');
    check(this, Math.abs(obj - expected) <= delta, 'expected #{this} to be close to ' + expected + ' +/- ' + delta,
      'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  });

  // ---- strings, lists, keys ------------------------------------------------------------------
  method(['match', 'matches'], function (re, message) {
    if (message) this.__flags.message = message;
    check(this, re.exec(this.__flags.object) !== null, 'expected #{this} to match ' + re,
      'expected #{this} not to match ' + re);
  });

  method('string', function (text, message) {
    if (message) this.__flags.message = message;
    const obj = this.__flags.object;
    sub(this, obj).is.a('string');
    check(this, obj.indexOf(text) !== -1, 'expected #{this} to contain ' + inspect(text),
      'expected #{this} to not contain ' + inspect(text));
  });

  method('oneOf', function (list, message) {
    const f = this.__flags;
    if (message) f.message = message;
    if (!Array.isArray(list)) argError(this, 'expected ' + display(list) + ' to be an array');
    const same = f.deep ? deepEqual : function (x, y) { return x === y; };
    const obj = f.object;
    const ok = list.some(function (item) { return same(item, obj); });
    check(this, ok, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list, obj);
  });

  method(['keys', 'key'], function () {
    const f = this.__flags;
    const obj = f.object;
    const t = typeName(obj);
    let expected = Array.prototype.slice.call(arguments);
    const first = expected[0];
    if (expected.length === 1 && Array.isArray(first)) expected = first.slice();
    else if (expected.length === 1 && typeName(first) === 'object') expected = Object.keys(first);
    let actual;
    if (t === 'map' || t === 'set') {
      actual = Array.from(obj.keys());
    } else {
      actual = obj === null || obj === undefined ? [] : Object.keys(Object(obj));
      expected = expected.map(String);
    }
    if (!expected.length) throw new Error('keys required');
    const same = f.deep ? deepEqual : function (x, y) { return x === y; };
    const present = function (k) { return actual.some(function (a) { return same(k, a); }); };
    const all = f.all || !f.any;
    let ok;
    if (f.any) ok = expected.some(present);
    if (all) ok = expected.every(present) && (f.contains || expected.length === actual.length);
    let text;
    if (expected.length > 1) {
      const shown = expected.map(function (k) { return inspect(k); });
      const last = shown.pop();
      text = 'keys ' + shown.join(', ') + (all ? ', and ' : ', or ') + last;
    } else {
      text = 'key ' + inspect(expected[0]);
    }
    text = (f.contains ? 'contain ' : 'have ') + text;
    const deep = f.deep ? 'deep ' : '';
    check(this, ok, 'expected #{this} to ' + deep + text, 'expected #{this} to not ' + deep + text,
      expected.slice().sort(), actual.slice().sort(), true);
  });

  method('members', function (expected, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const obj = f.object;
    sub(this, obj).to.be.an('array');
    sub(this, expected).to.be.an('array');
    const same = f.deep ? deepEqual : function (x, y) { return x === y; };
    let ok;
    if (f.ordered) {
      ok = (f.contains || obj.length === expected.length) &&
        expected.every(function (item, i) { return same(item, obj[i]); });
    } else {
      const pool = obj.slice();
      ok = (f.contains || obj.length === expected.length) && expected.every(function (item) {
        const at = pool.findIndex(function (other) { return same(item, other); });
        if (at === -1) return false;
        if (!f.contains) pool.splice(at, 1);
        return true;
      });
    }
    const deep = f.deep ? 'deep ' : '';
    if (f.contains) {
      const what = f.ordered ? 'an ordered superset' : 'a superset';
      check(this, ok, 'expected #{this} to be ' + what + ' of #{exp}',
        'expected #{this} to not be ' + what + ' of #{exp}', expected, obj);
    } else {
      const what = deep + (f.ordered ? 'ordered members' : 'members');
      check(this, ok, 'expected #{this} to have the same ' + what + ' as #{exp}',
        'expected #{this} to not have the same ' + what + ' as #{exp}', expected, obj);
    }
  });

  method(['instanceof', 'instanceOf'], function (ctor, message) {
    if (message) this.__flags.message = message;
    if (typeof ctor !== 'function') {
      argError(this, 'The instanceof assertion needs a constructor but ' + typeName(ctor) + ' was given.');
    }
    const name = ctor.name || display(ctor);
    check(this, this.__flags.object instanceof ctor, 'expected #{this} to be an instance of ' + name,
      'expected #{this} to not be an instance of ' + name);
  });

  method('satisfy', function (matcher, message) {
    if (message) this.__flags.message = message;
    const result = matcher(this.__flags.object);
    check(this, Boolean(result), 'expected #{this} to satisfy ' + display(matcher),
      'expected #{this} to not satisfy ' + display(matcher), !this.__flags.negate, result);
  });
  method('satisfies', function (matcher, message) { return this.satisfy(matcher, message); });

  method(['throw', 'throws', 'Throw'], function (errorLike, pattern, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const fn = f.object;
    sub(this, fn).is.a('function');
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      pattern = errorLike;
      errorLike = undefined;
    }
    let thrown;
    let didThrow = false;
    try {
      fn();
    } catch (err) {
      didThrow = true;
      thrown = err;
    }
    if (errorLike === undefined && pattern === undefined) {
      check(this, didThrow, 'expected #{this} to throw an error',
        'expected #{this} to not throw an error but #{act} was thrown', undefined, thrown);
      return;
    }
    if (typeof errorLike === 'function') {
      check(this, didThrow && thrown instanceof errorLike, 'expected #{this} to throw ' + (errorLike.name || 'an error') + ' but #{act} was thrown',
        'expected #{this} to not throw ' + (errorLike.name || 'an error') + ' but #{act} was thrown', errorLike, thrown);
    } else if (errorLike !== undefined) {
      check(this, didThrow && thrown === errorLike, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}', errorLike, thrown);
    }
    if (pattern !== undefined) {
      const text = didThrow && thrown !== null && thrown !== undefined && thrown.message !== undefined ? String(thrown.message) : String(thrown);
      const ok = didThrow && (pattern instanceof RegExp ? pattern.test(text) : text.indexOf(pattern) !== -1);
      const verb = pattern instanceof RegExp ? 'matching' : 'including';
      check(this, ok, 'expected #{this} to throw error ' + verb + ' #{exp} but got #{act}',
        'expected #{this} to throw error not ' + verb + ' #{exp}', pattern, text);
    }
    f.object = thrown;
  });

  method('respondTo', function (name, message) {
    if (message) this.__flags.message = message;
    const obj = this.__flags.object;
    const target = typeof obj === 'function' ? obj.prototype : obj;
    check(this, target !== null && target !== undefined && typeof target[name] === 'function',
      'expected #{this} to respond to ' + inspect(name), 'expected #{this} to not respond to ' + inspect(name));
  });

  function expect(value, message) {
    return new Assertion(value, message);
  }
  expect.fail = function (actual, expected, message) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message === undefined ? 'expect.fail()' : String(message), actual, expected);
  };

  P.Assertion = Assertion;
  P.AssertionError = AssertionError;
  P.assert = check;
  P.defineAssertion = { method: method, property: property, chainable: chainable };
  P.deepEqual = deepEqual;
  P.expect = expect;
})(globalThis.__postie_internal);
