// postie library: `require('events')`: a Node-style `EventEmitter` (on/addListener, once, off/
// removeListener, removeAllListeners, emit, listeners, listenerCount, prependListener,
// eventNames, setMaxListeners). The module is the class, as in Node.
(function () {
  'use strict';

  class EventEmitter {
    constructor() { this._events = Object.create(null); this._max = 10; }
    _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
    on(name, fn) { this.emit('newListener', name, fn); this._list(name).push(fn); return this; }
    addListener(name, fn) { return this.on(name, fn); }
    prependListener(name, fn) { this._list(name).unshift(fn); return this; }
    once(name, fn) {
      const self = this;
      const wrapper = function () { self.removeListener(name, wrapper); return fn.apply(this, arguments); };
      wrapper.listener = fn;
      return this.on(name, wrapper);
    }
    prependOnceListener(name, fn) {
      const self = this;
      const wrapper = function () { self.removeListener(name, wrapper); return fn.apply(this, arguments); };
      wrapper.listener = fn;
      return this.prependListener(name, wrapper);
    }
    removeListener(name, fn) {
      const list = this._list(name);
      const at = list.findIndex(function (l) { return l === fn || l.listener === fn; });
      if (at !== -1) { list.splice(at, 1); this.emit('removeListener', name, fn); }
      return this;
    }
    off(name, fn) { return this.removeListener(name, fn); }
    removeAllListeners(name) {
      if (name === undefined) this._events = Object.create(null); else delete this._list(name) && delete this._events[name];
      return this;
    }
    emit(name) {
      const list = this._events && this._events[name];
      if (!list || !list.length) {
        if (name === 'error') throw arguments[1] instanceof Error ? arguments[1] : new Error('Unhandled error. (' + arguments[1] + ')');
        return false;
      }
      const args = Array.prototype.slice.call(arguments, 1);
      for (const fn of list.slice()) fn.apply(this, args);
      return true;
    }
    listeners(name) { return this._list(name).map(function (l) { return l.listener || l; }); }
    rawListeners(name) { return this._list(name).slice(); }
    listenerCount(name) { return this._list(name).length; }
    eventNames() { return Object.keys(this._events || {}).filter(function (k) { return this._events[k].length; }, this); }
    setMaxListeners(n) { this._max = n; return this; }
    getMaxListeners() { return this._max; }
  }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.once = function (emitter, name) {
    return new Promise(function (resolve) { emitter.once(name, function () { resolve(Array.prototype.slice.call(arguments)); }); });
  };
  return EventEmitter;
})
