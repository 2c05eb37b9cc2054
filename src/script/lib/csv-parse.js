// postie library: `require('csv-parse/lib/sync')`, csv-parse 1.2.4's synchronous parser:
// `parse(text, options)` returns the records (arrays, objects with `columns`, or one object keyed
// by `objname`). Every option of that version: delimiter, rowDelimiter, quote, escape, columns
// (true, a list, a function), comment, objname, trim/ltrim/rtrim, auto_parse(_date), relax,
// relax_column_count, skip_empty_lines, skip_lines_with_empty_values, from/to,
// max_limit_on_data_read and raw. The text is read in two passes as csv-parse's stream does:
// a first one that stops short of what could be the start of a delimiter, then the rest as the
// end of the input; errors are thrown with csv-parse's messages (and, as there, the last record's
// column-count error is dropped).
(function () {
  'use strict';

  const INT = /^(\-|\+)?([1-9]+[0-9]*)$/;

  function settings(options) {
    const o = Object.assign({}, options);
    if (o.rowDelimiter === undefined || o.rowDelimiter === null) o.rowDelimiter = null;
    if (typeof o.rowDelimiter === 'string') o.rowDelimiter = [o.rowDelimiter];
    if (o.delimiter === undefined || o.delimiter === null) o.delimiter = ',';
    if (o.quote !== undefined && !o.quote) o.quote = '';
    if (o.quote === undefined || o.quote === null) o.quote = '"';
    if (o.escape === undefined || o.escape === null) o.escape = '"';
    if (o.columns === undefined) o.columns = null;
    if (o.comment === undefined || o.comment === null) o.comment = '';
    if (o.max_limit_on_data_read === undefined || o.max_limit_on_data_read === null) o.max_limit_on_data_read = 128000;
    return o;
  }

  function Reader(options, sink) {
    this.o = settings(options);
    this.sink = sink;
    this.lines = 0;
    this.count = 0;
    this.quoting = false;
    this.commenting = false;
    this.field = null;
    this.closingQuote = 0;
    this.line = [];
    this.raw = '';
    this.rest = '';
    this.width = 0;
    this.rdLength = this.o.rowDelimiter ? Math.max.apply(Math, this.o.rowDelimiter.map(function (d) { return d.length; })) : undefined;
  }

  Reader.prototype.convert = function (value) {
    const o = this.o;
    if (!o.auto_parse) return value;
    if (INT.test(value)) return parseInt(value, 10);
    if (value - parseFloat(value) + 1 >= 0) return parseFloat(value);
    if (o.auto_parse_date) {
      const ms = Date.parse(value);
      if (!isNaN(ms)) return new Date(ms);
    }
    return value;
  };

  Reader.prototype.record = function (line) {
    const o = this.o;
    if (o.skip_lines_with_empty_values && line.join('').trim() === '') return null;
    if (o.columns === true) { o.columns = line; return null; }
    if (typeof o.columns === 'function') {
      try {
        o.columns = o.columns.call(null, line);
      } catch (err) {
        return err;
      }
      return null;
    }
    if (!this.width && line.length > 0) this.width = o.columns ? o.columns.length : line.length;
    if (line.length === 1 && line[0] === '') {
      // an empty line: neither counted nor checked
    } else if (line.length !== this.width) {
      if (o.relax_column_count) this.count++;
      else if (o.columns !== null && o.columns !== undefined) return new Error('Number of columns on line ' + this.lines + ' does not match header');
      else return new Error('Number of columns is inconsistent on line ' + this.lines);
    } else {
      this.count++;
    }
    let row = line;
    if (o.columns !== null && o.columns !== undefined) {
      const obj = {};
      for (let i = 0; i < line.length; i++) {
        if (o.columns[i] !== false) obj[o.columns[i]] = line[i];
      }
      row = o.objname ? [obj[o.objname], obj] : obj;
    }
    if (this.count < o.from || this.count > o.to) return null;
    if (o.raw) {
      this.sink({ raw: this.raw, row: row });
      this.raw = '';
    } else {
      this.sink(row);
    }
    return null;
  };

  // Does `text` hold `what` at `at`?
  function at(text, i, what) { return text.substr(i, what.length) === what; }

  Reader.prototype.write = function (input, end) {
    const o = this.o;
    const ltrim = o.trim || o.ltrim;
    const rtrim = o.trim || o.rtrim;
    const text = this.rest + input;
    const n = text.length;
    let i = 0;
    if (this.lines === 0 && text.charCodeAt(0) === 0xfeff) i++;
    while (i < n) {
      const left = n - i;
      if (!end) {
        const tail = text.substr(i);
        const prefixOf = function (s) { return s.substr(0, left) === tail; };
        const waitForMore = (!o.rowDelimiter && i + 3 > n) ||
          (!this.commenting && left < o.comment.length && prefixOf(o.comment)) ||
          (o.rowDelimiter && left < this.rdLength && o.rowDelimiter.some(prefixOf)) ||
          (o.rowDelimiter && this.quoting && left < o.quote.length + this.rdLength &&
            o.rowDelimiter.some(function (d) { return prefixOf(o.quote + d); })) ||
          (left <= o.delimiter.length && prefixOf(o.delimiter)) ||
          (left <= o.escape.length && prefixOf(o.escape));
        if (waitForMore) break;
      }
      const c = text.charAt(i);
      const next = n > i + 1 ? text.charAt(i + 1) : '';
      if (o.raw) this.raw += c;
      if (o.rowDelimiter === null) {
        let found = '';
        let after = i;
        if (!this.quoting && (c === '\n' || c === '\r')) {
          found = c;
          after = i + 1;
        } else if (this.quoting && c === o.quote && (next === '\n' || next === '\r')) {
          found = next;
          after = i + 2;
        }
        if (found) {
          if (found === '\r' && text.charAt(after) === '\n') found += '\n';
          o.rowDelimiter = [found];
          this.rdLength = found.length;
        }
      }
      if (!this.commenting && c === o.escape) {
        const escapeIsQuote = o.escape === o.quote;
        if (!(escapeIsQuote && this.field === null && !this.quoting) && (next === o.escape || next === o.quote)) {
          this.field = (this.field === null ? '' : this.field) + next;
          if (o.raw) this.raw += next;
          i += 2;
          continue;
        }
      }
      if (!this.commenting && c === o.quote) {
        if (this.quoting) {
          const rowFollows = o.rowDelimiter && o.rowDelimiter.some(function (d) { return at(text, i + 1, d); });
          const delimiterFollows = at(text, i + 1, o.delimiter);
          const commentFollows = next === o.comment;
          if (next && !rowFollows && !delimiterFollows && !commentFollows) {
            if (!o.relax) {
              return new Error('Invalid closing quote at line ' + (this.lines + 1) + '; found ' + JSON.stringify(next) +
                ' instead of delimiter ' + JSON.stringify(o.delimiter));
            }
            this.quoting = false;
            if (this.field) this.field = o.quote + this.field;
          } else {
            this.quoting = false;
            this.closingQuote = o.quote.length;
            i++;
            if (end && i === n) {
              this.line.push(this.convert(this.field || ''));
              this.field = null;
            }
            continue;
          }
        } else if (!this.field) {
          this.quoting = true;
          i++;
          continue;
        } else if (this.field !== null && !o.relax) {
          return new Error('Invalid opening quote at line ' + (this.lines + 1));
        }
      }
      const rowDelimiter = o.rowDelimiter ? o.rowDelimiter.filter(function (d) { return at(text, i, d); })[0] : undefined;
      let isRowDelimiter = rowDelimiter !== undefined;
      if (isRowDelimiter || (end && i === n - 1)) this.lines++;
      let wasCommenting = false;
      if (!this.commenting && !this.quoting && o.comment && at(text, i, o.comment)) {
        this.commenting = true;
      } else if (this.commenting && isRowDelimiter) {
        wasCommenting = true;
        this.commenting = false;
      }
      const isDelimiter = at(text, i, o.delimiter);
      if (!this.commenting && !this.quoting && (isDelimiter || isRowDelimiter)) {
        if (isRowDelimiter && this.line.length === 0 && this.field === null && (wasCommenting || o.skip_empty_lines)) {
          i += rowDelimiter.length;
          continue;
        }
        if (rtrim && !this.closingQuote && this.field !== null) this.field = this.field.replace(/\s+$/, '');
        this.line.push(this.convert(this.field || ''));
        this.closingQuote = 0;
        this.field = null;
        if (isDelimiter) {
          i += o.delimiter.length;
          if (end && !text.charAt(i)) {
            isRowDelimiter = true;
            this.line.push('');
          }
        }
        if (isRowDelimiter) {
          const err = this.record(this.line);
          if (err) return err;
          this.line = [];
          i += rowDelimiter === undefined ? 0 : rowDelimiter.length;
          continue;
        }
      } else if (!this.commenting && !this.quoting && (c === ' ' || c === '\t')) {
        if (this.field === null) this.field = '';
        if (!(ltrim && !this.field)) this.field += c;
        i++;
      } else if (!this.commenting) {
        this.field = (this.field === null ? '' : this.field) + c;
        i++;
      } else {
        i++;
      }
      if (!this.commenting && this.field !== null && this.field.length > o.max_limit_on_data_read) {
        return new Error('Field exceeds max_limit_on_data_read setting (' + o.max_limit_on_data_read + ') ' + JSON.stringify(o.delimiter));
      }
      if (!this.commenting && this.line.length > o.max_limit_on_data_read) {
        return new Error('Row delimiter not found in the file ' + JSON.stringify(o.rowDelimiter));
      }
    }
    if (end) {
      if (this.field !== null) {
        if (rtrim && !this.closingQuote) this.field = this.field.replace(/\s+$/, '');
        this.line.push(this.convert(this.field || ''));
        this.field = null;
      }
      if (n === 0) this.lines++;
      if (this.line.length > o.max_limit_on_data_read) {
        return new Error('Row delimiter not found in the file ' + JSON.stringify(o.rowDelimiter));
      }
    }
    this.rest = text.substr(i);
    return null;
  };

  function parse(input, options) {
    const opts = options === undefined || options === null ? {} : options;
    const records = opts.objname ? {} : [];
    const reader = new Reader(opts, function (row) {
      if (opts.objname) records[row[0]] = row[1];
      else records.push(row);
    });
    let text = input;
    if (typeof Buffer !== 'undefined' && input instanceof Buffer) text = input.toString();
    let err = reader.write(text, false);
    if (err) throw err;
    err = reader.write('', true);
    if (err) throw err;
    if (reader.quoting) throw new Error('Quoted field not terminated at line ' + (reader.lines + 1));
    // The last record goes through csv-parse's flush, whose errors nobody hears.
    if (reader.line.length > 0) reader.record(reader.line);
    return records;
  }
  parse.parse = parse;
  return parse;
})
