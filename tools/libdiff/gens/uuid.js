// require('uuid'): the uuid postman-sandbox 4.7.1 vendors (lib/vendor/uuid.js), read from the
// Newman install of tools/newman (`npm ci --prefix tools/newman`). Its ids are random, so the
// calls check their shape, their version and variant bits, that they differ, and the module's
// members (both the module and `v4` generate; both ignore their arguments).
'use strict';

const path = require('path');
const { scenario, done } = require('./node-shims/calls.js');

const SANDBOX = path.join(__dirname, '..', '..', 'newman', 'node_modules', 'postman-sandbox');

// What each scenario returns about `args[0]` (the generator to call: 'module' or 'v4').
const SHAPE = 'var g = args[0] === "v4" ? lib.v4 : lib; var ids = []; for (var i = 0; i < 200; i++) { ids.push(g.apply(null, args.slice(1))); }\n' +
  'var re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;\n';
const CHECKS = {
  shape: 'return [typeof ids[0], ids[0].length, ids.every(function (s) { return re.test(s); })];',
  version: 'return ids.map(function (s) { return s.charAt(14); }).filter(function (c, i, a) { return a.indexOf(c) === i; });',
  variant: 'var seen = {}; ids.forEach(function (s) { seen[s.charAt(19)] = 1; }); return Object.keys(seen).every(function (c) { return "89ab".indexOf(c) >= 0; });',
  unique: 'return ids.filter(function (s, i) { return ids.indexOf(s) === i; }).length;',
  hexdigits: 'var seen = {}; ids.join("").replace(/-/g, "").split("").forEach(function (c) { seen[c] = 1; }); return Object.keys(seen).sort();',
  dashes: 'return ids.every(function (s) { return s.split("-").map(function (p) { return p.length; }).join() === "8,4,4,4,12"; });'
};
const ARGS = [[], [{ random: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] }], [null, [], 0], ['x'], [{}, null]];

module.exports = {
  pkg: path.join(SANDBOX, 'lib', 'vendor', 'uuid.js'),
  pkgJson: SANDBOX,
  root: "require('uuid')",
  gen: function () {
    const out = [];
    for (const which of ['module', 'v4']) {
      const name = which === 'module' ? 'uuid()' : 'v4';
      for (const args of ARGS) {
        for (const check of Object.keys(CHECKS)) {
          scenario(out, name, SHAPE + CHECKS[check], [which].concat(args));
        }
      }
    }
    scenario(out, 'module', 'return [typeof lib, Object.keys(lib), lib.length, typeof lib.v4, lib.v4.length, lib.v4 === lib, ' +
      'Object.keys(lib.v4), typeof lib.v1, typeof lib.v3, typeof lib.v5, typeof lib.parse, typeof lib.validate, typeof lib.NIL];');
    scenario(out, 'module', 'var a = lib(), b = lib.v4(); return [a === b, a.toLowerCase() === a, b.toUpperCase() !== b];');
    return done(out);
  }
};
