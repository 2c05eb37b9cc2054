// postie prelude: the `pm` object, `pm.test`, `console`, the legacy globals Newman enables,
// virtual timers, `require`, and the entry points the Rust side calls (begin, tick, describe,
// finish). Evaluated once per run; `begin` installs a fresh state for every script.
(function (P) {
  'use strict';

  const G = globalThis;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  let S = null;
  P.state = function () { return S; };

  // Inputs are parsed on first use: most scripts touch only a few of them (parsing all of them
  // cost more than the rest of a small script's fixed overhead).
  function part(key) {
    const parts = S.parts;
    if (parts[key] === undefined) parts[key] = parse(S.partsJson[key]);
    return parts[key];
  }
  function info() {
    if (!S.info) {
      const i = part('info');
      S.info = Object.assign({}, i, { requestId: i.requestId === null ? undefined : i.requestId });
    }
    return S.info;
  }
  function scope(key) {
    return S.scopes[key] || (S.scopes[key] = new Map(parse(S.varsJson[key])));
  }
  P.scope = scope;
  P.touch = function (key) { S.dirty[key] = true; };

  function unsupported(what) {
    return function () { throw new Error(what + ' is not supported by postie yet'); };
  }

  // ---- pm.test -------------------------------------------------------------------------------
  function errorRecord(err) {
    if (err instanceof Error || (err && typeof err === 'object' && 'message' in err)) {
      return { name: String(err.name || 'Error'), message: String(err.message) };
    }
    return { name: 'Error', message: String(err) };
  }

  function record(name, skipped, error) {
    const entry = { name: String(name), skipped: skipped, error: error ? errorRecord(error) : null };
    S.assertions.push(entry);
    return entry;
  }

  function test(name, fn) {
    if (typeof fn !== 'function') {
      record(name, true, null);
      return;
    }
    const run = S;
    if (fn.length > 0) {
      // Callback style: the result is recorded when done(err) is called.
      let finished = false;
      const finish = function (err) {
        if (finished) return;
        finished = true;
        run.pending.delete(finish);
        if (run === S) record(name, false, err === undefined || err === null ? null : err);
      };
      finish.testName = name;
      if (!run.pending) run.pending = new Set();
      run.pending.add(finish);
      try {
        fn(finish);
      } catch (err) {
        finish(err);
      }
      return;
    }
    const entry = record(name, false, null);
    let result;
    try {
      result = fn();
    } catch (err) {
      entry.error = errorRecord(err);
      return;
    }
    if (result && typeof result.then === 'function') {
      entry.unsettled = true;
      run.unsettled++;
      const settle = function (err) {
        if (!entry.unsettled) return;
        entry.unsettled = false;
        run.unsettled--;
        if (err !== undefined) entry.error = errorRecord(err);
      };
      try {
        result.then(function () { settle(undefined); }, function (err) {
          settle(err === undefined ? new Error('the test promise was rejected') : err);
        });
      } catch (err) {
        settle(err);
      }
    }
  }
  test.skip = function (name) { record(name, true, null); };
  test.index = function () { return S.assertions.length; };

  // ---- console -------------------------------------------------------------------------------
  function logger(level) {
    return function () { S.console.push({ level: level, text: P.format(Array.prototype.slice.call(arguments)) }); };
  }
  const consoleObject = {
    log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'),
    debug: logger('log'), trace: logger('log'), dir: logger('log'), clear: function () {},
  };

  // ---- setNextRequest, skipRequest -------------------------------------------------------------
  function setNextRequest(target) {
    S.next = { value: target === null || target === undefined ? null : String(target) };
  }

  const execution = {
    setNextRequest: setNextRequest,
    get skipRequest() {
      if (part('info').eventName !== 'prerequest') return undefined;
      return function () { S.skip = true; };
    },
    runRequest: unsupported('pm.execution.runRequest'),
    get location() {
      if (!S.location) {
        const i = part('info');
        S.location = (i.location || []).slice();
        Object.defineProperty(S.location, 'current', { value: i.locationCurrent, enumerable: false });
      }
      return S.location;
    },
  };

  // ---- pm ------------------------------------------------------------------------------------
  const pm = {
    environment: P.scopes.environment,
    globals: P.scopes.globals,
    collectionVariables: P.scopes.collectionVariables,
    iterationData: P.scopes.iterationData,
    variables: P.scopes.variables,
    test: test,
    expect: P.expect,
    execution: execution,
    get info() { return info(); },
    get request() {
      if (!S.request) S.request = new P.Request(part('request'));
      return S.request;
    },
    get response() {
      if (!part('response')) return undefined;
      if (!S.response) {
        S.response = new P.Response(part('response'), S.body);
        // pm.response.cookies is pm.cookies, built when first asked for.
        Object.defineProperty(S.response, '_cookieSource', {
          value: function () { return pm.cookies; }, enumerable: false,
        });
      }
      return S.response;
    },
    get cookies() {
      if (!S.cookies) {
        const r = part('response');
        S.cookies = P.cookieList(part('cookies') || [], r ? new P.HeaderList(r.headers) : null);
      }
      return S.cookies;
    },
    sendRequest: function (req, callback) { return P.sendRequest(req, callback); },
    require: unsupported('pm.require'),
    get vault() { throw new Error('pm.vault is not supported by postie yet'); },
    visualizer: { set: function () {}, clear: function () {} },
  };

  // ---- require and the library modules (src/script/lib, loaded on first use) ------------------
  // Module name -> library id (a file in src/script/lib). Anything else is a clear error.
  const MODULES = {
    lodash: 'lodash', 'crypto-js': 'crypto-js', moment: 'moment', uuid: 'uuid', chai: 'chai', ajv: 'ajv', tv4: 'tv4',
    xml2js: 'xml2js', 'csv-parse/lib/sync': 'csv-parse', cheerio: 'cheerio', url: 'url', querystring: 'querystring',
    util: 'util', buffer: 'buffer', path: 'path', events: 'events', assert: 'assert', punycode: 'punycode',
  };
  const loaded = Object.create(null);
  function lib(id) {
    if (!(id in loaded)) loaded[id] = P.native.loadLib(id)(P, lib);
    return loaded[id];
  }
  P.lib = lib;
  const builtins = {
    atob: function () { return G.atob; },
    btoa: function () { return G.btoa; },
    json: function () { return { parse: JSON.parse, stringify: JSON.stringify }; },
    timers: function () {
      const out = {};
      for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
        out[name] = function () { return G[name].apply(G, arguments); };
      }
      return out;
    },
  };
  function requireModule(name) {
    const key = String(name).replace(/^node:/, '');
    if (hasOwn(builtins, key)) return builtins[key]();
    if (!hasOwn(MODULES, key)) throw new Error("require('" + key + "'): module \"" + key + '" is not available in postie');
    return lib(MODULES[key]);
  }
  function hasOwn(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // ---- virtual timers ------------------------------------------------------------------------
  function addTimer(fn, ms, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('the timer callback must be a function');
    const delay = Math.max(0, Number(ms) || 0);
    const timer = { id: ++S.timerSeq, at: S.now + delay, delay: delay, fn: fn, args: args, repeat: repeat, seq: S.timerSeq };
    S.timers.push(timer);
    return timer.id;
  }
  function clearTimer(id) {
    S.timers = S.timers.filter(function (t) { return t.id !== id; });
  }
  const timerGlobals = {
    setTimeout: function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); },
    setInterval: function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); },
    setImmediate: function (fn) { return addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), false); },
    clearTimeout: clearTimer, clearInterval: clearTimer, clearImmediate: clearTimer,
  };

  // ---- legacy (Postman v1) API ---------------------------------------------------------------
  function deprecated(name, alternative) {
    if (!S.warned) S.warned = new Set();
    if (S.warned.has(name)) return;
    S.warned.add(name);
    S.console.push({ level: 'warn', text: 'Using "' + name + '" is deprecated. Use "' + alternative + '" instead.' });
  }

  // The legacy setters store strings (anything truthy, or false, with a toString), and keep the
  // legacy `environment`/`globals` objects in step when the script has read them.
  function legacyScopeMethods(label, scope, prefix, legacyKey) {
    const out = {};
    out['set' + label + 'Variable'] = function (key, value) {
      deprecated('postman.set' + label + 'Variable', prefix + '.set()');
      if ((value === false || value) && typeof (value && value.toString) === 'function') value = value.toString();
      if (S.legacy[legacyKey]) S.legacy[legacyKey][key] = value;
      scope.set(key, value);
    };
    out['get' + label + 'Variable'] = function (key) { deprecated('postman.get' + label + 'Variable', prefix + '.get()'); return scope.get(key); };
    out['clear' + label + 'Variable'] = function (key) {
      deprecated('postman.clear' + label + 'Variable', prefix + '.unset()');
      if (S.legacy[legacyKey] && key) delete S.legacy[legacyKey][key];
      scope.unset(key);
    };
    out['clear' + label + 'Variables'] = function () {
      deprecated('postman.clear' + label + 'Variables', prefix + '.clear()');
      if (S.legacy[legacyKey]) for (const k of Object.keys(S.legacy[legacyKey])) delete S.legacy[legacyKey][k];
      scope.clear();
    };
    return out;
  }

  // `data` of the legacy `request`: raw text, or an object of urlencoded/formdata fields
  // (repeated keys become arrays), else {}.
  function legacyRequestData(body) {
    if (!body || body.isEmpty()) return {};
    if (body.mode === 'raw') return body.raw;
    const list = body.mode === 'urlencoded' ? body.urlencoded : body.mode === 'formdata' ? body.formdata : null;
    if (!list) return {};
    const out = {};
    list.each(function (p) {
      if (p.disabled) return;
      if (Object.prototype.hasOwnProperty.call(out, p.key)) {
        out[p.key] = Array.isArray(out[p.key]) ? out[p.key].concat([p.value]) : [out[p.key], p.value];
      } else {
        out[p.key] = p.value;
      }
    });
    return out;
  }

  const postman = Object.assign(
    {
      setNextRequest: function (target) { deprecated('postman.setNextRequest', 'pm.execution.setNextRequest()'); setNextRequest(target); },
      getResponseHeader: function (name) {
        deprecated('postman.getResponseHeader', 'pm.response.headers.get()');
        const r = pm.response;
        return r ? r.headers.get(name) : undefined;
      },
      getResponseCookie: function (name) {
        deprecated('postman.getResponseCookie', 'pm.cookies.get()');
        return pm.cookies.one(String(name));
      },
    },
    legacyScopeMethods('Environment', P.scopes.environment, 'pm.environment', 'environment'),
    legacyScopeMethods('Global', P.scopes.globals, 'pm.globals', 'globals'));

  const LEGACY = {
    tests: ['pm.test()', function () { return S.tests; }],
    globals: ['pm.globals', function () { return S.legacy.globals || (S.legacy.globals = P.scopeToObject(scope('globals'))); }],
    environment: ['pm.environment', function () { return S.legacy.environment || (S.legacy.environment = P.scopeToObject(scope('environment'))); }],
    data: ['pm.iterationData', function () { return S.legacy.data || (S.legacy.data = P.scopeToObject(scope('data'))); }],
    iteration: ['pm.info.iteration', function () { return info().iteration; }],
    request: ['pm.request', function () {
      if (!S.legacy.request) {
        const r = part('request');
        const headers = {};
        for (const h of r.headers) headers[h[0]] = h[1];
        const definition = r.bodyDefinition || (r.body === null || r.body === undefined ? null : r.body);
        const body = definition === null ? null : new P.RequestBody(definition);
        S.legacy.request = { id: r.id === null ? undefined : r.id, name: r.name, description: undefined, headers: headers,
          method: r.method, url: r.url, data: legacyRequestData(body) };
      }
      return S.legacy.request;
    }],
    responseBody: ['pm.response.text()', function () { return part('response') ? S.body : undefined; }],
    responseCode: ['pm.response.code', function () {
      const r = part('response');
      return r ? { code: r.code, name: r.status, detail: r.status } : undefined;
    }],
    responseHeaders: ['pm.response.headers', function () {
      const r = part('response');
      if (!r) return undefined;
      const out = {};
      for (const h of r.headers) out[h[0]] = h[1];
      return out;
    }],
    responseTime: ['pm.response.responseTime', function () { return part('response') ? part('response').time : undefined; }],
    responseCookies: ['pm.cookies', function () { return pm.cookies.all(); }],
  };
  for (const name of Object.keys(LEGACY)) {
    const [alternative, read] = LEGACY[name];
    Object.defineProperty(G, name, {
      get: function () { deprecated(name, alternative); return read(); },
      set: function (value) { if (name === 'tests') S.tests = value; },
      enumerable: false, configurable: false,
    });
  }
  // Library globals (no deprecation warning: postman-sandbox reverted those, GH-1086).
  for (const [name, load] of [
    ['_', function () { return lib('lodash'); }],
    ['CryptoJS', function () { return lib('crypto-js'); }],
    ['tv4', function () { return lib('tv4'); }],
    ['xml2Json', function () { return lib('xml2json'); }],
    ['cheerio', function () { return lib('cheerio'); }],
    ['Backbone', function () { throw new Error('Backbone is not available in postie'); }]]) {
    Object.defineProperty(G, name, {
      get: load,
      set: function () {},
      enumerable: false, configurable: false,
    });
  }
  Object.defineProperty(G, 'Buffer', {
    get: function () { return lib('buffer').Buffer; },
    set: function () {},
    enumerable: false, configurable: false,
  });
  // chai-postman's jsonSchema assertion, over the shared JSON-schema validator.
  P.defineAssertion.method('jsonSchema', function (schema, options) {
    return lib('schema').assertion(this, schema, options);
  });
  // Newman gives scripts liquid-json as `JSON`: a leading BOM is ignored and a parse failure is a
  // `JSONError` (worded like `pm.response.json()`'s).
  const nativeParse = JSON.parse;
  let explaining = false;
  Object.defineProperty(JSON, 'parse', {
    value: function parse(text, reviver) {
      const source = typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      try {
        return nativeParse(source, reviver);
      } catch (e) {
        if (explaining || !(e instanceof SyntaxError)) throw e;
        explaining = true;
        try {
          P.parseJson(String(source));
        } finally {
          explaining = false;
        }
        throw e;
      }
    },
    writable: true, configurable: true, enumerable: false,
  });
  // Sugar.js prototype extensions (`'abc'.has('b')`, `[].none()`, ...) that Newman installs.
  lib('sugar');

  // ---- entry points for Rust -----------------------------------------------------------------
  function describe(err) {
    try {
      const info = errorRecord(err);
      let stack = '';
      try {
        stack = err && typeof err === 'object' && err.stack ? String(err.stack) : '';
      } catch (e) {
        stack = '';
      }
      return stringify({ name: info.name, message: info.message, stack: stack });
    } catch (e) {
      return stringify({ name: 'Error', message: 'the script threw a value that cannot be described', stack: '' });
    }
  }

  function begin(info, request, response, cookies, local, data, environment, collection, globals, body) {
    S = {
      partsJson: { info: info, request: request, response: response, cookies: cookies },
      parts: {}, info: null, body: body,
      varsJson: { local: local, data: data, environment: environment, collection: collection, globals: globals },
      scopes: {}, dirty: {},
      assertions: [], console: [], pending: null, unsettled: 0, next: null, skip: false,
      tests: {}, legacy: {}, warned: null, timers: [], timerSeq: 0, now: 0, asyncError: null,
      request: null, response: null, cookies: null, location: null,
    };
    G.pm = pm;
    G.postman = postman;
    G.console = consoleObject;
    G.require = requireModule;
    G.setTimeout = timerGlobals.setTimeout;
    G.setInterval = timerGlobals.setInterval;
    G.setImmediate = timerGlobals.setImmediate;
    G.clearTimeout = clearTimer;
    G.clearInterval = clearTimer;
    G.clearImmediate = clearTimer;
  }

  // Fire the earliest timer; false when none is left.
  function tick() {
    if (!S.timers.length) return false;
    let next = S.timers[0];
    for (const t of S.timers) if (t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
    S.now = next.at;
    if (next.repeat) {
      next.at = S.now + Math.max(1, next.delay);
      next.seq = ++S.timerSeq;
    } else {
      clearTimer(next.id);
    }
    try {
      next.fn.apply(G, next.args);
    } catch (err) {
      if (!S.asyncError) S.asyncError = parse(describe(err));
    }
    return true;
  }

  function safeVars(map) {
    const out = [];
    map.forEach(function (value, key) {
      let shown = value;
      try {
        if (stringify(value) === undefined) shown = null;
      } catch (e) {
        shown = String(value);
      }
      out.push([key, shown === undefined ? null : shown]);
    });
    return out;
  }

  const SCOPE_KEYS = ['local', 'data', 'environment', 'collection', 'globals'];

  // The script's results as JSON for the Rust side; empty parts are left out (plain loops and a
  // small object: this runs after every script).
  function finish() {
    if (S.pending) {
      for (const done of Array.from(S.pending)) {
        done(new Error("pm.test '" + done.testName + "' never called done()"));
      }
    }
    const assertions = S.assertions;
    if (S.unsettled > 0) {
      for (let i = 0; i < assertions.length; i++) {
        const entry = assertions[i];
        if (entry.unsettled) {
          entry.error = { name: 'Error', message: "the promise returned by pm.test '" + entry.name + "' never settled" };
        }
      }
    }
    for (let i = 0; i < assertions.length; i++) {
      if ('unsettled' in assertions[i]) delete assertions[i].unsettled;
    }
    const tests = S.tests;
    if (tests && typeof tests === 'object') {
      for (const name of Object.keys(tests)) {
        const passed = Boolean(tests[name]);
        assertions.push({ name: name, skipped: false,
          error: passed ? null : { name: 'AssertionError', message: 'expected ' + P.display(tests[name]) + ' to be truthy' } });
      }
    }
    const out = {};
    // Only scopes the script wrote to go back; a missing one means "unchanged".
    let vars = null;
    for (let i = 0; i < SCOPE_KEYS.length; i++) {
      const key = SCOPE_KEYS[i];
      if (!S.dirty[key]) continue;
      // JSON turns undefined into null. Newman keeps an undefined local variable, which
      // substitutes as an empty text; the other scopes really do become null in Newman.
      const pairs = Array.from(S.scopes[key]);
      if (key === 'local') pairs.forEach(function (p) { if (p[1] === undefined) p[1] = ''; });
      (vars || (vars = {}))[key] = pairs;
    }
    if (vars) out.vars = vars;
    if (assertions.length) out.assertions = assertions;
    if (S.console.length) out.console = S.console;
    if (S.next) out.next = S.next;
    if (S.skip) out.skip = true;
    if (S.request && part('info').eventName === 'prerequest') {
      try {
        const changes = S.request._changes();
        if (changes) out.requestChanges = changes;
      } catch (err) {
        if (!S.asyncError) S.asyncError = parse(describe(err));
      }
    }
    if (S.asyncError) out.asyncError = S.asyncError;
    S = null;
    try {
      return stringify(out);
    } catch (e) {
      // A value JSON cannot hold (BigInt, a cycle): fall back to one value at a time.
      for (const key of Object.keys(vars || {})) vars[key] = safeVars(new Map(vars[key]));
      return stringify(out);
    }
  }

  P.begin = begin;
  P.tick = tick;
  P.describe = describe;
  P.finish = finish;
})(globalThis.__postie_internal);
