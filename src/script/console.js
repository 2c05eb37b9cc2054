// postie prelude: console output the way Newman's CLI reporter prints it.
// Newman's sandbox sends each console call's arguments across its bridge as JSON with a few
// extras (undefined, non-finite numbers, bigint, symbols, Date, RegExp, Map, Set, Buffer, typed
// arrays and shared or circular references survive; functions become '[Function: name]' strings;
// everything else becomes plain data through toJSON and own enumerable keys). The CLI reporter then
// shows every argument with Node's util.inspect (depth 25, at most 100 array items, lines broken
// at 44 columns when stdout is not a terminal) and joins them with ', '. `P.consoleText` does
// both steps. The formatter below is postie's own implementation of util.inspect's layout rules.
(function (P) {
  'use strict';

  const objectToString = Object.prototype.toString;
  const hasOwn = Object.prototype.hasOwnProperty;

  function tagOf(value) {
    return objectToString.call(value).slice(8, -1);
  }

  const TYPED = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

  function isBuffer(value) {
    return typeof Buffer === 'function' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(value);
  }

  // ---- the bridge ------------------------------------------------------------------------------

  // How the bridge's replacer shows values JSON cannot carry.
  function replaced(value) {
    if (typeof value === 'function') {
      let kind = 'Function';
      try {
        if (value.constructor && value.constructor.name) kind = value.constructor.name;
      } catch (e) { /* keep 'Function' */ }
      let name = '';
      try {
        name = value.name;
      } catch (e) { /* anonymous */ }
      return name ? '[' + kind + ': ' + name + ']' : '[' + kind + ']';
    }
    if (value !== null && typeof value === 'object') {
      const tag = tagOf(value);
      if (tag === 'WeakMap') return '[WeakMap]';
      if (tag === 'WeakSet') return '[WeakSet]';
      if (tag === 'ArrayBuffer') return '[ArrayBuffer { byteLength: ' + value.byteLength + ' }]';
    }
    return value;
  }

  // One value as it comes out of the bridge. `holder[key]` is the value before toJSON;
  // `replace` is false inside Map and Set entries (sent without the replacer).
  function carry(holder, key, state, replace) {
    const original = holder[key];
    let value = original;
    if ((value !== null && typeof value === 'object') || typeof value === 'bigint') {
      let toJSON;
      try {
        toJSON = value.toJSON;
      } catch (e) {
        toJSON = undefined;
      }
      if (typeof toJSON === 'function') value = toJSON.call(value, key);
    }
    if (replace) value = replaced(value);
    switch (typeof value) {
      case 'string':
        if (original instanceof Date) return new Date(value);
        return value;
      case 'number':
        return value === 0 ? 0 : value;
      case 'undefined': case 'bigint': case 'boolean':
        return value;
      case 'symbol': {
        const text = String(value);
        return Symbol.for(text.slice(7, -1));
      }
      case 'function':
        return undefined;
    }
    if (value === null) return null;
    if (value.type === 'Buffer' && value.data && isBuffer(original)) return Buffer.from(value.data);
    const tag = tagOf(value);
    if (tag === 'RegExp') {
      const parts = /\/(.*)\/(.*)/.exec(String(value));
      return parts ? new RegExp(parts[1], parts[2]) : value;
    }
    if (tag === 'Map') {
      const entries = [];
      value.forEach(function (v, k) { entries.push([k, v]); });
      return new Map(bridge(entries, false));
    }
    if (tag === 'Set') {
      const items = [];
      value.forEach(function (v) { items.push(v); });
      return new Set(bridge(items, false));
    }
    if (TYPED.indexOf(tag) !== -1 && !isBuffer(value)) {
      return new (Object.getPrototypeOf(value).constructor)(Array.prototype.slice.call(value));
    }
    // JSON unwraps boxed primitives.
    if (tag === 'Number') return Number(value);
    if (tag === 'String') return String(value);
    if (tag === 'Boolean') return value.valueOf();
    if (state.has(value)) return state.get(value);
    if (Array.isArray(value)) {
      const out = [];
      state.set(value, out);
      for (let i = 0; i < value.length; i++) {
        const v = carry(value, String(i), state, replace);
        out.push(v === undefined && typeof value[i] === 'function' ? null : v);
      }
      return out;
    }
    const out = {};
    state.set(value, out);
    for (const k of Object.keys(value)) {
      const v = carry(value, k, state, replace);
      let raw;
      try {
        raw = value[k];
      } catch (e) {
        raw = undefined;
      }
      // JSON drops properties whose value it cannot write (functions without the replacer).
      if (v === undefined && typeof raw === 'function' && !replace) continue;
      out[k] = v;
    }
    return out;
  }

  function bridge(args, replace) {
    const holder = { '': args };
    return carry(holder, '', new Map(), replace === undefined ? true : replace);
  }

  // ---- util.inspect ----------------------------------------------------------------------------

  const META = [];
  for (let i = 0; i < 32; i++) META.push('\\x' + i.toString(16).toUpperCase().padStart(2, '0'));
  META[8] = '\\b';
  META[9] = '\\t';
  META[10] = '\\n';
  META[12] = '\\f';
  META[13] = '\\r';

  function escapeCode(code) {
    if (code < 32) return META[code];
    if (code === 39) return "\\'";
    if (code === 92) return '\\\\';
    return '\\x' + code.toString(16).toUpperCase();
  }

  // A string in quotes: single unless it holds a single quote and no double quote (then double),
  // or both but no backtick (then backticks).
  function strEscape(str) {
    let quote = "'";
    if (str.indexOf("'") !== -1) {
      if (str.indexOf('"') === -1) quote = '"';
      else if (str.indexOf('`') === -1 && str.indexOf('${') === -1) quote = '`';
    }
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      if (code < 32 || code === 92 || (code >= 127 && code <= 159) || (code === 39 && quote === "'")) {
        out += escapeCode(code);
      } else if (code >= 0xd800 && code <= 0xdbff) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += str[i] + str[i + 1];
          i++;
        } else {
          out += '\\u' + code.toString(16);
        }
      } else if (code >= 0xdc00 && code <= 0xdfff) {
        out += '\\u' + code.toString(16);
      } else {
        out += str[i];
      }
    }
    return quote + out + quote;
  }

  function isFullWidth(cp) {
    return cp >= 0x1100 && (cp <= 0x115f || cp === 0x2329 || cp === 0x232a ||
      (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) || (cp >= 0x3250 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0xa4c6) || (cp >= 0xa960 && cp <= 0xa97c) ||
      (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6b) ||
      (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1b000 && cp <= 0x1b001) || (cp >= 0x1f200 && cp <= 0x1f251) ||
      (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x20000 && cp <= 0x3fffd));
  }

  function isZeroWidth(cp) {
    return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f) ||
      (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) ||
      (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) ||
      (cp >= 0xe0100 && cp <= 0xe01ef);
  }

  // Columns a string takes in a terminal (wide East Asian characters and emoji count two).
  function width(str) {
    let ascii = true;
    for (let i = 0; i < str.length; i++) {
      if (str.charCodeAt(i) > 127) {
        ascii = false;
        break;
      }
    }
    if (ascii) return str.length;
    let w = 0;
    for (const ch of str) {
      const cp = ch.codePointAt(0);
      if (isFullWidth(cp)) w += 2;
      else if (!isZeroWidth(cp)) w += 1;
    }
    return w;
  }

  const KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const MIN_LINE_WIDTH = 16;
  const MAX_STRING = 10000;

  function formatNumber(n) {
    return Object.is(n, -0) ? '-0' : String(n);
  }

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case 'string': {
        let trailer = '';
        if (value.length > MAX_STRING) {
          const remaining = value.length - MAX_STRING;
          value = value.slice(0, MAX_STRING);
          trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
        }
        if (value.length > MIN_LINE_WIDTH && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
          const lines = [];
          let start = 0;
          for (let i = 0; i < value.length; i++) {
            if (value.charCodeAt(i) === 10) {
              lines.push(value.slice(start, i + 1));
              start = i + 1;
            }
          }
          if (start < value.length) lines.push(value.slice(start));
          return lines.map(strEscape).join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
        }
        return strEscape(value) + trailer;
      }
      case 'number': return formatNumber(value);
      case 'bigint': return String(value) + 'n';
      case 'boolean': return String(value);
      case 'undefined': return 'undefined';
      case 'symbol': return String(value);
    }
    return String(value);
  }

  function constructorOf(obj) {
    let proto = obj;
    while (proto !== null && proto !== undefined) {
      const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
        return desc.value.name;
      }
      proto = Object.getPrototypeOf(proto);
    }
    return null;
  }

  function prefixOf(constructor, fallback, size) {
    if (constructor === null) return '[' + fallback + (size || '') + ': null prototype] ';
    return constructor + (size || '') + ' ';
  }

  function formatValue(ctx, value, recurseTimes) {
    if (value === null) return 'null';
    if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
    if (ctx.seen.indexOf(value) !== -1) {
      let index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new Map();
        ctx.circular.set(value, index);
      } else {
        index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
      }
      return '[Circular *' + index + ']';
    }
    return formatRaw(ctx, value, recurseTimes);
  }

  function formatBuffer(value) {
    const max = Math.min(50, value.length);
    let hex = '';
    for (let i = 0; i < max; i++) hex += (i ? ' ' : '') + value[i].toString(16).padStart(2, '0');
    const remaining = value.length - max;
    if (remaining > 0) hex += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
    return '<' + (constructorOf(value) || 'Buffer') + ' ' + hex + '>';
  }

  function nonIndexKeys(value) {
    return Object.keys(value).filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= value.length; });
  }

  function formatRaw(ctx, value, recurseTimes) {
    if (isBuffer(value)) return formatBuffer(value);
    const constructor = constructorOf(value);
    const tag = tagOf(value);
    let keys;
    let base = '';
    let braces;
    let formatter = function () { return []; };
    let isList = false;
    if (Array.isArray(value)) {
      keys = nonIndexKeys(value);
      const prefix = constructor !== 'Array' ? prefixOf(constructor, 'Array', '(' + value.length + ')') : '';
      braces = [prefix + '[', ']'];
      if (value.length === 0 && keys.length === 0) return braces[0] + ']';
      isList = true;
      formatter = formatArray;
    } else if (tag === 'Set') {
      keys = Object.keys(value);
      const prefix = prefixOf(constructor, 'Set', '(' + value.size + ')');
      if (value.size === 0 && keys.length === 0) return prefix + '{}';
      braces = [prefix + '{', '}'];
      formatter = formatSet;
    } else if (tag === 'Map') {
      keys = Object.keys(value);
      const prefix = prefixOf(constructor, 'Map', '(' + value.size + ')');
      if (value.size === 0 && keys.length === 0) return prefix + '{}';
      braces = [prefix + '{', '}'];
      formatter = formatMap;
    } else if (TYPED.indexOf(tag) !== -1) {
      keys = nonIndexKeys(value);
      const prefix = prefixOf(constructor, tag, '(' + value.length + ')');
      braces = [prefix + '[', ']'];
      if (value.length === 0 && keys.length === 0) return braces[0] + ']';
      isList = true;
      formatter = formatTyped;
    } else {
      keys = Object.keys(value);
      braces = ['{', '}'];
      if (typeof value === 'function') {
        base = value.name ? '[Function: ' + value.name + ']' : '[Function (anonymous)]';
        if (keys.length === 0) return base;
      } else if (tag === 'RegExp') {
        base = String(value);
        if (keys.length === 0) return base;
      } else if (tag === 'Date') {
        const time = value.getTime();
        base = time === time ? value.toISOString() : 'Invalid Date';
        if (keys.length === 0) return base;
      } else if (tag === 'Error') {
        base = String(value.stack || value);
        if (keys.length === 0) return base;
      } else if (constructor === 'Object') {
        if (keys.length === 0) return '{}';
      } else {
        if (keys.length === 0) return prefixOf(constructor, 'Object') + '{}';
        braces[0] = prefixOf(constructor, 'Object') + '{';
      }
    }
    if (recurseTimes > ctx.depth) {
      const name = prefixOf(constructor, isList ? 'Array' : 'Object').slice(0, -1);
      return constructor !== null ? '[' + name + ']' : name;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    const output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], false));
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = '<ref *' + index + '>';
        base = base === '' ? reference : reference + ' ' + base;
      }
    }
    ctx.seen.pop();
    return reduceToSingleString(ctx, output, base, braces, isList, recurseTimes, value);
  }

  function formatProperty(ctx, value, recurseTimes, key, inList) {
    let str;
    const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = 'undefined';
    }
    if (inList) return str;
    const name = KEY.test(key) ? key : strEscape(key);
    return name + ': ' + str;
  }

  function formatArray(ctx, value, recurseTimes) {
    const len = Math.min(ctx.maxArrayLength, value.length);
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!hasOwn.call(value, i)) {
        output.push('<1 empty item>');
        continue;
      }
      output.push(formatProperty(ctx, value, recurseTimes, String(i), true));
    }
    const remaining = value.length - len;
    if (remaining > 0) output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    return output;
  }

  function formatTyped(ctx, value) {
    const len = Math.min(ctx.maxArrayLength, value.length);
    const output = [];
    for (let i = 0; i < len; i++) {
      output.push(typeof value[i] === 'bigint' ? String(value[i]) + 'n' : formatNumber(value[i]));
    }
    const remaining = value.length - len;
    if (remaining > 0) output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    let count = 0;
    value.forEach(function (v) {
      if (count++ < ctx.maxArrayLength) output.push(formatValue(ctx, v, recurseTimes));
    });
    const remaining = value.size - ctx.maxArrayLength;
    if (remaining > 0) output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    let count = 0;
    value.forEach(function (v, k) {
      if (count++ < ctx.maxArrayLength) {
        output.push(formatValue(ctx, k, recurseTimes) + ' => ' + formatValue(ctx, v, recurseTimes));
      }
    });
    const remaining = value.size - ctx.maxArrayLength;
    if (remaining > 0) output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    ctx.indentationLvl -= 2;
    return output;
  }

  // Short array items are laid out in aligned columns.
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const len = width(output[i]);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15
      );
      if (columns <= 1) return output;
      const tmp = [];
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
            padStart = false;
            break;
          }
        }
      }
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          const cell = output[j] + ', ';
          str += padStart ? cell.padStart(padding, ' ') : cell.padEnd(padding, ' ');
        }
        if (padStart) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
          str += output[j].padStart(padding, ' ');
        } else {
          str += output[j];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === '' || base.indexOf('\n') === -1;
  }

  function reduceToSingleString(ctx, output, base, braces, isList, recurseTimes, value) {
    const entries = output.length;
    if (isList && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (joined.indexOf('\n') === -1) {
          return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
        }
      }
    }
    const indentation = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
      output.join(',' + indentation + '  ') + indentation + braces[1];
  }

  // util.inspect(value, options) for the options Newman's CLI uses.
  function nodeInspect(value, options) {
    const ctx = {
      seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0, compact: 3,
      depth: options && options.depth !== undefined ? options.depth : 2,
      breakLength: options && options.breakLength !== undefined ? options.breakLength : 128,
      maxArrayLength: options && options.maxArrayLength !== undefined ? options.maxArrayLength : 100,
    };
    return formatValue(ctx, value, 0);
  }

  const CLI = { depth: 25, maxArrayLength: 100, breakLength: 44 };

  // The text Newman's CLI prints for one console call.
  function consoleText(args) {
    let carried;
    try {
      carried = bridge(args);
    } catch (e) {
      carried = args;
    }
    return carried.map(function (v) { return nodeInspect(v, CLI); }).join(', ');
  }

  P.nodeInspect = nodeInspect;
  P.consoleText = consoleText;
})(globalThis.__postie_internal);
