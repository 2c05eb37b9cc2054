// postie library (internal, not a module scripts can require): the part of browserify's
// `process` shim Newman's sandbox bundle gives its Node shims. Its `nextTick` runs the queued
// callbacks from a host `setTimeout`, which the bundle's context does not have: the first call
// in a run throws `ReferenceError: setTimeout is not defined` (its callback stays queued) and,
// the queue never draining, every later call only queues. So nothing deferred with it ever runs,
// in any script of the run; `require('stream')` and `require('timers')` share this one queue.
(function () {
  'use strict';

  let queued = false;
  return {
    // Queue `fn` (it never runs); the first call of the run throws as the bundle's does.
    nextTick: function () {
      if (queued) return;
      queued = true;
      throw new ReferenceError('setTimeout is not defined');
    },
  };
})
