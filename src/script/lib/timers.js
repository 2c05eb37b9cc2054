// postie library: `require('timers')` as Newman's sandbox bundles it (timers-browserify 1.4.2).
// Its setTimeout and setInterval call the host's timers, which the bundle's context does not
// have (ReferenceError), nor has it the `clearTimeout` that enroll, unenroll and active call
// first; clearTimeout(t) and clearInterval(t) call `t.close()`. setImmediate numbers its calls
// from 0 and defers through the bundle's process.nextTick (lib/process.js): the first deferral of
// the run throws, and no immediate ever runs. The script's own global timers are the prelude's.
(function (P, lib) {
  'use strict';

  const nextTick = lib('process').nextTick;
  let nextImmediate = 0;
  const exports = {};

  function missing(name) { return new ReferenceError(name + ' is not defined'); }

  // Node's `Function.length`s of the package's functions are kept (0 for the two setters).
  exports.setTimeout = function () { throw missing('setTimeout'); };
  exports.setInterval = function () { throw missing('setInterval'); };
  exports.clearTimeout = exports.clearInterval = function (timeout) { timeout.close(); };
  exports.enroll = function (item, msecs) { void item; void msecs; throw missing('clearTimeout'); };
  exports.unenroll = function (item) { void item; throw missing('clearTimeout'); };
  exports._unrefActive = exports.active = function (item) { void item; throw missing('clearTimeout'); };
  exports.setImmediate = function (fn) {
    void fn;
    const id = nextImmediate++;
    nextTick();
    return id;
  };
  exports.clearImmediate = function (id) { void id; };
  void P;
  return exports;
})
