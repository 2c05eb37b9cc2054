// postie library: `require('cheerio')` and the legacy `cheerio` global, as cheerio 0.22.0 behaves
// in Newman's sandbox. HTML is parsed in Rust (htmlparser2's tree-building rules, see
// native/html.rs), XML (`xmlMode`) here, into a domhandler-shaped node tree that lives here: every method (traversal,
// attributes, manipulation, css, forms) works on that tree, CSS selectors are parsed and matched
// here as css-what 2.1 and css-select 1.2 do, and rendering follows dom-serializer 0.1.
(function (P) {
  'use strict';

  const native = P.native;
  const hasOwn = Object.prototype.hasOwnProperty;
  const DEFAULTS = { withDomLvl1: true, normalizeWhitespace: false, xmlMode: false, decodeEntities: true };

  // lodash's `defaults`: fill the holes of `target` from each source, first source first.
  function defaults(target) {
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      if (src === null || src === undefined) continue;
      for (const k in src) if (target[k] === undefined) target[k] = src[k];
    }
    return target;
  }

  // ---- nodes (domhandler with withDomLvl1) ---------------------------------------------------
  const NodeProto = {
    get firstChild() { const c = this.children; return (c && c[0]) || null; },
    get lastChild() { const c = this.children; return (c && c[c.length - 1]) || null; },
    get nodeType() { return NODE_TYPES[this.type] || NODE_TYPES.element; }
  };
  const NODE_TYPES = { element: 1, text: 3, cdata: 4, comment: 8 };
  const LVL1 = { tagName: 'name', childNodes: 'children', parentNode: 'parent', previousSibling: 'prev', nextSibling: 'next', nodeValue: 'data' };
  Object.keys(LVL1).forEach(function (key) {
    const own = LVL1[key];
    Object.defineProperty(NodeProto, key, {
      get: function () { return this[own] || null; },
      set: function (v) { this[own] = v; }
    });
  });
  function makeNode(props) { return Object.assign(Object.create(NodeProto), props); }

  // htmlparser2 in xmlMode: tags and attribute names as written, `<x/>` closes everywhere, no
  // void elements or implied closes, only XML's entities (with their `;`), CDATA sections,
  // `<!...>` and `<?...>` as directives.
  const XML_NAMED = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };
  function decodeXml(s) {
    return s.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, function (m, dec, hex, name) {
      if (name !== undefined) return hasOwn.call(XML_NAMED, name) ? XML_NAMED[name] : m;
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
      if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return '\uFFFD';
      return String.fromCodePoint(code);
    });
  }
  function parseXml(text) {
    const top = [];
    const stack = [];
    function add(node) {
      const parent = stack.length ? stack[stack.length - 1] : null;
      const siblings = parent ? parent.children : top;
      node.parent = parent;
      node.prev = siblings.length ? siblings[siblings.length - 1] : null;
      node.next = null;
      if (node.prev) node.prev.next = node;
      siblings.push(node);
      return node;
    }
    function addText(data) {
      if (!data) return;
      const parent = stack.length ? stack[stack.length - 1] : null;
      const siblings = parent ? parent.children : top;
      const last = siblings[siblings.length - 1];
      if (last && last.type === 'text') last.data += data;
      else add(makeNode({ data: data, type: 'text' }));
    }
    function directive(body) {
      const at = body.search(/\s|\//);
      const name = at < 0 ? body : body.substr(0, at);
      add(makeNode({ name: name, data: body, type: 'directive' }));
    }
    let i = 0;
    const n = text.length;
    while (i < n) {
      const lt = text.indexOf('<', i);
      if (lt < 0) { addText(decodeXml(text.slice(i))); break; }
      addText(decodeXml(text.slice(i, lt)));
      const c = text.charAt(lt + 1);
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        add(makeNode({ data: text.slice(lt + 4, end < 0 ? n : end), type: 'comment' }));
        i = end < 0 ? n : end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        const cdata = add(makeNode({ type: 'cdata', children: [] }));
        const inner = makeNode({ data: text.slice(lt + 9, end < 0 ? n : end), type: 'text', parent: cdata, prev: null, next: null });
        cdata.children.push(inner);
        i = end < 0 ? n : end + 3;
      } else if (c === '!' || c === '?') {
        const end = text.indexOf('>', lt + 2);
        directive(text.slice(lt + 1, end < 0 ? n : end));
        i = end < 0 ? n : end + 1;
      } else if (c === '/') {
        const end = text.indexOf('>', lt + 2);
        const name = text.slice(lt + 2, end < 0 ? n : end).trim().split(/\s/)[0];
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].name === name) { stack.length = k; break; }
        }
        i = end < 0 ? n : end + 1;
      } else if (c === '' || c === '<' || c === '>' || /\s/.test(c)) {
        addText('<');
        i = lt + 1;
      } else {
        const tag = /^<([^\s/>]+)/.exec(text.slice(lt))[1];
        let j = lt + 1 + tag.length;
        const attribs = {};
        let selfClosing = false;
        for (;;) {
          while (j < n && /[\s/]/.test(text.charAt(j))) { if (text.charAt(j) === '/') selfClosing = true; j++; }
          if (j >= n) break;
          if (text.charAt(j) === '>') { j++; break; }
          selfClosing = false;
          const m = /^[^\s=/>]+/.exec(text.slice(j));
          const attr = m ? m[0] : text.charAt(j);
          j += attr.length;
          while (j < n && /\s/.test(text.charAt(j))) j++;
          let value = '';
          if (text.charAt(j) === '=') {
            j++;
            while (j < n && /\s/.test(text.charAt(j))) j++;
            const q = text.charAt(j);
            if (q === '"' || q === "'") {
              const close = text.indexOf(q, j + 1);
              value = text.slice(j + 1, close < 0 ? n : close);
              j = close < 0 ? n : close + 1;
            } else {
              const v = /^[^\s>]*/.exec(text.slice(j))[0];
              value = v;
              j += v.length;
            }
          }
          if (!hasOwn.call(attribs, attr)) attribs[attr] = decodeXml(value);
        }
        const type = tag === 'script' ? 'script' : tag === 'style' ? 'style' : 'tag';
        const el = add(makeNode({ type: type, name: tag, attribs: attribs, children: [] }));
        if (!selfClosing) stack.push(el);
        i = j;
      }
    }
    return top;
  }

  // Parse as htmlparser2.parseDOM: the top-level nodes, with no parent yet.
  function parseNodes(html, options) {
    const text = String(html);
    if (options && options.xmlMode) return parseXml(text);
    const parsed = JSON.parse(native.htmlLoad(text));
    const nodes = parsed.nodes.map(function (raw) {
      if (raw.t === 'tag') {
        const type = raw.name === 'script' ? 'script' : raw.name === 'style' ? 'style' : 'tag';
        return makeNode({ type: type, name: raw.name, attribs: raw.attrs, children: [], next: null, prev: null, parent: null });
      }
      if (raw.t === 'text' || raw.t === 'comment') return makeNode({ data: raw.text, type: raw.t, next: null, prev: null, parent: null });
      if (raw.t === 'directive') return makeNode({ name: raw.name, data: raw.data, type: 'directive', next: null, prev: null, parent: null });
      return { children: [] };
    });
    parsed.nodes.forEach(function (raw, i) {
      if (raw.p === null || raw.p === undefined) return;
      const siblings = nodes[raw.p].children;
      const node = nodes[i];
      if (raw.p !== 0) node.parent = nodes[raw.p];
      if (siblings.length) {
        node.prev = siblings[siblings.length - 1];
        node.prev.next = node;
      }
      siblings.push(node);
    });
    return nodes[0].children;
  }

  // cheerio's parse: a `root` node holding the parsed nodes (or the given ones, moved).
  function parse(content, options) {
    let dom;
    if (typeof content === 'string') dom = parseNodes(content, options);
    else dom = content;
    const root = makeNode({ type: 'root', name: 'root', attribs: {}, children: [], next: null, prev: null, parent: null });
    update(dom, root);
    return root;
  }
  function evaluate(content, options) {
    return typeof content === 'string' ? parseNodes(content, options) : content;
  }

  // Make `arr` the children of `parent` (or detach them), taking them out of where they were.
  function update(arr, parent) {
    if (!Array.isArray(arr)) arr = [arr];
    if (parent) parent.children = arr;
    else parent = null;
    for (let i = 0; i < arr.length; i++) {
      const node = arr[i];
      const oldParent = node.parent || node.root;
      const oldSiblings = oldParent && oldParent.children;
      if (oldSiblings && oldSiblings !== arr) {
        oldSiblings.splice(oldSiblings.indexOf(node), 1);
        if (node.prev) node.prev.next = node.next;
        if (node.next) node.next.prev = node.prev;
      }
      if (parent) {
        node.prev = arr[i - 1] || null;
        node.next = arr[i + 1] || null;
      } else {
        node.prev = node.next = null;
      }
      if (parent && parent.type === 'root') {
        node.root = parent;
        node.parent = null;
      } else {
        node.root = null;
        node.parent = parent;
      }
    }
    return parent;
  }

  function isTag(n) { const t = n && (n.type || n); return t === 'tag' || t === 'script' || t === 'style'; }
  function isNode(o) { return !!(o.name || o.type === 'text' || o.type === 'comment'); }
  const quickExpr = /^(?:[^#<]*(<[\w\W]+>)[^>]*$|#([\w-]*)$)/;
  function isHtml(str) {
    if (str.charAt(0) === '<' && str.charAt(str.length - 1) === '>' && str.length >= 3) return true;
    const m = quickExpr.exec(str);
    return !!(m && m[1]);
  }
  function camelCase(str) { return str.replace(/[_.-](\w|$)/g, function (_, x) { return x.toUpperCase(); }); }
  function cssCase(str) { return str.replace(/[A-Z]/g, '-$&').toLowerCase(); }
  function getText(elem) {
    if (Array.isArray(elem)) return elem.map(getText).join('');
    if (isTag(elem) || elem.type === 'cdata') return getText(elem.children);
    if (elem.type === 'text') return elem.data;
    return '';
  }

  // ---- rendering (dom-serializer 0.1 with entities' encodeXML) ---------------------------------
  const XML_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  const UNENCODED = { style: 1, script: 1, xmp: 1, iframe: 1, noembed: 1, noframes: 1, plaintext: 1, noscript: 1 };
  const SINGLE = { area: 1, base: 1, basefont: 1, br: 1, col: 1, command: 1, embed: 1, frame: 1, hr: 1, img: 1,
    input: 1, isindex: 1, keygen: 1, link: 1, meta: 1, param: 1, source: 1, track: 1, wbr: 1 };
  function hexRef(code) { return '&#x' + code.toString(16).toUpperCase() + ';'; }
  function encodeXML(s) {
    return String(s)
      .replace(/[&<>"']/g, function (c) { return XML_ENTITY[c]; })
      .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, function (c) { return hexRef(c.codePointAt(0)); })
      .replace(/[^\0-\x7F]/g, function (c) { return hexRef(c.charCodeAt(0)); });
  }
  function serialize(dom, opts) {
    if (!Array.isArray(dom) && !dom.cheerio) dom = [dom];
    opts = opts || {};
    let out = '';
    for (let i = 0; i < dom.length; i++) {
      const n = dom[i];
      if (n.type === 'root') out += serialize(n.children, opts);
      else if (isTag(n)) out += renderTag(n, opts);
      else if (n.type === 'directive') out += '<' + n.data + '>';
      else if (n.type === 'comment') out += '<!--' + n.data + '-->';
      else if (n.type === 'cdata') out += '<![CDATA[' + n.children[0].data + ']]>';
      else {
        const data = n.data || '';
        out += opts.decodeEntities && !(n.parent && n.parent.name in UNENCODED) ? encodeXML(data) : data;
      }
    }
    return out;
  }
  function renderTag(n, opts) {
    if (n.name === 'svg') opts = { decodeEntities: opts.decodeEntities, xmlMode: true };
    let tag = '<' + n.name;
    let attrs = '';
    for (const k in n.attribs) {
      const v = n.attribs[k];
      if (attrs) attrs += ' ';
      attrs += k;
      if ((v !== null && v !== '') || opts.xmlMode) attrs += '="' + (opts.decodeEntities ? encodeXML(v) : v) + '"';
    }
    if (attrs) tag += ' ' + attrs;
    if (opts.xmlMode && (!n.children || n.children.length === 0)) return tag + '/>';
    tag += '>';
    if (n.children) tag += serialize(n.children, opts);
    if (!SINGLE[n.name] || opts.xmlMode) tag += '</' + n.name + '>';
    return tag;
  }

  // ---- CSS selectors (css-what 2.1's parser, css-select 1.2's matching) ------------------------
  const reName = /^(?:\\.|[\w\-\u00b0-\uFFFF])+/;
  const reEscape = /\\([\da-f]{1,6}\s?|(\s)|.)/ig;
  const reAttr = /^\s*((?:\\.|[\w\u00b0-\uFFFF-])+)\s*(?:(\S?)=\s*(?:(['"])([^]*?)\3|(#?(?:\\.|[\w\u00b0-\uFFFF-])*)|)|)\s*(i)?\]/;
  const ACTIONS = { undefined: 'exists', '': 'equals', '~': 'element', '^': 'start', '$': 'end', '*': 'any', '!': 'not', '|': 'hyphen' };
  const COMBINATORS = { '>': 'child', '<': 'parent', '~': 'sibling', '+': 'adjacent' };
  const SHORTHAND = { '#': ['id', 'equals'], '.': ['class', 'element'] };
  const UNPACK = { has: 1, not: 1, matches: 1 };
  const STRIP_QUOTES = { contains: 1, icontains: 1 };
  function unescapeCSS(str) {
    return str.replace(reEscape, function (_, escaped, ws) {
      const high = ('0x' + escaped) - 0x10000;
      if (high !== high || ws) return escaped;
      return high < 0 ? String.fromCharCode(high + 0x10000) : String.fromCharCode((high >> 10) | 0xD800, (high & 0x3FF) | 0xDC00);
    });
  }
  function isWs(c) { return c === ' ' || c === '\n' || c === '\t' || c === '\f' || c === '\r'; }

  function parseSelector(selector, options) {
    const groups = [];
    const rest = parseGroups(groups, String(selector), options);
    if (rest !== '') throw new SyntaxError('Unmatched selector: ' + rest);
    return groups;
  }
  function parseGroups(groups, sel, options) {
    let tokens = [];
    let sawWs = false;
    function name() {
      const sub = sel.match(reName)[0];
      sel = sel.substr(sub.length);
      return unescapeCSS(sub);
    }
    function skipWs(from) {
      while (isWs(sel.charAt(from))) from++;
      sel = sel.substr(from);
    }
    function escapedAt(pos) {
      let n = 0;
      while (sel.charAt(--pos) === '\\') n++;
      return (n & 1) === 1;
    }
    skipWs(0);
    while (sel !== '') {
      const c = sel.charAt(0);
      if (isWs(c)) {
        sawWs = true;
        skipWs(1);
      } else if (c in COMBINATORS) {
        tokens.push({ type: COMBINATORS[c] });
        sawWs = false;
        skipWs(1);
      } else if (c === ',') {
        if (tokens.length === 0) throw new SyntaxError('empty sub-selector');
        groups.push(tokens);
        tokens = [];
        sawWs = false;
        skipWs(1);
      } else {
        if (sawWs) {
          if (tokens.length > 0) tokens.push({ type: 'descendant' });
          sawWs = false;
        }
        if (c === '*') {
          sel = sel.substr(1);
          tokens.push({ type: 'universal' });
        } else if (c in SHORTHAND) {
          sel = sel.substr(1);
          tokens.push({ type: 'attribute', name: SHORTHAND[c][0], action: SHORTHAND[c][1], value: name(), ignoreCase: false });
        } else if (c === '[') {
          sel = sel.substr(1);
          const m = sel.match(reAttr);
          if (!m) throw new SyntaxError('Malformed attribute selector: ' + sel);
          sel = sel.substr(m[0].length);
          let attr = unescapeCSS(m[1]);
          if (!options || ('lowerCaseAttributeNames' in options ? options.lowerCaseAttributeNames : !options.xmlMode)) attr = attr.toLowerCase();
          tokens.push({ type: 'attribute', name: attr, action: ACTIONS[m[2]], value: unescapeCSS(m[4] || m[5] || ''), ignoreCase: !!m[6] });
        } else if (c === ':') {
          if (sel.charAt(1) === ':') {
            sel = sel.substr(2);
            tokens.push({ type: 'pseudo-element', name: name().toLowerCase() });
            continue;
          }
          sel = sel.substr(1);
          const pname = name().toLowerCase();
          let data = null;
          if (sel.charAt(0) === '(') {
            if (pname in UNPACK) {
              const quot = sel.charAt(1);
              const quoted = quot === '"' || quot === "'";
              sel = sel.substr(quoted ? 2 : 1);
              data = [];
              sel = parseGroups(data, sel, options);
              if (quoted) {
                if (sel.charAt(0) !== quot) throw new SyntaxError('unmatched quotes in :' + pname);
                sel = sel.substr(1);
              }
              if (sel.charAt(0) !== ')') throw new SyntaxError('missing closing parenthesis in :' + pname + ' ' + sel);
              sel = sel.substr(1);
            } else {
              let pos = 1;
              let depth = 1;
              for (; depth > 0 && pos < sel.length; pos++) {
                if (sel.charAt(pos) === '(' && !escapedAt(pos)) depth++;
                else if (sel.charAt(pos) === ')' && !escapedAt(pos)) depth--;
              }
              if (depth) throw new SyntaxError('parenthesis not matched');
              data = sel.substr(1, pos - 2);
              sel = sel.substr(pos);
              if (pname in STRIP_QUOTES) {
                const q = data.charAt(0);
                if (q === data.slice(-1) && (q === '"' || q === "'")) data = data.slice(1, -1);
                data = unescapeCSS(data);
              }
            }
          }
          tokens.push({ type: 'pseudo', name: pname, data: data });
        } else if (reName.test(sel)) {
          let tag = name();
          if (!options || ('lowerCaseTags' in options ? options.lowerCaseTags : !options.xmlMode)) tag = tag.toLowerCase();
          tokens.push({ type: 'tag', name: tag });
        } else {
          if (tokens.length && tokens[tokens.length - 1].type === 'descendant') tokens.pop();
          addGroup(groups, tokens);
          return sel;
        }
      }
    }
    addGroup(groups, tokens);
    return sel;
  }
  function addGroup(groups, tokens) {
    if (groups.length > 0 && tokens.length === 0) throw new SyntaxError('empty sub-selector');
    groups.push(tokens);
  }

  function trueFunc() { return true; }
  function falseFunc() { return false; }
  const TRAVERSAL = { descendant: 1, child: 1, parent: 1, sibling: 1, adjacent: 1 };
  const PLACEHOLDER = {};
  function siblingsOf(elem) { const p = elem.parent; return p ? p.children : [elem]; }
  function attrOf(elem, name) { return elem.attribs && elem.attribs[name]; }
  function hasAttr(elem, name) { return !!elem.attribs && hasOwn.call(elem.attribs, name); }
  const reChars = /[-[\]{}()*+?.,\\^$|#\s]/g;

  const ATTRIBUTE_RULES = {
    equals: function (next, d) {
      const name = d.name;
      let value = d.value;
      if (d.ignoreCase) {
        value = value.toLowerCase();
        return function (e) { const a = attrOf(e, name); return a != null && a.toLowerCase() === value && next(e); };
      }
      return function (e) { return attrOf(e, name) === value && next(e); };
    },
    hyphen: function (next, d) {
      const name = d.name;
      let value = d.value;
      const len = value.length;
      if (d.ignoreCase) {
        value = value.toLowerCase();
        return function (e) {
          const a = attrOf(e, name);
          return a != null && (a.length === len || a.charAt(len) === '-') && a.substr(0, len).toLowerCase() === value && next(e);
        };
      }
      return function (e) {
        const a = attrOf(e, name);
        return a != null && a.substr(0, len) === value && (a.length === len || a.charAt(len) === '-') && next(e);
      };
    },
    element: function (next, d) {
      if (/\s/.test(d.value)) return falseFunc;
      const re = new RegExp('(?:^|\\s)' + d.value.replace(reChars, '\\$&') + '(?:$|\\s)', d.ignoreCase ? 'i' : '');
      return function (e) { const a = attrOf(e, d.name); return a != null && re.test(a) && next(e); };
    },
    exists: function (next, d) { return function (e) { return hasAttr(e, d.name) && next(e); }; },
    start: function (next, d) {
      let value = d.value;
      const len = value.length;
      if (len === 0) return falseFunc;
      if (d.ignoreCase) {
        value = value.toLowerCase();
        return function (e) { const a = attrOf(e, d.name); return a != null && a.substr(0, len).toLowerCase() === value && next(e); };
      }
      return function (e) { const a = attrOf(e, d.name); return a != null && a.substr(0, len) === value && next(e); };
    },
    end: function (next, d) {
      let value = d.value;
      const len = -value.length;
      if (len === 0) return falseFunc;
      if (d.ignoreCase) {
        value = value.toLowerCase();
        return function (e) { const a = attrOf(e, d.name); return a != null && a.substr(len).toLowerCase() === value && next(e); };
      }
      return function (e) { const a = attrOf(e, d.name); return a != null && a.substr(len) === value && next(e); };
    },
    any: function (next, d) {
      const value = d.value;
      if (value === '') return falseFunc;
      if (d.ignoreCase) {
        const re = new RegExp(value.replace(reChars, '\\$&'), 'i');
        return function (e) { const a = attrOf(e, d.name); return a != null && re.test(a) && next(e); };
      }
      return function (e) { const a = attrOf(e, d.name); return a != null && a.indexOf(value) >= 0 && next(e); };
    },
    not: function (next, d) {
      let value = d.value;
      if (value === '') return function (e) { return !!attrOf(e, d.name) && next(e); };
      if (d.ignoreCase) {
        value = value.toLowerCase();
        return function (e) { const a = attrOf(e, d.name); return a != null && a.toLowerCase() !== value && next(e); };
      }
      return function (e) { return attrOf(e, d.name) !== value && next(e); };
    }
  };

  function nthParse(formula) {
    formula = formula.trim().toLowerCase();
    if (formula === 'even') return [2, 0];
    if (formula === 'odd') return [2, 1];
    const m = formula.match(/^([+-]?\d*n)?\s*(?:([+-]?)\s*(\d+))?$/);
    if (!m) throw new SyntaxError("n-th rule couldn't be parsed ('" + formula + "')");
    let a = 0;
    if (m[1]) {
      a = parseInt(m[1], 10);
      if (isNaN(a)) a = m[1].charAt(0) === '-' ? -1 : 1;
    }
    return [a, m[3] ? parseInt((m[2] || '') + m[3], 10) : 0];
  }
  function nthCheck(formula) {
    const parsed = nthParse(formula);
    let a = parsed[0];
    const b = parsed[1] - 1;
    if (b < 0 && a <= 0) return falseFunc;
    if (a === -1) return function (pos) { return pos <= b; };
    if (a === 0) return function (pos) { return pos === b; };
    if (a === 1) return b < 0 ? trueFunc : function (pos) { return pos >= b; };
    let bMod = b % a;
    if (bMod < 0) bMod += a;
    if (a > 1) return function (pos) { return pos >= b && pos % a === bMod; };
    a *= -1;
    return function (pos) { return pos <= b && pos % a === bMod; };
  }
  function childFunc(next) { return function (e) { return !!e.parent && next(e); }; }
  function nthFilter(count) {
    return function (next, rule) {
      const check = nthCheck(rule);
      if (check === falseFunc) return check;
      if (check === trueFunc) return childFunc(next);
      return function (e) { return check(count(e)) && next(e); };
    };
  }
  function position(elem, fromEnd, sameType) {
    const sib = siblingsOf(elem);
    let pos = 0;
    for (let k = 0; k < sib.length; k++) {
      const s = sib[fromEnd ? sib.length - 1 - k : k];
      if (!isTag(s)) continue;
      if (s === elem) break;
      if (!sameType || s.name === elem.name) pos++;
    }
    return pos;
  }
  function typeAttr(value) {
    return function (next) { return ATTRIBUTE_RULES.equals(next, { name: 'type', value: value }); };
  }

  // Filters get their argument when the selector compiles; pseudos are tested per element.
  const FILTERS = {
    contains: function (next, text) { return function (e) { return next(e) && getText(e).indexOf(text) >= 0; }; },
    icontains: function (next, text) {
      const low = text.toLowerCase();
      return function (e) { return next(e) && getText(e).toLowerCase().indexOf(low) >= 0; };
    },
    'nth-child': nthFilter(function (e) { return position(e, false, false); }),
    'nth-last-child': nthFilter(function (e) { return position(e, true, false); }),
    'nth-of-type': nthFilter(function (e) { return position(e, false, true); }),
    'nth-last-of-type': nthFilter(function (e) { return position(e, true, true); }),
    root: function (next) { return function (e) { return !e.parent && next(e); }; },
    scope: function (next, rule, options, context) {
      if (!context || context.length === 0) return FILTERS.root(next);
      if (context.length === 1) return function (e) { return context[0] === e && next(e); };
      return function (e) { return context.indexOf(e) >= 0 && next(e); };
    },
    checkbox: typeAttr('checkbox'),
    file: typeAttr('file'),
    password: typeAttr('password'),
    radio: typeAttr('radio'),
    reset: typeAttr('reset'),
    image: typeAttr('image'),
    submit: typeAttr('submit'),
    not: function (next, token, options, context) {
      const func = compileToken(token, { xmlMode: !!(options && options.xmlMode), strict: !!(options && options.strict) }, context);
      if (func === falseFunc) return next;
      if (func === trueFunc) return falseFunc;
      return function (e) { return !func(e) && next(e); };
    },
    has: function (next, token, options) {
      const opts = { xmlMode: !!(options && options.xmlMode), strict: !!(options && options.strict) };
      const context = token.some(function (t) { return t.some(function (r) { return r.type in TRAVERSAL; }); }) ? [PLACEHOLDER] : null;
      let func = compileToken(token, opts, context);
      if (func === falseFunc) return falseFunc;
      if (func === trueFunc) return function (e) { return e.children.some(isTag) && next(e); };
      func = wrapTag(func);
      if (context) return function (e) { return next(e) && ((context[0] = e), existsOne(func, e.children)); };
      return function (e) { return next(e) && existsOne(func, e.children); };
    },
    matches: function (next, token, options, context) {
      return compileToken(token, { xmlMode: !!(options && options.xmlMode), strict: !!(options && options.strict), rootFunc: next }, context);
    }
  };
  // The number of parameters tells a pseudo that takes an argument (css-select checks `length`).
  // `:visited` is boolbase's falseFunc, which declares no parameter: css-select checks nothing.
  const NO_ARITY = { visited: 1 };
  const FILTER_TAKES = { root: false, not: true, has: true, matches: true, checkbox: false, file: false, password: false,
    radio: false, reset: false, image: false, submit: false };
  function isEmpty(e) { return !e.children.some(function (c) { return isTag(c) || c.type === 'text'; }); }
  function selected(e) {
    if (hasAttr(e, 'selected')) return true;
    if (e.name !== 'option') return false;
    const p = e.parent;
    if (!p || p.name !== 'select' || hasAttr(p, 'multiple')) return false;
    let saw = false;
    for (const s of p.children) {
      if (!isTag(s)) continue;
      if (s === e) saw = true;
      else if (!saw) return false;
      else if (hasAttr(s, 'selected')) return false;
    }
    return saw;
  }
  const PSEUDOS = {
    empty: isEmpty,
    'first-child': function (e) { return siblingsOf(e).filter(isTag)[0] === e; },
    'last-child': function (e) {
      const sib = siblingsOf(e);
      for (let i = sib.length - 1; i >= 0; i--) {
        if (sib[i] === e) return true;
        if (isTag(sib[i])) break;
      }
      return false;
    },
    'first-of-type': function (e) {
      for (const s of siblingsOf(e)) {
        if (!isTag(s)) continue;
        if (s === e) return true;
        if (s.name === e.name) break;
      }
      return false;
    },
    'last-of-type': function (e) {
      const sib = siblingsOf(e);
      for (let i = sib.length - 1; i >= 0; i--) {
        if (!isTag(sib[i])) continue;
        if (sib[i] === e) return true;
        if (sib[i].name === e.name) break;
      }
      return false;
    },
    'only-of-type': function (e) { return siblingsOf(e).every(function (s) { return !isTag(s) || s === e || s.name !== e.name; }); },
    'only-child': function (e) { return siblingsOf(e).every(function (s) { return !isTag(s) || s === e; }); },
    link: function (e) { return hasAttr(e, 'href'); },
    visited: falseFunc,
    selected: selected,
    disabled: function (e) { return hasAttr(e, 'disabled'); },
    enabled: function (e) { return !hasAttr(e, 'disabled'); },
    checked: function (e) { return hasAttr(e, 'checked') || selected(e); },
    required: function (e) { return hasAttr(e, 'required'); },
    optional: function (e) { return !hasAttr(e, 'required'); },
    parent: function (e) { return !isEmpty(e); },
    header: function (e) { return /^h[1-6]$/.test(e.name); },
    button: function (e) { return e.name === 'button' || (e.name === 'input' && attrOf(e, 'type') === 'button'); },
    input: function (e) { return e.name === 'input' || e.name === 'textarea' || e.name === 'select' || e.name === 'button'; },
    text: function (e) {
      const t = attrOf(e, 'type');
      return e.name === 'input' && (!t || t.toLowerCase() === 'text');
    }
  };
  function compilePseudo(next, data, options, context) {
    const name = data.name;
    const arg = data.data;
    if (options && options.strict && !/^(?:(?:nth|last|first|only)-(?:child|of-type)|root|empty|(?:en|dis)abled|checked|not)$/.test(name)) {
      throw new SyntaxError(':' + name + " isn't part of CSS3");
    }
    if (hasOwn.call(FILTERS, name)) {
      const takes = hasOwn.call(FILTER_TAKES, name) ? FILTER_TAKES[name] : true;
      if (arg === null) {
        if (takes && name !== 'scope') throw new SyntaxError('pseudo-selector :' + name + ' requires an argument');
      } else if (!takes) {
        throw new SyntaxError('pseudo-selector :' + name + " doesn't have any arguments");
      }
      return FILTERS[name](next, arg, options, context);
    }
    if (hasOwn.call(PSEUDOS, name)) {
      const test = PSEUDOS[name];
      if (arg !== null && !NO_ARITY[name]) throw new SyntaxError('pseudo-selector :' + name + " doesn't have any arguments");
      if (next === trueFunc) return test;
      return function (e) { return test(e, arg) && next(e); };
    }
    throw new SyntaxError('unmatched pseudo-class :' + name);
  }

  const RULES = {
    attribute: function (next, d, options) {
      if (options && options.strict && (d.ignoreCase || d.action === 'not')) throw new SyntaxError('Unsupported attribute selector');
      return ATTRIBUTE_RULES[d.action](next, d);
    },
    pseudo: compilePseudo,
    tag: function (next, d) { return function (e) { return e.name === d.name && next(e); }; },
    descendant: function (next, rule, options, context, acceptSelf) {
      return function (e) {
        if (acceptSelf && next(e)) return true;
        let found = false;
        while (!found && (e = e.parent)) found = next(e);
        return found;
      };
    },
    parent: function (next, d, options) {
      if (options && options.strict) throw new SyntaxError("Parent selector isn't part of CSS3");
      return function (e) { return e.children.some(function (c) { return isTag(c) && next(c); }); };
    },
    child: function (next) { return function (e) { const p = e.parent; return !!p && next(p); }; },
    sibling: function (next) {
      return function (e) {
        for (const s of siblingsOf(e)) {
          if (!isTag(s)) continue;
          if (s === e) break;
          if (next(s)) return true;
        }
        return false;
      };
    },
    adjacent: function (next) {
      return function (e) {
        let last;
        for (const s of siblingsOf(e)) {
          if (!isTag(s)) continue;
          if (s === e) break;
          last = s;
        }
        return !!last && next(last);
      };
    },
    universal: function (next) { return next; },
    'pseudo-element': function () { throw new TypeError('Rules[rule.type] is not a function'); }
  };

  // css-select orders the simple selectors of each compound (cheapest first); the order decides
  // which of several broken pseudos throws first.
  const PROCEDURE = { universal: 50, tag: 30, attribute: 1, pseudo: 0, descendant: -1, child: -1, parent: -1, sibling: -1, adjacent: -1 };
  const ATTR_PROC = { exists: 10, equals: 8, not: 7, start: 6, end: 6, any: 5, hyphen: 4, element: 4 };
  function procedureOf(t) {
    let proc = PROCEDURE[t.type];
    if (proc === PROCEDURE.attribute) {
      proc = ATTR_PROC[t.action];
      if (proc === ATTR_PROC.equals && t.name === 'id') proc = 9;
      if (t.ignoreCase) proc >>= 1;
    } else if (proc === PROCEDURE.pseudo) {
      if (!t.data) proc = 3;
      else if (t.name === 'has' || t.name === 'contains') proc = 0;
      else if (t.name === 'matches' || t.name === 'not') {
        proc = 0;
        for (const d of t.data) {
          if (d.length !== 1) continue;
          const cur = procedureOf(d[0]);
          if (cur === 0) { proc = 0; break; }
          if (cur > proc) proc = cur;
        }
        if (t.data.length > 1 && proc > 0) proc -= 1;
      } else proc = 1;
    }
    return proc;
  }
  function sortRules(arr) {
    const procs = arr.map(procedureOf);
    for (let i = 1; i < arr.length; i++) {
      const p = procs[i];
      if (p < 0) continue;
      for (let j = i - 1; j >= 0 && p < procs[j]; j--) {
        const t = arr[j + 1];
        arr[j + 1] = arr[j];
        arr[j] = t;
        procs[j + 1] = procs[j];
        procs[j] = p;
      }
    }
  }
  function includesScope(t) {
    return t.type === 'pseudo' && (t.name === 'scope' || (Array.isArray(t.data) && t.data.some(function (d) { return d.some(includesScope); })));
  }
  function absolutize(groups, context) {
    const hasContext = !!context && !!context.length && context.every(function (e) { return e === PLACEHOLDER || !!e.parent; });
    groups.forEach(function (t) {
      if (t.length > 0 && t[0].type in TRAVERSAL && t[0].type !== 'descendant') {
        // a leading combinator is relative to the scope
      } else if (hasContext && !t.some(includesScope)) {
        t.unshift({ type: 'descendant' });
      } else {
        return;
      }
      t.unshift({ type: 'pseudo', name: 'scope' });
    });
  }
  function compileToken(groups, options, context) {
    groups = groups.filter(function (t) { return t.length > 0; });
    groups.forEach(sortRules);
    const arrayContext = Array.isArray(context);
    context = (options && options.context) || context;
    if (context && !Array.isArray(context)) context = [context];
    absolutize(groups, context);
    return groups.map(function (rules) {
      const acceptSelf = arrayContext && rules[0].name === 'scope' && rules[1].type === 'descendant';
      return rules.reduce(function (func, rule, index) {
        if (func === falseFunc) return func;
        return RULES[rule.type](func, rule, options, context, acceptSelf && index === 1);
      }, (options && options.rootFunc) || trueFunc);
    }).reduce(function (a, b) {
      if (b === falseFunc || a === trueFunc) return a;
      if (a === falseFunc || b === trueFunc) return b;
      return function (e) { return a(e) || b(e); };
    }, falseFunc);
  }
  function wrapTag(next) { return function (e) { return isTag(e) && next(e); }; }
  function compile(selector, options, context) { return wrapTag(compileToken(parseSelector(selector, options), options, context)); }
  function existsOne(test, elems) {
    return elems.some(function (e) { return isTag(e) && (test(e) || (e.children.length > 0 && existsOne(test, e.children))); });
  }
  function findAll(test, elems) {
    let out = [];
    for (const e of elems) {
      if (!isTag(e)) continue;
      if (test(e)) out.push(e);
      if (e.children.length > 0) out = out.concat(findAll(test, e.children));
    }
    return out;
  }
  function removeSubsets(nodes) {
    let i = nodes.length;
    while (--i > -1) {
      const node = nodes[i];
      let anc = node;
      nodes[i] = null;
      let keep = true;
      while (anc) {
        if (nodes.indexOf(anc) > -1) { keep = false; nodes.splice(i, 1); break; }
        anc = anc.parent;
      }
      if (keep) nodes[i] = node;
    }
    return nodes;
  }
  function select(query, elems, options) {
    const test = typeof query === 'function' ? query : compileToken(parseSelector(query, options), options, elems);
    elems = Array.isArray(elems) ? removeSubsets(elems) : elems.children;
    return test === falseFunc || !elems || elems.length === 0 ? [] : findAll(test, elems);
  }
  function comparePos(a, b) {
    if (a === b) return 0;
    const ap = [];
    const bp = [];
    for (let c = a; c; c = c.parent) ap.unshift(c);
    for (let c = b; c; c = c.parent) bp.unshift(c);
    let i = 0;
    while (ap[i] === bp[i]) i++;
    if (i === 0) return 1;
    const shared = ap[i - 1];
    const sib = shared.children;
    if (sib.indexOf(ap[i]) > sib.indexOf(bp[i])) return shared === b ? 4 | 16 : 4;
    return shared === a ? 2 | 8 : 2;
  }
  function uniqueSort(nodes) {
    nodes = nodes.slice();
    let i = nodes.length;
    while (--i > -1) {
      const pos = nodes.indexOf(nodes[i]);
      if (pos > -1 && pos < i) nodes.splice(i, 1);
    }
    nodes.sort(function (a, b) {
      const rel = comparePos(a, b);
      if (rel & 2) return -1;
      if (rel & 4) return 1;
      return 0;
    });
    return nodes;
  }

  // ---- the cheerio object ----------------------------------------------------------------------
  function Cheerio(selector, context, root, options) {
    if (!(this instanceof Cheerio)) return new Cheerio(selector, context, root, options);
    return init(this, selector, context, root, options);
  }
  function init(self, selector, context, root, options) {
    self.options = defaults(options || {}, self.options);
    if (!selector) return self;
    if (root) {
      if (typeof root === 'string') root = parse(root, self.options);
      self._root = init(self, root);
    }
    if (selector.cheerio) return selector;
    if (isNode(selector)) selector = [selector];
    if (Array.isArray(selector)) {
      selector.forEach(function (e, i) { self[i] = e; });
      self.length = selector.length;
      return self;
    }
    if (typeof selector === 'string' && isHtml(selector)) return init(self, parse(selector, self.options).children);
    if (!context) {
      context = self._root;
    } else if (typeof context === 'string') {
      if (isHtml(context)) {
        context = init(self, parse(context, self.options));
      } else {
        selector = [context, selector].join(' ');
        context = self._root;
      }
    } else if (!context.cheerio) {
      context = init(self, context);
    }
    if (!context) return self;
    return context.find(selector);
  }
  const C = Cheerio.prototype;
  C.cheerio = '[cheerio object]';
  C.options = DEFAULTS;
  C.length = 0;
  C.splice = Array.prototype.splice;
  C._make = function (dom, context) {
    const made = new this.constructor(dom, context, this._root, this.options);
    made.prevObject = this;
    return made;
  };
  C.toArray = function () { return this.get(); };
  C[Symbol.iterator] = Array.prototype[Symbol.iterator];
  function each(list, fn) {
    for (let i = 0; i < list.length; i++) if (fn.call(list, i, list[i]) === false) break;
    return list;
  }
  function toList(obj) { return Array.prototype.slice.call(obj); }

  // -- traversal
  C.find = function (what) {
    let elems = [];
    for (const e of toList(this)) elems = elems.concat((e.children || []).filter(isTag));
    if (what && typeof what !== 'string') {
      const haystack = what.cheerio ? what.get() : [what];
      const self = this;
      return this._make(haystack.filter(function (e) {
        for (let i = 0; i < self.length; i++) if (contains(self[i], e)) return true;
        return false;
      }));
    }
    const options = Object.create(this.options);
    options.context = this.toArray();
    return this._make(select(what, elems, options));
  };
  function filterWith(keep) {
    return function (match, container) {
      container = container || this;
      let test;
      if (typeof match === 'string') test = compile(match, container.options);
      else if (typeof match === 'function') test = function (e, i) { return match.call(e, i, e); };
      else if (match.cheerio) test = function (e) { return match.is(e); };
      else test = function (e) { return match === e; };
      return container._make(toList(this).filter(function (e, i) { return !!test(e, i) === keep; }));
    };
  }
  C.filter = filterWith(true);
  C.not = filterWith(false);
  C.has = function (what) {
    const self = this;
    return C.filter.call(this, function () { return self._make(this).find(what).length > 0; });
  };
  C.parent = function (sel) {
    const set = [];
    each(this, function (i, e) { const p = e.parent; if (p && set.indexOf(p) < 0) set.push(p); });
    const out = arguments.length ? C.filter.call(set, sel, this) : set;
    return this._make(out);
  };
  function traverseParents(self, elem, sel, limit) {
    const out = [];
    while (elem && out.length < limit) {
      if (!sel || C.filter.call([elem], sel, self).length) out.push(elem);
      elem = elem.parent;
    }
    return out;
  }
  C.parents = function (sel) {
    const out = [];
    const self = this;
    this.get().reverse().forEach(function (e) {
      traverseParents(self, e.parent, sel, Infinity).forEach(function (n) { if (out.indexOf(n) === -1) out.push(n); });
    });
    return this._make(out);
  };
  function untilTest(self, sel, candidates) {
    let node;
    let nodes;
    if (typeof sel === 'string') node = select(sel, candidates(), self.options)[0];
    else if (sel && sel.cheerio) nodes = sel.toArray();
    else if (sel) node = sel;
    return function (e) { return (node && e !== node) || (nodes && nodes.indexOf(e) === -1) || (!node && !nodes); };
  }
  C.parentsUntil = function (sel, filter) {
    const self = this;
    const out = [];
    const go = untilTest(this, sel, function () { return self.parents().toArray(); });
    this.toArray().reverse().forEach(function (e) {
      while ((e = e.parent)) {
        if (!go(e)) break;
        if (isTag(e) && out.indexOf(e) === -1) out.push(e);
      }
    });
    return this._make(filter ? select(filter, out, this.options) : out);
  };
  C.closest = function (sel) {
    const set = [];
    if (!sel) return this._make(set);
    const self = this;
    each(this, function (i, e) {
      const found = traverseParents(self, e, sel, 1)[0];
      if (found && set.indexOf(found) < 0) set.push(found);
    });
    return this._make(set);
  };
  function walk(dir, all) {
    return function (sel) {
      if (!this[0]) return this;
      const out = [];
      for (let e of toList(this)) {
        while ((e = e[dir])) {
          if (!isTag(e)) continue;
          if (!all) { out.push(e); break; }
          if (out.indexOf(e) === -1) out.push(e);
        }
      }
      return sel ? C.filter.call(out, sel, this) : this._make(out);
    };
  }
  C.next = walk('next', false);
  C.nextAll = walk('next', true);
  C.prev = walk('prev', false);
  C.prevAll = walk('prev', true);
  function walkUntil(dir, allName) {
    return function (sel, filterSel) {
      if (!this[0]) return this;
      const self = this;
      const out = [];
      const go = untilTest(this, sel, function () { return self[allName]().get(); });
      for (let e of toList(this)) {
        while ((e = e[dir])) {
          if (!go(e)) break;
          if (isTag(e) && out.indexOf(e) === -1) out.push(e);
        }
      }
      return filterSel ? C.filter.call(out, filterSel, this) : this._make(out);
    };
  }
  C.nextUntil = walkUntil('next', 'nextAll');
  C.prevUntil = walkUntil('prev', 'prevAll');
  C.siblings = function (sel) {
    const self = this;
    const elems = toList(this.parent().children()).filter(function (e) { return isTag(e) && !self.is(e); });
    return sel !== undefined ? C.filter.call(elems, sel, this) : this._make(elems);
  };
  C.children = function (sel) {
    let elems = [];
    for (const e of toList(this)) elems = elems.concat((e.children || []).filter(isTag));
    return sel === undefined ? this._make(elems) : C.filter.call(elems, sel, this);
  };
  C.contents = function () {
    const all = [];
    for (const e of toList(this)) all.push.apply(all, e.children || []);
    return this._make(all);
  };
  C.each = function (fn) {
    for (let i = 0; i < this.length; i++) if (fn.call(this[i], i, this[i]) === false) break;
    return this;
  };
  C.map = function (fn) {
    let memo = [];
    for (let i = 0; i < this.length; i++) {
      const v = fn.call(this[i], i, this[i]);
      if (v !== null && v !== undefined) memo = memo.concat(v);
    }
    return this._make(memo);
  };
  C.first = function () { return this.length > 1 ? this._make(this[0]) : this; };
  C.last = function () { return this.length > 1 ? this._make(this[this.length - 1]) : this; };
  C.eq = function (i) {
    i = +i;
    if (i === 0 && this.length <= 1) return this;
    if (i < 0) i = this.length + i;
    return this[i] ? this._make(this[i]) : this._make([]);
  };
  C.get = function (i) {
    if (i === null || i === undefined) return toList(this);
    return this[i < 0 ? this.length + i : i];
  };
  C.index = function (what) {
    let haystack;
    let needle;
    if (arguments.length === 0) {
      haystack = this.parent().children();
      needle = this[0];
    } else if (typeof what === 'string') {
      haystack = this._make(what);
      needle = this[0];
    } else {
      haystack = this;
      needle = what.cheerio ? what[0] : what;
    }
    return haystack.get().indexOf(needle);
  };
  C.slice = function () { return this._make(Array.prototype.slice.apply(this, arguments)); };
  C.end = function () { return this.prevObject || this._make([]); };
  C.add = function (other, context) {
    const selection = this._make(other, context);
    const all = uniqueSort(selection.get().concat(this.get()));
    for (let i = 0; i < all.length; i++) selection[i] = all[i];
    selection.length = all.length;
    return selection;
  };
  C.addBack = function (sel) { return this.add(arguments.length ? this.prevObject.filter(sel) : this.prevObject); };

  // -- attributes
  const rspace = /\s+/;
  const rboolean = /^(?:autofocus|autoplay|async|checked|controls|defer|disabled|hidden|loop|multiple|open|readonly|required|scoped|selected)$/i;
  const rbrace = /^(?:\{[\w\W]*\}|\[[\w\W]*\])$/;
  function getAttr(elem, name) {
    if (!elem || !isTag(elem)) return undefined;
    if (!elem.attribs) elem.attribs = {};
    if (!name) return elem.attribs;
    if (hasOwn.call(elem.attribs, name)) return rboolean.test(name) ? name : elem.attribs[name];
    if (elem.name === 'option' && name === 'value') return staticText(elem.children);
    if (elem.name === 'input' && (elem.attribs.type === 'radio' || elem.attribs.type === 'checkbox') && name === 'value') return 'on';
    return undefined;
  }
  function setAttr(el, name, value) {
    if (value === null) removeAttribute(el, name);
    else el.attribs[name] = value + '';
  }
  function removeAttribute(el, name) {
    if (!el.attribs || !hasOwn.call(el.attribs, name)) return;
    delete el.attribs[name];
  }
  function forOwn(obj, fn) { for (const k of Object.keys(Object(obj))) fn(obj[k], k); }
  C.attr = function (name, value) {
    if (typeof name === 'object' || value !== undefined) {
      if (typeof value === 'function') {
        return each(this, function (i, el) { setAttr(el, name, value.call(el, i, el.attribs[name])); });
      }
      return each(this, function (i, el) {
        if (!isTag(el)) return;
        if (typeof name === 'object') forOwn(name, function (v, k) { setAttr(el, k, v); });
        else setAttr(el, name, value);
      });
    }
    return getAttr(this[0], name);
  };
  function getProp(el, name) {
    if (!el || !isTag(el)) return undefined;
    return hasOwn.call(el, name) ? el[name] : rboolean.test(name) ? getAttr(el, name) !== undefined : getAttr(el, name);
  }
  function setProp(el, name, value) { el[name] = rboolean.test(name) ? !!value : value; }
  C.prop = function (name, value) {
    if (typeof name === 'string' && value === undefined) {
      if (name === 'style') {
        const style = this.css();
        let i = 0;
        forOwn(style, function (v, p) { style[i++] = p; });
        style.length = i;
        return style;
      }
      if (name === 'tagName' || name === 'nodeName') return this[0].name.toUpperCase();
      return getProp(this[0], name);
    }
    if (typeof name === 'object' || value !== undefined) {
      if (typeof value === 'function') {
        return each(this, function (i, el) { setProp(el, name, value.call(el, i, getProp(el, name))); });
      }
      return each(this, function (i, el) {
        if (!isTag(el)) return;
        if (typeof name === 'object') forOwn(name, function (v, k) { setProp(el, k, v); });
        else setProp(el, name, value);
      });
    }
    return undefined;
  };
  function readData(el, name) {
    const all = arguments.length === 1;
    let domNames;
    let jsNames;
    let value;
    if (all) {
      domNames = Object.keys(el.attribs).filter(function (a) { return a.slice(0, 5) === 'data-'; });
      jsNames = domNames.map(function (d) { return camelCase(d.slice(5)); });
    } else {
      domNames = ['data-' + cssCase(name)];
      jsNames = [name];
    }
    for (let i = 0; i < domNames.length; i++) {
      if (!hasOwn.call(el.attribs, domNames[i])) continue;
      value = el.attribs[domNames[i]];
      if (value === 'null') value = null;
      else if (value === 'true') value = true;
      else if (value === 'false') value = false;
      else if (value === String(Number(value))) value = Number(value);
      else if (rbrace.test(value)) {
        try { value = JSON.parse(value); } catch (e) { /* kept as written */ }
      }
      el.data[jsNames[i]] = value;
    }
    return all ? el.data : value;
  }
  C.data = function (name, value) {
    const elem = this[0];
    if (!elem || !isTag(elem)) return undefined;
    if (!elem.data) elem.data = {};
    if (!name) return readData(elem);
    if (typeof name === 'object' || value !== undefined) {
      each(this, function (i, el) {
        if (!el.data) el.data = {};
        if (typeof name === 'object') Object.assign(el.data, name);
        else if (typeof name === 'string') el.data[name] = value;
      });
      return this;
    }
    if (hasOwn.call(elem.data, name)) return elem.data[name];
    return readData(elem, name);
  };
  C.val = function (value) {
    const querying = arguments.length === 0;
    const el = this[0];
    if (!el) return undefined;
    switch (el.name) {
      case 'textarea':
        return this.text(value);
      case 'input':
        if (this.attr('type') === 'radio') {
          if (querying) return this.attr('value');
          this.attr('value', value);
          return this;
        }
        return this.attr('value', value);
      case 'select': {
        const option = this.find('option:selected');
        if (!querying) {
          if (!hasOwn.call(this.attr(), 'multiple') && typeof value === 'object') return this;
          if (typeof value !== 'object') value = [value];
          this.find('option').removeAttr('selected');
          for (let i = 0; i < value.length; i++) this.find('option[value="' + value[i] + '"]').attr('selected', '');
          return this;
        }
        if (hasOwn.call(this.attr(), 'multiple')) {
          const out = [];
          each(option, function (i, o) { out.push(getAttr(o, 'value')); });
          return out;
        }
        return option.attr('value');
      }
      case 'option':
        if (!querying) {
          this.attr('value', value);
          return this;
        }
        return this.attr('value');
    }
    return undefined;
  };
  C.removeAttr = function (name) { return each(this, function (i, el) { removeAttribute(el, name); }); };
  C.hasClass = function (name) {
    return toList(this).some(function (el) {
      const cls = el.attribs && el.attribs['class'];
      if (!cls) return false;
      let idx = -1;
      while ((idx = cls.indexOf(name, idx + 1)) > -1) {
        const end = idx + name.length;
        if ((idx === 0 || rspace.test(cls[idx - 1])) && (end === cls.length || rspace.test(cls[end]))) return true;
      }
      return false;
    });
  };
  function splitClass(c) { return c ? c.trim().split(rspace) : []; }
  C.addClass = function (value) {
    if (typeof value === 'function') {
      return each(this, function (i, el) { C.addClass.call([el], value.call(el, i, el.attribs['class'] || '')); });
    }
    if (!value || typeof value !== 'string') return this;
    const names = value.split(rspace);
    for (let i = 0; i < this.length; i++) {
      if (!isTag(this[i])) continue;
      const current = getAttr(this[i], 'class');
      if (!current) {
        setAttr(this[i], 'class', names.join(' ').trim());
      } else {
        let set = ' ' + current + ' ';
        for (const n of names) if (set.indexOf(' ' + n + ' ') < 0) set += n + ' ';
        setAttr(this[i], 'class', set.trim());
      }
    }
    return this;
  };
  C.removeClass = function (value) {
    if (typeof value === 'function') {
      return each(this, function (i, el) { C.removeClass.call([el], value.call(el, i, el.attribs['class'] || '')); });
    }
    const classes = splitClass(value);
    const all = arguments.length === 0;
    return each(this, function (i, el) {
      if (!isTag(el)) return;
      if (all) {
        el.attribs.class = '';
        return;
      }
      const list = splitClass(el.attribs.class);
      let changed = false;
      for (let j = 0; j < classes.length; j++) {
        const at = list.indexOf(classes[j]);
        if (at >= 0) {
          list.splice(at, 1);
          changed = true;
          j--;
        }
      }
      if (changed) el.attribs.class = list.join(' ');
    });
  };
  C.toggleClass = function (value, stateVal) {
    if (typeof value === 'function') {
      return each(this, function (i, el) {
        C.toggleClass.call([el], value.call(el, i, el.attribs['class'] || '', stateVal), stateVal);
      });
    }
    if (!value || typeof value !== 'string') return this;
    const names = value.split(rspace);
    const state = typeof stateVal === 'boolean' ? (stateVal ? 1 : -1) : 0;
    for (let i = 0; i < this.length; i++) {
      if (!isTag(this[i])) continue;
      const list = splitClass(this[i].attribs.class);
      for (const n of names) {
        const at = list.indexOf(n);
        if (state >= 0 && at < 0) list.push(n);
        else if (state <= 0 && at >= 0) list.splice(at, 1);
      }
      this[i].attribs.class = list.join(' ');
    }
    return this;
  };
  C.is = function (sel) { return sel ? this.filter(sel).length > 0 : false; };

  // -- manipulation
  function cloneDom(dom, options) { return parse(serialize(dom, options), options).children; }
  C._makeDomArray = function (elem, clone) {
    if (elem === null || elem === undefined) return [];
    if (elem.cheerio) return clone ? cloneDom(elem.get(), elem.options) : elem.get();
    if (Array.isArray(elem)) {
      const self = this;
      return elem.map(function (e) { return self._makeDomArray(e, clone); }).reduce(function (a, b) { return a.concat(b); }, []);
    }
    if (typeof elem === 'string') return evaluate(elem, this.options);
    return clone ? cloneDom([elem]) : [elem];
  };
  function uniqueSplice(array, at, count, elems, parent) {
    const args = [at, count].concat(elems);
    const prev = array[at - 1] || null;
    const next = array[at] || null;
    for (let i = 0; i < elems.length; i++) {
      const node = elems[i];
      const oldParent = node.parent || node.root;
      const prevAt = oldParent && oldParent.children.indexOf(elems[i]);
      if (oldParent && prevAt > -1) {
        oldParent.children.splice(prevAt, 1);
        if (parent === oldParent && at > prevAt) args[0]--;
      }
      node.root = null;
      node.parent = parent;
      if (node.prev) node.prev.next = node.next || null;
      if (node.next) node.next.prev = node.prev || null;
      node.prev = elems[i - 1] || prev;
      node.next = elems[i + 1] || next;
    }
    if (prev) prev.next = elems[0];
    if (next) next.prev = elems[elems.length - 1];
    return array.splice.apply(array, args);
  }
  function insertInto(place) {
    return function () {
      const elems = Array.prototype.slice.call(arguments);
      const last = this.length - 1;
      return each(this, function (i, el) {
        const src = typeof elems[0] === 'function' ? elems[0].call(el, i, staticHtml.call(STATIC, el.children)) : elems;
        place(this._makeDomArray(src, i < last), el.children, el);
      });
    };
  }
  C.append = insertInto(function (dom, children, parent) { uniqueSplice(children, children.length, 0, dom, parent); });
  C.prepend = insertInto(function (dom, children, parent) { uniqueSplice(children, 0, 0, dom, parent); });
  C.appendTo = function (target) {
    if (!target.cheerio) target = this.constructor.call(this.constructor, target, null, this._originalRoot);
    target.append(this);
    return this;
  };
  C.prependTo = function (target) {
    if (!target.cheerio) target = this.constructor.call(this.constructor, target, null, this._originalRoot);
    target.prepend(this);
    return this;
  };
  C.wrap = function (wrapper) {
    const fn = typeof wrapper === 'function' && wrapper;
    const last = this.length - 1;
    const self = this;
    toList(this).forEach(function (el, i) {
      const parent = el.parent || el.root;
      if (!parent) return;
      const siblings = parent.children;
      if (fn) wrapper = fn.call(el, i);
      if (typeof wrapper === 'string' && !isHtml(wrapper)) wrapper = self.parents().last().find(wrapper).clone();
      const dom = self._makeDomArray(wrapper, i < last).slice(0, 1);
      const at = siblings.indexOf(el);
      update([el], dom[0]);
      uniqueSplice(siblings, at, 0, dom, parent);
    });
    return this;
  };
  function besides(offset) {
    return function () {
      const elems = Array.prototype.slice.call(arguments);
      const last = this.length - 1;
      return each(this, function (i, el) {
        const parent = el.parent || el.root;
        if (!parent) return;
        const siblings = parent.children;
        const at = siblings.indexOf(el);
        if (at < 0) return;
        const src = typeof elems[0] === 'function' ? elems[0].call(el, i, staticHtml.call(STATIC, el.children)) : elems;
        uniqueSplice(siblings, at + offset, 0, this._makeDomArray(src, i < last), parent);
      });
    };
  }
  C.after = besides(1);
  C.before = besides(0);
  function insertBeside(offset) {
    return function (target) {
      const clones = [];
      const self = this;
      if (typeof target === 'string') target = this.constructor.call(this.constructor, target, null, this._originalRoot);
      target = this._makeDomArray(target);
      self.remove();
      each(target, function (i, el) {
        const copy = self._makeDomArray(self.clone());
        const parent = el.parent || el.root;
        if (!parent) return;
        const siblings = parent.children;
        const at = siblings.indexOf(el);
        if (at < 0) return;
        uniqueSplice(siblings, at + offset, 0, copy, parent);
        clones.push(copy);
      });
      return this.constructor.call(this.constructor, this._makeDomArray(clones));
    };
  }
  C.insertAfter = insertBeside(1);
  C.insertBefore = insertBeside(0);
  C.remove = function (sel) {
    const elems = sel ? this.filter(sel) : this;
    each(elems, function (i, el) {
      const parent = el.parent || el.root;
      if (!parent) return;
      const siblings = parent.children;
      const at = siblings.indexOf(el);
      if (at < 0) return;
      siblings.splice(at, 1);
      if (el.prev) el.prev.next = el.next;
      if (el.next) el.next.prev = el.prev;
      el.prev = el.next = el.parent = el.root = null;
    });
    return this;
  };
  C.replaceWith = function (content) {
    const self = this;
    return each(this, function (i, el) {
      const parent = el.parent || el.root;
      if (!parent) return;
      const siblings = parent.children;
      const dom = self._makeDomArray(typeof content === 'function' ? content.call(el, i, el) : content);
      update(dom, null);
      uniqueSplice(siblings, siblings.indexOf(el), 1, dom, parent);
      el.parent = el.prev = el.next = el.root = null;
    });
  };
  function detachChildren(el) { for (const c of el.children) c.next = c.prev = c.parent = null; }
  C.empty = function () {
    return each(this, function (i, el) {
      detachChildren(el);
      el.children.length = 0;
    });
  };
  C.html = function (str) {
    if (str === undefined) {
      if (!this[0] || !this[0].children) return null;
      return staticHtml.call(STATIC, this[0].children, this.options);
    }
    const opts = this.options;
    return each(this, function (i, el) {
      detachChildren(el);
      const content = str.cheerio ? str.clone().get() : evaluate('' + str, opts);
      update(content, el);
    });
  };
  C.toString = function () { return staticHtml.call(STATIC, this, this.options); };
  C.text = function (str) {
    if (str === undefined) return staticText(this);
    if (typeof str === 'function') {
      return each(this, function (i, el) { C.text.call([el], str.call(el, i, staticText([el]))); });
    }
    return each(this, function (i, el) {
      detachChildren(el);
      update(makeNode({ data: '' + str, type: 'text', parent: el, prev: null, next: null, children: [] }), el);
    });
  };
  C.clone = function () { return this._make(cloneDom(this.get(), this.options)); };

  // -- css
  function parseStyle(styles) {
    styles = (styles || '').trim();
    if (!styles) return {};
    return styles.split(';').reduce(function (obj, s) {
      const n = s.indexOf(':');
      if (n < 1 || n === s.length - 1) return obj;
      obj[s.slice(0, n).trim()] = s.slice(n + 1).trim();
      return obj;
    }, {});
  }
  function stringifyStyle(obj) {
    return Object.keys(obj || {}).reduce(function (s, p) { return s + (s ? ' ' : '') + p + ': ' + obj[p] + ';'; }, '');
  }
  function getCss(el, prop) {
    const styles = parseStyle(el.attribs.style);
    if (typeof prop === 'string') return styles[prop];
    if (Array.isArray(prop)) {
      const out = {};
      for (const p of prop) if (p in styles) out[p] = styles[p];
      return out;
    }
    return styles;
  }
  function setCss(el, prop, val, idx) {
    if (typeof prop === 'string') {
      const styles = getCss(el);
      if (typeof val === 'function') val = val.call(el, idx, styles[prop]);
      if (val === '') delete styles[prop];
      else if (val !== null && val !== undefined) styles[prop] = val;
      el.attribs.style = stringifyStyle(styles);
    } else if (typeof prop === 'object') {
      Object.keys(prop).forEach(function (k) { setCss(el, k, prop[k]); });
    }
  }
  C.css = function (prop, val) {
    if (arguments.length === 2 || Object.prototype.toString.call(prop) === '[object Object]') {
      return each(this, function (i, el) { setCss(el, prop, val, i); });
    }
    return getCss(this[0], prop);
  };

  // -- forms
  C.serializeArray = function () {
    const make = this.constructor;
    return this.map(function () {
      const $el = make(this);
      return this.name === 'form' ? $el.find('input,select,textarea,keygen').toArray() : $el.filter('input,select,textarea,keygen').toArray();
    }).filter('[name!=""]:not(:disabled):not(:submit, :button, :image, :reset, :file):matches([checked], :not(:checkbox, :radio))')
      .map(function (i, el) {
        const $el = make(el);
        const name = $el.attr('name');
        const val = $el.val();
        if (val === null || val === undefined) return null;
        if (Array.isArray(val)) return val.map(function (v) { return { name: name, value: v.replace(/\r?\n/g, '\r\n') }; });
        return { name: name, value: val.replace(/\r?\n/g, '\r\n') };
      }).get();
  };
  C.serialize = function () {
    return this.serializeArray().map(function (d) {
      return encodeURIComponent(d.name) + '=' + encodeURIComponent(d.value);
    }).join('&').replace(/%20/g, '+');
  };

  // ---- the static functions ------------------------------------------------------------------
  function renderWith(that, dom, options) {
    if (!dom) {
      if (that._root && that._root.children) dom = that._root.children;
      else return '';
    } else if (typeof dom === 'string') {
      dom = select(dom, that._root, options);
    }
    return serialize(dom, options);
  }
  function staticHtml(dom, options) {
    if (Object.prototype.toString.call(dom) === '[object Object]' && !options && !('length' in dom) && !('type' in dom)) {
      options = dom;
      dom = undefined;
    }
    options = defaults(options || {}, this._options, DEFAULTS);
    return renderWith(this, dom, options);
  }
  function staticText(elems) {
    if (!elems) elems = this.root();
    let out = '';
    for (let i = 0; i < elems.length; i++) {
      const e = elems[i];
      if (e.type === 'text') out += e.data;
      else if (e.children && e.type !== 'comment') out += staticText(e.children);
    }
    return out;
  }
  function contains(container, contained) {
    if (contained === container) return false;
    while (contained && contained !== contained.parent) {
      contained = contained.parent;
      if (contained === container) return true;
    }
    return false;
  }
  const STATIC = {
    load: function (content, options) {
      options = defaults(options || {}, DEFAULTS);
      const root = parse(content, options);
      const initialize = function (selector, context, r, opts) {
        if (!(this instanceof initialize)) return new initialize(selector, context, r, opts);
        opts = defaults(opts || {}, options);
        return init(this, selector, context, r || root, opts);
      };
      initialize.prototype = Object.create(C);
      initialize.prototype.constructor = initialize;
      initialize.fn = initialize.prototype;
      initialize.prototype._originalRoot = root;
      Object.assign(initialize, STATIC);
      initialize._root = root;
      initialize._options = options;
      return initialize;
    },
    html: staticHtml,
    xml: function (dom) { return renderWith(this, dom, defaults({ xmlMode: true }, this._options)); },
    text: staticText,
    parseHTML: function (data, context, keepScripts) {
      if (!data || typeof data !== 'string') return null;
      if (typeof context === 'boolean') keepScripts = context;
      const parsed = this.load(data);
      if (!keepScripts) parsed('script').remove();
      return parsed.root()[0].children.slice();
    },
    root: function () { return this(this._root); },
    contains: contains
  };
  Object.assign(Cheerio, STATIC);
  Cheerio.version = '0.22.0';
  return Cheerio;
})
