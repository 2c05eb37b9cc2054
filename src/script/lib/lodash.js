// postie library: `require('lodash')` and the legacy `_` global. postie's own implementation of
// the commonly used lodash 4 API (collections, arrays, objects, strings, lang checks, `_.chain`).
// Postman's legacy `_` is lodash 3: lib/lodash3.js builds it over this one with the lodash 3
// names (`_.contains`, `_.pluck`, `_.where`, `_.indexBy`, `_.rest`...).
(function (P, lib) {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  let EXT = null;
  const toStr = Object.prototype.toString;

  // ---- lang ----------------------------------------------------------------------------------
  const isArray = Array.isArray;
  function isObject(v) { const t = typeof v; return v !== null && (t === 'object' || t === 'function'); }
  function isObjectLike(v) { return v !== null && typeof v === 'object'; }
  function isPlainObject(v) {
    if (!isObjectLike(v) || toStr.call(v) !== '[object Object]') return false;
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
  }
  function isFunction(v) { return typeof v === 'function'; }
  function isString(v) { return typeof v === 'string' || toStr.call(v) === '[object String]'; }
  function isNumber(v) { return typeof v === 'number' || toStr.call(v) === '[object Number]'; }
  function isBoolean(v) { return v === true || v === false || toStr.call(v) === '[object Boolean]'; }
  function isNil(v) { return v === null || v === undefined; }
  function isArrayLike(v) {
    return v !== null && v !== undefined && typeof v !== 'function' && Number.isInteger(v.length) && v.length >= 0;
  }
  function isEmpty(v) {
    if (v === null || v === undefined) return true;
    if (isArrayLike(v) && (isArray(v) || typeof v === 'string' || typeof v.splice === 'function' || toStr.call(v) === '[object Arguments]')) return !v.length;
    if (v instanceof Map || v instanceof Set) return !v.size;
    if (isObjectLike(v) || typeof v === 'function') {
      for (const k in v) if (hasOwn.call(v, k)) return false;
      return true;
    }
    return true;
  }
  function isEqual(a, b) { return EXT.baseIsEqual(a, b); }
  function toNumber(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'symbol') return NaN;
    if (isObject(v)) v = v.valueOf();
    if (typeof v === 'string') {
      const s = v.trim();
      if (/^0b[01]+$/i.test(s)) return parseInt(s.slice(2), 2);
      if (/^0o[0-7]+$/i.test(s)) return parseInt(s.slice(2), 8);
      return s === '' ? 0 : Number(s);
    }
    return Number(v);
  }
  function toFinite(v) {
    const n = toNumber(v);
    if (n === Infinity || n === -Infinity) return (n < 0 ? -1 : 1) * Number.MAX_VALUE;
    return n === n ? n : 0;
  }
  function toInteger(v) { const n = toFinite(v); return n - (n % 1); }
  function toString(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (isArray(v)) return v.map(nestedString).join(',');
    if (v === 0 && 1 / v === -Infinity) return '-0';
    return String(v);
  }
  function nestedString(x) { return typeof x === 'string' ? x : isArray(x) ? x.map(nestedString).join(',') : typeof x === 'symbol' ? x.toString() : x === 0 && 1 / x === -Infinity ? '-0' : String(x); }
  function toArray(v) {
    if (v === null || v === undefined) return [];
    if (typeof v === 'string') return Array.from(v);
    if (isArrayLike(v)) return Array.prototype.slice.call(v);
    if (v instanceof Map || v instanceof Set) return Array.from(v.values());
    return isObject(v) ? values(v) : [];
  }

  // ---- paths and iteratees ---------------------------------------------------------------------
  function toPath(path) {
    if (isArray(path)) return path.map(String);
    if (typeof path === 'symbol') return [path];
    const s = String(path);
    const out = [];
    const re = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
    if (s.charCodeAt(0) === 46) out.push('');
    s.replace(re, function (match, number, quote, sub) {
      out.push(quote ? sub.replace(/\\(\\)?/g, '$1') : number !== undefined ? number : match);
    });
    return out;
  }
  function get(obj, path, fallback) {
    const parts = obj !== null && obj !== undefined && hasOwnPathKey(obj, path) ? [path] : toPath(path);
    let cur = obj;
    for (let i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined) return fallback;
      cur = cur[parts[i]];
    }
    return cur === undefined || !parts.length ? fallback : cur;
  }
  function hasOwnPathKey(obj, path) {
    return (typeof path === 'string' || typeof path === 'number') && isObject(obj) && hasOwn.call(obj, path) && !isArray(path);
  }
  function has(obj, path) {
    if (obj === null || obj === undefined) return false;
    if (hasOwnPathKey(obj, path)) return true;
    const parts = toPath(path);
    let cur = obj;
    for (const key of parts) {
      if (cur === null || cur === undefined || !hasOwn.call(Object(cur), key)) return false;
      cur = cur[key];
    }
    return parts.length > 0;
  }
  function hasIn(obj, path) {
    const parts = toPath(path);
    let cur = obj;
    for (const key of parts) {
      if (cur === null || cur === undefined || !(key in Object(cur))) return false;
      cur = cur[key];
    }
    return parts.length > 0;
  }
  function set(obj, path, value) {
    if (!isObject(obj)) return obj;
    const parts = toPath(path);
    let cur = obj;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i];
      if (i === parts.length - 1) {
        cur[key] = value;
      } else {
        if (!isObject(cur[key])) cur[key] = /^(?:0|[1-9]\d*)$/.test(parts[i + 1]) ? [] : {};
        cur = cur[key];
      }
    }
    return obj;
  }
  function unset(obj, path) {
    const parts = toPath(path);
    const parent = parts.length > 1 ? get(obj, parts.slice(0, -1)) : obj;
    if (parent === null || parent === undefined) return true;
    return delete parent[parts[parts.length - 1]];
  }
  function update(obj, path, fn) { return set(obj, path, fn(get(obj, path))); }
  function property(path) { return function (o) { return get(o, path); }; }
  function isMatch(obj, src) {
    if (EXT) return obj === src || EXT.baseIsMatch(obj, src);
    if (obj === src) return true;
    if (obj === null || obj === undefined) return isEmpty(src);
    for (const key of Object.keys(src)) {
      const want = src[key];
      const have = obj[key];
      if (isObjectLike(want) && !isArray(want)) {
        if (!isObjectLike(have) || !isMatch(have, want)) return false;
      } else if (isArray(want)) {
        if (!isArray(have) || !want.every(function (w) { return have.some(function (h) { return isObjectLike(w) ? isMatch(h, w) : isEqual(h, w); }); })) return false;
      } else if (!(key in Object(obj)) || !isEqual(have, want)) {
        return false;
      }
    }
    return true;
  }
  function matches(src) { return EXT.api.matches(src); }
  function matchesProperty(path, value) { return EXT.api.matchesProperty(path, value); }
  function identity(v) { return v; }
  function iteratee(fn) {
    if (fn === null || fn === undefined) return identity;
    if (typeof fn === 'function') return fn;
    if (isArray(fn)) return matchesProperty(fn[0], fn[1]);
    if (typeof fn === 'object') return matches(fn);
    return property(fn);
  }

  // ---- collections -----------------------------------------------------------------------------
  function keys(obj) {
    if (obj === null || obj === undefined) return [];
    if (isArrayLike(obj) && typeof obj !== 'function') {
      const out = [];
      for (let i = 0; i < obj.length; i++) out.push(String(i));
      for (const k of Object.keys(obj)) if (!/^\d+$/.test(k)) out.push(k);
      return out;
    }
    return Object.keys(Object(obj));
  }
  function keysIn(obj) { const out = []; for (const k in Object(obj)) out.push(k); return out; }
  function values(obj) { return keys(obj).map(function (k) { return obj[k]; }); }
  function entries(obj) {
    if (obj instanceof Map) return Array.from(obj.entries());
    return keys(obj).map(function (k) { return [k, obj[k]]; });
  }
  // Iterate arrays (and strings) by index, objects by own keys; stop when fn returns false.
  function each(coll, fn) {
    if (coll === null || coll === undefined) return coll;
    if (typeof fn !== 'function') fn = identity;
    if (isArrayLike(coll)) {
      for (let i = 0; i < coll.length; i++) if (fn(coll[i], i, coll) === false) break;
    } else {
      for (const k of Object.keys(Object(coll))) if (fn(coll[k], k, coll) === false) break;
    }
    return coll;
  }
  function eachRight(coll, fn) {
    if (coll === null || coll === undefined) return coll;
    if (typeof fn !== 'function') fn = identity;
    if (isArrayLike(coll)) {
      for (let i = coll.length - 1; i >= 0; i--) if (fn(coll[i], i, coll) === false) break;
    } else {
      const ks = Object.keys(Object(coll));
      for (let i = ks.length - 1; i >= 0; i--) if (fn(coll[ks[i]], ks[i], coll) === false) break;
    }
    return coll;
  }
  function map(coll, fn) {
    fn = iteratee(fn);
    const out = [];
    each(coll, function (v, k, c) { out.push(fn(v, k, c)); });
    return out;
  }
  function filter(coll, fn) {
    fn = iteratee(fn);
    const out = [];
    each(coll, function (v, k, c) { if (fn(v, k, c)) out.push(v); });
    return out;
  }
  function reject(coll, fn) { fn = iteratee(fn); return filter(coll, function (v, k, c) { return !fn(v, k, c); }); }
  function reduce(coll, fn, acc) {
    let first = arguments.length < 3;
    each(coll, function (v, k, c) {
      if (first) { acc = v; first = false; } else acc = fn(acc, v, k, c);
    });
    return acc;
  }
  function reduceRight(coll, fn, acc) {
    let first = arguments.length < 3;
    eachRight(coll, function (v, k, c) {
      if (first) { acc = v; first = false; } else acc = fn(acc, v, k, c);
    });
    return acc;
  }
  // find/findLast search array-likes by index and objects by their keys, from `from`.
  function finder(indexFn) {
    return function (coll, fn, from) {
      if (coll === null || coll === undefined) return undefined;
      fn = iteratee(fn);
      if (isArrayLike(coll)) { const at = indexFn(coll, fn, from); return at > -1 ? coll[at] : undefined; }
      const ks = keys(coll);
      const at = indexFn(ks, function (k) { return fn(coll[k], k, coll); }, from);
      return at > -1 ? coll[ks[at]] : undefined;
    };
  }
  function findIndex(arr, fn, from) {
    const n = arr === null || arr === undefined ? 0 : arr.length;
    if (!n) return -1;
    fn = iteratee(fn);
    let i = from === null || from === undefined ? 0 : toInteger(from);
    if (i < 0) i = Math.max(n + i, 0);
    for (; i < n; i++) if (fn(arr[i], i, arr)) return i;
    return -1;
  }
  function findLastIndex(arr, fn, from) {
    const n = arr === null || arr === undefined ? 0 : arr.length;
    if (!n) return -1;
    fn = iteratee(fn);
    let i = n - 1;
    if (from !== undefined) { i = toInteger(from); i = from < 0 ? Math.max(n + i, 0) : Math.min(i, n - 1); }
    for (; i >= 0; i--) if (fn(arr[i], i, arr)) return i;
    return -1;
  }
  const find = finder(findIndex);
  const findLast = finder(findLastIndex);
  function findKey(obj, fn) {
    fn = iteratee(fn);
    for (const k of keys(obj)) if (fn(obj[k], k, obj)) return k;
    return undefined;
  }
  function some(coll, fn) { fn = iteratee(fn); let ok = false; each(coll, function (v, k, c) { if (fn(v, k, c)) { ok = true; return false; } return undefined; }); return ok; }
  function every(coll, fn) { fn = iteratee(fn); let ok = true; each(coll, function (v, k, c) { if (!fn(v, k, c)) { ok = false; return false; } return undefined; }); return ok; }
  function sameValueZero(a, b) { return a === b || (a !== a && b !== b); }
  function includes(coll, value, from) {
    if (coll === null || coll === undefined) return false;
    if (typeof coll === 'string') return coll.indexOf(value, from || 0) !== -1;
    const list = isArrayLike(coll) ? coll : values(coll);
    let start = toInteger(from || 0);
    if (start < 0) start = Math.max(list.length + start, 0);
    for (let i = start; i < list.length; i++) if (sameValueZero(list[i], value)) return true;
    return false;
  }
  function size(coll) {
    if (coll === null || coll === undefined) return 0;
    if (isArrayLike(coll)) return coll.length;
    if (coll instanceof Map || coll instanceof Set) return coll.size;
    return Object.keys(coll).length;
  }
  function groupInto(coll, fn, add) {
    fn = iteratee(fn);
    const out = {};
    each(coll, function (v) { add(out, String(fn(v)), v); });
    return out;
  }
  function groupBy(coll, fn) { return groupInto(coll, fn, function (o, k, v) { (hasOwn.call(o, k) ? o[k] : (o[k] = [])).push(v); }); }
  function keyBy(coll, fn) { return groupInto(coll, fn, function (o, k, v) { o[k] = v; }); }
  function countBy(coll, fn) { return groupInto(coll, fn, function (o, k) { o[k] = (o[k] || 0) + 1; }); }
  function partition(coll, fn) {
    fn = iteratee(fn);
    const out = [[], []];
    each(coll, function (v) { out[fn(v) ? 0 : 1].push(v); });
    return out;
  }
  function compareValues(a, b) {
    if (a === b) return 0;
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    if (a === null) return 1;
    if (b === null) return -1;
    if (a !== a) return 1;
    if (b !== b) return -1;
    return a > b ? 1 : a < b ? -1 : 0;
  }
  function orderBy(coll, fns, orders) {
    fns = (fns === undefined ? [identity] : isArray(fns) ? fns : [fns]).map(function (f) { return isArray(f) ? property(f) : iteratee(f); });
    if (!fns.length) fns = [identity];
    orders = isArray(orders) ? orders : orders === undefined ? [] : [orders];
    const rows = map(coll, function (v, i) { return { v: v, i: i, k: fns.map(function (f) { return f(v); }) }; });
    rows.sort(function (a, b) {
      for (let j = 0; j < fns.length; j++) {
        const c = compareValues(a.k[j], b.k[j]);
        if (c) return String(orders[j]).toLowerCase() === 'desc' ? -c : c;
      }
      return a.i - b.i;
    });
    return rows.map(function (r) { return r.v; });
  }
  function sortBy(coll) {
    const fns = flattenDepth(Array.prototype.slice.call(arguments, 1), 1);
    return orderBy(coll, fns.length ? fns : [identity]);
  }
  function sample(coll) { const list = toArray(isArrayLike(coll) ? coll : values(coll)); return list.length ? list[Math.floor(Math.random() * list.length)] : undefined; }
  function shuffle(coll) {
    const list = isArrayLike(coll) ? Array.prototype.slice.call(coll) : values(coll);
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      const t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  function sampleSize(coll, n) { return shuffle(coll).slice(0, n === undefined ? 1 : Math.max(0, toInteger(n))); }
  function invokeMap(coll, path) {
    const args = Array.prototype.slice.call(arguments, 2);
    return map(coll, function (v) { const fn = typeof path === 'function' ? path : get(v, path); return fn === null || fn === undefined ? undefined : fn.apply(v, args); });
  }
  function flatMap(coll, fn) { return flattenDepth(map(coll, fn), 1); }

  // ---- arrays ----------------------------------------------------------------------------------
  function arr(a) { return a === null || a === undefined ? [] : Array.prototype.slice.call(a); }
  function chunk(a, n) {
    a = arr(a); n = Math.max(toInteger(n === undefined ? 1 : n), 0);
    const out = [];
    if (!n) return out;
    for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
    return out;
  }
  function compact(a) { return arr(a).filter(Boolean); }
  function concat(a) {
    let out = isArray(a) ? a.slice() : [a];
    for (let i = 1; i < arguments.length; i++) out = out.concat(arguments[i]);
    return out;
  }
  function flattenDepth(a, depth) {
    const out = [];
    (function walk(list, d) {
      for (const v of list) {
        if ((isArray(v) || toStr.call(v) === '[object Arguments]') && d > 0) walk(v, d - 1);
        else out.push(v);
      }
    })(arr(a), depth === undefined ? 1 : toInteger(depth));
    return out;
  }
  function flatten(a) { return flattenDepth(a, 1); }
  function flattenDeep(a) { return flattenDepth(a, Infinity); }
  function uniqBy(a, fn) {
    fn = iteratee(fn);
    const seen = new Set();
    const out = [];
    for (const v of arr(a)) {
      const k = fn(v);
      if (!seen.has(k)) { seen.add(k); out.push(v); }
    }
    return out;
  }
  function uniq(a) { return uniqBy(a, identity); }
  function uniqWith(a, cmp) {
    const out = [];
    for (const v of arr(a)) if (!out.some(function (o) { return cmp(v, o); })) out.push(v);
    return out;
  }
  function lastArgFn(args) {
    const last = args[args.length - 1];
    return isArrayLike(last) || last === undefined ? [args, identity] : [Array.prototype.slice.call(args, 0, -1), iteratee(last)];
  }
  function differenceBy(a) {
    const [lists, fn] = lastArgFn(Array.prototype.slice.call(arguments, 1));
    const exclude = new Set(flatten(lists).map(function (v) { return fn(v); }));
    return arr(a).filter(function (v) { return !exclude.has(fn(v)); });
  }
  function difference(a) { return differenceBy.apply(null, [a].concat(Array.prototype.slice.call(arguments, 1), [identity])); }
  function without(a) { const ex = Array.prototype.slice.call(arguments, 1); return arr(a).filter(function (v) { return !includes(ex, v); }); }
  function intersectionBy() {
    const [lists, fn] = lastArgFn(Array.prototype.slice.call(arguments));
    if (!lists.length) return [];
    const rest = lists.slice(1).map(function (l) { return new Set(arr(l).map(function (v) { return fn(v); })); });
    return uniqBy(arr(lists[0]).filter(function (v) { const k = fn(v); return rest.every(function (s) { return s.has(k); }); }), fn);
  }
  function intersection() { return intersectionBy.apply(null, Array.prototype.slice.call(arguments).concat([identity])); }
  function unionBy() {
    const [lists, fn] = lastArgFn(Array.prototype.slice.call(arguments));
    return uniqBy(flatten(lists.filter(isArrayLike)), fn);
  }
  function union() { return unionBy.apply(null, Array.prototype.slice.call(arguments).concat([identity])); }
  function xor() {
    const lists = Array.prototype.slice.call(arguments).map(uniq);
    const all = flatten(lists);
    return uniq(all.filter(function (v) { return lists.filter(function (l) { return includes(l, v); }).length === 1; }));
  }
  function zip() {
    const lists = Array.prototype.slice.call(arguments).map(arr);
    const n = Math.max.apply(null, [0].concat(lists.map(function (l) { return l.length; })));
    const out = [];
    for (let i = 0; i < n; i++) out.push(lists.map(function (l) { return l[i]; }));
    return out;
  }
  function unzip(a) { return zip.apply(null, arr(a)); }
  function zipObject(ks, vs) { const out = {}; arr(ks).forEach(function (k, i) { out[k] = vs ? vs[i] : undefined; }); return out; }
  function zipObjectDeep(ks, vs) { const out = {}; arr(ks).forEach(function (k, i) { set(out, k, vs ? vs[i] : undefined); }); return out; }
  function fromPairs(pairs) { const out = {}; for (const p of arr(pairs)) out[p[0]] = p[1]; return out; }
  function first(a) { return a && a.length ? a[0] : undefined; }
  function last(a) { return a && a.length ? a[a.length - 1] : undefined; }
  function nth(a, n) { a = arr(a); n = toInteger(n || 0); return a[n < 0 ? a.length + n : n]; }
  function tail(a) { return arr(a).slice(1); }
  function initial(a) { return arr(a).slice(0, -1); }
  function take(a, n) { return arr(a).slice(0, Math.max(0, n === undefined ? 1 : toInteger(n))); }
  function takeRight(a, n) { a = arr(a); n = n === undefined ? 1 : toInteger(n); return n <= 0 ? [] : a.slice(-n); }
  function drop(a, n) { return arr(a).slice(Math.max(0, n === undefined ? 1 : toInteger(n))); }
  function dropRight(a, n) { a = arr(a); n = n === undefined ? 1 : toInteger(n); return a.slice(0, Math.max(0, a.length - n)); }
  function takeWhile(a, fn) { fn = iteratee(fn); a = arr(a); let i = 0; while (i < a.length && fn(a[i], i, a)) i++; return a.slice(0, i); }
  function dropWhile(a, fn) { fn = iteratee(fn); a = arr(a); let i = 0; while (i < a.length && fn(a[i], i, a)) i++; return a.slice(i); }
  function indexOf(a, v, from) { a = arr(a); for (let i = Math.max(0, toInteger(from || 0)); i < a.length; i++) if (sameValueZero(a[i], v)) return i; return -1; }
  function lastIndexOf(a, v) { a = arr(a); for (let i = a.length - 1; i >= 0; i--) if (sameValueZero(a[i], v)) return i; return -1; }
  function pull(a) { const ex = Array.prototype.slice.call(arguments, 1); return pullAll(a, ex); }
  function pullAll(a, ex) {
    for (let i = a.length - 1; i >= 0; i--) if (includes(ex, a[i])) a.splice(i, 1);
    return a;
  }
  function remove(a, fn) {
    fn = iteratee(fn);
    const out = [];
    for (let i = 0; i < a.length;) {
      if (fn(a[i], i, a)) out.push(a.splice(i, 1)[0]); else i++;
    }
    return out;
  }
  function fill(a, v, start, end) {
    start = start === undefined ? 0 : toInteger(start);
    end = end === undefined ? a.length : toInteger(end);
    return Array.prototype.fill.call(a, v, start, end);
  }
  function reverse(a) { return a.reverse(); }
  function join(a, sep) { return arr(a).join(sep === undefined ? ',' : sep); }
  function sortedIndex(a, v) { let lo = 0; let hi = a ? a.length : 0; while (lo < hi) { const mid = (lo + hi) >>> 1; if (compareValues(a[mid], v) < 0) lo = mid + 1; else hi = mid; } return lo; }

  // ---- math ------------------------------------------------------------------------------------
  function sumBy(a, fn) { fn = iteratee(fn); let total; for (const v of arr(a)) { const x = fn(v); if (x !== undefined) total = total === undefined ? x : total + x; } return total === undefined ? 0 : total; }
  function sum(a) { return sumBy(a, identity); }
  function meanBy(a, fn) { a = arr(a); return a.length ? sumBy(a, fn) / a.length : NaN; }
  function mean(a) { return meanBy(a, identity); }
  function extremeBy(a, fn, better) {
    fn = iteratee(fn);
    let best; let bestKey;
    for (const v of arr(a)) {
      const k = fn(v);
      if (k !== null && k !== undefined && k === k && (bestKey === undefined || better(k, bestKey))) { best = v; bestKey = k; }
    }
    return best;
  }
  function maxBy(a, fn) { return extremeBy(a, fn, function (x, y) { return x > y; }); }
  function minBy(a, fn) { return extremeBy(a, fn, function (x, y) { return x < y; }); }
  function max(a) { return maxBy(a, identity); }
  function min(a) { return minBy(a, identity); }
  function clamp(n, lo, hi) { if (hi === undefined) { hi = lo; lo = undefined; } n = toNumber(n); if (hi !== undefined) n = Math.min(n, toNumber(hi)); if (lo !== undefined) n = Math.max(n, toNumber(lo)); return n; }
  function inRange(n, start, end) { if (end === undefined) { end = start; start = 0; } return n >= Math.min(start, end) && n < Math.max(start, end); }
  function random(lo, hi, floating) {
    if (typeof hi === 'boolean') { floating = hi; hi = undefined; }
    if (typeof lo === 'boolean') { floating = lo; lo = undefined; }
    if (lo === undefined && hi === undefined) { lo = 0; hi = 1; } else if (hi === undefined) { hi = lo; lo = 0; }
    lo = toFinite(lo); hi = toFinite(hi);
    if (lo > hi) { const t = lo; lo = hi; hi = t; }
    if (floating || lo % 1 || hi % 1) return lo + Math.random() * (hi - lo);
    return lo + Math.floor(Math.random() * (hi - lo + 1));
  }
  function range(start, end, step) {
    if (end === undefined) { end = start; start = 0; }
    start = toFinite(start); end = toFinite(end);
    step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
    const out = [];
    const n = Math.max(Math.ceil((end - start) / (step || 1)), 0);
    for (let i = 0; i < n; i++) out.push(start + i * step);
    return out;
  }
  function rangeRight(start, end, step) { return range(start, end, step).reverse(); }
  function rounder(fn) {
    return function (n, precision) {
      precision = precision ? toInteger(precision) : 0;
      const f = Math.pow(10, precision);
      return fn(toNumber(n) * f) / f;
    };
  }
  function times(n, fn) { fn = fn === undefined ? identity : iteratee(fn); const out = []; for (let i = 0; i < toInteger(n); i++) out.push(fn(i)); return out; }

  // ---- objects ---------------------------------------------------------------------------------
  function assign(target) {
    target = Object(target);
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      if (src !== null && src !== undefined) for (const k of keys(src)) target[k] = src[k];
    }
    return target;
  }
  function assignIn(target) {
    target = Object(target);
    for (let i = 1; i < arguments.length; i++) { const src = arguments[i]; for (const k in Object(src)) target[k] = src[k]; }
    return target;
  }
  function defaults(target) {
    target = Object(target);
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      for (const k in Object(src)) if (target[k] === undefined || (target[k] === Object.prototype[k] && !hasOwn.call(target, k))) target[k] = src[k];
    }
    return target;
  }
  function defaultsDeep(target) {
    target = Object(target);
    for (let i = 1; i < arguments.length; i++) {
      const src = arguments[i];
      for (const k in Object(src)) {
        if (target[k] === undefined) target[k] = cloneDeep(src[k]);
        else if (isPlainObject(target[k]) && isPlainObject(src[k])) defaultsDeep(target[k], src[k]);
      }
    }
    return target;
  }
  function baseMerge(target, sources, custom) {
    function mergeInto(dst, src) {
      for (const k of isArray(src) ? keys(src) : Object.keys(Object(src))) {
        const sv = src[k];
        const dv = dst[k];
        const chosen = custom ? custom(dv, sv, k, dst, src) : undefined;
        if (chosen !== undefined) { dst[k] = chosen; continue; }
        if (isArray(sv)) {
          dst[k] = mergeInto(isArray(dv) ? dv : isArrayLike(dv) && typeof dv !== 'string' ? Array.prototype.slice.call(dv) : [], sv);
        } else if (isPlainObject(sv)) {
          dst[k] = mergeInto(isObject(dv) && typeof dv !== 'function' ? dv : {}, sv);
        } else if (sv !== undefined || !(k in dst)) {
          dst[k] = sv;
        }
      }
      return dst;
    }
    target = Object(target);
    for (const src of sources) if (src !== null && src !== undefined) mergeInto(target, src);
    return target;
  }
  function merge(target) { return baseMerge(target, Array.prototype.slice.call(arguments, 1), null); }
  function mergeWith(target) {
    const args = Array.prototype.slice.call(arguments, 1);
    const custom = args.length > 1 && typeof args[args.length - 1] === 'function' ? args.pop() : null;
    return baseMerge(target, args, custom);
  }
  function pick(obj) {
    const out = {};
    if (obj === null || obj === undefined) return out;
    for (const path of flattenDeep(Array.prototype.slice.call(arguments, 1))) if (hasIn(obj, path)) set(out, path, get(obj, path));
    return out;
  }
  function pickBy(obj, fn) { fn = iteratee(fn); const out = {}; for (const k in Object(obj)) if (fn(obj[k], k)) out[k] = obj[k]; return out; }
  function omit(obj) {
    const drop = flattenDeep(Array.prototype.slice.call(arguments, 1)).map(String);
    const out = {};
    for (const k in Object(obj)) out[k] = obj[k];
    for (const path of drop) if (path.indexOf('.') !== -1 && !hasOwn.call(out, path)) { const c = cloneDeep(out); unset(c, path); Object.assign(out, c); for (const k of Object.keys(out)) if (!(k in c)) delete out[k]; } else delete out[path];
    return out;
  }
  function omitBy(obj, fn) { fn = iteratee(fn); return pickBy(obj, function (v, k) { return !fn(v, k); }); }
  function mapValues(obj, fn) { fn = iteratee(fn); const out = {}; for (const k of keys(obj)) out[k] = fn(obj[k], k, obj); return out; }
  function mapKeys(obj, fn) { fn = iteratee(fn); const out = {}; for (const k of keys(obj)) out[fn(obj[k], k, obj)] = obj[k]; return out; }
  function invert(obj) { const out = {}; for (const k of keys(obj)) out[obj[k]] = k; return out; }
  function invertBy(obj, fn) { fn = iteratee(fn); const out = {}; for (const k of keys(obj)) { const v = fn(obj[k]); (out[v] || (out[v] = [])).push(k); } return out; }
  function forOwn(obj, fn) { fn = iteratee(fn); for (const k of keys(obj)) if (fn(obj[k], k, obj) === false) break; return obj; }
  function forIn(obj, fn) { fn = iteratee(fn); for (const k in Object(obj)) if (fn(obj[k], k, obj) === false) break; return obj; }
  function transform(obj, fn, acc) {
    if (acc === undefined) acc = isArray(obj) ? [] : {};
    each(obj, function (v, k) { return fn(acc, v, k, obj); });
    return acc;
  }
  function result(obj, path, fallback) { const v = get(obj, path); if (v === undefined) return typeof fallback === 'function' ? fallback.call(obj) : fallback; if (typeof v !== 'function') return v; const parts = toPath(path); return v.call(parts.length > 1 ? get(obj, parts.slice(0, -1)) : obj); }
  function functions(obj) { return keys(obj).filter(function (k) { return typeof obj[k] === 'function'; }); }
  function create(proto, props) { return assign(Object.create(proto), props); }
  function cloneWith(v, deep, seen) {
    if (!isObject(v) || typeof v === 'function') return v;
    if (deep && seen.has(v)) return seen.get(v);
    let out;
    const tag = toStr.call(v);
    if (isArray(v)) out = new Array(v.length);
    else if (tag === '[object Date]') return new Date(v.getTime());
    else if (tag === '[object RegExp]') { out = new RegExp(v.source, v.flags); out.lastIndex = v.lastIndex; return out; }
    else if (v instanceof Map) { out = new Map(); if (deep) seen.set(v, out); v.forEach(function (x, k) { out.set(k, deep ? cloneWith(x, true, seen) : x); }); return out; }
    else if (v instanceof Set) { out = new Set(); if (deep) seen.set(v, out); v.forEach(function (x) { out.add(deep ? cloneWith(x, true, seen) : x); }); return out; }
    else if (ArrayBuffer.isView(v)) return v.slice();
    else if (tag === '[object Error]' || tag === '[object WeakMap]') return {};
    else out = Object.create(Object.getPrototypeOf(v));
    if (deep) seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = deep ? cloneWith(v[k], true, seen) : v[k];
    return out;
  }
  function clone(v) { return typeof v === 'function' ? {} : cloneWith(v, false, null); }
  function cloneDeep(v) { return typeof v === 'function' ? {} : cloneWith(v, true, new Map()); }

  // ---- strings ---------------------------------------------------------------------------------
  const WORD = /[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+(?:['’](?:d|ll|m|re|s|t|ve))?(?=[\xac\xb1\xd7\xf7\s\W_]|[A-Z\xc0-\xd6\xd8-\xde]|$)|(?:[A-Z\xc0-\xd6\xd8-\xde]|[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\s\d\W_a-z\xdf-\xf6\xf8-\xff])+(?:['’](?:D|LL|M|RE|S|T|VE))?(?=[\xac\xb1\xd7\xf7\s\W_]|[A-Z\xc0-\xd6\xd8-\xde](?:[a-z\xdf-\xf6\xf8-\xff]|[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\s\d\W_a-z\xdf-\xf6\xf8-\xff])|$)|[A-Z\xc0-\xd6\xd8-\xde]?(?:[a-z\xdf-\xf6\xf8-\xff]|[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\s\d\W_a-z\xdf-\xf6\xf8-\xff])+(?:['’](?:d|ll|m|re|s|t|ve))?|[A-Z\xc0-\xd6\xd8-\xde]+(?:['’](?:D|LL|M|RE|S|T|VE))?|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+|\p{Emoji_Presentation}/gu;
  function words(s, pattern, guard) {
    s = toString(s);
    if (guard) pattern = undefined;
    if (pattern !== undefined) return s.match(pattern) || [];
    return s.replace(/['’]/g, '').match(WORD) || [];
  }
  function upperFirst(s) { s = toString(s); return s.charAt(0).toUpperCase() + s.slice(1); }
  function lowerFirst(s) { s = toString(s); return s.charAt(0).toLowerCase() + s.slice(1); }
  function capitalize(s) { return upperFirst(toString(s).toLowerCase()); }
  // Latin-1 and Latin Extended-A letters to basic Latin, and combining marks dropped.
  const DEBURR_SPECIAL = { 'Æ': 'Ae', 'æ': 'ae', 'Ð': 'D', 'ð': 'd', 'Ø': 'O', 'ø': 'o', 'Þ': 'Th', 'þ': 'th', 'ß': 'ss',
    'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ĳ': 'IJ', 'ĳ': 'ij', 'ĸ': 'k', 'Ŀ': 'L', 'ŀ': 'l', 'Ł': 'L', 'ł': 'l',
    'ŉ': "'n", 'Ŋ': 'N', 'ŋ': 'n', 'Œ': 'Oe', 'œ': 'oe', 'Ŧ': 'T', 'ŧ': 't', 'ſ': 's' };
  function deburr(s) {
    return toString(s).replace(/[\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u017f]/g, function (c) {
      return DEBURR_SPECIAL[c] || c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    }).replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, '');
  }
  function caseWords(s) { return words(deburr(s).replace(/['\u2019]/g, '')); }
  function camelCase(s) { return caseWords(s).map(function (w, i) { w = w.toLowerCase(); return i ? upperFirst(w) : w; }).join(''); }
  function joinWords(sep, fn) { return function (s) { return caseWords(s).map(fn).join(sep); }; }
  const kebabCase = joinWords('-', function (w) { return w.toLowerCase(); });
  const snakeCase = joinWords('_', function (w) { return w.toLowerCase(); });
  const lowerCase = joinWords(' ', function (w) { return w.toLowerCase(); });
  const upperCase = joinWords(' ', function (w) { return w.toUpperCase(); });
  const startCase = joinWords(' ', upperFirst);
  function charsPattern(chars) { return '[' + String(chars).replace(/[\\\]^-]/g, '\\$&') + ']'; }
  function trimmer(start, end) {
    return function (s, chars, guard) {
      s = toString(s);
      if (guard || chars === undefined) return start && end ? s.trim() : start ? s.trimStart() : s.trimEnd();
      const c = charsPattern(nestedString(chars));
      if (start) s = s.replace(new RegExp('^' + c + '+'), '');
      if (end) s = s.replace(new RegExp(c + '+$'), '');
      return s;
    };
  }
  function repeat(s, n) { n = n === undefined ? 1 : toInteger(n); return n > 0 ? toString(s).repeat(n) : ''; }
  function padding(len, chars) { chars = chars === undefined ? ' ' : toString(chars); if (!chars || len <= 0) return ''; return chars.repeat(Math.ceil(len / chars.length)).slice(0, len); }
  function pad(s, len, chars) { s = toString(s); const total = toInteger(len) - s.length; if (total <= 0) return s; const left = Math.floor(total / 2); return padding(left, chars) + s + padding(total - left, chars); }
  function padStart(s, len, chars) { s = toString(s); return padding(toInteger(len) - s.length, chars) + s; }
  function padEnd(s, len, chars) { s = toString(s); return s + padding(toInteger(len) - s.length, chars); }
  const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const HTML_UNESCAPES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  function escape(s) { return toString(s).replace(/[&<>"']/g, function (c) { return HTML_ESCAPES[c]; }); }
  function unescape(s) { return toString(s).replace(/&(?:amp|lt|gt|quot|#39);/g, function (e) { return HTML_UNESCAPES[e]; }); }
  function escapeRegExp(s) { return toString(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }
  function startsWith(s, target, pos) { s = toString(s); pos = pos === null || pos === undefined ? 0 : Math.min(Math.max(toInteger(pos), 0), s.length); return s.slice(pos, pos + nestedString(target).length) === nestedString(target); }
  function endsWith(s, target, pos) {
    s = toString(s);
    target = nestedString(target);
    const end = pos === undefined ? s.length : Math.min(Math.max(toInteger(pos), 0), s.length);
    const start = end - target.length;
    return start >= 0 && s.slice(start, end) === target;
  }
  function truncate(s, opts) {
    s = toString(s);
    opts = isObject(opts) ? opts : {};
    const length = opts.length === undefined ? 30 : toInteger(opts.length);
    const omission = opts.omission === undefined ? '...' : toString(opts.omission);
    if (s.length <= length) return s;
    let out = s.slice(0, Math.max(0, length - omission.length));
    if (opts.separator !== undefined) {
      const sep = opts.separator;
      let at = -1;
      if (sep instanceof RegExp) { const re = new RegExp(sep.source, sep.flags.indexOf('g') === -1 ? sep.flags + 'g' : sep.flags); let m; while ((m = re.exec(out)) !== null) { at = m.index; if (!m[0]) re.lastIndex++; } } else at = out.lastIndexOf(toString(sep));
      if (at > -1) out = out.slice(0, at);
    }
    return out + omission;
  }
  function lodashParseInt(s, radix) {
    s = toString(s).trim();
    return parseInt(s, radix ? +radix : /^0x/i.test(s) ? 16 : 10);
  }
  const DEFAULT_INTERPOLATE = /<%=([\s\S]+?)%>/g;
  function template(text, opts) {
    opts = assign({}, _.templateSettings, opts);
    const source = toString(text);
    const parts = [];
    // With the default `interpolate`, ES template delimiters `${...}` interpolate too.
    // A delimiter that never matches still has its one group, so the replacer's arguments stay
    // in place (lodash's `reNoMatch`).
    const NO_MATCH = /($^)/;
    const esTemplate = opts.interpolate === DEFAULT_INTERPOLATE ? /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/ : NO_MATCH;
    const re = new RegExp([(opts.escape || NO_MATCH).source, (opts.interpolate || NO_MATCH).source, esTemplate.source,
      (opts.evaluate || NO_MATCH).source, '$'].join('|'), 'g');
    let at = 0;
    let code = "var __p = '';\n";
    source.replace(re, function (match, esc, interp, esInterp, evaluate, offset) {
      code += "__p += " + JSON.stringify(source.slice(at, offset)) + ";\n";
      if (esc) code += "__p += __e(" + esc + ");\n";
      interp = interp || esInterp;
      if (interp) code += "__p += ((__t = (" + interp + ")) == null ? '' : __t);\n";
      if (evaluate) code += evaluate + "\n";
      at = offset + match.length;
      return match;
    });
    void parts;
    const variable = opts.variable;
    const body = 'var __t;\n' + (variable ? code : 'with (obj || {}) {\n' + code + '}\n') + 'return __p;';
    const imports = assign({ _: _ }, opts.imports);
    const names = Object.keys(imports);
    // eslint-disable-next-line no-new-func
    const factory = Function.apply(null, names.concat(['__e', variable || 'obj', body]));
    const compiled = function (data) {
      return factory.apply(this, names.map(function (n) { return imports[n]; }).concat([escape, data]));
    };
    compiled.source = 'function(' + (variable || 'obj') + ') {\n' + body + '\n}';
    return compiled;
  }

  // ---- functions -------------------------------------------------------------------------------
  function noop() {}
  function constant(v) { return function () { return v; }; }
  function once(fn) { let done = false; let out; return function () { if (!done) { done = true; out = fn.apply(this, arguments); fn = undefined; } return out; }; }
  function before(n, fn) { let out; return function () { if (--n > 0) out = fn.apply(this, arguments); return out; }; }
  function after(n, fn) { return function () { if (--n < 1) return fn.apply(this, arguments); return undefined; }; }
  function negate(fn) { return function () { return !fn.apply(this, arguments); }; }
  function memoize(fn, resolver) {
    const memo = function () {
      const key = resolver ? resolver.apply(this, arguments) : arguments[0];
      if (memo.cache.has(key)) return memo.cache.get(key);
      const out = fn.apply(this, arguments);
      memo.cache.set(key, out);
      return out;
    };
    memo.cache = new Map();
    return memo;
  }
  // Timer-based helpers run on the sandbox's virtual timers.
  function debounce(fn, wait) {
    let timer = null;
    let lastArgs = null;
    let lastThis = null;
    let out;
    const debounced = function () {
      lastArgs = arguments; lastThis = this;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; out = fn.apply(lastThis, lastArgs); }, wait || 0);
      return out;
    };
    debounced.cancel = function () { if (timer !== null) clearTimeout(timer); timer = null; };
    debounced.flush = function () { if (timer !== null) { clearTimeout(timer); timer = null; out = fn.apply(lastThis, lastArgs); } return out; };
    return debounced;
  }
  function throttle(fn, wait) {
    let last = -Infinity;
    let out;
    const throttled = function () { const now = Date.now(); if (now - last >= (wait || 0)) { last = now; out = fn.apply(this, arguments); } return out; };
    throttled.cancel = noop;
    throttled.flush = function () { return out; };
    return throttled;
  }
  function delay(fn, wait) { const args = Array.prototype.slice.call(arguments, 2); return setTimeout(function () { fn.apply(undefined, args); }, wait); }
  function defer(fn) { const args = Array.prototype.slice.call(arguments, 1); return setTimeout(function () { fn.apply(undefined, args); }, 1); }
  function partial(fn) { const bound = Array.prototype.slice.call(arguments, 1); return function () { return fn.apply(this, bound.concat(Array.prototype.slice.call(arguments))); }; }
  function bind(fn, self) { return fn.bind.apply(fn, [self].concat(Array.prototype.slice.call(arguments, 2))); }
  function flow() { const fns = flatten(arguments); return function () { let out = fns.length ? fns[0].apply(this, arguments) : arguments[0]; for (let i = 1; i < fns.length; i++) out = fns[i].call(this, out); return out; }; }
  let idCounter = 0;
  function uniqueId(prefix) { return toString(prefix) + ++idCounter; }
  function attempt(fn) { try { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); } catch (e) { return e instanceof Error ? e : new Error(e); } }

  // ---- the lodash object and chaining ----------------------------------------------------------
  function Wrapper(value, chained) {
    this.__wrapped__ = value; this.__actions__ = []; this.__chain__ = chained; this.__index__ = 0; this.__values__ = undefined;
  }
  function _(value) { return value instanceof Wrapper ? value : new Wrapper(value, false); }
  Wrapper.prototype.value = function () { return this.__wrapped__; };
  Wrapper.prototype.valueOf = Wrapper.prototype.value;
  Wrapper.prototype.toJSON = Wrapper.prototype.value;
  Wrapper.prototype.toString = function () { return String(this.__wrapped__); };
  Wrapper.prototype.chain = function () { this.__chain__ = true; return this; };
  Wrapper.prototype.commit = function () { return this; };
  Wrapper.prototype.tap = function (fn) { fn(this.__wrapped__); return this; };
  Wrapper.prototype.thru = function (fn) { return new Wrapper(fn(this.__wrapped__), this.__chain__); };
  Wrapper.prototype[Symbol.iterator] = function () { return toArray(this.__wrapped__)[Symbol.iterator](); };
  _.chain = function (value) { return new Wrapper(value, true); };
  _.tap = function (v, fn) { fn(v); return v; };
  _.thru = function (v, fn) { return fn(v); };

  // Methods whose result ends an implicit (non-`chain`) wrapper.
  const VALUE_METHODS = new Set(['get', 'has', 'hasIn', 'find', 'findLast', 'findIndex', 'findLastIndex', 'findKey', 'some', 'every',
    'includes', 'size', 'reduce', 'reduceRight', 'first', 'head', 'last', 'nth', 'sum', 'sumBy', 'mean', 'meanBy', 'max', 'maxBy',
    'min', 'minBy', 'isEmpty', 'isEqual', 'join', 'indexOf', 'lastIndexOf', 'sample', 'toString', 'camelCase', 'kebabCase',
    'snakeCase', 'startCase', 'capitalize', 'upperFirst', 'lowerFirst', 'trim', 'trimStart', 'trimEnd', 'pad', 'padStart',
    'padEnd', 'repeat', 'escape', 'unescape', 'startsWith', 'endsWith', 'toNumber', 'parseInt', 'isArray', 'isObject',
    'isString', 'isNumber', 'isPlainObject', 'isNil', 'isFunction', 'isBoolean', 'lowerCase', 'upperCase', 'truncate',
    'contains', 'detect', 'all', 'any', 'toLower', 'toUpper', 'isMatch', 'every']);

  const api = {
    isArray, isObject, isObjectLike, isPlainObject, isFunction, isString, isNumber, isBoolean, isNil, isEmpty, isEqual, isArrayLike, isMatch,
    isNull: function (v) { return v === null; },
    isUndefined: function (v) { return v === undefined; },
    isDate: function (v) { return toStr.call(v) === '[object Date]'; },
    isRegExp: function (v) { return toStr.call(v) === '[object RegExp]'; },
    isError: function (v) { return toStr.call(v) === '[object Error]' || v instanceof Error; },
    isNaN: function (v) { return isNumber(v) && v != +v; },
    isFinite: function (v) { return typeof v === 'number' && isFinite(v); },
    isInteger: Number.isInteger, isSafeInteger: Number.isSafeInteger,
    isSymbol: function (v) { return typeof v === 'symbol'; },
    isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; },
    isArguments: function (v) { return toStr.call(v) === '[object Arguments]'; },
    isElement: function () { return false; },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isEqualWith: function (a, b, fn) { const r = fn ? fn(a, b) : undefined; return r === undefined ? isEqual(a, b) : Boolean(r); },
    toNumber, toFinite, toInteger, toString, toArray, toPath,
    toSafeInteger: function (v) { return clamp(toInteger(v), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER); },
    castArray: function () { return !arguments.length ? [] : isArray(arguments[0]) ? arguments[0] : [arguments[0]]; },
    get, set, has, hasIn, unset, update, property, matches, matchesProperty, identity, iteratee,
    keys, keysIn, values, valuesIn: function (o) { return keysIn(o).map(function (k) { return o[k]; }); },
    toPairs: entries, entries, toPairsIn: function (o) { return keysIn(o).map(function (k) { return [k, o[k]]; }); },
    each, forEach: each, eachRight, forEachRight: eachRight, map, filter, reject, reduce, reduceRight, find, findLast,
    findIndex, findLastIndex, findKey, some, every, includes, size, groupBy, keyBy, countBy, partition, orderBy, sortBy,
    sample, sampleSize, shuffle, invokeMap, flatMap,
    chunk, compact, concat, flatten, flattenDeep, flattenDepth, uniq, uniqBy, uniqWith, difference, differenceBy, without,
    intersection, intersectionBy, union, unionBy, xor, zip, unzip, zipObject, zipObjectDeep, fromPairs, first, head: first, last, nth,
    tail, initial, take, takeRight, drop, dropRight, takeWhile, dropWhile, indexOf, lastIndexOf, pull, pullAll, remove, fill,
    reverse, join, sortedIndex, sortedUniq: uniq,
    sum, sumBy, mean, meanBy, max, maxBy, min, minBy, clamp, inRange, random, range, rangeRight, times,
    add: function (a, b) { return a + b; }, subtract: function (a, b) { return a - b; },
    multiply: function (a, b) { return a * b; }, divide: function (a, b) { return a / b; },
    round: rounder(Math.round), floor: rounder(Math.floor), ceil: rounder(Math.ceil),
    assign, extend: assignIn, assignIn, defaults, defaultsDeep, merge, mergeWith, pick, pickBy, omit, omitBy, mapValues, mapKeys,
    invert, invertBy, forOwn, forIn, transform, result, functions, create, clone, cloneDeep,
    cloneDeepWith: function (v, fn) { const r = fn ? fn(v) : undefined; return r === undefined ? cloneDeep(v) : r; },
    words, deburr, upperFirst, lowerFirst, capitalize, camelCase, kebabCase, snakeCase, lowerCase, upperCase, startCase,
    trim: trimmer(true, true), trimStart: trimmer(true, false), trimEnd: trimmer(false, true),
    repeat, pad, padStart, padEnd, escape, unescape, escapeRegExp, startsWith, endsWith, truncate, template,
    parseInt: lodashParseInt,
    toLower: function (s) { return toString(s).toLowerCase(); }, toUpper: function (s) { return toString(s).toUpperCase(); },
    replace: function (s, pattern, replacement) { return toString(s).replace(pattern, replacement); },
    split: function (s, sep, limit) { return toString(s).split(sep, limit); },
    noop, constant, once, before, after, negate, memoize, debounce, throttle, delay, defer, partial, bind, flow,
    uniqueId, attempt,
    now: function () { return Date.now(); },
    stubTrue: constant(true), stubFalse: constant(false), stubArray: function () { return []; }, stubObject: function () { return {}; },
  };
  // lodash 3 names, for the legacy `_` (lib/lodash3.js); not on lodash 4 itself.
  const lodash3Names = {
    contains: includes, include: includes, pluck: function (c, p) { return map(c, property(p)); },
    where: function (c, src) { return filter(c, matches(src)); }, findWhere: function (c, src) { return find(c, matches(src)); },
    indexBy: keyBy, rest: tail, object: zipObject, pairs: entries, collect: map, detect: find, all: every, any: some,
    foldl: reduce, foldr: reduceRight, inject: reduce, select: filter, unique: uniq, methods: functions,
    trunc: truncate, padLeft: padStart, padRight: padEnd, sortByOrder: orderBy,
  };
  Object.defineProperty(_, 'lodash3Names', { value: lodash3Names, enumerable: false });
  api.mixin = function (target, source) {
    if (source === undefined) { source = target; target = _; }
    if (source === null || source === undefined) return target;
    for (const name of Object.keys(source)) {
      if (typeof source[name] !== 'function') continue;
      target[name] = source[name];
      if (target === _) addWrapperMethod(name);
    }
    return target;
  };
  api.noConflict = function () { return _; };
  api.runInContext = function () { return _; };

  function addWrapperMethod(name) {
    Wrapper.prototype[name] = function () {
      const out = _[name].apply(_, [this.__wrapped__].concat(Array.prototype.slice.call(arguments)));
      if (!this.__chain__ && VALUE_METHODS.has(name)) return out;
      return new Wrapper(out, this.__chain__);
    };
  }
  for (const name of Object.keys(api)) {
    _[name] = api[name];
    addWrapperMethod(name);
  }
  // Array methods on wrappers (lodash's "seq" methods).
  for (const name of ['push', 'pop', 'shift', 'unshift', 'splice', 'sort']) {
    Wrapper.prototype[name] = function () {
      const a = this.__wrapped__;
      const out = Array.prototype[name].apply(a, arguments);
      if (!this.__chain__ && (name === 'pop' || name === 'shift')) return out;
      return new Wrapper(name === 'pop' || name === 'shift' ? out : a, this.__chain__);
    };
  }
  // The rest of the API (lib/lodash-ext.js).
  EXT = lib('lodash-ext')(_, {
    isObject, isObjectLike, isArrayLike, toNumber, toInteger, toFinite, toString, keys, keysIn, identity, iteratee, toPath,
    flattenDepth, cloneDeep, clone, assign, each, eachRight, map, flow, debounce, throttle, delay, defer, Wrapper,
  });
  for (const name of Object.keys(EXT.api)) {
    _[name] = EXT.api[name];
    addWrapperMethod(name);
  }
  _._ = _;
  _.templateSettings = { escape: /<%-([\s\S]+?)%>/g, evaluate: /<%([\s\S]+?)%>/g, interpolate: DEFAULT_INTERPOLATE, variable: '', imports: {} };
  _.VERSION = '4.17.21';
  _.prototype = Wrapper.prototype;
  void P;
  return _;
})
