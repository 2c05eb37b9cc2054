// require('backbone') and the legacy `Backbone` global: backbone 1.6.0 (with underscore, no DOM).
// Every check is a scenario: `B` is the module, `log` what event listeners and the stubbed
// `B.ajax` saw, `S(x)` a model as {M: attributes} and a collection as {C: [attributes]} so that
// results hold no cids. Views need a DOM (Newman's sandbox has none): only their errors and
// `extend` are checked; History runs on a stub location.
'use strict';

const { scenario, done } = require('./node-shims/calls.js');

const PRE = [
  'var B = lib, log = [], ajaxWas = B.ajax;',
  'function S(x, d) { d = d || 0; if (d > 6) { return "..."; }',
  '  if (x instanceof B.Model) { return { M: S(x.attributes, d + 1) }; }',
  '  if (x instanceof B.Collection) { return { C: x.models.map(function (m) { return S(m.attributes, d + 1); }) }; }',
  '  if (Array.isArray(x)) { return x.map(function (v) { return S(v, d + 1); }); }',
  '  if (typeof x === "function") { return "fn"; }',
  '  if (x && typeof x === "object" && !(x instanceof RegExp) && !(x instanceof Date)) { var o = {}; Object.keys(x).forEach(function (k) { if (k !== "xhr") { o[k] = S(x[k], d + 1); } }); return o; }',
  '  return x; }',
  'function rec(tag) { return function () { log.push([tag].concat([].slice.call(arguments).map(function (a) { return S(a); }))); return tag; }; }',
  'function stub(resp, fail) { B.ajax = function (p) { log.push(["ajax", S(p)]); if (fail) { p.error && p.error("XHR", "bad", "boom"); } else if (p.success) { p.success(resp); } return "XHR"; }; }',
  'function M(a, o) { return new B.Model(a, o); }',
  'function C(a, o) { return new B.Collection(a, o); }',
  'try {'
].join('\n') + '\n';
const POST = '\n} finally { B.ajax = ajaxWas; B.emulateHTTP = false; B.emulateJSON = false; }';

