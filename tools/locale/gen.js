#!/usr/bin/env node
// Writes src/script/locale-data.js: for each locale below, how Node's ICU (the engine Newman runs
// scripts on) writes numbers, percentages, currencies, dates (numeric, and with month and weekday
// names) and times, as patterns
// postie's locale.js fills in. Run with the Node Newman runs on: `node tools/locale/gen.js`.
'use strict';

const fs = require('fs');
const path = require('path');

const LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'en-IE', 'en-NZ', 'en-ZA', 'de-DE',
  'de-AT', 'de-CH', 'fr-FR', 'fr-CA', 'fr-BE', 'fr-CH', 'es-ES', 'es-MX', 'es-AR', 'it-IT', 'nl-NL',
  'nl-BE', 'pt-BR', 'pt-PT', 'ru-RU', 'uk-UA', 'pl-PL', 'cs-CZ', 'sk-SK', 'hu-HU', 'ro-RO', 'sv-SE',
  'da-DK', 'fi-FI', 'nb-NO', 'tr-TR', 'el-GR', 'ja-JP', 'zh-CN', 'zh-TW', 'ko-KR', 'id-ID', 'vi-VN',
  'th-TH', 'hi-IN', 'he-IL'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'INR'];

// A pattern from parts: the number (or one field) replaced by `{name}`.
function numberPattern(parts) {
  let out = '';
  let inNumber = false;
  for (const p of parts) {
    if (['integer', 'group', 'decimal', 'fraction'].includes(p.type)) {
      if (!inNumber) out += '{n}';
      inNumber = true;
    } else {
      out += p.value;
    }
  }
  return out;
}

function dateFields(locale, date, options) {
  return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: 'UTC' }, options)).formatToParts(date);
}

// A date or time pattern: fields as {day}/{day2} (padded), {month}/{month2}, {year}, {hour}/
// {hour2}, {minute2}, {second2}, {period}; literals as written.
function fieldPattern(parts, padded) {
  return parts.map((p, i) => {
    if (p.type === 'literal') return p.value;
    if (p.type === 'dayPeriod') return '{period}';
    const pad = padded[i] && padded[i].value.length === 2 && padded[i].value[0] === '0';
    return '{' + p.type + (pad ? '2' : '') + '}';
  }).join('');
}

// Dates with month or weekday names: one pattern per combination of fields (key: W/w long/short
// weekday, M/m long/short month, D day, Y year; or a dateStyle), the names of its months and
// weekdays as that combination writes them (an index into the locale's `names` lists).
const STYLES = ['full', 'long', 'medium'];
// The combinations scripts use: a weekday alone, a month alone, with a year, a day, both, and
// with a weekday of the same length.
const NAMED = ['W', 'w', 'M', 'm', 'MY', 'mY', 'MD', 'mD', 'MDY', 'mDY', 'WMD', 'wmD', 'WMDY', 'wmDY'];
function namedCombos() {
  const combos = {};
  for (const key of NAMED) {
    const o = {};
    if (key.includes('W')) o.weekday = 'long';
    if (key.includes('w')) o.weekday = 'short';
    if (key.includes('M')) o.month = 'long';
    if (key.includes('m')) o.month = 'short';
    if (key.includes('D')) o.day = 'numeric';
    if (key.includes('Y')) o.year = 'numeric';
    combos[key] = o;
  }
  for (const style of STYLES) combos[style] = { dateStyle: style };
  return combos;
}

function namedDates(locale) {
  const names = [];
  const nameIndex = (list) => {
    const text = JSON.stringify(list);
    let i = names.findIndex((n) => JSON.stringify(n) === text);
    if (i === -1) { names.push(list); i = names.length - 1; }
    return i;
  };
  const dates = {};
  for (const [key, options] of Object.entries(namedCombos())) {
    const sample = dateFields(locale, new Date(Date.UTC(2024, 0, 5)), options);
    const late2 = dateFields(locale, new Date(Date.UTC(2024, 10, 23)), options);
    if (sample.length !== late2.length || sample.some((p, i) => p.type !== late2[i].type)) continue;
    const pattern = sample.map((p) => {
      if (p.type === 'literal') return p.value.replace(/\u202f/g, ' ');
      if (p.type === 'day') return p.value.length === 2 ? '{day2}' : '{day}';
      if (p.type === 'month' || p.type === 'weekday' || p.type === 'year') return '{' + p.type + '}';
      return p.value;
    }).join('');
    const entry = { p: pattern };
    if (sample.some((p) => p.type === 'month')) {
      entry.m = nameIndex([...Array(12).keys()].map((m) =>
        dateFields(locale, new Date(Date.UTC(2024, m, 5)), options).find((p) => p.type === 'month').value));
    }
    if (sample.some((p) => p.type === 'weekday')) {
      // 2024-01-07 is a Sunday: getDay() order.
      entry.w = nameIndex([...Array(7).keys()].map((d) =>
        dateFields(locale, new Date(Date.UTC(2024, 0, 7 + d)), options).find((p) => p.type === 'weekday').value));
    }
    dates[key] = entry;
  }
  return { dates, names };
}

