// postie library: `require('uuid')` as postman-sandbox vendors it: the module is a random
// (version 4) id generator taking no arguments, and `.v4` is a second function doing the same;
// nothing else is exported.
(function (P) {
  'use strict';

  function random() {
    const bin = P.native.randomBytes(16);
    const b = [];
    for (let i = 0; i < 16; i++) b.push(bin.charCodeAt(i));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.map(function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20, 32);
  }
  const uuid = function () { return random(); };
  uuid.v4 = function () { return random(); };
  return uuid;
})
