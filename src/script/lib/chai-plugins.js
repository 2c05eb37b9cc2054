// postie library: the parts of `require('chai')` that extend it: `chai.use(plugin)`, the
// `Assertion` class plugins build on (addMethod, addProperty, addChainableMethod, overwrite*,
// `this.assert`, `this._obj`), `chai.util`, and `chai.should()`. Plugins change the one
// assertion prototype behind `pm.expect`, so they last for the rest of the run, as in Newman.
(function (P) {
  'use strict';

  const Assertion = P.Assertion;
  const A = Assertion.prototype;
  const define = P.defineAssertion;
  const hasOwn = Object.prototype.hasOwnProperty;

  // chai's flag(assertion, key[, value]): reads without a value, writes with one.
  function flag(assertion, key, value) {
    const flags = assertion.__flags;
    if (arguments.length === 3) {
      flags[key] = value;
      return undefined;
    }
    return flags[key];
  }

  // `this.assert(expression, message, negatedMessage, expected, actual, showDiff)`; messages may
  // be functions returning the text.
  Object.defineProperty(A, 'assert', {
    value: function (expression, positive, negative, expected, actual, showDiff) {
      const text = function (m) { return typeof m === 'function' ? m() : m; };
      const args = [this, expression, text(positive), text(negative), expected];
      if (arguments.length > 4) args.push(actual, showDiff);
      P.assert.apply(null, args);
    },
    writable: true, configurable: true,
  });
  Object.defineProperty(A, '_obj', {
    get: function () { return this.__flags.object; },
    set: function (value) { this.__flags.object = value; },
    configurable: true,
  });

  function descriptor(name) {
    return Object.getOwnPropertyDescriptor(A, name);
  }
  // The current method under `name` (a no-op when there is none), for overwrite*.
  function currentMethod(name) {
    const d = descriptor(name);
    if (d && typeof d.value === 'function') return d.value;
    if (d && d.get) {
      return function () {
        const got = d.get.call(this);
        return typeof got === 'function' ? got.apply(this, arguments) : got;
      };
    }
    return function () { return this; };
  }

  const api = {
    addMethod: function (name, fn) { define.method(name, fn); },
    addProperty: function (name, getter) { define.property(name, getter || function () {}); },
    addChainableMethod: function (name, fn, chainingBehavior) { define.chainable(name, fn, chainingBehavior); },
    overwriteMethod: function (name, wrapper) {
      const next = wrapper(currentMethod(name));
      define.method(name, function () { return next.apply(this, arguments); });
    },
    overwriteProperty: function (name, wrapper) {
      const d = descriptor(name);
      const original = d && d.get ? d.get : function () {};
      const next = wrapper(function () { return original.call(this); });
      define.property(name, function () { return next.call(this); });
    },
    overwriteChainableMethod: function (name, wrapMethod, wrapChaining) {
      const d = descriptor(name);
      let call = function () { return this; };
      let chain = function () {};
      if (d && d.get) {
        call = function () {
          const got = d.get.call(this);
          return typeof got === 'function' ? got.apply(this, arguments) : got;
        };
      }
      define.chainable(name, wrapMethod(call), wrapChaining(chain));
    },
  };
  for (const key of Object.keys(api)) {
    Object.defineProperty(Assertion, key, { value: api[key], writable: true, configurable: true });
  }

  function getPathInfo(obj, path) {
    const parts = P.parsePath(String(path));
    let parent = obj;
    for (let i = 0; i < parts.length - 1; i++) {
      parent = parent === null || parent === undefined ? undefined : parent[parts[i]];
    }
    const name = parts.length ? parts[parts.length - 1] : undefined;
    const info = { parent: parts.length > 1 ? parent : obj, name: name, value: undefined, exists: false };
    if (parent !== null && parent !== undefined && name !== undefined) {
      info.value = parent[name];
      info.exists = name in Object(parent);
    }
    return info;
  }

  // chai.util: the helpers plugins use.
  const util = {
    flag: flag,
    test: function (assertion, args) {
      const negate = flag(assertion, 'negate');
      return negate ? !args[0] : args[0];
    },
    type: P.chaiType,
    eql: P.deepEqual,
    inspect: function (value) { return P.inspect(value); },
    objDisplay: function (value) { return P.display(value); },
    getName: function (fn) { return typeof fn === 'function' ? fn.name : null; },
    getActual: function (assertion, args) { return args.length > 4 ? args[4] : assertion.__flags.object; },
    getPathInfo: getPathInfo,
    getPathValue: function (obj, path) { return getPathInfo(obj, path).value; },
    hasProperty: function (obj, name) { return obj !== null && obj !== undefined && name in Object(obj); },
    getOwnEnumerablePropertySymbols: function (obj) {
      return Object.getOwnPropertySymbols(obj).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(obj, s); });
    },
    getOwnEnumerableProperties: function (obj) {
      return Object.keys(obj).concat(util.getOwnEnumerablePropertySymbols(obj));
    },
    transferFlags: function (from, to, includeAll) {
      const flags = from.__flags;
      for (const key in flags) {
        if (includeAll || (key !== 'object' && key !== 'ssfi' && key !== 'lockSsfi' && key !== 'message')) {
          to.__flags[key] = flags[key];
        }
      }
    },
    compareByInspect: function (a, b) { return P.inspect(a) < P.inspect(b) ? -1 : 1; },
    isProxyEnabled: function () { return P.chaiConfig.useProxy && typeof Proxy !== 'undefined'; },
    proxify: function (assertion) { return P.proxify(assertion); },
    isNaN: Number.isNaN,
    addMethod: function (ctx, name, fn) { api.addMethod(name, fn); },
    addProperty: function (ctx, name, getter) { api.addProperty(name, getter); },
    addChainableMethod: function (ctx, name, fn, chaining) { api.addChainableMethod(name, fn, chaining); },
    overwriteMethod: function (ctx, name, wrapper) { api.overwriteMethod(name, wrapper); },
    overwriteProperty: function (ctx, name, wrapper) { api.overwriteProperty(name, wrapper); },
    overwriteChainableMethod: function (ctx, name, m, c) { api.overwriteChainableMethod(name, m, c); },
  };

  // chai.should(): `should` on every value (a getter on Object.prototype) and the static helpers.
  function should(chai) {
    const shouldGetter = function () {
      const boxed = this instanceof String || this instanceof Number || this instanceof Boolean ||
        this instanceof Symbol || this instanceof BigInt;
      return P.expect(boxed ? this.valueOf() : this);
    };
    const shouldSetter = function (value) {
      Object.defineProperty(this, 'should', { value: value, enumerable: true, configurable: true, writable: true });
    };
    Object.defineProperty(Object.prototype, 'should', { set: shouldSetter, get: shouldGetter, configurable: true });
    const out = {};
    out.fail = function (actual, expected, message, operator) {
      if (arguments.length < 2) {
        message = actual;
        actual = undefined;
      }
      throw new chai.AssertionError(message || 'should.fail()', { actual: actual, expected: expected, operator: operator });
    };
    out.equal = function (a, b, message) { P.expect(a, message).to.equal(b); };
    out.Throw = function (fn, errorLike, matcher, message) { P.expect(fn, message).to.Throw(errorLike, matcher); };
    out.exist = function (value, message) { return P.expect(value, message).to.exist; };
    out.not = {
      equal: function (a, b, message) { P.expect(a, message).to.not.equal(b); },
      Throw: function (fn, errorLike, matcher, message) { P.expect(fn, message).to.not.Throw(errorLike, matcher); },
      exist: function (value, message) { return P.expect(value, message).to.not.exist; },
    };
    out.throw = out.Throw;
    out.not.throw = out.not.Throw;
    return out;
  }

  // Installs use/util/should/Assertion on the chai module object.
  return function install(chai) {
    const used = [];
    chai.Assertion = Assertion;
    chai.util = util;
    chai.use = function (plugin) {
      if (used.indexOf(plugin) === -1) {
        plugin(chai, util);
        used.push(plugin);
      }
      return chai;
    };
    chai.should = function () { return should(chai); };
    chai.Should = chai.should;
    return hasOwn.call(chai, 'use');
  };
})
