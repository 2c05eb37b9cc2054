// postie library: the legacy `_` global of Newman's sandbox, which is lodash 3.10.2 (while
// `require('lodash')` is lodash 4). Built over lib/lodash.js: the same functions, plus the
// lodash 3 names (`pluck`, `contains`, `where`, `indexBy`...), without lodash-4-only ones such as
// `flatMap`, and `VERSION` '3.10.2'.
(function (P, lib) {
  'use strict';

  const L4 = lib('lodash');
  const LODASH4_ONLY = ['flatMap', 'flatMapDeep', 'flatMapDepth'];
  const _ = function (value) { return L4(value); };
  for (const name of Object.keys(L4)) {
    if (name === 'lodash3Names' || LODASH4_ONLY.indexOf(name) !== -1) continue;
    _[name] = L4[name];
  }
  for (const name of Object.keys(L4.lodash3Names)) _[name] = L4.lodash3Names[name];
  _.prototype = L4.prototype;
  _.VERSION = '3.10.2';
  // lodash 3's capitalize only upper-cases the first character.
  _.capitalize = function (s) {
    const text = s === null || s === undefined ? '' : String(s);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  void P;
  return _;
})
