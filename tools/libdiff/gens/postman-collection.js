// require('postman-collection'): postman-collection 4.4.0, the SDK classes scripts use. Every
// check is a scenario, named after the class and the members it exercises; `J(x)` is x's JSON with
// the random ids (uuids) the SDK gives items, collections and scripts taken out, so results
// compare across runs.
'use strict';

const { scenario, done } = require('./node-shims/calls.js');

const PRE = 'var sdk = lib; var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;\n' +
  'function strip(v) { if (Array.isArray(v)) { return v.map(strip); } if (v && typeof v === "object") { var o = {}; Object.keys(v).forEach(function (k) { if (!((k === "id" || k === "_postman_id") && UUID.test(v[k]))) { o[k] = strip(v[k]); } }); return o; } return v; }\n' +
  'function J(x) { return x === undefined ? "undefined" : strip(JSON.parse(JSON.stringify(x))); }\n';

const S = {
  'Property.toObjectResolved': ['var c = new sdk.Collection({info: {name: "c"}, variable: [{key: "h", value: "host"}], item: [{name: "r", request: "http://{{h}}/{{p}}"}]}); var r = c.items.idx(0); var e; try { new sdk.Header({key: "{{a}}"}).toObjectResolved(); } catch (x) { e = x.message; } return [J(r.toObjectResolved()), J(r.request.toObjectResolved(null, [{p: "P"}])), J(r.toObjectResolved(null, [{h: "o"}], {ignoreOwnVariables: true})), e];'],
  'Property.describe/findSubstitutions': ['var h = new sdk.Header({key: "{{k}}", value: "{{v}}"}); h.describe("text"); var q = new sdk.QueryParam("a=1"); q.describe({content: "c", type: "text/html"}); q.describe("again"); return [J(h), h.findSubstitutions(), J(q), J(new sdk.Property({id: "i", name: "n", disabled: 0, description: "d", _meta: 1}))];'],
  'PropertyList.eachParent/reference': ['var c = new sdk.Collection({info: {name: "c"}, item: [{name: "g", item: [{name: "r", request: "http://h"}]}]}); var r = c.oneDeep("r"); var seen = []; r.events.eachParent(function (p) { seen.push(p.name || (p.members ? "list" : "?")); }); return [seen, Object.keys(c.items.reference).length, c.items.members.length, Object.keys(r.request.headers.reference), typeof c.items.Type];'],
  'EventList.listeners': ['var c = new sdk.Collection({event: [{listen: "test", script: "c()"}], item: [{name: "g", event: [{listen: "test", script: "g()"}], item: [{name: "r", request: "http://h", event: [{listen: "test", script: "r()"}, {listen: "prerequest", script: "p()"}]}]}]}); var r = c.oneDeep("r"); return [r.events.listeners("test").map(function (e) { return e.script.toSource(); }), r.events.listenersOwn("prerequest").length, sdk.EventList.isEventList(r.events), sdk.EventList.isEventList([])];'],
  'HeaderList.contentSize': ['var l = new sdk.HeaderList(null, [{key: "A", value: "1"}, {key: "B", value: "22", disabled: true}]); return [l.contentSize(), new sdk.HeaderList().contentSize(), sdk.HeaderList.isHeaderList(l), sdk.HeaderList.isHeaderList(new sdk.PropertyList()), l.toString(), l.get("a"), l.toObject()];'],
  'Variable values': ['var v = new sdk.Variable({key: "n", value: null}); var a = new sdk.Variable({key: "a", value: [1, 2], type: "array"}); var o = new sdk.Variable({key: "o", value: "{\\"x\\":1}", type: "object"}); var f = new sdk.Variable({key: "f", value: function () { return 7; }}); var b = new sdk.Variable({key: "b", value: "nope", type: "array"}); return [v.toString(), a.get(), a.value, o.get(), J(o), f.get(), f.toString(), v.valueOf("set"), v.value, b.get(), a.cast("[3]")];'],
  'VariableScope layers': ['var l1 = new sdk.VariableList(null, [{key: "a", value: "1"}]); var s = new sdk.VariableScope({values: [{key: "b", value: "2"}]}, [l1, "x"]); var t = new sdk.VariableScope(new sdk.VariableList(null, [{key: "c", value: "3"}]), l1); return [s.get("a"), s.toObject(), J(s), s.has("a"), s.replaceIn(["{{a}}", "{{b}}"]), t.toObject(), J(t)];'],
  'VariableScope disabled values': ['var s = new sdk.VariableScope({values: [{key: "a", value: "1"}, {key: "a", value: "2", disabled: true}]}); var r1 = [s.get("a"), s.toObject(), s.toObject(true)]; s.unset("a"); var r2 = [s.get("a"), s.has("a"), J(s)]; s.set("a", "3"); return [r1, r2, s.get("a"), J(s)];'],
  'Request with auth, proxy, certificate': ['var r = new sdk.Request({url: "http://h", auth: {type: "apikey", apikey: [{key: "key", value: "k"}]}, proxy: {host: "p", port: 1}, certificate: {name: "c", matches: ["https://h/*"]}}); return [J(r), r.auth.parameters().get("key"), r.proxy.getProxyUrl(), r.certificate.canApplyTo("https://h/x")];'],
  'Url path variables': ['var u = new sdk.Url("http://h/:id/x/:fmt.json/:id"); u.variables.get("id"); var a = u.getPath(); u.variables.one("id").set("7"); u.variables.one("fmt").set("csv"); return [J(u), a, u.getPath(), u.getPath(true), u.toString(), sdk.Url.parse("http://h/{{a.b}}/x?{{c&d}}=1#{{e#f}}")];'],
  'Property.replaceSubstitutions': [
    'var P = sdk.Property; return [P.replaceSubstitutions("{{a}}-{{b}}-{{c}}", {a: "A", b: 2}), P.replaceSubstitutions("{{a}}", [{b: 1}, {a: "first"}]), P.replaceSubstitutions("{{ a }} {{a b}} {{}}", {a: 1, "a b": 2, "": 3}), P.replaceSubstitutions("{{x}}", {x: "{{y}}", y: "deep"}), P.replaceSubstitutions(5, {}), P.replaceSubstitutions("{{o}}", {o: {k: 1}}), P.replaceSubstitutions("{{n}}", {n: null}), P.replaceSubstitutions("{{u}}", {u: undefined})];',
    'var P = sdk.Property; var vl = new sdk.VariableList(null, [{key: "a", value: "v"}]); return [P.replaceSubstitutions("{{a}}{{b}}", vl), P.replaceSubstitutions("{{$guid}}x", {}).length, P.replaceSubstitutions("{{a}}", new sdk.VariableScope({values: [{key: "a", value: "s"}]}))];'
  ],
  'Property.replaceSubstitutionsIn': ['var P = sdk.Property; return J(P.replaceSubstitutionsIn({a: "{{x}}", b: ["{{x}}", {c: "{{y}}"}], n: 1}, [{x: "X", y: "Y"}]));'],
  'Property.findSubstitutions': ['var P = sdk.Property; return [P.findSubstitutions("{{a}} {{b}} {{a}}"), P.findSubstitutions({x: "{{c}}", y: ["{{d}}"]}), P.findSubstitutions("none"), P.findSubstitutions(["{{e}}", 1])];'],
  Url: [
    'var u = new sdk.Url("https://user:pw@example.com:8080/a/b/../c?x=1&y=&z#frag"); return [J(u), u.toString(), u.getHost(), u.getPath(), u.getQueryString(), u.getPathWithQuery(), u.getRemote(), u.getRemote(true), u.getOAuth1BaseUrl()];',
    'var u = new sdk.Url("example.com/p?q=1"); return [J(u), u.toString(), u.getRemote(), u.getOAuth1BaseUrl()];',
    'var u = new sdk.Url({protocol: "http", host: ["a", "com"], path: ["x", ":id"], query: [{key: "k", value: "v"}, {key: "d", value: "1", disabled: true}], variable: [{key: "id", value: "7"}]}); return [J(u), u.toString(), u.toString(true), u.getPath(), u.getPath(true), u.getQueryString()];',
    'var u = new sdk.Url("http://{{host}}/{{path}}?{{k}}={{v}}"); return [J(u), u.toString(), u.getHost()];',
    'var u = new sdk.Url(""); return [J(u), u.toString(), u.getHost(), u.getPath()];',
    'var u = new sdk.Url("http://h/p?a=1&a=2&b=%20c"); u.addQueryParams("c=3&d"); u.addQueryParams([{key: "e", value: "5"}]); var s1 = u.toString(); u.removeQueryParams("a"); var s2 = u.toString(); u.removeQueryParams(["c", {key: "d"}]); return [s1, s2, u.toString(), J(u.query)];',
    'var u = new sdk.Url("http://h/p"); u.update("https://other.org:99/z?m=n"); return [J(u), u.toString()];',
    'return [sdk.Url.isUrl(new sdk.Url("a")), sdk.Url.isUrl("a"), sdk.Url.isUrl({})];',
    'return [sdk.Url.parse("https://a.b.c:1/x/y?z=1#h"), sdk.Url.parse("file:///etc/hosts"), sdk.Url.parse("http://[::1]:80/"), sdk.Url.parse("//x/y"), sdk.Url.parse("a?b"), sdk.Url.parse("http://h/p?a=b=c&&d")];',
    'var u = new sdk.Url("http://h/a b/é?q=a b&r=é"); return [u.toString(), u.getPathWithQuery(), u.getQueryString()];'
  ],
  Header: [
    'var h = new sdk.Header({key: "A", value: "1"}); var h2 = new sdk.Header("v", "K"); var h3 = new sdk.Header("X-Y: z"); return [J(h), J(h2), J(h3), h.toString(), h.valueOf(), String(h3), h.key, h3.name];',
    'return [sdk.Header.parse("A: 1\\r\\nB: 2: 3\\nC:\\n bad line\\n"), sdk.Header.parseSingle("K : v "), sdk.Header.parseSingle("novalue"), sdk.Header.parse("")];',
    'return [sdk.Header.unparse([{key: "a", value: "1"}, {key: "b", value: "2", disabled: true}]), sdk.Header.unparse([{key: "a", value: "1"}], "; "), sdk.Header.unparseSingle({key: "k", value: "v"}), sdk.Header.unparse(new sdk.PropertyList(sdk.Header, null, [{key: "p", value: "q"}]))];',
    'return [sdk.Header.isHeader(new sdk.Header({key: "a"})), sdk.Header.isHeader({key: "a"}), J(sdk.Header.create("v", "k")), J(sdk.Header.create({key: "o", value: "p"}))];',
    'var h = new sdk.Header({key: "A", value: "1"}); h.update({key: "B", value: "2", disabled: true}); return [J(h), h.toString()];'
  ],
  QueryParam: [
    'var q = new sdk.QueryParam("a=1"); var q2 = new sdk.QueryParam({key: "b", value: "x y"}); var q3 = new sdk.QueryParam("flag"); return [J(q), J(q2), J(q3), q.toString(), q2.toString(), q3.toString(), q.valueOf()];',
    'return [sdk.QueryParam.parse("a=1&b=&c&=d&e=f=g&&"), sdk.QueryParam.parse(""), sdk.QueryParam.parseSingle("x=%20y"), sdk.QueryParam.parse("a=1#hash")];',
    'return [sdk.QueryParam.unparse([{key: "a", value: "1"}, {key: "b", value: null}, {key: "c", value: "3", disabled: true}, {key: null, value: "v"}]), sdk.QueryParam.unparse({a: "1", b: ["2", "3"]}), sdk.QueryParam.unparseSingle({key: "k", value: "a&b"}), sdk.QueryParam.unparse([{key: "sp ace", value: "x#y"}], {encode: true})];',
    'var q = new sdk.QueryParam("a=1"); q.update({key: "z", value: "9"}); return [J(q), q.toString()];'
  ],
  Variable: [
    'var v = new sdk.Variable({key: "a", value: "1", type: "number"}); return [J(v), v.get(), v.toString(), v.valueOf(), v.type];',
    'var v = new sdk.Variable({key: "b", value: "false", type: "boolean"}); var w = new sdk.Variable({key: "c", value: {x: 1}, type: "any"}); var s = new sdk.Variable({key: "d", value: 5, type: "string"}); return [v.get(), w.get(), w.toString(), s.get(), J(v), J(w), J(s)];',
    'var v = new sdk.Variable({key: "a", value: 1}); v.set("x"); var r1 = v.get(); v.valueType("number"); var r2 = [v.get(), v.type]; v.set("12"); return [r1, r2, v.get(), J(v)];',
    'var v = new sdk.Variable(); return [J(v), v.get(), v.toString(), v.type];',
    'return [sdk.Variable.isVariable(new sdk.Variable()), sdk.Variable.isVariable({}), new sdk.Variable({value: "x"}).cast ? "cast" : "no"];',
    'var v = new sdk.Variable({key: "k", value: "v", type: "secret"}); var w = new sdk.Variable({key: "k", value: "1", type: "unknown"}); return [J(v), v.get(), J(w), w.get()];',
    'var v = new sdk.Variable({key: "a", value: "1", disabled: true}); v.update({key: "b", value: "2", type: "number"}); return [J(v), v.get(), v.disabled];'
  ],
  VariableScope: [
    'var s = new sdk.VariableScope({values: [{key: "a", value: "1"}, {key: "b", value: 2, type: "number"}, {key: "c", value: "x", disabled: true}]}); return [s.get("a"), s.get("b"), s.get("c"), s.has("a"), s.has("c"), s.has("z"), s.toObject(), J(s)];',
    'var s = new sdk.VariableScope([{key: "a", value: "1"}]); s.set("a", 5); s.set("n", "x", "string"); s.set("o", {k: 1}); var t = s.toObject(); s.unset("a"); return [t, s.toObject(), J(s), s.values.count()];',
    'var s = new sdk.VariableScope({values: [{key: "h", value: "host"}]}); return [s.replaceIn("http://{{h}}/{{missing}}"), s.replaceIn({a: "{{h}}"}), s.replaceIn(5)];',
    'var s = new sdk.VariableScope({values: [{key: "a", value: "1"}]}); s.clear(); return [s.toObject(), J(s)];',
    'var s = new sdk.VariableScope({values: [{key: "a", value: "1"}]}); s.enableTracking(); s.set("a", "2"); s.set("b", "3"); s.unset("a"); var t = new sdk.VariableScope(); s.mutations.applyOn(t); return [J(s.mutations), t.toObject(), s.mutations.count()];',
    'var s = new sdk.VariableScope({values: [{key: "a", value: "1"}]}); var r = s.syncVariablesFrom({a: "2", c: "3"}, true); return [r, s.toObject(), s.syncVariablesTo()];',
    'var s = new sdk.VariableScope({values: [{key: "a", value: "base"}]}); s.addLayer(new sdk.VariableList(null, [{key: "b", value: "layer"}, {key: "a", value: "lost"}])); return [s.get("a"), s.get("b"), s.has("b"), s.replaceIn("{{a}}{{b}}")];',
    'return [sdk.VariableScope.isVariableScope(new sdk.VariableScope()), sdk.VariableScope.isVariableScope({}), J(new sdk.VariableScope()), J(new sdk.VariableScope({id: "x", name: "n"}))];',
    'var s = new sdk.VariableScope(); var r = [s.set("a", 1), s.unset("zz")]; return [J(r), s.get()];'
  ],
  VariableList: [
    'var l = new sdk.VariableList(null, [{key: "a", value: "1"}, {key: "b", value: "2"}]); return [l.replace("{{a}}-{{b}}-{{c}}"), J(l.substitute({x: "{{a}}", y: ["{{b}}"]})), l.count(), J(l.oneNormalizedVariable("a"))];',
    'var l = new sdk.VariableList(null, [{key: "a", value: "1"}]); var r = l.syncFromObject({a: "9", n: "new"}, true); return [r, J(l), l.syncToObject()];',
    'return [sdk.VariableList.isVariableList(new sdk.VariableList()), sdk.VariableList.isVariableList([])];'
  ],
  PropertyList: [
    'var l = new sdk.PropertyList(sdk.Header, null, [{key: "A", value: "1"}, {key: "b", value: "2"}, {key: "a", value: "3"}]); return [l.count(), J(l.one("a")), J(l.get("A")), l.has("a"), l.has("z"), l.idx(1).key, l.indexOf("b"), J(l.all()), l.toObject(), l.toObject(true), l.toObject(false, true), l.toString(), J(l)];',
    'var l = new sdk.PropertyList(sdk.QueryParam, null, []); l.add({key: "x", value: "1"}); l.append(new sdk.QueryParam("y=2")); l.prepend({key: "w", value: "0"}); l.insert({key: "m", value: "m"}, "y"); l.insertAfter({key: "n", value: "n"}, "x"); return [l.map(function (q) { return q.key; }), l.toString()];',
    'var l = new sdk.PropertyList(sdk.Header, null, [{key: "a", value: "1"}, {key: "b", value: "2"}]); l.upsert({key: "a", value: "9"}); l.upsert({key: "c", value: "3"}); l.remove("b"); l.remove(function (h) { return h.value === "3"; }); return J(l);',
    'var l = new sdk.PropertyList(sdk.Header, null, [{key: "a", value: "1"}]); l.clear(); var e = l.count(); l.populate([{key: "p", value: "1"}]); l.repopulate([{key: "r", value: "2"}]); var src = new sdk.PropertyList(sdk.Header, null, [{key: "r", value: "3"}, {key: "s", value: "4"}]); l.assimilate(src); return [e, J(l)];',
    'var l = new sdk.PropertyList(sdk.Header, null, [{key: "a", value: "1"}, {key: "b", value: "2"}]); var seen = []; l.each(function (h, i) { seen.push(h.key); }); return [seen, J(l.filter(function (h) { return h.key === "b"; })), J(l.find(function (h) { return h.value === "1"; })), l.reduce(function (acc, h) { return acc + h.value; }, ""), l.map("key")];',
    'return [sdk.PropertyList.isPropertyList(new sdk.PropertyList()), sdk.PropertyList.isPropertyList([])];'
  ],
  Request: [
    'var r = new sdk.Request({url: "https://h.com/p?q=1", method: "post", header: [{key: "A", value: "1"}], body: {mode: "raw", raw: "{\\"a\\":1}"}}); return [J(r), r.method, r.url.toString(), r.getHeaders(), r.body.toString()];',
    'var r = new sdk.Request("http://h/x"); return [J(r), r.method, r.url.toString()];',
    'var r = new sdk.Request({url: "http://h", header: [{key: "A", value: "1"}, {key: "a", value: "2"}, {key: "D", value: "3", disabled: true}]}); return [r.getHeaders(), r.getHeaders({ignoreCase: true}), r.getHeaders({enabled: true}), r.getHeaders({multiValue: true}), r.getHeaders({sanitizeKeys: true})];',
    'var r = new sdk.Request("http://h"); r.addHeader({key: "X", value: "1"}); r.upsertHeader({key: "x", value: "2"}); r.upsertHeader({key: "Y", value: "3"}); var a = r.getHeaders(); r.removeHeader("y"); r.removeHeader("X", {ignoreCase: true}); var seen = []; r.forEachHeader(function (h) { seen.push(h.key); }); return [a, r.getHeaders(), seen];',
    'var r = new sdk.Request("http://h/p"); r.addQueryParams("a=1&b=2"); r.removeQueryParams("a"); return r.url.toString();',
    'var r = new sdk.Request({url: "http://h", method: "GET", body: {mode: "urlencoded", urlencoded: [{key: "a", value: "1"}]}}); var c = r.clone(); c.method = "PUT"; return [J(c), r.method, r.size()];',
    'var r = new sdk.Request("http://h"); r.authorizeUsing("basic", {username: "u", password: "p"}); var a = J(r.auth); r.authorizeUsing({type: "bearer", bearer: [{key: "token", value: "t"}]}); return [a, J(r.auth), r.auth.type, r.auth.parameters().toObject()];',
    'var r = new sdk.Request({url: "http://h", body: {mode: "formdata", formdata: [{key: "f", value: "v"}, {key: "file", src: "/x", type: "file"}]}}); return [J(r.body), r.body.isEmpty(), r.size()];',
    'return [sdk.Request.isRequest(new sdk.Request("x")), sdk.Request.isRequest({})];',
    'var r = new sdk.Request("http://h"); r.update({url: "http://other/p", method: "delete", header: "A: 1\\nB: 2"}); return J(r);'
  ],
  RequestBody: [
    'var b = new sdk.RequestBody({mode: "raw", raw: "hello"}); return [J(b), b.toString(), b.isEmpty(), b.mode];',
    'var b = new sdk.RequestBody({mode: "urlencoded", urlencoded: [{key: "a", value: "1"}, {key: "b", value: "x y"}]}); return [J(b), b.toString(), b.isEmpty()];',
    'var b = new sdk.RequestBody({mode: "graphql", graphql: {query: "{a}", variables: "{}"}}); return [J(b), b.toString(), b.isEmpty()];',
    'var b = new sdk.RequestBody({mode: "file", file: {src: "/f"}}); var e = new sdk.RequestBody({mode: "raw", raw: ""}); var n = new sdk.RequestBody(); return [J(b), b.toString(), J(e), e.isEmpty(), J(n), n.isEmpty(), n.toString()];',
    'var b = new sdk.RequestBody({mode: "formdata", formdata: [{key: "a", value: "1"}]}); b.update({mode: "raw", raw: "r", options: {raw: {language: "json"}}}); return [J(b), b.toString()];'
  ],
  RequestAuth: [
    'var a = new sdk.RequestAuth({type: "basic", basic: [{key: "username", value: "u"}, {key: "password", value: "p"}]}); return [J(a), a.type, a.parameters().toObject()];',
    'var a = new sdk.RequestAuth({type: "bearer", bearer: {token: "t"}}); a.use("apikey", {key: "k", value: "v"}); var r1 = J(a); a.clear("apikey"); return [r1, J(a)];',
    'return [sdk.RequestAuth.isValidType("basic"), sdk.RequestAuth.isValidType("nope"), sdk.RequestAuth.isValidType("noauth"), sdk.RequestAuth.isValidType("oauth2")];',
    'var a = new sdk.RequestAuth({type: "noauth"}); a.update({key: "x", value: "y"}, "awsv4"); return J(a);'
  ],
  Response: [
    'var r = new sdk.Response({code: 200, status: "OK", header: [{key: "Content-Type", value: "application/json; charset=utf-8"}], body: "{\\"a\\":1}", responseTime: 5}); return [J(r), r.code, r.status, r.reason(), r.text(), r.json(), r.size(), r.contentInfo(), r.mime ? "mime" : "", r.encoding()];',
    'var r = new sdk.Response({code: 404, body: "nf"}); return [r.reason(), r.status, r.text(), J(r)];',
    'var r = new sdk.Response({code: 200, body: "cb({\\"x\\":2})"}); return [r.jsonp(), r.jsonp("cb")];',
    'var r = new sdk.Response({code: 200, body: "not json"}); try { r.json(); return "parsed"; } catch (e) { return [e.name, e.message]; }',
    'var r = new sdk.Response({code: 200, header: [{key: "Content-Type", value: "image/png"}], body: "abc"}); return [r.dataURI(), r.contentInfo(), r.mimeInfo ? 1 : 0];',
    'return [sdk.Response.isResponse(new sdk.Response()), sdk.Response.isResponse({})];',
    'var r = new sdk.Response({code: 201, header: "A: 1\\nContent-Length: 3", body: "abc"}); return [r.size(), J(r.headers), r.headers.get("a")];',
    'var r = new sdk.Response({code: 200, body: "x"}); var n = new sdk.Response({code: 404, status: "Gone Away"}); return [r.details(), n.details(), new sdk.Response({code: 299}).details()];',
    'return sdk.Response.timingPhases({start: 0, offset: {request: 1, socket: 2, lookup: 3, connect: 4, secureConnect: 5, response: 7, end: 9, done: 10}});'
  ],
  Cookie: [
    'var c = new sdk.Cookie({key: "a", value: "b", domain: "x.com", path: "/", httpOnly: true, secure: false, expires: "Thu, 01 Jan 2099 00:00:00 GMT"}); return [J(c), c.toString(), c.valueOf(), c.name];',
    'return [J(sdk.Cookie.parse("k=v; Path=/p; Domain=.d.com; HttpOnly; Secure; Max-Age=10; SameSite=Lax; Extra=1")), J(sdk.Cookie.parse("only")), sdk.Cookie.parse("")];',
    'return [sdk.Cookie.unparse([{key: "a", value: "1"}, {key: "b", value: "2"}]), sdk.Cookie.unparseSingle({key: "k", value: "v"}), sdk.Cookie.stringify({key: "s", value: "t", path: "/", domain: "x", httpOnly: true, secure: true, expires: new Date(0)}), sdk.Cookie.splitParam("a=b=c"), sdk.Cookie.splitParam(" x ")];',
    'return [sdk.Cookie.isCookie(new sdk.Cookie({key: "a"})), sdk.Cookie.isCookie({})];',
    'var c = new sdk.Cookie({key: "a", value: "b"}); c.update({key: "z", value: "y", hostOnly: true}); return J(c);'
  ],
  CookieList: ['var l = new sdk.CookieList(null, [{key: "a", value: "1"}, {key: "b", value: "2"}]); return [l.count(), l.get("a"), l.toObject(), sdk.CookieList.isCookieList(l), sdk.CookieList.isCookieList([]), J(l)];'],
  Description: [
    'var d = new sdk.Description({content: "# Hi", type: "text/markdown"}); var e = new sdk.Description("plain"); return [J(d), d.toString(), J(e), e.toString(), String(new sdk.Description())];',
    'var d = new sdk.Description("a"); d.update({content: "b", type: "text/html"}); d.update("c"); return [J(d), sdk.Description.isDescription(d), sdk.Description.isDescription({})];'
  ],
  Event: [
    'var e = new sdk.Event({listen: "test", script: {exec: ["a()", "b()"], type: "text/javascript"}}); return [J(e), e.listen, e.script.toSource()];',
    'var e = new sdk.Event({listen: "prerequest", script: "x = 1"}); e.update({script: {exec: "y = 2"}}); return [J(e), e.script.toSource()];'
  ],
  Script: [
    'var s = new sdk.Script({exec: ["line1", "line2"]}); return [J(s), s.toSource(), s.type, sdk.Script.isScript(s), sdk.Script.isScript({})];',
    'var s = new sdk.Script("one"); s.update({exec: "two\\nthree", src: "http://s"}); return [J(s), s.toSource()];',
    'var s = new sdk.Script(); return [J(s), s.toSource()];'
  ],
  Item: [
    'var i = new sdk.Item({name: "req", request: {url: "http://h/p", method: "POST"}, event: [{listen: "test", script: {exec: "t()"}}], response: [{code: 200, body: "x"}]}); return [J(i), i.name, i.request.url.toString(), i.getEvents("test").length, i.getEvents().length, sdk.Item.isItem(i), sdk.Item.isItem({})];',
    'var i = new sdk.Item({name: "a", request: "http://h", protocolProfileBehavior: {disableBodyPruning: true}}); i.setProtocolProfileBehavior("followRedirects", false); var p = i.getProtocolProfileBehavior(); i.unsetProtocolProfileBehavior("disableBodyPruning"); return [p, i.getProtocolProfileBehavior(), i.getProtocolProfileBehaviorResolved()];',
    'var c = new sdk.Collection({info: {name: "c"}, auth: {type: "basic", basic: [{key: "username", value: "u"}]}, item: [{name: "f", item: [{name: "r", request: "http://h"}]}]}); var r = c.oneDeep("r"); return [r.getPath(), J(r.getAuth()), r.name];',
    'var i = new sdk.Item({request: "http://h"}); i.authorizeRequestUsing("bearer", {token: "t"}); return J(i.request.auth);'
  ],
  ItemGroup: [
    'var g = new sdk.ItemGroup({name: "g", item: [{name: "a", request: "http://a"}, {name: "sub", item: [{name: "b", request: "http://b"}]}]}); var names = []; g.forEachItem(function (i) { names.push(i.name); }); var groups = []; g.forEachItemGroup(function (x) { groups.push(x.name); }); return [names, groups, g.oneDeep("b").name, g.items.count(), sdk.ItemGroup.isItemGroup(g), sdk.ItemGroup.isItemGroup(new sdk.Item()), J(g)];',
    'var g = new sdk.ItemGroup({name: "g", item: []}); g.authorizeRequestsUsing("basic", {username: "x"}); g.setProtocolProfileBehavior("a", 1); return [J(g.auth), g.getProtocolProfileBehavior(), g.getProtocolProfileBehaviorResolved()];'
  ],
  Collection: [
    'var c = new sdk.Collection({info: {name: "Col", description: "d", version: "1.0.0"}, variable: [{key: "v", value: "1"}], item: [{name: "r", request: "http://{{v}}"}]}); return [c.name, c.items.count(), c.variables.toObject(), J(c), sdk.Collection.isCollection(c), sdk.Collection.isCollection({})];',
    'var c = new sdk.Collection({info: {name: "C"}, variable: [{key: "a", value: "1"}]}); var r = c.syncVariablesFrom({a: "2", b: "3"}, true); return [r, c.syncVariablesTo(), c.variables.toObject()];',
    'var c = new sdk.Collection(); return [J(c), c.name];'
  ],
  MutationTracker: [
    'var m = new sdk.MutationTracker(); m.track("set", "a", 1); m.track("set", "a", 2); m.track("unset", "b"); var c1 = m.count(); m.compact(); return [c1, m.count(), J(m), sdk.MutationTracker.isMutationTracker(m), sdk.MutationTracker.isMutationTracker({})];',
    'var m = new sdk.MutationTracker({autoCompact: true}); m.track("set", "x", 1); m.track("set", "x", 2); var target = {set: function (k, v) { this[k] = v; }, unset: function (k) { delete this[k]; }}; m.applyOn(target); return [m.count(), J(m), target.x];'
  ],
  FormParam: ['var f = new sdk.FormParam({key: "a", value: "1"}); return [J(f), f.toString(), f.valueOf()];'],
  PropertyBase: [
    'var i = new sdk.Item({name: "x", request: "http://h"}); var g = new sdk.ItemGroup({name: "g"}); g.items.add(i); return [i.parent() === g, i.request.parent() === i, typeof i.forEachParent, i.findInParents("name"), J(i.meta())];',
    'return [sdk.PropertyBase.propertyIsMeta(1, "_a"), sdk.PropertyBase.propertyIsMeta(1, "a"), sdk.PropertyBase.propertyUnprefixMeta(1, "_a"), sdk.PropertyBase.toJSON({a: 1, _b: 2, c: new sdk.Header({key: "h"})})];'
  ],
  Certificate: ['var c = new sdk.Certificate({matches: ["https://a.com/*"], key: {src: "/k"}, cert: {src: "/c"}}); return [J(c), c.canApplyTo("https://a.com/x"), c.canApplyTo("https://b.com/")];'],
  ProxyConfig: ['var p = new sdk.ProxyConfig({host: "proxy", port: 8080, match: "http+https://*/*"}); return [J(p), p.getProxyUrl(), p.test("http://x.com/"), p.getProtocols()];'],
  Version: ['var v = new sdk.Version("1.2.3-beta.1+b"); return [J(v), v.toString(), v.major, v.prerelease];']
};

