// require('events'): events 2.1.0.
'use strict';

require('./node-shims/load.js');
const { scenario, done } = require('./node-shims/calls.js');

// Every scenario starts with `E` (the module, which is EventEmitter), `e` (a new emitter) and
// `log` (what listeners saw), and returns what it wants compared.
const PRE = 'var E = lib, e = new E(), log = []; function rec(tag) { return function () { log.push([tag].concat([].slice.call(arguments))); return tag; }; }\n';
const SCENARIOS = {
  EventEmitter: [
    'return [typeof E, E.EventEmitter === E, e instanceof E, Object.keys(e), e._maxListeners, E.defaultMaxListeners];',
    'function Sub() { E.call(this); } Sub.prototype = Object.create(E.prototype); var s = new Sub(); s.on("x", rec("a")); s.emit("x", 1); return [log, s.listenerCount("x")];',
    'var o = {}; E.call(o); return [Object.keys(o), o._eventsCount];'
  ],
  emit: [
    'e.on("x", rec("a")); e.on("x", rec("b")); return [e.emit("x", 1, 2), e.emit("y"), log];',
    'e.on("x", function () { log.push(this === e); }); e.emit("x"); return log;',
    'try { e.emit("error", new TypeError("bad")); } catch (x) { return [x.name, x.message]; }',
    'try { e.emit("error", "text"); } catch (x) { return [x.name, x.message, x.context]; }',
    'try { e.emit("error"); } catch (x) { return [x.name, x.message]; }',
    'try { e.emit("error", {a: 1}); } catch (x) { return [x.name, x.message, x.context]; }',
    'e.on("error", rec("handled")); return [e.emit("error", 1), log];',
    'e.on("x", function () { e.on("x", rec("late")); log.push("first"); }); e.emit("x"); e.emit("x"); return log;',
    'e.on("x", function () { e.removeAllListeners("x"); log.push("one"); }); e.on("x", rec("two")); e.emit("x"); e.emit("x"); return log;',
    'var args = []; for (var i = 0; i < 6; i++) { args.push(i); } e.on("x", rec("n")); e.emit.apply(e, ["x"].concat(args)); return log;',
    'e.on("x", function () { throw new RangeError("in listener"); }); try { e.emit("x"); } catch (x) { return x.name; }'
  ],
  on: [
    'return [e.on("x", rec("a")) === e, e.addListener("x", rec("b")) === e, e.listenerCount("x"), e.eventNames()];',
    'var f = rec("same"); e.on("x", f); e.on("x", f); e.emit("x"); return log;',
    'try { e.on("x", "not a function"); } catch (x) { return [x.name, x.message]; }',
    'e.on("newListener", function (n, l) { log.push(["new", n, typeof l]); }); e.on("x", rec("a")); e.once("y", rec("b")); return log;',
    'var s = Symbol("k"); e.on(s, rec("sym")); e.emit(s, 1); return [log, e.eventNames().length];'
  ],
  addListener: ['e.addListener("x", rec("a")); e.addListener("x", rec("b")); e.emit("x"); return log;'],
  prependListener: [
    'e.on("x", rec("a")); e.prependListener("x", rec("b")); e.prependListener("x", rec("c")); e.emit("x"); return log;',
    'try { e.prependListener("x", null); } catch (x) { return [x.name, x.message]; }'
  ],
  once: [
    'e.once("x", rec("o")); e.on("x", rec("p")); e.emit("x", 1); e.emit("x", 2); return [log, e.listenerCount("x")];',
    'var f = rec("o"); e.once("x", f); e.removeListener("x", f); return [e.emit("x"), e.listenerCount("x")];',
    'try { e.once("x", 1); } catch (x) { return [x.name, x.message]; }',
    'e.once("x", function () { e.emit("x"); log.push("once"); }); e.emit("x"); return log;'
  ],
  prependOnceListener: [
    'e.on("x", rec("a")); e.prependOnceListener("x", rec("b")); e.emit("x"); e.emit("x"); return log;',
    'try { e.prependOnceListener("x", {}); } catch (x) { return [x.name, x.message]; }'
  ],
  removeListener: [
    'var a = rec("a"), b = rec("b"); e.on("x", a); e.on("x", b); e.on("x", a); e.removeListener("x", a); e.emit("x"); return [log, e.listenerCount("x")];',
    'e.on("removeListener", function (n, l) { log.push(["removed", n, typeof l]); }); var a = rec("a"); e.on("x", a); e.removeListener("x", a); e.removeListener("x", a); return [log, e.eventNames()];',
    'return e.removeListener("nothing", function () {}) === e;',
    'try { e.removeListener("x", 1); } catch (x) { return [x.name, x.message]; }',
    'var a = rec("a"); e.on("x", function () { e.removeListener("x", a); }); e.on("x", a); e.emit("x"); e.emit("x"); return log;'
  ],
  removeAllListeners: [
    'e.on("x", rec("a")); e.on("y", rec("b")); e.removeAllListeners("x"); return [e.eventNames(), e.emit("x"), e.emit("y"), log];',
    'e.on("x", rec("a")); e.on("y", rec("b")); return [e.removeAllListeners() === e, e.eventNames()];',
    'e.on("removeListener", function (n) { log.push(["rm", n]); }); e.on("x", rec("a")); e.on("x", rec("b")); e.on("y", rec("c")); e.removeAllListeners(); return [log, e.eventNames()];',
    'e.on("removeListener", function (n) { log.push(["rm", n]); }); e.on("x", rec("a")); e.on("x", rec("b")); e.removeAllListeners("x"); return [log, e.eventNames()];'
  ],
  listeners: [
    'var a = rec("a"); e.on("x", a); e.once("x", rec("b")); var l = e.listeners("x"); return [l.length, l[0] === a, typeof l[1], l[1].name, e.listeners("none")];',
    'var a = rec("a"); e.on("x", a); var l = e.listeners("x"); l.push(1); return e.listeners("x").length;'
  ],
  rawListeners: [
    'var b = rec("b"); e.once("x", b); var r = e.rawListeners("x"); return [r.length, r[0] === b, r[0].listener === b, typeof r[0]];',
    'e.once("x", rec("b")); var r = e.rawListeners("x"); r[0](5); return [log, e.listenerCount("x")];'
  ],
  listenerCount: [
    'e.on("x", rec("a")); e.on("x", rec("a")); e.once("x", rec("o")); return [e.listenerCount("x"), e.listenerCount("y"), E.listenerCount(e, "x")];',
    'var o = {listenerCount: function () { return 42; }}; return E.listenerCount(o, "x");'
  ],
  eventNames: [
    'e.on("b", rec("1")); e.on("a", rec("2")); e.once("c", rec("3")); e.emit("c"); return e.eventNames();',
    'return e.eventNames();'
  ],
  setMaxListeners: [
    'return [e.setMaxListeners(1) === e, e.getMaxListeners()];',
    'e.setMaxListeners(1); e.on("x", rec("a")); e.on("x", rec("b")); return e.listenerCount("x");',
    'try { e.setMaxListeners(-1); } catch (x) { return [x.name, x.message]; }',
    'try { e.setMaxListeners("3"); } catch (x) { return [x.name, x.message]; }',
    'e.setMaxListeners(0); return e.getMaxListeners();'
  ],
  getMaxListeners: ['return [e.getMaxListeners(), new E().getMaxListeners()];'],
  defaultMaxListeners: [
    'return E.defaultMaxListeners;',
    'var d = E.defaultMaxListeners; try { E.defaultMaxListeners = -5; } catch (x) { return [x.name, x.message]; } finally { E.defaultMaxListeners = d; }',
    'var d = E.defaultMaxListeners; E.defaultMaxListeners = 3; var n = new E().getMaxListeners(); E.defaultMaxListeners = d; return [n, Object.getOwnPropertyDescriptor(E, "defaultMaxListeners").enumerable];'
  ],
  keys: ['return [Object.keys(E), Object.keys(E.prototype)];']
};

module.exports = {
  pkg: 'events/',
  root: "require('events')",
  gen: function () {
    const out = [];
    for (const name of Object.keys(SCENARIOS)) {
      for (const body of SCENARIOS[name]) { scenario(out, name, PRE + body); }
    }
    return done(out);
  }
};