const SCENARIOS = {
  // --- the module --------------------------------------------------------------------------
  module: [
    'return [B.VERSION, typeof B.Events, typeof B.Model, typeof B.Collection, typeof B.View, typeof B.Router, typeof B.History, typeof B.history, typeof B.sync, typeof B.ajax, typeof B.$, B.emulateHTTP, B.emulateJSON, typeof B._debug];',
    'return ["on", "once", "off", "trigger", "listenTo", "stopListening", "listenToOnce", "bind", "unbind"].map(function (k) { return [typeof B[k], B[k] === B.Events[k]]; });',
    'return [B.Model.extend === B.Collection.extend, B.View.extend === B.Router.extend, B.History.extend === B.Model.extend, B.History.started];',
    'return Object.keys(B.Events).sort();'
  ],
  noConflict: ['return B.noConflict() === B;'],
  _debug: ['var d = B._debug(); return [Object.keys(d).sort(), typeof d._];'],
  // --- Events ------------------------------------------------------------------------------
  'Events.on': [
    'var o = {}; Object.assign(o, B.Events); o.on("a", rec("x")); o.on("a b", rec("y")); o.trigger("a", 1, 2); o.trigger("b"); return log;',
    'var o = Object.assign({}, B.Events); var ctx = {n: 1}; o.on("a", function () { log.push(this === ctx, this === o); }, ctx); o.on("a", function () { log.push(this === o); }); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); o.on({a: rec("m1"), "b c": rec("m2")}); o.trigger("a b c", 5); return log;',
    'var o = Object.assign({}, B.Events); var ctx = {}; o.on({a: function () { log.push(this === ctx); }}, ctx); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); o.on("all", rec("all")); o.on("x", rec("x")); o.trigger("x", 1); o.trigger("y", 2, 3); return log;',
    'var o = Object.assign({}, B.Events); return [o.on("a") === o, o.on() === o, o._events];',
    'var o = Object.assign({}, B.Events); o.on("  a   b ", rec("sp")); o.trigger("a"); o.trigger("b"); o.trigger(""); return [log, Object.keys(o._events).sort()];',
    'var o = Object.assign({}, B.Events); for (var i = 0; i < 6; i++) { o.on("n" + i, rec("n")); } o.trigger("n0"); o.trigger("n1", 1); o.trigger("n2", 1, 2); o.trigger("n3", 1, 2, 3); o.trigger("n4", 1, 2, 3, 4); o.trigger("n5", 1, 2, 3, 4, 5); return log;',
    'var o = Object.assign({}, B.Events); o.on("a", function () { o.on("a", rec("late")); log.push("first"); }); o.trigger("a"); o.trigger("a"); return log;'
  ],
  'Events.off': [
    'var o = Object.assign({}, B.Events); var f = rec("f"), g = rec("g"); o.on("a", f); o.on("a", g); o.off("a", f); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); var ctx = {}; o.on("a", rec("1"), ctx); o.on("a", rec("2")); o.off(null, null, ctx); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); o.on("a", rec("1")); o.on("b", rec("2")); o.off(); o.trigger("a"); o.trigger("b"); return [log, o._events];',
    'var o = Object.assign({}, B.Events); var f = rec("f"); o.on("a b", f); o.off(null, f); o.trigger("a b"); return [log, o._events];',
    'var o = Object.assign({}, B.Events); o.on("a", rec("1")); o.on("b", rec("2")); o.off("a b"); o.trigger("a"); o.trigger("b"); return log;',
    'var o = Object.assign({}, B.Events); return [o.off("x") === o, o.off() === o];',
    'var o = Object.assign({}, B.Events); var f = rec("f"); o.on("a", f); o.on("a", function () { o.off("a", f); }); o.on("a", f); o.trigger("a"); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); var f = rec("f"); o.once("a", f); o.off("a", f); o.trigger("a"); return [log, o._events];'
  ],
  'Events.trigger': [
    'var o = Object.assign({}, B.Events); return o.trigger("a") === o;',
    'var o = Object.assign({}, B.Events); o.on("a", rec("a")); o.trigger({a: 1}); o.trigger("a a", 7); return log;',
    'var o = Object.assign({}, B.Events); o.on("all", rec("all")); o.on("all", function () { o.off("all"); }); o.trigger("x"); o.trigger("y"); return log;',
    'var o = Object.assign({}, B.Events); o.on("a", function () { throw new TypeError("boom"); }); try { o.trigger("a"); } catch (e) { return [e.name, e.message]; }'
  ],
  'Events.once': [
    'var o = Object.assign({}, B.Events); o.once("a", rec("o")); o.trigger("a", 1); o.trigger("a", 2); return [log, o._events];',
    'var o = Object.assign({}, B.Events); o.once("a b", rec("o")); o.trigger("a"); o.trigger("b"); o.trigger("a b"); return log;',
    'var o = Object.assign({}, B.Events); o.once({a: rec("x"), b: rec("y")}); o.trigger("a b"); o.trigger("a b"); return log;',
    'var o = Object.assign({}, B.Events); var ctx = {k: 1}; o.once("a", function () { log.push(this === ctx); }, ctx); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); o.once("a", function () { o.trigger("a"); log.push("in"); }); o.trigger("a"); return log;',
    'var o = Object.assign({}, B.Events); o.once("all", rec("all")); o.trigger("x", 1); o.trigger("y"); return log;'
  ],
  'Events.listenTo': [
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, "x", function () { log.push(this === b); }); a.trigger("x"); return [log, typeof a._listenId, typeof b._listenId, Object.keys(b._listeningTo).length];',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, {x: rec("x"), y: rec("y")}); a.trigger("x y", 3); return log;',
    'var b = Object.assign({}, B.Events); return [b.listenTo(null, "x", rec("x")) === b, b._listeningTo];',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, "all", rec("all")); a.trigger("q", 1); return log;',
    'var a = {on: function (n, c, ctx) { log.push(["custom on", n, typeof c, typeof ctx]); }, off: function () { log.push("custom off"); }}; var b = Object.assign({}, B.Events); b.listenTo(a, "x", rec("x")); b.stopListening(a); return log;',
    'var a = {on: function () { throw new RangeError("no"); }}; var b = Object.assign({}, B.Events); try { b.listenTo(a, "x", rec("x")); } catch (e) { return [e.name, e.message, b._listeningTo && Object.keys(b._listeningTo).length]; }'
  ],
  'Events.stopListening': [
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, "x", rec("x")); b.stopListening(); a.trigger("x"); return [log, b._listeningTo, a._events];',
    'var a = Object.assign({}, B.Events), c = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, "x", rec("a")); b.listenTo(c, "x", rec("c")); b.stopListening(a); a.trigger("x"); c.trigger("x"); return [log, Object.keys(b._listeningTo).length];',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); var f = rec("f"); b.listenTo(a, "x y", f); b.stopListening(a, "x"); a.trigger("x"); a.trigger("y"); return log;',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); var f = rec("f"), g = rec("g"); b.listenTo(a, "x", f); b.listenTo(a, "x", g); b.stopListening(a, null, f); a.trigger("x"); return log;',
    'var b = Object.assign({}, B.Events); return b.stopListening() === b;',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenTo(a, "x", rec("x")); a.off(); return [b._listeningTo, a._listeners];'
  ],
  'Events.listenToOnce': [
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenToOnce(a, "x", rec("x")); a.trigger("x", 1); a.trigger("x", 2); return [log, b._listeningTo];',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenToOnce(a, {x: rec("x"), y: rec("y")}); a.trigger("x y"); a.trigger("x y"); return log;',
    'var a = Object.assign({}, B.Events), b = Object.assign({}, B.Events); b.listenToOnce(a, "x", function () { log.push(this === b); }); a.trigger("x"); return log;'
  ],
  'Events.bind': ['var o = Object.assign({}, B.Events); o.bind("a", rec("a")); o.trigger("a", 1); o.unbind("a"); o.trigger("a", 2); return [log, B.Events.bind === B.Events.on, B.Events.unbind === B.Events.off];'],
  // --- Model -------------------------------------------------------------------------------
  Model: [
    'var m = M({a: 1, b: "x"}); return [m.attributes, m.changed, m.id, typeof m.cid, /^c\\d+$/.test(m.cid), m.validationError, m.idAttribute, m.cidPrefix, Object.keys(m).sort()];',
    'var m = M(); return [m.attributes, m.isNew(), m.collection];',
    'var m = M({id: 5, a: 1}); return [m.id, m.isNew()];',
    'var X = B.Model.extend({defaults: {a: 1, b: 2}}); var m = new X({b: 3, c: 4}); return [m.attributes, Object.keys(m.attributes)];',
    'var X = B.Model.extend({defaults: function () { return {list: []}; }}); var a = new X(), b = new X(); a.get("list").push(1); return [a.attributes, b.attributes];',
    'var X = B.Model.extend({parse: function (r) { return r.data; }}); return [new X({data: {a: 1}}, {parse: true}).attributes, new X({data: {a: 1}}).attributes];',
    'var X = B.Model.extend({initialize: function (a, o) { log.push(["init", S(a), S(o), this.attributes]); }, preinitialize: function (a) { log.push(["pre", S(a), this.attributes, this.cid]); }}); new X({a: 1}, {o: 2}); return log;',
    'var X = B.Model.extend({idAttribute: "_id", cidPrefix: "m"}); var m = new X({_id: 7}); return [m.id, m.isNew(), /^m\\d+$/.test(m.cid)];',
    'var X = B.Model.extend({defaults: {a: 1}}); var m = new X({a: undefined}); return [m.attributes, "a" in m.attributes];',
    'var c = C(); var m = M({}, {collection: c}); return [m.collection === c, c.length];',
    'var m = M({a: 1}); m.on("change", rec("change")); return [log, m.changed, m.hasChanged()];',
    'var X = B.Model.extend({validate: function (a) { return a.bad ? "invalid!" : undefined; }}); var m = new X({bad: 1}, {validate: true}); return [m.attributes, m.validationError];'
  ],
  'Model.get': ['var m = M({a: 1, b: {c: 2}, n: null}); return [m.get("a"), m.get("b"), m.get("n"), m.get("zz"), m.get("toString"), m.get()];'],
  'Model.escape': ['var m = M({a: "<b>&\'\\"`</b>", n: null, u: undefined, num: 5, o: {x: 1}}); return [m.escape("a"), m.escape("n"), m.escape("u"), m.escape("num"), m.escape("o"), m.escape("missing")];'],
  'Model.has': ['var m = M({a: 1, n: null, z: 0, e: "", f: false}); return [m.has("a"), m.has("n"), m.has("z"), m.has("e"), m.has("f"), m.has("x")];'],
  'Model.matches': [
    'var m = M({a: 1, b: {c: 2}, d: [1, 2]}); return [m.matches({a: 1}), m.matches({a: 2}), m.matches({}), m.matches({b: {c: 2}}), m.matches({d: [1, 2]}), m.matches({a: 1, x: undefined})];',
    'var m = M({a: 1}); return [m.matches(function (x) { return x.a === 1; }), m.matches("a"), m.matches("b")];'
  ],
  'Model.set': [
    'var m = M({a: 1}); m.on("all", rec("all")); var r = m.set({a: 2, b: 3}); return [r === m, m.attributes, m.changed, log];',
    'var m = M({a: 1}); m.on("all", rec("all")); m.set("a", 1); m.set("b", [1]); m.set("b", [1]); return [log, m.changed];',
    'var m = M({a: 1}); m.on("all", rec("all")); m.set({a: 5}, {silent: true}); return [log, m.attributes, m.changed, m.hasChanged("a")];',
    'var m = M({a: 1, b: 2}); m.on("all", rec("all")); m.set({a: 1}, {unset: true}); return [m.attributes, log, m.changed];',
    'var m = M(); m.on("change:a", function () { m.set("b", 2); }); m.on("all", rec("all")); m.set("a", 1); return [log, m.changed];',
    'var m = M(); m.on("change", function () { if (!m.get("c")) { m.set("c", 1); } }); m.on("all", rec("all")); m.set("a", 1); return log;',
    'var m = M(); return [m.set(null) === m, m.set() === m, m.set(undefined, 1) === m];',
    'var X = B.Model.extend({validate: function (a, o) { log.push(["validate", a, S(o)]); return a.n < 0 ? "neg" : undefined; }}); var m = new X({n: 1}); m.on("invalid", rec("invalid")); var r1 = m.set({n: -1}, {validate: true}); var r2 = m.set({n: -2}); return [r1, r2 === m, m.attributes, m.validationError, log];',
    'var m = M({id: 1}); m.on("all", rec("all")); m.set({id: 2}); m.set({id: 2}); return [m.id, log];',
    'var m = M(); m.set("a.b", 1); m.set({"x y": 2}); return m.attributes;',
    'var m = M({d: new Date(0)}); m.on("all", rec("all")); m.set("d", new Date(0)); m.set("d", new Date(1)); return log.length;',
    'var m = M({a: 1}); m.set({a: 2}); m.set({b: 3}); return [m.changed, m.previousAttributes(), m.previous("a")];',
    'var m = M({a: {x: 1}}); m.on("all", rec("all")); m.set("a", {x: 1}); m.set("a", {x: 2}); return log;',
    'var m = M(); m.set({a: 1, b: 2, c: 3}); var order = []; m.on("all", function (e) { order.push(e); }); m.set({c: 0, a: 0, b: 0}); return order;'
  ],
  'Model.unset': [
    'var m = M({a: 1, b: 2}); m.on("all", rec("all")); var r = m.unset("a"); return [r === m, m.attributes, log, m.changed];',
    'var m = M({id: 3}); m.unset("id"); return [m.id, m.isNew(), m.attributes];',
    'var m = M({a: 1}); m.on("all", rec("all")); m.unset("zz"); m.unset("a", {silent: true}); return [log, m.attributes];'
  ],
  'Model.clear': [
    'var m = M({a: 1, b: 2}); m.on("all", rec("all")); var r = m.clear(); return [r === m, m.attributes, log, m.changed];',
    'var m = M({a: 1}); m.on("all", rec("all")); m.clear({silent: true}); return [m.attributes, log];'
  ],
  'Model.hasChanged': ['var m = M({a: 1}); var r = [m.hasChanged(), m.hasChanged("a")]; m.set({a: 2, b: 3}); r.push(m.hasChanged(), m.hasChanged("a"), m.hasChanged("b"), m.hasChanged("c"), m.hasChanged(null)); m.set({a: 2}); r.push(m.hasChanged()); return r;'],
  'Model.changedAttributes': [
    'var m = M({a: 1, b: 2}); var r = [m.changedAttributes()]; m.set({a: 5}); r.push(m.changedAttributes(), m.changedAttributes({a: 5, b: 3, c: 4}), m.changedAttributes({a: 5}), m.changedAttributes({})); return r;',
    'var m = M({a: 1}); m.on("change", function () { log.push(m.changedAttributes({a: 1}), m.changedAttributes({a: 2})); }); m.set("a", 2); return log;'
  ],
  'Model.previous': [
    'var m = M({a: 1}); var r = [m.previous("a"), m.previous(), m.previousAttributes()]; m.set({a: 2}); r.push(m.previous("a"), m.previous("b"), m.previousAttributes()); return r;',
    'var m = M({a: 1}); m.on("change:a", function (mm, v) { log.push([v, m.previous("a")]); }); m.set("a", 9); return log;'
  ],
  'Model.previousAttributes': ['var m = M({a: 1}); m.set({b: 2}); var p = m.previousAttributes(); p.a = 9; return [m.previousAttributes(), p];', 'return [typeof M().previousAttributes()];'],
  'Model.toJSON': ['var m = M({a: 1, b: {c: 2}}); var j = m.toJSON(); j.a = 5; j.b.c = 9; return [m.attributes, j, JSON.stringify(m)];'],
  'Model.clone': [
    'var X = B.Model.extend({kind: "x"}); var m = new X({a: 1, b: [1]}); var c = m.clone(); c.get("b").push(2); return [c.attributes, m.attributes, c instanceof X, c.kind, c.cid !== m.cid];',
    'var m = M({id: 1}); var c = m.clone(); return [c.id, c.collection, c.isNew()];'
  ],
  'Model.isNew': ['return [M().isNew(), M({id: 0}).isNew(), M({id: null}).isNew(), M({id: ""}).isNew(), M({id: "x"}).isNew()];'],
  'Model.isValid': [
    'var X = B.Model.extend({validate: function (a) { return a.n > 5 ? {err: "big"} : null; }}); var m = new X({n: 1}); var r = [m.isValid()]; m.set({n: 9}); m.on("invalid", rec("invalid")); r.push(m.isValid(), m.validationError, log); return r;',
    'return [M().isValid(), M().validationError];'
  ],
  'Model.validate': ['var X = B.Model.extend({validate: function (a, o) { log.push(S(o)); return "no"; }}); var m = new X(); m.set({a: 1}, {validate: true, extra: 1}); return [log, m.validationError, m.attributes];'],
  'Model.url': [
    'var X = B.Model.extend({urlRoot: "/things"}); return [new X().url(), new X({id: 3}).url(), new X({id: "a b/c"}).url()];',
    'var X = B.Model.extend({urlRoot: "/things/"}); return [new X({id: 3}).url()];',
    'var X = B.Model.extend({urlRoot: function () { return "/f"; }}); return [new X({id: 1}).url()];',
    'var c = C(); c.url = "/coll"; var m = c.add({id: 9}); return [m.url(), c.add({}).url()];',
    'try { M({id: 1}).url(); } catch (e) { return [e.name, e.message]; }'
  ],
  'Model.parse': ['var m = M(); var o = {a: 1}; return [m.parse(o) === o, m.parse(5), m.parse()];'],
  'Model.sync': [
    'stub({a: 1}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1, n: 2}); m.on("all", rec("all")); var r = m.sync("read", m, {}); return [r, log];',
    'try { M().sync("read", M()); } catch (e) { return [e.name, e.message]; }'
  ],
  'Model.fetch': [
    'stub({a: 2, b: 3}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1}); m.on("all", rec("all")); var r = m.fetch({success: rec("success")}); return [r, m.attributes, log];',
    'stub({data: {x: 1}}); var X = B.Model.extend({url: "/p", parse: function (r) { return r.data; }}); var m = new X(); m.fetch(); var r1 = m.attributes; m.fetch({parse: false}); return [r1, m.attributes];',
    'stub(null, true); var X = B.Model.extend({url: "/e"}); var m = new X(); m.on("all", rec("all")); m.fetch({error: rec("errcb")}); return log;',
    'stub({n: -1}); var X = B.Model.extend({url: "/v", validate: function (a) { return a.n < 0 ? "neg" : undefined; }}); var m = new X(); m.on("all", rec("all")); m.fetch({validate: true, success: rec("ok")}); return [m.attributes, log];'
  ],
  'Model.save': [
    'stub({id: 10, s: 1}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({a: 1}); m.on("all", rec("all")); var r = m.save({b: 2}, {success: rec("ok")}); return [r, m.attributes, log];',
    'stub({}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 4, a: 1}); m.save("b", 2); m.save(null, {patch: true}); m.save({c: 3}, {patch: true}); return log;',
    'stub({ok: 1}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 4, a: 1}); m.on("all", rec("all")); m.save({b: 2}, {wait: true}); return [m.attributes, log];',
    'stub({}); var X = B.Model.extend({urlRoot: "/u", validate: function (a) { return a.bad ? "bad" : undefined; }}); var m = new X(); m.on("invalid", rec("invalid")); var r = m.save({bad: 1}); var r2 = m.save({bad: 1}, {wait: true}); return [r, r2, log, m.attributes];',
    'stub(null, true); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1}); m.on("all", rec("all")); m.save({a: 1}, {error: rec("errcb")}); return log;',
    'B.emulateHTTP = true; B.emulateJSON = true; stub({}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1, a: 2}); m.save(); m.destroy(); return log;',
    'stub({}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1}); m.save({a: 1}, {emulateHTTP: true, beforeSend: rec("bs")}); var p; B.ajax = function (o) { p = o; return 1; }; m.save({a: 1}, {emulateHTTP: true, beforeSend: rec("bs")}); p.beforeSend({setRequestHeader: rec("header")}); return log;'
  ],
  'Model.destroy': [
    'stub({}); var X = B.Model.extend({urlRoot: "/u"}); var c = C(); var m = new X({id: 1}); c.add(m); m.on("all", rec("all")); var r = m.destroy({success: rec("ok")}); return [r, log, c.length];',
    'stub({}); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1}); m.on("all", rec("all")); m.destroy({wait: true}); return log;',
    'var m = M(); m.on("all", rec("all")); var r = m.destroy(); return [r, log];',
    'stub(null, true); var X = B.Model.extend({urlRoot: "/u"}); var m = new X({id: 1}); m.on("all", rec("all")); m.destroy({wait: true, error: rec("errcb")}); return log;'
  ],
  'Model.keys': ['var m = M({a: 1, b: 2}); return [m.keys(), m.values(), m.pairs(), m.invert(), m.isEmpty(), M().isEmpty()];'],
  'Model.pick': ['var m = M({a: 1, b: 2, c: 3}); return [m.pick("a", "c"), m.pick(["b"]), m.omit("a"), m.omit(["a", "b"]), m.pick(function (v) { return v > 1; })];'],
  'Model.chain': ['var m = M({a: 1, b: 2}); return m.chain().keys().value();'],
  'Model.extend': [
    'var X = B.Model.extend({foo: function () { return "foo"; }}, {stat: 1}); var Y = X.extend({foo: function () { return "y" + X.prototype.foo.call(this); }}); var y = new Y(); return [y.foo(), Y.stat, Y.__super__ === X.prototype, y instanceof X, y instanceof B.Model, y.constructor === Y, typeof Y.extend];',
    'var X = B.Model.extend({constructor: function (a) { this.custom = a; B.Model.apply(this, arguments); }}); var x = new X({a: 1}); return [x.custom, x.attributes];'
  ],
  'Model.mixin': ['B.Model.mixin({twice: function (attrs, k) { return attrs[k] * 2; }}); var r = M({a: 4}).twice("a"); delete B.Model.prototype.twice; return r;'],
  // --- Collection --------------------------------------------------------------------------
  Collection: [
    'var c = C([{id: 1}, {id: 2}]); return [c.length, S(c), c.models.length, c.at(0) instanceof B.Model, c.at(0).collection === c, Object.keys(c).sort()];',
    'var c = C(); return [c.length, c.models, c.model === B.Model, c.comparator];',
    'var X = B.Model.extend({idAttribute: "_id"}); var c = C([{_id: 5}], {model: X}); return [c.get(5) instanceof X, c.modelId({_id: 5}), c.get(5).id];',
    'var c = C([{n: 3}, {n: 1}, {n: 2}], {comparator: "n"}); return c.pluck("n");',
    'var Y = B.Collection.extend({initialize: function (m, o) { log.push(["init", this.length, S(m), S(o)]); }}); new Y([{a: 1}], {x: 1}); return log;',
    'var Y = B.Collection.extend({parse: function (r) { return r.items; }}); return [new Y({items: [{a: 1}]}, {parse: true}).pluck("a")];',
    'var c = C([{a: 1}]); var c2 = C(c.models); return [c2.length, c2.at(0) === c.at(0), c.at(0).collection === c];'
  ],
  'Collection.add': [
    'var c = C(); c.on("all", rec("all")); var m = c.add({id: 1, a: 1}); return [m instanceof B.Model, S(c), log];',
    'var c = C([{id: 1, a: 1}]); c.on("all", rec("all")); var r = c.add([{id: 1, a: 2}, {id: 2}]); return [S(r), S(c), log];',
    'var c = C([{id: 1, a: 1}]); c.on("all", rec("all")); c.add({id: 1, a: 2}, {merge: true}); return [S(c), log];',
    'var c = C([{id: 1}, {id: 2}]); c.on("all", rec("all")); c.add({id: 3}, {at: 1}); c.add([{id: 4}, {id: 5}], {at: 0}); c.add({id: 6}, {at: -1}); c.add({id: 7}, {at: 99}); return [c.pluck("id"), log];',
    'var c = C([], {comparator: "n"}); c.on("all", rec("all")); c.add([{n: 2}, {n: 1}]); c.add({n: 0}, {at: 2}); c.add({n: 5}, {sort: false}); return [c.pluck("n"), log];',
    'var c = C(); var m = M({id: 1}); c.add(m); c.add(m); return [c.length, c.add(m) === m];',
    'var c = C(); c.add([{id: 1}, {id: 1}]); return c.length;',
    'var X = B.Model.extend({validate: function (a) { return a.bad ? "bad" : undefined; }}); var c = C([], {model: X}); c.on("all", rec("all")); var r = c.add({bad: 1}, {validate: true}); return [r, c.length, log];',
    'var c = C(); return [c.add() , c.add(null), c.length];',
    'var c = C(); c.add({id: 1}, {silent: true}); c.on("all", rec("all")); c.add({id: 2}, {silent: true}); return [c.length, log];'
  ],
  'Collection.remove': [
    'var c = C([{id: 1}, {id: 2}, {id: 3}]); c.on("all", rec("all")); var r = c.remove(2); return [S(r), c.pluck("id"), log];',
    'var c = C([{id: 1}, {id: 2}, {id: 3}]); c.on("all", rec("all")); var r = c.remove([1, {id: 3}, 99]); return [S(r), c.pluck("id"), log];',
    'var c = C([{id: 1}]); var m = c.at(0); c.remove(m); return [m.collection, c.length, c.get(1)];',
    'var c = C([{id: 1}]); c.on("all", rec("all")); return [c.remove(5), c.remove([]), log, c.remove(1, {silent: true}) !== undefined, log, c.length];'
  ],
  'Collection.set': [
    'var c = C([{id: 1, a: 1}, {id: 2}, {id: 3}]); c.on("all", rec("all")); var r = c.set([{id: 3}, {id: 1, a: 5}, {id: 4}]); return [S(r), c.pluck("id"), S(c), log];',
    'var c = C([{id: 1}, {id: 2}]); c.on("all", rec("all")); c.set([{id: 2}, {id: 3}], {remove: false}); c.set([{id: 1, x: 1}], {merge: false, remove: false}); c.set([{id: 9}], {add: false}); return [S(c), log];',
    'var c = C([{id: 1}, {id: 2}]); c.on("all", rec("all")); c.set([{id: 2}, {id: 1}]); return [c.pluck("id"), log];',
    'var c = C([{id: 1, n: 2}, {id: 2, n: 1}], {comparator: "n"}); c.on("all", rec("all")); c.set([{id: 1, n: 0}], {remove: false}); return [c.pluck("id"), log];',
    'var c = C(); return [c.set(null), c.set(undefined), S(c.set({id: 1}))];',
    'var Y = B.Collection.extend({parse: function (r) { log.push("parse"); return r.list; }}); var c = new Y(); c.set({list: [{id: 1}]}, {parse: true}); return [c.pluck("id"), log];'
  ],
  'Collection.reset': [
    'var c = C([{id: 1}, {id: 2}]); var old = c.at(0); c.on("all", rec("all")); var r = c.reset([{id: 3}]); return [S(r), c.pluck("id"), old.collection, log];',
    'var c = C([{id: 1}]); c.on("all", rec("all")); c.reset(); return [c.length, log];',
    'var c = C([{id: 1}]); c.on("all", rec("all")); c.reset([{id: 2}], {silent: true}); return [c.pluck("id"), log];'
  ],
  'Collection.push': ['var c = C([{id: 1}], {comparator: "id"}); c.on("all", rec("all")); var m = c.push({id: 0}); return [S(m), c.pluck("id"), log];'],
  'Collection.pop': ['var c = C([{id: 1}, {id: 2}]); c.on("all", rec("all")); var m = c.pop(); return [S(m), c.pluck("id"), log, C().pop()];'],
  'Collection.unshift': ['var c = C([{id: 1}]); c.on("all", rec("all")); var m = c.unshift({id: 0}); return [S(m), c.pluck("id"), log];'],
  'Collection.shift': ['var c = C([{id: 1}, {id: 2}]); c.on("all", rec("all")); var m = c.shift(); return [S(m), c.pluck("id"), log, C().shift()];'],
  'Collection.slice': ['var c = C([{id: 1}, {id: 2}, {id: 3}]); return [S(c.slice()), S(c.slice(1)), S(c.slice(-1)), S(c.slice(0, 2)), Array.isArray(c.slice())];'],
  'Collection.get': [
    'var c = C([{id: 1, a: 1}, {id: "x"}]); var m = c.at(0); return [S(c.get(1)), S(c.get("1")), S(c.get({id: 1})), S(c.get(m)), S(c.get(m.cid)), S(c.get({cid: m.cid})), c.get(null), c.get(), c.get(5), S(c.get("x"))];',
    'var c = C([{id: 1}]); var m = c.at(0); m.set("id", 2); return [S(c.get(2)), c.get(1)];',
    'var c = C([{id: 1}]); var m = c.at(0); m.set("id", 2, {silent: true}); return [S(c.get(2)), c.get(1)];'
  ],
  'Collection.has': ['var c = C([{id: 1}]); return [c.has(1), c.has(2), c.has({id: 1}), c.has(c.at(0)), c.has(null)];'],
  'Collection.at': ['var c = C([{id: 1}, {id: 2}, {id: 3}]); return [S(c.at(0)), S(c.at(-1)), S(c.at(-3)), c.at(3), c.at(-4), S(c.at("1"))];'],
  'Collection.where': ['var c = C([{a: 1, b: 1}, {a: 1, b: 2}, {a: 2}]); return [S(c.where({a: 1})), S(c.where({a: 1}, true)), S(c.where({})), S(c.where({z: 1}))];'],
  'Collection.findWhere': ['var c = C([{a: 1, b: 1}, {a: 1, b: 2}]); return [S(c.findWhere({a: 1})), S(c.findWhere({b: 2})), c.findWhere({a: 3})];'],
  'Collection.sort': [
    'var c = C([{n: 3, s: "b"}, {n: 1, s: "c"}, {n: 2, s: "a"}]); c.comparator = "s"; c.on("all", rec("all")); var r = c.sort(); return [r === c, c.pluck("s"), log];',
    'var c = C([{n: 3}, {n: 1}, {n: 2}]); c.comparator = function (m) { return -m.get("n"); }; c.sort(); var a = c.pluck("n"); c.comparator = function (x, y) { return x.get("n") - y.get("n"); }; c.sort({silent: true}); return [a, c.pluck("n")];',
    'try { C([{n: 1}]).sort(); } catch (e) { return [e.name, e.message]; }',
    'var c = C([{n: 2}, {n: 1}]); c.comparator = function (m) { log.push(this === c); return m.get("n"); }; c.sort(); return [log.slice(0, 1), c.pluck("n")];'
  ],
  'Collection.pluck': ['var c = C([{a: 1}, {a: 2, b: 3}, {}]); return [c.pluck("a"), c.pluck("b"), c.pluck("id")];'],
  'Collection.toJSON': ['var c = C([{a: 1}, {b: [2]}]); return [c.toJSON(), JSON.stringify(c)];'],
  'Collection.clone': ['var c = C([{id: 1}], {comparator: "id"}); var d = c.clone(); return [d.length, d.at(0) === c.at(0), d.comparator, d.model === c.model, d !== c, d.at(0).collection === c];'],
  'Collection.parse': ['var c = C(); var o = [1]; return [c.parse(o) === o, c.parse()];'],
  'Collection.modelId': ['var c = C(); return [c.modelId({id: 1}), c.modelId({_id: 2}, "_id"), c.modelId({})];'],
  'Collection.fetch': [
    'stub([{id: 1}, {id: 2}]); var c = C([{id: 3}]); c.url = "/c"; c.on("all", rec("all")); var r = c.fetch({success: rec("ok")}); return [r, c.pluck("id"), log];',
    'stub([{id: 1}]); var c = C([{id: 3}]); c.url = "/c"; c.on("all", rec("all")); c.fetch({reset: true}); return [c.pluck("id"), log];',
    'stub(null, true); var c = C(); c.url = "/c"; c.on("all", rec("all")); c.fetch({error: rec("errcb")}); return log;',
    'try { C().fetch(); } catch (e) { return [e.name, e.message]; }'
  ],
  'Collection.create': [
    'stub({id: 7}); var c = C(); c.url = "/c"; c.on("all", rec("all")); var m = c.create({a: 1}, {success: rec("ok")}); return [S(m), c.pluck("id"), log];',
    'stub({id: 7}); var c = C(); c.url = "/c"; c.on("all", rec("all")); var m = c.create({a: 1}, {wait: true}); return [S(m), c.length, log];',
    'stub(null, true); var c = C(); c.url = "/c"; c.on("all", rec("all")); c.create({a: 1}, {wait: true}); return [c.length, log];',
    'var X = B.Model.extend({validate: function () { return "nope"; }}); var c = C([], {model: X}); c.url = "/c"; c.on("all", rec("all")); var r = c.create({a: 1}); return [r, c.length, log];'
  ],
  'Collection.values': [
    'var c = C([{id: 1}, {id: 2}]); var it = c.values(); var a = it.next(), b = it.next(), d = it.next(), e = it.next(); return [S(a), S(b), S(d), S(e)];',
    'var c = C([{id: 1}, {id: 2}]); var out = []; for (var m of c) { out.push(m.id); } return out;'
  ],
  'Collection.keys': ['var c = C([{id: 1}, {a: 2}]); var it = c.keys(); return [it.next(), it.next(), it.next()];'],
  'Collection.entries': ['var c = C([{id: 1}]); var it = c.entries(); var a = it.next(); return [a.value[0], S(a.value[1]), it.next(), typeof it[Symbol.iterator], it[Symbol.iterator]() === it];'],
  'Collection.extend': ['var Y = B.Collection.extend({model: B.Model.extend({defaults: {z: 1}})}); var c = new Y([{a: 1}]); return [c.toJSON(), Y.__super__ === B.Collection.prototype];'],
  'Collection.mixin': ['B.Collection.mixin({count: function (models, k) { return models.length + (k || 0); }}); var r = C([{}, {}]).count(1); delete B.Collection.prototype.count; return r;'],
  'Collection.model': [
    'var c = C([{a: 1}], {model: function (attrs, o) { return new B.Model(Object.assign({made: true}, attrs), o); }}); return c.toJSON();',
    'var c = C(); c.on("all", rec("all")); var m = M({id: 1}); m.on("all", rec("model")); c.add(m); m.set("a", 1); m.trigger("custom", 5); return log;'
  ]
};

