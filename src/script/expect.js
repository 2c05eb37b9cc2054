// postie prelude: `pm.expect`, an assertion library compatible with chai 4's BDD `expect`
// (chains, flags and failure messages), written for postie.
(function (P) {
  'use strict';

  const { typeName, display, inspect } = P;
  const config = P.chaiConfig;
  const hasOwn = Object.prototype.hasOwnProperty;

  // type-detect's names, as chai's `_.type` gives them: typeof for primitives and functions,
  // the toString tag ('Object', 'Array', 'Map', ...) for objects.
  function chaiType(value) {
    if (value === null) return 'null';
    const t = typeof value;
    if (t !== 'object') return t;
    return Object.prototype.toString.call(value).slice(8, -1);
  }

  // chai's AssertionError: an enumerable `message` and `showDiff`, then the properties the
  // failing assertion gives it (`actual`, `expected`, `showDiff`, `operator`), in that order.
  class AssertionError extends Error {
    constructor(message, props) {
      // Deep enough to reach the script's frame below long chains of assertions (Newman reports
      // a failure outside pm.test at it).
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      super(message);
      Error.stackTraceLimit = limit;
      Object.defineProperty(this, 'message', {
        value: message || 'Unspecified AssertionError', writable: true, enumerable: true, configurable: true,
      });
      this.showDiff = false;
      if (props && typeof props === 'object') {
        for (const key of Object.keys(props)) {
          if (key !== 'name' && key !== 'message' && key !== 'stack' && key !== 'constructor' && key !== 'toJSON') {
            this[key] = props[key];
          }
        }
      }
    }
  }
  Object.defineProperty(AssertionError.prototype, 'name', {
    value: 'AssertionError', writable: true, configurable: true,
  });
  // Its JSON: the name, its own properties and the stack.
  Object.defineProperty(AssertionError.prototype, 'toJSON', {
    value: function (stack) {
      const out = { name: this.name };
      for (const key of Object.keys(this)) if (key !== 'constructor' && key !== 'toJSON' && key !== 'stack') out[key] = this[key];
      if (stack !== false && this.stack) out.stack = this.stack;
      return out;
    },
    writable: true, configurable: true,
  });

  // chai's getOperator: the comparison a failed check stands for, read from its message
  // template (none for "have" messages) and the kind of value expected.
  function operatorOf(template, expected) {
    if (!template) return undefined;
    if (/\shave\s/.test(template)) return undefined;
    const t = expected === null ? 'null' : Array.isArray(expected) ? 'Array' : typeof expected === 'function' ? 'function'
      : typeof expected === 'object' ? Object.prototype.toString.call(expected).slice(8, -1) : typeof expected;
    const isObject = t === 'Array' || t === 'Object' || t === 'function';
    if (/\snot\s/.test(template)) return isObject ? 'notDeepStrictEqual' : 'notStrictEqual';
    return isObject ? 'deepStrictEqual' : 'strictEqual';
  }

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
      case '[object Promise]': case '[object WeakMap]': case '[object WeakSet]': case '[object Symbol]':
        return false;
      case '[object Date]': return deepEqual(a.getTime(), b.getTime());
      case '[object RegExp]': return String(a) === String(b);
      case '[object Number]': case '[object String]': case '[object Boolean]':
        return String(a) === String(b) && a.valueOf() === b.valueOf();
      case '[object Error]': return a.name === b.name && a.message === b.message && deepEqual(a.code, b.code, memo);
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
  // An assertion's flags: the switches default to off on the prototype, so a new assertion
  // sets two fields only (this runs for every `pm.expect` and every check inside one).
  function Flags(object, message) {
    this.object = object;
    this.message = message;
    // chai 4.4's `eql` flag: the deep comparison every deep check uses (config.deepEqual when set).
    this.eql = config.deepEqual || deepEqual;
  }
  Object.assign(Flags.prototype, {
    negate: false, deep: false, nested: false, own: false, any: false, all: false, contains: false,
    doLength: false, ordered: false,
  });
  function Assertion(object, message) {
    this.__flags = new Flags(object, message);
  }
  const A = Assertion.prototype;

  function fail(flags, text, props) {
    throw new AssertionError(flags.message ? flags.message + ': ' + text : text, props);
  }

  // The core check: `ok` is the positive outcome; messages use #{this}, #{exp} and #{act}.
  function check(a, ok, positive, negative, expected, actual, showDiff) {
    const f = a.__flags;
    if (f.negate ? !ok : ok) return;
    const act = arguments.length > 5 ? actual : f.object;
    const text = (f.negate ? negative : positive).replace(/#\{(this|act|exp)\}/g, function (m, k) {
      return display(k === 'this' ? f.object : k === 'act' ? act : expected);
    });
    // chai shows a diff unless told not to, or unless the check named neither value.
    const named = expected !== undefined || (arguments.length > 5 && actual !== undefined);
    const props = { actual: act, expected: expected, showDiff: showDiff !== false && named };
    const operator = operatorOf(f.negate ? negative : positive, expected);
    if (operator) props.operator = operator;
    fail(f, text, props);
  }

  function sub(a, object) {
    return new Assertion(object, a.__flags.message);
  }

  // True when a check of `ok` fails under the flags (`not` inverts it).
  function fails(flags, ok) {
    return flags.negate ? Boolean(ok) : !ok;
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
  // chai's arguments check: the type of the object, as Object.prototype.toString names it.
  property(['arguments', 'Arguments'], function () {
    const type = Object.prototype.toString.call(this.__flags.object).slice(8, -1);
    check(this, type === 'Arguments', 'expected #{this} to be arguments but got ' + type, 'expected #{this} to not be arguments');
  });
  property('NaN', function () {
    const o = this.__flags.object;
    check(this, typeof o === 'number' && o !== o, 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  });
  property(['exist', 'exists'], function () {
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
    else if (t === 'weakmap' || t === 'weakset') argError(this, '.empty was passed a weak collection');
    else if (t === 'function') argError(this, ('.empty was passed a function ' + (o.name || '')).trim());
    else if (o !== null && typeof o === 'object') size = Object.keys(o).length;
    else argError(this, '.empty was passed non-string primitive ' + inspect(o));
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
    check(this, this.__flags.eql(expected, this.__flags.object), 'expected #{this} to deeply equal #{exp}',
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
    const sameValueZero = function (x, y) { return x === y || (x !== x && y !== y); };
    let ok = false;
    switch (t) {
      case 'string': ok = obj.indexOf(expected) !== -1; break;
      case 'weakset':
        if (f.deep) argError(this, 'unable to use .deep.include with WeakSet');
        ok = obj.has(expected);
        break;
      case 'map': {
        const same = f.deep ? f.eql : sameValueZero;
        obj.forEach(function (item) { ok = ok || same(item, expected); });
        break;
      }
      case 'set':
        if (f.deep) obj.forEach(function (item) { ok = ok || f.eql(item, expected); });
        else ok = obj.has(expected);
        break;
      case 'array':
        ok = f.deep ? obj.some(function (item) { return f.eql(item, expected); }) : obj.indexOf(expected) !== -1;
        break;
      default: {
        if (expected !== Object(expected)) {
          const et = typeName(expected);
          argError(this, 'the given combination of arguments (' + t + ' and ' + et +
            ') is invalid for this assertion. You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + et);
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
    check(this, ok, 'expected #{this} to ' + desc + 'include ' + inspect(expected),
      'expected #{this} to not ' + desc + 'include ' + inspect(expected));
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
  P.parsePath = parsePath;

  function propertyCheck(name, expected, message) {
    const f = this.__flags;
    const withValue = arguments.length > 1;
    if (message) f.message = message;
    const obj = f.object;
    const nameType = typeof name;
    if (f.nested && nameType !== 'string') {
      argError(this, 'the argument to property must be a string when using nested syntax');
    }
    if (!f.nested && nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      argError(this, 'the argument to property must be a string, number, or symbol');
    }
    if (f.nested && f.own) argError(this, 'The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) argError(this, 'Target cannot be null or undefined.');
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
    // The messages (which inspect the name) are only built for a failing check.
    if ((!f.negate || !withValue) && fails(f, has)) {
      check(this, has, 'expected #{this} to have ' + desc + inspect(name),
        'expected #{this} to not have ' + desc + inspect(name));
    }
    if (withValue) {
      const same = has && (f.deep ? f.eql(expected, value) : expected === value);
      if (fails(f, same)) {
        check(this, same,
          'expected #{this} to have ' + desc + inspect(name) + ' of #{exp}, but got #{act}',
          'expected #{this} to not have ' + desc + inspect(name) + ' of #{act}', expected, value);
      }
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
  // `finish` (within's second bound) is checked with `n`; chai words that check in the plural.
  function measured(a, n, name, finish) {
    const f = a.__flags;
    const obj = f.object;
    const t = typeName(obj);
    const isNumber = function (v) { return typeof v === 'number' || typeof v === 'bigint'; };
    const two = arguments.length > 3;
    const numeric = two ? function (v) { return isNumber(v) && isNumber(finish); } : isNumber;
    const need = function (kind) {
      return two ? 'the arguments to ' + name + ' must be ' + kind + 's' : 'the argument to ' + name + ' must be a ' + kind;
    };
    if (f.doLength) {
      if (t === 'map' || t === 'set') return { value: obj.size, word: 'size' };
      sub(a, obj).to.have.property('length');
      if (!numeric(n)) argError(a, need('number'));
      return { value: obj.length, word: 'length' };
    }
    if (t === 'date') {
      if (typeName(n) !== 'date' || (two && typeName(finish) !== 'date')) argError(a, need('date'));
      return { value: obj, word: null };
    }
    // chai builds this one by concatenation: only a string is quoted.
    if (!isNumber(obj)) argError(a, 'expected ' + (typeof obj === 'string' ? "'" + obj + "'" : String(obj)) + ' to be a number or a date');
    if (!numeric(n)) argError(a, need('number'));
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
    const m = measured(this, start, 'within', finish);
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
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      argError(this, 'the arguments to closeTo or approximately must be numbers' +
        (delta === undefined ? ', and a delta is required' : ''));
    }
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
    const obj = f.object;
    if (f.contains) {
      check(this, list.some(function (item) { return obj.indexOf(item) > -1; }), 'expected #{this} to contain one of #{exp}',
        'expected #{this} to not contain one of #{exp}', list, obj);
    } else if (f.deep) {
      check(this, list.some(function (item) { return f.eql(obj, item); }), 'expected #{this} to deeply equal one of #{exp}',
        'expected #{this} to deeply equal one of #{exp}', list, obj);
    } else {
      check(this, list.indexOf(obj) > -1, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list, obj);
    }
  });

  method(['keys', 'key'], function (keys) {
    const f = this.__flags;
    const obj = f.object;
    const objType = chaiType(obj);
    const keysType = chaiType(keys);
    const mixed = 'when testing keys against an object or an array you must give a single Array|Object|String argument or multiple String arguments';
    let expected;
    let actual;
    let deepWord = '';
    if (objType === 'Map' || objType === 'Set') {
      deepWord = f.deep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (v, k) { actual.push(k); });
      expected = keysType === 'Array' ? keys : Array.prototype.slice.call(arguments);
    } else {
      // Own enumerable names, then own enumerable symbols (null and undefined throw here).
      actual = Object.keys(obj).concat(Object.getOwnPropertySymbols(Object(obj)).filter(function (sym) {
        return Object.prototype.propertyIsEnumerable.call(obj, sym);
      }));
      if (keysType === 'Array' || keysType === 'Object') {
        if (arguments.length > 1) argError(this, mixed);
        expected = keysType === 'Array' ? keys : Object.keys(keys);
      } else {
        expected = Array.prototype.slice.call(arguments);
      }
      expected = expected.map(function (k) { return typeof k === 'symbol' ? k : String(k); });
    }
    if (!expected.length) argError(this, 'keys required');
    const same = f.deep ? f.eql : function (x, y) { return x === y; };
    const present = function (k) { return actual.some(function (a) { return same(k, a); }); };
    const all = f.all || !f.any;
    let ok;
    if (f.any) ok = expected.some(present);
    if (all) ok = expected.every(present) && (f.contains || expected.length === actual.length);
    let text;
    if (expected.length > 1) {
      const shown = expected.map(function (k) { return inspect(k); });
      const last = shown.pop();
      text = 'keys ' + shown.join(', ') + (f.any ? ', or ' : ', and ') + last;
    } else {
      text = 'key ' + inspect(expected[0]);
    }
    text = (f.contains ? 'contain ' : 'have ') + text;
    const byInspect = function (a, b) { return inspect(a) < inspect(b) ? -1 : 1; };
    check(this, ok, 'expected #{this} to ' + deepWord + text, 'expected #{this} to not ' + deepWord + text,
      expected.slice().sort(byInspect), actual.slice().sort(byInspect), true);
  });

  method('members', function (expected, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const obj = f.object;
    sub(this, obj).to.be.an('array');
    sub(this, expected).to.be.an('array');
    const same = f.deep ? f.eql : function (x, y) { return x === y; };
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
    if (f.contains) {
      const what = f.ordered ? 'an ordered superset' : 'a superset';
      check(this, ok, 'expected #{this} to be ' + what + ' of #{exp}',
        'expected #{this} to not be ' + what + ' of #{exp}', expected, obj, true);
    } else {
      const what = f.ordered ? 'ordered members' : 'members';
      check(this, ok, 'expected #{this} to have the same ' + what + ' as #{exp}',
        'expected #{this} to not have the same ' + what + ' as #{exp}', expected, obj, true);
    }
  });

  method(['instanceof', 'instanceOf'], function (ctor, message) {
    if (message) this.__flags.message = message;
    let ok;
    try {
      ok = this.__flags.object instanceof ctor;
    } catch (err) {
      if (err instanceof TypeError) {
        argError(this, 'The instanceof assertion needs a constructor but ' + chaiType(ctor) + ' was given.');
      }
      throw err;
    }
    const name = ctor.name || display(ctor);
    check(this, ok, 'expected #{this} to be an instance of ' + name,
      'expected #{this} to not be an instance of ' + name);
  });

  method('satisfy', function (matcher, message) {
    if (message) this.__flags.message = message;
    const result = matcher(this.__flags.object);
    check(this, Boolean(result), 'expected #{this} to satisfy ' + display(matcher),
      'expected #{this} to not satisfy' + display(matcher), !this.__flags.negate, result);
  });
  method('satisfies', function (matcher, message) { return this.satisfy(matcher, message); });

  // check-error's helpers, as chai's throw uses them.
  function constructorName(errorLike) {
    if (errorLike instanceof Error) return errorLike.constructor && errorLike.constructor.name || '';
    if (typeof errorLike === 'function') {
      const name = String(errorLike.name || '').trim();
      if (name) return name;
      try {
        const made = new errorLike();
        return made && made.constructor && made.constructor.name || '';
      } catch (e) {
        return '';
      }
    }
    return errorLike;
  }
  function compatibleConstructor(thrown, errorLike) {
    if (errorLike instanceof Error) {
      return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
    }
    if (typeof errorLike === 'function' && (errorLike.prototype instanceof Error || errorLike === Error)) {
      return thrown.constructor === errorLike || thrown instanceof errorLike;
    }
    return false;
  }
  function compatibleMessage(thrown, matcher) {
    const text = typeof thrown === 'string' ? thrown : thrown.message;
    if (matcher instanceof RegExp) return matcher.test(text);
    if (typeof matcher === 'string') return String(text).indexOf(matcher) !== -1;
    return false;
  }
  function thrownMessage(thrown) {
    if (thrown && thrown.message) return thrown.message;
    return typeof thrown === 'string' ? thrown : '';
  }
  function thrownShown(thrown) {
    if (thrown instanceof Error) return thrown.toString();
    return thrown && constructorName(thrown);
  }

  method(['throw', 'throws', 'Throw'], function (errorLike, matcher, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const fn = f.object;
    const negate = f.negate;
    sub(this, fn).is.a('function');
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      matcher = errorLike;
      errorLike = null;
    }
    let caught;
    try {
      fn();
    } catch (err) {
      caught = err;
    }
    const noArgs = errorLike === undefined && matcher === undefined;
    const bothArgs = Boolean(errorLike && matcher);
    let likeFailed = false;
    let matcherFailed = false;
    const shownLike = function () {
      return errorLike instanceof Error ? errorLike.toString() : errorLike && constructorName(errorLike);
    };
    if (noArgs || !negate) {
      let what = 'an error';
      if (errorLike instanceof Error) what = '#{exp}';
      else if (errorLike) what = constructorName(errorLike);
      check(this, Boolean(caught), 'expected #{this} to throw ' + what,
        'expected #{this} to not throw an error but #{act} was thrown', errorLike && errorLike.toString(), thrownShown(caught));
    }
    if (errorLike && caught) {
      if (errorLike instanceof Error) {
        const same = caught === errorLike;
        if (same === negate) {
          if (bothArgs && negate) likeFailed = true;
          else {
            check(this, negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' + (caught && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caught.toString());
          }
        }
      }
      const compatible = compatibleConstructor(caught, errorLike);
      if (compatible === negate) {
        if (bothArgs && negate) likeFailed = true;
        else {
          check(this, negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''), shownLike(), thrownShown(caught));
        }
      }
    }
    if (caught && matcher !== undefined && matcher !== null) {
      const verb = matcher instanceof RegExp ? 'matching' : 'including';
      const compatible = compatibleMessage(caught, matcher);
      if (compatible === negate) {
        if (bothArgs && negate) matcherFailed = true;
        else {
          check(this, negate, 'expected #{this} to throw error ' + verb + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + verb + ' #{exp}', matcher, thrownMessage(caught));
        }
      }
    }
    if (likeFailed && matcherFailed) {
      check(this, negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''), shownLike(), thrownShown(caught));
    }
    f.object = caught;
  });

  define('itself', function () { this.__flags.itself = true; return this; });

  // change / increase / decrease (with `by`): the target function runs between two reads of
  // `subject[prop]`, or of `subject()` when no property is given.
  function delta(behavior, compare) {
    return function (subject, prop, message) {
      const f = this.__flags;
      if (message) f.message = message;
      const fn = f.object;
      sub(this, fn).is.a('function');
      let initial;
      if (!prop) {
        sub(this, subject).is.a('function');
        initial = subject();
      } else {
        sub(this, subject).to.have.property(prop);
        initial = subject[prop];
      }
      if (behavior !== 'change') sub(this, initial).is.a('number');
      fn();
      const final = prop === undefined || prop === null ? subject() : subject[prop];
      const shown = prop === undefined || prop === null ? initial : '.' + prop;
      f.deltaMsgObj = shown;
      f.initialDeltaValue = initial;
      f.finalDeltaValue = final;
      f.deltaBehavior = behavior;
      f.realDelta = behavior === 'change' ? final !== initial : behavior === 'increase' ? final - initial : initial - final;
      check(this, compare(initial, final), 'expected ' + shown + ' to ' + behavior, 'expected ' + shown + ' to not ' + behavior);
    };
  }
  method(['change', 'changes'], delta('change', function (a, b) { return a !== b; }));
  method(['increase', 'increases'], delta('increase', function (a, b) { return b - a > 0; }));
  method(['decrease', 'decreases'], delta('decrease', function (a, b) { return b - a < 0; }));
  method('by', function (amount, message) {
    const f = this.__flags;
    if (message) f.message = message;
    const ok = f.deltaBehavior === 'change'
      ? Math.abs(f.finalDeltaValue - f.initialDeltaValue) === Math.abs(amount)
      : f.realDelta === Math.abs(amount);
    check(this, ok, 'expected ' + f.deltaMsgObj + ' to ' + f.deltaBehavior + ' by ' + amount,
      'expected ' + f.deltaMsgObj + ' to not ' + f.deltaBehavior + ' by ' + amount);
  });

  method(['ownPropertyDescriptor', 'haveOwnPropertyDescriptor'], function (name, descriptor, message) {
    if (typeof descriptor === 'string') {
      message = descriptor;
      descriptor = null;
    }
    const f = this.__flags;
    if (message) f.message = message;
    const actual = Object.getOwnPropertyDescriptor(Object(f.object), name);
    if (actual && descriptor) {
      check(this, deepEqual(descriptor, actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to match ' + inspect(descriptor) + ', got ' + inspect(actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to not match ' + inspect(descriptor), descriptor, actual, true);
    } else {
      check(this, Boolean(actual), 'expected #{this} to have an own property descriptor for ' + inspect(name),
        'expected #{this} to not have an own property descriptor for ' + inspect(name));
    }
    f.object = actual;
  });

  method(['respondTo', 'respondsTo'], function (name, message) {
    if (message) this.__flags.message = message;
    const obj = this.__flags.object;
    const context = typeof obj === 'function' && !this.__flags.itself ? obj.prototype[name] : obj[name];
    check(this, typeof context === 'function',
      'expected #{this} to respond to ' + inspect(name), 'expected #{this} to not respond to ' + inspect(name));
  });

  // chai 4 wraps assertions in a Proxy: reading a property that does not exist throws (so a
  // mistyped chain fails instead of passing), suggesting the closest known name. Candidates are
  // tried in chai's (and chai-postman's) definition order; a later one wins only when closer.
  const KNOWN = ('to be been is and has have with that which at of same but does still also not deep nested own ' +
    'ordered any all an a include includes contain contains ok true false null undefined NaN exist exists empty arguments ' +
    'Arguments equal equals eq eql eqls above gt greaterThan least gte greaterThanOrEqual below lt lessThan most lte ' +
    'lessThanOrEqual within instanceof instanceOf property ownProperty haveOwnProperty ownPropertyDescriptor ' +
    'haveOwnPropertyDescriptor length lengthOf match matches string keys key throw throws Throw respondTo respondsTo ' +
    'itself satisfy satisfies closeTo approximately members iterable oneOf change changes increase increases decrease ' +
    'decreases by extensible sealed frozen finite postmanRequest postmanResponse postmanRequestOrResponse ' +
    'statusCodeClass info success redirection clientError serverError error statusCode statusReason accepted ' +
    'withoutContent badRequest unauthorised unauthorized forbidden notFound notAcceptable rateLimited status header ' +
    'withBody json body jsonBody responseTime responseSize jsonSchema').split(' ');

  function distance(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
      rows[i] = Array(b.length + 1).fill(0);
      rows[i][0] = i;
    }
    for (let j = 0; j < b.length; j++) rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      const ch = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        if (Math.abs(i - j) >= cap) {
          rows[i][j] = cap;
          continue;
        }
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1));
      }
    }
    return rows[a.length][b.length];
  }

  const guard = {
    get: function (target, property, receiver) {
      // The assertion's own state, read by every check: no lookup needed.
      if (property === '__flags') return target.__flags;
      // Known members are read first (the common case: one lookup); only a missing one is
      // checked against the list of what may be missing.
      const value = Reflect.get(target, property, receiver);
      if (value !== undefined) return value;
      const excluded = config.proxyExcludedKeys;
      if (typeof property === 'string' && !(Array.isArray(excluded) && excluded.indexOf(property) !== -1) &&
        !Reflect.has(target, property)) {
        let suggestion = null;
        let best = 4;
        for (const name of KNOWN) {
          if (!(name in target)) continue;
          const d = distance(property, name, best);
          if (d < best) {
            suggestion = name;
            best = d;
          }
        }
        if (suggestion !== null) throw Error('Invalid Chai property: ' + property + '. Did you mean "' + suggestion + '"?');
        throw Error('Invalid Chai property: ' + property);
      }
      return value;
    },
  };

  // chai's proxify: the guard is on while config.useProxy is.
  function proxify(assertion) {
    return config.useProxy ? new Proxy(assertion, guard) : assertion;
  }
  function expect(value, message) {
    return proxify(new Assertion(value, message));
  }
  expect.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message ? String(message) : 'expect.fail()',
      { actual: actual, expected: expected, operator: operator });
  };

  P.Assertion = Assertion;
  P.proxify = proxify;
  P.chaiType = chaiType;
  P.AssertionError = AssertionError;
  P.assert = check;
  P.defineAssertion = { method: method, property: property, chainable: chainable };
  P.deepEqual = deepEqual;
  P.expect = expect;
})(globalThis.__postie_internal);
