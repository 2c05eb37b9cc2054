// postie prelude: value formatting.
// `P.display` renders a value the way chai 4 prints it in assertion messages; `P.format` renders
// console arguments roughly the way Node's console does. Both are postie's own code.
(function (P) {
  'use strict';

  const objectToString = Object.prototype.toString;
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
  // chai's configuration (`require('chai').config`): one object for the whole run, read by every
  // message (truncateThreshold), by `pm.expect` (useProxy, proxyExcludedKeys) and by deep checks.
  const config = {
    includeStack: false, showDiff: true, truncateThreshold: 40, useProxy: true,
    proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'], deepEqual: null,
  };
  const MAX_DEPTH = 2;
  // Newman's CLI reporter inspects console arguments to depth 25.
  const NODE_DEPTH = 25;

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
      case 'string': return style === 'node' ? nodeQuote(value) : quote(value);
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
    if (depth > (style === 'node' ? NODE_DEPTH : MAX_DEPTH)) return isArray ? '[Array]' : '[Object]';
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

  // ---- chai's value rendering (loupe 2, as chai 4 calls it: truncation budget of 40) ---------
  // Every call works on its own copy of the options; lists shrink the budget as they go and end
  // with '…(n)' for the entries left out.
  const ELLIPSIS = '…';
  const LOUPE_ESCAPES = /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
  const LOUPE_NAMED = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };

  function cut(text, length) {
    text = String(text);
    if (ELLIPSIS.length > length && text.length > ELLIPSIS.length) return ELLIPSIS;
    if (text.length > length && text.length > ELLIPSIS.length) return text.slice(0, length - ELLIPSIS.length) + ELLIPSIS;
    return text;
  }

  function loupeList(list, options, item, separator) {
    separator = separator || ', ';
    item = item || loupe;
    const size = list.length;
    if (size === 0) return '';
    const budget = options.truncate;
    let output = '';
    let peek = '';
    let truncated = '';
    for (let i = 0; i < size; i += 1) {
      const last = i + 1 === size;
      const secondToLast = i + 2 === size;
      truncated = ELLIPSIS + '(' + (size - i) + ')';
      options.truncate = budget - output.length - (last ? 0 : separator.length);
      const text = peek || item(list[i], options) + (last ? '' : separator);
      const nextLength = output.length + text.length;
      const truncatedLength = nextLength + truncated.length;
      if (last && nextLength > budget && output.length + truncated.length <= budget) break;
      if (!last && !secondToLast && truncatedLength > budget) break;
      peek = last ? '' : item(list[i + 1], options) + (secondToLast ? '' : separator);
      if (!last && secondToLast && truncatedLength > budget && nextLength + peek.length > budget) break;
      output += text;
      if (!last && !secondToLast && nextLength + peek.length >= budget) {
        truncated = ELLIPSIS + '(' + (size - i - 1) + ')';
        break;
      }
      truncated = '';
    }
    return output + truncated;
  }

  function loupeKey(key) {
    if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) return key;
    return JSON.stringify(key).replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
  }

  function loupeProperty(pair, options) {
    let key = pair[0];
    options.truncate -= 2;
    if (typeof key === 'string') key = loupeKey(key);
    else if (typeof key !== 'number') key = '[' + loupe(key, options) + ']';
    options.truncate -= key.length;
    return key + ': ' + loupe(pair[1], options);
  }

  function loupeString(text, options) {
    text = text.replace(LOUPE_ESCAPES, function (ch) {
      return LOUPE_NAMED[ch] || '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
    });
    return "'" + cut(text, options.truncate - 2) + "'";
  }

  function loupeNumber(n, options) {
    if (n !== n) return 'NaN';
    if (n === Infinity) return 'Infinity';
    if (n === -Infinity) return '-Infinity';
    if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
    return cut(String(n), options.truncate);
  }

  function loupeObject(object, options) {
    const names = Object.getOwnPropertyNames(object);
    const symbols = Object.getOwnPropertySymbols(object);
    if (names.length === 0 && symbols.length === 0) return '{}';
    options.truncate -= 4;
    if (options.seen.indexOf(object) >= 0) return '[Circular]';
    options.seen.push(object);
    const read = function (key) {
      try {
        return object[key];
      } catch (e) {
        return undefined;
      }
    };
    const props = loupeList(names.map(function (k) { return [k, read(k)]; }), options, loupeProperty);
    const syms = loupeList(symbols.map(function (k) { return [k, read(k)]; }), options, loupeProperty);
    options.seen.pop();
    return '{ ' + props + (props && syms ? ', ' : '') + syms + ' }';
  }

  function loupeArray(array, options) {
    const extra = Object.keys(array).slice(array.length);
    if (!array.length && !extra.length) return '[]';
    options.truncate -= 4;
    const items = loupeList(array, options);
    options.truncate -= items.length;
    let props = '';
    if (extra.length) props = loupeList(extra.map(function (k) { return [k, array[k]]; }), options, loupeProperty);
    return '[ ' + items + (props ? ', ' + props : '') + ' ]';
  }

  function loupeError(error, options) {
    const skip = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber', 'columnNumber', 'number', 'description'];
    const props = Object.getOwnPropertyNames(error).filter(function (k) { return skip.indexOf(k) === -1; });
    const name = error.name;
    options.truncate -= String(name).length;
    let message = '';
    if (typeof error.message === 'string') message = cut(error.message, options.truncate);
    else props.unshift('message');
    message = message ? ': ' + message : '';
    options.truncate -= message.length + 5;
    const list = loupeList(props.map(function (k) { return [k, error[k]]; }), options, loupeProperty);
    return name + message + (list ? ' { ' + list + ' }' : '');
  }

  function loupeClass(value, options) {
    let name = '';
    try {
      if (Symbol.toStringTag in value) name = value[Symbol.toStringTag];
    } catch (e) {
      name = '';
    }
    name = name || fnName(value.constructor);
    if (!name || name === '_class') name = '<Anonymous Class>';
    options.truncate -= name.length;
    return name + loupeObject(value, options);
  }

  // ---- how chai shows the objects that stand for Postman's SDK classes -----------------------
  // Scripts compare failure messages with Newman's, where chai shows the SDK's objects: the
  // class names the sandbox's bundle gives them and their own property names. postie's objects
  // carry a shape (see `P.chaiShape`) naming both; values come from postie's object, and a link
  // to a parent object (which never fits a message) is shown as the parent would be.
  const SHAPE = Symbol('postie.chaiShape');
  function Shown(text) { this.text = text; }
  P.chaiParent = function (text) { return new Shown(text); };
  // `proto` objects render as `name{ ... }` with the properties `props(object)` lists as
  // [name, value] pairs.
  P.chaiShape = function (proto, name, props) {
    Object.defineProperty(proto, SHAPE, { value: { name: name, props: props }, enumerable: false, configurable: true, writable: true });
  };

  // The same for one object (the variable scopes, plain objects), without touching it.
  const shapes = new WeakMap();
  P.chaiShapeFor = function (object, name, props) {
    shapes.set(object, { name: name, props: props });
  };

  function loupeShaped(value, shape, options) {
    const name = typeof shape.name === 'function' ? shape.name(value) : shape.name;
    options.truncate -= name.length;
    const pairs = shape.props(value);
    if (pairs.length === 0) return name + '{}';
    options.truncate -= 4;
    if (options.seen.indexOf(value) >= 0) return '[Circular]';
    options.seen.push(value);
    const props = loupeList(pairs, options, loupeProperty);
    options.seen.pop();
    return name + '{ ' + props + ' }';
  }

  function loupeTyped(array, options) {
    let name = '';
    try {
      name = fnName(array.constructor);
    } catch (e) {
      name = '';
    }
    name = name || tagOf(array);
    options.truncate -= name.length + 4;
    const extra = Object.keys(array).slice(array.length);
    if (!array.length && !extra.length) return name + '[]';
    let output = '';
    for (let i = 0; i < array.length; i++) {
      // Elements are cut from their plain text (no sign on a zero).
      const text = cut(String(array[i]), options.truncate) + (i === array.length - 1 ? '' : ', ');
      options.truncate -= text.length;
      if (array[i] !== array.length && options.truncate <= 3) {
        output += ELLIPSIS + '(' + (array.length - array[i] + 1) + ')';
        break;
      }
      output += text;
    }
    return name + '[ ' + output + ' ]';
  }

  function loupe(value, parent) {
    const options = { truncate: parent.truncate, seen: parent.seen };
    if (value === null) return 'null';
    const kind = typeof value;
    switch (kind) {
      case 'undefined': return 'undefined';
      case 'boolean': return String(value);
      case 'number': return loupeNumber(value, options);
      case 'bigint': return cut(String(value), options.truncate - 1) + 'n';
      case 'string': return loupeString(value, options);
      case 'symbol': return value.toString();
      case 'function': {
        const name = fnName(value);
        return name ? '[Function ' + cut(name, options.truncate - 11) + ']' : '[Function]';
      }
    }
    const tag = tagOf(value);
    switch (tag) {
      case 'Boolean': return String(value);
      case 'Number': return loupeNumber(Number(value), options);
      case 'String': return loupeString(String(value), options);
      case 'Symbol': return String(value.valueOf());
      case 'Array': return loupeArray(value, options);
      case 'Date': {
        const json = isNaN(value.getTime()) ? null : value.toJSON();
        if (json === null) return 'Invalid Date';
        const parts = json.split('T');
        return parts[0] + 'T' + cut(parts[1], options.truncate - parts[0].length - 1);
      }
      case 'RegExp': {
        // loupe takes the flags as the third '/'-separated piece of the text.
        const flags = String(String(value).split('/')[2]);
        return '/' + cut(value.source, options.truncate - (2 + flags.length)) + '/' + flags;
      }
      case 'Map': {
        if (value.size - 1 <= 0) return 'Map{}';
        options.truncate -= 7;
        const entries = [];
        value.forEach(function (v, k) { entries.push([k, v]); });
        return 'Map{ ' + loupeList(entries, options, function (pair, o) {
          o.truncate -= 4;
          const key = loupe(pair[0], o);
          o.truncate -= key.length;
          return key + ' => ' + loupe(pair[1], o);
        }) + ' }';
      }
      case 'Set': {
        if (value.size === 0) return 'Set{}';
        options.truncate -= 7;
        return 'Set{ ' + loupeList(Array.from(value), options) + ' }';
      }
      case 'Promise': return 'Promise{…}';
      case 'WeakMap': return 'WeakMap{…}';
      case 'WeakSet': return 'WeakSet{…}';
      case 'Arguments': {
        if (value.length === 0) return 'Arguments[]';
        options.truncate -= 13;
        return 'Arguments[ ' + loupeList(Array.from(value), options) + ' ]';
      }
      case 'Error': return loupeError(value, options);
      case 'DataView': case 'ArrayBuffer': case 'Generator': return '';
    }
    if (ArrayBuffer.isView(value)) return loupeTyped(value, options);
    if (value instanceof Shown) return value.text;
    let shape = shapes.get(value);
    try {
      if (!shape) shape = value[SHAPE];
    } catch (e) {
      shape = undefined;
    }
    if (shape) return loupeShaped(value, shape, options);
    try {
      if (typeof value.inspect === 'function') {
        const shown = value.inspect(2, options);
        if (shown) return typeof shown === 'string' ? shown : loupe(shown, options);
      }
    } catch (e) {
      // fall through to the plain rendering
    }
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return loupeObject(value, options);
    if ('constructor' in value) {
      if (value.constructor !== Object) return loupeClass(value, options);
      return loupeObject(value, options);
    }
    return loupeObject(value, options);
  }

  function inspect(value) {
    const threshold = config.truncateThreshold;
    return loupe(value, { truncate: threshold ? threshold : Infinity, seen: [] });
  }

  // How chai shows a value in a failure message (objDisplay): the rendering above, or a summary
  // when it still reaches the truncate threshold (40 unless the script changed chai's config).
  function display(value) {
    const shown = inspect(value);
    const threshold = config.truncateThreshold;
    if (!threshold || !(shown.length >= threshold)) return shown;
    const tag = objectToString.call(value);
    if (tag === '[object Function]') {
      const name = fnName(value);
      return name ? '[Function: ' + name + ']' : '[Function]';
    }
    if (tag === '[object Array]') return '[ Array(' + value.length + ') ]';
    if (tag === '[object Object]') {
      const keys = Object.keys(value);
      const listed = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
      return '{ Object (' + listed + ') }';
    }
    return shown;
  }

  // How Node's util.inspect quotes a string: single quotes, unless the text holds single quotes
  // and no double quotes (then double quotes), or both but no backtick (then backticks).
  function nodeQuote(text) {
    if (text.indexOf("'") === -1) return quote(text);
    let q = "'";
    if (text.indexOf('"') === -1) q = '"';
    else if (text.indexOf('`') === -1 && text.indexOf('${') === -1) q = '`';
    if (q === "'") return quote(text);
    return q + text.replace(/[\\\u0000-\u001f\u007f]/g, escapeChar) + q;
  }

  function nodeInspect(value) {
    return typeof value === 'string' ? nodeQuote(value) : render(value, 'node', 0, []);
  }

  // console.log(...) as Newman's CLI reporter prints it: every argument through util.inspect
  // (strings quoted, no printf placeholders), joined with ', '.
  function format(args) {
    return args.map(nodeInspect).join(', ');
  }

  P.chaiConfig = config;
  P.typeName = typeName;
  P.inspect = inspect;
  P.display = display;
  P.format = format;
  P.quote = quote;
})(globalThis.__postie_internal);