// Collection's underscore methods: name -> scenario bodies (c holds ids 1..4 and a, b).
const DATA = 'var c = C([{id: 1, a: 2, b: "x"}, {id: 2, a: 1, b: "y"}, {id: 3, a: 2, b: "x"}, {id: 4, a: 5}]);\n';
const UNDERSCORE = {
  forEach: ['c.forEach(function (m, i, l) { log.push([m.id, i, l.length]); }); return log;', 'var ctx = {}; c.each(function () { log.push(this === ctx); }, ctx); return log.slice(0, 1);'],
  each: ['var r = c.each(function (m) { log.push(m.id); }); return [log, Array.isArray(r)];'],
  map: ['return [c.map(function (m, i) { return m.id * 10 + i; }), c.map("b"), c.map({a: 2}), c.collect("a")];'],
  reduce: ['return [c.reduce(function (s, m) { return s + m.get("a"); }, 0), S(c.reduce(function (s, m) { return m; })), c.foldl(function (s, m) { return s + m.id; }, ""), c.inject(function (s, m) { return s.concat(m.id); }, [])];'],
  reduceRight: ['return [c.reduceRight(function (s, m) { return s + m.id; }, ""), c.foldr(function (s, m) { return s.concat(m.id); }, [])];'],
  find: ['return [S(c.find(function (m) { return m.get("a") > 1; })), S(c.find({b: "y"})), S(c.find("b")), c.find({a: 99}), S(c.detect({a: 5}))];'],
  filter: ['return [S(c.filter(function (m) { return m.id % 2; })), S(c.filter({a: 2})), S(c.filter("b")), S(c.select({b: "x"}))];'],
  reject: ['return [S(c.reject({a: 2})), S(c.reject("b"))];'],
  every: ['return [c.every("id"), c.every("b"), c.every({a: 2}), c.every(function (m) { return m.id > 0; }), c.all("a")];'],
  some: ['return [c.some("b"), c.some({a: 5}), c.some({a: 9}), c.any(function (m) { return m.id > 3; })];'],
  includes: ['var m = c.at(1); return [c.includes(m), c.include(M({id: 1})), c.contains(m), c.includes(c.at(0), 1)];'],
  invoke: ['return [c.invoke("get", "a"), c.invoke("has", "b"), c.invoke(function () { return this.id; })];'],
  max: ['return [S(c.max("a")), S(c.max(function (m) { return -m.id; })), C().max("a"), S(c.min("a")), C().min()];'],
  toArray: ['var a = c.toArray(); return [S(a), a !== c.models, c.size(), C().size()];'],
  first: ['return [S(c.first()), S(c.first(2)), S(c.head(1)), S(c.take(3)), S(c.first(0)), C().first(), S(C().first(2))];'],
  initial: ['return [S(c.initial()), S(c.initial(2)), S(c.initial(9))];'],
  rest: ['return [S(c.rest()), S(c.rest(2)), S(c.tail(3)), S(c.drop(1))];'],
  last: ['return [S(c.last()), S(c.last(2)), S(c.last(0)), C().last()];'],
  without: ['var a = c.at(0), b = c.at(2); return [S(c.without(a, b)), S(c.difference([a], [b])), S(c.without())];'],
  indexOf: ['var m = c.at(2); return [c.indexOf(m), c.indexOf(M()), c.indexOf(m, 3), c.lastIndexOf(m), c.lastIndexOf(m, 1), c.indexOf(c.at(0), true)];'],
  shuffle: ['var s = c.shuffle(); return [s.length, s.map(function (m) { return m.id; }).sort()];'],
  isEmpty: ['return [c.isEmpty(), C().isEmpty()];'],
  chain: ['return [c.chain().filter({a: 2}).map(function (m) { return m.id; }).value(), c.chain().map(function (m) { return m.get("a"); }).uniq().value()];'],
  sample: ['return [typeof c.sample(), c.sample(2).length, c.sample(9).length, C().sample()];'],
  partition: ['return S([c.partition({a: 2}), c.partition(function (m) { return m.id > 2; })]);'],
  groupBy: ['return [S(c.groupBy("a")), S(c.groupBy(function (m) { return m.id % 2; }))];'],
  countBy: ['return [c.countBy("b"), c.countBy(function (m) { return m.get("a") > 1 ? "big" : "small"; })];'],
  sortBy: ['return [c.sortBy("a").map(function (m) { return m.id; }), c.sortBy(function (m) { return -m.id; }).map(function (m) { return m.id; }), c.sortBy("b").map(function (m) { return m.id; })];'],
  indexBy: ['return [Object.keys(c.indexBy("b")), S(c.indexBy("id"))];'],
  findIndex: ['return [c.findIndex({a: 2}), c.findIndex("zz"), c.findLastIndex({a: 2}), c.findLastIndex(function (m) { return m.id < 3; })];']
};

