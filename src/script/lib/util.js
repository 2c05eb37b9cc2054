// postie library: `require('util')` as Newman's sandbox bundles it (the browser port of Node
// 0.10/0.12's util): `format` (%s %d %j %% only), the old `inspect` (depth 2, `[Object]` beyond,
// no class names, Map/Set/Symbol as `{}`, output broken over lines past 60 characters),
// `inherits`, `_extend`, `deprecate`, `debuglog`, `log` and the `is*` checks. No `promisify`
// or `types`.
(function (P, lib) {
  'use strict';

  const toTag = function (v) { return Object.prototype.toString.call(v); };
  const has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  const isObject = function (v) { return typeof v === 'object' && v !== null; };
  const isFunction = function (v) { return typeof v === 'function'; };
  const isRegExp = function (v) { return isObject(v) && toTag(v) === '[object RegExp]'; };
  const isDate = function (v) { return isObject(v) && toTag(v) === '[object Date]'; };
  const isError = function (v) { return isObject(v) && (toTag(v) === '[object Error]' || v instanceof Error); };

  const COLORS = {
    bold: [1, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27], white: [37, 39], grey: [90, 39],
    black: [30, 39], blue: [34, 39], cyan: [36, 39], green: [32, 39], magenta: [35, 39], red: [31, 39], yellow: [33, 39],
  };
  const STYLES = { special: 'cyan', number: 'yellow', boolean: 'yellow', undefined: 'grey', null: 'bold', string: 'green', date: 'magenta', regexp: 'red' };

  function inspect(value, opts) {
    const ctx = { seen: [], showHidden: false, depth: 2, colors: false, customInspect: true };
    if (arguments.length >= 3) ctx.depth = arguments[2];
    if (arguments.length >= 4) ctx.colors = arguments[3];
    if (typeof opts === 'boolean') ctx.showHidden = opts;
    else if (opts) extend(ctx, opts);
    if (ctx.showHidden === undefined) ctx.showHidden = false;
    if (ctx.depth === undefined) ctx.depth = 2;
    if (ctx.colors === undefined) ctx.colors = false;
    if (ctx.customInspect === undefined) ctx.customInspect = true;
    ctx.stylize = ctx.colors ? stylizeColor : function (s) { return s; };
    return formatValue(ctx, value, ctx.depth);
  }
  inspect.colors = COLORS;
  inspect.styles = STYLES;

  function stylizeColor(s, style) {
    const c = COLORS[STYLES[style]];
    return c ? '\u001b[' + c[0] + 'm' + s + '\u001b[' + c[1] + 'm' : s;
  }

  function quote(s) {
    return "'" + JSON.stringify(s).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"') + "'";
  }

  function formatPrimitive(ctx, v) {
    switch (typeof v) {
      case 'undefined': return ctx.stylize('undefined', 'undefined');
      case 'string': return ctx.stylize(quote(v), 'string');
      case 'number': return ctx.stylize('' + v, 'number');
      case 'boolean': return ctx.stylize('' + v, 'boolean');
    }
    if (v === null) return ctx.stylize('null', 'null');
    return undefined;
  }

  function errorText(e) { return '[' + Error.prototype.toString.call(e) + ']'; }
  function fnText(v) { return '[Function' + (v.name ? ': ' + v.name : '') + ']'; }

  function formatValue(ctx, value, depth) {
    if (ctx.customInspect && value && isFunction(value.inspect) && value.inspect !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      let ret = value.inspect(depth, ctx);
      if (typeof ret !== 'string') ret = formatValue(ctx, ret, depth);
      return ret;
    }
    const prim = formatPrimitive(ctx, value);
    if (prim !== undefined) return prim;

    let keys = Object.keys(value);
    const visible = {};
    for (const k of keys) visible[k] = true;
    if (ctx.showHidden) keys = Object.getOwnPropertyNames(value);
    if (isError(value) && (keys.indexOf('message') >= 0 || keys.indexOf('description') >= 0)) return errorText(value);

    if (keys.length === 0) {
      if (isFunction(value)) return ctx.stylize(fnText(value), 'special');
      if (isRegExp(value)) return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
      if (isDate(value)) return ctx.stylize(Date.prototype.toString.call(value), 'date');
      if (isError(value)) return errorText(value);
    }

    let base = '';
    let array = false;
    let braces = ['{', '}'];
    if (Array.isArray(value)) { array = true; braces = ['[', ']']; }
    if (isFunction(value)) base = ' ' + fnText(value);
    if (isRegExp(value)) base = ' ' + RegExp.prototype.toString.call(value);
    if (isDate(value)) base = ' ' + Date.prototype.toUTCString.call(value);
    if (isError(value)) base = ' ' + errorText(value);
    if (keys.length === 0 && (!array || value.length === 0)) return braces[0] + base + braces[1];
    if (depth < 0) {
      if (isRegExp(value)) return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
      return ctx.stylize('[Object]', 'special');
    }

    ctx.seen.push(value);
    let output;
    if (array) {
      output = [];
      for (let i = 0; i < value.length; i++) output.push(has(value, String(i)) ? formatProperty(ctx, value, depth, visible, String(i), true) : '');
      for (const k of keys) if (!/^\d+$/.test(k)) output.push(formatProperty(ctx, value, depth, visible, k, true));
    } else {
      output = keys.map(function (k) { return formatProperty(ctx, value, depth, visible, k, false); });
    }
    ctx.seen.pop();
    return joinParts(output, base, braces);
  }

  function formatProperty(ctx, value, depth, visible, key, array) {
    const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key] };
    let name;
    let str;
    if (desc.get) str = ctx.stylize(desc.set ? '[Getter/Setter]' : '[Getter]', 'special');
    else if (desc.set) str = ctx.stylize('[Setter]', 'special');
    if (!has(visible, key)) name = '[' + key + ']';
    if (!str) {
      if (ctx.seen.indexOf(desc.value) < 0) {
        str = formatValue(ctx, desc.value, depth === null ? null : depth - 1);
        if (str.indexOf('\n') > -1) {
          if (array) str = str.split('\n').map(function (l) { return '  ' + l; }).join('\n').slice(2);
          else str = '\n' + str.split('\n').map(function (l) { return '   ' + l; }).join('\n');
        }
      } else str = ctx.stylize('[Circular]', 'special');
    }
    if (name === undefined) {
      if (array && /^\d+$/.test(key)) return str;
      name = JSON.stringify('' + key);
      if (/^"([a-zA-Z_][a-zA-Z_0-9]*)"$/.test(name)) name = ctx.stylize(name.slice(1, -1), 'name');
      else name = ctx.stylize(name.replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'"), 'string');
    }
    return name + ': ' + str;
  }

  function joinParts(output, base, braces) {
    let length = 0;
    for (const part of output) length += part.replace(/\u001b\[\d\d?m/g, '').length + 1;
    if (length > 60) return braces[0] + (base === '' ? '' : base + '\n ') + ' ' + output.join(',\n  ') + ' ' + braces[1];
    return braces[0] + base + ' ' + output.join(', ') + ' ' + braces[1];
  }

  function format(f) {
    if (typeof f !== 'string') {
      const parts = [];
      for (let i = 0; i < arguments.length; i++) parts.push(inspect(arguments[i]));
      return parts.join(' ');
    }
    let i = 1;
    const args = arguments;
    const len = args.length;
    let str = String(f).replace(/%[sdj%]/g, function (x) {
      if (x === '%%') return '%';
      if (i >= len) return x;
      switch (x) {
        case '%s': return String(args[i++]);
        case '%d': return String(Number(args[i++]));
        case '%j':
          try { return JSON.stringify(args[i++]); } catch (e) { return '[Circular]'; }
        default: return x;
      }
    });
    for (let x = args[i]; i < len; x = args[++i]) {
      if (x === null || !isObject(x)) str += ' ' + x;
      else str += ' ' + inspect(x);
    }
    return str;
  }

  function extend(origin, add) {
    if (!add || !isObject(add)) return origin;
    const keys = Object.keys(add);
    for (let i = keys.length - 1; i >= 0; i--) origin[keys[i]] = add[keys[i]];
    return origin;
  }

  function inherits(ctor, superCtor) {
    ctor.super_ = superCtor;
    ctor.prototype = Object.create(superCtor.prototype, { constructor: { value: ctor, enumerable: false, writable: true, configurable: true } });
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function timestamp() {
    const d = new Date();
    return d.getDate() + ' ' + MONTHS[d.getMonth()] + ' ' + [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  }

  void P;
  return {
    format: format,
    // The browser shim re-wraps itself without end when there is no `process`, as in Newman.
    deprecate: function () { return function () { throw new RangeError('Maximum call stack size exceeded'); }; },
    debuglog: function () { return function () {}; },
    inspect: inspect,
    isArray: Array.isArray,
    isBoolean: function (v) { return typeof v === 'boolean'; },
    isNull: function (v) { return v === null; },
    isNullOrUndefined: function (v) { return v === null || v === undefined; },
    isNumber: function (v) { return typeof v === 'number'; },
    isString: function (v) { return typeof v === 'string'; },
    isSymbol: function (v) { return typeof v === 'symbol'; },
    isUndefined: function (v) { return v === undefined; },
    isRegExp: isRegExp,
    isObject: isObject,
    isDate: isDate,
    isError: isError,
    isFunction: isFunction,
    isPrimitive: function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); },
    // util 0.10.4 as bundled: an instance of the bundle's Buffer.
    isBuffer: function (v) { return v instanceof lib('buffer').Buffer; },
    log: function () { console.log('%s - %s', timestamp(), format.apply(null, arguments)); },
    inherits: inherits,
    _extend: extend,
  };
})
