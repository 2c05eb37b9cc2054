// postie library: `require('cheerio')` and the legacy `cheerio` global: `cheerio.load(html)`
// returns `$` with a jQuery-like subset (find, children, parent(s), closest, siblings, next/prev,
// first/last/eq/slice, filter/not/is, each/map/toArray/get, text, html, attr, data, val,
// hasClass/addClass/removeClass). HTML is parsed (as htmlparser2 does) and CSS selectors run in Rust;
// the node tree lives here, so reads need no round trip.
(function (P) {
  'use strict';

  const native = P.native;
    const RAW = new Set(['script', 'style']);

  // ---- documents -----------------------------------------------------------------------------
  function loadDocument(html) {
    const parsed = JSON.parse(native.htmlLoad(String(html === undefined || html === null ? '' : html)));
    const nodes = parsed.nodes.map(function (raw, i) {
      const node = { type: raw.t, index: i, parent: null, children: [], prev: null, next: null };
      if (raw.t === 'tag') {
        node.name = raw.name;
        node.tagName = raw.name;
        node.attribs = raw.attrs;
        if (RAW.has(raw.name)) node.type = raw.name;
      } else if (raw.t === 'text' || raw.t === 'comment') {
        node.data = raw.text;
      } else if (raw.t === 'directive') {
        node.name = '!' + raw.name;
        node.data = '!DOCTYPE ' + raw.name;
      }
      return node;
    });
    parsed.nodes.forEach(function (raw, i) {
      if (raw.p === null || raw.p === undefined) return;
      const parent = nodes[raw.p];
      const node = nodes[i];
      node.parent = raw.p === 0 ? nodes[0] : parent;
      const siblings = parent.children;
      if (siblings.length) {
        node.prev = siblings[siblings.length - 1];
        node.prev.next = node;
      }
      siblings.push(node);
    });
    for (const n of nodes) { n.prev = n.prev || null; n.next = n.next || null; }
    return { id: parsed.doc, nodes: nodes, root: nodes[0] };
  }

  function isTag(n) { return n && (n.type === 'tag' || n.type === 'script' || n.type === 'style'); }
  // cheerio 0.22 renders with dom-serializer and decodeEntities on: text and attribute values
  // are XML-encoded (&, <, >, quotes, and every non-ASCII character as &#xHEX;), except text in
  // the raw-text elements; from an <svg> down, XML rules apply (an element without children
  // closes itself, attributes always have a value, void elements get an end tag).
  const XML_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  const UNENCODED = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
  const SERIALIZER_VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img',
    'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
  function hexRef(code) { return '&#x' + code.toString(16).toUpperCase() + ';'; }
  function encodeXML(s) {
    return String(s)
      .replace(/[&<>"']/g, function (c) { return XML_ENTITY[c]; })
      .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, function (c) { return hexRef(c.codePointAt(0)); })
      .replace(/[^\0-\x7F]/g, function (c) { return hexRef(c.charCodeAt(0)); });
  }
  function render(n, xml) {
    if (n.type === 'root') return n.children.map(function (c) { return render(c, xml); }).join('');
    if (n.type === 'text') return n.parent && UNENCODED.has(n.parent.name) ? n.data : encodeXML(n.data);
    if (n.type === 'comment') return '<!--' + n.data + '-->';
    if (n.type === 'directive') return '<' + n.data + '>';
    if (n.name === 'svg') xml = true;
    let out = '<' + n.name;
    for (const k of Object.keys(n.attribs)) {
      const v = n.attribs[k];
      out += (v === null || v === '') && !xml ? ' ' + k : ' ' + k + '="' + encodeXML(v) + '"';
    }
    if (xml && !n.children.length) return out + '/>';
    out += '>' + n.children.map(function (c) { return render(c, xml); }).join('');
    return SERIALIZER_VOID.has(n.name) && !xml ? out : out + '</' + n.name + '>';
  }
  function textOf(n) {
    if (n.type === 'text') return n.data;
    if (n.type === 'comment' || n.type === 'directive') return '';
    return n.children.map(textOf).join('');
  }

  // ---- the selection object ------------------------------------------------------------------
  function makeApi(doc) {
    function selectIn(scope, selector) {
      const indexes = native.htmlSelect(doc.id, scope.map(function (n) { return n.index; }), String(selector));
      return indexes.map(function (i) { return doc.nodes[i]; });
    }
    function matcher(selector) {
      if (typeof selector === 'function') return null;
      const set = new Set(selectIn([doc.root], selector));
      return function (n) { return set.has(n); };
    }
    function wrap(list) { return new Cheerio(list); }

    // A selection holds each node once; `map` results (`values`) are kept as they are.
    function Cheerio(list, values) {
      const unique = [];
      const seen = new Set();
      for (const n of list) {
        if (values) unique.push(n);
        else if (n && !seen.has(n)) { seen.add(n); unique.push(n); }
      }
      for (let i = 0; i < unique.length; i++) this[i] = unique[i];
      this.length = unique.length;
    }
    const C = Cheerio.prototype;
    C.cheerio = '[cheerio object]';
    C._list = function () { return Array.prototype.slice.call(this); };
    C.toArray = function () { return this._list(); };
    C.get = function (i) { return i === undefined ? this._list() : this[i < 0 ? this.length + i : i]; };
    C.eq = function (i) { const n = this.get(i); return wrap(n ? [n] : []); };
    C.first = function () { return this.eq(0); };
    C.last = function () { return this.eq(-1); };
    C.slice = function (a, b) { return wrap(this._list().slice(a, b)); };
    C.each = function (fn) {
      for (let i = 0; i < this.length; i++) if (fn.call(this[i], i, this[i]) === false) break;
      return this;
    };
    C.map = function (fn) {
      const out = [];
      for (let i = 0; i < this.length; i++) {
        const v = fn.call(this[i], i, this[i]);
        if (v !== null && v !== undefined) Array.isArray(v) ? out.push.apply(out, v) : out.push(v);
      }
      return new Cheerio(out, true);
    };
    C.filter = function (sel) {
      if (typeof sel === 'function') return wrap(this._list().filter(function (n, i) { return sel.call(n, i, n); }));
      const m = matcher(sel);
      return wrap(this._list().filter(m));
    };
    C.not = function (sel) {
      if (typeof sel === 'function') return wrap(this._list().filter(function (n, i) { return !sel.call(n, i, n); }));
      const m = matcher(sel);
      return wrap(this._list().filter(function (n) { return !m(n); }));
    };
    C.is = function (sel) { return this.filter(sel).length > 0; };
    C.has = function (sel) { return wrap(this._list().filter(function (n) { return selectIn([n], sel).length > 0; })); };
    C.find = function (sel) { return wrap(this.length ? selectIn(this._list(), sel) : []); };
    C.children = function (sel) {
      let out = [];
      for (const n of this._list()) out = out.concat(n.children.filter(isTag));
      return sel ? wrap(out).filter(sel) : wrap(out);
    };
    C.contents = function () {
      let out = [];
      for (const n of this._list()) out = out.concat(n.children);
      return wrap(out);
    };
    C.parent = function (sel) {
      const out = this._list().map(function (n) { return n.parent && n.parent.type !== 'root' ? n.parent : null; });
      return sel ? wrap(out).filter(sel) : wrap(out);
    };
    C.parents = function (sel) {
      const out = [];
      for (const n of this._list()) for (let p = n.parent; p && p.type !== 'root'; p = p.parent) out.push(p);
      return sel ? wrap(out).filter(sel) : wrap(out);
    };
    C.closest = function (sel) {
      const m = matcher(sel);
      const out = [];
      for (const n of this._list()) for (let p = n; p && p.type !== 'root'; p = p.parent) if (m(p)) { out.push(p); break; }
      return wrap(out);
    };
    function sibling(dir, all) {
      return function (sel) {
        const out = [];
        for (const n of this._list()) {
          for (let s = n[dir]; s; s = s[dir]) {
            if (!isTag(s)) continue;
            out.push(s);
            if (!all) break;
          }
        }
        return sel ? wrap(out).filter(sel) : wrap(out);
      };
    }
    C.next = sibling('next', false);
    C.prev = sibling('prev', false);
    C.nextAll = sibling('next', true);
    C.prevAll = sibling('prev', true);
    C.siblings = function (sel) {
      const out = [];
      for (const n of this._list()) for (const s of (n.parent ? n.parent.children : [])) if (s !== n && isTag(s)) out.push(s);
      return sel ? wrap(out).filter(sel) : wrap(out);
    };
    C.index = function (sel) {
      if (sel === undefined) {
        const n = this[0];
        return n && n.parent ? n.parent.children.filter(isTag).indexOf(n) : -1;
      }
      const target = typeof sel === 'string' ? $(sel)[0] : sel.cheerio ? sel[0] : sel;
      return this._list().indexOf(target);
    };
    C.text = function (value) {
      if (value === undefined) return this._list().map(textOf).join('');
      for (const n of this._list()) n.children = [{ type: 'text', data: String(value), parent: n, children: [], prev: null, next: null }];
      return this;
    };
    C.html = function (value) {
      const n = this[0];
      if (value === undefined) return n ? n.children.map(function (c) { return render(c, false); }).join('') : null;
      const fragment = loadDocument(String(value));
      for (const el of this._list()) {
        el.children = fragment.root.children.map(function (c) { c.parent = el; return c; });
      }
      return this;
    };
    C.toString = function () { return this._list().map(function (n) { return render(n, false); }).join(''); };
    C.attr = function (name, value) {
      if (name !== null && typeof name === 'object') {
        for (const k of Object.keys(name)) this.attr(k, name[k]);
        return this;
      }
      if (value === undefined) {
        const n = this[0];
        if (!isTag(n)) return undefined;
        return name === undefined ? Object.assign({}, n.attribs) : Object.prototype.hasOwnProperty.call(n.attribs, name) ? n.attribs[name] : undefined;
      }
      for (const n of this._list()) {
        if (!isTag(n)) continue;
        if (value === null) delete n.attribs[name];
        else n.attribs[name] = String(typeof value === 'function' ? value.call(n, 0, n.attribs[name]) : value);
      }
      return this;
    };
    C.prop = function (name) {
      const n = this[0];
      if (!isTag(n)) return undefined;
      if (name === 'tagName' || name === 'nodeName') return n.name.toUpperCase();
      if (name === 'outerHTML') return render(n, false);
      if (name === 'innerHTML') return n.children.map(function (c) { return render(c, false); }).join('');
      if (name === 'textContent') return textOf(n);
      if (name === 'checked' || name === 'selected' || name === 'disabled') return name in n.attribs;
      return n.attribs[name];
    };
    C.removeAttr = function (name) { for (const n of this._list()) if (isTag(n)) delete n.attribs[name]; return this; };
    C.data = function (name) {
      const n = this[0];
      if (!isTag(n)) return undefined;
      const read = function (v) {
        if (v === 'true') return true;
        if (v === 'false') return false;
        if (v === 'null') return null;
        if (v !== '' && !isNaN(v)) return Number(v);
        if (/^[[{]/.test(v)) { try { return JSON.parse(v); } catch (e) { return v; } }
        return v;
      };
      const camel = function (k) { return k.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); }); };
      if (name !== undefined) {
        const key = 'data-' + String(name).replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
        return key in n.attribs ? read(n.attribs[key]) : undefined;
      }
      const out = {};
      for (const k of Object.keys(n.attribs)) if (k.indexOf('data-') === 0) out[camel(k.slice(5))] = read(n.attribs[k]);
      return out;
    };
    C.val = function () {
      const n = this[0];
      if (!isTag(n)) return undefined;
      if (n.name === 'textarea') return textOf(n);
      if (n.name === 'select') {
        const chosen = wrap([n]).find('option[selected]');
        return chosen.length ? chosen.val() : wrap([n]).find('option').first().val();
      }
      if (n.name === 'option') return 'value' in n.attribs ? n.attribs.value : textOf(n);
      return n.attribs.value;
    };
    C.hasClass = function (name) {
      return this._list().some(function (n) { return isTag(n) && String(n.attribs.class || '').split(/\s+/).indexOf(name) !== -1; });
    };
    C.addClass = function (name) {
      for (const n of this._list()) {
        if (!isTag(n)) continue;
        const list = String(n.attribs.class || '').split(/\s+/).filter(Boolean);
        for (const c of String(name).split(/\s+/)) if (c && list.indexOf(c) === -1) list.push(c);
        n.attribs.class = list.join(' ');
      }
      return this;
    };
    C.removeClass = function (name) {
      for (const n of this._list()) {
        if (!isTag(n) || n.attribs.class === undefined) continue;
        const drop = name === undefined ? null : String(name).split(/\s+/);
        n.attribs.class = drop ? String(n.attribs.class).split(/\s+/).filter(function (c) { return c && drop.indexOf(c) === -1; }).join(' ') : '';
      }
      return this;
    };
    C.end = function () { return this; };
    C[Symbol.iterator] = function () { return this._list()[Symbol.iterator](); };

    function $(selector, context) {
      if (selector === undefined || selector === null || selector === '') return wrap([]);
      if (selector.cheerio) return selector;
      if (typeof selector === 'function') { selector($); return wrap([doc.root]); }
      if (typeof selector === 'object') return wrap(Array.isArray(selector) ? selector : [selector]);
      const text = String(selector);
      if (/^\s*</.test(text)) return wrap(loadDocument(text).root.children);
      const scope = context === undefined ? [doc.root] : typeof context === 'string' ? selectIn([doc.root], context) : context.cheerio ? context._list() : [].concat(context);
      return wrap(selectIn(scope, text));
    }
    $.root = function () { return wrap([doc.root]); };
    $.html = function (sel) {
      if (sel === undefined) return render(doc.root, false);
      return (typeof sel === 'string' ? $(sel) : $(sel)).toString();
    };
    $.text = function (sel) { return sel === undefined ? textOf(doc.root) : $(sel).text(); };
    $.contains = function (container, contained) {
      for (let p = contained.parent; p; p = p.parent) if (p === container) return true;
      return false;
    };
    $.fn = C;
    $.prototype = C;
    return $;
  }

  const cheerio = function (selector, context) {
    const html = typeof context === 'string' ? context : '';
    return makeApi(loadDocument(html))(selector);
  };
  cheerio.load = function (html) {
    const text = html && html.cheerio ? html.toString() : html;
    return makeApi(loadDocument(text));
  };
  cheerio.html = function (sel) { return sel && sel.cheerio ? sel.toString() : ''; };
  cheerio.text = function (sel) { return sel && sel.cheerio ? sel.text() : ''; };
  cheerio.version = '0.22.0';
  return cheerio;
})
