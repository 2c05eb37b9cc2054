// postie prelude: the variable scopes (`pm.environment`, `pm.globals`, `pm.collectionVariables`,
// `pm.iterationData`, `pm.variables`). Each scope is a list of entries in the current run state
// `P.state()`, kept as Postman's SDK keeps a variable list: every entry with its key, value, type
// and `disabled` switch, in order; reads take the last enabled entry of a name; values keep their
// JavaScript types (or are `undefined`). What a script does to the environment, the collection
// variables and the globals is also recorded as a list of changes for the Rust side.
(function (P) {
  'use strict';

  // pm.variables.get looks in this order; the first scope that has the name wins.
  const PRECEDENCE = ['local', 'data', 'environment', 'collection', 'globals'];

  // A value as Postman substitutes it: String(value), with undefined as an empty text.
  function text(value) {
    if (value === undefined) return '';
    try {
      return String(value);
    } catch (e) {
      return '';
    }
  }

  // ---- Types, as Postman's SDK casts values on the way in and out --------------------------
  function jsonIn(value) {
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch (e) {
      return null;
    }
  }
  function jsonOut(value, wanted) {
    let parsed;
    try {
      parsed = JSON.parse(value);
    } catch (e) {
      return undefined;
    }
    return wanted(parsed) ? parsed : undefined;
  }
  const TYPES = {
    string: { in: String, out: String },
    boolean: { in: Boolean, out: Boolean },
    number: { in: Number, out: Number },
    array: {
      in: jsonIn,
      out: function (v) { return jsonOut(v, Array.isArray); },
    },
    object: {
      in: jsonIn,
      out: function (v) { return jsonOut(v, function (p) { return p instanceof Object && !Array.isArray(p); }); },
    },
    any: { in: function (v) { return v; }, out: function (v) { return v; } },
  };
  // A known type name (lower-cased), or null.
  function knownType(name) {
    if (name === undefined || name === null) return null;
    const lower = String(name).toLowerCase();
    return Object.prototype.hasOwnProperty.call(TYPES, lower) ? lower : null;
  }

  // One entry as the SDK's Variable serialises it: `disabled` (when given), `type`, `value`,
  // `key`, in that order.
  function makeEntry(key, value, type, disabled) {
    const entry = {};
    if (disabled !== undefined) entry.disabled = Boolean(disabled);
    entry.type = knownType(type) || 'any';
    entry.value = TYPES[entry.type].in(value);
    entry.key = key;
    return entry;
  }
  // A function stored as a value reads as what it returns (the SDK's Variable#get).
  function valueOf(entry) {
    if (typeof entry.value === 'function') return entry.value.call(entry);
    return TYPES[entry.type].out(entry.value);
  }
  // An entry from the Rust side: `[key, value]`, or `{k, v, t, d}`.
  function fromWire(item) {
    if (Array.isArray(item)) return makeEntry(item[0], item[1], null, undefined);
    return makeEntry(item.k, item.v, item.t, item.d ? true : undefined);
  }
  // An entry for the Rust side (a local entry as a set left it).
  function toWire(entry) {
    if (entry.type === 'any' && !entry.disabled && entry.value !== undefined) return [entry.key, entry.value];
    const out = { k: entry.key };
    if (entry.value !== undefined) out.v = entry.value;
    if (entry.type !== 'any') out.t = entry.type;
    if (entry.disabled) out.d = true;
    return out;
  }

  // A scope's entries with the SDK's list semantics.
  function VarList(entries) {
    this.entries = entries;
  }
  VarList.prototype = {
    // The last enabled entry named `key`, or undefined.
    // Names compare as object keys do (`get(1)` finds the variable `set('1', …)` made).
    one: function (key) {
      const entries = this.entries;
      const name = String(key);
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        if (!e.disabled && (e.key === key || String(e.key) === name)) return e;
      }
      return undefined;
    },
    has: function (key) { return this.one(key) !== undefined; },
    get: function (key) {
      const e = this.one(key);
      return e === undefined ? undefined : valueOf(e);
    },
    // `set` as the SDK's scope does it: update the last enabled entry (its type changes when a
    // known type is given), else add an entry.
    set: function (key, value, type) {
      const e = this.one(key);
      if (e !== undefined) {
        if (typeof type === 'string' && knownType(type)) e.type = knownType(type);
        e.value = TYPES[e.type].in(value);
      } else {
        this.entries.push(makeEntry(key, value, typeof type === 'string' ? type : null, undefined));
      }
    },
    unset: function (key) {
      const name = String(key);
      this.entries = this.entries.filter(function (e) { return e.disabled || String(e.key) !== name; });
    },
    clear: function () { this.entries = []; },
    // Every entry by name, disabled ones too; the last of a name wins (the SDK's toObject).
    toObject: function () {
      const out = {};
      for (const e of this.entries) out[e.key] = valueOf(e);
      return out;
    },
    copy: function () {
      return new VarList(this.entries.map(function (e) { return Object.assign({}, e); }));
    },
  };
  P.VarList = VarList;
  P.varListFromWire = function (list) { return new VarList(list.map(fromWire)); };

  // Strings are resolved; arrays and plain objects are copied with every string inside
  // resolved; anything else comes back as it is.
  function replaceIn(template, lookup) {
    if (Array.isArray(template)) return template.map(function (v) { return replaceIn(v, lookup); });
    if (template !== null && typeof template === 'object' && Object.getPrototypeOf(template) === Object.prototype) {
      const out = {};
      for (const key of Object.keys(template)) out[key] = replaceIn(template[key], lookup);
      return out;
    }
    if (typeof template !== 'string') return template;
    if (template.indexOf('{{') === -1 && template.indexOf('<<') === -1) return template;
    return P.resolve(template, function (name) {
      const found = lookup(name);
      if (found !== NOT_FOUND) return text(found);
      // Postman's dynamic variables (`$guid`, `$randomAlphaNumeric`, ...), drawn in Rust.
      const dynamic = name.charAt(0) === '$' ? P.dynamic(name) : undefined;
      return dynamic === null ? undefined : dynamic;
    });
  }

  const NOT_FOUND = {};

  // What the script did to a scope, as Postman's mutation tracker lists it: [name, value] for
  // a set, [name] for an unset. The Rust side applies them in order.
  function mutations(key) {
    const S = P.state();
    const all = S.mutations || (S.mutations = {});
    // (an untracked change is listed nowhere: a throwaway list)
    if (S.untracked && S.untracked[key]) return [];
    return all[key] || (all[key] = []);
  }
  P.mutations = mutations;

  // The changes the Rust side applies, in order, across scopes: `['s', scope, name, value]`,
  // `['u', scope, name]`, `['c', scope]`; the local scope, which the sandbox keeps as the SDK
  // does (a set may change an entry's type), sends the entry it stored: `['p', 'local', entry]`.
  // What a script does to the iteration data lasts only for that script and is not sent.
  function recordChange(change) {
    if (change[1] !== 'data' && tracked(change[1])) P.state().changes.push(change);
  }
  // A scope whose tracking a script switched off (VariableScope#disableTracking) changes only
  // for the rest of that script: nothing is recorded, nothing reaches the run.
  function tracked(key) {
    const off = P.state().untracked;
    return !(off && off[key]);
  }
  P.setTracking = function (key, on) {
    const S = P.state();
    const off = S.untracked || (S.untracked = {});
    off[key] = !on;
  };

  // `{{name}}` in every text inside `value`, from `resolveText`, as the SDK's
  // Property.replaceSubstitutionsIn does it with lodash's mergeWith: nested objects and arrays
  // are resolved in place (not copied).
  function substituteInPlace(value, resolveText, seen) {
    if (typeof value === 'string') return resolveText(value);
    if (value !== null && (typeof value === 'object' || typeof value === 'function') && !seen.has(value)) {
      seen.add(value);
      for (const key of Object.keys(value)) {
        try {
          value[key] = substituteInPlace(value[key], resolveText, seen);
        } catch (e) {
          // a read-only property stays as it is
        }
      }
    }
    return value;
  }

  // Entries as Postman's VariableList shows them (`values`): type, value, key.
  function valueList(list) {
    const items = list.entries.map(function (e) {
      const out = {};
      for (const k of Object.keys(e)) if (e[k] !== undefined) out[k] = e[k];
      return out;
    });
    // `{{name}}` resolved from this scope alone (and the dynamic variables).
    const resolveText = function (s) {
      return replaceIn(s, function (name) {
        const e = list.one(name);
        return e ? valueOf(e) : NOT_FOUND;
      });
    };
    return {
      // VariableList#replace: a text with this scope's variables resolved.
      replace: function (str) { return typeof str === 'string' && str ? resolveText(str) : str; },
      // VariableList#substitute: anything that is not an object comes back as it is (a text
      // too); an object's enumerable properties, own and inherited, are copied into a new object
      // with every text resolved, nested objects resolved in place (so
      // `values.substitute(pm.request.url)` also resolves the URL's host, path and query).
      substitute: function (obj) {
        if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return obj;
        // postie's classes keep their methods off the instance: the copy shares the prototype.
        const proto = Object.getPrototypeOf(obj);
        const plain = typeof obj === 'function' || Array.isArray(obj) || proto === null || proto === Object.prototype;
        const out = plain ? {} : Object.create(proto);
        const seen = new Set();
        for (const key in obj) out[key] = substituteInPlace(obj[key], resolveText, seen);
        return out;
      },
      all: function () { return items.slice(); },
      count: function () { return items.length; },
      each: function (fn, self) { items.forEach(fn, self); },
      map: function (fn, self) { return items.map(fn, self); },
      filter: function (fn, self) { return items.filter(fn, self); },
      find: function (fn, self) { return items.find(fn, self); },
      one: function (name) { return items.filter(function (v) { return v.key === name; }).pop(); },
      has: function (name) { return list.has(String(name)); },
      get: function (name) { return list.get(String(name)); },
      toObject: function () { return list.toObject(); },
      toJSON: function () { return items.slice(); },
    };
  }

  // A mutation list as an auto-compacting tracker shows it: the last change of each name.
  function compacted(list) {
    const out = {};
    for (const m of list) {
      if (!m || m.length > 2) continue;
      out[Array.isArray(m[0]) ? m[0].join('.') : m[0]] = m;
    }
    return out;
  }

  // A scope's `mutations`: a live view of this script's changes as the SDK's auto-compacting
  // MutationTracker shows them (count() is the number of names changed).
  function tracker(key) {
    const view = {
      autoCompact: true,
      stream: [],
      count: function () { return Object.keys(compacted(mutations(key))).length; },
      toJSON: function () { return { autoCompact: true, stream: [], compacted: compacted(mutations(key)) }; },
    };
    Object.defineProperty(view, 'compacted', { get: function () { return compacted(mutations(key)); }, enumerable: true });
    return view;
  }
  function defineTracker(scope, key) {
    Object.defineProperty(scope, 'mutations', { get: function () { return tracker(key); }, enumerable: true, configurable: true });
  }

  // How chai shows a scope in failure messages: as the SDK's VariableScope (its id, a uuid,
  // never fits).
  function scopeShape(scope) {
    return [['id', P.chaiParent("'00000000-0000-4000-8000-000000000000'")], ['values', scope.values],
      ['_postman_enableTracking', false], ['mutations', undefined]];
  }
  // What the SDK's isVariableScope looks for on a scope's constructor.
  function VariableScope() {}
  VariableScope._postman_propertyName = 'VariableScope';
  Object.defineProperty(VariableScope, 'name', { value: 'PostmanVariableScope' });
  function discontinued() {
    throw new Error('`VariableScope#variables` has been discontinued, use `VariableScope#syncVariablesTo` instead.');
  }
  let collectionId;
  // A scope's own id when it has no file: the collection's (one a run), or a new one for each
  // script (pm.iterationData, pm.variables).
  function ownId(key) {
    if (key === 'collection') return collectionId || (collectionId = P.lib('uuid').v4());
    const S = P.state();
    const ids = S.scopeIds || (S.scopeIds = {});
    return ids[key] || (ids[key] = P.lib('uuid').v4());
  }

  // `meta` gives the scope's file name and id (environment, globals), or nothing.
  function makeScope(key, meta) {
    const list = function () { return P.scope(key); };
    // Environment, globals and collection variables track changes (compacted); iteration data
    // does not.
    const tracks = key !== 'data';
    const methods = {
      has: function (name) { return list().has(String(name)); },
      get: function (name) { return list().get(String(name)); },
      set: function (name, value, type) {
        const l = list();
        l.set(name, value, type);
        mutations(key).push([name, value]);
        recordChange(key === 'local' ? ['p', key, toWire(l.one(name))] : ['s', key, name, value]);
        P.touch(key);
      },
      unset: function (name) {
        list().unset(name);
        mutations(key).push([name]);
        // A local unset names what the SDK's list compares: the name as text.
        recordChange(['u', key, key === 'local' ? String(name) : name]);
        P.touch(key);
      },
      clear: function () {
        const l = list();
        for (const e of l.entries) mutations(key).push([e.key]);
        l.clear();
        recordChange(['c', key]);
        P.touch(key);
      },
      toObject: function () { return list().toObject(); },
      toJSON: function () {
        const out = {};
        const m = meta && meta();
        out.id = m && m.id ? m.id : ownId(key);
        if (m && m.name !== undefined && m.name !== null) out.name = m.name;
        if (tracks) out.mutations = { autoCompact: true, stream: [], compacted: compacted(mutations(key)) };
        out.values = valueList(list()).toJSON();
        return out;
      },
      // The SDK's sync: `target` gets every variable by name (and loses names it no longer has).
      syncVariablesTo: function (target) {
        const out = target && typeof target === 'object' ? target : {};
        const values = list().toObject();
        for (const k of Object.keys(out)) if (!Object.prototype.hasOwnProperty.call(values, k)) delete out[k];
        return Object.assign(out, values);
      },
      syncVariablesFrom: function (source, track, prune) {
        if (!source || typeof source !== 'object') return undefined;
        const before = list().toObject();
        for (const k of Object.keys(source)) scope.set(k, source[k]);
        if (prune) for (const k of Object.keys(before)) if (!Object.prototype.hasOwnProperty.call(source, k)) scope.unset(k);
        return undefined;
      },
      variables: discontinued,
      replaceIn: function (template) {
        return replaceIn(template, function (name) {
          const e = list().one(name);
          return e ? valueOf(e) : NOT_FOUND;
        });
      },
    };
    // As the SDK's VariableScope: the methods on its prototype (enumerable, as the SDK's
    // are), its own fields in the SDK's order: id, name (a file's that has one), values and,
    // when it tracks changes, the tracking flag and the mutations.
    const proto = Object.assign(Object.create(Object.prototype), methods);
    Object.defineProperty(proto, 'constructor', { value: VariableScope, writable: true, configurable: true, enumerable: false });
    const scope = Object.create(proto);
    if (meta) {
      Object.defineProperty(scope, 'id', { get: function () { return meta().id === null ? undefined : meta().id; }, enumerable: true, configurable: true });
      if (P.namedScopes && P.namedScopes[key]) {
        Object.defineProperty(scope, 'name', { get: function () { return meta().name === null ? undefined : meta().name; }, enumerable: true, configurable: true });
      }
    } else if (key !== 'local') {
      Object.defineProperty(scope, 'id', { get: function () { return ownId(key); }, enumerable: true, configurable: true });
    }
    Object.defineProperty(scope, 'values', { get: function () { return valueList(list()); }, enumerable: true, configurable: true });
    if (tracks) {
      Object.defineProperty(scope, '_postman_enableTracking', { get: function () { return tracked(key); }, enumerable: true, configurable: true });
      defineTracker(scope, key);
    }
    P.chaiShapeFor(scope, 'PostmanVariableScope', scopeShape);
    return scope;
  }

  function lookupAll(name) {
    for (const key of PRECEDENCE) {
      const e = P.scope(key).one(name);
      if (e) return valueOf(e);
    }
    return NOT_FOUND;
  }

  const local = makeScope('local');
  // pm.variables has an id of its own, made up once per script as the sandbox does.
  function variablesId() {
    const S = P.state();
    if (!S.variablesId) S.variablesId = P.lib('uuid').v4();
    return S.variablesId;
  }
  const variablesMethods = {
    has: function (name) { return lookupAll(String(name)) !== NOT_FOUND; },
    get: function (name) {
      const found = lookupAll(String(name));
      return found === NOT_FOUND ? undefined : found;
    },
    set: local.set,
    unset: local.unset,
    clear: local.clear,
    toObject: function () {
      const out = {};
      for (let i = PRECEDENCE.length - 1; i >= 0; i--) Object.assign(out, P.scope(PRECEDENCE[i]).toObject());
      return out;
    },
    toJSON: function () {
      // The local scope's own variables and changes, as Newman's sandbox lists them.
      return { id: variablesId(), mutations: { autoCompact: true, stream: [], compacted: compacted(mutations('local')) },
        values: Object.entries(local.toObject()).map(function (e) { return { type: 'any', value: e[1], key: e[0] }; }) };
    },
    replaceIn: function (template) { return replaceIn(template, lookupAll); },
    syncVariablesTo: function (target) {
      const out = target && typeof target === 'object' ? target : {};
      const values = variables.toObject();
      for (const k of Object.keys(out)) if (!Object.prototype.hasOwnProperty.call(values, k)) delete out[k];
      return Object.assign(out, values);
    },
    syncVariablesFrom: function (source) {
      if (source && typeof source === 'object') for (const k of Object.keys(source)) local.set(k, source[k]);
      return undefined;
    },
    variables: discontinued,
  };
  // Its methods on its prototype, its own fields as the SDK's (id, values, tracking flag,
  // mutations) and the scopes it reads through after its own (the sandbox's layers).
  const variablesProto = Object.assign(Object.create(Object.prototype), variablesMethods);
  Object.defineProperty(variablesProto, 'constructor', { value: VariableScope, writable: true, configurable: true, enumerable: false });
  const variables = Object.create(variablesProto);
  Object.defineProperty(variables, 'id', { get: function () { return variablesId(); }, enumerable: true, configurable: true });
  Object.defineProperty(variables, 'values', { get: function () { return local.values; }, enumerable: true, configurable: true });
  Object.defineProperty(variables, '_postman_enableTracking', { get: function () { return tracked('local'); }, enumerable: true, configurable: true });
  defineTracker(variables, 'local');
  Object.defineProperty(variables, '_layers', {
    get: function () { return [P.scopes.iterationData.values, P.scopes.environment.values, P.scopes.collectionVariables.values, P.scopes.globals.values]; },
    enumerable: true, configurable: true,
  });
  // pm.variables is a scope with layers (the scopes it reads through).
  P.chaiShapeFor(variables, 'PostmanVariableScope', function (scope) {
    const props = scopeShape(scope);
    props.splice(2, 0, ['_layers', []]);
    return props;
  });

  const fileMeta = function (which) {
    return function () { return (P.part('info') || {})[which] || {}; };
  };
  P.scopes = {
    environment: makeScope('environment', fileMeta('environment')),
    globals: makeScope('globals', fileMeta('globals')),
    collectionVariables: makeScope('collection'),
    iterationData: makeScope('data'),
    variables: variables,
  };
  P.scopeToObject = function (list) { return list.toObject(); };
})(globalThis.__postie_internal);
