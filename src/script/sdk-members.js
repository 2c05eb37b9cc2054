// postie sandbox: the members pm's objects inherit from postman-collection's base classes in
// Newman, added to postie's own classes and scopes: PropertyBase's parent chain (`parent`,
// `setParent`, `forEachParent`, `findInParents`, `findParentContaining`, `meta`), Property's
// `describe`, `findSubstitutions` and `toObjectResolved`, Request's and Response's `update`,
// and VariableScope's `addLayer`, `applyMutation` and tracking switches.
(function (P) {
  'use strict';

  const has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  const hide = function (o, k, v) {
    Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
  };
  const sdk = function () { return P.lib('postman-collection'); };
  function install(target, members) {
    for (const name of Object.keys(members)) if (!(name in target)) hide(target, name, members[name]);
  }
  const isObject = function (v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); };

  const propertyBase = {
    parent() { return (this && this.__parent && (this.__parent.__parent || this.__parent)) || undefined; },
    setParent(parent) { hide(this, '__parent', parent); },
    forEachParent(options, iterator) {
      if (typeof options === 'function') { iterator = options; options = {}; }
      if (typeof iterator !== 'function' || !isObject(options)) return;
      const up = function (node) { return node && typeof node.parent === 'function' ? node.parent() : undefined; };
      let parent = this.parent();
      let grand = up(parent);
      while (parent && (grand || options.withRoot)) {
        iterator(parent);
        parent = grand;
        grand = up(grand);
      }
    },
    findParentContaining(property, customizer) {
      const test = typeof customizer === 'function' ? customizer.bind(this) : function (n) { return n[property]; };
      let node = this;
      do {
        if (test(node)) return node;
        node = node.__parent;
      } while (node);
      return undefined;
    },
    findInParents(property, customizer) {
      const owner = this.findParentContaining(property, customizer);
      return owner ? owner[property] : undefined;
    },
    meta() {
      const m = this._;
      if (!arguments.length) return m === undefined ? undefined : JSON.parse(JSON.stringify(m));
      const out = {};
      if (isObject(m)) for (const k of Array.prototype.slice.call(arguments)) if (k in m) out[k] = m[k];
      return out;
    },
  };

  const property = {
    describe(content, type) {
      if (isObject(content)) {
        type = content.type;
        content = content.content;
      }
      this.description = new P.Description({ content: content, type: type || 'text/plain' });
    },
    findSubstitutions() { return sdk().Property.findSubstitutions(this.toJSON()); },
    toObjectResolved(scope, overrides, options) {
      const reference = this.toJSON();
      if (Array.isArray(reference.variable)) delete reference.variable;
      if (options && options.ignoreOwnVariables) return sdk().Property.replaceSubstitutionsIn(reference, overrides);
      let source = scope || this;
      let variables;
      do {
        variables = source.variables;
        source = source.__parent;
      } while (!variables && source);
      if (!variables) throw new Error('Unable to resolve variables. Require a List type property for variable auto resolution.');
      // A scope's `variables` is the discontinued method: Newman's bundle fails on it so.
      if (typeof variables.substitute !== 'function') throw new TypeError('o.substitute is not a function');
      return variables.substitute(reference, overrides);
    },
  };

  const requestUpdate = {
    update(options) {
      if (!options) return;
      if (has(options, 'url')) this.url.update(options.url);
      if (options.header) this.headers.repopulate(options.header);
      if (has(options, 'method')) {
        this.method = options.method === null || options.method === undefined ? 'GET' : String(options.method).toUpperCase();
      }
      if (options.body !== undefined) this.body = new P.RequestBody(options.body);
      if (options.auth) this.authorizeUsing(options.auth);
    },
  };
  const responseUpdate = {
    // The code, status and headers change; the body a script reads stays the bytes received.
    update(options) {
      if (!options) return;
      if (options.code !== undefined) this.code = options.code;
      if (options.status) this.status = options.status;
      if (options.header) this.headers.repopulate(options.header);
      if (options.responseTime !== undefined) this.responseTime = options.responseTime;
    },
  };

  for (const proto of [P.Request.prototype, P.Response.prototype]) {
    install(proto, propertyBase);
    install(proto, property);
  }
  install(P.Request.prototype, requestUpdate);
  install(P.Response.prototype, responseUpdate);
  for (const proto of [P.Url.prototype, P.HeaderList.prototype, P.KeyedList.prototype,
    Object.getPrototypeOf(P.emptyCookies()), Object.getPrototypeOf(P.normalizeHeader('a: b'))]) {
    install(proto, propertyBase);
  }

  // Scopes: VariableScope's own members, on each scope object. Layers last for one script, as
  // each script gets new scopes in Newman.
  function perScript(key) {
    const S = P.state();
    const all = S.sdkScopes || (S.sdkScopes = {});
    return all[key] || (all[key] = { layers: [] });
  }
  function scopeMembers(key, scope) {
    const ownGet = scope.get;
    const ownHas = scope.has;
    const layered = function (name) {
      for (const list of perScript(key).layers) {
        const entry = list.one(String(name));
        if (entry) return entry;
      }
      return undefined;
    };
    return {
      get(name) {
        if (ownHas.call(scope, name) || !perScript(key).layers.length) return ownGet.call(scope, name);
        const entry = layered(name);
        return entry ? entry.value : undefined;
      },
      has(name) { return ownHas.call(scope, name) || Boolean(perScript(key).layers.length && layered(name)); },
      // Untracked changes stay in the script (the run never sees them).
      enableTracking() { P.setTracking(key, true); },
      disableTracking() { P.setTracking(key, false); },
      // An SDK mutation instruction: `set` with a name and value, `unset` with a name.
      applyMutation(instruction, name, value) {
        if (instruction === 'set') scope.set(name, value);
        else if (instruction === 'unset') scope.unset(name);
      },
      // Another variable list read through after this scope's own (for lookups only).
      addLayer(list) {
        if (list && typeof list.one === 'function') perScript(key).layers.push(list);
      },
    };
  }
  // pm's scope names and the keys the sandbox keeps them under.
  const KEYS = { environment: 'environment', globals: 'globals', collectionVariables: 'collection',
    iterationData: 'data', variables: 'local' };
  for (const name of Object.keys(KEYS)) {
    const key = KEYS[name];
    const scope = P.scopes[name];
    // (on the scope's prototype, beside its own methods, enumerable as the SDK's are)
    const proto = Object.getPrototypeOf(scope);
    const members = Object.assign({}, propertyBase, property, scopeMembers(key, scope));
    for (const member of Object.keys(members)) {
      if (member === 'get' || member === 'has' || !(member in proto)) proto[member] = members[member];
    }
  }
})(globalThis.__postie_internal);
