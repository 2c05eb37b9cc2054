// postie library: `require('string_decoder')`: `StringDecoder` turns Buffers into text across
// chunk boundaries (a UTF-8 or UTF-16 character split between two writes is held back until
// it is complete; base64 keeps partial 3-byte groups).
(function (P, lib) {
  'use strict';

  const Buffer = lib('buffer').Buffer;

  function normalize(enc) {
    const e = String(enc === undefined || enc === null ? 'utf8' : enc).toLowerCase();
    switch (e) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      case 'base64': case 'hex': case 'ascii': return e;
      case 'latin1': case 'binary': return 'latin1';
    }
    throw new TypeError('Unknown encoding: ' + enc);
  }

  // How many bytes at the end of `bytes` start a UTF-8 character that is not complete yet.
  function utf8Incomplete(bytes) {
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const b = bytes[bytes.length - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }

  function StringDecoder(encoding) {
    this.encoding = normalize(encoding);
    this._pending = [];
  }
  StringDecoder.prototype.write = function (buf) {
    const bytes = this._pending.concat(Array.from(typeof buf === 'string' ? Buffer.from(buf) : buf));
    let keep = 0;
    if (this.encoding === 'utf8') keep = utf8Incomplete(bytes);
    else if (this.encoding === 'utf16le') keep = bytes.length % 2;
    else if (this.encoding === 'base64') keep = bytes.length % 3;
    this._pending = bytes.slice(bytes.length - keep);
    return Buffer.from(bytes.slice(0, bytes.length - keep)).toString(this.encoding);
  };
  StringDecoder.prototype.end = function (buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this._pending.length) {
      out += this.encoding === 'utf8' ? '\ufffd' : Buffer.from(this._pending).toString(this.encoding);
      this._pending = [];
    }
    return out;
  };
  StringDecoder.prototype.text = StringDecoder.prototype.write;
  void P;
  return { StringDecoder: StringDecoder };
})
