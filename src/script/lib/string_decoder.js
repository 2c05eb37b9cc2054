// postie library: `require('string_decoder')`: `StringDecoder` as Newman's bundle has it
// (string_decoder 1.3.0 on its Buffer). A UTF-8 or UTF-16 character split between writes is
// held back in `lastChar` until it is complete, base64 keeps a partial 3-byte group; `end()`
// flushes what is held without forgetting it (a second `end()` flushes it again, as there).
// Hex, latin1 and ascii decoders are stateless: their instances get their own write/end.
(function (P, lib) {
  'use strict';

  const Buffer = lib('buffer').Buffer;

  // The canonical name of an encoding, or undefined.
  function canonical(enc) {
    if (!enc) return 'utf8';
    for (let lowered = false; ; lowered = true) {
      switch (enc) {
        case 'utf8': case 'utf-8': return 'utf8';
        case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
        case 'latin1': case 'binary': return 'latin1';
        case 'base64': case 'ascii': case 'hex': return enc;
        default:
          if (lowered) return undefined;
          enc = String(enc).toLowerCase();
      }
    }
  }

  // How many bytes the UTF-8 sequence a byte starts has (0: a single byte), -1 for a
  // continuation byte, -2 for a byte that is neither.
  function sequenceLength(byte) {
    if (byte <= 0x7f) return 0;
    if (byte >> 5 === 0x06) return 2;
    if (byte >> 4 === 0x0e) return 3;
    if (byte >> 3 === 0x1e) return 4;
    return byte >> 6 === 0x02 ? -1 : -2;
  }

  // Looks at the last (up to three) bytes from `i` on for an incomplete sequence: sets
  // lastNeed and returns the sequence's length, or 0.
  function incompleteAtEnd(self, buf, i) {
    let j = buf.length - 1;
    if (j < i) return 0;
    for (let back = 1; back <= 3; back++) {
      let n = sequenceLength(buf[j]);
      if (n >= 0) {
        if (n > 0) {
          if (back === 3 && n === 2) n = 0;
          else self.lastNeed = n - back;
        }
        return n;
      }
      if (back === 3 || --j < i || n === -2) return 0;
    }
    return 0;
  }

  // The held sequence continued by `buf`: a replacement character when `buf` does not continue
  // it.
  function brokenContinuation(self, buf) {
    for (let k = 0; k < 3; k++) {
      if (k > 0 && !(self.lastNeed > k && buf.length > k)) return undefined;
      if ((buf[k] & 0xc0) !== 0x80) {
        self.lastNeed = k;
        return '\ufffd';
      }
    }
    return undefined;
  }

  function utf8FillLast(buf) {
    const at = this.lastTotal - this.lastNeed;
    const broken = brokenContinuation(this, buf);
    if (broken !== undefined) return broken;
    if (this.lastNeed <= buf.length) {
      buf.copy(this.lastChar, at, 0, this.lastNeed);
      return this.lastChar.toString(this.encoding, 0, this.lastTotal);
    }
    buf.copy(this.lastChar, at, 0, buf.length);
    this.lastNeed -= buf.length;
    return undefined;
  }

  function utf8Text(buf, i) {
    const total = incompleteAtEnd(this, buf, i);
    if (!this.lastNeed) return buf.toString('utf8', i);
    this.lastTotal = total;
    const end = buf.length - (total - this.lastNeed);
    buf.copy(this.lastChar, 0, end);
    return buf.toString('utf8', i, end);
  }

  function utf8End(buf) {
    const r = buf && buf.length ? this.write(buf) : '';
    return this.lastNeed ? r + '\ufffd' : r;
  }

  function utf16Text(buf, i) {
    if ((buf.length - i) % 2 === 0) {
      const r = buf.toString('utf16le', i);
      if (r) {
        const c = r.charCodeAt(r.length - 1);
        if (c >= 0xd800 && c <= 0xdbff) {
          this.lastNeed = 2;
          this.lastTotal = 4;
          this.lastChar[0] = buf[buf.length - 2];
          this.lastChar[1] = buf[buf.length - 1];
          return r.slice(0, -1);
        }
      }
      return r;
    }
    this.lastNeed = 1;
    this.lastTotal = 2;
    this.lastChar[0] = buf[buf.length - 1];
    return buf.toString('utf16le', i, buf.length - 1);
  }

  function utf16End(buf) {
    const r = buf && buf.length ? this.write(buf) : '';
    if (this.lastNeed) return r + this.lastChar.toString('utf16le', 0, this.lastTotal - this.lastNeed);
    return r;
  }

  function base64Text(buf, i) {
    const n = (buf.length - i) % 3;
    if (n === 0) return buf.toString('base64', i);
    this.lastNeed = 3 - n;
    this.lastTotal = 3;
    if (n === 1) {
      this.lastChar[0] = buf[buf.length - 1];
    } else {
      this.lastChar[0] = buf[buf.length - 2];
      this.lastChar[1] = buf[buf.length - 1];
    }
    return buf.toString('base64', i, buf.length - n);
  }

  function base64End(buf) {
    const r = buf && buf.length ? this.write(buf) : '';
    if (this.lastNeed) return r + this.lastChar.toString('base64', 0, 3 - this.lastNeed);
    return r;
  }

  function simpleWrite(buf) { return buf.toString(this.encoding); }
  function simpleEnd(buf) { return buf && buf.length ? this.write(buf) : ''; }

  function StringDecoder(encoding) {
    const enc = canonical(encoding);
    if (typeof enc !== 'string' && !Buffer.isEncoding(encoding)) throw new Error('Unknown encoding: ' + encoding);
    this.encoding = enc || encoding;
    let held;
    switch (this.encoding) {
      case 'utf16le':
        this.text = utf16Text;
        this.end = utf16End;
        held = 4;
        break;
      case 'utf8':
        this.fillLast = utf8FillLast;
        held = 4;
        break;
      case 'base64':
        this.text = base64Text;
        this.end = base64End;
        held = 3;
        break;
      default:
        this.write = simpleWrite;
        this.end = simpleEnd;
        return;
    }
    this.lastNeed = 0;
    this.lastTotal = 0;
    this.lastChar = Buffer.allocUnsafe(held);
  }

  StringDecoder.prototype.write = function (buf) {
    if (buf.length === 0) return '';
    let r;
    let i = 0;
    if (this.lastNeed) {
      r = this.fillLast(buf);
      if (r === undefined) return '';
      i = this.lastNeed;
      this.lastNeed = 0;
    }
    if (i < buf.length) return r ? r + this.text(buf, i) : this.text(buf, i);
    return r || '';
  };
  StringDecoder.prototype.end = utf8End;
  StringDecoder.prototype.text = utf8Text;
  // The held bytes completed by `buf`, or undefined while still incomplete.
  StringDecoder.prototype.fillLast = function (buf) {
    const at = this.lastTotal - this.lastNeed;
    if (this.lastNeed <= buf.length) {
      buf.copy(this.lastChar, at, 0, this.lastNeed);
      return this.lastChar.toString(this.encoding, 0, this.lastTotal);
    }
    buf.copy(this.lastChar, at, 0, buf.length);
    this.lastNeed -= buf.length;
    return undefined;
  };
  void P;
  return { StringDecoder: StringDecoder };
})
