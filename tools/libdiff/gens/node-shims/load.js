// Loads the browserify shims of Node's built-in modules the way postman-sandbox 4.7.1's bundle
// holds them (see the bundle's lib/environment.js): inside these packages a bare `buffer`,
// `events`, `path`, `util`, `punycode`, `querystring`, `url` or `string_decoder` is the shim
// package, not Node's own module; the free `Buffer` is buffer 6's and `process` is browserify's
// process shim (cwd() is "/", env is empty). The bundle does not apply packages' "browser"
// fields, so neither does this. Required by the gens files of those modules, before gen.js loads
// the packages.

'use strict';

const Module = require('module');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const NODE_MODULES = path.join(ROOT, 'node_modules') + path.sep;
const SHIMS = {
  buffer: 'buffer/', events: 'events/', path: 'path-browserify', util: 'util/', punycode: 'punycode/',
  querystring: 'querystring-es3', url: 'url/', string_decoder: 'string_decoder/', assert: 'assert/'
};
// The packages (with everything under them) loaded as the bundle loads them.
const ROOTS = new Set(['assert', 'atob', 'btoa', 'buffer', 'events', 'inherits', 'path-browserify', 'punycode',
  'querystring-es3', 'safe-buffer', 'string_decoder', 'url', 'util', 'object-is', 'es6-object-assign', 'is-nan']);
// Packages that must not see the shimmed Buffer (they define it).
const OWN_BUFFER = new Set(['buffer', 'base64-js', 'ieee754']);

function packageOf(file) {
  if (!file || !file.startsWith(NODE_MODULES)) { return null; }
  return file.slice(NODE_MODULES.length).split(path.sep)[0];
}

const PROCESS = {
  title: 'browser', browser: true, env: {}, argv: [], version: '', versions: {},
  cwd: function () { return '/'; },
  nextTick: function (fn) { const args = [].slice.call(arguments, 1); Promise.resolve().then(function () { fn.apply(null, args); }); }
};

if (!Module.__libdiffShims) {
  Module.__libdiffShims = true;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (parent && ROOTS.has(packageOf(parent.filename)) && Object.prototype.hasOwnProperty.call(SHIMS, request)) {
      return resolve.call(this, path.join(NODE_MODULES, SHIMS[request]), parent, isMain, options);
    }
    return resolve.call(this, request, parent, isMain, options);
  };
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    const pkg = packageOf(filename);
    if (ROOTS.has(pkg) && !OWN_BUFFER.has(pkg) && filename.endsWith('.js')) {
      // As browserify does: the module body inside a function taking Buffer and process, so a
      // 'use strict' directive stays one.
      content = '(function (Buffer, process) {' + content + '\n}).call(this, require(' +
        JSON.stringify(path.join(NODE_MODULES, 'buffer')) + ').Buffer, module.constructor.__libdiffProcess);';
    }
    return compile.call(this, content, filename);
  };
  Module.__libdiffProcess = PROCESS;
}

// Scenarios (tools/libdiff/calls.js) that need another module use `__libdiffRequire(name)` where
// it exists (here, recording) and the sandbox's own require otherwise (in postie): see
// node-shims/calls.js.
global.__libdiffRequire = function (name) { return require(path.join(NODE_MODULES, SHIMS[name] || name)); };

module.exports = { PROCESS };
