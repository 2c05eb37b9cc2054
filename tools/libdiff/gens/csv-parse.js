// csv-parse 1.2.4's synchronous API (`require('csv-parse/lib/sync')`, the function the sandbox
// exposes): every option of that version on seeded random CSV-like texts and on fixed ones,
// errors (their messages) included.
'use strict';

const PIECES = ['a', 'b', 'foo', '1', '2.5', '-3', ' ', '  x  ', ',', ',', ',', ';', '\t', '"', '"', '""', "'", '\\', '\n', '\n', '\r\n', '\r',
  '#', '# note', 'x y', '007', '1e3', '2021-03-04', 'true', '"q,q"', '"multi\nline"', '"esc""aped"', '+5', ' 12 '];
const FIXED = ['a,b,c\n1,2,3\n4,5,6', 'a,b,c\n1,2,3\n4,5,6\n', 'a,b\n1,2\n\n3,4\n', 'x;y\r\n1;2\r\n', '"a","b"\n"1","2"',
  '"a,1","b""2"\n', 'a,b\n1\n2,3,4', ' a , b \n 1 , 2 ', '# head\na,b\n# mid\n1,2', '', '\n', 'single', 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12',
  'id,name\n1,Alice\n2,Bob\n2,Carol', '"unterminated,1\n2,3', 'a"b,c\n', '"a"b,c\n', "'a','b'\n'1','2'", 'a\\,b,c\n', '"a\\"b",c\n',
  '1,2.5,-3,abc,,0x10,1e3, 4 ,007\n', 'a,b\n,\n ,  \n'];
const OPTIONS = {
  delimiter: [';', '\t', '||', 'b'], rowDelimiter: [';', '\n', ['\n', ';'], 'x'], quote: ["'", '', false, null], escape: ['\\', "'"],
  columns: [true, ['x', 'y', 'z'], ['x', false, 'z'], { $fn: 'identity' }, { $fn: 'toUpper' }], comment: ['#', '//'], objname: ['a', 'id', 'x'],
  trim: [true], ltrim: [true], rtrim: [true], auto_parse: [true], auto_parse_date: [true], relax: [true], relax_column_count: [true],
  skip_empty_lines: [true], skip_lines_with_empty_values: [true], from: [2, 3], to: [1, 2], max_limit_on_data_read: [5, 3], raw: [true]
};

module.exports = {
  pkg: 'csv-parse/lib/sync',
  pkgJson: 'csv-parse',
  root: "require('csv-parse/lib/sync')",
  gen(lib, { rng, pick }) {
    const r = rng(14);
    const out = [];
    const text = () => {
      if (r() < 0.3) { return pick(r, FIXED); }
      let s = '';
      const n = 1 + Math.floor(r() * 14);
      for (let i = 0; i < n; i++) { s += pick(r, PIECES); }
      return s;
    };
    for (const t of FIXED) { out.push({ f: '', a: [t], msg: 1, fn: 'parse' }); }
    for (let i = 0; i < 60; i++) { out.push({ f: '', a: [text()], msg: 1, fn: 'parse' }); }
    for (let i = 0; i < 30; i++) { out.push({ f: '', a: [text(), {}], msg: 1, fn: 'parse' }); }
    const names = Object.keys(OPTIONS);
    for (const opt of names) {
      for (let i = 0; i < 40; i++) {
        const o = { [opt]: pick(r, OPTIONS[opt]) };
        if (i % 4 === 3) {
          const other = pick(r, names);
          if (!(other in o)) { o[other] = pick(r, OPTIONS[other]); }
        }
        if (opt === 'objname' && !('columns' in o)) { o.columns = true; }
        out.push({ f: '', a: [text(), o], msg: 1, fn: 'option.' + opt });
      }
    }
    const functions = [...new Set(out.map((c) => c.fn))].sort();
    return { functions, calls: out };
  }
};
