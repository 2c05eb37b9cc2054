// Runs the pinned packages the way postman-sandbox 4.7.1's bundle runs them in Newman: inside a
// V8 context of their own (node:vm, as the sandbox's) that has no host timers, so `setTimeout`,
// `setInterval`, `clearTimeout`... are not defined there. As in the bundle:
// - a bare `stream`, `timers`, `events`, `util`, `buffer`, `string_decoder` is the browserify shim
//   package (stream-browserify, timers-browserify, ...), one instance for the whole context;
// - the free `process` is browserify's process shim (the `process` package, one instance): its
//   `nextTick` finds no `setTimeout`, so the first call in a run throws `ReferenceError:
//   setTimeout is not defined` and queues the callback, which never runs, nor does anything
//   queued after it;
// - the free `global` is an empty object (the bundle finds no `global`, `self` or `window`), the
//   free `Buffer` is buffer 6's, and a free `setImmediate` / `clearImmediate` is
//   `require('timers')`'s at the time the module loads (undefined inside timers-browserify);
// - packages' "browser" fields are not applied.
// `tools/libdiff/newman-check.js` holds what is recorded this way against Newman itself.

'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');
const BUILTINS = {
  stream: 'stream-browserify', timers: 'timers-browserify', events: 'events', util: 'util', buffer: 'buffer',
  string_decoder: 'string_decoder', _process: 'process/browser.js'
};
// Packages that define Buffer themselves.
const OWN_BUFFER = new Set(['buffer', 'base64-js', 'ieee754']);
const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', 'process', 'global', 'Buffer',
  'setImmediate', 'clearImmediate'];

function packageOf(file) {
  const rel = path.relative(NODE_MODULES, file).split(path.sep);
  const at = rel.lastIndexOf('node_modules');
  return at >= 0 ? rel[at + 1] : rel[0];
}

// A new context with the packages' loader: `load(name)` is what `require(name)` gives a script.
function createBundle() {
  const context = vm.createContext({});
  const cache = new Map();

  function resolve(request, fromDir) {
    if (Object.prototype.hasOwnProperty.call(BUILTINS, request)) {
      return require.resolve(path.join(NODE_MODULES, BUILTINS[request]));
    }
    if (request.startsWith('.') || path.isAbsolute(request)) {
      return require.resolve(path.resolve(fromDir, request));
    }
    return require.resolve(request, { paths: [fromDir] });
  }

  function loadFile(file) {
    if (cache.has(file)) { return cache.get(file).exports; }
    const module = vm.runInContext('({ exports: {} })', context);
    cache.set(file, module);
    const source = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      module.exports = vm.runInContext('(' + source + ')', context);
      return module.exports;
    }
    const dir = path.dirname(file);
    const req = function (request) { return loadFile(resolve(request, dir)); };
    const pkg = packageOf(file);
    const isProcess = file === resolve('_process', NODE_MODULES);
    const wrapper = vm.runInContext('(function (' + PARAMS.join(', ') + ') {' + source + '\n})', context, { filename: file });
    const usesImmediate = /\b(set|clear)Immediate\b/.test(source);
    const timers = usesImmediate ? req('timers') : {};
    wrapper.call(module.exports, module.exports, req, module, file, dir,
      isProcess ? undefined : req('_process'),
      vm.runInContext('({})', context),
      OWN_BUFFER.has(pkg) || !/\bBuffer\b/.test(source) ? undefined : req('buffer').Buffer,
      timers.setImmediate, timers.clearImmediate);
    return module.exports;
  }

  return {
    context,
    load: function (name) { return loadFile(resolve(name, NODE_MODULES)); },
    // Evaluate `source` in the context (a script's own code: the call evaluator, scenarios).
    run: function (source) { return vm.runInContext(source, context); }
  };
}

// Record `calls` (async scenarios, tools/libdiff/calls.js, each run after `prelude`) against `require(name)` in a fresh
// bundle context, as one script of a Newman run would run them: the evaluator runs in the
// context, the host's setTimeout is given to it as the script's own, and
// `__libdiffRequire(name)` is the bundle's require for scenarios that need another module.
function recordAsync(name, calls, prelude) {
  const bundle = createBundle();
  bundle.run('var LIBDIFF_PRELUDE = ' + JSON.stringify(prelude || '') + ';');
  bundle.run(fs.readFileSync(path.join(__dirname, '..', '..', 'calls.js'), 'utf8'));
  bundle.context.__libdiffRequire = bundle.load;
  const list = bundle.run('JSON').parse(JSON.stringify(calls));
  return new Promise(function (resolve) {
    bundle.context.libdiffRunAsync(bundle.load(name), list, setTimeout, function (results) {
      resolve(JSON.parse(JSON.stringify(results)));
    });
  });
}

module.exports = { createBundle, recordAsync };
