// postie library: the Sugar.js prototype extensions that Postman's legacy sandbox installs and
// that real collections use (`'abc'.has('b')`, `[1].none(2)`, `(3).ordinalize()`,
// `'a_b'.camelize()`, `fn.once()`, ...). Installed once per run, non-enumerable, never
// overriding a method the engine already has. postie's own implementation.
(function () {
  'use strict';

  function define(proto, methods) {
    for (const name of Object.keys(methods)) {
      if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
      Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
    }
  }
  function matcher(f) {
    if (typeof f === 'function') return f;
    if (f instanceof RegExp) return function (v) { return f.test(v); };
    if (f !== null && typeof f === 'object') {
      return function (v) {
        return v !== null && typeof v === 'object' && Object.keys(f).every(function (k) { return matcher(f[k])(v[k]); });
      };
    }
    return function (v) { return v === f || (v !== v && f !== f); };
  }
  function words(s) {
    return String(s).replace(/([a-z\d])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean);
  }
  function ordinal(n) {
    const abs = Math.abs(n);
    const last2 = abs % 100;
    if (last2 >= 11 && last2 <= 13) return 'th';
    switch (abs % 10) {
      case 1: return 'st';
      case 2: return 'nd';
      case 3: return 'rd';
      default: return 'th';
    }
  }

  define(String.prototype, {
    has: function (find) { return find instanceof RegExp ? find.test(this) : String(this).indexOf(find) !== -1; },
    camelize: function (upperFirst) {
      const parts = words(this);
      return parts.map(function (w, i) {
        const lower = w.toLowerCase();
        return i === 0 && upperFirst === false ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
      }).join('');
    },
    underscore: function () { return words(this).join('_').toLowerCase(); },
    dasherize: function () { return String(this).replace(/_/g, '-').replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase(); },
    spacify: function () { return words(this).join(' ').toLowerCase(); },
    capitalize: function (all) {
      const s = String(this).toLowerCase();
      return all ? s.replace(/(^|\s)(\S)/g, function (m, a, b) { return a + b.toUpperCase(); }) : s.charAt(0).toUpperCase() + s.slice(1);
    },
    titleize: function () { return words(this).map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(); }).join(' '); },
    isBlank: function () { return String(this).trim().length === 0; },
    compact: function () { return String(this).trim().replace(/\s+/g, ' '); },
    reverse: function () { return Array.from(String(this)).reverse().join(''); },
    first: function (n) { return String(this).slice(0, n === undefined ? 1 : n); },
    last: function (n) { const s = String(this); return n === undefined ? s.slice(-1) : n > 0 ? s.slice(-n) : ''; },
    from: function (n) { return String(this).slice(n || 0); },
    to: function (n) { return String(this).slice(0, n === undefined ? this.length : n); },
    escapeHTML: function () { return String(this).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/\//g, '&#x2f;'); },
    stripTags: function () { return String(this).replace(/<[^>]*>/g, ''); },
    words: function () { return String(this).trim().split(/\s+/).filter(Boolean); },
    lines: function () { return String(this).trim().split(/\r?\n/); },
    chars: function () { return Array.from(String(this)); },
    toNumber: function (base) { return base ? parseInt(this, base) : parseFloat(String(this).replace(/,/g, '')); },
    add: function (str, index) { const s = String(this); const at = index === undefined ? s.length : index; return s.slice(0, at) + str + s.slice(at); },
    remove: function (f) { return String(this).replace(f, ''); },
    shift: function (n) { return Array.from(String(this)).map(function (ch) { return String.fromCharCode(ch.charCodeAt(0) + n); }).join(''); },
    truncate: function (length, from, ellipsis) {
      const s = String(this);
      if (s.length <= length) return s;
      return s.slice(0, length) + (ellipsis === undefined ? '...' : ellipsis);
    },
  });

  define(Array.prototype, {
    none: function (f) { const m = matcher(f); return !this.some(function (v) { return m(v); }); },
    any: function (f) { const m = matcher(f); return this.some(function (v) { return m(v); }); },
    all: function (f) { const m = matcher(f); return this.every(function (v) { return m(v); }); },
    exclude: function () { const out = this.slice(); const ms = Array.prototype.map.call(arguments, matcher); return out.filter(function (v) { return !ms.some(function (m) { return m(v); }); }); },
    compact: function (all) { return this.filter(function (v) { return all ? Boolean(v) : v !== null && v !== undefined && v === v; }); },
    first: function (n) { return n === undefined ? this[0] : this.slice(0, n); },
    last: function (n) { return n === undefined ? this[this.length - 1] : this.slice(Math.max(0, this.length - n)); },
    unique: function () { return Array.from(new Set(this)); },
    count: function (f) { const m = matcher(f); return this.filter(function (v) { return m(v); }).length; },
    sum: function () { return this.reduce(function (a, b) { return a + b; }, 0); },
    average: function () { return this.length ? this.sum() / this.length : 0; },
    min: function () { return Math.min.apply(null, this); },
    max: function () { return Math.max.apply(null, this); },
    isEmpty: function () { return this.length === 0; },
    clone: function () { return this.slice(); },
    flatten: function () { return this.flat(Infinity); },
    findAll: function (f) { const m = matcher(f); return this.filter(function (v) { return m(v); }); },
    union: function () { return Array.from(new Set(this.concat.apply(this, arguments))); },
    intersect: function (other) { return Array.from(new Set(this.filter(function (v) { return other.indexOf(v) !== -1; }))); },
    subtract: function (other) { return this.filter(function (v) { return [].concat(other).indexOf(v) === -1; }); },
    sample: function () { return this[Math.floor(Math.random() * this.length)]; },
    randomize: function () { const a = this.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; } return a; },
    add: function (item, index) { const at = index === undefined ? this.length : index; this.splice.apply(this, [at, 0].concat(item)); return this; },
    remove: function () { const ms = Array.prototype.map.call(arguments, matcher); for (let i = this.length - 1; i >= 0; i--) if (ms.some(function (m) { return m(this[i]); }, this)) this.splice(i, 1); return this; },
    include: function (v) { return this.indexOf(v) !== -1; },
  });

  define(Number.prototype, {
    ordinalize: function () { const n = Number(this); return n + ordinal(n); },
    isOdd: function () { return Number(this) % 2 !== 0; },
    isEven: function () { return Number(this) % 2 === 0; },
    isMultipleOf: function (n) { return Number(this) % n === 0; },
    abs: function () { return Math.abs(this); },
    ceil: function (p) { const f = Math.pow(10, p || 0); return Math.ceil(this * f) / f; },
    floor: function (p) { const f = Math.pow(10, p || 0); return Math.floor(this * f) / f; },
    round: function (p) { const f = Math.pow(10, p || 0); return Math.round(this * f) / f; },
    pad: function (place, sign) { const n = Number(this); const s = String(Math.abs(n)).padStart(place === undefined ? 1 : place, '0'); return (n < 0 ? '-' : sign ? '+' : '') + s; },
    format: function (place) { const parts = (place === undefined ? String(Number(this)) : Number(this).toFixed(place)).split('.'); parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ','); return parts.join('.'); },
    times: function (fn) { const out = []; for (let i = 0; i < this; i++) out.push(fn.call(this, i)); return out; },
    upto: function (n) { const out = []; for (let i = Number(this); i <= n; i++) out.push(i); return out; },
    downto: function (n) { const out = []; for (let i = Number(this); i >= n; i--) out.push(i); return out; },
    chr: function () { return String.fromCharCode(this); },
    hex: function (pad) { return Number(this).toString(16).padStart(pad || 1, '0'); },
    daysAfter: function (d) { return new Date(Date.create(d).getTime() + this * 864e5); },
    daysBefore: function (d) { return new Date(Date.create(d).getTime() - this * 864e5); },
  });

  define(Function.prototype, {
    once: function () {
      const fn = this;
      let done = false;
      let out;
      return function () {
        if (!done) { done = true; out = fn.apply(this, arguments); }
        return out;
      };
    },
    fill: function () {
      const fn = this;
      const bound = Array.prototype.slice.call(arguments);
      return function () {
        const args = bound.slice();
        const rest = Array.prototype.slice.call(arguments);
        for (let i = 0; i < args.length; i++) if (args[i] === undefined) args[i] = rest.shift();
        return fn.apply(this, args.concat(rest));
      };
    },
  });

  define(Object, {
    isString: function (v) { return typeof v === 'string'; },
    isNumber: function (v) { return typeof v === 'number'; },
    isBoolean: function (v) { return typeof v === 'boolean'; },
    isArray: Array.isArray,
    isFunction: function (v) { return typeof v === 'function'; },
    isObject: function (v) { return Object.prototype.toString.call(v) === '[object Object]'; },
    isEmpty: function (v) { return v === null || v === undefined || Object.keys(Object(v)).length === 0; },
    has: function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); },
    extended: function (o) { return Object.assign({}, o); },
    each: function (o, fn) { for (const k of Object.keys(Object(o))) if (fn.call(o, k, o[k]) === false) break; return o; },
  });

  // Date.create: now, a time, a Date, a year ('2000') or a few relative words; else Date's parse.
  const RELATIVE = { now: [0, 0], today: [0, 0], tomorrow: [1, 0], yesterday: [-1, 0], 'next week': [7, 0],
    'last week': [-7, 0], 'next month': [0, 1], 'last month': [0, -1], 'next year': [0, 12], 'last year': [0, -12] };
  define(Date, {
    create: function (v) {
      if (v === undefined || v === null) return new Date();
      if (typeof v === 'number' || v instanceof Date) return new Date(typeof v === 'number' ? v : v.getTime());
      const text = String(v).trim().toLowerCase();
      if (/^\d{4}$/.test(text)) return new Date(Number(text), 0, 1);
      const rel = RELATIVE[text];
      if (!rel) return new Date(String(v));
      const d = new Date();
      if (text === 'today' || text === 'tomorrow' || text === 'yesterday') d.setHours(0, 0, 0, 0);
      d.setDate(d.getDate() + rel[0]);
      if (rel[1]) d.setMonth(d.getMonth() + rel[1]);
      return d;
    },
  });

  // Sugar's Date#format with its common {token} placeholders.
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const two = function (n) { return n < 10 ? '0' + n : String(n); };
  define(Date.prototype, {
    isValid: function () { return !isNaN(this.getTime()); },
    isLeapYear: function () { const y = this.getFullYear(); return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0); },
    isFuture: function () { return this.getTime() > Date.now(); },
    isPast: function () { return this.getTime() < Date.now(); },
    format: function (pattern) {
      const d = this;
      const tokens = {
        yyyy: String(d.getFullYear()), yy: two(d.getFullYear() % 100), MM: two(d.getMonth() + 1),
        M: String(d.getMonth() + 1), dd: two(d.getDate()), d: String(d.getDate()), HH: two(d.getHours()),
        H: String(d.getHours()), hh: two(d.getHours() % 12 || 12), h: String(d.getHours() % 12 || 12),
        mm: two(d.getMinutes()), ss: two(d.getSeconds()), Month: MONTHS[d.getMonth()],
        Mon: MONTHS[d.getMonth()].slice(0, 3), Weekday: DAYS[d.getDay()], Dow: DAYS[d.getDay()].slice(0, 3),
        tt: d.getHours() < 12 ? 'am' : 'pm', TT: d.getHours() < 12 ? 'AM' : 'PM',
      };
      const text = pattern === undefined ? '{Weekday} {Month} {d}, {yyyy} {h}:{mm}:{ss}{tt}' : String(pattern);
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(tokens, name) ? tokens[name] : whole;
      });
    },
  });
  // Newman's bundle replaces the native trim with a sloppy-mode one built on trimLeft and
  // trimRight: `trim.call(null)` trims the global object's text instead of throwing, and its
  // source is what `toString` shows. Sloppy code comes from an indirect eval.
  const sloppy = (0, eval)('({trim: function(){return this.toString().trimLeft().trimRight()}})');
  Object.defineProperty(String.prototype, 'trim', { value: sloppy.trim, writable: true, configurable: true, enumerable: false });
  return true;
})