// Members the SDK keeps only to say they were discontinued: each throws with its message.
const DISCONTINUED = {
  Url: 'new sdk.Url("http://h").getRaw()',
  VariableScope: 'new sdk.VariableScope().variables()',
  RequestAuth: 'new sdk.RequestAuth({type: "basic"}).current()',
  Response: 'sdk.Response.mimeInfo("text/html")'
};
const DISCONTINUED_NAMES = { Url: 'Url.getRaw', VariableScope: 'VariableScope.variables', RequestAuth: 'RequestAuth.current',
  Response: 'Response.mimeInfo' };
for (const name of Object.keys(DISCONTINUED)) {
  S[name].push('try { ' + DISCONTINUED[name] + '; return "no error"; } catch (e) { return [e.name, e.message]; }');
}

// The name of each class's checks, in the order of its scenarios (a class without names is one check).
const NAMES = {
  Url: ['Url(string)', 'Url(string without protocol)', 'Url(object)', 'Url with {{variables}}', 'Url(empty)', 'Url.addQueryParams/removeQueryParams', 'Url.update', 'Url.isUrl', 'Url.parse', 'Url encoding'],
  Header: ['Header()', 'Header.parse/parseSingle', 'Header.unparse/unparseSingle', 'Header.isHeader/create', 'Header.update'],
  QueryParam: ['QueryParam()', 'QueryParam.parse/parseSingle', 'QueryParam.unparse/unparseSingle', 'QueryParam.update'],
  Variable: ['Variable(number)', 'Variable types', 'Variable.set/valueType', 'Variable(empty)', 'Variable.isVariable', 'Variable(secret, unknown type)', 'Variable.update'],
  VariableScope: ['VariableScope()', 'VariableScope.set/unset', 'VariableScope.replaceIn', 'VariableScope.clear', 'VariableScope mutations', 'VariableScope.syncVariablesFrom/To', 'VariableScope.addLayer', 'VariableScope.isVariableScope/toJSON', 'VariableScope.set/unset results'],
  VariableList: ['VariableList.replace/substitute', 'VariableList.syncFromObject/syncToObject', 'VariableList.isVariableList'],
  PropertyList: ['PropertyList lookups', 'PropertyList insertion', 'PropertyList.upsert/remove', 'PropertyList.clear/populate/assimilate', 'PropertyList iteration', 'PropertyList.isPropertyList'],
  Request: ['Request(object)', 'Request(string)', 'Request.getHeaders', 'Request header changes', 'Request.addQueryParams/removeQueryParams', 'Request.clone/size', 'Request.authorizeUsing', 'Request formdata body', 'Request.isRequest', 'Request.update'],
  RequestBody: ['RequestBody(raw)', 'RequestBody(urlencoded)', 'RequestBody(graphql)', 'RequestBody(file, empty)', 'RequestBody.update'],
  RequestAuth: ['RequestAuth()', 'RequestAuth.use/clear', 'RequestAuth.isValidType', 'RequestAuth.update'],
  Response: ['Response()', 'Response(404)', 'Response.jsonp', 'Response.json error', 'Response.dataURI', 'Response.isResponse', 'Response.size', 'Response.details', 'Response.timingPhases'],
  Cookie: ['Cookie()', 'Cookie.parse', 'Cookie.unparse/stringify/splitParam', 'Cookie.isCookie', 'Cookie.update'],
  Description: ['Description()', 'Description.update'],
  Event: ['Event()', 'Event.update'],
  Script: ['Script()', 'Script.update', 'Script(empty)'],
  Item: ['Item()', 'Item protocolProfileBehavior', 'Item.getPath/getAuth', 'Item.authorizeRequestUsing'],
  ItemGroup: ['ItemGroup iteration', 'ItemGroup.authorizeRequestsUsing'],
  Collection: ['Collection()', 'Collection.syncVariablesFrom/To', 'Collection(empty)'],
  MutationTracker: ['MutationTracker.track/compact', 'MutationTracker autoCompact'],
  PropertyBase: ['PropertyBase parents', 'PropertyBase statics']
};

module.exports = {
  pkg: 'postman-collection',
  root: "require('postman-collection')",
  gen: function () {
    const out = [];
    for (const name of Object.keys(S)) {
      S[name].forEach(function (body, i) {
        const names = NAMES[name] || [];
        const check = i < names.length ? names[i] : (i === S[name].length - 1 && DISCONTINUED_NAMES[name]) || name;
        scenario(out, check, PRE + body);
      });
    }
    return done(out);
  }
};
