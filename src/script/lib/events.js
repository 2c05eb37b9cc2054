// postie library: `require('events')` as Newman's sandbox bundles it (the browser port of Node
// 8's events): the module is `EventEmitter`, a plain constructor (so `EventEmitter.call(this)`
// works in old-style subclasses). One listener is stored as the function itself, more as an
// array; `once` wrappers keep the original as `.listener`; no `off` and no static `once`.
(function () {
  'use strict';

  let defaultMax = 10;

  function EventEmitter() {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
  }
  // Newman's bundle is minified: the constructor's name is "o".
  Object.defineProperty(EventEmitter, 'name', { value: 'o', configurable: true });
  EventEmitter.EventEmitter = EventEmitter;
  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get: function () { return defaultMax; },
    set: function (n) {
      if (typeof n !== 'number' || n < 0 || n !== n) throw new TypeError('"defaultMaxListeners" must be a positive number');
      defaultMax = n;
    },
  });
  EventEmitter.listenerCount = function (emitter, type) {
    return typeof emitter.listenerCount === 'function' ? emitter.listenerCount(type) : listenerCount.call(emitter, type);
  };

  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._maxListeners = undefined;

  function needListener(fn) {
    if (typeof fn !== 'function') throw new TypeError('"listener" argument must be a function');
  }

  proto.setMaxListeners = function (n) {
    if (typeof n !== 'number' || n < 0 || n !== n) throw new TypeError('"n" argument must be a positive number');
    this._maxListeners = n;
    return this;
  };
  proto.getMaxListeners = function () { return this._maxListeners === undefined ? defaultMax : this._maxListeners; };

  proto.emit = function (type) {
    const args = Array.prototype.slice.call(arguments, 1);
    const events = this._events;
    let unhandledError = type === 'error';
    if (events) unhandledError = unhandledError && events.error === undefined;
    else if (!unhandledError) return false;
    if (unhandledError) {
      const er = args[0];
      if (er instanceof Error) throw er;
      const err = new Error('Unhandled "error" event. (' + er + ')');
      err.context = er;
      throw err;
    }
    const handler = events[type];
    if (!handler) return false;
    if (typeof handler === 'function') handler.apply(this, args);
    else for (const fn of handler.slice()) fn.apply(this, args);
    return true;
  };

  function addListener(target, type, listener, prepend) {
    needListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    const existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    let list = existing;
    if (typeof existing === 'function') list = events[type] = prepend ? [listener, existing] : [existing, listener];
    else if (prepend) existing.unshift(listener);
    else existing.push(listener);
    const max = target.getMaxListeners();
    if (max > 0 && list.length > max && !list.warned) list.warned = true;
    return target;
  }

  proto.addListener = function (type, listener) { return addListener(this, type, listener, false); };
  proto.on = proto.addListener;
  proto.prependListener = function (type, listener) { return addListener(this, type, listener, true); };

  function onceWrap(target, type, listener) {
    const state = { fired: false, target: target, type: type, listener: listener };
    const wrapped = function () {
      if (state.fired) return undefined;
      target.removeListener(type, wrapped);
      state.fired = true;
      return listener.apply(target, arguments);
    };
    wrapped.listener = listener;
    return wrapped;
  }
  proto.once = function (type, listener) {
    needListener(listener);
    this.on(type, onceWrap(this, type, listener));
    return this;
  };
  proto.prependOnceListener = function (type, listener) {
    needListener(listener);
    this.prependListener(type, onceWrap(this, type, listener));
    return this;
  };

  proto.removeListener = function (type, listener) {
    needListener(listener);
    const events = this._events;
    if (!events) return this;
    const list = events[type];
    if (!list) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else {
        delete events[type];
        if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
      }
    } else if (typeof list !== 'function') {
      let at = -1;
      let original;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) { original = list[i].listener; at = i; break; }
      }
      if (at < 0) return this;
      list.splice(at, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener) this.emit('removeListener', type, original || listener);
    }
    return this;
  };

  proto.removeAllListeners = function (type) {
    const events = this._events;
    if (!events) return this;
    if (!events.removeListener) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type]) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Object.keys(events)) if (key !== 'removeListener') this.removeAllListeners(key);
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') this.removeListener(type, listeners);
    else if (listeners) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (!events) return [];
    const l = events[type];
    if (!l) return [];
    if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
    return unwrap ? l.map(function (f) { return f.listener || f; }) : l.slice();
  }
  proto.listeners = function (type) { return listenersOf(this, type, true); };
  proto.rawListeners = function (type) { return listenersOf(this, type, false); };

  function listenerCount(type) {
    const events = this._events;
    if (events) {
      const l = events[type];
      if (typeof l === 'function') return 1;
      if (l) return l.length;
    }
    return 0;
  }
  proto.listenerCount = listenerCount;
  proto.eventNames = function () { return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : []; };

  return EventEmitter;
})
