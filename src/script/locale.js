// postie prelude: locale formatting. QuickJS has no ICU, so `toLocaleString` and friends would
// print plain `String(value)`; Newman's V8 formats per locale. This covers what scripts use:
// numbers (grouping, fraction digits, percent, currencies), numeric dates, dates with month and
// weekday names (the usual combinations of fields and dateStyle full/long/medium) and times for
// the 45 locales of locale-data.js (generated from Node's ICU; en-US is the default; other
// combinations in English), in any IANA time zone (`native.tzOffset`) and hour cycle, and an
// ICU-like `localeCompare` (letters before case before accents). Newman's sandbox has no
// `Intl` global, and neither does postie's.
(function (P) {
  'use strict';

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

  // The locale asked for, with the data of the closest locale ICU would use: the tag itself,
  // else the first listed locale of its language, else en-US (locale-data.js).
  function language(locales) {
    const first = Array.isArray(locales) ? locales[0] : locales;
    const tag = typeof first === 'string' && first !== '' ? first : 'en-US';
    const lang = tag.split('-')[0].toLowerCase();
    const table = P.LOCALE_DATA;
    const keys = Object.keys(table);
    const exact = keys.find(function (key) { return key.toLowerCase() === tag.toLowerCase(); });
    const sameLanguage = keys.find(function (key) { return key.split('-')[0] === lang; });
    const key = exact || sameLanguage || 'en-US';
    return { lang: lang, tag: tag, data: table[key] };
  }

  // Integer digits grouped by threes, or Indian style (the last three, then twos); a locale
  // whose minimum grouping is 2 leaves four-digit numbers alone.
  function group(digits, sep, data) {
    if (data.minGroup === 2 && digits.length < 5) return digits;
    if (data.lakh && digits.length > 3) {
      const head = digits.slice(0, -3);
      let out = '';
      for (let i = 0; i < head.length; i++) {
        if (i > 0 && (head.length - i) % 2 === 0) out += sep;
        out += head[i];
      }
      return out + sep + digits.slice(-3);
    }
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
      out += digits[i];
    }
    return out;
  }

  // `pattern` with each `{name}` replaced by `values[name]`.
  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (m, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : m;
    });
  }

  // The digits of a large integral double as JavaScript's shortest form gives them, written out
  // without an exponent.
  function shortestInteger(x) {
    const text = String(x);
    const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(text);
    if (!m) return text.split('.')[0];
    const digits = m[1] + (m[2] || '');
    return digits + '0'.repeat(Math.max(0, Number(m[3]) + 1 - digits.length));
  }

  function formatNumber(value, locales, options) {
    const n = Number(value);
    const opts = options || {};
    const loc = language(locales);
    const data = loc.data;
    const style = opts.style || 'decimal';
    const seps = { group: style === 'currency' ? data.cgroup : data.group, decimal: data.decimal };
    const code = String(opts.currency || 'USD').toUpperCase();
    if (n !== n) return 'NaN';
    let x = style === 'percent' ? n * 100 : n;
    const currencyDigits = code === 'JPY' || code === 'KRW' ? 0 : 2;
    const defaultMax = style === 'currency' ? currencyDigits : style === 'percent' ? 0 : 3;
    const defaultMin = style === 'currency' ? currencyDigits : 0;
    let min = opts.minimumFractionDigits !== undefined ? Number(opts.minimumFractionDigits) : defaultMin;
    let max = opts.maximumFractionDigits !== undefined ? Number(opts.maximumFractionDigits) : Math.max(min, defaultMax);
    if (min > max) {
      if (opts.minimumFractionDigits !== undefined && opts.maximumFractionDigits === undefined) max = min;
      else min = max;
    }
    const negative = x < 0 || Object.is(x, -0);
    x = Math.abs(x);
    let body;
    if (x === Infinity) {
      body = '∞';
    } else {
      // From 2^53 a double is an integer, and ICU prints its shortest round-trip digits
      // padded with zeros (12345678901234567890 is 12,345,678,901,234,567,000), not its exact
      // binary value as toFixed would.
      const fixed = x >= 9007199254740992 ? shortestInteger(x) : x.toFixed(Math.min(100, Math.max(0, max)));
      let [int, frac] = fixed.split('.');
      frac = frac || '';
      while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
      const minInt = opts.minimumIntegerDigits ? Number(opts.minimumIntegerDigits) : 1;
      while (int.length < minInt) int = '0' + int;
      const grouped = opts.useGrouping === false ? int : group(int, seps.group, data);
      body = frac ? grouped + seps.decimal + frac : grouped;
    }
    let text = body;
    if (style === 'percent') text = fill(data.percent, { n: body });
    if (style === 'currency') {
      const pattern = data && data.currency[code];
      if (pattern) {
        text = fill(pattern, { n: body });
      } else {
        // A currency the table does not list is written with its code, where the locale puts
        // the dollar sign.
        const around = data.currency.USD;
        text = fill(around.replace(/[^{}\sn\u00a0\u202f]*\$[^{}\sn\u00a0\u202f]*/, code + '\u00a0'), { n: body })
          .replace(/\u00a0\u00a0/, '\u00a0');
      }
    }
    return negative && (x !== 0) ? '-' + text : text;
  }

  // The date's fields in the zone `options.timeZone` names (UTC, or the zone database's IANA
  // names), else in local time. An unknown zone is a RangeError, as in V8.
  function zoned(date, options) {
    const tz = options && options.timeZone;
    if (tz === undefined) return parts(date, false);
    const name = String(tz);
    if (/^(utc|gmt|etc\/utc|etc\/gmt)$/i.test(name)) return parts(date, true);
    const offset = P.native.tzOffset(name, date.getTime());
    if (offset !== offset) throw new RangeError('Invalid time zone specified: ' + name);
    return parts(new Date(date.getTime() + offset * 60000), true);
  }

  function parts(date, utc) {
    return utc ? {
      y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), wd: date.getUTCDay(),
      h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds(),
    } : {
      y: date.getFullYear(), m: date.getMonth(), d: date.getDate(), wd: date.getDay(),
      h: date.getHours(), min: date.getMinutes(), s: date.getSeconds(),
    };
  }

  function pad2(n) { return n < 10 ? '0' + n : String(n); }

  // The key of locale-data.js's named-date patterns for `o` (see tools/locale/gen.js), or null.
  function namedKey(o) {
    if (o.dateStyle === 'full' || o.dateStyle === 'long' || o.dateStyle === 'medium') return o.dateStyle;
    const w = o.weekday === 'long' ? 'W' : o.weekday ? 'w' : '';
    const m = o.month === 'long' ? 'M' : o.month === 'short' ? 'm' : '';
    if (!w && !m) return null;
    return w + m + (o.day ? 'D' : '') + (o.year ? 'Y' : '');
  }

  // A date with month or weekday names as the locale writes it, when locale-data.js has the
  // combination of fields; else undefined.
  function namedDate(p, loc, o) {
    const key = namedKey(o);
    const entry = key && loc.data.dates && loc.data.dates[key];
    if (!entry) return undefined;
    const names = loc.data.names;
    const day = o.day === '2-digit' ? pad2(p.d) : p.d;
    return fill(entry.p, {
      weekday: entry.w === undefined ? '' : names[entry.w][p.wd],
      month: entry.m === undefined ? '' : names[entry.m][p.m],
      day: day, day2: pad2(p.d),
      year: o.year === '2-digit' ? pad2(p.y % 100) : p.y,
    });
  }

  function datePart(p, loc, opts) {
    const o = opts || {};
    const named = namedDate(p, loc, o);
    if (named !== undefined) return named;
    if (o.weekday && !o.year && !o.month && !o.day) return DAYS[p.wd];
    if (o.month === 'long' || o.month === 'short') {
      // Only the fields asked for: "Jan 15", "January 2024", "Monday, January 15, 2024".
      let text = o.month === 'long' ? MONTHS[p.m] : MONTHS[p.m].slice(0, 3);
      if (o.day) text += ' ' + (o.day === '2-digit' ? pad2(p.d) : p.d);
      if (o.year) text += (o.day ? ', ' : ' ') + (o.year === '2-digit' ? pad2(p.y % 100) : p.y);
      if (o.weekday) text = (o.weekday === 'long' ? DAYS[p.wd] : DAYS[p.wd].slice(0, 3)) + ', ' + text;
      return text;
    }
    return fill(loc.data.date, {
      day: p.d, day2: pad2(p.d), month: p.m + 1, month2: pad2(p.m + 1), year: p.y,
    });
  }

  // The hour cycle `options` ask for (`hour12`, else `hourCycle`), as ICU resolves it against
  // the locale's own: hour12 true gives h11 where the locale counts 0-23, h12 elsewhere; false
  // gives h24 where the locale counts 1-12, h23 elsewhere. null keeps the locale's pattern.
  function hourCycle(options, twelve) {
    const o = options || {};
    if (o.hour12 !== undefined) {
      if (o.hour12) return twelve ? null : 'h11';
      return twelve ? 'h24' : null;
    }
    const c = o.hourCycle;
    if (c === 'h11' || c === 'h12') return twelve && c === 'h12' ? null : c;
    if (c === 'h23' || c === 'h24') return !twelve && c === 'h23' ? null : c;
    return null;
  }

  function timePart(p, loc, options) {
    const data = loc.data;
    let pattern = data.time;
    const twelve = pattern.indexOf('{hour12}') !== -1;
    const cycle = hourCycle(options, twelve);
    let h12 = p.h % 12 === 0 ? 12 : p.h % 12;
    let h24 = p.h;
    let am = data.am;
    let pm = data.pm;
    if (cycle === 'h11' || cycle === 'h12') {
      if (cycle === 'h11') h12 = p.h % 12;
      if (!twelve) {
        pattern = data.time12 || '{hour12}:{minute2}:{second2} {period}';
        am = data.am12 || 'AM';
        pm = data.pm12 || 'PM';
      }
    } else if (cycle === 'h23' || cycle === 'h24') {
      if (cycle === 'h24' && h24 === 0) h24 = 24;
      if (twelve) pattern = data.time24 || '{hour2}:{minute2}:{second2}';
    }
    return fill(pattern, {
      hour: h24, hour2: pad2(h24), hour12: h12, minute: p.min, minute2: pad2(p.min), second: p.s,
      second2: pad2(p.s), period: p.h < 12 ? am : pm,
    });
  }

  function validDate(date) {
    const t = date.getTime();
    return t === t;
  }

  function defineMethod(proto, name, fn) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }

  defineMethod(Number.prototype, 'toLocaleString', function toLocaleString(locales, options) {
    return formatNumber(this, locales, options);
  });
  defineMethod(Date.prototype, 'toLocaleDateString', function toLocaleDateString(locales, options) {
    if (!validDate(this)) return 'Invalid Date';
    return datePart(zoned(this, options), language(locales), options);
  });
  defineMethod(Date.prototype, 'toLocaleTimeString', function toLocaleTimeString(locales, options) {
    if (!validDate(this)) return 'Invalid Date';
    return timePart(zoned(this, options), language(locales), options);
  });
  defineMethod(Date.prototype, 'toLocaleString', function toLocaleString(locales, options) {
    if (!validDate(this)) return 'Invalid Date';
    const p = zoned(this, options);
    const loc = language(locales);
    // Options naming only date fields give the date alone, as ICU does.
    const o = options || {};
    const dateOnly = ['weekday', 'year', 'month', 'day', 'dateStyle'].some(function (k) { return o[k] !== undefined; }) &&
      !['hour', 'minute', 'second', 'timeStyle'].some(function (k) { return o[k] !== undefined; });
    if (dateOnly) return datePart(p, loc, options);
    return datePart(p, loc, options) + loc.data.joiner + timePart(p, loc, options);
  });

  // ICU's root collation, roughly: compare the letters ignoring case and accents, then accents,
  // then case (lower before upper). Swedish and Finnish sort å, ä (æ), ö (ø) after z, Danish and
  // Norwegian æ, ø, å; the `sensitivity` and `numeric` options are honoured.
  const AFTER_Z = {
    sv: { 'å': '{', 'ä': '|', 'æ': '|', 'ö': '}', 'ø': '}' },
    fi: { 'å': '{', 'ä': '|', 'æ': '|', 'ö': '}', 'ø': '}' },
    da: { 'æ': '{', 'ä': '{', 'ø': '|', 'ö': '|', 'å': '}' },
    nb: { 'æ': '{', 'ä': '{', 'ø': '|', 'ö': '|', 'å': '}' },
    nn: { 'æ': '{', 'ä': '{', 'ø': '|', 'ö': '|', 'å': '}' },
    no: { 'æ': '{', 'ä': '{', 'ø': '|', 'ö': '|', 'å': '}' },
  };
  function tailored(text, table) {
    if (!table) return text;
    return text.normalize('NFC').replace(/[åäæöøÅÄÆÖØ]/g, function (c) { return table[c.toLowerCase()] || c; });
  }
  function base(text, table) {
    return tailored(text.toLowerCase(), table).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  // Runs of digits compared by value (`numeric: true`): each padded to one width.
  function numericKey(text) {
    return text.replace(/\d+/g, function (digits) {
      const trimmed = digits.replace(/^0+(?=\d)/, '');
      return String.fromCharCode(0x30 + Math.min(trimmed.length, 200)) + trimmed;
    });
  }
  function order(x, y) {
    if (x === y) return 0;
    return x < y ? -1 : 1;
  }
  defineMethod(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
    const a = String(this);
    const b = String(that);
    const o = options || {};
    const lang = locales === undefined ? 'en' : language(locales).lang;
    const table = AFTER_Z[lang];
    const key = o.numeric ? numericKey : function (t) { return t; };
    const byBase = order(key(base(a, table)), key(base(b, table)));
    if (byBase !== 0 || o.sensitivity === 'base') return byBase;
    const aa = tailored(a.toLowerCase(), table).normalize('NFD').toLowerCase();
    const ab = tailored(b.toLowerCase(), table).normalize('NFD').toLowerCase();
    if (o.sensitivity !== 'case') {
      const byAccent = order(key(aa), key(ab));
      if (byAccent !== 0 || o.sensitivity === 'accent') return byAccent;
    }
    if (a === b) return 0;
    return a > b ? -1 : 1;
  });

  // V8 names the zone after the offset in Date#toString (postie's machines run in UTC or name
  // no zone), and words an invalid date's toISOString differently.
  for (const name of ['toString', 'toTimeString']) {
    const native = Date.prototype[name];
    defineMethod(Date.prototype, name, function () {
      const text = native.call(this);
      return /GMT\+0000$/.test(text) ? text + ' (Coordinated Universal Time)' : text;
    });
  }
  const nativeIso = Date.prototype.toISOString;
  defineMethod(Date.prototype, 'toISOString', function toISOString() {
    if (!validDate(this)) throw new RangeError('Invalid time value');
    return nativeIso.call(this);
  });

  // Turkish and Azeri dotted and dotless i.
  const nativeUpper = String.prototype.toUpperCase;
  const nativeLower = String.prototype.toLowerCase;
  const turkic = function (locales) { return /^(tr|az)(-|$)/i.test(language(locales).tag); };
  defineMethod(String.prototype, 'toLocaleUpperCase', function toLocaleUpperCase(locales) {
    const text = String(this);
    return nativeUpper.call(turkic(locales) ? text.replace(/i/g, '\u0130') : text);
  });
  defineMethod(String.prototype, 'toLocaleLowerCase', function toLocaleLowerCase(locales) {
    const text = String(this);
    return nativeLower.call(turkic(locales) ? text.replace(/I/g, '\u0131').replace(/\u0130/g, 'i') : text);
  });

  P.formatNumber = formatNumber;
})(globalThis.__postie_internal);
