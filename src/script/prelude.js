// postie prelude: the `pm` object, `pm.test`, `console`, the legacy globals Newman enables,
// virtual timers, `require`, and the entry points the Rust side calls (begin, tick, describe,
// finish). Evaluated once per run; `begin` installs a fresh state for every script.
(function (P) {
  'use strict';

  const G = globalThis;
  // The sandbox's JSON is a plain object (no `JSON` tag): `[object Object]`.
  delete JSON[Symbol.toStringTag];
  // Nor is its global object tagged (QuickJS tags it `global`).
  delete G[Symbol.toStringTag];
  // Nor has it AggregateError.
  delete globalThis.AggregateError;
  // Nor what Node 20 lacks: JSON.rawJSON/isRawJSON and the iterator helpers (an iterator's
  // prototype chain then ends in a bare object, as chai's messages show: `{}`).
  delete JSON.rawJSON;
  delete JSON.isRawJSON;
  (function () {
    const iteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    for (const key of Object.getOwnPropertyNames(iteratorProto)) delete iteratorProto[key];
    delete iteratorProto[Symbol.toStringTag];
    delete globalThis.Iterator;
  })();
  // Math as Node 20 has it: its members in V8's order, without f16round and sumPrecise (a new
  // object holding the same functions and constants: the engine's constants cannot move).
  (function () {
    const order = ('abs acos acosh asin asinh atan atanh atan2 ceil cbrt expm1 clz32 cos cosh exp floor fround hypot ' +
      'imul log log1p log2 log10 max min pow random round sign sin sinh sqrt tan tanh trunc E LN10 LN2 LOG10E LOG2E PI ' +
      'SQRT1_2 SQRT2').split(' ');
    const math = {};
    for (const key of order) {
      const d = Object.getOwnPropertyDescriptor(Math, key);
      if (d) Object.defineProperty(math, key, d);
    }
    Object.defineProperty(math, Symbol.toStringTag, { value: 'Math', configurable: true });
    Object.defineProperty(globalThis, 'Math', { value: math, writable: true, enumerable: false, configurable: true });
  })();
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
  // The response body's text: given, or (a large body) a native function making it on the
  // first read, `source(false)` the text and `source(true)` its raw bytes as code points.
  function bodyText() {
    if (typeof S.body === 'function') S.body = S.body(false);
    return S.body;
  }
  // pm.response's data; a large body's raw bytes (for `stream`) are made when first read.
  function responsePart() {
    const data = part('response');
    const source = S.bodySource;
    if (data && typeof source === 'function' && !S.rawDefined) {
      S.rawDefined = true;
      let raw;
      let made = false;
      Object.defineProperty(data, 'raw', {
        get: function () {
          if (!made) { raw = source(true); made = true; }
          return raw;
        },
        configurable: true, enumerable: true,
      });
    }
    return data;
  }
  function info() {
    if (!S.info) {
      const i = part('info');
      // The sandbox's info object lists no keys (Object.keys(pm.info) is empty).
      S.info = {};
      for (const key of ['eventName', 'iteration', 'iterationCount', 'requestName', 'requestId']) {
        Object.defineProperty(S.info, key, { value: (key === 'requestId' || key === 'requestName') && i[key] === null ? undefined : i[key], enumerable: false });
      }
    }
    return S.info;
  }
  function scope(key) {
    return S.scopes[key] || (S.scopes[key] = P.varListFromWire(parse(S.varsJson[key])));
  }
  P.scope = scope;
  P.part = part;
  P.touch = function (key) { S.dirty[key] = true; };

  // ---- pm.test -------------------------------------------------------------------------------
  // QuickJS messages for the common runtime errors, in V8's words (which Newman shows).
  const V8_WORDING = [
    [/^cannot read property '(.*)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')"],
    [/^cannot set property '(.*)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')"],
    [/^invalid array length$/, 'Invalid array length'],
    [/^Date value is NaN$/, 'Invalid time value'],
    [/^empty array$/, 'Reduce of empty array with no initial value'],
    [/^cannot convert symbol to string$/, 'Cannot convert a Symbol value to a string'],
    [/^unexpected token in expression: '(.*)'$/, "Unexpected token '$1'"],
  ];
  function v8Message(message) {
    for (let i = 0; i < V8_WORDING.length; i++) {
      if (V8_WORDING[i][0].test(message)) return message.replace(V8_WORDING[i][0], V8_WORDING[i][1]);
    }
    return message;
  }
  P.v8Message = v8Message;

  // V8 names the callee in "x is not a function"; QuickJS does not. Read it from the script's
  // source at the error's position: the dotted name around it, when a call follows.
  const WRAP_HEAD_LENGTH = '(function(){'.length;
  function calleeName(err) {
    let stack;
    try {
      stack = String(err.stack || '');
    } catch (e) {
      return null;
    }
    const first = /^\s*at [^\n]*?\(([^():]+):(\d+):(\d+)\)/m.exec(stack);
    if (!first || first[1] !== 'postie-script' || !S || typeof S.source !== 'string') return null;
    const lineNo = Number(first[2]);
    const text = S.source.split('\n')[lineNo - 1];
    if (text === undefined) return null;
    const at = Number(first[3]) - 1 - (lineNo === 1 ? WRAP_HEAD_LENGTH : 0);
    const part = /[\w$.]/;
    let start = at;
    while (start > 0 && part.test(text[start - 1])) start--;
    let end = at;
    while (end < text.length && part.test(text[end])) end++;
    const name = text.slice(start, end);
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) return null;
    const rest = text.slice(end).replace(/^\s+/, '');
    return rest.charAt(0) === '(' || rest.charAt(0) === '`' ? name : null;
  }
  function errorMessage(err) {
    const message = v8Message(String(err.message));
    if (err instanceof TypeError && (message === 'not a function' || message === 'not a constructor')) {
      const name = calleeName(err);
      if (name) return name + ' is ' + message;
    }
    return message;
  }

  // A failed pm.test: what was thrown, as Newman records it (an object keeps its name and
  // message, AssertionError by default; anything else is an AssertionError named after the test).
  const REWORDED = { TypeError: true, RangeError: true, SyntaxError: true };
  function errorRecord(err, testName) {
    if (err !== null && typeof err === 'object') {
      const fallback = testName === undefined ? 'Error' : 'AssertionError';
      const record = { name: String(err.name || fallback), message: errorMessage(err) };
      // The Rust side rewords engine messages the V8 way, some from the position in the stack.
      if (err instanceof Error && REWORDED[record.name]) record.stack = String(err.stack || '');
      return record;
    }
    if (testName !== undefined) return { name: 'AssertionError', message: String(testName) };
    return { name: 'Error', message: String(err) };
  }

  // What Newman reports for a failed assertion: the error's own `name` and `message` when it has
  // them (any object), else `AssertionError` and the test's name (a thrown string, number, null).
  function assertionError(err, testName) {
    const has = function (key) {
      return err !== null && err !== undefined && typeof err !== 'string' && typeof err !== 'number' &&
        typeof err !== 'boolean' && err[key] !== undefined;
    };
    const record = {
      name: has('name') ? String(err.name) : 'AssertionError',
      message: has('message') ? v8Message(err.message) : testName,
    };
    // A thrown primitive: Newman's error for it is made with no message (its stack shows none).
    if (err === null || err === undefined || (typeof err !== 'object' && typeof err !== 'function')) {
      record.primitive = true;
    }
    return record;
  }

  // Newman's sandbox sends a failed test's error to the runner as JSON: an error that holds a
  // BigInt (chai's `actual`/`expected` of `expect(5n)...`) cannot be sent, and pm.test throws
  // the serializer's TypeError into the script instead of recording the test.
  function unsendable(err) {
    const seen = new Set();
    const walk = function (value, depth) {
      if (typeof value === 'bigint') return true;
      if (value === null || typeof value !== 'object' || seen.has(value) || depth > 64) return false;
      seen.add(value);
      let keys;
      try {
        keys = Object.keys(value);
      } catch (e) {
        return false;
      }
      for (let i = 0; i < keys.length; i++) {
        let v;
        try {
          v = value[keys[i]];
        } catch (e) {
          continue;
        }
        if (walk(v, depth + 1)) return true;
      }
      return false;
    };
    return walk(err, 0);
  }
  function sendable(err) {
    if (unsendable(err)) throw new TypeError('Do not know how to serialize a BigInt');
    return err;
  }

  // One assertion as the sandbox reports it: its index is taken when the test starts, the record
  // is added when it completes (so a nested test is listed before the one around it).
  function startAssertion(name, skipped) {
    return { name: String(name), skipped: skipped, error: null, index: S.assertionSeq++ };
  }
  function complete(run, entry) {
    run.assertions.push({ name: entry.name, skipped: entry.skipped, error: entry.error, index: entry.index });
  }

  // postman-sandbox's pm.test: a test without a function passes; a function with a parameter is
  // async and is recorded each time its callback is called (unless it already failed); a
  // returned promise is not awaited. Returns pm (chainable). The function's `this` is an object
  // holding only `require`, as in Newman's sandbox.
  function test(name, fn) {
    const run = S;
    const entry = startAssertion(name, false);
    if (typeof fn !== 'function') {
      complete(run, entry);
      return pm;
    }
    if (fn.length > 0) {
      const done = function (err) {
        if (entry.error) return;
        if (err) entry.error = assertionError(sendable(err), entry.name);
        if (run === S) complete(run, entry);
      };
      try {
        fn.call({ require: requireModule }, done);
      } catch (err) {
        entry.error = assertionError(sendable(err), entry.name);
        complete(run, entry);
      }
      return pm;
    }
    try {
      fn.call({ require: requireModule });
    } catch (err) {
      entry.error = assertionError(sendable(err), entry.name);
    }
    complete(run, entry);
    return pm;
  }
  test.skip = function (name) {
    complete(S, startAssertion(name, true));
    return pm;
  };
  test.index = function () { return S.assertionSeq; };

  // ---- console -------------------------------------------------------------------------------
  // A message keeps how many assertions had completed before it, so reports interleave them.
  function pushConsole(level, text) {
    S.console.push({ level: level, text: text, after: S.assertions.length });
  }
  // How far the script has got (assertions completed, console lines written): the host places
  // a `pm.sendRequest` that lands now between them.
  P.progress = function () { return S ? [S.assertions.length, S.console.length] : [0, 0]; };
  function logger(level) {
    return function () { pushConsole(level, P.consoleText(Array.prototype.slice.call(arguments))); };
  }
  // Newman's sandbox console has these six methods only; `clear` prints its arguments like
  // `log` (an empty block without any).
  const consoleObject = {
    log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'),
    debug: logger('log'), clear: logger('log'),
  };

  // ---- setNextRequest, skipRequest -------------------------------------------------------------
  // The sandbox hands its result to the runner as JSON: a target JSON leaves out (undefined, a
  // function) unsets the script's choice, one it writes as null (null, NaN, Infinity) ends the run.
  function setNextRequest(target) {
    if (target === undefined || typeof target === 'function' || typeof target === 'symbol') {
      S.next = undefined;
      return;
    }
    const ends = target === null || (typeof target === 'number' && !isFinite(target));
    S.next = { value: ends ? null : String(target) };
  }

  // Newman ends the script at `skipRequest()`: what it did before counts, nothing after it does
  // (the statements still run, but their effects, console output and timers are dropped).
  function skipRequest() {
    if (S.eventName !== 'prerequest') {
      throw new TypeError('pm.execution.skipRequest is not a function');
    }
    if (S.frozen) return;
    S.skip = true;
    const scopes = {};
    const changeCount = S.changes.length;
    const changes = {};
    for (const key of Object.keys(S.dirty)) {
      scopes[key] = S.scopes[key].copy();
      changes[key] = P.mutations(key).length;
    }
    S.frozen = {
      dirty: Object.assign({}, S.dirty), scopes: scopes, changes: changes, changeCount: changeCount, next: S.next,
      console: S.console.length, assertions: S.assertions.length,
    };
    S.timers = null;
  }
  // Put the state back as it was when `skipRequest()` was called.
  function thaw() {
    const f = S.frozen;
    S.dirty = f.dirty;
    for (const key of Object.keys(f.scopes)) S.scopes[key] = f.scopes[key];
    for (const key of Object.keys(S.mutations || {})) P.mutations(key).length = f.changes[key] || 0;
    S.changes.length = f.changeCount;
    S.next = f.next;
    S.console.length = f.console;
    S.assertions.length = f.assertions;
    S.tests = {};
    S.asyncError = null;
  }

  const execution = {
    setNextRequest: setNextRequest,
    skipRequest: skipRequest,
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
  // Newman builds a new pm for every script: read-only data members, only `test` listed, and
  // `response` in test scripts only (and no `vault`: Newman 6.2 has none). What a script added to it (or put in place of `pm.test`)
  // is gone in the next one. The members that cost something to build (info, request, response,
  // cookies) are made on first use: until then they are accessors, which the proxy around pm
  // turns into the data members they stand for as soon as a script looks at their descriptor,
  // redefines or deletes them.
  const pmValues = {
    environment: P.scopes.environment,
    globals: P.scopes.globals,
    collectionVariables: P.scopes.collectionVariables,
    iterationData: P.scopes.iterationData,
    variables: P.scopes.variables,
    execution: execution,
    sendRequest: function (req, callback) { return P.sendRequest(req, callback, pm); },
    // Newman 6.2's sandbox checks the arguments and keeps nothing a report shows.
    visualizer: {
      set: function (template, data, options) {
        if (typeof template !== 'string') {
          throw new Error('Invalid template. Template must be of type string, found ' + typeof template);
        }
        if (data && typeof data !== 'object') throw new Error('Invalid data. Data must be an object, found ' + typeof data);
        if (options && typeof options !== 'object') {
          throw new Error('Invalid options. Options must be an object, found ' + typeof options);
        }
      },
      clear: function () {},
    },
  };
  const pmLazy = {
    info: info,
    request: function () {
      if (!S.request) {
        S.request = new P.ScriptRequest(part('request'));
      }
      return S.request;
    },
    response: function () {
      if (!S.response) {
        S.response = new P.ScriptResponse(responsePart(), typeof S.body === 'function' ? bodyText : S.body);
        // Newman 6.2's pm.response.cookies is always empty (its runtime's cookie callback never
        // fills it); pm.cookies has the jar's cookies.
        P.setCookieSource(S.response, P.emptyCookies);
      }
      return S.response;
    },
    cookies: function () {
      if (!S.cookies) {
        const r = part('response');
        S.cookies = P.cookieList(part('cookies') || [], r ? new P.HeaderList(r.headers) : null);
      }
      return S.cookies;
    },
  };
  const PM_ORDER = ['environment', 'globals', 'collectionVariables', 'iterationData', 'variables', 'test',
    'execution', 'info', 'request', 'response', 'cookies', 'sendRequest', 'visualizer'];
  const hasOwnKey = Object.prototype.hasOwnProperty;
  // A script's pm is reused by the next script of the same event while no script changed it:
  // building one costs more than a typical script. Every trap below that can change pm (or
  // settle a lazy member) drops the built ones, so the next script gets a fresh pm, as in Newman.
  let pmBuilt = Object.create(null);
  // Make a lazy member of `target` the read-only data member it stands for.
  function settle(target, key) {
    pmBuilt = Object.create(null);
    if (!hasOwnKey.call(pmLazy, key)) return;
    const d = Object.getOwnPropertyDescriptor(target, key);
    if (d && d.get && d.configurable) {
      const value = d.get.call(target);
      Object.defineProperty(target, key, { value: value, writable: false, enumerable: false, configurable: false });
    }
  }
  const pmTraps = {
    getOwnPropertyDescriptor: function (target, key) {
      settle(target, key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    defineProperty: function (target, key, desc) {
      settle(target, key);
      return Reflect.defineProperty(target, key, desc);
    },
    deleteProperty: function (target, key) {
      settle(target, key);
      return Reflect.deleteProperty(target, key);
    },
    set: function (target, key, value, receiver) {
      settle(target, key);
      return Reflect.set(target, key, value, receiver);
    },
    preventExtensions: function (target) {
      pmBuilt = Object.create(null);
      return Reflect.preventExtensions(target);
    },
    setPrototypeOf: function (target, proto) {
      pmBuilt = Object.create(null);
      return Reflect.setPrototypeOf(target, proto);
    },
  };
  // pm is a `Postman`, whose prototype holds `expect` (as in the sandbox).
  function Postman() {}
  Object.defineProperty(Postman.prototype, 'expect', { value: P.expect, writable: true, enumerable: false, configurable: true });
  let pm = null;
  function freshPm(eventName) {
    const built = pmBuilt[eventName];
    if (built) {
      pm = built;
      return;
    }
    const target = Object.create(Postman.prototype);
    for (const key of PM_ORDER) {
      if (key === 'test') {
        target.test = test;
      } else if (hasOwnKey.call(pmLazy, key)) {
        if (key === 'response' && eventName !== 'test') continue;
        // The member reads the running script's own value (kept in its state) until a trap
        // settles it.
        Object.defineProperty(target, key, { get: pmLazy[key], enumerable: false, configurable: true });
      } else {
        Object.defineProperty(target, key, { value: pmValues[key], writable: false, enumerable: false, configurable: false });
      }
    }
    pm = new Proxy(target, pmTraps);
    pmBuilt[eventName] = pm;
  }

  // ---- require and the library modules (src/script/lib, loaded on first use) ------------------
  // Module name -> library id (a file in src/script/lib). Anything else is a clear error.
  const MODULES = {
    lodash: 'lodash', 'crypto-js': 'crypto-js', moment: 'moment', uuid: 'uuid', chai: 'chai', ajv: 'ajv', tv4: 'tv4',
    xml2js: 'xml2js', 'csv-parse/lib/sync': 'csv-parse', cheerio: 'cheerio', url: 'url', querystring: 'querystring',
    util: 'util', buffer: 'buffer', path: 'path', events: 'events', assert: 'assert', punycode: 'punycode',
    string_decoder: 'string_decoder', stream: 'stream', timers: 'timers', 'postman-collection': 'postman-collection', backbone: 'backbone',
  };
  const loaded = Object.create(null);
  function lib(id) {
    if (!(id in loaded)) loaded[id] = P.native.loadLib(id)(P, lib);
    return loaded[id];
  }
  P.lib = lib;
  const builtins = {
    atob: function () { return function atob(str) { return legacyAtob(str); }; },
    btoa: function () { return function btoa(str) { return legacyBtoa(str); }; },
    json: function () { return { parse: JSON.parse, stringify: JSON.stringify }; },
    fs: function () { return {}; },
    os: function () { return {}; },
  };
  // Newman's require: a name it does not bundle is "Cannot find module"; a non-string name
  // (a number) gives undefined.
  function requireModule(name) {
    if (typeof name === 'number') return undefined;
    const key = String(name);
    if (hasOwn(builtins, key)) return builtins[key]();
    if (!hasOwn(MODULES, key)) {
      const err = new Error("Cannot find module '" + key + "'");
      err.code = 'MODULE_NOT_FOUND';
      throw err;
    }
    return lib(MODULES[key]);
  }
  function hasOwn(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // ---- virtual timers ------------------------------------------------------------------------
  // Timers wait real time, as Newman's do (a timeout is at least 1 ms, so immediates run
  // first). Newman's sandbox timers call back without the extra arguments and accept anything as
  // the callback (a non-function never fires).
  function elapsed() { return Date.now() - S.start; }
  function addTimer(fn, ms, repeat, immediate) {
    const id = ++S.timerSeq;
    if (typeof fn !== 'function' || S.frozen) return id;
    const delay = immediate ? 0 : Math.max(1, Number(ms) || 0);
    timers().push({ id: id, at: elapsed() + delay, delay: delay, fn: fn, repeat: repeat, seq: id, immediate: immediate });
    return id;
  }
  function clearTimer(id) {
    if (S.timers) S.timers.cancel(id);
  }
  // The script's timer queue, made when it sets its first timer.
  function timers() {
    return S.timers || (S.timers = new P.TimerQueue());
  }
  const timerGlobals = {
    setTimeout: function (fn, ms) { return addTimer(fn, ms, false, false); },
    setInterval: function (fn, ms) { return addTimer(fn, ms, true, false); },
    setImmediate: function (fn) { return addTimer(fn, 0, false, true); },
    clearTimeout: clearTimer, clearInterval: clearTimer, clearImmediate: clearTimer,
  };

  // ---- legacy (Postman v1) API ---------------------------------------------------------------
  // Newman wraps every legacy global that is an object or a function in a Proxy that prints
  // `Using "name" is deprecated...` (once per script) when a property is read or written or the
  // function is called, until the synchronous part of the script ends; reading any property of
  // `postman` warns about `postman.setNextRequest`. Strings and numbers (responseBody,
  // responseTime, iteration) never warn.
  const LEGACY_ALTERNATIVES = {
    tests: 'pm.test()', globals: 'pm.globals', environment: 'pm.environment', data: 'pm.iterationData',
    request: 'pm.request', responseCookies: 'pm.cookies', responseHeaders: 'pm.response.headers',
    responseTime: 'pm.response.responseTime', responseCode: 'pm.response.code',
    responseBody: 'pm.response.text()', iteration: 'pm.info.iteration', _: "require('lodash')",
    CryptoJS: "require('crypto-js')", atob: "require('atob')", btoa: "require('btoa')", tv4: "require('ajv')",
    xml2Json: "require('xml2js')", Backbone: "require('backbone')", cheerio: "require('cheerio')",
    'postman.setNextRequest': 'pm.execution.setNextRequest()',
  };
  function deprecated(name) {
    if (S.legacyDone) return;
    if (!S.warned) S.warned = new Set();
    if (S.warned.has(name)) return;
    S.warned.add(name);
    pushConsole('warn', P.consoleText(['Using "' + name + '" is deprecated. Use "' + LEGACY_ALTERNATIVES[name] + '" instead.']));
  }
  function legacyWrap(name, target) {
    if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return target;
    const cache = S.legacyProxies || (S.legacyProxies = new Map());
    const known = cache.get(name);
    if (known && known.target === target) return known.proxy;
    const warnAs = name === 'postman' ? 'postman.setNextRequest' : name;
    const proxy = new Proxy(target, {
      get: function (t, prop) { deprecated(warnAs); return t[prop]; },
      set: function (t, prop, value) { deprecated(name); t[prop] = value; return true; },
      apply: function (t, self, args) { deprecated(name); return t.apply(self, args); },
    });
    cache.set(name, { target: target, proxy: proxy });
    return proxy;
  }

  // The legacy setters store strings (anything truthy, or false, with a toString), and keep the
  // legacy `environment`/`globals` objects in step when the script has read them.
  function legacyScopeMethods(label, scope, legacyKey) {
    const out = {};
    out['set' + label + 'Variable'] = function (key, value) {
      if ((value === false || value) && typeof (value && value.toString) === 'function') value = value.toString();
      if (S.legacy[legacyKey]) S.legacy[legacyKey][key] = value;
      scope.set(key, value);
    };
    out['get' + label + 'Variable'] = function (key) { return scope.get(key); };
    out['clear' + label + 'Variable'] = function (key) {
      if (S.legacy[legacyKey] && key) delete S.legacy[legacyKey][key];
      scope.unset(key);
    };
    out['clear' + label + 'Variables'] = function () {
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

  // The legacy `postman` object: its methods on the prototype, its own (listed) members the
  // scopes it works on, as the sandbox's Postman object has them.
  function postmanWith(methods) {
    const out = Object.create(methods);
    out.__environment = P.scopes.environment;
    out.__globals = P.scopes.globals;
    out.__execution = {};
    return out;
  }
  const postmanMethods = Object.assign(
    { setNextRequest: function (target) { setNextRequest(target); } },
    legacyScopeMethods('Environment', P.scopes.environment, 'environment'),
    legacyScopeMethods('Global', P.scopes.globals, 'globals'));
  const postmanBase = postmanWith(postmanMethods);
  // Test scripts also get the response helpers.
  const postmanTest = postmanWith(Object.assign({}, postmanMethods, {
    getResponseHeader: function (name) {
      const r = pm.response;
      return r ? r.headers.get(name) : undefined;
    },
    getResponseCookie: function (name) {
      return pm.cookies.one(String(name));
    },
  }));
  function postmanObject() {
    return S.eventName === 'test' ? postmanTest : postmanBase;
  }

  const LEGACY = {
    tests: function () { return S.tests; },
    globals: function () { return S.legacy.globals || (S.legacy.globals = P.scopeToObject(scope('globals'))); },
    environment: function () { return S.legacy.environment || (S.legacy.environment = P.scopeToObject(scope('environment'))); },
    // The iteration's data as the script started (changes through pm.iterationData do not show).
    data: function () { return S.legacy.data || (S.legacy.data = P.scopeToObject(P.varListFromWire(parse(S.varsJson.data)))); },
    iteration: function () { return info().iteration; },
    request: function () {
      if (!S.legacy.request) {
        const r = part('request');
        // Newman's legacy request headers have lower-case names; a repeated name lists its values.
        const headers = {};
        for (const h of r.headers) {
          const k = String(h[0]).toLowerCase();
          if (!Object.prototype.hasOwnProperty.call(headers, k)) headers[k] = h[1];
          else headers[k] = [].concat(headers[k], h[1]);
        }
        const definition = r.bodyDefinition || (r.body === null || r.body === undefined ? null : r.body);
        const body = definition === null ? null : new P.RequestBody(definition);
        // The description as text (the SDK's toString: '' when empty), undefined without one.
        const description = r.description ? String(r.description.content || '') : undefined;
        S.legacy.request = { id: r.id === null ? undefined : r.id, name: r.name, description: description, headers: headers,
          method: r.method, url: r.url, data: legacyRequestData(body) };
      }
      return S.legacy.request;
    },
    responseBody: function () { return part('response') ? bodyText() : undefined; },
    responseCode: function () {
      if (!S.legacy.responseCode) {
        // The response's details(); after a request error an object with no code.
        S.legacy.responseCode = pm.response ? pm.response.details() : undefined;
      }
      return S.legacy.responseCode;
    },
    responseHeaders: function () {
      const r = part('response');
      if (!r) return undefined;
      if (!S.legacy.responseHeaders) {
        const out = {};
        for (const h of r.headers) out[h[0]] = h[1];
        S.legacy.responseHeaders = out;
      }
      return S.legacy.responseHeaders;
    },
    responseTime: function () { return part('response') ? part('response').time : undefined; },
    // The response's cookie list (not an array), as pm.cookies.
    responseCookies: function () { return part('response') ? pm.cookies : undefined; },
    postman: postmanObject,
    _: function () { return lib('lodash3'); },
    CryptoJS: function () { return lib('crypto-js'); },
    atob: function () { return legacyAtob; },
    btoa: function () { return legacyBtoa; },
    tv4: function () { return lib('tv4'); },
    xml2Json: function () { return lib('xml2json'); },
    cheerio: function () { return lib('cheerio'); },
    Backbone: function () { return lib('backbone'); },
  };
  // The npm `atob`/`btoa` Newman gives scripts: Buffer's lenient base64, one byte per character.
  function legacyAtob(str) {
    if (typeof str !== 'string' && (str === null || typeof str !== 'object')) {
      throw new TypeError('The first argument must be one of type string, Buffer, ArrayBuffer, Array, or ' +
        'Array-like Object. Received type ' + (str === null ? 'object' : typeof str));
    }
    return lib('buffer').Buffer.from(str, 'base64').toString('binary');
  }
  function legacyBtoa(str) {
    if (str === null || str === undefined) {
      throw new TypeError('Cannot read properties of ' + str + " (reading 'toString')");
    }
    const B = lib('buffer').Buffer;
    const buffer = B.isBuffer(str) ? str : B.from(str.toString(), 'binary');
    return buffer.toString('base64');
  }
  // A script may assign a legacy name (`request = JSON.parse(...)`): the name then holds that
  // value, without warnings, until the script ends (the next script gets the legacy value back).
  for (const name of Object.keys(LEGACY)) {
    const read = LEGACY[name];
    Object.defineProperty(G, name, {
      get: function () {
        if (S && S.legacyOwn && Object.prototype.hasOwnProperty.call(S.legacyOwn, name)) return S.legacyOwn[name];
        if (!S || S.noLegacy) return undefined;
        return legacyWrap(name, read());
      },
      set: function (value) {
        if (!S) return;
        if (name === 'tests') S.tests = value;
        else (S.legacyOwn || (S.legacyOwn = {}))[name] = value;
      },
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
  // `JSONError` (worded like `pm.response.json()`'s); its parse and stringify are enumerable.
  // ... and its stringify reports failures as a `JSONError` in V8's words.
  const nativeStringify = JSON.stringify;
  function ctorName(obj) {
    try {
      const c = obj.constructor;
      return typeof c === 'function' && c.name ? c.name : 'Object';
    } catch (e) {
      return 'Object';
    }
  }
  function circularMessage(root) {
    const stack = [];
    const steps = [];
    const label = function (key, isArray) { return isArray ? 'index ' + key : "property '" + key + "'"; };
    let found = null;
    const visit = function (value) {
      if (found || value === null || typeof value !== 'object') return;
      const at = stack.indexOf(value);
      if (at !== -1) {
        found = { start: at, path: steps.slice(at) };
        return;
      }
      stack.push(value);
      const isArray = Array.isArray(value);
      for (const key of Object.keys(value)) {
        let v = value[key];
        if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(key);
        steps.push({ label: label(key, isArray), value: v });
        visit(v);
        if (found) return;
        steps.pop();
      }
      stack.pop();
    };
    visit(root);
    if (!found) return 'Converting circular structure to JSON';
    const lines = ['Converting circular structure to JSON',
      "    --> starting at object with constructor '" + ctorName(stack[found.start]) + "'"];
    for (let i = 0; i < found.path.length - 1; i++) {
      lines.push('    |     ' + found.path[i].label + " -> object with constructor '" + ctorName(found.path[i].value) + "'");
    }
    lines.push('    --- ' + found.path[found.path.length - 1].label + ' closes the circle');
    return lines.join('\n');
  }
  Object.defineProperty(JSON, 'stringify', {
    value: function stringify(value, replacer, space) {
      try {
        return nativeStringify(value, replacer, space);
      } catch (e) {
        const text = String(e && e.message);
        let message = text;
        if (/circular/i.test(text)) message = circularMessage(value);
        else if (/BigInt/.test(text)) message = 'Do not know how to serialize a BigInt';
        const err = new Error(message);
        err.name = 'JSONError';
        throw err;
      }
    },
    writable: true, configurable: true, enumerable: true,
  });
  const nativeParse = JSON.parse;
  let explaining = false;
  Object.defineProperty(JSON, 'parse', {
    value: function parse(text, reviver) {
      // ("use sandbox2" scripts have the engine's own JSON, whose errors V8 words)
      if (S && S.noLegacy) {
        try {
          return nativeParse(text, reviver);
        } catch (e) {
          const v8 = e instanceof SyntaxError ? lib('v8-json-error')(text) : null;
          if (v8 === null) throw e;
          throw new SyntaxError(v8);
        }
      }
      const source = P.stripBom(text);
      try {
        return nativeParse(source, reviver);
      } catch (e) {
        if (explaining || !(e instanceof SyntaxError)) throw e;
        if (typeof source !== 'string') {
          const err = new Error('"' + String(source) + '" is not valid JSON');
          err.name = 'JSONError';
          throw err;
        }
        explaining = true;
        try {
          P.parseJson(source);
        } finally {
          explaining = false;
        }
        throw e;
      }
    },
    writable: true, configurable: true, enumerable: true,
  });
  // Sugar.js prototype extensions (`'abc'.has('b')`, `[].none()`, ...) that Newman installs.
  lib('sugar');
  // Newman's sandbox gives errors a toJSON (for its bridge): scripts see it in JSON.stringify
  // and in console output. Assigned, as Newman does, so it is enumerable.
  Error.prototype.toJSON = function () {
    return { type: 'Error', name: this.name, message: this.message };
  };
  // Globals QuickJS has and Newman's sandbox does not.
  for (const [owner, name] of [[G, 'queueMicrotask'], [G, 'WeakRef'], [G, 'FinalizationRegistry'],
    [G, 'performance'], [Object, 'groupBy'], [Map, 'groupBy']]) {
    try {
      delete owner[name];
    } catch (e) { /* not configurable: keep it */ }
  }

  // ---- entry points for Rust -----------------------------------------------------------------
  function describe(err) {
    try {
      // A thrown string or number is a failure without a name or a message under Newman;
      // `throw null` / `throw undefined` end the script without one.
      if (err === null || err === undefined) return stringify({ name: '', message: '', nothing: true });
      const info = typeof err === 'object' || typeof err === 'function' ? errorRecord(err) : { name: '', message: '' };
      // A thrown object that is no Error has only the name and message it gives itself.
      if (typeof err === 'object' && Object.prototype.toString.call(err) !== '[object Error]') {
        if (err.name === undefined) info.name = '';
        if (err.message === undefined) info.message = '';
      }
      let stack = '';
      try {
        stack = err && typeof err === 'object' && err.stack ? String(err.stack) : '';
      } catch (e) {
        stack = '';
      }
      const chai = typeof P.AssertionError === 'function' && err instanceof P.AssertionError;
      return stringify({ name: info.name, message: info.message, stack: stack, chai: chai });
    } catch (e) {
      return stringify({ name: 'Error', message: 'the script threw a value that cannot be described', stack: '' });
    }
  }

  // The scopes as the Rust side last handed them over (JSON texts): `begin` gets only the ones
  // that changed since (the others are `undefined`), so this copy lasts from script to script.
  const wire = { local: '[]', data: '[]', environment: '[]', collection: '[]', globals: '[]' };

  // The fields of a script's state that start out empty, read through the state's prototype
  // until the script sets them (fewer properties to create for every script). Only values that
  // cannot be changed in place belong here.
  // (Not frozen: a read-only property on the prototype would make assigning the field throw.)
  const STATE_DEFAULTS = {
    legacyDone: false, legacyProxies: null, info: null, rawDefined: false, assertionSeq: 0, next: null, skip: false,
    frozen: null, warned: null, timers: null, timerSeq: 0, asyncError: null, request: null, response: null,
    cookies: null, location: null,
  };

  function begin(eventName, info, request, response, cookies, local, data, environment, collection, globals, body, legacy,
    source) {
    if (local !== undefined) wire.local = local;
    if (data !== undefined) wire.data = data;
    if (environment !== undefined) wire.environment = environment;
    if (collection !== undefined) wire.collection = collection;
    if (globals !== undefined) wire.globals = globals;
    S = {
      __proto__: STATE_DEFAULTS,
      source: source, eventName: eventName, noLegacy: legacy === false,
      partsJson: { info: info, request: request, response: response, cookies: cookies },
      parts: {}, body: body, bodySource: body, varsJson: wire,
      scopes: {}, dirty: {}, changes: [], assertions: [], console: [], tests: {}, legacy: {}, start: Date.now(),
    };
    freshPm(eventName);
    G.pm = pm;
    G.console = consoleObject;
    G.require = requireModule;
    G.setTimeout = timerGlobals.setTimeout;
    G.setInterval = timerGlobals.setInterval;
    G.setImmediate = timerGlobals.setImmediate;
    G.clearTimeout = clearTimer;
    G.clearInterval = clearTimer;
    G.clearImmediate = clearTimer;
  }

  // Fire the earliest timer if it is due: 0 when one fired, else the milliseconds to wait for
  // the next one, or -1 when none is left.
  function tick() {
    if (!S.timers) return -1;
    const now = elapsed();
    const next = S.timers.peek(now);
    if (next === undefined) return -1;
    const wait = next.at - now;
    if (wait > 0) return wait;
    S.timers.take(now, next.repeat);
    if (next.repeat) {
      next.at = elapsed() + Math.max(1, next.delay);
      next.seq = ++S.timerSeq;
      S.timers.requeue(next);
    }
    try {
      next.fn.call(G);
    } catch (err) {
      // Newman reports nothing for an error thrown inside a timer callback, except with
      // `--bail folder` (the sandbox keeps it only then).
      if (!S.asyncError) S.asyncError = parse(describe(err));
    }
    return 0;
  }

  // The synchronous part of the script is over (promise jobs and timers have not run): Newman
  // records the legacy `tests` now and stops printing deprecation warnings. True when timers or
  // host calls (`pm.sendRequest`, the cookie jar) are pending: the script has gone asynchronous.
  function synced() {
    recordLegacyTests();
    return Boolean(S && ((S.timers && S.timers.size > 0) || (S.outbox && S.outbox.length > 0)));
  }

  function recordLegacyTests() {
    if (!S || S.legacyDone) return;
    S.legacyDone = true;
    if (S.noLegacy) return;
    const tests = S.tests;
    if (!tests || typeof tests !== 'object') return;
    const keys = Object.keys(tests);
    for (let i = 0; i < keys.length; i++) {
      const value = tests[keys[i]];
      const passed = Boolean(value);
      let shown;
      try {
        shown = String(value);
      } catch (e) {
        shown = '';
      }
      S.assertions.push({ name: keys[i], skipped: false, index: S.assertionSeq++,
        error: passed ? null : { name: 'AssertionError', message: 'expected ' + shown + ' to be truthy' } });
    }
  }

  // A change (`[op, scope, name, value]`, or `["p", scope, entry]` with a local entry
  // `[name, value]` / `{k, v, …}`) JSON can hold: a name or value JSON cannot hold (BigInt, a
  // cycle, nesting too deep for the stack) is sent as its text.
  function safeChange(change) {
    if (change[0] === 'p') return [change[0], change[1], safeItem(change[2])];
    return change.map(safePart);
  }

  function safeItem(item) {
    try {
      stringify(item);
      return item;
    } catch (e) {
      if (Array.isArray(item)) return item.map(safePart);
      return Object.assign({}, item, { k: safePart(item.k), v: safePart(item.v) });
    }
  }

  function safePart(value) {
    try {
      stringify(value);
      return value;
    } catch (e) {
      return textOf(value);
    }
  }

  // `String(value)`; what `Object.prototype.toString` says of it when that throws (arrays nested
  // too deep to join, objects without a `toString`).
  function textOf(value) {
    try {
      return String(value);
    } catch (e) {
      try {
        return Object.prototype.toString.call(value);
      } catch (e2) {
        return '';
      }
    }
  }

  // The script's results as JSON for the Rust side; empty parts are left out (plain loops and a
  // small object: this runs after every script).
  function finish() {
    if (S.frozen) thaw();
    const assertions = S.assertions;
    synced();
    const out = {};
    // What the script did to the variables, in order (see `P.recordChange`).
    if (S.changes.length) out.vars = S.changes;
    if (assertions.length) out.assertions = assertions;
    if (S.console.length) out.console = S.console;
    if (S.next) out.next = S.next;
    if (S.skip) out.skip = true;
    if (S.request && S.eventName === 'prerequest') {
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
      // A value JSON cannot hold (BigInt, a cycle, nesting too deep): fall back to one value at
      // a time; a request change JSON cannot hold is left out.
      if (out.vars) out.vars = out.vars.map(safeChange);
      const changes = out.requestChanges;
      for (const key of Object.keys(changes || {})) {
        try {
          stringify(changes[key]);
        } catch (e2) {
          delete changes[key];
        }
      }
      return stringify(out);
    }
  }

  // Promise rejections without a handler (the engine reports each, and again when a handler
  // comes later): the first one still unhandled when the script has settled fails it.
  P.rejection = function (promise, reason, handled) {
    if (!S) return;
    const open = S.rejections || (S.rejections = new Map());
    if (handled) open.delete(promise);
    else open.set(promise, reason);
  };
  P.unhandledRejection = function () {
    if (!S || !S.rejections || !S.rejections.size) return undefined;
    return S.rejections.values().next().value;
  };
  P.begin = begin;
  P.tick = tick;
  P.synced = synced;
  P.describe = describe;
  P.finish = finish;
})(globalThis.__postie_internal);
