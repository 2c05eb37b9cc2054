// postie library: the second half of `require('lodash')` (lib/lodash.js installs it): deep
// equality and partial matching, the *With/*By/*Right variants, sorted-array helpers, guards,
// math operators, and the function combinators. postie's own implementation of lodash 4's
// documented behaviour. Returns an installer called with lodash.js's `_` and its internals.
(function () {
  'use strict';

  return function install(_, I) {
    const hasOwn = Object.prototype.hasOwnProperty;
    const toStr = Object.prototype.toString;
    const isArray = Array.isArray;
    const slice = Array.prototype.slice;
    const { isObject, isObjectLike, isArrayLike, toNumber, toInteger, toFinite, toString, keys, keysIn, identity, iteratee, Wrapper } = I;
    const MAX_INDEX = 4294967294;

    function isArrayLikeObject(v) { return isObjectLike(v) && isArrayLike(v); }
    function isLength(v) { return typeof v === 'number' && v > -1 && v % 1 === 0 && v <= Number.MAX_SAFE_INTEGER; }
    function isIndex(v, length) {
      length = length === undefined ? Number.MAX_SAFE_INTEGER : length;
      const t = typeof v;
      return !!length && (t === 'number' || (t !== 'symbol' && /^(?:0|[1-9]\d*)$/.test(v))) && v > -1 && v % 1 === 0 && v < length;
    }
    function eq(a, b) { return a === b || (a !== a && b !== b); }
    // Whether (value, index, object) look like the arguments of an iteratee call (`_.map(x, fn)`).
    function isIterateeCall(value, index, object) {
      if (!isObject(object)) return false;
      const t = typeof index;
      if (t === 'number' ? isArrayLike(object) && isIndex(index, object.length) : t === 'string' && index in object) return eq(object[index], value);
      return false;
    }
    function castFunction(fn) { return typeof fn === 'function' ? fn : identity; }
    function requireFunction(fn) { if (typeof fn !== 'function') throw new TypeError('Expected a function'); return fn; }
    function len(a) { return a === null || a === undefined ? 0 : a.length; }
    function tagOf(v) { return toStr.call(v).slice(8, -1); }

    // ---- paths ---------------------------------------------------------------------------------
    function isKey(value, object) {
      if (isArray(value)) return false;
      const t = typeof value;
      if (t === 'number' || t === 'symbol' || t === 'boolean' || value === null || value === undefined) return true;
      return /^\w*$/.test(value) || !/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/.test(value) ||
        (object !== null && object !== undefined && value in Object(object));
    }
    function castPath(value, object) {
      if (isArray(value)) return value;
      return isKey(value, object) ? [value] : I.toPath(toString(value));
    }
    function toKey(v) {
      if (typeof v === 'string' || typeof v === 'symbol') return v;
      const s = String(v);
      return s === '0' && 1 / v === -Infinity ? '-0' : s;
    }
    function baseGet(object, path) {
      path = castPath(path, object);
      let i = 0;
      while (object !== null && object !== undefined && i < path.length) object = object[toKey(path[i++])];
      return i && i === path.length ? object : undefined;
    }
    function get(object, path, fallback) {
      const r = object === null || object === undefined ? undefined : baseGet(object, path);
      return r === undefined ? fallback : r;
    }
    function hasPath(object, path, test) {
      path = castPath(path, object);
      let i = -1;
      let ok = false;
      let key;
      while (++i < path.length) {
        key = toKey(path[i]);
        if (!(ok = object !== null && object !== undefined && test(object, key))) break;
        object = object[key];
      }
      if (ok || ++i !== path.length) return ok;
      const n = object === null || object === undefined ? 0 : object.length;
      return !!n && isLength(n) && isIndex(key, n) && (isArray(object) || tagOf(object) === 'Arguments');
    }
    function has(object, path) { return object !== null && object !== undefined && hasPath(object, path, function (o, k) { return hasOwn.call(o, k); }); }
    function hasIn(object, path) { return object !== null && object !== undefined && hasPath(object, path, function (o, k) { return k in Object(o); }); }
    function assignValue(object, key, value) {
      if (!isObject(object)) return;
      const old = object[key];
      if (!(hasOwn.call(object, key) && eq(old, value)) || (value === undefined && !(key in object))) object[key] = value;
    }
    function baseSet(object, path, value, customizer) {
      if (!isObject(object)) return object;
      path = castPath(path, object);
      let nested = object;
      for (let i = 0; i < path.length && nested !== null && nested !== undefined; i++) {
        const key = toKey(path[i]);
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return object;
        let next = value;
        if (i !== path.length - 1) {
          const cur = nested[key];
          next = customizer ? customizer(cur, key, nested) : undefined;
          if (next === undefined) next = isObject(cur) ? cur : isIndex(path[i + 1]) ? [] : {};
        }
        assignValue(nested, key, next);
        nested = nested[key];
      }
      return object;
    }
    function set(object, path, value) { return object === null || object === undefined ? object : baseSet(object, path, value); }
    function setWith(object, path, value, customizer) {
      return object === null || object === undefined ? object : baseSet(object, path, value, typeof customizer === 'function' ? customizer : undefined);
    }
    function update(object, path, updater) { return object === null || object === undefined ? object : baseSet(object, path, castFunction(updater)(baseGet(object, path))); }
    function updateWith(object, path, updater, customizer) {
      return object === null || object === undefined ? object
        : baseSet(object, path, castFunction(updater)(baseGet(object, path)), typeof customizer === 'function' ? customizer : undefined);
    }
    function unset(object, path) {
      if (object === null || object === undefined) return true;
      path = castPath(path, object);
      const parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
      if (parent === null || parent === undefined) return true;
      return delete parent[toKey(path[path.length - 1])];
    }
    function invoke(object, path) {
      const args = slice.call(arguments, 2);
      path = castPath(path, object);
      const parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
      const fn = parent === null || parent === undefined ? undefined : parent[toKey(path[path.length - 1])];
      return fn === null || fn === undefined ? undefined : fn.apply(parent, args);
    }
    function at(object) {
      const paths = I.flattenDepth(slice.call(arguments, 1), 1);
      return paths.map(function (p) { return object === null || object === undefined ? undefined : get(object, p); });
    }

    // ---- equality ------------------------------------------------------------------------------
    // bits: 1 = partial (the first value's keys only), 2 = unordered arrays.
    function baseIsEqual(a, b, bits, customizer, stack) {
      if (a === b) return true;
      if (a === null || a === undefined || b === null || b === undefined || (!isObjectLike(a) && !isObjectLike(b))) return a !== a && b !== b;
      return deepEqual(a, b, bits, customizer, stack || []);
    }
    function tagForEq(v) { if (isArray(v)) return 'Array'; const t = tagOf(v); return t === 'Arguments' ? 'Object' : t; }
    function isTyped(v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); }
    function deepEqual(a, b, bits, customizer, stack) {
      const ta = tagForEq(a);
      const tb = tagForEq(b);
      if (ta !== tb) return false;
      if (a instanceof Wrapper || b instanceof Wrapper) {
        if (!(bits & 1)) return baseIsEqual(a instanceof Wrapper ? a.value() : a, b instanceof Wrapper ? b.value() : b, bits, customizer, stack);
      }
      for (const pair of stack) if (pair[0] === a) return pair[1] === b;
      if (ta === 'Array' || isTyped(a)) return equalArrays(a, b, bits, customizer, stack);
      if (ta !== 'Object') return equalByTag(a, b, ta, bits, customizer, stack);
      return equalObjects(a, b, bits, customizer, stack);
    }
    function equalByTag(a, b, tag, bits, customizer, stack) {
      switch (tag) {
        case 'Boolean': case 'Date': case 'Number': return eq(+a, +b);
        case 'Error': return a.name === b.name && a.message === b.message;
        case 'RegExp': case 'String': return String(a) === String(b);
        case 'Symbol': return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
        case 'Map': case 'Set': {
          if (a.size !== b.size && !(bits & 1)) return false;
          const conv = tag === 'Map' ? function (m) { return Array.from(m.entries()); } : function (s) { return Array.from(s.values()); };
          return equalArrays(conv(a), conv(b), bits | 2, customizer, stack);
        }
        case 'ArrayBuffer': return a.byteLength === b.byteLength && equalArrays(new Uint8Array(a), new Uint8Array(b), bits, customizer, stack);
        default: return false;
      }
    }
    function equalArrays(a, b, bits, customizer, stack) {
      const partial = bits & 1;
      if (a.length !== b.length && !(partial && b.length > a.length)) return false;
      stack.push([a, b], [b, a]);
      const seen = bits & 2 ? new Set() : null;
      let ok = true;
      for (let i = 0; i < a.length; i++) {
        const av = a[i];
        const bv = b[i];
        if (customizer) {
          const r = partial ? customizer(bv, av, i, b, a, stack) : customizer(av, bv, i, a, b, stack);
          if (r !== undefined) { if (r) continue; ok = false; break; }
        }
        if (seen) {
          let found = false;
          for (let j = 0; j < b.length; j++) {
            if (!seen.has(j) && (av === b[j] || baseIsEqual(av, b[j], bits, customizer, stack))) { seen.add(j); found = true; break; }
          }
          if (!found) { ok = false; break; }
        } else if (!(av === bv || baseIsEqual(av, bv, bits, customizer, stack))) { ok = false; break; }
      }
      stack.splice(stack.length - 2, 2);
      return ok;
    }
    function ownKeysWithSymbols(o) {
      return Object.keys(o).concat(Object.getOwnPropertySymbols(o).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(o, s); }));
    }
    function equalObjects(a, b, bits, customizer, stack) {
      const partial = bits & 1;
      const ka = ownKeysWithSymbols(a);
      const kb = ownKeysWithSymbols(b);
      if (ka.length !== kb.length && !partial) return false;
      for (const k of ka) if (!(partial ? k in b : hasOwn.call(b, k))) return false;
      stack.push([a, b], [b, a]);
      let ok = true;
      let skipCtor = partial;
      for (const k of ka) {
        const av = a[k];
        const bv = b[k];
        const r = customizer ? (partial ? customizer(bv, av, k, b, a, stack) : customizer(av, bv, k, a, b, stack)) : undefined;
        if (!(r === undefined ? av === bv || baseIsEqual(av, bv, bits, customizer, stack) : r)) { ok = false; break; }
        skipCtor = skipCtor || k === 'constructor';
      }
      if (ok && !skipCtor) {
        const ca = a.constructor;
        const cb = b.constructor;
        if (ca !== cb && 'constructor' in a && 'constructor' in b &&
          !(typeof ca === 'function' && ca instanceof ca && typeof cb === 'function' && cb instanceof cb)) ok = false;
      }
      stack.splice(stack.length - 2, 2);
      return ok;
    }
    function isEqual(a, b) { return baseIsEqual(a, b); }
    function isEqualWith(a, b, customizer) {
      customizer = typeof customizer === 'function' ? customizer : undefined;
      const r = customizer ? customizer(a, b) : undefined;
      return r === undefined ? baseIsEqual(a, b, 0, customizer) : !!r;
    }
    function isStrictComparable(v) { return v === v && !isObject(v); }
    function baseIsMatch(object, source, customizer) {
      const data = keys(source).map(function (k) { return [k, source[k], isStrictComparable(source[k])]; });
      if (object === null || object === undefined) return !data.length;
      object = Object(object);
      for (let i = data.length - 1; i >= 0; i--) {
        const d = data[i];
        if (!customizer && d[2] ? d[1] !== object[d[0]] || !(d[0] in object) : !(d[0] in object)) return false;
      }
      for (const d of data) {
        const k = d[0];
        const ov = object[k];
        const sv = d[1];
        if (!customizer && d[2]) {
          if (ov === undefined && !(k in object)) return false;
        } else {
          const r = customizer ? customizer(ov, sv, k, object, source, []) : undefined;
          if (!(r === undefined ? baseIsEqual(sv, ov, 3, customizer, []) : r)) return false;
        }
      }
      return true;
    }
    function isMatch(object, source) { return object === source || baseIsMatch(object, source); }
    function isMatchWith(object, source, customizer) { return baseIsMatch(object, source, typeof customizer === 'function' ? customizer : undefined); }
    function matches(source) {
      const copy = I.cloneDeep(source);
      return function (object) { return object === copy || baseIsMatch(object, copy); };
    }
    function matchesProperty(path, srcValue) {
      const copy = I.cloneDeep(srcValue);
      if (isKey(path) && isStrictComparable(copy)) {
        const key = toKey(path);
        return function (object) { return object !== null && object !== undefined && object[key] === copy && (copy !== undefined || key in Object(object)); };
      }
      return function (object) {
        const v = get(object, path);
        return v === undefined && v === copy ? hasIn(object, path) : baseIsEqual(copy, v, 3);
      };
    }

    // ---- arrays ----------------------------------------------------------------------------------
    function baseSlice(array, start, end) {
      let n = array.length;
      if (start < 0) start = -start > n ? 0 : n + start;
      end = end > n ? n : end;
      if (end < 0) end += n;
      n = start > end ? 0 : (end - start) >>> 0;
      start >>>= 0;
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = array[i + start];
      return out;
    }
    function sliceFn(array, start, end) {
      const n = len(array);
      if (!n) return [];
      if (end && typeof end !== 'number' && isIterateeCall(array, start, end)) { start = 0; end = n; } else {
        start = start === null || start === undefined ? 0 : toInteger(start);
        end = end === undefined ? n : toInteger(end);
      }
      return baseSlice(array, start, end);
    }
    function countArg(n, guard) { return guard || n === undefined ? 1 : toInteger(n); }
    function take(a, n, guard) { if (!(a && a.length)) return []; n = countArg(n, guard); return baseSlice(a, 0, n < 0 ? 0 : n); }
    function takeRight(a, n, guard) { const l = len(a); if (!l) return []; n = l - countArg(n, guard); return baseSlice(a, n < 0 ? 0 : n, l); }
    function drop(a, n, guard) { const l = len(a); if (!l) return []; n = countArg(n, guard); return baseSlice(a, n < 0 ? 0 : n, l); }
    function dropRight(a, n, guard) { const l = len(a); if (!l) return []; n = l - countArg(n, guard); return baseSlice(a, 0, n < 0 ? 0 : n); }
    function baseWhile(a, pred, isDrop, fromRight) {
      if (!(a && a.length)) return [];
      pred = iteratee(pred);
      const l = a.length;
      let i = fromRight ? l : -1;
      while ((fromRight ? i-- : ++i < l) && pred(a[i], i, a)) { /* scan */ }
      return isDrop ? baseSlice(a, fromRight ? 0 : i, fromRight ? i + 1 : l) : baseSlice(a, fromRight ? i + 1 : 0, fromRight ? l : i);
    }
    function chunk(a, size, guard) {
      size = (guard ? isIterateeCall(a, size, guard) : size === undefined) ? 1 : Math.max(toInteger(size), 0);
      const l = len(a);
      if (!l || size < 1) return [];
      const out = [];
      for (let i = 0; i < l; i += size) out.push(baseSlice(a, i, i + size));
      return out;
    }
    function head(a) { return a && a.length ? a[0] : undefined; }
    function last(a) { const l = len(a); return l ? a[l - 1] : undefined; }
    function tail(a) { const l = len(a); return l ? baseSlice(a, 1, l) : []; }
    function initial(a) { const l = len(a); return l ? baseSlice(a, 0, -1) : []; }
    function nth(a, n) {
      const l = len(a);
      if (!l) return undefined;
      n = toInteger(n);
      n += n < 0 ? l : 0;
      return isIndex(n, l) ? a[n] : undefined;
    }
    // A comparison for a list of computed values: SameValueZero or the comparator.
    function includesIn(list, v, comparator) {
      for (const x of list) if (comparator ? comparator(v, x) : eq(v, x)) return true;
      return false;
    }
    function baseUniq(a, fn, comparator) {
      const out = [];
      const seen = [];
      for (let i = 0; i < a.length; i++) {
        let v = a[i];
        const c = fn ? fn(v) : v;
        v = comparator || v !== 0 ? v : 0;
        if (!includesIn(seen, c, comparator)) { seen.push(c); out.push(v); }
      }
      return out;
    }
    function flatArrays(lists) { const out = []; for (const l of lists) if (isArrayLikeObject(l)) for (let i = 0; i < l.length; i++) out.push(l[i]); return out; }
    function baseDifference(a, values, fn, comparator) {
      const out = [];
      const computed = fn ? values.map(function (v) { return fn(v); }) : values;
      for (let i = 0; i < a.length; i++) {
        let v = a[i];
        const c = fn ? fn(v) : v;
        v = comparator || v !== 0 ? v : 0;
        if (!includesIn(computed, c, comparator)) out.push(v);
      }
      return out;
    }
    function lastAsIteratee(args) {
      let fn = args[args.length - 1];
      if (isArrayLikeObject(fn)) fn = undefined;
      return fn;
    }
    function lastAsComparator(args) { const fn = args[args.length - 1]; return typeof fn === 'function' ? fn : undefined; }
    function difference(a) { return isArrayLikeObject(a) ? baseDifference(a, flatArrays(slice.call(arguments, 1))) : []; }
    function differenceBy(a) {
      const rest = slice.call(arguments, 1);
      const fn = lastAsIteratee(rest);
      return isArrayLikeObject(a) ? baseDifference(a, flatArrays(rest), fn === undefined ? undefined : iteratee(fn)) : [];
    }
    function differenceWith(a) {
      const rest = slice.call(arguments, 1);
      let cmp = rest[rest.length - 1];
      if (isArrayLikeObject(cmp)) cmp = undefined;
      return isArrayLikeObject(a) ? baseDifference(a, flatArrays(rest), undefined, cmp) : [];
    }
    function without(a) { return isArrayLikeObject(a) ? baseDifference(a, slice.call(arguments, 1)) : []; }
    function baseIntersection(lists, fn, comparator) {
      const first = lists[0];
      const others = lists.slice(1).map(function (l) { return fn ? slice.call(l).map(function (v) { return fn(v); }) : slice.call(l); });
      const out = [];
      const seen = [];
      for (let i = 0; i < first.length; i++) {
        let v = first[i];
        const c = fn ? fn(v) : v;
        v = comparator || v !== 0 ? v : 0;
        if (includesIn(seen, c, comparator)) continue;
        if (others.every(function (o) { return includesIn(o, c, comparator); })) { seen.push(c); out.push(v); }
      }
      return out;
    }
    function castArrayLikeObject(v) { return isArrayLikeObject(v) ? v : []; }
    function intersection() {
      const lists = slice.call(arguments);
      const mapped = lists.map(castArrayLikeObject);
      return mapped.length && mapped[0] === lists[0] ? baseIntersection(mapped) : [];
    }
    function intersectionBy() {
      const lists = slice.call(arguments);
      const mapped = lists.map(castArrayLikeObject);
      let fn = lists[lists.length - 1];
      if (fn === mapped[mapped.length - 1]) fn = undefined; else mapped.pop();
      return mapped.length && mapped[0] === lists[0] ? baseIntersection(mapped, iteratee(fn)) : [];
    }
    function intersectionWith() {
      const lists = slice.call(arguments);
      const mapped = lists.map(castArrayLikeObject);
      const cmp = lastAsComparator(lists);
      if (cmp) mapped.pop();
      return mapped.length && mapped[0] === lists[0] ? baseIntersection(mapped, undefined, cmp) : [];
    }
    function union() { return baseUniq(flatArrays(slice.call(arguments))); }
    function unionBy() { const lists = slice.call(arguments); return baseUniq(flatArrays(lists), iteratee(lastAsIteratee(lists))); }
    function unionWith() { const lists = slice.call(arguments); return baseUniq(flatArrays(lists), undefined, lastAsComparator(lists)); }
    function baseXor(lists, fn, comparator) {
      if (lists.length < 2) return lists.length ? baseUniq(lists[0], fn, comparator) : [];
      const parts = lists.map(function (l, i) {
        const others = [];
        lists.forEach(function (o, j) { if (j !== i) for (let k = 0; k < o.length; k++) others.push(o[k]); });
        return baseDifference(l, others, fn, comparator);
      });
      return baseUniq([].concat.apply([], parts), fn, comparator);
    }
    function xor() { return baseXor(slice.call(arguments).filter(isArrayLikeObject)); }
    function xorBy() { const lists = slice.call(arguments); return baseXor(lists.filter(isArrayLikeObject), iteratee(lastAsIteratee(lists))); }
    function xorWith() { const lists = slice.call(arguments); return baseXor(lists.filter(isArrayLikeObject), undefined, lastAsComparator(lists)); }
    function uniq(a) { return a && a.length ? baseUniq(a) : []; }
    function uniqBy(a, fn) { return a && a.length ? baseUniq(a, iteratee(fn)) : []; }
    function uniqWith(a, cmp) { return a && a.length ? baseUniq(a, undefined, typeof cmp === 'function' ? cmp : undefined) : []; }
    function unzip(a) {
      if (!(a && a.length)) return [];
      const groups = slice.call(a).filter(isArrayLikeObject);
      const n = Math.max.apply(null, [0].concat(groups.map(function (g) { return g.length; })));
      const out = [];
      for (let i = 0; i < n; i++) out.push(groups.map(function (g) { return g[i]; }));
      return out;
    }
    function unzipWith(a, fn) {
      const out = unzip(a);
      if (fn === null || fn === undefined) return out;
      return out.map(function (g) { return fn.apply(undefined, g); });
    }
    function zip() { return unzip(slice.call(arguments)); }
    function zipWith() {
      const lists = slice.call(arguments);
      const fn = typeof lists[lists.length - 1] === 'function' ? lists.pop() : undefined;
      return unzipWith(lists, fn);
    }
    function zipObjectDeep(props, values) {
      props = props || [];
      values = values || [];
      const out = {};
      for (let i = 0; i < props.length; i++) baseSet(out, props[i], i < values.length ? values[i] : undefined);
      return out;
    }
    function indexOf(a, v, from) {
      const l = len(a);
      if (!l) return -1;
      let i = from === null || from === undefined ? 0 : toInteger(from);
      if (i < 0) i = Math.max(l + i, 0);
      for (; i < l; i++) if (eq(a[i], v)) return i;
      return -1;
    }
    function lastIndexOf(a, v, from) {
      const l = len(a);
      if (!l) return -1;
      let i = l;
      if (from !== undefined) { i = toInteger(from); i = i < 0 ? Math.max(l + i, 0) : Math.min(i, l - 1); } else i = l - 1;
      for (; i >= 0; i--) if (v === v ? a[i] === v : a[i] !== a[i]) return i;
      return -1;
    }
    function sortedIndexBy(a, value, fn, highest) {
      let low = 0;
      let high = a === null || a === undefined ? 0 : a.length;
      if (high === 0) return 0;
      value = fn(value);
      const vNaN = value !== value;
      const vNull = value === null;
      const vSym = typeof value === 'symbol';
      const vUndef = value === undefined;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        const c = fn(a[mid]);
        const cDef = c !== undefined;
        const cNull = c === null;
        const cRefl = c === c;
        const cSym = typeof c === 'symbol';
        let setLow;
        if (vNaN) setLow = highest || cRefl;
        else if (vUndef) setLow = cRefl && (highest || cDef);
        else if (vNull) setLow = cRefl && cDef && (highest || !cNull);
        else if (vSym) setLow = cRefl && cDef && !cNull && (highest || !cSym);
        else if (cNull || cSym) setLow = false;
        else setLow = highest ? c <= value : c < value;
        if (setLow) low = mid + 1; else high = mid;
      }
      return Math.min(high, MAX_INDEX);
    }
    function baseSortedIndex(a, value, highest) {
      let low = 0;
      let high = a === null || a === undefined ? low : a.length;
      if (typeof value === 'number' && value === value && high <= 2147483647) {
        while (low < high) {
          const mid = (low + high) >>> 1;
          const c = a[mid];
          if (c !== null && typeof c !== 'symbol' && (highest ? c <= value : c < value)) low = mid + 1; else high = mid;
        }
        return high;
      }
      return sortedIndexBy(a, value, identity, highest);
    }
    function sortedIndexOf(a, v) { const l = len(a); if (l) { const i = baseSortedIndex(a, v); if (i < l && eq(a[i], v)) return i; } return -1; }
    function sortedLastIndexOf(a, v) { const l = len(a); if (l) { const i = baseSortedIndex(a, v, true) - 1; if (eq(a[i], v)) return i; } return -1; }
    function baseSortedUniq(a, fn) {
      const out = [];
      let seen;
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        const c = fn ? fn(v) : v;
        if (!i || !eq(c, seen)) { seen = c; out.push(v === 0 ? 0 : v); }
      }
      return out;
    }
    function basePullAt(a, indexes) {
      const sorted = indexes.slice().sort(function (x, y) { return y - x; });
      let prev;
      for (const idx of sorted) {
        if (idx === prev) continue;
        prev = idx;
        if (isIndex(idx)) Array.prototype.splice.call(a, idx, 1); else unset(a, idx);
      }
      return a;
    }
    function basePullAll(a, values, fn, comparator) {
      const computed = fn ? values.map(function (v) { return fn(v); }) : values;
      for (let i = a.length - 1; i >= 0; i--) {
        const c = fn ? fn(a[i]) : a[i];
        if (includesIn(computed, c, comparator)) Array.prototype.splice.call(a, i, 1);
      }
      return a;
    }
    function pullAll(a, values) { return a && a.length && values && values.length ? basePullAll(a, slice.call(values)) : a; }
    function pullAllBy(a, values, fn) { return a && a.length && values && values.length ? basePullAll(a, slice.call(values), iteratee(fn)) : a; }
    function pullAllWith(a, values, cmp) { return a && a.length && values && values.length ? basePullAll(a, slice.call(values), undefined, cmp) : a; }
    function pull(a) { return pullAll(a, slice.call(arguments, 1)); }
    function pullAt(a) {
      const indexes = I.flattenDepth(slice.call(arguments, 1), 1);
      const l = len(a);
      const out = at(a, indexes);
      basePullAt(a, indexes.map(function (i) { return isIndex(i, l) ? +i : i; }).sort(function (x, y) { return x - y; }));
      return out;
    }
    function remove(a, pred) {
      const out = [];
      if (!(a && a.length)) return out;
      pred = iteratee(pred);
      const idx = [];
      for (let i = 0; i < a.length; i++) if (pred(a[i], i, a)) { out.push(a[i]); idx.push(i); }
      basePullAt(a, idx);
      return out;
    }
    function fill(a, value, start, end) {
      let l = len(a);
      if (!l) return [];
      if (start && typeof start !== 'number' && isIterateeCall(a, value, start)) { start = 0; end = l; }
      start = toInteger(start);
      if (start < 0) start = -start > l ? 0 : l + start;
      end = end === undefined || end > l ? l : toInteger(end);
      if (end < 0) end += l;
      end = start > end ? 0 : toLength(end);
      l = end;
      while (start < l) { try { a[start] = value; } catch (e) { /* read-only (a string) */ } start++; }
      return a;
    }
    function reverse(a) { return a === null || a === undefined ? a : Array.prototype.reverse.call(a); }
    function toLength(v) { return v ? Math.min(Math.max(toInteger(v), 0), 4294967295) : 0; }

    // ---- collections ---------------------------------------------------------------------------
    function baseReduce(coll, fn, acc, initAcc, fromRight) {
      fn = iteratee(fn);
      const each = fromRight ? I.eachRight : I.each;
      each(coll, function (v, k, c) { if (initAcc) { initAcc = false; acc = v; } else acc = fn(acc, v, k, c); });
      return acc;
    }
    function reduce(coll, fn, acc) { return baseReduce(coll, fn, acc, arguments.length < 3, false); }
    function reduceRight(coll, fn, acc) { return baseReduce(coll, fn, acc, arguments.length < 3, true); }
    function every(coll, pred, guard) {
      if (guard && isIterateeCall(coll, pred, guard)) pred = undefined;
      pred = iteratee(pred);
      let ok = true;
      I.each(coll, function (v, k, c) { ok = !!pred(v, k, c); return ok; });
      return ok;
    }
    function some(coll, pred, guard) {
      if (guard && isIterateeCall(coll, pred, guard)) pred = undefined;
      pred = iteratee(pred);
      let ok = false;
      I.each(coll, function (v, k, c) { ok = !!pred(v, k, c); return !ok; });
      return ok;
    }
    function flatMapDepth(coll, fn, depth) { return I.flattenDepth(I.map(coll, fn), depth === undefined ? 1 : toInteger(depth)); }
    function flatMapDeep(coll, fn) { return I.flattenDepth(I.map(coll, fn), Infinity); }
    function transform(object, fn, acc) {
      const arrLike = isArray(object) || isTyped(object);
      fn = iteratee(fn);
      if (acc === null || acc === undefined) {
        const ctor = object && object.constructor;
        if (arrLike) acc = isArray(object) ? new ctor() : [];
        else if (isObject(object)) acc = typeof ctor === 'function' ? Object.create(Object.getPrototypeOf(object)) : {};
        else acc = {};
      }
      (arrLike ? I.each : forOwn)(object, function (v, k, o) { return fn(acc, v, k, o); });
      return acc;
    }

    // ---- objects -------------------------------------------------------------------------------
    function forOwn(o, fn) { fn = castFunction(fn); if (o !== null && o !== undefined) { for (const k of keys(o)) if (fn(o[k], k, o) === false) break; } return o; }
    function forOwnRight(o, fn) {
      fn = castFunction(fn);
      if (o === null || o === undefined) return o;
      const ks = keys(o);
      for (let i = ks.length - 1; i >= 0; i--) if (fn(o[ks[i]], ks[i], o) === false) break;
      return o;
    }
    function forIn(o, fn) { fn = castFunction(fn); if (o !== null && o !== undefined) { for (const k of keysIn(o)) if (fn(o[k], k, o) === false) break; } return o; }
    function forInRight(o, fn) {
      fn = castFunction(fn);
      if (o === null || o === undefined) return o;
      const ks = keysIn(o);
      for (let i = ks.length - 1; i >= 0; i--) if (fn(o[ks[i]], ks[i], o) === false) break;
      return o;
    }
    function findKeyIn(o, pred, list) {
      pred = iteratee(pred);
      if (o === null || o === undefined) return undefined;
      for (const k of list) if (pred(o[k], k, o)) return k;
      return undefined;
    }
    function findKey(o, pred) { return findKeyIn(o, pred, o === null || o === undefined ? [] : keys(o)); }
    function findLastKey(o, pred) { return findKeyIn(o, pred, o === null || o === undefined ? [] : keys(o).reverse()); }
    function functionsIn(o) { return o === null || o === undefined ? [] : keysIn(o).filter(function (k) { return typeof o[k] === 'function'; }); }
    function toPairsWith(listKeys) {
      return function (o) {
        const tag = tagOf(o);
        if (tag === 'Map') return Array.from(o.entries());
        if (tag === 'Set') return Array.from(o.values()).map(function (v) { return [v, v]; });
        return listKeys(o).map(function (k) { return [k, o[k]]; });
      };
    }
    function toPlainObject(v) { const out = {}; for (const k of keysIn(v)) out[k] = v[k]; return out; }
    function create(proto, props) {
      const out = isObject(proto) ? Object.create(proto) : {};
      return props === null || props === undefined ? out : I.assign(out, props);
    }
    function conformsTo(object, source) {
      if (source === null || source === undefined) return true;
      const ks = keys(source);
      if (object === null || object === undefined) return !ks.length;
      object = Object(object);
      for (let i = ks.length - 1; i >= 0; i--) {
        const k = ks[i];
        const v = object[k];
        if ((v === undefined && !(k in object)) || !source[k](v)) return false;
      }
      return true;
    }
    // createAssigner: a trailing function is the customizer (with at least two sources).
    function assigner(copy, customizable) {
      return function (object) {
        let sources = slice.call(arguments, 1);
        let n = sources.length;
        let customizer = n > 1 ? sources[n - 1] : undefined;
        const guard = n > 2 ? sources[2] : undefined;
        customizer = customizable && typeof customizer === 'function' ? (n--, customizer) : undefined;
        if (guard && isIterateeCall(sources[0], sources[1], guard)) { customizer = n < 3 ? undefined : customizer; n = 1; }
        sources = sources.slice(0, n);
        object = Object(object);
        for (const src of sources) if (src !== null && src !== undefined) copy(object, src, customizer);
        return object;
      };
    }
    function copyKeys(list) {
      return function (object, src, customizer) {
        for (const k of list(src)) {
          let v = customizer ? customizer(object[k], src[k], k, object, src) : undefined;
          if (v === undefined) v = src[k];
          assignValue(object, k, v);
        }
      };
    }
    function cloneWithCustom(v, customizer, deep) {
      customizer = typeof customizer === 'function' ? customizer : undefined;
      if (!customizer) return deep ? I.cloneDeep(v) : I.clone(v);
      const seen = new Map();
      const walk = function (x, key, parent, top) {
        const r = top ? customizer(x) : customizer(x, key, parent, seen);
        if (r !== undefined) return r;
        if (!top && !deep) return x;
        if (!isObject(x)) return x;
        if (typeof x === 'function') return parent ? x : {};
        if (seen.has(x)) return seen.get(x);
        const shallow = I.clone(x);
        if (!isObject(shallow) || shallow instanceof Date || shallow instanceof RegExp) return shallow;
        seen.set(x, shallow);
        if (shallow instanceof Map || shallow instanceof Set) return shallow;
        for (const k of Object.keys(shallow)) shallow[k] = walk(x[k], k, x, false);
        return shallow;
      };
      return walk(v, undefined, undefined, true);
    }

    // ---- math ----------------------------------------------------------------------------------
    function mathOp(op, initial) {
      return function (a, b) {
        if (a === undefined && b === undefined) return initial;
        let out;
        if (a !== undefined) out = a;
        if (b !== undefined) {
          if (out === undefined) return b;
          if (typeof a === 'string' || typeof b === 'string') { a = toString(a); b = toString(b); } else { a = baseToNumber(a); b = baseToNumber(b); }
          out = op(a, b);
        }
        return out;
      };
    }
    function baseToNumber(v) { return typeof v === 'number' ? v : typeof v === 'symbol' ? NaN : +v; }
    function relational(op) {
      return function (a, b) {
        if (!(typeof a === 'string' && typeof b === 'string')) { a = toNumber(a); b = toNumber(b); }
        return op(a, b);
      };
    }
    function baseSum(a, fn) {
      let out;
      for (let i = 0; i < a.length; i++) {
        const c = fn(a[i]);
        if (c !== undefined) out = out === undefined ? c : out + c;
      }
      return out;
    }
    function sum(a) { return a && a.length ? baseSum(a, identity) : 0; }
    function sumBy(a, fn) { return a && a.length ? baseSum(a, iteratee(fn)) : 0; }
    function baseMean(a, fn) { const l = len(a); return l ? baseSum(a, fn) / l : NaN; }
    function extremum(a, fn, better) {
      let out;
      let best;
      if (!(a && a.length)) return undefined;
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        const c = fn(v);
        if (c !== null && c !== undefined && (best === undefined ? c === c && typeof c !== 'symbol' : better(c, best))) { best = c; out = v; }
      }
      return out;
    }
    function clamp(n, lower, upper) {
      if (upper === undefined) { upper = lower; lower = undefined; }
      if (upper !== undefined) { upper = toNumber(upper); upper = upper === upper ? upper : 0; }
      if (lower !== undefined) { lower = toNumber(lower); lower = lower === lower ? lower : 0; }
      n = toNumber(n);
      if (n === n) {
        if (upper !== undefined) n = n <= upper ? n : upper;
        if (lower !== undefined) n = n >= lower ? n : lower;
      }
      return n;
    }
    function inRange(n, start, end) {
      start = toFinite(start);
      if (end === undefined) { end = start; start = 0; } else end = toFinite(end);
      n = toNumber(n);
      return n >= Math.min(start, end) && n < Math.max(start, end);
    }

    // ---- functions -----------------------------------------------------------------------------
    function ary(fn, n, guard) {
      n = guard ? undefined : n;
      n = fn && n === undefined ? fn.length : n;
      requireFunction(fn);
      return function () { return fn.apply(this, slice.call(arguments, 0, n === undefined ? undefined : Math.max(toInteger(n), 0))); };
    }
    function rest(fn, start) {
      requireFunction(fn);
      start = start === undefined ? fn.length - 1 : toInteger(start);
      return function () {
        const args = slice.call(arguments, 0, start);
        args[start] = slice.call(arguments, start);
        return fn.apply(this, args);
      };
    }
    function spread(fn, start) {
      requireFunction(fn);
      start = start === null || start === undefined ? 0 : Math.max(toInteger(start), 0);
      return function () {
        const args = slice.call(arguments);
        const arr = args[start];
        const otherArgs = args.slice(0, start);
        if (arr) otherArgs.push.apply(otherArgs, slice.call(arr));
        return fn.apply(this, otherArgs);
      };
    }
    function curryWith(fromRight) {
      return function curryFn(fn, arity, guard) {
        requireFunction(fn);
        arity = guard || arity === undefined ? fn.length : toInteger(arity);
        const collect = function (got) {
          return function () {
            const all = fromRight ? slice.call(arguments).concat(got) : got.concat(slice.call(arguments));
            return all.length >= arity ? fn.apply(this, all) : collect(all);
          };
        };
        return collect([]);
      };
    }
    const api = {
      isArrayLikeObject, isLength, eq, isEqual, isEqualWith, isMatch, isMatchWith, matches, matchesProperty,
      isBuffer: function () { return false; },
      isArrayBuffer: function (v) { return isObjectLike(v) && tagOf(v) === 'ArrayBuffer'; },
      isWeakMap: function (v) { return isObjectLike(v) && tagOf(v) === 'WeakMap'; },
      isWeakSet: function (v) { return isObjectLike(v) && tagOf(v) === 'WeakSet'; },
      isNative: function (v) { return isObject(v) && typeof v === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(v)); },
      get, set, setWith, has, hasIn, update, updateWith, unset, invoke, at, toLength, toPlainObject,
      slice: sliceFn, take, takeRight, drop, dropRight, chunk, head, first: head, last, tail, initial, nth,
      takeWhile: function (a, p) { return baseWhile(a, p, false, false); },
      dropWhile: function (a, p) { return baseWhile(a, p, true, false); },
      takeRightWhile: function (a, p) { return baseWhile(a, p, false, true); },
      dropRightWhile: function (a, p) { return baseWhile(a, p, true, true); },
      difference, differenceBy, differenceWith, without, intersection, intersectionBy, intersectionWith,
      union, unionBy, unionWith, xor, xorBy, xorWith, uniq, uniqBy, uniqWith, unzip, unzipWith, zip, zipWith, zipObjectDeep,
      indexOf, lastIndexOf,
      sortedIndex: function (a, v) { return baseSortedIndex(a, v); },
      sortedLastIndex: function (a, v) { return baseSortedIndex(a, v, true); },
      sortedIndexBy: function (a, v, fn) { return sortedIndexBy(a, v, iteratee(fn)); },
      sortedLastIndexBy: function (a, v, fn) { return sortedIndexBy(a, v, iteratee(fn), true); },
      sortedIndexOf, sortedLastIndexOf,
      sortedUniq: function (a) { return a && a.length ? baseSortedUniq(a) : []; },
      sortedUniqBy: function (a, fn) { return a && a.length ? baseSortedUniq(a, iteratee(fn)) : []; },
      pull, pullAll, pullAllBy, pullAllWith, pullAt, remove, fill, reverse,
      reduce, reduceRight, every, some, flatMapDeep, flatMapDepth, transform,
      forOwn, forOwnRight, forIn, forInRight, findKey, findLastKey, functionsIn,
      toPairs: toPairsWith(keys), entries: toPairsWith(keys), toPairsIn: toPairsWith(keysIn), entriesIn: toPairsWith(keysIn),
      create, conformsTo,
      assign: assigner(copyKeys(keys), false), assignIn: assigner(copyKeys(keysIn), false), extend: assigner(copyKeys(keysIn), false),
      assignWith: assigner(copyKeys(keys), true), assignInWith: assigner(copyKeys(keysIn), true), extendWith: assigner(copyKeys(keysIn), true),
      cloneWith: function (v, c) { return cloneWithCustom(v, c, false); },
      cloneDeepWith: function (v, c) { return cloneWithCustom(v, c, true); },
      add: mathOp(function (a, b) { return a + b; }, 0), subtract: mathOp(function (a, b) { return a - b; }, 0),
      multiply: mathOp(function (a, b) { return a * b; }, 1), divide: mathOp(function (a, b) { return a / b; }, 1),
      gt: relational(function (a, b) { return a > b; }), gte: relational(function (a, b) { return a >= b; }),
      lt: relational(function (a, b) { return a < b; }), lte: relational(function (a, b) { return a <= b; }),
      sum, sumBy, mean: function (a) { return baseMean(a, identity); }, meanBy: function (a, fn) { return baseMean(a, iteratee(fn)); },
      max: function (a) { return extremum(a, identity, function (x, y) { return x > y; }); },
      min: function (a) { return extremum(a, identity, function (x, y) { return x < y; }); },
      maxBy: function (a, fn) { return extremum(a, iteratee(fn), function (x, y) { return x > y; }); },
      minBy: function (a, fn) { return extremum(a, iteratee(fn), function (x, y) { return x < y; }); },
      clamp, inRange,
      defaultTo: function (v, d) { return v === null || v === undefined || v !== v ? d : v; },
      stubString: function () { return ''; },
      ary, rest, spread,
      unary: function (fn) { return ary(fn, 1); },
      flip: function (fn) { requireFunction(fn); return function () { return fn.apply(this, slice.call(arguments).reverse()); }; },
      negate: function (fn) { requireFunction(fn); return function () { return !fn.apply(this, arguments); }; },
      once: function (fn) { return api.before(2, fn); },
      before: function (n, fn) {
        requireFunction(fn);
        n = toInteger(n);
        let out;
        return function () { if (--n > 0) out = fn.apply(this, arguments); if (n <= 1) fn = undefined; return out; };
      },
      after: function (n, fn) { requireFunction(fn); n = toInteger(n); return function () { if (--n < 1) return fn.apply(this, arguments); return undefined; }; },
      rearg: function (fn) {
        requireFunction(fn);
        const idx = I.flattenDepth(slice.call(arguments, 1), Infinity);
        return function () {
          const args = slice.call(arguments);
          const out = idx.map(function (i) { return args[i]; });
          return fn.apply(this, out.concat(args.slice(idx.length)));
        };
      },
      curry: curryWith(false), curryRight: curryWith(true),
      partial: function (fn) {
        requireFunction(fn);
        const bound = slice.call(arguments, 1);
        return function () {
          const args = slice.call(arguments);
          const full = bound.map(function (b) { return b === api.partial.placeholder ? args.shift() : b; });
          return fn.apply(this, full.concat(args));
        };
      },
      partialRight: function (fn) {
        requireFunction(fn);
        const bound = slice.call(arguments, 1);
        return function () { return fn.apply(this, slice.call(arguments).concat(bound)); };
      },
      bindKey: function (object, key) {
        const bound = slice.call(arguments, 2);
        return function () { return object[key].apply(object, bound.concat(slice.call(arguments))); };
      },
      bindAll: function (object) {
        for (const k of I.flattenDepth(slice.call(arguments, 1), Infinity)) object[k] = object[k].bind(object);
        return object;
      },
      wrap: function (value, wrapper) { const w = castFunction(wrapper); return function () { return w.apply(this, [value].concat(slice.call(arguments))); }; },
      flowRight: function () { return I.flow.apply(null, I.flattenDepth(slice.call(arguments), 1).reverse()); },
      method: function (path) { const args = slice.call(arguments, 1); return function (o) { return invoke.apply(null, [o, path].concat(args)); }; },
      methodOf: function (o) { const args = slice.call(arguments, 1); return function (path) { return invoke.apply(null, [o, path].concat(args)); }; },
      propertyOf: function (o) { return function (path) { return o === null || o === undefined ? undefined : baseGet(o, path); }; },
      nthArg: function (n) { n = toInteger(n); return function () { return nth(slice.call(arguments), n); }; },
      over: function () { const fns = I.flattenDepth(slice.call(arguments), 1).map(iteratee); return function () { const self = this; const args = arguments; return fns.map(function (f) { return f.apply(self, args); }); }; },
      overEvery: function () { const fns = I.flattenDepth(slice.call(arguments), 1).map(iteratee); return function () { const self = this; const args = arguments; return fns.every(function (f) { return f.apply(self, args); }); }; },
      overSome: function () { const fns = I.flattenDepth(slice.call(arguments), 1).map(iteratee); return function () { const self = this; const args = arguments; return fns.some(function (f) { return f.apply(self, args); }); }; },
      overArgs: function (fn) {
        const transforms = I.flattenDepth(slice.call(arguments, 1), 1).map(iteratee);
        return function () {
          const args = slice.call(arguments);
          for (let i = 0; i < Math.min(args.length, transforms.length); i++) args[i] = transforms[i].call(this, args[i]);
          return fn.apply(this, args);
        };
      },
      cond: function (pairs) {
        const list = (pairs || []).map(function (p) { requireFunction(p[1]); return [iteratee(p[0]), p[1]]; });
        return function () { for (const p of list) if (p[0].apply(this, arguments)) return p[1].apply(this, arguments); return undefined; };
      },
      conforms: function (source) { const copy = I.clone(source); return function (o) { return conformsTo(o, copy); }; },
      memoize: function (fn, resolver) {
        if (typeof fn !== 'function' || (resolver !== null && resolver !== undefined && typeof resolver !== 'function')) throw new TypeError('Expected a function');
        const memo = function () {
          const key = resolver ? resolver.apply(this, arguments) : arguments[0];
          if (memo.cache.has(key)) return memo.cache.get(key);
          const out = fn.apply(this, arguments);
          memo.cache.set(key, out);
          return out;
        };
        memo.cache = new Map();
        return memo;
      },
      debounce: function (fn, wait) { requireFunction(fn); return I.debounce(fn, wait); },
      throttle: function (fn, wait) { requireFunction(fn); return I.throttle(fn, wait); },
      delay: function (fn) { requireFunction(fn); return I.delay.apply(null, arguments); },
      defer: function (fn) { requireFunction(fn); return I.defer.apply(null, arguments); },
    };
    api.partial.placeholder = _;
    return { api: api, baseIsEqual: baseIsEqual, baseIsMatch: baseIsMatch, isIterateeCall: isIterateeCall, castPath: castPath };
  };
})
