// postie library: `require('csv-parse/lib/sync')`: `parse(text, options)` returning rows as
// arrays, or objects with `columns` (true: first row is the header; an array: given names).
// Options: delimiter, quote, escape, skip_empty_lines, trim/ltrim/rtrim, comment, from/to,
// relax_column_count, auto_parse/cast.
(function () {
  'use strict';

  function castValue(v) {
    if (/^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(v)) return Number(v);
    return v;
  }

  function parse(input, options) {
    const o = options || {};
    const text = Buffer_toString(input);
    const delimiter = o.delimiter === undefined ? ',' : String(o.delimiter);
    const quote = o.quote === undefined || o.quote === true ? '"' : o.quote === false || o.quote === null ? '' : String(o.quote);
    const escape = o.escape === undefined ? '"' : String(o.escape);
    const comment = o.comment ? String(o.comment) : '';
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let atFieldStart = true;
    let i = 0;
    const n = text.length;
    function endField() {
      let value = field;
      if (!wasQuoted) {
        if (o.trim || o.ltrim) value = value.replace(/^\s+/, '');
        if (o.trim || o.rtrim) value = value.replace(/\s+$/, '');
      }
      row.push(value);
      field = '';
      wasQuoted = false;
      atFieldStart = true;
    }
    function endRow() {
      endField();
      rows.push(row);
      row = [];
    }
    while (i < n) {
      const c = text.charAt(i);
      if (quoted) {
        if (c === escape && escape !== quote && text.charAt(i + 1) === quote) { field += quote; i += 2; continue; }
        if (c === quote) {
          if (text.charAt(i + 1) === quote && escape === quote) { field += quote; i += 2; continue; }
          quoted = false; i++; continue;
        }
        field += c; i++; continue;
      }
      if (atFieldStart && quote && c === quote) { quoted = true; wasQuoted = true; atFieldStart = false; i++; continue; }
      if (comment && atFieldStart && row.length === 0 && text.startsWith(comment, i)) {
        while (i < n && text.charAt(i) !== '\n') i++;
        i++;
        continue;
      }
      if (text.startsWith(delimiter, i)) { endField(); i += delimiter.length; continue; }
      if (c === '\r' || c === '\n') {
        endRow();
        i += c === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
        continue;
      }
      field += c;
      atFieldStart = false;
      i++;
    }
    if (quoted) throw new Error('Quoted field not terminated at line ' + (rows.length + 2));
    if (field !== '' || row.length || wasQuoted) endRow();

    let out = rows;
    if (o.skip_empty_lines) out = out.filter(function (r) { return !(r.length === 1 && r[0] === ''); });
    else out = out.filter(function (r, idx) { return !(idx === out.length - 1 && r.length === 1 && r[0] === ''); });
    const cast = o.cast === true || o.auto_parse === true ? castValue : typeof o.cast === 'function' ? o.cast : null;
    if (cast) out = out.map(function (r) { return r.map(function (v, col) { return cast(v, { column: col }); }); });
    let columns = null;
    if (o.columns === true) columns = out.shift() || [];
    else if (Array.isArray(o.columns)) columns = o.columns;
    else if (typeof o.columns === 'function') columns = o.columns(out.shift() || []);
    const from = o.from ? o.from - 1 : 0;
    const to = o.to ? o.to : Infinity;
    out = out.slice(from, to);
    if (!columns) return out;
    return out.map(function (r, idx) {
      if (!o.relax_column_count && r.length !== columns.length) {
        throw new Error('Number of columns on line ' + (idx + 2) + ' does not match header');
      }
      const obj = {};
      columns.forEach(function (name, k) { if (name !== undefined && name !== null && name !== false) obj[name] = r[k]; });
      return obj;
    });
  }
  function Buffer_toString(input) {
    return typeof input === 'string' ? input : input && typeof input.toString === 'function' ? input.toString() : String(input);
  }
  parse.parse = parse;
  return parse;
})
