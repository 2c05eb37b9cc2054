// require('assert'): assert 2.0.0 (its build/assert.js, with util 0.12 for messages).
'use strict';

require('./node-shims/load.js');
const { scenario, done } = require('./node-shims/calls.js');

// Calls lib[name] (or lib.strict[name]) with the arguments: "ok" and what it returned, or what it
// threw (name, code, message, generatedMessage, operator, whether an AssertionError).
const CALL = 'var target = args[0] === "strict" ? lib.strict : (args[0] === "root" ? lib : lib[args[0]]); var self = args[0] === "strict" || args[0] === "root" ? null : lib;\n' +
  'var call = args[1].map(function (x) { return x && x.$err ? new Error(x.$err) : x; });\n' +
  'try { var r = target.apply(self, call); return ["ok", r === undefined ? "undefined" : r]; } catch (e) {\n' +
  '  return ["throw", e.name, e.code, e.message, e.generatedMessage, e.operator, e instanceof lib.AssertionError]; }';

const VALUES = [0, 1, '1', { $num: '-0' }, { $num: 'NaN' }, true, false, null, { $u: 1 }, '', 'abc', [1, 2], [1, '2'], { a: 1 }, { a: '1' },
  { a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }, [], {}, { $date: '2021-01-01T00:00:00.000Z' }, { $date: '2021-01-01T00:00:00.000Z' },
  { $re: ['a', 'g'] }, { $re: ['a', 'i'] }, [[1, [2, [3]]]], 'a much longer string value that goes on and on for a while',
  { x: { y: { z: { w: 1 } } } }, { x: { y: { z: { w: 2 } } } }];

module.exports = {
  pkg: 'assert/',
  root: "require('assert')",
  gen: function (lib, { rng, pick }) {
    const r = rng(17);
    const out = [];
    const C = (fn, name, a) => scenario(out, fn, CALL, [name, a]);
    const v = () => pick(r, VALUES);
    const msg = () => pick(r, [[], [], ['custom message'], [{ $err: 'error as message' }]]);
    for (const name of ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual',
      'notDeepStrictEqual']) {
      for (let i = 0; i < VALUES.length; i++) {
        C(name, name, [VALUES[i], VALUES[i]]);
        C(name, name, [VALUES[i], VALUES[(i + 1) % VALUES.length]].concat(msg()));
      }
      for (let i = 0; i < 15; i++) { C(name, name, [v(), v()].concat(msg())); }
    }
    for (const x of VALUES) {
      C('ok', 'ok', [x]);
      C('assert', 'root', [x]);
      C('ifError', 'ifError', [x]);
    }
    C('ok', 'ok', []);
    C('ok', 'ok', [0, 'custom']);
    C('ok', 'ok', [false, { $err: 'thrown as is' }]);
    C('assert', 'root', []);
    C('assert', 'root', [null, 'msg']);
    C('ifError', 'ifError', [{ $err: 'boom' }]);
    for (const a of [[], ['message'], [{ $err: 'err' }], [{ $u: 1 }]]) { C('fail', 'fail', a); }
    // With two or more arguments assert 2.0.0 warns through process.emitWarning, which the
    // bundle's process shim does not have: in Newman that is a TypeError.
    for (const a of [[1, 2], [1, 2, 'm'], [1, 2, { $u: 1 }, '>'], [1, 2, 'm', '>']]) { C('fail(actual, expected)', 'fail', a); }
    // strict mode: equal is strictEqual, deepEqual is deepStrictEqual
    for (const name of ['equal', 'deepEqual', 'notEqual', 'notDeepEqual']) {
      for (let i = 0; i < 8; i++) { scenario(out, 'strict', CALL.replace('args[0] === "strict" ? lib.strict', 'args[0] === "strict" ? lib.strict[args[2]]'), ['strict', [v(), v()], name]); }
    }
    C('strict', 'strict', [1]);
    C('strict', 'strict', [0]);
    const S = (fn, body) => scenario(out, fn, body);
    const THROWS = [
      'function () { throw new TypeError("bad thing"); }', 'function () {}', 'function () { throw "a string"; }',
      'function () { throw new Error("x"); }'];
    const EXPECTED = ['undefined', 'TypeError', 'RangeError', '/bad/', '/nope/', '{name: "TypeError", message: "bad thing"}',
      '{message: /thing/}', 'function (e) { return e instanceof TypeError; }', '"a message"', 'Error', '{name: "X"}'];
    for (const f of THROWS) {
      for (const ex of EXPECTED) {
        for (const name of ['throws', 'doesNotThrow']) {
          S(name, 'try { var r = lib.' + name + '(' + f + ', ' + ex + '); return ["ok", r === undefined]; } catch (e) { ' +
            'return ["throw", e.name, e.code, e.message, e.generatedMessage]; }');
        }
      }
      S('throws', 'try { lib.throws(' + f + ', TypeError, "with message"); return "ok"; } catch (e) { return ["throw", e.name, e.code, e.message]; }');
      S('doesNotThrow', 'try { lib.doesNotThrow(' + f + ', "with message"); return "ok"; } catch (e) { return ["throw", e.name, e.code, e.message]; }');
    }
    // The operator is the name of the assert function, which the minified bundle renamed.
    S('throws(operator)', 'try { lib.throws(function () {}); } catch (e) { return e.operator; }');
    S('doesNotThrow(operator)', 'try { lib.doesNotThrow(function () { throw new Error("x"); }); } catch (e) { return e.operator; }');
    S('throws', 'try { lib.throws("not a function"); } catch (e) { return [e.name, e.code, e.message]; }');
    S('AssertionError', 'var e = new lib.AssertionError({actual: 1, expected: 2, operator: "strictEqual"}); return [e.name, e.code, e.message, e.actual, e.expected, e.operator, e.generatedMessage, e instanceof Error, Object.keys(e)];');
    S('AssertionError', 'var e = new lib.AssertionError({message: "given"}); return [e.name, e.message, e.generatedMessage, String(e)];');
    S('AssertionError', 'try { lib.strictEqual(1, 2); } catch (e) { return [e.actual, e.expected, e.operator, Object.keys(e), String(e).split("\\n")[0]]; }');
    S('rejects', 'return [typeof lib.rejects, typeof lib.doesNotReject, lib.rejects(Promise.reject(new Error("x"))) instanceof Promise];');
    S('keys', 'return [Object.keys(lib), lib.strict.strict === lib.strict, typeof lib.strict];');
    return done(out);
  }
};
