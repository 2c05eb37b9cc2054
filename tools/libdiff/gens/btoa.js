// require('btoa') and the global btoa: btoa 1.2.1 (Buffer of buffer 6.0.3 inside the sandbox).
'use strict';

require('./node-shims/load.js');

const INPUTS = ['', 'a', 'ab', 'abc', 'hello', 'Hello World', 'ÿþ', 'é', '€', '💩', '\u0000\u0001', 'x'.repeat(100),
  12345, true, false, null, { $u: 1 }, [1, 2], {}, { $num: 'NaN' }];

module.exports = {
  pkg: 'btoa',
  root: "require('btoa')",
  gen: function () {
    const out = INPUTS.map((s) => ({ f: '', a: [s], fn: 'btoa' }));
    out.push({ s: "var req = typeof __libdiffRequire === 'function' ? __libdiffRequire : require; var B = req('buffer').Buffer; return [lib(B.from([0, 255, 128])), lib(B.from('héllo'))];", a: [], fn: 'btoa' });
    return { functions: ['btoa'], calls: out };
  }
};
