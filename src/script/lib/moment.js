// postie library: `require('moment')`, a practical subset of moment 2 (English locale):
// construction from now/Date/number/ISO strings/format strings, `format` tokens, add/subtract,
// startOf/endOf, comparisons, `diff`, `utc`/`local`/`utcOffset`, `unix`, `toISOString`,
// `moment.duration` (basic). postie's own implementation.
(function () {
  'use strict';

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const UNITS = {
    y: 'year', year: 'year', years: 'year', Y: 'year',
    Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
    M: 'month', month: 'month', months: 'month',
    w: 'week', week: 'week', weeks: 'week', W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek',
    d: 'day', day: 'day', days: 'day', D: 'date', date: 'date', dates: 'date',
    h: 'hour', hour: 'hour', hours: 'hour',
    m: 'minute', minute: 'minute', minutes: 'minute',
    s: 'second', second: 'second', seconds: 'second',
    ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  };
  const MS = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, date: 864e5, week: 6048e5, isoWeek: 6048e5 };
  function unit(u) { return UNITS[u] || UNITS[String(u).toLowerCase()] || null; }
  function pad(n, w) { const s = String(Math.abs(n)); return (n < 0 ? '-' : '') + (s.length < w ? '0'.repeat(w - s.length) + s : s); }
  function ordinal(n) {
    const b = n % 10;
    const suffix = Math.floor((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
    return n + suffix;
  }

  // A Moment stores an instant (ms) and a fixed offset in minutes (null = local time).
  function Moment(ms, offset) {
    this._ms = ms;
    this._offset = offset;
    this._isAMomentObject = true;
  }
  function isMoment(v) { return v instanceof Moment; }
  function offsetOf(m) { return m._offset === null ? -new Date(m._ms).getTimezoneOffset() : m._offset; }
  // A Date whose UTC fields are the moment's wall-clock fields.
  function wall(m) { return new Date(m._ms + offsetOf(m) * 6e4); }
  function fromWall(m, w) {
    if (m._offset !== null) return w.getTime() - m._offset * 6e4;
    const guess = w.getTime() + new Date(w.getTime()).getTimezoneOffset() * 6e4;
    return w.getTime() + new Date(guess).getTimezoneOffset() * 6e4;
  }

  // ---- parsing -------------------------------------------------------------------------------
  const ISO = /^\s*([+-]?\d{4,6})(?:-?(\d\d)(?:-?(\d\d))?)?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*$/i;
  const ISO_WEEK = /^\s*(\d{4})-?W(\d\d)(?:-?([1-7]))?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*$/i;
  const ISO_ORDINAL = /^\s*(\d{4})-?(\d{3})(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*$/i;
  function timeFields(m, at) {
    return [m[at] ? +m[at] : 0, m[at + 1] ? +m[at + 1] : 0, m[at + 2] ? +m[at + 2] : 0, m[at + 3] ? Math.round(Number('0.' + m[at + 3]) * 1000) : 0];
  }
  function parseIso(text) {
    let m = ISO_WEEK.exec(text);
    if (m) {
      const jan4 = new Date(Date.UTC(+m[1], 0, 4));
      const monday = Date.UTC(+m[1], 0, 4 - ((jan4.getUTCDay() + 6) % 7));
      const d = new Date(monday + ((+m[2] - 1) * 7 + (m[3] ? +m[3] - 1 : 0)) * 864e5);
      return { fields: [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()].concat(timeFields(m, 4)), zone: m[8] || null };
    }
    m = ISO_ORDINAL.exec(text);
    if (m) {
      const d = new Date(Date.UTC(+m[1], 0, +m[2]));
      if (+m[2] < 1 || d.getUTCFullYear() !== +m[1]) return { invalid: true };
      return { fields: [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()].concat(timeFields(m, 3)), zone: m[7] || null };
    }
    m = ISO.exec(text);
    if (!m) return null;
    const fields = [+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0,
      m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0];
    if (fields[1] > 11 || fields[2] > 31 || fields[3] > 24 || fields[4] > 59 || fields[5] > 59) return { invalid: true };
    return { fields: fields, zone: m[8] || null };
  }
  function zoneMinutes(zone) {
    if (!zone) return null;
    if (/^z$/i.test(zone)) return 0;
    const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
    return m ? (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +(m[3] || 0)) : null;
  }
  const PARSE_TOKENS = /(\[[^\]]*\])|(YYYYYY|YYYY|YY|MMMM|MMM|MM|M|DDDD|DD|Do|D|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|dddd|ddd|dd|d)/g;
  function parseFormat(text, format, strict, utc) {
    const fields = { Y: null, M: null, D: null, h: 0, m: 0, s: 0, ms: 0 };
    let pm = null;
    let zone = null;
    let epoch = null;
    let pos = 0;
    let regex = '^\\s*';
    const handlers = [];
    let last = 0;
    format.replace(PARSE_TOKENS, function (match, literal, token, offset) {
      regex += escapeRe(format.slice(last, offset));
      last = offset + match.length;
      if (literal) { regex += escapeRe(literal.slice(1, -1)); return match; }
      let pattern;
      switch (token) {
        case 'YYYYYY': pattern = '([+-]?\\d{6})'; break;
        case 'YYYY': pattern = '(\\d{4})'; break;
        case 'YY': pattern = '(\\d\\d)'; break;
        case 'MMMM': case 'MMM': pattern = '([A-Za-z]+)'; break;
        case 'dddd': case 'ddd': case 'dd': pattern = '([A-Za-z]+)'; break;
        case 'Do': pattern = '(\\d\\d?)(?:st|nd|rd|th)'; break;
        case 'SSS': pattern = '(\\d{1,3})'; break;
        case 'A': case 'a': pattern = '([AaPp][Mm])'; break;
        case 'ZZ': case 'Z': pattern = '(Z|[+-]\\d\\d:?\\d\\d)'; break;
        case 'X': pattern = '(-?\\d+(?:\\.\\d+)?)'; break;
        case 'x': pattern = '(-?\\d+)'; break;
        default: pattern = token.length === 2 ? '(\\d\\d)' : '(\\d\\d?)';
      }
      regex += pattern;
      handlers.push(token);
      return match;
    });
    regex += escapeRe(format.slice(last)) + (strict ? '$' : '');
    const m = new RegExp(regex).exec(text);
    void pos;
    if (!m) return null;
    handlers.forEach(function (token, i) {
      const v = m[i + 1];
      switch (token) {
        case 'YYYYYY': case 'YYYY': fields.Y = +v; break;
        case 'YY': fields.Y = +v + (+v > 68 ? 1900 : 2000); break;
        case 'MMMM': case 'MMM': {
          const at = MONTHS.findIndex(function (name) { return name.toLowerCase().indexOf(v.toLowerCase().slice(0, 3)) === 0; });
          if (at >= 0) fields.M = at;
          break;
        }
        case 'MM': case 'M': fields.M = +v - 1; break;
        case 'DD': case 'D': case 'Do': fields.D = +v; break;
        case 'HH': case 'H': case 'kk': case 'k': fields.h = +v % 24; break;
        case 'hh': case 'h': fields.h = +v % 12; break;
        case 'mm': case 'm': fields.m = +v; break;
        case 'ss': case 's': fields.s = +v; break;
        case 'SSS': case 'SS': case 'S': fields.ms = Math.round(Number('0.' + v) * 1000); break;
        case 'A': case 'a': pm = /^p/i.test(v); break;
        case 'ZZ': case 'Z': zone = v; break;
        case 'X': epoch = Number(v) * 1000; break;
        case 'x': epoch = Number(v); break;
      }
    });
    if (pm === true) fields.h += 12;
    if (epoch !== null) return { epoch: epoch };
    // Date parts before the first one given come from today; later ones from the start.
    const now = new Date();
    const today = utc ? [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()] : [now.getFullYear(), now.getMonth(), now.getDate()];
    if (fields.Y === null) {
      fields.Y = today[0];
      if (fields.M === null) { fields.M = today[1]; if (fields.D === null) fields.D = today[2]; }
    }
    if (fields.M === null) fields.M = 0;
    if (fields.D === null) fields.D = 1;
    if (fields.M > 11 || fields.D > 31 || fields.h > 23 || fields.m > 59 || fields.s > 59) return { invalid: true };
    return { fields: [fields.Y, fields.M, fields.D, fields.h, fields.m, fields.s, fields.ms], zone: zone };
  }
  function ISO_8601() {}
  function escapeRe(s) { return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }

  function fromFields(fields, zone, utc) {
    const wallMs = Date.UTC(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
    const check = new Date(wallMs);
    if (check.getUTCMonth() !== ((fields[1] % 12) + 12) % 12 || check.getUTCDate() !== fields[2]) return new Moment(NaN, utc ? 0 : null);
    const z = zoneMinutes(zone);
    if (z !== null) return new Moment(wallMs - z * 6e4, utc ? 0 : null);
    if (utc) return new Moment(wallMs, 0);
    const local = new Moment(0, null);
    local._ms = fromWall(local, new Date(wallMs));
    return local;
  }

  function create(input, format, strict, utc) {
    const offset = utc ? 0 : null;
    if (input === undefined || input === null && format === undefined) {
      return input === null ? new Moment(NaN, offset) : new Moment(Date.now(), offset);
    }
    if (isMoment(input)) return new Moment(input._ms, utc ? 0 : input._offset);
    if (input instanceof Date) return new Moment(input.getTime(), offset);
    if (typeof input === 'number') return new Moment(input, offset);
    if (Array.isArray(input)) {
      const f = [input[0], input[1] || 0, input[2] === undefined ? 1 : input[2], input[3] || 0, input[4] || 0, input[5] || 0, input[6] || 0];
      return fromFields(f, null, utc);
    }
    if (typeof input === 'object') {
      const o = {};
      for (const k of Object.keys(input)) o[unit(k) || k] = input[k];
      return fromFields([o.year || 0, o.month || 0, o.date || o.day || 1, o.hour || 0, o.minute || 0, o.second || 0, o.millisecond || 0], null, utc);
    }
    const text = String(input);
    const formats = format === undefined ? [] : [].concat(format).filter(function (f) { return f !== ISO_8601; });
    for (const f of formats) {
      const parsed = parseFormat(text, String(f), strict, utc);
      if (!parsed) continue;
      if (parsed.invalid) return new Moment(NaN, null);
      if (parsed.epoch !== undefined) return new Moment(parsed.epoch, offset);
      return fromFields(parsed.fields, parsed.zone, utc);
    }
    if (formats.length || (format !== undefined && strict && !ISO.test(text))) return new Moment(NaN, null);
    const iso = parseIso(text);
    if (iso) return iso.invalid ? new Moment(NaN, null) : fromFields(iso.fields, iso.zone, utc);
    const fallback = Date.parse(text);
    return new Moment(fallback, fallback === fallback ? offset : null);
  }

  // ---- formatting ------------------------------------------------------------------------------
  const FORMAT_TOKENS = /\[([^\]]*)\]|YYYYYY|YYYY|YY|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|Do|DD|D|dddd|ddd|dd|do|d|E|e|WW|Wo|W|ww|wo|w|gggg|GGGG|gg|GG|Y|HH|H|hh|h|kk|k|mm|m|ss|s|SSSS*|SS|S|A|a|ZZ|Z|X|x|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g;
  const LONG = { LT: 'h:mm A', LTS: 'h:mm:ss A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A',
    l: 'M/D/YYYY', ll: 'MMM D, YYYY', lll: 'MMM D, YYYY h:mm A', llll: 'ddd, MMM D, YYYY h:mm A' };
  function isoWeek(w) {
    const d = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
    const day = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - day);
    const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
    return { week: Math.ceil(((d.getTime() - yearStart) / 864e5 + 1) / 7), year: d.getUTCFullYear() };
  }
  // The English locale's weeks start on Sunday and week 1 is the one holding January 1st.
  function localeWeekStart(year) {
    const jan1 = Date.UTC(year, 0, 1);
    return jan1 - new Date(jan1).getUTCDay() * 864e5;
  }
  function localeWeek(w) {
    const day = Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate());
    let year = w.getUTCFullYear();
    if (day >= localeWeekStart(year + 1)) year += 1;
    else if (day < localeWeekStart(year)) year -= 1;
    return { week: Math.floor((day - localeWeekStart(year)) / 6048e5) + 1, year: year };
  }
  function localeWeeksInYear(year) { return Math.round((localeWeekStart(year + 1) - localeWeekStart(year)) / 6048e5); }
  function isoWeeksInYear(year) {
    const dec28 = new Date(Date.UTC(year, 11, 28));
    return isoWeek(dec28).week;
  }
  function dayOfYear(w) { return Math.round((Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()) - Date.UTC(w.getUTCFullYear(), 0, 1)) / 864e5) + 1; }
  function zoneText(minutes, sep) {
    const sign = minutes < 0 ? '-' : '+';
    const a = Math.abs(minutes);
    return sign + pad(Math.floor(a / 60), 2) + sep + pad(a % 60, 2);
  }
  function format(m, fmt) {
    if (!m.isValid()) return 'Invalid date';
    const w = wall(m);
    const Y = w.getUTCFullYear(); const M = w.getUTCMonth(); const D = w.getUTCDate(); const d = w.getUTCDay();
    const H = w.getUTCHours(); const mi = w.getUTCMinutes(); const s = w.getUTCSeconds(); const ms = w.getUTCMilliseconds();
    const off = offsetOf(m);
    return fmt.replace(FORMAT_TOKENS, function (t, literal) {
      if (literal !== undefined) return literal;
      if (LONG[t]) return format(m, LONG[t]);
      if (/^S+$/.test(t)) return pad(ms, 3).concat('000000').slice(0, t.length);
      switch (t) {
        case 'YYYYYY': return (Y < 0 ? '-' : '+') + pad(Math.abs(Y), 6);
        case 'YYYY': return Y <= 9999 ? pad(Y, 4) : '+' + Y;
        case 'YY': return pad(Y % 100, 2);
        case 'Q': return String(Math.floor(M / 3) + 1);
        case 'Qo': return ordinal(Math.floor(M / 3) + 1);
        case 'MMMM': return MONTHS[M];
        case 'MMM': return MONTHS[M].slice(0, 3);
        case 'MM': return pad(M + 1, 2);
        case 'Mo': return ordinal(M + 1);
        case 'M': return String(M + 1);
        case 'DDDD': return pad(dayOfYear(w), 3);
        case 'DDDo': return ordinal(dayOfYear(w));
        case 'DDD': return String(dayOfYear(w));
        case 'Do': return ordinal(D);
        case 'DD': return pad(D, 2);
        case 'D': return String(D);
        case 'dddd': return DAYS[d];
        case 'ddd': return DAYS[d].slice(0, 3);
        case 'dd': return DAYS[d].slice(0, 2);
        case 'do': return ordinal(d);
        case 'd': case 'e': return String(d);
        case 'E': return String(d || 7);
        case 'WW': return pad(isoWeek(w).week, 2);
        case 'W': return String(isoWeek(w).week);
        case 'Wo': return ordinal(isoWeek(w).week);
        case 'ww': return pad(localeWeek(w).week, 2);
        case 'w': return String(localeWeek(w).week);
        case 'wo': return ordinal(localeWeek(w).week);
        case 'GGGG': return pad(isoWeek(w).year, 4);
        case 'gggg': return pad(localeWeek(w).year, 4);
        case 'GG': return pad(isoWeek(w).year % 100, 2);
        case 'gg': return pad(localeWeek(w).year % 100, 2);
        case 'Y': return Y <= 9999 ? String(Y) : '+' + Y;
        case 'HH': return pad(H, 2);
        case 'H': return String(H);
        case 'hh': return pad(H % 12 || 12, 2);
        case 'h': return String(H % 12 || 12);
        case 'kk': return pad(H || 24, 2);
        case 'k': return String(H || 24);
        case 'mm': return pad(mi, 2);
        case 'm': return String(mi);
        case 'ss': return pad(s, 2);
        case 's': return String(s);
        case 'A': return H < 12 ? 'AM' : 'PM';
        case 'a': return H < 12 ? 'am' : 'pm';
        case 'ZZ': return zoneText(off, '');
        case 'Z': return zoneText(off, ':');
        case 'X': return String(Math.floor(m._ms / 1000));
        case 'x': return String(m._ms);
        default: return t;
      }
    });
  }

  // ---- arithmetic ----------------------------------------------------------------------------
  function shift(m, amount, u, sign) {
    if (amount !== null && typeof amount === 'object') {
      if (amount instanceof Duration) { m._ms += sign * (amount._ms + amount._days * 864e5); addMonths(m, sign * amount._months); return m; }
      for (const k of Object.keys(amount)) shift(m, amount[k], k, sign);
      return m;
    }
    if (typeof amount === 'string' && isNaN(amount) && typeof u !== 'string') { const t = amount; amount = u; u = t; }
    const n = Number(amount) * sign;
    const name = unit(u === undefined ? 'ms' : u);
    if (!name || isNaN(n)) return m;
    if (name === 'year') addMonths(m, n * 12);
    else if (name === 'quarter') addMonths(m, n * 3);
    else if (name === 'month') addMonths(m, n);
    else if (name === 'day' || name === 'date' || name === 'week' || name === 'isoWeek') {
      const w = wall(m);
      w.setUTCDate(w.getUTCDate() + n * (name === 'day' || name === 'date' ? 1 : 7));
      m._ms = fromWall(m, w);
    } else {
      m._ms += n * MS[name];
    }
    return m;
  }
  function addMonths(m, n) {
    if (!n) return;
    const w = wall(m);
    const day = w.getUTCDate();
    w.setUTCDate(1);
    w.setUTCMonth(w.getUTCMonth() + n);
    const last = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate();
    w.setUTCDate(Math.min(day, last));
    m._ms = fromWall(m, w);
  }
  function startOf(m, u) {
    const name = unit(u);
    if (!name) return m;
    const w = wall(m);
    switch (name) {
      case 'year': w.setUTCMonth(0, 1); w.setUTCHours(0, 0, 0, 0); break;
      case 'quarter': w.setUTCMonth(w.getUTCMonth() - (w.getUTCMonth() % 3), 1); w.setUTCHours(0, 0, 0, 0); break;
      case 'month': w.setUTCDate(1); w.setUTCHours(0, 0, 0, 0); break;
      case 'week': w.setUTCDate(w.getUTCDate() - w.getUTCDay()); w.setUTCHours(0, 0, 0, 0); break;
      case 'isoWeek': w.setUTCDate(w.getUTCDate() - ((w.getUTCDay() + 6) % 7)); w.setUTCHours(0, 0, 0, 0); break;
      case 'day': case 'date': w.setUTCHours(0, 0, 0, 0); break;
      case 'hour': w.setUTCMinutes(0, 0, 0); break;
      case 'minute': w.setUTCSeconds(0, 0); break;
      case 'second': w.setUTCMilliseconds(0); break;
    }
    m._ms = fromWall(m, w);
    return m;
  }

  const proto = Moment.prototype;
  proto.clone = function () { return new Moment(this._ms, this._offset); };
  proto.isValid = function () { return this._ms === this._ms && isFinite(this._ms); };
  proto.valueOf = function () { return this._ms; };
  proto.unix = function () { return Math.floor(this._ms / 1000); };
  proto.toDate = function () { return new Date(this._ms); };
  proto.toISOString = function (keepOffset) {
    if (!this.isValid()) return null;
    if (keepOffset && offsetOf(this) !== 0) return format(this, 'YYYY-MM-DD[T]HH:mm:ss.SSSZ');
    return new Date(this._ms).toISOString();
  };
  proto.toJSON = function () { return this.isValid() ? this.toISOString() : null; };
  proto.toString = function () { return format(this, 'ddd MMM DD YYYY HH:mm:ss [GMT]ZZ'); };
  proto.toArray = function () { const w = wall(this); return [w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds()]; };
  proto.toObject = function () { const a = this.toArray(); return { years: a[0], months: a[1], date: a[2], hours: a[3], minutes: a[4], seconds: a[5], milliseconds: a[6] }; };
  proto.inspect = function () { return 'moment("' + format(this, 'YYYY-MM-DDTHH:mm:ss.SSSZ') + '")'; };
  proto.locale = function () { return arguments.length ? this : 'en'; };
  proto.lang = proto.locale;
  proto.format = function (fmt) {
    if (fmt === undefined) fmt = this._offset === 0 ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ';
    return format(this, String(fmt));
  };
  proto.add = function (amount, u) { return shift(this, amount, u, 1); };
  proto.subtract = function (amount, u) { return shift(this, amount, u, -1); };
  proto.startOf = function (u) { return startOf(this, u); };
  proto.endOf = function (u) {
    const name = unit(u);
    if (!name) return this;
    startOf(this, u);
    shift(this, 1, name === 'date' ? 'day' : name, 1);
    this._ms -= 1;
    return this;
  };
  proto.utc = function (keepLocalTime) { return this.utcOffset(0, keepLocalTime); };
  proto.local = function () { this._offset = null; return this; };
  proto.isUTC = function () { return this._offset === 0; };
  proto.isUtc = proto.isUTC;
  proto.isLocal = function () { return this._offset === null; };
  proto.utcOffset = function (value, keepLocalTime) {
    if (value === undefined) return offsetOf(this);
    let minutes = typeof value === 'string' ? zoneMinutes(value.trim()) : Number(value);
    if (minutes === null || isNaN(minutes)) return this;
    if (Math.abs(minutes) < 16) minutes *= 60;
    if (keepLocalTime) {
      const w = wall(this);
      this._offset = minutes;
      this._ms = fromWall(this, w);
    } else {
      this._offset = minutes;
    }
    return this;
  };
  proto.zone = function () { return -offsetOf(this); };
  function compareIn(a, b, u) {
    const other = create(b);
    if (!u) return [a._ms, other._ms];
    return [a.clone().startOf(u)._ms, other.clone().utcOffset(offsetOf(a)).startOf(u)._ms, a.clone().endOf(u)._ms];
  }
  proto.isBefore = function (b, u) { const c = compareIn(this, b, u); return u ? c[2] < create(b)._ms : c[0] < c[1]; };
  proto.isAfter = function (b, u) { const c = compareIn(this, b, u); return u ? create(b)._ms < c[0] : c[0] > c[1]; };
  proto.isSame = function (b, u) { const c = compareIn(this, b, u); if (!u) return c[0] === c[1]; const t = create(b)._ms; return c[0] <= t && t <= c[2]; };
  proto.isSameOrBefore = function (b, u) { return this.isSame(b, u) || this.isBefore(b, u); };
  proto.isSameOrAfter = function (b, u) { return this.isSame(b, u) || this.isAfter(b, u); };
  proto.isBetween = function (a, b, u, inclusivity) {
    const inc = inclusivity || '()';
    const left = inc[0] === '[' ? this.isSameOrAfter(a, u) : this.isAfter(a, u);
    const right = inc[1] === ']' ? this.isSameOrBefore(b, u) : this.isBefore(b, u);
    return left && right;
  };
  proto.isLeapYear = function () { const y = this.year(); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; };
  proto.daysInMonth = function () { const w = wall(this); return new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate(); };
  // moment's month difference: whole months from `a` to `b`, anchored on `a` (the earlier day
  // of month is the anchor), plus the fraction of the month around the anchor; negated.
  function monthDiff(a, b) {
    const wa = wall(a); const wb = wall(b);
    if (wa.getUTCDate() < wb.getUTCDate()) return -monthDiff(b, a);
    const whole = (wb.getUTCFullYear() - wa.getUTCFullYear()) * 12 + (wb.getUTCMonth() - wa.getUTCMonth());
    const anchor = a.clone().add(whole, 'months');
    let adjust;
    if (b._ms - anchor._ms < 0) {
      const prev = a.clone().add(whole - 1, 'months');
      adjust = (b._ms - anchor._ms) / (anchor._ms - prev._ms);
    } else {
      const next = a.clone().add(whole + 1, 'months');
      adjust = (b._ms - anchor._ms) / (next._ms - anchor._ms);
    }
    return -(whole + adjust) || 0;
  }
  proto.diff = function (b, u, precise) {
    const other = create(b);
    const name = unit(u || 'ms') || 'millisecond';
    let out;
    if (name === 'year' || name === 'month' || name === 'quarter') {
      out = monthDiff(this, other);
      if (name === 'year') out /= 12;
      if (name === 'quarter') out /= 3;
    } else {
      const delta = this._ms - other._ms;
      const zoneDelta = name === 'day' || name === 'week' || name === 'isoWeek' || name === 'date' ? (offsetOf(this) - offsetOf(other)) * 6e4 : 0;
      out = (delta + zoneDelta) / MS[name];
    }
    return precise ? out : out < 0 ? Math.ceil(out) || 0 : Math.floor(out);
  };
  proto.from = function (b, withoutSuffix) { return humanize(this._ms - create(b)._ms, withoutSuffix); };
  proto.fromNow = function (withoutSuffix) { return humanize(this._ms - Date.now(), withoutSuffix); };
  proto.to = function (b, withoutSuffix) { return humanize(create(b)._ms - this._ms, withoutSuffix); };
  proto.toNow = function (withoutSuffix) { return humanize(Date.now() - this._ms, withoutSuffix); };
  // Relative to the start of the reference day (now by default), in this moment's zone.
  proto.calendar = function (time) {
    const ref = time === undefined || time === null ? create(undefined) : create(time);
    const sod = startOf(new Moment(ref._ms, this._offset), 'day');
    const diff = this.diff(sod, 'days', true);
    const pattern = diff < -6 ? 'L' : diff < -1 ? '[Last] dddd [at] h:mm A' : diff < 0 ? '[Yesterday at] h:mm A'
      : diff < 1 ? '[Today at] h:mm A' : diff < 2 ? '[Tomorrow at] h:mm A' : diff < 7 ? 'dddd [at] h:mm A' : 'L';
    return format(this, pattern);
  };
  proto.get = function (u) { const n = unit(u); return n && typeof this[n] === 'function' ? this[n]() : undefined; };
  proto.set = function (u, v) {
    if (u !== null && typeof u === 'object') { for (const k of Object.keys(u)) this.set(k, u[k]); return this; }
    const n = unit(u);
    if (n && typeof this[n] === 'function') this[n](v);
    return this;
  };
  function accessor(name, get, set) {
    proto[name] = function (v) {
      const w = wall(this);
      if (v === undefined) return get(w, this);
      set(w, Number(v), this);
      this._ms = fromWall(this, w);
      return this;
    };
  }
  accessor('year', function (w) { return w.getUTCFullYear(); }, function (w, v) { w.setUTCFullYear(v); });
  accessor('month', function (w) { return w.getUTCMonth(); }, function (w, v) { w.setUTCMonth(v); });
  accessor('date', function (w) { return w.getUTCDate(); }, function (w, v) { w.setUTCDate(v); });
  accessor('day', function (w) { return w.getUTCDay(); }, function (w, v) { w.setUTCDate(w.getUTCDate() + v - w.getUTCDay()); });
  accessor('isoWeekday', function (w) { return w.getUTCDay() || 7; }, function (w, v) { w.setUTCDate(w.getUTCDate() + v - (w.getUTCDay() || 7)); });
  accessor('hour', function (w) { return w.getUTCHours(); }, function (w, v) { w.setUTCHours(v); });
  accessor('minute', function (w) { return w.getUTCMinutes(); }, function (w, v) { w.setUTCMinutes(v); });
  accessor('second', function (w) { return w.getUTCSeconds(); }, function (w, v) { w.setUTCSeconds(v); });
  accessor('millisecond', function (w) { return w.getUTCMilliseconds(); }, function (w, v) { w.setUTCMilliseconds(v); });
  accessor('dayOfYear', dayOfYear, function (w, v) { w.setUTCDate(w.getUTCDate() + v - dayOfYear(w)); });
  accessor('isoWeek', function (w) { return isoWeek(w).week; }, function (w, v) { w.setUTCDate(w.getUTCDate() + 7 * (v - isoWeek(w).week)); });
  accessor('quarter', function (w) { return Math.floor(w.getUTCMonth() / 3) + 1; }, function (w, v) { w.setUTCMonth((v - 1) * 3 + (w.getUTCMonth() % 3)); });
  for (const [plural, single] of [['years', 'year'], ['months', 'month'], ['dates', 'date'], ['days', 'day'], ['hours', 'hour'],
    ['minutes', 'minute'], ['seconds', 'second'], ['milliseconds', 'millisecond'], ['quarters', 'quarter']]) proto[plural] = proto[single];
  // moment's daylight-saving test: an offset above January's or June's in the same year.
  proto.isDST = function () {
    return this.utcOffset() > this.clone().month(0).utcOffset() || this.utcOffset() > this.clone().month(5).utcOffset();
  };
  // A moment in a fixed offset (utc() or utcOffset(n)) names the zone UTC; a local one names none.
  proto.zoneAbbr = function () { return this._offset !== null ? 'UTC' : ''; };
  proto.zoneName = function () { return this._offset !== null ? 'Coordinated Universal Time' : ''; };
  accessor('week', function (w) { return localeWeek(w).week; }, function (w, v) { w.setUTCDate(w.getUTCDate() + 7 * (v - localeWeek(w).week)); });
  proto.weeks = proto.week;
  proto.isoWeeks = proto.isoWeek;
  proto.weekYear = function () { return localeWeek(wall(this)).year; };
  proto.isoWeekYear = function () { return isoWeek(wall(this)).year; };
  proto.weeksInYear = function () { return localeWeeksInYear(wall(this).getUTCFullYear()); };
  proto.weeksInWeekYear = proto.weeksInYear;
  proto.isoWeeksInYear = function () { return isoWeeksInYear(wall(this).getUTCFullYear()); };
  proto.isoWeeksInISOWeekYear = proto.isoWeeksInYear;
  proto.weekday = proto.day;

  // ---- durations -----------------------------------------------------------------------------
  function humanize(delta, withoutSuffix) {
    const secs = Math.round(Math.abs(delta) / 1000);
    const mins = Math.round(secs / 60); const hours = Math.round(mins / 60); const days = Math.round(hours / 24);
    const months = Math.round(days / 30.4375); const years = Math.round(days / 365.25);
    let text;
    if (secs < 45) text = 'a few seconds';
    else if (secs < 90) text = 'a minute';
    else if (mins < 45) text = mins + ' minutes';
    else if (mins < 90) text = 'an hour';
    else if (hours < 22) text = hours + ' hours';
    else if (hours < 36) text = 'a day';
    else if (days < 26) text = days + ' days';
    else if (days < 46) text = 'a month';
    else if (days < 320) text = months + ' months';
    else if (days < 548) text = 'a year';
    else text = years + ' years';
    if (withoutSuffix) return text;
    return delta > 0 ? 'in ' + text : text + ' ago';
  }
  // A duration keeps milliseconds, days and months apart, as moment does; the unit getters
  // "bubble" them up (1000 ms -> 1 s ... 24 h -> 1 day, days -> months at 146097/4800 days).
  function Duration(ms, months, days) { this._ms = ms; this._months = months; this._days = days || 0; }
  const absFloor = function (n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); };
  const daysToMonths = function (d) { return d * 4800 / 146097; };
  const monthsToDays = function (m) { return m * 146097 / 4800; };
  Duration.prototype._bubble = function () {
    const out = {};
    out.milliseconds = this._ms % 1000;
    const seconds = absFloor(this._ms / 1000);
    out.seconds = seconds % 60;
    const minutes = absFloor(seconds / 60);
    out.minutes = minutes % 60;
    const hours = absFloor(minutes / 60);
    out.hours = hours % 24;
    let days = this._days + absFloor(hours / 24);
    const monthsFromDays = absFloor(daysToMonths(days));
    let months = this._months + monthsFromDays;
    days -= monthsFromDays >= 0 ? Math.ceil(monthsToDays(monthsFromDays)) : Math.floor(monthsToDays(monthsFromDays));
    out.days = days;
    out.years = absFloor(months / 12);
    out.months = months % 12;
    return out;
  };
  Duration.prototype.as = function (u) {
    const name = unit(u) || 'millisecond';
    if (name === 'month' || name === 'quarter' || name === 'year') {
      const months = this._months + daysToMonths(this._days + this._ms / 864e5);
      return name === 'month' ? months : name === 'quarter' ? months / 3 : months / 12;
    }
    const days = this._days + Math.round(monthsToDays(this._months));
    return (days * 864e5 + this._ms) / MS[name];
  };
  Duration.prototype.asMilliseconds = function () { return this.as('millisecond'); };
  Duration.prototype.valueOf = Duration.prototype.asMilliseconds;
  for (const [name, u] of [['Seconds', 'second'], ['Minutes', 'minute'], ['Hours', 'hour'], ['Days', 'day'],
    ['Weeks', 'week'], ['Months', 'month'], ['Quarters', 'quarter'], ['Years', 'year']]) {
    Duration.prototype['as' + name] = function () { return this.as(u); };
  }
  for (const name of ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'months', 'years']) {
    Duration.prototype[name] = function () { return this._bubble()[name]; };
  }
  Duration.prototype.weeks = function () { return absFloor(this._bubble().days / 7); };
  Duration.prototype.get = function (u) { const name = unit(u) || 'millisecond'; return this[name + 's'](); };
  Duration.prototype.humanize = function (withSuffix) {
    const r = function (x) { return Math.round(Math.abs(x)); };
    const secs = r(this.as('s')); const mins = r(this.as('m')); const hours = r(this.as('h'));
    const days = r(this.as('d')); const months = r(this.as('M')); const years = r(this.as('y'));
    let text;
    if (secs < 45) text = 'a few seconds';
    else if (mins <= 1) text = 'a minute';
    else if (mins < 45) text = mins + ' minutes';
    else if (hours <= 1) text = 'an hour';
    else if (hours < 22) text = hours + ' hours';
    else if (days <= 1) text = 'a day';
    else if (days < 26) text = days + ' days';
    else if (months <= 1) text = 'a month';
    else if (months < 11) text = months + ' months';
    else if (years <= 1) text = 'a year';
    else text = years + ' years';
    if (!withSuffix) return text;
    return this.asMilliseconds() > 0 ? 'in ' + text : text + ' ago';
  };
  Duration.prototype.add = function (v, u) {
    const d = duration(v, u);
    this._ms += d._ms; this._days += d._days; this._months += d._months;
    return this;
  };
  Duration.prototype.subtract = function (v, u) {
    const d = duration(v, u);
    this._ms -= d._ms; this._days -= d._days; this._months -= d._months;
    return this;
  };
  Duration.prototype.clone = function () { return new Duration(this._ms, this._months, this._days); };
  Duration.prototype.isValid = function () { return true; };
  // ISO 8601: PnYnMnDTnHnMnS, hours not folded into days.
  Duration.prototype.toISOString = function () {
    let seconds = Math.abs(this._ms) / 1000;
    const days = Math.abs(this._days);
    let months = Math.abs(this._months);
    let minutes = absFloor(seconds / 60);
    const hours = absFloor(minutes / 60);
    seconds %= 60;
    minutes %= 60;
    const years = absFloor(months / 12);
    months %= 12;
    const s = seconds ? seconds.toFixed(3).replace(/\.?0+$/, '') : '';
    const total = this.asSeconds();
    if (!total) return 'P0D';
    const sign = total < 0 ? '-' : '';
    return sign + 'P' + (years ? years + 'Y' : '') + (months ? months + 'M' : '') + (days ? days + 'D' : '') +
      (hours || minutes || seconds ? 'T' : '') + (hours ? hours + 'H' : '') + (minutes ? minutes + 'M' : '') +
      (s ? s + 'S' : '');
  };
  Duration.prototype.toJSON = Duration.prototype.toISOString;
  Duration.prototype.toString = Duration.prototype.toISOString;
  const ISO_DURATION = /^(-|\+)?P(?:([-+]?[0-9,.]*)Y)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)W)?(?:([-+]?[0-9,.]*)D)?(?:T(?:([-+]?[0-9,.]*)H)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)S)?)?$/;
  const CLOCK_DURATION = /^(-|\+)?(?:(\d*)[. ])?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/;
  function duration(v, u) {
    if (v instanceof Duration) return v.clone();
    if (v !== null && typeof v === 'object') {
      let out = new Duration(0, 0, 0);
      for (const k of Object.keys(v)) out = out.add(v[k], k);
      return out;
    }
    if (typeof v === 'string' && !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(v)) {
      let m = CLOCK_DURATION.exec(v);
      if (m) {
        const sign = m[1] === '-' ? -1 : 1;
        const num = function (x) { return x ? Number(x) : 0; };
        return new Duration(sign * (num(m[3]) * 36e5 + num(m[4]) * 6e4 + num(m[5]) * 1e3 + Math.round(num(m[6]) * 1000)),
          0, sign * num(m[2]));
      }
      m = ISO_DURATION.exec(v);
      if (m) {
        const sign = m[1] === '-' ? -1 : 1;
        const num = function (x) { return x ? Number(x.replace(',', '.')) * sign : 0; };
        return new Duration(num(m[6]) * 36e5 + num(m[7]) * 6e4 + num(m[8]) * 1e3,
          num(m[2]) * 12 + num(m[3]), num(m[4]) * 7 + num(m[5]));
      }
      return new Duration(0, 0, 0);
    }
    const name = unit(u || 'ms') || 'millisecond';
    const n = Number(v) || 0;
    if (name === 'year') return new Duration(0, n * 12, 0);
    if (name === 'quarter') return new Duration(0, n * 3, 0);
    if (name === 'month') return new Duration(0, n, 0);
    if (name === 'week') return new Duration(0, 0, n * 7);
    if (name === 'day') return new Duration(0, 0, n);
    return new Duration(n * MS[name], 0, 0);
  }

  // ---- the moment function ---------------------------------------------------------------------
  function moment(input, fmt, strict) { return create(input, fmt, strict === true, false); }
  moment.utc = function (input, fmt, strict) { return create(input, fmt, strict === true, true); };
  moment.unix = function (seconds) { return new Moment(Number(seconds) * 1000, null); };
  moment.isMoment = isMoment;
  moment.isDate = function (v) { return v instanceof Date; };
  moment.isDuration = function (v) { return v instanceof Duration; };
  moment.duration = duration;
  moment.now = function () { return Date.now(); };
  moment.invalid = function () { return new Moment(NaN, null); };
  moment.parseZone = function (input, fmt) {
    const text = String(input);
    const m = create(text, fmt, false, false);
    const zone = /(Z|[+-]\d\d(?::?\d\d)?)\s*$/i.exec(text);
    return zone ? m.utcOffset(zoneMinutes(zone[1])) : m;
  };
  moment.max = function () { const list = [].concat.apply([], arguments); return list.reduce(function (a, b) { return b._ms > a._ms ? b : a; }); };
  moment.min = function () { const list = [].concat.apply([], arguments); return list.reduce(function (a, b) { return b._ms < a._ms ? b : a; }); };
  // Only `en` is bundled: a locale asked for is tried by its prefixes (zh-cn, zh) and each miss is
  // remembered, so `locales()` lists it; the global locale stays `en`.
  const known = ['en'];
  moment.locale = function (names) {
    for (const name of [].concat(names === undefined || names === null ? [] : names)) {
      const parts = String(name).toLowerCase().replace(/_/g, '-').split('-');
      for (let j = parts.length; j > 0 && name; j--) {
        const tried = parts.slice(0, j).join('-');
        if (tried === 'en') break;
        if (known.indexOf(tried) < 0 && /^[^/\\]*$/.test(tried)) known.push(tried);
      }
    }
    return 'en';
  };
  moment.locales = function () { return known.slice(); };
  // The names as a list, or the one at an index given as either argument (format, index).
  const names = function (list) { return function (a, b) { const i = typeof a === 'number' ? a : b; return typeof i === 'number' ? list[i] : list.slice(); }; };
  moment.months = names(MONTHS);
  moment.monthsShort = names(MONTHS.map(function (m) { return m.slice(0, 3); }));
  moment.weekdays = names(DAYS);
  moment.weekdaysShort = names(DAYS.map(function (d) { return d.slice(0, 3); }));
  moment.weekdaysMin = names(DAYS.map(function (d) { return d.slice(0, 2); }));
  moment.normalizeUnits = function (u) { return u === undefined || u === null ? undefined : unit(u) || undefined; };
  moment.ISO_8601 = ISO_8601;
  // The formats of HTML5 input elements.
  moment.HTML5_FMT = {
    DATETIME_LOCAL: 'YYYY-MM-DDTHH:mm', DATETIME_LOCAL_SECONDS: 'YYYY-MM-DDTHH:mm:ss',
    DATETIME_LOCAL_MS: 'YYYY-MM-DDTHH:mm:ss.SSS', DATE: 'YYYY-MM-DD', TIME: 'HH:mm', TIME_SECONDS: 'HH:mm:ss',
    TIME_MS: 'HH:mm:ss.SSS', WEEK: 'GGGG-[W]WW', MONTH: 'YYYY-MM',
  };
  moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
  moment.version = '2.30.1';
  moment.fn = proto;
  moment.prototype = proto;
  return moment;
})
