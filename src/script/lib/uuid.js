// postie library: `require('uuid')` as Newman bundles it: the module is the v4 generator
// (callable, also as `.v4`); `v1()`-shaped ids, `validate`, `version`, `parse`/`stringify` are
// kept aside for postie's own use.
(function (P) {
  'use strict';

  function bytesOf(n) {
    const bin = P.native.randomBytes(n);
    const out = [];
    for (let i = 0; i < bin.length; i++) out.push(bin.charCodeAt(i));
    return out;
  }
  function stringify(b) {
    const hex = b.map(function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20, 32);
  }
  function v4(options, buf, offset) {
    const b = options && options.random ? Array.from(options.random) : bytesOf(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    if (buf) { for (let i = 0; i < 16; i++) buf[(offset || 0) + i] = b[i]; return buf; }
    return stringify(b);
  }
  let lastTime = 0;
  let seq = null;
  const node = bytesOf(6);
  node[0] |= 1;
  function v1() {
    if (seq === null) { const r = bytesOf(2); seq = ((r[0] << 8) | r[1]) & 0x3fff; }
    let now = Date.now();
    if (now <= lastTime) { seq = (seq + 1) & 0x3fff; now = lastTime; }
    lastTime = now;
    const t = now * 10000 + 0x01b21dd213814000;
    const low = Number(BigInt(Math.floor(t)) & 0xffffffffn);
    const high = Math.floor(t / 0x100000000);
    const b = [(low >>> 24) & 255, (low >>> 16) & 255, (low >>> 8) & 255, low & 255,
      (high >>> 8) & 255, high & 255, ((high >>> 24) & 0x0f) | 0x10, (high >>> 16) & 255,
      (seq >>> 8) | 0x80, seq & 255].concat(node);
    return stringify(b);
  }
  const PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;
  function validate(s) { return typeof s === 'string' && PATTERN.test(s); }
  function version(s) {
    if (!validate(s)) throw new TypeError('Invalid UUID');
    return parseInt(s.charAt(14), 16);
  }
  function parse(s) {
    if (!validate(s)) throw new TypeError('Invalid UUID');
    const hex = s.replace(/-/g, '');
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }
  // Newman's bundled `uuid` exports the v4 generator only (callable, and as `.v4`); it ignores
  // the buffer arguments. The other helpers stay reachable for postie's own use.
  const uuid = function () { return v4(); };
  uuid.v4 = uuid;
  Object.defineProperty(uuid, 'helpers', {
    value: { v1: v1, validate: validate, version: version, parse: parse, stringify: stringify },
    enumerable: false,
  });
  return uuid;
})