// History on a stub location; Router through Backbone.history.
const HIST = 'var h = new B.History(); h.location = {pathname: "/app/x", search: "?q=1", href: "http://h/app/x?q=1#frag/1", hash: "#frag/1", replace: rec("replace"), assign: rec("assign")}; h.root = "/app/";\n';
const MORE = {
  View: [
    'try { new B.View(); return "made"; } catch (e) { return [e.name, e.message]; }',
    'try { new B.View({el: "body"}); return "made"; } catch (e) { return [e.name, e.message]; }',
    'var V = B.View.extend({tagName: "p"}); return [typeof V, V.prototype.tagName, B.View.prototype.tagName, typeof B.View.prototype.render, typeof B.View.prototype.delegateEvents, V.__super__ === B.View.prototype];'
  ],
  Router: [
    'var R = B.Router.extend({routes: {"a/:id": "show", "b/*rest": "rest", "c(/:opt)": "opt"}, show: rec("show")}); var r = new R(); var hs = B.history.handlers.slice(0, 3); B.history.handlers.splice(0, 3); return [hs.length, hs.map(function (x) { return String(x.route); })];',
    'var r = new B.Router(); var res = [r._routeToRegExp("a/:id"), r._routeToRegExp("b/*path"), r._routeToRegExp("c(/:x)(/:y)"), r._routeToRegExp("d.e+f?g"), r._routeToRegExp("")].map(String); return res;',
    'var r = new B.Router(); var re = r._routeToRegExp("a/:id(/:x)"); return [r._extractParameters(re, "a/1"), r._extractParameters(re, "a/%20b/c?x=1"), r._extractParameters(r._routeToRegExp("f/*p"), "f/a/b")];',
    'var r = new B.Router(); return [r.navigate("x") === r, typeof r.execute, r.execute(rec("cb"), [1, 2]), log];',
    'var r = new B.Router({routes: {"q/:n": function (n) { log.push(["q", n]); }}}); r.on("all", rec("router")); var ok = B.history.handlers[0].callback("q/5"); B.history.handlers.shift(); return log;',
    'var R = B.Router.extend({initialize: function (o) { log.push(["init", S(o)]); }, preinitialize: function () { log.push("pre"); }}); new R({x: 1}); return log;',
    'var r = new B.Router(); r.route("z/:a", "zed", rec("zed")); r.route(/^re(.*)$/, rec("re")); r.on("all", rec("ev")); B.history.handlers[1].callback("z/9"); B.history.handlers[0].callback("rexx"); B.history.handlers.splice(0, 2); return log;',
    'var R = B.Router.extend({execute: function (cb, args, name) { log.push(["exec", args, name]); return false; }}); var r = new R(); r.route("e/:x", "e", rec("e")); r.on("all", rec("ev")); B.history.handlers[0].callback("e/1"); B.history.handlers.shift(); return log;'
  ],
  History: [
    'var h = new B.History(); return [h.handlers, typeof h.checkUrl, h.location, h.interval, B.History.started, typeof B.history.start];',
    HIST + 'return [h.atRoot(), h.matchRoot(), h.getSearch(), h.getHash(), h.getPath(), h.getHash({location: {href: "x#y"}})];',
    HIST + 'return [h.decodeFragment("a%20b%25c"), h.decodeFragment("%E2%9C%93"), h.getFragment("#/a/b  "), h.getFragment("/x/")];',
    HIST + 'h._wantsHashChange = true; var a = h.getFragment(); h._usePushState = true; return [a, h.getFragment()];',
    HIST + 'h.route(/^frag\\/(\\d)$/, rec("hit")); h.route(/^none$/, rec("none")); h.on("all", rec("all")); return [h.loadUrl("frag/1"), h.loadUrl("zzz"), h.fragment, log];',
    HIST + 'h.location.pathname = "/other"; h.on("notfound", rec("nf")); return [h.matchRoot(), h.loadUrl("a"), log];',
    'return [B.history.navigate("a"), B.History.started];',
    'try { B.history.start(); return "started"; } catch (e) { B.History.started = false; return [e.name, e.message]; }',
    'try { B.history.stop(); return "stopped"; } catch (e) { return [e.name, e.message, B.History.started]; }',
    HIST + 'h._updateHash(h.location, "n/1", false); var a = h.location.hash; h._updateHash(h.location, "n/2", true); return [a, log];',
    HIST + 'h.fragment = "frag/1"; return [h.checkUrl(), log];'
  ],
  sync: [
    'stub({}); var m = M({id: 1, a: 1}); m.url = "/m/1"; B.sync("update", m, {}); B.sync("patch", m, {attrs: {a: 2}}); B.sync("delete", m); B.sync("read", m, {url: "/other", data: {q: 1}}); B.sync("create", m, {data: "raw"}); return log;',
    'stub({}); var m = M(); m.url = "/x"; B.sync("create", m, {emulateJSON: true}); B.sync("update", m, {emulateHTTP: true, emulateJSON: true}); B.sync("delete", m, {emulateHTTP: true}); return log;',
    'var m = M(); m.url = "/x"; var got; B.ajax = function (p) { got = p; return "X"; }; m.on("request", rec("request")); var r = B.sync("read", m, {error: rec("err"), context: {c: 1}}); got.error("xhr", "timeout", "thrown"); return [r, log, S(got)];',
    'try { B.sync("read", M()); } catch (e) { return [e.name, e.message]; }',
    'try { B.sync("nope", {url: "/y", trigger: rec("t")}, {}); return log; } catch (e) { return e.name; }'
  ],
  ajax: ['try { B.ajax({url: "/x"}); return "sent"; } catch (e) { return e.name; }']
};

module.exports = {
  pkg: 'backbone',
  root: "require('backbone')",
  gen: function (lib) {
    // Newman's bundle holds jQuery, which without a window exports only a factory that throws:
    // that is Backbone.$ there (Node has no jquery here, so it would be undefined).
    lib.$ = function (w) { if (!w.document) { throw new Error('jQuery requires a window with a document'); } return w; };
    const out = [];
    const add = (name, body) => scenario(out, name, PRE + body + POST);
    for (const name of Object.keys(SCENARIOS)) { for (const body of SCENARIOS[name]) { add(name, body); } }
    for (const name of Object.keys(UNDERSCORE)) { for (const body of UNDERSCORE[name]) { add('Collection.' + name, DATA + body); } }
    for (const name of Object.keys(MORE)) { for (const body of MORE[name]) { add(name, body); } }
    return done(out);
  }
};
