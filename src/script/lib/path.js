// postie library: `require('path')`: POSIX `basename`, `dirname`, `extname`, `join`,
// `normalize`, `resolve` (against "/"), `relative`, `isAbsolute`, `parse`, `format`, `sep`.
(function () {
  'use strict';

  function normalizeParts(parts, absolute) {
    const out = [];
    for (const p of parts) {
      if (!p || p === '.') continue;
      if (p === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); } else out.push(p);
    }
    return out;
  }
  function normalize(p) {
    p = String(p);
    if (p === '') return '.';
    const absolute = p.charAt(0) === '/';
    const trailing = p.charAt(p.length - 1) === '/';
    let out = normalizeParts(p.split('/'), absolute).join('/');
    if (!out && !absolute) out = '.';
    if (out && trailing) out += '/';
    return (absolute ? '/' : '') + out;
  }
  function join() {
    const parts = Array.prototype.filter.call(arguments, function (a) { return String(a) !== ''; });
    return parts.length ? normalize(parts.join('/')) : '.';
  }
  function resolve() {
    let out = '';
    for (let i = arguments.length - 1; i >= 0 && out.charAt(0) !== '/'; i--) {
      const a = String(arguments[i]);
      if (a) out = a + (out ? '/' + out : '');
    }
    const parts = normalizeParts(('/' + out).split('/'), true);
    return '/' + parts.join('/');
  }
  function basename(p, ext) {
    p = String(p).replace(/\/+$/, '');
    let base = p.slice(p.lastIndexOf('/') + 1);
    if (ext && base.endsWith(ext) && base !== ext) base = base.slice(0, -ext.length);
    return base;
  }
  function dirname(p) {
    p = String(p);
    if (!p) return '.';
    const trimmed = p.replace(/\/+$/, '') || '/';
    const at = trimmed.lastIndexOf('/');
    if (at === -1) return '.';
    if (at === 0) return '/';
    return trimmed.slice(0, at);
  }
  function extname(p) {
    const base = basename(p);
    const at = base.lastIndexOf('.');
    return at <= 0 ? '' : base.slice(at);
  }
  function relative(from, to) {
    const a = resolve(from).split('/').filter(Boolean);
    const b = resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(i).map(function () { return '..'; }).concat(b.slice(i)).join('/');
  }
  function parse(p) {
    const root = String(p).charAt(0) === '/' ? '/' : '';
    const base = basename(p);
    const ext = extname(p);
    const dir = dirname(p);
    return { root: root, dir: dir === '.' && String(p).indexOf('/') === -1 ? '' : dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
  }
  function format(o) {
    const dir = o.dir || o.root || '';
    const base = o.base || (o.name || '') + (o.ext || '');
    return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base;
  }
  const path = {
    sep: '/', delimiter: ':', normalize: normalize, join: join, resolve: resolve, basename: basename, dirname: dirname,
    extname: extname, relative: relative, parse: parse, format: format,
    isAbsolute: function (p) { return String(p).charAt(0) === '/'; },
    toNamespacedPath: function (p) { return p; },
  };
  path.posix = path;
  return path;
})
