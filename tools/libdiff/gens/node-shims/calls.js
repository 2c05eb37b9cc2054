// Small helpers shared by the gens files of the Node module shims.

'use strict';

// `count` calls of `fn` (named `name` in the results), each with arguments from `args(r)`.
function repeat(out, name, count, args, extra) {
  for (let i = 0; i < count; i++) {
    out.push(Object.assign({ f: name, a: args(i), fn: name }, extra || {}));
  }
}

// A scenario call: `body` runs with `lib`, `args` and `fns` (tools/libdiff/calls.js).
function scenario(out, name, body, args) {
  out.push({ s: body, a: args || [], fn: name });
}

function functionsOf(out) {
  return [...new Set(out.map((c) => c.fn))].sort();
}

// What a gen() returns: the functions and the calls as the cases file holds them (through JSON,
// so that what is recorded is what postie is given: -0 must be written {$num: '-0'}).
function done(out) {
  return { functions: functionsOf(out), calls: JSON.parse(JSON.stringify(out)) };
}

// The start of a scenario that needs another module shim: `req('buffer')` is the sandbox's
// require('buffer') in postie and the bundled shim package when recording.
const REQ = "var req = typeof __libdiffRequire === 'function' ? __libdiffRequire : require;\n";

module.exports = { repeat, scenario, functionsOf, done, REQ };
