// postie library: the legacy `_` global of Newman's sandbox, which is lodash 3.10.2 (while
// `require('lodash')` is lodash 4). Built over lib/lodash.js: the same functions, plus the
// lodash 3 names (`pluck`, `contains`, `where`, `indexBy`...), without the lodash-4-only ones
// (`flatMap`, `sumBy`, `padStart`...), and `VERSION` '3.10.2'.
(function (P, lib) {
  'use strict';

  const L4 = lib('lodash');
  // The lodash 4 functions lodash 3.10.2 does not have (its `_` lacks them in Newman).
  const LODASH4_ONLY = [
    'assignIn', 'assignInWith', 'assignWith', 'castArray', 'concat', 'cond', 'conforms',
    'differenceBy', 'differenceWith', 'flatMap', 'flatMapDeep', 'flatMapDepth', 'flattenDepth',
    'flip', 'fromPairs', 'functionsIn', 'intersectionBy', 'intersectionWith', 'invertBy',
    'invokeMap', 'keyBy', 'mergeWith', 'nthArg', 'omitBy', 'orderBy', 'over', 'overArgs',
    'overEvery', 'overSome', 'pickBy', 'pullAll', 'pullAllBy', 'pullAllWith', 'rangeRight',
    'reverse', 'sampleSize', 'setWith', 'sortedUniq', 'sortedUniqBy', 'split', 'toPairs',
    'toPairsIn', 'toPath', 'unary', 'unionBy', 'unionWith', 'uniqBy', 'uniqWith', 'unset',
    'update', 'updateWith', 'xorBy', 'xorWith', 'zipObjectDeep', 'entries', 'entriesIn',
    'extendWith', 'clamp', 'cloneDeepWith', 'cloneWith', 'conformsTo', 'defaultTo', 'divide',
    'hasIn', 'isArrayBuffer', 'isArrayLike', 'isArrayLikeObject', 'isBuffer', 'isEqualWith',
    'isInteger', 'isLength', 'isMap', 'isMatchWith', 'isNil', 'isObjectLike', 'isSafeInteger',
    'isSet', 'isSymbol', 'isWeakMap', 'isWeakSet', 'join', 'lowerCase', 'lowerFirst', 'maxBy',
    'mean', 'meanBy', 'minBy', 'stubArray', 'stubFalse', 'stubObject', 'stubString', 'stubTrue',
    'multiply', 'nth', 'padEnd', 'padStart', 'replace', 'sortedIndexBy', 'sortedIndexOf',
    'sortedLastIndexBy', 'sortedLastIndexOf', 'subtract', 'sumBy', 'toFinite', 'toInteger',
    'toLength', 'toLower', 'toNumber', 'toSafeInteger', 'toUpper', 'trimEnd', 'trimStart',
    'truncate', 'upperCase', 'upperFirst'
  ];
  // lodash 3 wrappers hold the value, the queued actions and the chain flag.
  const _ = function (value) {
    const w = L4(value);
    if (!(value instanceof L4)) { delete w.__index__; delete w.__values__; }
    return w;
  };
  for (const name of Object.keys(L4)) {
    if (name === 'lodash3Names' || LODASH4_ONLY.indexOf(name) !== -1) continue;
    _[name] = L4[name];
  }
  for (const name of Object.keys(L4.lodash3Names)) _[name] = L4.lodash3Names[name];
  _.prototype = L4.prototype;
  _._ = _;
  _.VERSION = '3.10.2';
  // ---- lodash 3 semantics where they differ from lodash 4 -----------------------------------------
  // Callbacks take a `thisArg`: a property name with one is a matchesProperty test; functions
  // (by their `length`) and strings are array-likes; strings convert with `value + ''`.
  const slice = Array.prototype.slice;
  const identity = L4.identity;
  function isLength(v) { return typeof v === 'number' && v > -1 && v % 1 === 0 && v <= Number.MAX_SAFE_INTEGER; }
  function isArrayLike3(v) { return v !== null && v !== undefined && isLength(v.length); }
  function str3(v) { return v === null || v === undefined ? '' : v + ''; }
  function callback(fn, thisArg) {
    const t = typeof fn;
    if (t === 'function') return thisArg === undefined ? fn : function (a, b, c) { return fn.call(thisArg, a, b, c); };
    if (fn === null || fn === undefined) return identity;
    if (t === 'object') return L4.matches(fn);
    return thisArg === undefined ? L4.property(fn) : L4.matchesProperty(fn, thisArg);
  }
  function bindCallback(fn, thisArg) {
    if (typeof fn !== 'function') return identity;
    return thisArg === undefined ? fn : function () { return fn.apply(thisArg, arguments); };
  }
  function isIterateeCall(value, index, object) {
    if (object === null || object === undefined || (typeof object !== 'object' && typeof object !== 'function')) return false;
    const t = typeof index;
    const ok = t === 'number' ? isArrayLike3(object) && index > -1 && index % 1 === 0 && index < object.length : t === 'string' && index in object;
    if (!ok) return false;
    const other = object[index];
    return value === value ? value === other : other !== other;
  }
  // Visit array-likes by index, other objects by own keys; stop when fn returns false.
  function each3(coll, fn, fromRight) {
    if (coll === null || coll === undefined) return coll;
    const n = coll ? coll.length : 0;
    if (isLength(n) && (typeof coll !== 'object' || coll !== null)) {
      const it = Object(coll);
      for (let i = fromRight ? n - 1 : 0; fromRight ? i >= 0 : i < n; fromRight ? i-- : i++) if (fn(it[i], i, it) === false) break;
    } else {
      const ks = Object.keys(Object(coll));
      if (fromRight) ks.reverse();
      for (const k of ks) if (fn(coll[k], k, coll) === false) break;
    }
    return coll;
  }
  function map3(coll, it, thisArg) { it = callback(it, thisArg); const out = []; each3(coll, function (v, k, c) { out.push(it(v, k, c)); }); return out; }
  function filter3(keep) {
    return function (coll, it, thisArg) {
      it = callback(it, thisArg);
      const out = [];
      each3(coll, function (v, k, c) { if (!!it(v, k, c) === keep) out.push(v); });
      return out;
    };
  }
  function find3(fromRight) {
    return function (coll, it, thisArg) {
      it = callback(it, thisArg);
      let found;
      each3(coll, function (v, k, c) { if (it(v, k, c)) { found = v; return false; } return undefined; }, fromRight);
      return found;
    };
  }
  function test3(all) {
    return function (coll, it, thisArg) {
      if (thisArg && isIterateeCall(coll, it, thisArg)) it = undefined;
      it = callback(it, thisArg);
      let out = all;
      each3(coll, function (v, k, c) { if (!!it(v, k, c) !== all) { out = !all; return false; } return undefined; });
      return out;
    };
  }
  function aggregator(setter, init) {
    return function (coll, it, thisArg) {
      it = callback(it, thisArg);
      const out = init();
      each3(coll, function (v, k, c) { setter(out, v, it(v, k, c)); });
      return out;
    };
  }
  function compareAsc(a, b) {
    if (a !== b) {
      const aNull = a === null; const aUndef = a === undefined; const aRefl = a === a;
      const bNull = b === null; const bUndef = b === undefined; const bRefl = b === b;
      if ((a > b && !bNull) || !aRefl || (aNull && !bUndef && bRefl) || (aUndef && bRefl)) return 1;
      if ((a < b && !aNull) || !bRefl || (bNull && !aUndef && aRefl) || (bUndef && aRefl)) return -1;
    }
    return 0;
  }
  function sortBy3(coll, it, thisArg) {
    if (coll === null || coll === undefined) return [];
    if (thisArg && isIterateeCall(coll, it, thisArg)) it = undefined;
    it = callback(it, thisArg);
    const rows = [];
    each3(coll, function (v, k, c) { rows.push({ c: it(v, k, c), i: rows.length, v: v }); });
    rows.sort(function (x, y) { return compareAsc(x.c, y.c) || x.i - y.i; });
    return rows.map(function (r) { return r.v; });
  }
  function sum3(coll, it, thisArg) {
    if (thisArg && isIterateeCall(coll, it, thisArg)) it = undefined;
    it = callback(it, thisArg);
    let total = 0;
    each3(coll, function (v, k, c) { total += +it(v, k, c) || 0; });
    return total;
  }
  function extremum3(better, start) {
    return function (coll, it, thisArg) {
      if (thisArg && isIterateeCall(coll, it, thisArg)) it = undefined;
      it = callback(it, thisArg);
      let best = start;
      let out = start;
      if (it.length === 1) {
        const list = Array.isArray(coll) ? coll : coll === null || coll === undefined ? [] : isArrayLike3(coll) ? Object(coll) : L4.values(coll);
        for (let i = 0; i < list.length; i++) { const c = +it(list[i]); if (better(c, best)) { best = c; out = list[i]; } }
        if (!(list.length && out === start)) return out;
        best = start; out = start;
      }
      each3(coll, function (v, k, c) {
        const cur = +it(v, k, c);
        if (better(cur, best) || (cur === start && cur === out)) { best = cur; out = v; }
      });
      return out;
    };
  }
  function uniq3(a, isSorted, it, thisArg) {
    const n = a ? a.length : 0;
    if (!n) return [];
    if (isSorted !== null && isSorted !== undefined && typeof isSorted !== 'boolean') {
      thisArg = it;
      it = isIterateeCall(a, isSorted, thisArg) ? undefined : isSorted;
      isSorted = false;
    }
    const fn = it === null || it === undefined ? null : callback(it, thisArg);
    const out = [];
    const seen = [];
    for (let i = 0; i < n; i++) {
      const v = a[i];
      const c = fn ? fn(v, i, a) : v;
      if (isSorted ? !i || seen[seen.length - 1] !== c : !seen.some(function (x) { return x === c || (x !== x && c !== c); })) { seen.push(c); out.push(v); }
    }
    return out;
  }
  function baseSlice3(a, start, end) {
    let n = a.length;
    start = start === null || start === undefined ? 0 : (+start || 0);
    if (start < 0) start = -start > n ? 0 : n + start;
    end = end === undefined || end > n ? n : (+end || 0);
    if (end < 0) end += n;
    n = start > end ? 0 : (end - start) >>> 0;
    start >>>= 0;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i + start];
    return out;
  }
  function counted(fromRight, dropping) {
    return function (a, n, guard) {
      const len = a ? a.length : 0;
      if (!len) return [];
      if (guard ? isIterateeCall(a, n, guard) : n === null || n === undefined) n = 1;
      if (!fromRight) return dropping ? baseSlice3(a, n < 0 ? 0 : n) : baseSlice3(a, 0, n < 0 ? 0 : n);
      n = len - (+n || 0);
      return dropping ? baseSlice3(a, 0, n < 0 ? 0 : n) : baseSlice3(a, n < 0 ? 0 : n);
    };
  }
  function reduce3(fromRight) {
    return function (coll, it, acc, thisArg) {
      let init = arguments.length < 3;
      it = typeof it === 'function' ? bindCallback(it, thisArg) : callback(it, thisArg);
      each3(coll, function (v, k, c) { if (init) { init = false; acc = v; } else acc = it(acc, v, k, c); }, fromRight);
      return acc;
    };
  }
  function toArr(v) { return slice.call(Object(v)); }
  function unzip3(a) {
    if (!(a && a.length)) return [];
    const groups = slice.call(a).filter(isArrayLike3);
    const n = Math.max.apply(null, [0].concat(groups.map(function (g) { return g.length; })));
    const out = [];
    for (let i = 0; i < n; i++) out.push(groups.map(function (g) { return Object(g)[i]; }));
    return out;
  }
  function assigner3(name) {
    return function (object) {
      if (object === null || object === undefined || (typeof object !== 'object' && typeof object !== 'function')) return object;
      return L4[name].apply(null, arguments);
    };
  }
  function withCustomizer(withName, plainName) {
    return function (a, b, customizer, thisArg) {
      return typeof customizer === 'function' ? L4[withName](a, b, bindCallback(customizer, thisArg)) : L4[plainName](a, b);
    };
  }
  function trim3(name) {
    return function (string, chars, guard) {
      const value = string;
      string = str3(string);
      if (!string) return string;
      if (guard ? isIterateeCall(value, chars, guard) : chars === null || chars === undefined) return L4[name](string);
      return L4[name](string, str3(chars));
    };
  }
  Object.assign(_, {
    map: map3, collect: map3, filter: filter3(true), select: filter3(true), reject: filter3(false),
    find: find3(false), detect: find3(false), findLast: find3(true),
    some: test3(false), any: test3(false), every: test3(true), all: test3(true),
    groupBy: aggregator(function (o, v, k) { (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : (o[k] = [])).push(v); }, function () { return {}; }),
    countBy: aggregator(function (o, v, k) { o[k] = Object.prototype.hasOwnProperty.call(o, k) ? o[k] + 1 : 1; }, function () { return {}; }),
    indexBy: aggregator(function (o, v, k) { o[k] = v; }, function () { return {}; }),
    partition: aggregator(function (o, v, k) { o[k ? 0 : 1].push(v); }, function () { return [[], []]; }),
    sortBy: sortBy3, sum: sum3,
    max: extremum3(function (a, b) { return a > b; }, -Infinity), min: extremum3(function (a, b) { return a < b; }, Infinity),
    uniq: uniq3, unique: uniq3,
    take: counted(false, false), drop: counted(false, true), takeRight: counted(true, false), dropRight: counted(true, true),
    reduce: reduce3(false), foldl: reduce3(false), inject: reduce3(false), reduceRight: reduce3(true), foldr: reduce3(true),
    times: function (n, it, thisArg) {
      n = Math.floor(n);
      if (n < 1 || !isFinite(n)) return [];
      it = bindCallback(it, thisArg);
      const out = [];
      for (let i = 0; i < n; i++) out.push(it(i));
      return out;
    },
    pluck: function (coll, path) { return map3(coll, L4.property(path)); },
    where: function (coll, source) { return filter3(true)(coll, L4.matches(source)); },
    findWhere: function (coll, source) { return find3(false)(coll, L4.matches(source)); },
    unzip: unzip3, zip: function () { return unzip3(slice.call(arguments)); },
    xor: function () { return L4.xor.apply(null, slice.call(arguments).filter(isArrayLike3).map(toArr)); },
    without: function (a) { return isArrayLike3(a) ? L4.without.apply(null, [toArr(a)].concat(slice.call(arguments, 1))) : []; },
    toArray: function (v) { const n = v ? v.length : 0; if (!isLength(n)) return L4.values(v); return n ? slice.call(Object(v)) : []; },
    assign: assigner3('assign'), extend: assigner3('assign'), defaults: assigner3('defaults'),
    merge: assigner3('merge'), defaultsDeep: assigner3('defaultsDeep'),
    isEqual: withCustomizer('isEqualWith', 'isEqual'), isMatch: withCustomizer('isMatchWith', 'isMatch'),
    cloneDeep: function (v, customizer, thisArg) { return typeof customizer === 'function' ? L4.cloneDeepWith(v, bindCallback(customizer, thisArg)) : L4.cloneDeep(v); },
    clone: function (v, isDeep, customizer, thisArg) {
      if (isDeep && typeof isDeep !== 'boolean' && isIterateeCall(v, isDeep, customizer)) isDeep = false;
      else if (typeof isDeep === 'function') { thisArg = customizer; customizer = isDeep; isDeep = false; }
      if (typeof customizer === 'function') return L4[isDeep ? 'cloneDeepWith' : 'cloneWith'](v, bindCallback(customizer, thisArg));
      return isDeep ? L4.cloneDeep(v) : L4.clone(v);
    },
    trim: trim3('trim'), trimLeft: trim3('trimStart'), trimRight: trim3('trimEnd'),
  });
  for (const name of ['camelCase', 'deburr', 'endsWith', 'escape', 'escapeRegExp', 'kebabCase', 'pad', 'padLeft', 'padRight',
    'repeat', 'snakeCase', 'startCase', 'startsWith', 'trunc', 'words', 'unescape']) {
    const base = _[name];
    if (typeof base === 'function') _[name] = function (s) { return base.apply(null, [str3(s)].concat(slice.call(arguments, 1))); };
  }
  function keys3(o) {
    if (o === null || o === undefined) return [];
    if (typeof o !== 'function' && isArrayLike3(o)) {
      const out = [];
      for (let i = 0; i < o.length; i++) out.push(String(i));
      if (typeof o === 'object') for (const k of Object.keys(o)) if (!/^(?:0|[1-9]\d*)$/.test(k) || +k >= o.length) out.push(k);
      return out;
    }
    return typeof o === 'object' || typeof o === 'function' ? Object.keys(o) : [];
  }
  function objectMapper(setter) {
    return function (o, it, thisArg) {
      it = callback(it, thisArg);
      const out = {};
      for (const k of keys3(o)) setter(out, k, Object(o)[k], it(Object(o)[k], k, o));
      return out;
    };
  }
  _.mapValues = objectMapper(function (out, k, v, r) { out[k] = r; });
  _.mapKeys = objectMapper(function (out, k, v, r) { out[r] = v; });
  _.findKey = function (o, pred, thisArg) {
    pred = callback(pred, thisArg);
    for (const k of keys3(o)) if (pred(Object(o)[k], k, o)) return k;
    return undefined;
  };
  _.findIndex = function (a, pred, thisArg) {
    pred = callback(pred, thisArg);
    const n = a ? a.length : 0;
    for (let i = 0; i < n; i++) if (pred(a[i], i, a)) return i;
    return -1;
  };
  _.callback = callback;
  _.iteratee = callback;
  // lodash 3's capitalize only upper-cases the first character.
  _.capitalize = function (s) {
    const text = s === null || s === undefined ? '' : String(s);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  void P;
  return _;
})