const late = new Date(Date.UTC(2024, 10, 23, 13, 5, 9));
const early = new Date(Date.UTC(2024, 0, 5, 1, 5, 9));
const data = {};
for (const locale of LOCALES) {
  const nf = new Intl.NumberFormat(locale);
  const parts = nf.formatToParts(1234567.891);
  const group = (parts.find((p) => p.type === 'group') || { value: '' }).value;
  const decimal = (parts.find((p) => p.type === 'decimal') || { value: '.' }).value;
  const lakh = nf.format(1234567) === ['12', '34', '567'].join(group);
  const minGroup = nf.format(1234).indexOf(group) === -1 ? 2 : 1;
  const currency = {};
  for (const code of CURRENCIES) {
    currency[code] = numberPattern(new Intl.NumberFormat(locale, { style: 'currency', currency: code }).formatToParts(1234.5));
  }
  const currencyParts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).formatToParts(1234567.5);
  const cgroup = (currencyParts.find((p) => p.type === 'group') || { value: group }).value;
  const percent = numberPattern(new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5));
  const dateEarly = dateFields(locale, early, {});
  const timeLate = dateFields(locale, late, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const timeEarly = dateFields(locale, early, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const periods = [];
  for (const d of [early, late]) {
    const p = dateFields(locale, d, { hour: 'numeric' }).find((x) => x.type === 'dayPeriod');
    periods.push(p ? p.value : '');
  }
  // V8's Date#toLocale*String writes ICU's narrow no-break space as a plain space.
  const date = fieldPattern(dateEarly, dateEarly).replace(/\u202f/g, ' ');
  const time = fieldPattern(timeLate, timeEarly).replace('{hour}', periods[0] ? '{hour12}' : '{hour}')
    .replace(/\u202f/g, ' ');
  // The other hour cycle's pattern (hour12: true on a locale counting 0-23, false on one counting
  // 1-12), with its day periods.
  const hms = { hour: 'numeric', minute: 'numeric', second: 'numeric' };
  const other = {};
  if (periods[0]) {
    const o = Object.assign({ hourCycle: 'h23' }, hms);
    other.time24 = fieldPattern(dateFields(locale, late, o), dateFields(locale, early, o)).replace(/\u202f/g, ' ');
  } else {
    const o = Object.assign({ hourCycle: 'h12' }, hms);
    const lateParts = dateFields(locale, late, o);
    other.time12 = fieldPattern(lateParts, dateFields(locale, early, o)).replace('{hour}', '{hour12}').replace(/\u202f/g, ' ');
    const period = (d) => (dateFields(locale, d, o).find((x) => x.type === 'dayPeriod') || { value: '' }).value;
    other.am12 = period(early);
    other.pm12 = period(late);
  }
  const full = late.toLocaleString(locale, { timeZone: 'UTC' });
  const shownDate = late.toLocaleDateString(locale, { timeZone: 'UTC' });
  const shownTime = late.toLocaleTimeString(locale, { timeZone: 'UTC' });
  const joiner = full.startsWith(shownDate) && full.endsWith(shownTime)
    ? full.slice(shownDate.length, full.length - shownTime.length) : ', ';
  const named = namedDates(locale);
  data[locale] = Object.assign({ group, cgroup, decimal, lakh, minGroup, percent, currency, date, time, am: periods[0], pm: periods[1] },
    other, { joiner, dates: named.dates, names: named.names });
}

const out = '// Generated by tools/locale/gen.js from Node ' + process.versions.node + ' (ICU ' + process.versions.icu +
  '): how each locale writes numbers, percentages,\n// currencies, dates and times. Do not edit; regenerate.\n' +
  '(function (P) {\n  \'use strict\';\n  P.LOCALE_DATA = {\n' +
  Object.entries(data).map(([locale, d]) => '    ' + JSON.stringify(locale) + ': ' + JSON.stringify(d)).join(',\n') +
  '\n  };\n})(globalThis.__postie_internal);\n';
fs.writeFileSync(path.join(__dirname, '..', '..', 'src', 'script', 'locale-data.js'), out);
console.log('%d locales -> src/script/locale-data.js', LOCALES.length);
