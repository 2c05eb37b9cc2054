// require('atob') and the global atob: atob 2.1.2 (Buffer of buffer 6.0.3 inside the sandbox).
'use strict';

require('./node-shims/load.js');

const INPUTS = ['', 'aGVsbG8=', 'aGVsbG8', 'YQ==', 'YQ', 'Y', 'YWJj', '4pyT', '////', '-_-_', 'a GVs bG8=', 'aGV\nsbG8=',
  '!!!', 'aGVsbG8=aGVsbG8=', '=', 'YQ=Q', 'w6k=', 'AAEC/w==', 'SGVsbG8gV29ybGQ', 'ÿ', '%%%', 'YW Jj ', 'YWJjZA===',
  12345, true, null, { $u: 1 }, [97], {}];

module.exports = {
  pkg: 'atob',
  root: "require('atob')",
  gen: function () {
    const out = INPUTS.map((s) => ({ f: '', a: [s], fn: 'atob' }));
    return { functions: ['atob'], calls: out };
  }
};
