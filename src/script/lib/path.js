// postie library: `require('path')` as Newman's sandbox bundles it (the browser port of Node
// 0.10's POSIX path): `resolve` (against "/"), `normalize`, `isAbsolute`, `join`, `relative`,
// `dirname`, `basename`, `extname`, `sep`, `delimiter`; no `parse`, `format` or `posix`.
(function () {
  'use strict';

  function needString(p) {
    if (typeof p === 'string') return p;
    if (p === null || p === undefined) throw new TypeError('Cannot read properties of ' + p + " (reading 'charAt')");
    throw new TypeError('e.charAt is not a function');
  }

  // Drop "." and resolve ".." against the parts before; leading ".." stay when allowed.
  function collapse(parts, keepAbove) {
    const out = [];
    let up = 0;
    for (let i = parts.length - 1; i >= 0; i--) {
      const p = parts[i];
      if (!p || p === '.') continue;
      if (p === '..') up++;
      else if (up) up--;
      else out.unshift(p);
    }
    if (keepAbove) for (; up > 0; up--) out.unshift('..');
    return out;
  }

  function normalize(p) {
    needString(p);
    const absolute = p.charAt(0) === '/';
    const trailing = p.slice(-1) === '/';
    let out = collapse(p.split('/'), !absolute).join('/');
    if (!out && !absolute) out = '.';
    if (out && trailing) out += '/';
    return (absolute ? '/' : '') + out;
  }

  function join() {
    const parts = [];
    for (let i = 0; i < arguments.length; i++) {
      if (typeof arguments[i] !== 'string') throw new TypeError('Arguments to path.join must be strings');
      if (arguments[i]) parts.push(arguments[i]);
    }
    return normalize(parts.join('/'));
  }

  function resolve() {
    let out = '';
    let absolute = false;
    for (let i = arguments.length - 1; i >= -1 && !absolute; i--) {
      const p = i >= 0 ? arguments[i] : '/';
      if (typeof p !== 'string') throw new TypeError('Arguments to path.resolve must be strings');
      if (!p) continue;
      out = p + '/' + out;
      absolute = p.charAt(0) === '/';
    }
    out = collapse(out.split('/'), !absolute).join('/');
    return ((absolute ? '/' : '') + out) || '.';
  }

  function relative(from, to) {
    const trim = function (parts) {
      let start = 0;
      while (start < parts.length && parts[start] === '') start++;
      let end = parts.length - 1;
      while (end >= 0 && parts[end] === '') end--;
      return start > end ? [] : parts.slice(start, end + 1);
    };
    const a = trim(resolve(from).slice(1).split('/'));
    const b = trim(resolve(to).slice(1).split('/'));
    let same = 0;
    while (same < Math.min(a.length, b.length) && a[same] === b[same]) same++;
    return a.slice(same).map(function () { return '..'; }).concat(b.slice(same)).join('/');
  }

  // root, directory (with its trailing slash), base name and extension of a path.
  function split(p) {
    p = String(p);
    const root = p.charAt(0) === '/' ? '/' : '';
    let body = p.slice(root.length);
    let end = body.length;
    while (end > 0 && body.charAt(end - 1) === '/') end--;
    const start = body.lastIndexOf('/', end - 1) + 1;
    const base = body.slice(start, end);
    const dir = body.slice(0, start);
    let ext = '';
    if (base !== '.' && base !== '..') {
      const dot = base.lastIndexOf('.');
      if (dot > 0) ext = base.slice(dot);
    }
    body = null;
    return { root: root, dir: dir, base: base, ext: ext };
  }

  function dirname(p) {
    const s = split(p);
    if (!s.root && !s.dir) return '.';
    return s.root + s.dir.slice(0, -1);
  }
  function basename(p, ext) {
    let base = split(p).base;
    if (ext && base.slice(-ext.length) === ext) base = base.slice(0, base.length - ext.length);
    return base;
  }
  function extname(p) { return split(p).ext; }

  return {
    resolve: resolve, normalize: normalize,
    isAbsolute: function (p) { return needString(p).charAt(0) === '/'; },
    join: join, relative: relative, sep: '/', delimiter: ':', dirname: dirname, basename: basename, extname: extname,
  };
})
