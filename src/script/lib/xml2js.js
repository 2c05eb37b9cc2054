// postie library: `require('xml2js')`, an xml2js 0.4 compatible subset: `parseString(xml,
// [options], cb)`, `parseStringPromise`, `Parser` and `Builder`. Parsing runs in Rust
// (`P.native.xmlParse`, quick-xml); this file shapes the tree the way xml2js does (attributes
// under `$`, text under `_`, children as arrays unless `explicitArray: false`).
(function (P) {
  'use strict';

  const DEFAULTS = {
    explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
    explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, emptyTag: '',
    attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null, valueProcessors: null,
    async: false, strict: true,
  };

  function processItem(processors, item, key) {
    for (const fn of processors) item = fn(item, key);
    return item;
  }

  function addValue(obj, key, value, explicitArray) {
    if (!(key in obj)) {
      obj[key] = explicitArray ? [value] : value;
    } else {
      if (!Array.isArray(obj[key])) obj[key] = [obj[key]];
      obj[key].push(value);
    }
  }

  // Shape one element node ({n, a, c}) the way xml2js's close-tag handler does.
  function shape(node, o) {
    const attrkey = o.attrkey;
    const charkey = o.charkey;
    let obj = {};
    obj[charkey] = '';
    if (!o.ignoreAttrs) {
      for (const [rawKey, rawValue] of node.a) {
        const key = o.attrNameProcessors ? processItem(o.attrNameProcessors, rawKey, node.n) : rawKey;
        const value = o.attrValueProcessors ? processItem(o.attrValueProcessors, rawValue, rawKey) : rawValue;
        if (o.mergeAttrs) {
          addValue(obj, key, value, o.explicitArray);
        } else {
          if (!(attrkey in obj)) obj[attrkey] = {};
          obj[attrkey][key] = value;
        }
      }
    }
    let cdata = false;
    for (const child of node.c) {
      if (typeof child === 'string') {
        obj[charkey] += child;
      } else if (child.cdata !== undefined) {
        obj[charkey] += child.cdata;
        cdata = true;
      } else {
        const name = tagName(child.n, o);
        addValue(obj, name, shape(child, o), o.explicitArray);
      }
    }
    let emptyStr = '';
    if (/^\s*$/.test(obj[charkey]) && !cdata) {
      emptyStr = obj[charkey];
      delete obj[charkey];
    } else {
      if (o.trim) obj[charkey] = obj[charkey].trim();
      if (o.normalize) obj[charkey] = obj[charkey].replace(/\s{2,}/g, ' ').trim();
      if (o.valueProcessors) obj[charkey] = processItem(o.valueProcessors, obj[charkey], node.n);
      if (Object.keys(obj).length === 1 && charkey in obj && !o.explicitCharkey) obj = obj[charkey];
    }
    if (obj !== null && typeof obj === 'object' && Object.keys(obj).length === 0) {
      obj = o.emptyTag !== '' ? (typeof o.emptyTag === 'function' ? o.emptyTag() : o.emptyTag) : emptyStr;
    }
    return obj;
  }

  function tagName(name, o) {
    let out = o.normalizeTags ? name.toLowerCase() : name;
    if (o.tagNameProcessors) out = processItem(o.tagNameProcessors, out);
    return out;
  }

  function parse(xml, options) {
    const o = Object.assign({}, DEFAULTS, options || {});
    const text = String(xml);
    if (text.trim() === '') return null;
    const source = text.replace(/^\ufeff/, '');
    let tree;
    try {
      tree = JSON.parse(P.native.xmlParse(source));
    } catch (err) {
      throw saxError(source, String(err && err.message));
    }
    const root = shape(tree.root, o);
    if (!o.explicitRoot) return root;
    const out = {};
    out[tagName(tree.root.n, o)] = root;
    return out;
  }

  // xml2js reports sax's errors: the message, then the line (from 0), the column after the
  // offending character and that character ('' at the end of the input).
  function saxError(text, message) {
    const at = function (i, what) {
      const before = text.slice(0, i);
      const line = before.split('\n').length - 1;
      const column = i - before.lastIndexOf('\n') - (i < text.length ? 0 : 1);
      return new Error(what + '\nLine: ' + line + '\nColumn: ' + column + '\nChar: ' + (i < text.length ? text.charAt(i) : ''));
    };
    const charIndex = function (byteOffset) {
      let bytes = 0;
      let i = 0;
      while (i < text.length && bytes < byteOffset) {
        const c = text.codePointAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        i += c >= 0x10000 ? 2 : 1;
      }
      return i;
    };
    const byteAt = /at byte (\d+)/.exec(message);
    const posAt = /^position (\d+)/.exec(message);
    if (/not found before end of input|unclosed root tag/i.test(message)) {
      const rootOpened = /<[A-Za-z_:][^>]*>/.test(text.replace(/<[!?][^>]*>/g, ''));
      return at(text.length, rootOpened ? 'Unclosed root tag' : 'Unexpected end');
    }
    if (/ill-formed document: expected `<\//.test(message) && byteAt) return at(text.indexOf('>', charIndex(Number(byteAt[1]))), 'Unexpected close tag');
    if (/non-whitespace before first tag/i.test(message)) return at(text.search(/\S/), 'Non-whitespace before first tag.');
    if (/attribute value must be enclosed/.test(message) && posAt) {
      const eq = text.indexOf('=', charIndex(Number(posAt[1])));
      if (eq !== -1) return at(eq + 1 + /^\s*/.exec(text.slice(eq + 1))[0].length, 'Unquoted attribute value');
    }
    const entity = /unknown entity (&[^;\s]*;)/.exec(message);
    if (entity && text.indexOf(entity[1]) !== -1) return at(text.indexOf(entity[1]) + entity[1].length - 1, 'Invalid character entity');
    return new Error(message);
  }

  function Parser(options) {
    if (!(this instanceof Parser)) return new Parser(options);
    this.options = Object.assign({}, DEFAULTS, options || {});
  }
  Parser.prototype.parseString = function (xml, cb) {
    let result;
    try {
      result = parse(xml, this.options);
    } catch (err) {
      if (typeof cb === 'function') cb(err instanceof Error ? err : new Error(String(err)));
      return undefined;
    }
    if (typeof cb === 'function') cb(null, result);
    return undefined;
  };
  Parser.prototype.parseStringPromise = function (xml) {
    const self = this;
    return new Promise(function (resolve, reject) {
      self.parseString(xml, function (err, result) { if (err) reject(err); else resolve(result); });
    });
  };
  Parser.prototype.reset = function () {};
  Parser.prototype.on = function () { return this; };

  function parseString(xml, options, cb) {
    if (typeof options === 'function') { cb = options; options = {}; }
    return new Parser(options).parseString(xml, cb);
  }
  function parseStringPromise(xml, options) { return new Parser(options).parseStringPromise(xml); }

  // ---- Builder ---------------------------------------------------------------------------------
  function escapeText(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  function escapeAttr(s) { return escapeText(s).replace(/"/g, '&quot;'); }

  function Builder(options) {
    this.options = Object.assign({
      attrkey: '$', charkey: '_', rootName: 'root', headless: false, cdata: false,
      renderOpts: { pretty: true, indent: '  ', newline: '\n' },
      xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true },
    }, options || {});
  }
  Builder.prototype.buildObject = function (rootObj) {
    const o = this.options;
    const render = Object.assign({ pretty: true, indent: '  ', newline: '\n' }, o.renderOpts);
    const nl = render.pretty ? render.newline : '';
    const ind = render.pretty ? render.indent : '';
    let rootName = o.rootName;
    let value = rootObj;
    const keys = rootObj !== null && typeof rootObj === 'object' ? Object.keys(rootObj) : [];
    if (keys.length === 1 && o.rootName === 'root') {
      rootName = keys[0];
      value = rootObj[rootName];
    }
    const lines = [];
    function element(name, v, depth) {
      const pad = ind.repeat(depth);
      if (Array.isArray(v)) { for (const item of v) element(name, item, depth); return; }
      if (v === null || v === undefined || typeof v !== 'object') {
        const text = v === null || v === undefined ? '' : String(v);
        lines.push(pad + (text === '' ? '<' + name + '/>' : '<' + name + '>' + escapeText(text) + '</' + name + '>'));
        return;
      }
      let attrs = '';
      const attrObj = v[o.attrkey];
      if (attrObj && typeof attrObj === 'object') {
        for (const k of Object.keys(attrObj)) attrs += ' ' + k + '="' + escapeAttr(attrObj[k]) + '"';
      }
      const childKeys = Object.keys(v).filter(function (k) { return k !== o.attrkey && k !== o.charkey; });
      const text = v[o.charkey];
      if (!childKeys.length) {
        lines.push(pad + (text === undefined ? '<' + name + attrs + '/>' : '<' + name + attrs + '>' + escapeText(text) + '</' + name + '>'));
        return;
      }
      lines.push(pad + '<' + name + attrs + '>' + (text !== undefined ? escapeText(text) : ''));
      for (const k of childKeys) element(k, v[k], depth + 1);
      lines.push(pad + '</' + name + '>');
    }
    element(rootName, value, 0);
    let out = lines.join(nl);
    if (!o.headless) {
      const d = o.xmldec;
      out = '<?xml version="' + d.version + '"' + (d.encoding ? ' encoding="' + d.encoding + '"' : '') +
        (d.standalone !== undefined ? ' standalone="' + (d.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl + out;
    }
    return out;
  }

  return {
    parseString: parseString, parseStringPromise: parseStringPromise, Parser: Parser, Builder: Builder,
    defaults: { '0.2': DEFAULTS, '0.1': DEFAULTS }, processors: {
      normalize: function (s) { return s.toLowerCase(); },
      firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
      stripPrefix: function (s) { return s.replace(/^.*:/, ''); },
      parseNumbers: function (s) { return isNaN(s) ? s : Number(s); },
      parseBooleans: function (s) { return /^(?:true|false)$/i.test(s) ? s.toLowerCase() === 'true' : s; },
    },
    _parse: parse,
  };
})
