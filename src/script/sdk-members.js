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

  // PropertyBase's and Property's members are the SDK library's own (src/script/lib/
  // postman-collection.js), borrowed: the library loads on the first call, not at start-up.
  function borrowed(className, names) {
    const out = {};
    for (const name of names) {
      out[name] = function () { return sdk()[className].prototype[name].apply(this, arguments); };
    }
    return out;
  }
  const propertyBase = borrowed('PropertyBase',
    ['parent', 'setParent', 'forEachParent', 'findParentContaining', 'findInParents', 'meta']);
  const property = Object.assign(borrowed('Property', ['findSubstitutions']), {
    // (postie's own Description class, which its requests and responses serialise)
    describe(content, type) {
      if (isObject(content)) {
        type = content.type;
        content = content.content;
      }
      this.description = new P.Description({ content: content, type: type || 'text/plain' });
    },
    toObjectResolved() {
      try {
        return sdk().Property.prototype.toObjectResolved.apply(this, arguments);
      } catch (e) {
        // A scope's `variables` is the discontinued method: Newman's minified bundle names
        // the missing function `o.substitute`.
        if (e instanceof TypeError && /not a function$/.test(e.message)) {
          throw new TypeError('o.substitute is not a function');
        }
        throw e;
      }
    },
  });

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
  // each script gets new scopes in Newman; a scope without any reads as before.
  function layersOf(key) {
    const all = P.state().sdkLayers;
    return all ? all[key] : undefined;
  }
  function scopeMembers(key, scope) {
    const ownGet = scope.get;
    const ownHas = scope.has;
    const layered = function (name) {
      const layers = layersOf(key);
      if (!layers || ownHas.call(scope, name)) return undefined;
      for (const list of layers) {
        const entry = list.one(String(name));
        if (entry) return entry;
      }
      return undefined;
    };
    return {
      get(name) {
        const entry = layered(name);
        return entry ? entry.value : ownGet.call(scope, name);
      },
      has(name) { return Boolean(layered(name)) || ownHas.call(scope, name); },
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
        if (!list || typeof list.one !== 'function') return;
        const S = P.state();
        const all = S.sdkLayers || (S.sdkLayers = {});
        (all[key] || (all[key] = [])).push(list);
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
