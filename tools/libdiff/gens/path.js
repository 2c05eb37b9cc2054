// require('path'): path-browserify 0.0.1, the shim postman-sandbox 4.7.1 bundles.
'use strict';

require('./node-shims/load.js');
const { repeat, scenario, done } = require('./node-shims/calls.js');

const PATHS = ['', '.', '..', '/', '//', 'a', 'a/b', '/a/b/c', 'a/../b', './a', 'a//b/', '/a/b/../../..', 'foo.txt',
  '/x/y.tar.gz', '.bashrc', 'a/b.', '..a', 'dir/', '/a/./b/', 'C:\\x\\y.z', 'a b/c d.e', '.../x', 'file.a.b', '//a//b//',
  '/..', '../../x', 'x/./y/../z/', '/foo/bar/baz/asdf/quux.html', '.a.b', 'a/.', 'ünï/cödé.js', '/a/b/c/', '..', 'a..'];

module.exports = {
  pkg: 'path-browserify',
  root: "require('path')",
  gen: function (lib, { rng, pick }) {
    const r = rng(11);
    const p = () => pick(r, PATHS);
    const out = [];
    const some = () => { const n = 1 + Math.floor(r() * 4); const a = []; for (let i = 0; i < n; i++) { a.push(p()); } return a; };
    repeat(out, 'join', 40, some);
    repeat(out, 'resolve', 40, some);
    repeat(out, 'normalize', 30, () => [p()]);
    repeat(out, 'relative', 40, () => [p(), p()]);
    repeat(out, 'dirname', 30, () => [p()]);
    repeat(out, 'basename', 30, (i) => i % 3 ? [p()] : [p(), pick(r, ['.txt', '.gz', 'c', '', 'quux.html', '.js', 'b'])]);
    repeat(out, 'extname', 30, () => [p()]);
    repeat(out, 'isAbsolute', 20, () => [p()]);
    for (const f of PATHS) {
      for (const name of ['dirname', 'basename', 'extname', 'normalize']) { out.push({ f: name, a: [f], fn: name }); }
    }
    // wrong types: join and resolve insist on strings, the others coerce or throw
    for (const bad of [1, null, { $u: 1 }, ['a'], true, {}]) {
      for (const name of ['join', 'resolve', 'dirname', 'basename', 'extname', 'normalize', 'isAbsolute']) {
        out.push({ f: name, a: ['a', bad], fn: name });
        out.push({ f: name, a: [bad], fn: name });
      }
      out.push({ f: 'relative', a: [bad, 'a'], fn: 'relative' });
    }
    scenario(out, 'sep', 'return lib.sep;');
    scenario(out, 'delimiter', 'return lib.delimiter;');
    scenario(out, 'keys', 'return Object.keys(lib);');
    return done(out);
  }
};
