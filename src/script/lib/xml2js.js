// postie library: `require('xml2js')`, an xml2js 0.4 compatible subset: `parseString(xml,
// [options], cb)`, `parseStringPromise`, `Parser` and `Builder`. Parsing runs in Rust
// (`P.native.xmlParse`, quick-xml, keeping the first of duplicated attributes as sax does); this
// file shapes the tree the way xml2js does (attributes under `$`, text under `_`, children as
// arrays unless `explicitArray: false`, `$$` with `explicitChildren`, sax's namespace records
// with `xmlns`; not `preserveChildrenOrder`) and words errors as sax does.
(function (P) {
  'use strict';

  const DEFAULTS = {
    explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
    explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, emptyTag: '',
    attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null, valueProcessors: null,
    async: false, strict: true, explicitChildren: false, childkey: '$$', charsAsChildren: false, xmlns: false,
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

  // sax's namespace records (the `xmlns` option): a name's prefix and local part, and the URI
  // its prefix is bound to where it appears (an unbound prefix reads as its URI).
  const ROOT_NS = Object.assign(Object.create(null), {
    xml: 'http://www.w3.org/XML/1998/namespace', xmlns: 'http://www.w3.org/2000/xmlns/',
  });
  function qname(name, attribute) {
    const parts = name.indexOf(':') < 0 ? ['', name] : name.split(':');
    if (attribute && name === 'xmlns') return { prefix: 'xmlns', local: '' };
    return { prefix: parts[0], local: parts[1] };
  }

  // Shape one element node ({n, a, c}) the way xml2js's open- and close-tag handlers do.
  function shape(node, o, parentNs) {
    const attrkey = o.attrkey;
    const charkey = o.charkey;
    const rawName = o.strict === false ? node.n.toUpperCase() : node.n;
    const attrs = node.a.map(function (pair) { return [o.strict === false ? pair[0].toUpperCase() : pair[0], pair[1]]; });
    let ns = parentNs;
    if (o.xmlns) {
      for (const [attrName, value] of attrs) {
        const q = qname(attrName, true);
        if (q.prefix !== 'xmlns') continue;
        if (ns === parentNs) ns = Object.create(parentNs);
        ns[q.local] = value;
      }
    }
    let obj = {};
    obj[charkey] = '';
    if (!o.ignoreAttrs) {
      for (const [rawKey, text] of attrs) {
        let rawValue = text;
        if (o.xmlns) {
          const q = qname(rawKey, true);
          const uri = q.prefix === '' ? '' : ns[q.prefix] || '';
          rawValue = { name: rawKey, value: text, prefix: q.prefix, local: q.local, uri: q.prefix && q.prefix !== 'xmlns' && !uri ? q.prefix : uri };
        }
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
    if (o.xmlns) {
      const q = qname(rawName);
      obj[attrkey + 'ns'] = { uri: ns[q.prefix] || q.prefix || '', local: q.local };
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
        addValue(obj, name, shape(child, o, ns), o.explicitArray);
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
    // `explicitChildren`: attributes and text stay, the children move under `$$`.
    if (o.explicitChildren && !o.mergeAttrs && obj !== null && typeof obj === 'object') {
      const out = {};
      if (attrkey in obj) {
        out[attrkey] = obj[attrkey];
        delete obj[attrkey];
      }
      if (!o.charsAsChildren && charkey in obj) {
        out[charkey] = obj[charkey];
        delete obj[charkey];
      }
      if (Object.getOwnPropertyNames(obj).length > 0) out[o.childkey] = obj;
      obj = out;
    }
    return obj;
  }

  function tagName(name, o) {
    const read = o.strict === false ? name.toUpperCase() : name;
    let out = o.normalizeTags ? read.toLowerCase() : read;
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
    const root = shape(tree.root, o, ROOT_NS);
    if (!o.explicitRoot) return root;
    const out = {};
    out[tagName(tree.root.n, o)] = root;
    return out;
  }

  // xml2js reports sax's errors: the message, then the line (from 0), the column after the
  // offending character and that character ('' at the end of the input).
  // Where sax stops at a '<' that starts no markup: the index of the character after it (and
  // any whitespace), or -1.
  function unencodedLt(text) {
    const skipTo = function (from, end) {
      const k = text.indexOf(end, from);
      return k < 0 ? text.length : k + end.length;
    };
    let i = text.indexOf('<');
    while (i >= 0 && i < text.length) {
      if (text.startsWith('<!--', i)) i = skipTo(i + 4, '-->');
      else if (text.startsWith('<![CDATA[', i)) i = skipTo(i + 9, ']]>');
      else if (text.startsWith('<?', i)) i = skipTo(i + 2, '?>');
      else {
        let j = i + 1;
        while (j < text.length && /\s/.test(text.charAt(j))) j++;
        if (j >= text.length) return -1;
        if (!/[A-Za-z_:!\/?\u00C0-\uFFFF]/.test(text.charAt(j))) return j;
        // Inside a tag: to its '>', past quoted attribute values.
        let quote = '';
        for (i = j; i < text.length; i++) {
          const c = text.charAt(i);
          if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c; else if (c === '>') break;
        }
        i++;
      }
      i = text.indexOf('<', i);
    }
    return -1;
  }

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
    const stray = unencodedLt(text);
    if (stray >= 0) return at(stray, 'Unencoded <');
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
  // xml2js walks the object into an xmlbuilder document; this builds the same tree ({name, attrs,
  // kids} with text and raw string nodes) and writes it out as xmlbuilder's string writer does.
  const NAME_START = 'A-Z_a-z:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
  const XML_NAME = new RegExp('^[' + NAME_START + '][' + NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$');
  function escapeText(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;'); }
  function escapeAttr(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
      .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
  }
  function needsCdata(v) { return typeof v === 'string' && /[&<>]/.test(v); }
  function cdata(v) { return '<![CDATA[' + v.replace(/\]\]>/g, ']]]]><![CDATA[>') + ']]>'; }

  function node(name) {
    if (!XML_NAME.test(String(name))) throw new Error('Invalid character in name');
    return { name: String(name), attrs: [], kids: [] };
  }
  function addText(el, v, o) {
    if (o.cdata && needsCdata(v)) el.kids.push({ raw: cdata(v) });
    else if (v !== null && v !== undefined && String(v) !== '') el.kids.push({ text: String(v) });
  }

  function Builder(options) {
    this.options = Object.assign({
      attrkey: '$', charkey: '_', rootName: 'root', headless: false, cdata: false, doctype: null,
      renderOpts: { pretty: true, indent: '  ', newline: '\n' },
      xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true },
    }, options || {});
  }
  Builder.prototype.buildObject = function (rootObj) {
    const o = this.options;
    let rootName = o.rootName;
    let value = rootObj;
    if (Object.keys(rootObj).length === 1 && o.rootName === 'root') {
      rootName = Object.keys(rootObj)[0];
      value = rootObj[rootName];
    }
    function child(el, key, v) {
      const c = node(key);
      el.kids.push(c);
      return render(c, v);
    }
    function render(el, obj) {
      if (obj === null || typeof obj !== 'object') {
        addText(el, obj, o);
      } else if (Array.isArray(obj)) {
        for (const item of obj) {
          if (item !== null && typeof item === 'object') for (const key in item) child(el, key, item[key]);
        }
      } else {
        for (const key of Object.keys(obj)) {
          const v = obj[key];
          if (key === o.attrkey) {
            if (v !== null && typeof v === 'object') {
              for (const name in v) {
                if (v[name] === null || v[name] === undefined) continue;
                if (!XML_NAME.test(name)) throw new Error('Invalid character in name');
                el.attrs.push([name, v[name]]);
              }
            }
          } else if (key === o.charkey) {
            addText(el, v, o);
          } else if (Array.isArray(v)) {
            for (const entry of v) {
              if (typeof entry === 'string') addText(child(el, key, undefined), entry, o);
              else child(el, key, entry);
            }
          } else if (v !== null && typeof v === 'object') {
            child(el, key, v);
          } else {
            addText(child(el, key, undefined), v === null || v === undefined ? '' : v.toString(), o);
          }
        }
      }
      return el;
    }
    const root = render(node(rootName), value);
    const render_ = Object.assign({ pretty: false, indent: '  ', newline: '\n' }, o.renderOpts);
    const pretty = Boolean(render_.pretty);
    const nl = pretty ? render_.newline : '';
    const ind = pretty ? render_.indent : '';
    const out = [];
    function write(n, depth) {
      const pad = ind.repeat(depth);
      if (n.text !== undefined) { out.push(pad + escapeText(n.text) + nl); return; }
      if (n.raw !== undefined) { out.push(pad + n.raw + nl); return; }
      let open = pad + '<' + n.name;
      for (const [k, v] of n.attrs) open += ' ' + k + '="' + escapeAttr(v) + '"';
      if (!n.kids.length) { out.push(open + '/>' + nl); return; }
      const only = n.kids.length === 1 && n.kids[0].name === undefined ? n.kids[0] : null;
      if (only) {
        out.push(open + '>' + (only.text !== undefined ? escapeText(only.text) : only.raw) + '</' + n.name + '>' + nl);
        return;
      }
      out.push(open + '>' + nl);
      for (const k of n.kids) write(k, depth + 1);
      out.push(pad + '</' + n.name + '>' + nl);
    }
    if (!o.headless) {
      const d = o.xmldec || {};
      out.push('<?xml version="' + (d.version || '1.0') + '"' + (d.encoding ? ' encoding="' + d.encoding + '"' : '') +
        (d.standalone !== undefined && d.standalone !== null ? ' standalone="' + (d.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl);
      if (o.doctype) {
        const t = o.doctype;
        out.push('<!DOCTYPE ' + rootName + (t.pubID ? ' PUBLIC "' + t.pubID + '" "' + t.sysID + '"' : t.sysID ? ' SYSTEM "' + t.sysID + '"' : '') + '>' + nl);
      }
    }
    write(root, 0);
    let text = out.join('');
    if (pretty && nl && text.endsWith(nl)) text = text.slice(0, -nl.length);
    return text;
  };

  return {
    parseString: parseString, parseStringPromise: parseStringPromise, Parser: Parser, Builder: Builder,
    defaults: { '0.2': DEFAULTS, '0.1': DEFAULTS }, processors: {
      normalize: function (s) { return s.toLowerCase(); },
      firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
      stripPrefix: function (s) { return s.replace(/^.*:/, ''); },
      parseNumbers: function (s) { return isNaN(s) ? s : s % 1 === 0 ? parseInt(s, 10) : parseFloat(s); },
      parseBooleans: function (s) { return /^(?:true|false)$/i.test(s) ? s.toLowerCase() === 'true' : s; },
    },
    _parse: parse,
  };
})
