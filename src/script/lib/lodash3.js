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
  // ---- more lodash 3.10 functions (tools/libdiff/known/lodash-legacy.txt lists what is left) ----
  const FUNC_ERROR = 'Expected a function';
  function isIndex3(v, length) {
    v = typeof v === 'number' || /^\d+$/.test(v) ? +v : -1;
    length = length === null || length === undefined ? Number.MAX_SAFE_INTEGER : length;
    return v > -1 && v % 1 === 0 && v < length;
  }
  function restParam3(func, start) {
    if (typeof func !== 'function') throw new TypeError(FUNC_ERROR);
    start = Math.max(start === undefined ? func.length - 1 : (+start || 0), 0);
    return function () {
      const args = slice.call(arguments, 0, start);
      while (args.length < start) args.push(undefined);
      args.push(slice.call(arguments, start));
      return func.apply(this, args);
    };
  }
  // Flatten one level (or deeply): arrays and arguments objects only.
  function flatten3(list, deep, out) {
    out = out || [];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      const spread = v !== null && typeof v === 'object' && isArrayLike3(v) &&
        (Array.isArray(v) || Object.prototype.toString.call(v) === '[object Arguments]');
      if (spread && deep) flatten3(v, deep, out);
      else if (spread) for (let k = 0; k < v.length; k++) out.push(v[k]);
      else out.push(v);
    }
    return out;
  }
  function sameValueZeroIndex(list, v) {
    for (let i = 0; i < list.length; i++) if (list[i] === v || (v !== v && list[i] !== list[i])) return i;
    return -1;
  }
  function unzipWith3(array, it, thisArg) {
    if (!(array && array.length)) return [];
    const groups = unzip3(array);
    if (it === null || it === undefined) return groups;
    it = bindCallback(it, thisArg);
    return groups.map(function (g) {
      let acc = g[0];
      for (let i = 1; i < g.length; i++) acc = it(acc, g[i], i, g);
      return acc;
    });
  }
  // lodash 3's rounding: a precision of any sign scales by 10^precision.
  function round3(method) {
    return function (n, precision) {
      precision = precision === undefined ? 0 : (+precision || 0);
      if (precision) {
        precision = Math.pow(10, precision);
        return Math[method](n * precision) / precision;
      }
      return Math[method](n);
    };
  }
  function binaryIndexBy3(array, value, it, retHighest) {
    value = it(value);
    let low = 0;
    let high = array ? array.length : 0;
    const valIsNaN = value !== value; const valIsNull = value === null; const valIsUndef = value === undefined;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const computed = it(array[mid]);
      const isDef = computed !== undefined; const isReflexive = computed === computed;
      let setLow;
      if (valIsNaN) setLow = isReflexive || retHighest;
      else if (valIsNull) setLow = isReflexive && isDef && (retHighest || computed != null);
      else if (valIsUndef) setLow = isReflexive && (retHighest || isDef);
      else if (computed === null || computed === undefined) setLow = false;
      else setLow = retHighest ? computed <= value : computed < value;
      if (setLow) low = mid + 1; else high = mid;
    }
    return Math.min(high, 4294967294);
  }
  function sortedIndex3(retHighest) {
    return function (array, value, it, thisArg) {
      if (it === null || it === undefined) {
        let low = 0;
        let high = array ? array.length : low;
        if (typeof value === 'number' && value === value && high <= 2147483647) {
          while (low < high) {
            const mid = (low + high) >>> 1;
            const computed = array[mid];
            if ((retHighest ? computed <= value : computed < value) && computed !== null) low = mid + 1; else high = mid;
          }
          return high;
        }
        return binaryIndexBy3(array, value, identity, retHighest);
      }
      const t = typeof it;
      const fn = t === 'function' ? (thisArg === undefined ? it : function (v) { return it.call(thisArg, v); })
        : t === 'object' ? L4.matches(it) : thisArg === undefined ? L4.property(it) : L4.matchesProperty(it, thisArg);
      return binaryIndexBy3(array, value, fn, retHighest);
    };
  }
  const RE_REGEXP_CHARS = /^[:!,]|[\\^$.*+?()[\]{}|/]|(^[0-9a-fA-Fnrtuvx])|([\n\r\u2028\u2029])/g;
  const WHITESPACE_ESCAPES = { '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029' };
  const WORDS = /[A-Z\xc0-\xd6\xd8-\xde]+(?=[A-Z\xc0-\xd6\xd8-\xde][a-z\xdf-\xf6\xf8-\xff]+)|[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+|[A-Z\xc0-\xd6\xd8-\xde]+|[0-9]+/g;
  Object.assign(_, {
    add: function (a, b) { return (+a || 0) + (+b || 0); },
    gt: function (a, b) { return a > b; },
    gte: function (a, b) { return a >= b; },
    lt: function (a, b) { return a < b; },
    lte: function (a, b) { return a <= b; },
    ceil: round3('ceil'), floor: round3('floor'), round: round3('round'),
    backflow: _.flowRight, compose: _.flowRight,
    restParam: restParam3,
    modArgs: restParam3(function (func, transforms) {
      transforms = flatten3(transforms);
      if (typeof func !== 'function' || !transforms.every(function (t) { return typeof t === 'function'; })) throw new TypeError(FUNC_ERROR);
      const n = transforms.length;
      return restParam3(function (args) {
        for (let i = Math.min(args.length, n) - 1; i >= 0; i--) args[i] = transforms[i](args[i]);
        return func.apply(this, args);
      });
    }),
    chunk: function (array, size, guard) {
      size = (guard ? isIterateeCall(array, size, guard) : size === null || size === undefined) ? 1 : Math.max(Math.floor(size) || 1, 1);
      const length = array ? array.length : 0;
      const out = new Array(Math.ceil(length / size));
      let at = 0;
      for (let i = 0; i < length; i += size) out[at++] = baseSlice3(array, i, i + size);
      return out;
    },
    escapeRegExp: function (string) {
      string = str3(string);
      if (!string) return '(?:)';
      return string.replace(RE_REGEXP_CHARS, function (chr, leading, space) {
        if (leading) return '\\x' + chr.charCodeAt(0).toString(16);
        if (space) return '\\' + WHITESPACE_ESCAPES[chr];
        return '\\' + chr;
      });
    },
    intersection: restParam3(function (arrays) {
      arrays = arrays.map(function (a) { return isArrayLike3(a) ? a : []; });
      const first = arrays[0];
      const out = [];
      const n = first ? first.length : 0;
      outer: for (let i = 0; i < n; i++) {
        const v = first[i];
        if (sameValueZeroIndex(out, v) >= 0) continue;
        for (let k = arrays.length - 1; k > 0; k--) if (sameValueZeroIndex(arrays[k], v) < 0) continue outer;
        out.push(v);
      }
      return out;
    }),
    invert: function (object, multi, guard) {
      if (guard && isIterateeCall(object, multi, guard)) multi = undefined;
      const out = {};
      for (const k of keys3(object)) {
        const v = object[k];
        if (!multi) out[v] = k;
        else if (Object.prototype.hasOwnProperty.call(out, v)) out[v].push(k);
        else out[v] = [k];
      }
      return out;
    },
    invoke: restParam3(function (coll, path, args) {
      const isFunc = typeof path === 'function';
      const isProp = (typeof path === 'string' && /^\w*$/.test(path)) || typeof path === 'number' ||
        (!Array.isArray(path) && !/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\n\\]|\\.)*?\1)\]/.test(path));
      const out = isArrayLike3(coll) ? new Array(coll.length) : [];
      let at = 0;
      each3(coll, function (v) {
        let fn = isFunc ? path : isProp && v !== null && v !== undefined ? v[path] : undefined;
        let self = v;
        if (!fn && !isFunc && v !== null && v !== undefined) {
          const parts = L4.toPath(path);
          self = parts.length === 1 ? v : L4.get(v, parts.slice(0, -1));
          fn = self === null || self === undefined ? undefined : self[parts[parts.length - 1]];
        }
        out[at++] = fn === null || fn === undefined ? undefined : fn.apply(self, args);
      });
      return out;
    }),
    zipObject: function (props, values) {
      const n = props ? props.length : 0;
      const out = {};
      if (n && !values && !Array.isArray(props[0])) values = [];
      for (let i = 0; i < n; i++) {
        const key = props[i];
        if (values) out[key] = values[i];
        else if (key) out[key[0]] = key[1];
      }
      return out;
    },
    remove: function (array, pred, thisArg) {
      const out = [];
      if (!(array && array.length)) return out;
      pred = callback(pred, thisArg);
      const indexes = [];
      for (let i = 0; i < array.length; i++) if (pred(array[i], i, array)) { out.push(array[i]); indexes.push(i); }
      let previous;
      for (let k = indexes.length - 1; k >= 0; k--) {
        if (indexes[k] !== previous && isIndex3(indexes[k])) { previous = indexes[k]; Array.prototype.splice.call(array, indexes[k], 1); }
      }
      return out;
    },
    repeat: function (string, n) {
      string = str3(string);
      n = +n;
      if (n < 1 || !string || !isFinite(n)) return '';
      let out = '';
      do { if (n % 2) out += string; n = Math.floor(n / 2); string += string; } while (n);
      return out;
    },
    sortedIndex: sortedIndex3(false), sortedLastIndex: sortedIndex3(true),
    takeRightWhile: function (array, pred, thisArg) {
      if (!(array && array.length)) return [];
      pred = callback(pred, thisArg);
      let i = array.length;
      while (i-- && pred(array[i], i, array)) { /* keep going */ }
      return baseSlice3(array, i + 1);
    },
    trunc: function (string, options, guard) {
      if (guard && isIterateeCall(string, options, guard)) options = undefined;
      let length = 30;
      let omission = '...';
      let separator;
      if (options !== null && options !== undefined) {
        if (typeof options === 'object' || typeof options === 'function') {
          separator = 'separator' in options ? options.separator : separator;
          length = 'length' in options ? (+options.length || 0) : length;
          omission = 'omission' in options ? str3(options.omission) : omission;
        } else {
          length = +options || 0;
        }
      }
      string = str3(string);
      if (length >= string.length) return string;
      const end = length - omission.length;
      if (end < 1) return omission;
      let result = string.slice(0, end);
      if (separator === null || separator === undefined) return result + omission;
      if (separator instanceof RegExp) {
        if (string.slice(end).search(separator)) {
          const re = separator.global ? separator : new RegExp(separator.source, (/\w*$/.exec(separator) || '') + 'g');
          const sub = string.slice(0, end);
          let m;
          let newEnd;
          re.lastIndex = 0;
          while ((m = re.exec(sub))) { newEnd = m.index; if (!m[0]) re.lastIndex++; }
          result = result.slice(0, newEnd === undefined ? end : newEnd);
        }
      } else if (string.indexOf(separator, end) !== end) {
        const at = result.lastIndexOf(separator);
        if (at > -1) result = result.slice(0, at);
      }
      return result + omission;
    },
    unzipWith: unzipWith3,
    zipWith: restParam3(function (arrays) {
      let n = arrays.length;
      let it = n > 2 ? arrays[n - 2] : undefined;
      let thisArg = n > 1 ? arrays[n - 1] : undefined;
      if (n > 2 && typeof it === 'function') n -= 2;
      else { it = n > 1 && typeof thisArg === 'function' ? (--n, thisArg) : undefined; thisArg = undefined; }
      arrays.length = n;
      return unzipWith3(arrays, it, thisArg);
    }),
    words: function (string, pattern, guard) {
      if (guard && isIterateeCall(string, pattern, guard)) pattern = undefined;
      return str3(string).match(pattern || WORDS) || [];
    },
  });
  _.object = _.zipObject;
  // Sort by several iteratees (ascending), stable.
  _.sortByAll = restParam3(function (coll, iteratees) {
    if (coll === null || coll === undefined) return [];
    const guard = iteratees[2];
    if (guard && isIterateeCall(iteratees[0], iteratees[1], guard)) iteratees.length = 1;
    const fns = flatten3(iteratees).map(function (it) { return callback(it); });
    const rows = [];
    each3(coll, function (v) { rows.push({ c: fns.map(function (f) { return f(v); }), i: rows.length, v: v }); });
    rows.sort(function (x, y) {
      for (let k = 0; k < x.c.length; k++) { const r = compareAsc(x.c[k], y.c[k]); if (r) return r; }
      return x.i - y.i;
    });
    return rows.map(function (r) { return r.v; });
  });
  void P;
  return _;
})
