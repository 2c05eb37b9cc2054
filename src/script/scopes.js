// postie prelude: the variable scopes (`pm.environment`, `pm.globals`, `pm.collectionVariables`,
// `pm.iterationData`, `pm.variables`). Each scope is a Map in the current run state `P.state()`;
// values keep their JavaScript types.
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

  // A few of Postman's dynamic variables, for replaceIn.
  function hex(n) {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(Math.random() * 16).toString(16);
    return out;
  }
  function uuid() {
    return hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + '89ab'[Math.floor(Math.random() * 4)] + hex(3) + '-' + hex(12);
  }
  const DYNAMIC = {
    $guid: uuid,
    $randomUUID: uuid,
    $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
    $isoTimestamp: function () { return new Date().toISOString(); },
    $randomInt: function () { return String(Math.floor(Math.random() * 1001)); },
  };

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
      const dynamic = DYNAMIC[name];
      return dynamic ? dynamic() : undefined;
    });
  }

  const NOT_FOUND = {};

  function toObject(map) {
    const out = {};
    map.forEach(function (value, key) { out[key] = value; });
    return out;
  }

  // What the script did to a scope, as Postman's mutation tracker lists it: [name, value] for
  // a set, [name] for an unset.
  function mutations(key) {
    const S = P.state();
    const all = S.mutations || (S.mutations = {});
    return all[key] || (all[key] = []);
  }

  // The scope's values as a list (Postman's VariableList): `type`, `value`, `key` entries.
  function valueList(map) {
    const items = [];
    map.forEach(function (value, name) { items.push({ type: 'any', value: value, key: name }); });
    return {
      all: function () { return items.slice(); },
      count: function () { return items.length; },
      each: function (fn, self) { items.forEach(fn, self); },
      map: function (fn, self) { return items.map(fn, self); },
      filter: function (fn, self) { return items.filter(fn, self); },
      find: function (fn, self) { return items.find(fn, self); },
      one: function (name) { return items.filter(function (v) { return v.key === name; }).pop(); },
      has: function (name) { return map.has(String(name)); },
      get: function (name) { return map.get(String(name)); },
      toObject: function () { return toObject(map); },
      toJSON: function () { return items.slice(); },
    };
  }

  // `meta` gives the scope's file name and id (environment, globals), or nothing.
  function makeScope(key, meta) {
    const map = function () { return P.scope(key); };
    const scope = {
      has: function (name) { return map().has(String(name)); },
      get: function (name) { return map().get(String(name)); },
      set: function (name, value, type) {
        if (type === 'number') value = Number(value);
        else if (type === 'boolean') value = typeof value === 'string' ? value !== 'false' && value !== '' : Boolean(value);
        else if (type === 'string') value = value === undefined || value === null ? value : String(value);
        map().set(String(name), value);
        mutations(key).push([String(name), value]);
        P.touch(key);
      },
      unset: function (name) { map().delete(String(name)); mutations(key).push([String(name)]); P.touch(key); },
      clear: function () { map().clear(); P.touch(key); },
      toObject: function () { return toObject(map()); },
      toJSON: function () {
        const out = {};
        const m = meta && meta();
        if (m && m.id) out.id = m.id;
        if (m && m.name !== undefined && m.name !== null) out.name = m.name;
        out.mutations = { autoCompact: false, stream: mutations(key).slice(), compacted: {} };
        out.values = valueList(map()).toJSON();
        return out;
      },
      replaceIn: function (template) {
        return replaceIn(template, function (name) {
          const m = map();
          return m.has(name) ? m.get(name) : NOT_FOUND;
        });
      },
    };
    Object.defineProperty(scope, 'values', { get: function () { return valueList(map()); }, enumerable: true });
    if (meta) {
      Object.defineProperty(scope, 'name', { get: function () { return meta().name === null ? undefined : meta().name; }, enumerable: true });
      Object.defineProperty(scope, 'id', { get: function () { return meta().id === null ? undefined : meta().id; }, enumerable: true });
    }
    return scope;
  }

  function lookupAll(name) {
    for (const key of PRECEDENCE) {
      const m = P.scope(key);
      if (m.has(name)) return m.get(name);
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
  const variables = {
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
      for (let i = PRECEDENCE.length - 1; i >= 0; i--) Object.assign(out, toObject(P.scope(PRECEDENCE[i])));
      return out;
    },
    toJSON: function () {
      return { id: variablesId(), mutations: { autoCompact: false, stream: mutations('local').slice(), compacted: {} },
        values: Object.entries(variables.toObject()).map(function (e) { return { type: 'any', value: e[1], key: e[0] }; }) };
    },
    replaceIn: function (template) { return replaceIn(template, lookupAll); },
  };

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
  P.scopeToObject = toObject;
})(globalThis.__postie_internal);
