// postie library: `require('backbone')` and the legacy `Backbone` global, as backbone 1.6.0
// behaves in Newman's sandbox (with underscore, and no DOM: `Backbone.$` is jQuery's factory,
// which throws without a window; views and `history.start()` fail as they do there). Events,
// Model, Collection (with its underscore methods), Router, History, sync and extend.
(function (P) {
  'use strict';

  // ---- the few underscore helpers Backbone leans on ------------------------------------------
  const hasOwn = function (o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); };
  const isFunction = function (v) { return typeof v === 'function'; };
  const isObject = function (v) { return typeof v === 'function' || (typeof v === 'object' && !!v); };
  const isString = function (v) { return typeof v === 'string'; };
  const ownKeys = function (o) { return isObject(o) ? Object.keys(o) : []; };
  function allKeys(o) {
    if (!isObject(o)) return [];
    const out = [];
    for (const k in o) out.push(k);
    return out;
  }
  function assign(target) {
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      for (const k of allKeys(src)) target[k] = src[k];
    }
    return target;
  }
  function fillDefaults(target) {
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      for (const k of allKeys(src)) if (target[k] === undefined) target[k] = src[k];
    }
    return target;
  }
  function shallow(v) {
    if (!isObject(v)) return v;
    return Array.isArray(v) ? v.slice() : assign({}, v);
  }
  function isEmpty(v) {
    if (v == null) return true;
    if (Array.isArray(v) || typeof v === 'string' || Object.prototype.toString.call(v) === '[object Arguments]') return v.length === 0;
    return ownKeys(v).length === 0;
  }
  const equal = function (a, b) { return P.lib('lodash').isEqual(a, b); };
  let idCounter = 0;
  const uniqueId = function (prefix) { const id = String(++idCounter); return prefix ? prefix + id : id; };
  function result(obj, prop) {
    if (obj == null) return undefined;
    const v = obj[prop];
    return isFunction(v) ? v.call(obj) : v;
  }
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;' };
  function escapeHtml(v) {
    return (v == null ? '' : String(v)).replace(/[&<>"'`]/g, function (c) { return ESCAPES[c]; });
  }
  function once(fn) {
    let ran = false;
    let memo;
    return function () {
      if (!ran) { ran = true; memo = fn.apply(this, arguments); }
      return memo;
    };
  }
  // underscore's isMatch: every own key of `attrs` is in `obj` with the identical value.
  function matcherOf(attrs) {
    const spec = assign({}, attrs);
    const keys = ownKeys(spec);
    return function (obj) {
      if (obj == null) return !keys.length;
      const o = Object(obj);
      return keys.every(function (k) { return spec[k] === o[k] && k in o; });
    };
  }
  function propertyOf(path) {
    const parts = Array.isArray(path) ? path : [path];
    return function (obj) {
      let v = obj;
      for (const p of parts) { if (v == null) return undefined; v = v[p]; }
      return v;
    };
  }
  // underscore's own iteratee: identity, a bound function, a matcher or a property reader.
  function iter(value, context) {
    if (value == null) return function (x) { return x; };
    if (isFunction(value)) return context === undefined ? value : function (a, b, c) { return value.call(context, a, b, c); };
    if (isObject(value) && !Array.isArray(value)) return matcherOf(value);
    return propertyOf(value);
  }
  function flattenShallow(lists) {
    const out = [];
    for (const l of lists) {
      if (Array.isArray(l) || Object.prototype.toString.call(l) === '[object Arguments]') out.push.apply(out, l);
    }
    return out;
  }
  function indexFinder(dir) {
    return function (list, item, from) {
      let start = 0;
      let length = list ? list.length : 0;
      if (typeof from === 'number') {
        if (dir > 0) start = from >= 0 ? from : Math.max(from + length, 0);
        else length = from >= 0 ? Math.min(from + 1, length) : from + length + 1;
      } else if (dir > 0 && from && length) {
        let lo = 0;
        let hi = length;
        while (lo < hi) { const mid = Math.floor((lo + hi) / 2); if (list[mid] < item) lo = mid + 1; else hi = mid; }
        return list[lo] === item ? lo : -1;
      }
      if (item !== item) {
        for (let i = dir > 0 ? start : length - 1; dir > 0 ? i < length : i >= 0; i += dir) if (list[i] !== list[i]) return i;
        return -1;
      }
      for (let i = dir > 0 ? start : length - 1; dir > 0 ? i < length : i >= 0; i += dir) if (list[i] === item) return i;
      return -1;
    };
  }
  function reducer(dir) {
    return function (list, fn, memo, context) {
      const seeded = arguments.length >= 3;
      const f = context === undefined ? fn : function (a, b, c, d) { return fn.call(context, a, b, c, d); };
      let i = dir > 0 ? 0 : list.length - 1;
      if (!seeded) { memo = list[i]; i += dir; }
      for (; i >= 0 && i < list.length; i += dir) memo = f(memo, list[i], i, list);
      return memo;
    };
  }
  function shuffled(list) {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      const t = out[i]; out[i] = out[j]; out[j] = t;
    }
    return out;
  }
  function extremum(sign) {
    return function (list, fn, context) {
      let best = sign * -Infinity;
      let bestScore = best;
      if (fn == null || (typeof fn === 'number' && typeof list[0] !== 'object' && list != null)) {
        for (const v of list) if (v != null && (sign > 0 ? v > best : v < best)) best = v;
        return best;
      }
      const f = iter(fn, context);
      list.forEach(function (v, i) {
        const score = f(v, i, list);
        if ((sign > 0 ? score > bestScore : score < bestScore) || (score === sign * -Infinity && best === sign * -Infinity)) {
          best = v;
          bestScore = score;
        }
      });
      return best;
    };
  }
  function grouper(put, partition) {
    return function (list, fn, context) {
      const out = partition ? [[], []] : {};
      const f = iter(fn, context);
      list.forEach(function (v, i) { put(out, v, f(v, i, list)); });
      return out;
    };
  }
  function firstOf(list, n, guard) {
    if (list == null || list.length < 1) return n == null || guard ? undefined : [];
    if (n == null || guard) return list[0];
    return initialOf(list, list.length - n);
  }
  function initialOf(list, n, guard) { return list.slice(0, Math.max(0, list.length - (n == null || guard ? 1 : n))); }
  function restOf(list, n, guard) { return list.slice(n == null || guard ? 1 : n); }
  function lastOf(list, n, guard) {
    if (list == null || list.length < 1) return n == null || guard ? undefined : [];
    if (n == null || guard) return list[list.length - 1];
    return restOf(list, Math.max(0, list.length - n));
  }
  function differenceOf(list) {
    const drop = flattenShallow(Array.prototype.slice.call(arguments, 1));
    return list.filter(function (v) { return drop.indexOf(v) < 0 && !(v !== v && drop.some(function (d) { return d !== d; })); });
  }
  function pickOf(obj, keys, negate) {
    const out = {};
    if (obj == null) return out;
    if (isFunction(keys[0])) {
      const pred = keys[0];
      for (const k of allKeys(obj)) if (!pred(obj[k], k, obj) === !!negate) out[k] = obj[k];
      return out;
    }
    const names = flattenShallow([keys]).reduce(function (acc, k) { return acc.concat(Array.isArray(k) ? k : [k]); }, []).map(String);
    if (negate) {
      for (const k of allKeys(obj)) if (names.indexOf(k) < 0) out[k] = obj[k];
    } else {
      const o = Object(obj);
      for (const k of names) if (k in o) out[k] = o[k];
    }
    return out;
  }
  const U = {
    forEach: function (l, f, ctx) { const fn = iter(f, ctx); for (let i = 0; i < l.length; i++) fn(l[i], i, l); return l; },
    map: function (l, f, ctx) { const fn = iter(f, ctx); return l.map(function (v, i) { return fn(v, i, l); }); },
    reduce: reducer(1),
    reduceRight: reducer(-1),
    find: function (l, f, ctx) { const i = U.findIndex(l, f, ctx); return i < 0 ? undefined : l[i]; },
    filter: function (l, f, ctx) { const fn = iter(f, ctx); return l.filter(function (v, i) { return fn(v, i, l); }); },
    reject: function (l, f, ctx) { const fn = iter(f, ctx); return l.filter(function (v, i) { return !fn(v, i, l); }); },
    every: function (l, f, ctx) { const fn = iter(f, ctx); return l.every(function (v, i) { return fn(v, i, l); }); },
    some: function (l, f, ctx) { const fn = iter(f, ctx); return l.some(function (v, i) { return fn(v, i, l); }); },
    contains: function (l, item, from, guard) {
      return indexFinder(1)(l, item, typeof from !== 'number' || guard ? 0 : from) >= 0;
    },
    invoke: function (l, path) {
      const args = Array.prototype.slice.call(arguments, 2);
      let ctxPath = null;
      let name = path;
      if (!isFunction(path)) {
        const parts = Array.isArray(path) ? path : [path];
        ctxPath = parts.slice(0, -1);
        name = parts[parts.length - 1];
      }
      return l.map(function (obj) {
        let target = obj;
        let method = isFunction(path) ? path : null;
        if (!method) {
          if (ctxPath.length) target = propertyOf(ctxPath)(target);
          if (target == null) return undefined;
          method = target[name];
        }
        return method == null ? method : method.apply(target, args);
      });
    },
    max: extremum(1),
    min: extremum(-1),
    toArray: function (l) { return l.slice(); },
    size: function (l) { return l.length; },
    first: firstOf,
    initial: initialOf,
    rest: restOf,
    last: lastOf,
    without: function (l) { return differenceOf(l, Array.prototype.slice.call(arguments, 1)); },
    difference: differenceOf,
    indexOf: indexFinder(1),
    lastIndexOf: function (l, item, from) { return indexFinder(-1)(l, item, typeof from === 'number' ? from : undefined); },
    shuffle: shuffled,
    isEmpty: isEmpty,
    chain: function (l) { return P.lib('lodash').chain(l); },
    sample: function (l, n, guard) {
      if (n == null || guard) return l.length ? l[Math.floor(Math.random() * l.length)] : undefined;
      return shuffled(l).slice(0, Math.max(0, Math.min(n, l.length)));
    },
    partition: grouper(function (out, v, pass) { out[pass ? 0 : 1].push(v); }, true),
    groupBy: grouper(function (out, v, k) { if (hasOwn(out, k)) out[k].push(v); else out[k] = [v]; }),
    countBy: grouper(function (out, v, k) { if (hasOwn(out, k)) out[k]++; else out[k] = 1; }),
    indexBy: grouper(function (out, v, k) { out[k] = v; }),
    sortBy: function (l, f, ctx) {
      const fn = iter(f, ctx);
      return l.map(function (v, i) { return { v: v, i: i, c: fn(v, i, l) }; }).sort(function (x, y) {
        const a = x.c;
        const b = y.c;
        if (a !== b) {
          if (a > b || a === undefined) return 1;
          if (a < b || b === undefined) return -1;
        }
        return x.i - y.i;
      }).map(function (e) { return e.v; });
    },
    findIndex: function (l, f, ctx) { const fn = iter(f, ctx); for (let i = 0; i < l.length; i++) if (fn(l[i], i, l)) return i; return -1; },
    findLastIndex: function (l, f, ctx) { const fn = iter(f, ctx); for (let i = l.length - 1; i >= 0; i--) if (fn(l[i], i, l)) return i; return -1; },
    keys: ownKeys,
    values: function (o) { return ownKeys(o).map(function (k) { return o[k]; }); },
    pairs: function (o) { return ownKeys(o).map(function (k) { return [k, o[k]]; }); },
    invert: function (o) { const out = {}; for (const k of ownKeys(o)) out[o[k]] = k; return out; },
    pick: function (o) { return pickOf(o, Array.prototype.slice.call(arguments, 1), false); },
    omit: function (o) { return pickOf(o, Array.prototype.slice.call(arguments, 1), true); },
  };
  U.each = U.forEach; U.collect = U.map; U.foldl = U.inject = U.reduce; U.foldr = U.reduceRight;
  U.detect = U.find; U.select = U.filter; U.all = U.every; U.any = U.some;
  U.include = U.includes = U.contains; U.head = U.take = U.first; U.tail = U.drop = U.rest;

  const Backbone = {};
  Backbone.VERSION = '1.6.0';
  // jQuery without a window: only a factory wanting one.
  Backbone.$ = function (w) {
    if (!w.document) throw new Error('jQuery requires a window with a document');
    return w;
  };
  Backbone.noConflict = function () { return this; };
  Backbone.emulateHTTP = false;
  Backbone.emulateJSON = false;

  // ---- Events ---------------------------------------------------------------------------------
  // Handlers live in `_events[name]` as {callback, context, ctx, listening}. An event map or a
  // space-separated list of names is taken apart first; `all` hears every event.
  const SPLIT = /\s+/;
  let currentListening;
  function eachEvent(fn, events, name, callback, opts) {
    if (name && typeof name === 'object') {
      if (callback !== undefined && 'context' in opts && opts.context === undefined) opts.context = callback;
      for (const key of ownKeys(name)) events = eachEvent(fn, events, key, name[key], opts);
      return events;
    }
    if (name && SPLIT.test(name)) {
      for (const part of name.split(SPLIT)) events = fn(events, part, callback, opts);
      return events;
    }
    return fn(events, name, callback, opts);
  }
  function addHandler(events, name, callback, opts) {
    if (!callback) return events;
    const list = events[name] || (events[name] = []);
    if (opts.listening) opts.listening.count++;
    list.push({ callback: callback, context: opts.context, ctx: opts.context || opts.ctx, listening: opts.listening });
    return events;
  }
  function removeHandlers(events, name, callback, opts) {
    if (!events) return undefined;
    const context = opts.context;
    if (!name && !context && !callback) {
      for (const id of ownKeys(opts.listeners)) opts.listeners[id].cleanup();
      return undefined;
    }
    const names = name ? [name] : ownKeys(events);
    for (const n of names) {
      const list = events[n];
      if (!list) break;
      const kept = [];
      for (const h of list) {
        const other = (callback && callback !== h.callback && callback !== h.callback._callback) || (context && context !== h.context);
        if (other) kept.push(h);
        else if (h.listening) h.listening.off(n, callback);
      }
      if (kept.length) events[n] = kept; else delete events[n];
    }
    return events;
  }
  // Handlers added while an event runs wait for the next one.
  function fire(list, args) {
    const count = list.length;
    for (let i = 0; i < count; i++) list[i].callback.apply(list[i].ctx, args);
  }
  function dispatch(events, name, callback, args) {
    if (!events) return events;
    const own = events[name];
    let all = events.all;
    if (own && all) all = all.slice();
    if (own) fire(own, args);
    if (all) fire(all, [name].concat(args));
    return events;
  }
  function onceWrappers(map, name, callback, remove) {
    if (callback) {
      const wrapped = map[name] = once(function () {
        remove(name, wrapped);
        callback.apply(this, arguments);
      });
      wrapped._callback = callback;
    }
    return map;
  }

  const Events = {};
  Events.on = function (name, callback, context) {
    this._events = eachEvent(addHandler, this._events || {}, name, callback,
      { context: context, ctx: this, listening: currentListening });
    if (currentListening) {
      const listeners = this._listeners || (this._listeners = {});
      listeners[currentListening.id] = currentListening;
      currentListening.interop = false;
    }
    return this;
  };
  Events.listenTo = function (obj, name, callback) {
    if (!obj) return this;
    const id = obj._listenId || (obj._listenId = uniqueId('l'));
    const table = this._listeningTo || (this._listeningTo = {});
    let listening = table[id];
    if (!listening) {
      if (!this._listenId) this._listenId = uniqueId('l');
      listening = table[id] = new Listening(this, obj);
    }
    currentListening = listening;
    let failure = null;
    try { obj.on(name, callback, this); } catch (e) { failure = e; }
    currentListening = undefined;
    if (failure) throw failure;
    if (listening.interop) listening.on(name, callback);
    return this;
  };
  Events.off = function (name, callback, context) {
    if (!this._events) return this;
    this._events = eachEvent(removeHandlers, this._events, name, callback, { context: context, listeners: this._listeners });
    return this;
  };
  Events.stopListening = function (obj, name, callback) {
    const table = this._listeningTo;
    if (!table) return this;
    const ids = obj ? [obj._listenId] : ownKeys(table);
    for (const id of ids) {
      const listening = table[id];
      if (!listening) break;
      listening.obj.off(name, callback, this);
      if (listening.interop) listening.off(name, callback);
    }
    if (isEmpty(table)) this._listeningTo = undefined;
    return this;
  };
  Events.once = function (name, callback, context) {
    const map = eachEvent(onceWrappers, {}, name, callback, this.off.bind(this));
    if (typeof name === 'string' && context == null) callback = undefined;
    return this.on(map, callback, context);
  };
  Events.listenToOnce = function (obj, name, callback) {
    const map = eachEvent(onceWrappers, {}, name, callback, this.stopListening.bind(this, obj));
    return this.listenTo(obj, map);
  };
  Events.trigger = function (name) {
    if (!this._events) return this;
    const args = Array.prototype.slice.call(arguments, 1);
    eachEvent(dispatch, this._events, name, undefined, args);
    return this;
  };
  Events.bind = Events.on;
  Events.unbind = Events.off;

  // Who listens to what: counts the handlers one listener put on one object (or, for objects
  // with their own `on`, keeps them here).
  function Listening(listener, obj) {
    this.id = listener._listenId;
    this.listener = listener;
    this.obj = obj;
    this.interop = true;
    this.count = 0;
    this._events = undefined;
  }
  Listening.prototype.on = Events.on;
  Listening.prototype.off = function (name, callback) {
    let done;
    if (this.interop) {
      this._events = eachEvent(removeHandlers, this._events, name, callback, { context: undefined, listeners: undefined });
      done = !this._events;
    } else {
      this.count--;
      done = this.count === 0;
    }
    if (done) this.cleanup();
  };
  Listening.prototype.cleanup = function () {
    delete this.listener._listeningTo[this.obj._listenId];
    if (!this.interop) delete this.obj._listeners[this.id];
  };

  Backbone.Events = Events;
  assign(Backbone, Events);

  function urlError() { throw new Error('A "url" property or function must be specified'); }
  function wrapError(model, options) {
    const handler = options.error;
    options.error = function (resp) {
      if (handler) handler.call(options.context, model, resp, options);
      model.trigger('error', model, resp, options);
    };
  }

  // ---- Model ----------------------------------------------------------------------------------
  const Model = Backbone.Model = function (attributes, options) {
    let attrs = attributes || {};
    if (!options) options = {};
    this.preinitialize.apply(this, arguments);
    this.cid = uniqueId(this.cidPrefix);
    this.attributes = {};
    if (options.collection) this.collection = options.collection;
    if (options.parse) attrs = this.parse(attrs, options) || {};
    const defaults = result(this, 'defaults');
    attrs = fillDefaults(assign({}, defaults, attrs), defaults);
    this.set(attrs, options);
    this.changed = {};
    this.initialize.apply(this, arguments);
  };
  assign(Model.prototype, Events, {
    changed: null,
    validationError: null,
    idAttribute: 'id',
    cidPrefix: 'c',
    preinitialize: function () {},
    initialize: function () {},
    toJSON: function () { return shallow(this.attributes); },
    sync: function () { return Backbone.sync.apply(this, arguments); },
    get: function (attr) { return this.attributes[attr]; },
    escape: function (attr) { return escapeHtml(this.get(attr)); },
    has: function (attr) { return this.get(attr) != null; },
    matches: function (attrs) { return !!iter(attrs, this)(this.attributes); },
    set: function (key, val, options) {
      if (key == null) return this;
      let attrs;
      if (typeof key === 'object') { attrs = key; options = val; } else { attrs = {}; attrs[key] = val; }
      if (!options) options = {};
      if (!this._validate(attrs, options)) return false;
      const changes = [];
      const nested = this._changing;
      this._changing = true;
      if (!nested) {
        this._previousAttributes = shallow(this.attributes);
        this.changed = {};
      }
      const current = this.attributes;
      const changed = this.changed;
      const before = this._previousAttributes;
      for (const attr in attrs) {
        const value = attrs[attr];
        if (!equal(current[attr], value)) changes.push(attr);
        if (!equal(before[attr], value)) changed[attr] = value; else delete changed[attr];
        if (options.unset) delete current[attr]; else current[attr] = value;
      }
      if (this.idAttribute in attrs) {
        const oldId = this.id;
        this.id = this.get(this.idAttribute);
        this.trigger('changeId', this, oldId, options);
      }
      if (!options.silent) {
        if (changes.length) this._pending = options;
        for (const attr of changes) this.trigger('change:' + attr, this, current[attr], options);
      }
      if (nested) return this;
      if (!options.silent) {
        while (this._pending) {
          const opts = this._pending;
          this._pending = false;
          this.trigger('change', this, opts);
        }
      }
      this._pending = false;
      this._changing = false;
      return this;
    },
    unset: function (attr, options) { return this.set(attr, undefined, assign({}, options, { unset: true })); },
    clear: function (options) {
      const attrs = {};
      for (const k in this.attributes) attrs[k] = undefined;
      return this.set(attrs, assign({}, options, { unset: true }));
    },
    hasChanged: function (attr) {
      if (attr == null) return !isEmpty(this.changed);
      return hasOwn(this.changed, attr);
    },
    changedAttributes: function (diff) {
      if (!diff) return this.hasChanged() ? shallow(this.changed) : false;
      const base = this._changing ? this._previousAttributes : this.attributes;
      const out = {};
      let any = false;
      for (const attr in diff) {
        if (equal(base[attr], diff[attr])) continue;
        out[attr] = diff[attr];
        any = true;
      }
      return any ? out : false;
    },
    previous: function (attr) {
      if (attr == null || !this._previousAttributes) return null;
      return this._previousAttributes[attr];
    },
    previousAttributes: function () { return shallow(this._previousAttributes); },
    fetch: function (options) {
      options = assign({ parse: true }, options);
      const model = this;
      const success = options.success;
      options.success = function (resp) {
        const attrs = options.parse ? model.parse(resp, options) : resp;
        if (!model.set(attrs, options)) return false;
        if (success) success.call(options.context, model, resp, options);
        model.trigger('sync', model, resp, options);
      };
      wrapError(this, options);
      return this.sync('read', this, options);
    },
    save: function (key, val, options) {
      let attrs;
      if (key == null || typeof key === 'object') { attrs = key; options = val; } else { attrs = {}; attrs[key] = val; }
      options = assign({ validate: true, parse: true }, options);
      const wait = options.wait;
      if (attrs && !wait) {
        if (!this.set(attrs, options)) return false;
      } else if (!this._validate(attrs, options)) {
        return false;
      }
      const model = this;
      const success = options.success;
      const attributes = this.attributes;
      options.success = function (resp) {
        model.attributes = attributes;
        let serverAttrs = options.parse ? model.parse(resp, options) : resp;
        if (wait) serverAttrs = assign({}, attrs, serverAttrs);
        if (serverAttrs && !model.set(serverAttrs, options)) return false;
        if (success) success.call(options.context, model, resp, options);
        model.trigger('sync', model, resp, options);
      };
      wrapError(this, options);
      if (attrs && wait) this.attributes = assign({}, attributes, attrs);
      const method = this.isNew() ? 'create' : options.patch ? 'patch' : 'update';
      if (method === 'patch' && !options.attrs) options.attrs = attrs;
      const xhr = this.sync(method, this, options);
      this.attributes = attributes;
      return xhr;
    },
    destroy: function (options) {
      options = options ? shallow(options) : {};
      const model = this;
      const success = options.success;
      const wait = options.wait;
      const finish = function () {
        model.stopListening();
        model.trigger('destroy', model, model.collection, options);
      };
      options.success = function (resp) {
        if (wait) finish();
        if (success) success.call(options.context, model, resp, options);
        if (!model.isNew()) model.trigger('sync', model, resp, options);
      };
      let xhr = false;
      if (this.isNew()) {
        const later = options.success;
        setTimeout(function () { later(); }, 1);
      } else {
        wrapError(this, options);
        xhr = this.sync('delete', this, options);
      }
      if (!wait) finish();
      return xhr;
    },
    url: function () {
      const base = result(this, 'urlRoot') || result(this.collection, 'url') || urlError();
      if (this.isNew()) return base;
      const id = this.get(this.idAttribute);
      return base.replace(/[^/]$/, '$&/') + encodeURIComponent(id);
    },
    parse: function (resp) { return resp; },
    clone: function () { return new this.constructor(this.attributes); },
    isNew: function () { return !this.has(this.idAttribute); },
    isValid: function (options) { return this._validate({}, assign({}, options, { validate: true })); },
    _validate: function (attrs, options) {
      if (!options.validate || !this.validate) return true;
      const all = assign({}, this.attributes, attrs);
      const error = this.validationError = this.validate(all, options) || null;
      if (!error) return true;
      this.trigger('invalid', this, error, assign(options, { validationError: error }));
      return false;
    },
  });

  // ---- Collection -----------------------------------------------------------------------------
  const Collection = Backbone.Collection = function (models, options) {
    if (!options) options = {};
    this.preinitialize.apply(this, arguments);
    if (options.model) this.model = options.model;
    if (options.comparator !== undefined) this.comparator = options.comparator;
    this._reset();
    this.initialize.apply(this, arguments);
    if (models) this.reset(models, assign({ silent: true }, options));
  };
  // Put `items` into `list` at `at` (clamped), moving what follows.
  function insertAt(list, items, at) {
    const pos = Math.min(Math.max(at, 0), list.length);
    const tail = list.slice(pos);
    list.length = pos;
    for (const item of items) list.push(item);
    for (const item of tail) list.push(item);
  }
  assign(Collection.prototype, Events, {
    model: Model,
    preinitialize: function () {},
    initialize: function () {},
    toJSON: function (options) { return this.map(function (m) { return m.toJSON(options); }); },
    sync: function () { return Backbone.sync.apply(this, arguments); },
    add: function (models, options) {
      return this.set(models, assign({ merge: false }, options, { add: true, remove: false }));
    },
    remove: function (models, options) {
      options = assign({}, options);
      const single = !Array.isArray(models);
      const list = single ? [models] : models.slice();
      const removed = this._removeModels(list, options);
      if (!options.silent && removed.length) {
        options.changes = { added: [], merged: [], removed: removed };
        this.trigger('update', this, options);
      }
      return single ? removed[0] : removed;
    },
    set: function (models, options) {
      if (models == null) return undefined;
      options = assign({}, { add: true, remove: true, merge: true }, options);
      if (options.parse && !this._isModel(models)) models = this.parse(models, options) || [];
      const single = !Array.isArray(models);
      models = single ? [models] : models.slice();
      let at = options.at;
      if (at != null) at = +at;
      if (at > this.length) at = this.length;
      if (at < 0) at += this.length + 1;
      const kept = [];
      const added = [];
      const merged = [];
      const dropped = [];
      const seen = {};
      const sortable = this.comparator && at == null && options.sort !== false;
      const sortAttr = isString(this.comparator) ? this.comparator : null;
      let resort = false;
      for (let i = 0; i < models.length; i++) {
        const item = models[i];
        const existing = this.get(item);
        if (existing) {
          if (options.merge && item !== existing) {
            let attrs = this._isModel(item) ? item.attributes : item;
            if (options.parse) attrs = existing.parse(attrs, options);
            existing.set(attrs, options);
            merged.push(existing);
            if (sortable && !resort) resort = existing.hasChanged(sortAttr);
          }
          if (!seen[existing.cid]) { seen[existing.cid] = true; kept.push(existing); }
          models[i] = existing;
        } else if (options.add) {
          const model = models[i] = this._prepareModel(item, options);
          if (model) {
            added.push(model);
            this._addReference(model, options);
            seen[model.cid] = true;
            kept.push(model);
          }
        }
      }
      if (options.remove) {
        for (const m of this.models) if (!seen[m.cid]) dropped.push(m);
        if (dropped.length) this._removeModels(dropped, options);
      }
      let reordered = false;
      const replace = !sortable && options.add && options.remove;
      if (kept.length && replace) {
        const models0 = this.models;
        reordered = this.length !== kept.length || models0.some(function (m, i) { return m !== kept[i]; });
        models0.length = 0;
        insertAt(models0, kept, 0);
        this.length = models0.length;
      } else if (added.length) {
        if (sortable) resort = true;
        insertAt(this.models, added, at == null ? this.length : at);
        this.length = this.models.length;
      }
      if (resort) this.sort({ silent: true });
      if (!options.silent) {
        for (let i = 0; i < added.length; i++) {
          if (at != null) options.index = at + i;
          added[i].trigger('add', added[i], this, options);
        }
        if (resort || reordered) this.trigger('sort', this, options);
        if (added.length || dropped.length || merged.length) {
          options.changes = { added: added, removed: dropped, merged: merged };
          this.trigger('update', this, options);
        }
      }
      return single ? models[0] : models;
    },
    reset: function (models, options) {
      options = options ? shallow(options) : {};
      for (const m of this.models) this._removeReference(m, options);
      options.previousModels = this.models;
      this._reset();
      const out = this.add(models, assign({ silent: true }, options));
      if (!options.silent) this.trigger('reset', this, options);
      return out;
    },
    push: function (model, options) { return this.add(model, assign({ at: this.length }, options)); },
    pop: function (options) { return this.remove(this.at(this.length - 1), options); },
    unshift: function (model, options) { return this.add(model, assign({ at: 0 }, options)); },
    shift: function (options) { return this.remove(this.at(0), options); },
    slice: function () { return Array.prototype.slice.apply(this.models, arguments); },
    get: function (obj) {
      if (obj == null) return undefined;
      return this._byId[obj] ||
        this._byId[this.modelId(this._isModel(obj) ? obj.attributes : obj, obj.idAttribute)] ||
        (obj.cid && this._byId[obj.cid]);
    },
    has: function (obj) { return this.get(obj) != null; },
    at: function (index) {
      if (index < 0) index += this.length;
      return this.models[index];
    },
    where: function (attrs, first) { return this[first ? 'find' : 'filter'](attrs); },
    findWhere: function (attrs) { return this.where(attrs, true); },
    sort: function (options) {
      let comparator = this.comparator;
      if (!comparator) throw new Error('Cannot sort a set without a comparator');
      if (!options) options = {};
      const arity = comparator.length;
      if (isFunction(comparator)) comparator = comparator.bind(this);
      if (arity === 1 || isString(comparator)) this.models = this.sortBy(comparator);
      else this.models.sort(comparator);
      if (!options.silent) this.trigger('sort', this, options);
      return this;
    },
    pluck: function (attr) { return this.map(attr + ''); },
    fetch: function (options) {
      options = assign({ parse: true }, options);
      const success = options.success;
      const collection = this;
      options.success = function (resp) {
        collection[options.reset ? 'reset' : 'set'](resp, options);
        if (success) success.call(options.context, collection, resp, options);
        collection.trigger('sync', collection, resp, options);
      };
      wrapError(this, options);
      return this.sync('read', this, options);
    },
    create: function (model, options) {
      options = options ? shallow(options) : {};
      const wait = options.wait;
      const made = this._prepareModel(model, options);
      if (!made) return false;
      if (!wait) this.add(made, options);
      const collection = this;
      const success = options.success;
      options.success = function (m, resp, callbackOptions) {
        if (wait) {
          m.off('error', collection._forwardPristineError, collection);
          collection.add(m, callbackOptions);
        }
        if (success) success.call(callbackOptions.context, m, resp, callbackOptions);
      };
      if (wait) made.once('error', this._forwardPristineError, this);
      made.save(null, options);
      return made;
    },
    parse: function (resp) { return resp; },
    clone: function () { return new this.constructor(this.models, { model: this.model, comparator: this.comparator }); },
    modelId: function (attrs, idAttribute) { return attrs[idAttribute || this.model.prototype.idAttribute || 'id']; },
    values: function () { return new CollectionIterator(this, 'values'); },
    keys: function () { return new CollectionIterator(this, 'keys'); },
    entries: function () { return new CollectionIterator(this, 'entries'); },
    _reset: function () {
      this.length = 0;
      this.models = [];
      this._byId = {};
    },
    _prepareModel: function (attrs, options) {
      if (this._isModel(attrs)) {
        if (!attrs.collection) attrs.collection = this;
        return attrs;
      }
      options = options ? shallow(options) : {};
      options.collection = this;
      const model = this.model.prototype ? new this.model(attrs, options) : this.model(attrs, options);
      if (!model.validationError) return model;
      this.trigger('invalid', this, model.validationError, options);
      return false;
    },
    _removeModels: function (models, options) {
      const removed = [];
      for (const item of models) {
        const model = this.get(item);
        if (!model) continue;
        const index = this.indexOf(model);
        this.models.splice(index, 1);
        this.length--;
        delete this._byId[model.cid];
        const id = this.modelId(model.attributes, model.idAttribute);
        if (id != null) delete this._byId[id];
        if (!options.silent) {
          options.index = index;
          model.trigger('remove', model, this, options);
        }
        removed.push(model);
        this._removeReference(model, options);
      }
      if (models.length > 0 && !options.silent) delete options.index;
      return removed;
    },
    _isModel: function (model) { return model instanceof Model; },
    _addReference: function (model) {
      this._byId[model.cid] = model;
      const id = this.modelId(model.attributes, model.idAttribute);
      if (id != null) this._byId[id] = model;
      model.on('all', this._onModelEvent, this);
    },
    _removeReference: function (model) {
      delete this._byId[model.cid];
      const id = this.modelId(model.attributes, model.idAttribute);
      if (id != null) delete this._byId[id];
      if (this === model.collection) delete model.collection;
      model.off('all', this._onModelEvent, this);
    },
    _onModelEvent: function (event, model, collection, options) {
      if (model) {
        if ((event === 'add' || event === 'remove') && collection !== this) return;
        if (event === 'destroy') this.remove(model, options);
        if (event === 'changeId') {
          const oldId = this.modelId(model.previousAttributes(), model.idAttribute);
          const id = this.modelId(model.attributes, model.idAttribute);
          if (oldId != null) delete this._byId[oldId];
          if (id != null) this._byId[id] = model;
        }
      }
      this.trigger.apply(this, arguments);
    },
    _forwardPristineError: function (model, collection, options) {
      if (this.has(model)) return;
      this._onModelEvent('error', model, collection, options);
    },
  });
  Collection.prototype[Symbol.iterator] = Collection.prototype.values;

  function CollectionIterator(collection, kind) {
    this._collection = collection;
    this._kind = kind;
    this._index = 0;
  }
  CollectionIterator.prototype[Symbol.iterator] = function () { return this; };
  CollectionIterator.prototype.next = function () {
    const c = this._collection;
    if (c) {
      if (this._index < c.length) {
        const model = c.at(this._index++);
        if (this._kind === 'values') return { value: model, done: false };
        const id = c.modelId(model.attributes, model.idAttribute);
        return { value: this._kind === 'keys' ? id : [id, model], done: false };
      }
      this._collection = undefined;
    }
    return { value: undefined, done: true };
  };

  // The underscore methods of collections (on `models`) and models (on `attributes`). Their
  // shape: 1 takes nothing, 3 takes (iteratee, context), 0 passes every argument on.
  function iterateeFor(value, instance) {
    if (isFunction(value)) return value;
    if (isObject(value) && !instance._isModel(value)) {
      const match = matcherOf(value);
      return function (model) { return match(model.attributes); };
    }
    if (isString(value)) return function (model) { return model.get(value); };
    return value;
  }
  function proxyMethod(base, shape, name, field) {
    if (shape === 1) return function () { return base[name](this[field]); };
    if (shape === 3) return function (iteratee, context) { return base[name](this[field], iterateeFor(iteratee, this), context); };
    return function () {
      const args = Array.prototype.slice.call(arguments);
      args.unshift(this[field]);
      return base[name].apply(base, args);
    };
  }
  function addProxies(Class, base, table, field) {
    for (const name of Object.keys(table)) {
      if (base[name]) Class.prototype[name] = proxyMethod(base, table[name], name, field);
    }
  }
  const COLLECTION_METHODS = { forEach: 3, each: 3, map: 3, collect: 3, reduce: 0, foldl: 0, inject: 0, reduceRight: 0,
    foldr: 0, find: 3, detect: 3, filter: 3, select: 3, reject: 3, every: 3, all: 3, some: 3, any: 3, include: 3,
    includes: 3, contains: 3, invoke: 0, max: 3, min: 3, toArray: 1, size: 1, first: 3, head: 3, take: 3, initial: 3,
    rest: 3, tail: 3, drop: 3, last: 3, without: 0, difference: 0, indexOf: 3, shuffle: 1, lastIndexOf: 3, isEmpty: 1,
    chain: 1, sample: 3, partition: 3, groupBy: 3, countBy: 3, sortBy: 3, indexBy: 3, findIndex: 3, findLastIndex: 3 };
  const MODEL_METHODS = { keys: 1, values: 1, pairs: 1, invert: 1, pick: 0, omit: 0, chain: 1, isEmpty: 1 };
  [[Collection, COLLECTION_METHODS, 'models'], [Model, MODEL_METHODS, 'attributes']].forEach(function (entry) {
    const Class = entry[0];
    const field = entry[2];
    Class.mixin = function (obj) {
      const table = {};
      for (const k of allKeys(obj).sort()) if (isFunction(obj[k])) table[k] = 0;
      addProxies(Class, obj, table, field);
    };
    addProxies(Class, U, entry[1], field);
  });

  // ---- View (needs a DOM the sandbox does not have) -------------------------------------------
  const VIEW_OPTIONS = ['model', 'collection', 'el', 'id', 'attributes', 'className', 'tagName', 'events'];
  const View = Backbone.View = function (options) {
    this.cid = uniqueId('view');
    this.preinitialize.apply(this, arguments);
    assign(this, pickOf(options, [VIEW_OPTIONS], false));
    this._ensureElement();
    this.initialize.apply(this, arguments);
  };
  assign(View.prototype, Events, {
    tagName: 'div',
    $: function (selector) { return this.$el.find(selector); },
    preinitialize: function () {},
    initialize: function () {},
    render: function () { return this; },
    remove: function () { this._removeElement(); this.stopListening(); return this; },
    _removeElement: function () { this.$el.remove(); },
    setElement: function (element) {
      this.undelegateEvents();
      this._setElement(element);
      this.delegateEvents();
      return this;
    },
    _setElement: function (el) {
      this.$el = el instanceof Backbone.$ ? el : Backbone.$(el);
      this.el = this.$el[0];
    },
    delegateEvents: function (events) {
      if (!events) events = result(this, 'events');
      if (!events) return this;
      this.undelegateEvents();
      for (const key in events) {
        let method = events[key];
        if (!isFunction(method)) method = this[method];
        if (!method) continue;
        const match = key.match(/^(\S+)\s*(.*)$/);
        this.delegate(match[1], match[2], method.bind(this));
      }
      return this;
    },
    delegate: function (eventName, selector, listener) {
      this.$el.on(eventName + '.delegateEvents' + this.cid, selector, listener);
      return this;
    },
    undelegateEvents: function () {
      if (this.$el) this.$el.off('.delegateEvents' + this.cid);
      return this;
    },
    undelegate: function (eventName, selector, listener) {
      this.$el.off(eventName + '.delegateEvents' + this.cid, selector, listener);
      return this;
    },
    _createElement: function () { throw new ReferenceError('document is not defined'); },
    _ensureElement: function () {
      if (!this.el) {
        const attrs = assign({}, result(this, 'attributes'));
        if (this.id) attrs.id = result(this, 'id');
        if (this.className) attrs['class'] = result(this, 'className');
        this.setElement(this._createElement(result(this, 'tagName')));
        this._setAttributes(attrs);
      } else {
        this.setElement(result(this, 'el'));
      }
    },
    _setAttributes: function (attributes) { this.$el.attr(attributes); },
  });

  // ---- sync -----------------------------------------------------------------------------------
  const METHODS = { create: 'POST', update: 'PUT', patch: 'PATCH', delete: 'DELETE', read: 'GET' };
  Backbone.sync = function (method, model, options) {
    const type = METHODS[method];
    if (!options) options = {};
    fillDefaults(options, { emulateHTTP: Backbone.emulateHTTP, emulateJSON: Backbone.emulateJSON });
    const params = { type: type, dataType: 'json' };
    if (!options.url) params.url = result(model, 'url') || urlError();
    if (options.data == null && model && (method === 'create' || method === 'update' || method === 'patch')) {
      params.contentType = 'application/json';
      params.data = JSON.stringify(options.attrs || model.toJSON(options));
    }
    if (options.emulateJSON) {
      params.contentType = 'application/x-www-form-urlencoded';
      params.data = params.data ? { model: params.data } : {};
    }
    if (options.emulateHTTP && (type === 'PUT' || type === 'DELETE' || type === 'PATCH')) {
      params.type = 'POST';
      if (options.emulateJSON) params.data._method = type;
      const before = options.beforeSend;
      options.beforeSend = function (xhr) {
        xhr.setRequestHeader('X-HTTP-Method-Override', type);
        if (before) return before.apply(this, arguments);
        return undefined;
      };
    }
    if (params.type !== 'GET' && !options.emulateJSON) params.processData = false;
    const onError = options.error;
    options.error = function (xhr, textStatus, errorThrown) {
      options.textStatus = textStatus;
      options.errorThrown = errorThrown;
      if (onError) onError.call(options.context, xhr, textStatus, errorThrown);
    };
    const xhr = options.xhr = Backbone.ajax(assign(params, options));
    model.trigger('request', model, xhr, options);
    return xhr;
  };
  Backbone.ajax = function () { return Backbone.$.ajax.apply(Backbone.$, arguments); };

  // ---- Router ---------------------------------------------------------------------------------
  const Router = Backbone.Router = function (options) {
    if (!options) options = {};
    this.preinitialize.apply(this, arguments);
    if (options.routes) this.routes = options.routes;
    this._bindRoutes();
    this.initialize.apply(this, arguments);
  };
  assign(Router.prototype, Events, {
    preinitialize: function () {},
    initialize: function () {},
    route: function (route, name, callback) {
      if (!(route instanceof RegExp)) route = this._routeToRegExp(route);
      if (isFunction(name)) { callback = name; name = ''; }
      if (!callback) callback = this[name];
      const router = this;
      Backbone.history.route(route, function (fragment) {
        const args = router._extractParameters(route, fragment);
        if (router.execute(callback, args, name) !== false) {
          router.trigger.apply(router, ['route:' + name].concat(args));
          router.trigger('route', name, args);
          Backbone.history.trigger('route', router, name, args);
        }
      });
      return this;
    },
    execute: function (callback, args) { if (callback) callback.apply(this, args); },
    navigate: function (fragment, options) {
      Backbone.history.navigate(fragment, options);
      return this;
    },
    _bindRoutes: function () {
      if (!this.routes) return;
      this.routes = result(this, 'routes');
      const names = ownKeys(this.routes);
      while (names.length) {
        const route = names.pop();
        this.route(route, this.routes[route]);
      }
    },
    // `:name` is one path segment, `*name` the rest, `( )` optional; a query string may follow.
    _routeToRegExp: function (route) {
      const source = route.replace(/[\-{}[\]+?.,\\^$|#\s]/g, '\\$&')
        .replace(/\((.*?)\)/g, '(?:$1)?')
        .replace(/(\(\?)?:\w+/g, function (match, optional) { return optional ? match : '([^/?]+)'; })
        .replace(/\*\w+/g, '([^?]*?)');
      return new RegExp('^' + source + '(?:\\?([\\s\\S]*))?$');
    },
    _extractParameters: function (route, fragment) {
      const params = route.exec(fragment).slice(1);
      return params.map(function (param, i) {
        if (i === params.length - 1) return param || null;
        return param ? decodeURIComponent(param) : null;
      });
    },
  });

  // ---- History --------------------------------------------------------------------------------
  const History = Backbone.History = function () {
    this.handlers = [];
    this.checkUrl = this.checkUrl.bind(this);
  };
  History.started = false;
  function noWindow() { throw new ReferenceError('window is not defined'); }
  assign(History.prototype, Events, {
    interval: 50,
    atRoot: function () {
      const path = this.location.pathname.replace(/[^/]$/, '$&/');
      return path === this.root && !this.getSearch();
    },
    matchRoot: function () {
      const path = this.decodeFragment(this.location.pathname);
      return path.slice(0, this.root.length - 1) + '/' === this.root;
    },
    decodeFragment: function (fragment) { return decodeURI(fragment.replace(/%25/g, '%2525')); },
    getSearch: function () {
      const match = this.location.href.replace(/#.*/, '').match(/\?.+/);
      return match ? match[0] : '';
    },
    getHash: function (win) {
      const match = (win || this).location.href.match(/#(.*)$/);
      return match ? match[1] : '';
    },
    getPath: function () {
      const path = this.decodeFragment(this.location.pathname + this.getSearch()).slice(this.root.length - 1);
      return path.charAt(0) === '/' ? path.slice(1) : path;
    },
    getFragment: function (fragment) {
      if (fragment == null) {
        fragment = this._usePushState || !this._wantsHashChange ? this.getPath() : this.getHash();
      }
      return fragment.replace(/^[#/]|\s+$/g, '');
    },
    start: function (options) {
      if (History.started) throw new Error('Backbone.history has already been started');
      History.started = true;
      this.options = assign({ root: '/' }, this.options, options);
      this.root = this.options.root;
      this._trailingSlash = this.options.trailingSlash;
      this._wantsHashChange = this.options.hashChange !== false;
      return noWindow();
    },
    stop: function () { return noWindow(); },
    route: function (route, callback) { this.handlers.unshift({ route: route, callback: callback }); },
    checkUrl: function () {
      const current = this.getFragment();
      if (current === this.fragment) {
        if (!this.matchRoot()) return this.notfound();
        return false;
      }
      this.loadUrl();
      return undefined;
    },
    loadUrl: function (fragment) {
      if (!this.matchRoot()) return this.notfound();
      const frag = this.fragment = this.getFragment(fragment);
      return this.handlers.some(function (h) {
        if (!h.route.test(frag)) return false;
        h.callback(frag);
        return true;
      }) || this.notfound();
    },
    notfound: function () {
      this.trigger('notfound');
      return false;
    },
    navigate: function (fragment, options) {
      if (!History.started) return false;
      if (!options || options === true) options = { trigger: !!options };
      fragment = this.getFragment(fragment || '');
      let rootPath = this.root;
      if (!this._trailingSlash && (fragment === '' || fragment.charAt(0) === '?')) rootPath = rootPath.slice(0, -1) || '/';
      const url = rootPath + fragment;
      fragment = fragment.replace(/#.*$/, '');
      const decoded = this.decodeFragment(fragment);
      if (this.fragment === decoded) return undefined;
      this.fragment = decoded;
      if (this._usePushState) {
        noWindow();
      } else if (this._wantsHashChange) {
        this._updateHash(this.location, fragment, options.replace);
      } else {
        return this.location.assign(url);
      }
      if (options.trigger) return this.loadUrl(fragment);
      return undefined;
    },
    _updateHash: function (location, fragment, replace) {
      if (replace) {
        const href = location.href.replace(/(javascript:|#).*$/, '');
        location.replace(href + '#' + fragment);
      } else {
        location.hash = '#' + fragment;
      }
    },
  });
  Backbone.history = new History();

  // ---- extend ---------------------------------------------------------------------------------
  function extend(protoProps, staticProps) {
    const parent = this;
    const child = protoProps && hasOwn(protoProps, 'constructor')
      ? protoProps.constructor
      : function () { return parent.apply(this, arguments); };
    assign(child, parent, staticProps);
    child.prototype = Object.create(parent.prototype);
    if (protoProps) for (const k of ownKeys(protoProps)) child.prototype[k] = protoProps[k];
    child.prototype.constructor = child;
    child.__super__ = parent.prototype;
    return child;
  }
  Model.extend = Collection.extend = Router.extend = View.extend = History.extend = extend;

  // (The sandbox's global object, and underscore's stand-in.)
  const root = Function('return this')();
  Backbone._debug = function () { return { root: root, _: P.lib('lodash') }; };
  return Backbone;
})
