// postie prelude: value formatting.
// `P.display` renders a value the way chai 4 prints it in assertion messages; `P.format` renders
// console arguments roughly the way Node's console does. Both are postie's own code.
(function (P) {
  'use strict';

  const objectToString = Object.prototype.toString;
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
  const TRUNCATE = 40;
  const MAX_DEPTH = 2;

  function tagOf(value) {
    return objectToString.call(value).slice(8, -1);
  }

  // chai's type names (lower case): 'null', 'undefined', 'string', 'array', 'date', 'map', ...
  function typeName(value) {
    if (value === null) return 'null';
    const t = typeof value;
    if (t !== 'object') return t;
    return tagOf(value).toLowerCase();
  }

  function escapeChar(ch) {
    switch (ch) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      case '\b': return '\\b';
      case '\f': return '\\f';
      case '\v': return '\\v';
      case "'": return "\\'";
      case '\\': return '\\\\';
      default: return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    }
  }

  function quote(text) {
    return "'" + text.replace(/[\\'\u0000-\u001f\u007f]/g, escapeChar) + "'";
  }

  function keyText(key) {
    return IDENTIFIER.test(key) ? key : quote(key);
  }

  function fnName(fn) {
    try {
      return typeof fn.name === 'string' ? fn.name : '';
    } catch (e) {
      return '';
    }
  }

  function constructorName(obj) {
    const proto = Object.getPrototypeOf(obj);
    if (proto === null) return null;
    try {
      const ctor = proto.constructor;
      return typeof ctor === 'function' ? fnName(ctor) : '';
    } catch (e) {
      return '';
    }
  }

  // style: 'chai' or 'node'
  function render(value, style, depth, seen) {
    switch (typeof value) {
      case 'undefined': return 'undefined';
      case 'boolean': return String(value);
      // chai (loupe) shows a zero with its sign: `+0`, `-0`.
      case 'number':
        if (value === 0) return Object.is(value, -0) ? '-0' : (style === 'chai' ? '+0' : '0');
        return String(value);
      case 'bigint': return String(value) + 'n';
      case 'string': return quote(value);
      case 'symbol': return value.toString();
      case 'function': {
        const name = fnName(value);
        if (style === 'node') return name ? '[Function: ' + name + ']' : '[Function (anonymous)]';
        return name ? '[Function ' + name + ']' : '[Function]';
      }
    }
    if (value === null) return 'null';
    if (seen.indexOf(value) !== -1) return '[Circular]';
    const tag = tagOf(value);
    switch (tag) {
      case 'Date': {
        const time = value.getTime();
        return time === time ? value.toISOString() : 'Invalid Date';
      }
      case 'RegExp': return String(value);
      case 'Error': {
        const text = (value.name || 'Error') + (value.message ? ': ' + value.message : '');
        return style === 'node' ? text : '[' + text + ']';
      }
      case 'Number': case 'String': case 'Boolean':
        return '[' + tag + ': ' + render(value.valueOf(), style, depth, seen) + ']';
      case 'Promise': return 'Promise{…}';
      case 'WeakMap': case 'WeakSet': return tag + '{…}';
    }
    const isArray = Array.isArray(value);
    if (depth > MAX_DEPTH) return isArray ? '[Array]' : '[Object]';
    seen.push(value);
    try {
      if (isArray) {
        if (value.length === 0) return '[]';
        const items = [];
        for (let i = 0; i < value.length; i++) items.push(render(value[i], style, depth + 1, seen));
        return '[ ' + items.join(', ') + ' ]';
      }
      if (tag === 'Map' || tag === 'Set') {
        const items = [];
        value.forEach(function (v, k) {
          items.push(tag === 'Map'
            ? render(k, style, depth + 1, seen) + ' => ' + render(v, style, depth + 1, seen)
            : render(v, style, depth + 1, seen));
        });
        const head = style === 'node' ? tag + '(' + value.size + ') ' : tag;
        return items.length ? head + '{ ' + items.join(', ') + ' }' : head + '{}';
      }
      const keys = Object.keys(value);
      const parts = [];
      for (const key of keys) {
        let shown;
        try {
          shown = render(value[key], style, depth + 1, seen);
        } catch (e) {
          shown = '[Getter]';
        }
        parts.push(keyText(key) + ': ' + shown);
      }
      const name = constructorName(value);
      let prefix = '';
      if (name === null) prefix = style === 'node' ? '[Object: null prototype] ' : '';
      else if (name && name !== 'Object') prefix = style === 'node' ? name + ' ' : name;
      return prefix + (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
    } finally {
      seen.pop();
    }
  }

  function inspect(value) {
    return render(value, 'chai', 0, []);
  }

  // How chai shows a value in a failure message: long strings are cut with '…', long arrays,
  // objects and functions are summarised.
  function display(value) {
    if (typeof value === 'string') {
      const shown = inspect(value);
      return shown.length > TRUNCATE ? shown.slice(0, TRUNCATE - 2) + "…'" : shown;
    }
    const shown = inspect(value);
    if (shown.length < TRUNCATE) return shown;
    if (typeof value === 'function') {
      const name = fnName(value);
      return name ? '[Function: ' + name + ']' : '[Function]';
    }
    if (Array.isArray(value)) return '[ Array(' + value.length + ') ]';
    if (value !== null && typeof value === 'object' && tagOf(value) === 'Object') {
      const keys = Object.keys(value);
      const listed = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
      return '{ Object (' + listed + ') }';
    }
    return shown;
  }

  function nodeShow(value) {
    return typeof value === 'string' ? value : render(value, 'node', 0, []);
  }

  // console.log(...) formatting: printf-style placeholders in a first string argument, the rest
  // shown and joined with spaces.
  function format(args) {
    let rest = args;
    let head = '';
    if (typeof args[0] === 'string' && args.length > 1 && args[0].indexOf('%') !== -1) {
      let index = 1;
      head = args[0].replace(/%([sdifjoOc%])/g, function (whole, kind) {
        if (kind === '%') return '%';
        if (index >= args.length) return whole;
        const arg = args[index++];
        switch (kind) {
          case 's': return typeof arg === 'string' ? arg : nodeShow(arg);
          case 'd': case 'i': {
            const n = Number(arg);
            return String(kind === 'i' ? Math.trunc(n) : n);
          }
          case 'f': return String(parseFloat(arg));
          case 'j':
            try {
              return JSON.stringify(arg);
            } catch (e) {
              return '[Circular]';
            }
          case 'c': return '';
          default: return render(arg, 'node', 0, []);
        }
      });
      rest = args.slice(index);
      return [head].concat(rest.map(nodeShow)).join(' ');
    }
    return rest.map(nodeShow).join(' ');
  }

  P.typeName = typeName;
  P.inspect = inspect;
  P.display = display;
  P.format = format;
  P.quote = quote;
})(globalThis.__postie_internal);
