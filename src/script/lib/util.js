// postie library: `require('util')`: `format` (%s %d %i %f %j %o %O %%), `inspect`,
// `isDeepStrictEqual`, `inherits`, `deprecate`, `promisify`, `types` and the legacy `is*` checks.
(function (P) {
  'use strict';

  function inspect(value, opts) {
    const depth = opts && typeof opts === 'object' && opts.depth !== undefined ? opts.depth : 2;
    return P.format([value], depth);
  }
  function format(fmt) {
    const args = Array.prototype.slice.call(arguments, 1);
    if (typeof fmt !== 'string') return P.format(Array.prototype.slice.call(arguments));
    let i = 0;
    let out = fmt.replace(/%([sdifjoOc%])/g, function (m, k) {
      if (k === '%') return '%';
      if (i >= args.length) return m;
      const v = args[i++];
      switch (k) {
        case 's': return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? inspect(v, { depth: 1 }) : String(v);
        case 'd': return typeof v === 'object' ? 'NaN' : String(Number(v));
        case 'i': return String(parseInt(v, 10));
        case 'f': return String(parseFloat(v));
        case 'j': try { return JSON.stringify(v); } catch (e) { return '[Circular]'; }
        case 'o': case 'O': return inspect(v);
        case 'c': return '';
        default: return m;
      }
    });
    for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
    return out;
  }
  function inherits(ctor, superCtor) {
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }
  function promisify(fn) {
    return function () {
      const args = Array.prototype.slice.call(arguments);
      const self = this;
      return new Promise(function (resolve, reject) {
        fn.apply(self, args.concat([function (err, value) { if (err) reject(err); else resolve(value); }]));
      });
    };
  }
  const tag = function (v) { return Object.prototype.toString.call(v).slice(8, -1); };
  const types = {
    isDate: function (v) { return tag(v) === 'Date'; }, isRegExp: function (v) { return tag(v) === 'RegExp'; },
    isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; },
    isPromise: function (v) { return v instanceof Promise; }, isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return v instanceof Uint8Array; }, isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isNativeError: function (v) { return v instanceof Error; },
  };
  return {
    format: format, inspect: inspect, inherits: inherits, promisify: promisify, types: types,
    isDeepStrictEqual: function (a, b) { return P.deepEqual(a, b); },
    deprecate: function (fn) { return fn; },
    isArray: Array.isArray, isBoolean: function (v) { return typeof v === 'boolean'; }, isNull: function (v) { return v === null; },
    isNullOrUndefined: function (v) { return v === null || v === undefined; }, isNumber: function (v) { return typeof v === 'number'; },
    isString: function (v) { return typeof v === 'string'; }, isSymbol: function (v) { return typeof v === 'symbol'; },
    isUndefined: function (v) { return v === undefined; }, isRegExp: types.isRegExp, isDate: types.isDate,
    isObject: function (v) { return v !== null && typeof v === 'object'; }, isError: types.isNativeError,
    isFunction: function (v) { return typeof v === 'function'; },
    isPrimitive: function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); },
    TextEncoder: undefined, TextDecoder: undefined,
  };
})
