// postie library: `require('crypto-js')` and the legacy `CryptoJS` global, a crypto-js 3.3
// compatible API. WordArrays, encoders, cipher params and paddings are JavaScript; hashing,
// HMAC, PBKDF2 and AES run in Rust (`P.native`), bytes crossing as binary strings; DES, TripleDES,
// Rabbit and RC4 are JavaScript.
(function (P, lib) {
  'use strict';

  const native = P.native;
  const codec = lib('buffer').codec;

  // ---- WordArray -----------------------------------------------------------------------------
  function WordArray(words, sigBytes) {
    this.words = words || [];
    this.sigBytes = sigBytes === undefined ? this.words.length * 4 : sigBytes;
  }
  WordArray.create = function (words, sigBytes) {
    if (words instanceof ArrayBuffer || ArrayBuffer.isView(words)) {
      const bytes = words instanceof ArrayBuffer ? new Uint8Array(words) : new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
      return fromBytes(bytes);
    }
    return new WordArray(words, sigBytes);
  };
  // (no positive count: no words, and the count as given, 0 without one, as crypto-js)
  WordArray.random = function (n) {
    if (!(n > 0)) return new WordArray([], n === undefined || n === null ? undefined : n);
    return fromBinary(native.randomBytes(n));
  };
  WordArray.prototype.toString = function (encoder) { return (encoder || Hex).stringify(this); };
  WordArray.prototype.concat = function (other) {
    const bytes = toBytes(this).concat(toBytes(other));
    const merged = fromBytes(bytes);
    this.words = merged.words;
    this.sigBytes = merged.sigBytes;
    return this;
  };
  WordArray.prototype.clamp = function () {
    const n = this.sigBytes;
    this.words[n >>> 2] &= 0xffffffff << (32 - (n % 4) * 8);
    this.words.length = Math.ceil(n / 4);
    return this;
  };
  WordArray.prototype.clone = function () { return new WordArray(this.words.slice(), this.sigBytes); };
  WordArray.init = WordArray;

  // What crypto-js raises reading `what` off a missing (null or undefined) argument, as when a
  // signing script's secret variable is not set.
  function present(value, what) {
    if (value === undefined || value === null) {
      throw new TypeError('Cannot read properties of ' + value + " (reading '" + what + "')");
    }
    return value;
  }
  function toBytes(wa) {
    present(wa, 'words');
    // A length below zero (what unpadding what is not padded can leave, as in CryptoJS) is none.
    const size = Math.max(0, wa.sigBytes | 0);
    const out = new Array(size);
    for (let i = 0; i < size; i++) out[i] = (wa.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    return out;
  }
  function fromBytes(bytes) {
    const words = [];
    for (let i = 0; i < bytes.length; i++) words[i >>> 2] |= (bytes[i] & 0xff) << (24 - (i % 4) * 8);
    for (let i = 0; i < words.length; i++) words[i] = words[i] | 0;
    return new WordArray(words, bytes.length);
  }
  function toBinary(wa) { return codec.latin1Decode(toBytes(wa)); }
  // The bytes of the whole blocks (of `words` 32-bit words) covering `wa`, as CryptoJS's block
  // ciphers read them: the words that hold its bytes (the rest of the last one included), then
  // zeros.
  function blockBinary(wa, words) {
    const size = Math.max(0, wa.sigBytes);
    const n = Math.ceil(size / (words * 4)) * words;
    const held = Math.ceil(size / 4);
    const bytes = new Array(n * 4);
    for (let i = 0; i < n * 4; i++) bytes[i] = (i >>> 2) < held ? ((wa.words[i >>> 2] | 0) >>> (24 - (i % 4) * 8)) & 0xff : 0;
    return codec.latin1Decode(bytes);
  }
  // What a block cipher made of `wa`: all its words, as long as `wa` was.
  function blockResult(binary, wa) {
    const out = fromBinary(binary);
    out.sigBytes = Math.max(0, wa.sigBytes);
    return out;
  }
  function fromBinary(s) { return fromBytes(codec.latin1Encode(s)); }

  // ---- encoders ------------------------------------------------------------------------------
  const Hex = { stringify: function (wa) { return codec.hexEncode(toBytes(wa)); }, parse: function (s) { return fromBytes(codec.hexDecode(present(s, 'length'))); } };
  const Latin1 = { stringify: toBinary, parse: function (s) { return fromBinary(present(s, 'length')); } };
  const Utf8 = {
    stringify: function (wa) {
      const text = codec.utf8Decode(toBytes(wa));
      if (text.indexOf('\ufffd') !== -1 && !/\xef\xbf\xbd/.test(toBinary(wa))) throw new Error('Malformed UTF-8 data');
      return text;
    },
    parse: function (s) { return fromBytes(codec.utf8Encode(s)); },
  };
  const Base64 = { stringify: function (wa) { return codec.base64Encode(toBytes(wa), false); }, parse: function (s) { return fromBytes(codec.base64Decode(present(s, 'length'))); } };
  function utf16(little) {
    return {
      // Whole 16-bit units, the last one read past sigBytes when the length is odd.
      stringify: function (wa) {
        let out = '';
        for (let i = 0; i < wa.sigBytes; i += 2) {
          const unit = ((wa.words[i >>> 2] || 0) >>> (16 - (i % 4) * 8)) & 0xffff;
          out += String.fromCharCode(little ? ((unit << 8) & 0xff00) | (unit >>> 8) : unit);
        }
        return out;
      },
      parse: function (s) {
        present(s, 'length');
        const b = [];
        for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (little) b.push(c & 255, c >> 8); else b.push(c >> 8, c & 255); }
        return fromBytes(b);
      },
    };
  }
  const enc = { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Base64: Base64, Utf16: utf16(false), Utf16BE: utf16(false), Utf16LE: utf16(true) };

  function asWords(data) {
    if (data instanceof WordArray) return data;
    if (data && Array.isArray(data.words)) return new WordArray(data.words, data.sigBytes);
    return Utf8.parse(data === undefined || data === null ? '' : String(data));
  }

  // ---- hashers and HMAC ------------------------------------------------------------------------
  function Hasher(id) {
    this.id = id;
    this.reset();
  }
  Hasher.prototype.reset = function () { this._data = []; return this; };
  Hasher.prototype.update = function (data) { this._data.push(toBinary(asWords(data))); return this; };
  Hasher.prototype.finalize = function (data) {
    // crypto-js appends only a truthy message; one that is neither text nor a WordArray leaves
    // its sizes NaN, and a fresh hasher then gives a fixed value (see `poisonedDigest`).
    if (data && this._data.length === 0 && typeof data !== 'string' && !wordsLike(data)) {
      this.reset();
      return poisonedDigest(this.id);
    }
    if (data) this.update(data);
    const out = fromBinary(native.digest(this.id, this._data.join('')));
    this.reset();
    return out;
  };
  function wordsLike(data) { return data instanceof WordArray || Array.isArray(data.words); }
  // What crypto-js's hashers give for a message with NaN sizes: the padding bit lands in word 0,
  // the length words are NaN (0), and the one block is compressed unpadded; Keccak gives zeros.
  const POISONED = {
    md5: '487f7b22f68312d2c1bbc93b1aea445b',
    sha1: '9844f81e1408f6ecb932137d33bed7cfdcf518a3',
    sha224: '9d6a5de9e16c3999c714840f47771f36dcc297a7bdefaac36c9515ae',
    sha256: '4ea5c508a6566e76240543f8feb06fd457777be39549c4016436afda65d2330e',
    sha384: '1402e01a160a97a99698ba6657b0feeef3d663056e532cbc19fe8e1b37076dd12193a48528b07adaadfe0d0991847f10',
    sha512: '632008c3b59e037f2e761675c88296e146add6240cb9d35ec6366041238417ea833675ce168e34a852457224a827a0ff2e723a95ae682458c6ef4baee2118c71',
    ripemd160: '550f7c7c5e9edb0d697815bf657e14ea0ebb89cb',
  };
  function poisonedDigest(id) {
    const hex = POISONED[id] || '0'.repeat(Number(id.slice('keccak'.length)) / 4);
    return Hex.parse(hex);
  }
  // crypto-js's HMAC calls the key's `clamp` (named `t` in Newman's minified bundle).
  function hmacKey(key) {
    present(key, 'sigBytes');
    if (typeof key !== 'string' && typeof key.clamp !== 'function') {
      throw new TypeError('t.clamp is not a function');
    }
    return toBinary(asWords(key));
  }
  function HmacHasher(id, key) {
    this.id = id;
    this._key = hmacKey(key);
    this.reset();
  }
  HmacHasher.prototype = Object.create(Hasher.prototype);
  HmacHasher.prototype.finalize = function (data) {
    if (data !== undefined) this.update(data);
    const out = fromBinary(native.hmac(this.id, this._key, this._data.join('')));
    this.reset();
    return out;
  };

  function keccakId(cfg, prefix) {
    const bits = cfg && cfg.outputLength ? cfg.outputLength : 512;
    if ([224, 256, 384, 512].indexOf(bits) === -1) throw new Error('SHA3 outputLength must be 224, 256, 384 or 512');
    return prefix + bits;
  }
  const algo = {};
  const C = { lib: {}, enc: enc, algo: algo };
  for (const [name, id] of [['MD5', 'md5'], ['SHA1', 'sha1'], ['SHA224', 'sha224'], ['SHA256', 'sha256'],
    ['SHA384', 'sha384'], ['SHA512', 'sha512'], ['RIPEMD160', 'ripemd160'], ['SHA3', null]]) {
    const idFor = function (cfg) { return id || keccakId(cfg, 'keccak'); };
    algo[name] = {
      id: id,
      create: function (cfg) { return new Hasher(idFor(cfg)); },
    };
    C[name] = function (message, cfg) { return new Hasher(idFor(cfg)).finalize(message); };
    C['Hmac' + name] = function (message, key) { return fromBinary(native.hmac(idFor(), hmacKey(key), toBinary(asWords(message)))); };
  }
  algo.HMAC = {
    create: function (hasher, key) { return new HmacHasher(hasher.id || 'keccak512', key); },
  };
  C.HMAC = algo.HMAC;

  C.PBKDF2 = function (password, salt, cfg) {
    cfg = cfg || {};
    const hasher = cfg.hasher || algo.SHA1;
    const keySize = cfg.keySize === undefined ? 4 : cfg.keySize;
    const iterations = cfg.iterations === undefined ? 1 : cfg.iterations;
    return fromBinary(native.pbkdf2(hasher.id || 'keccak512', toBinary(asWords(password)), toBinary(asWords(salt)), iterations, keySize * 4));
  };
  algo.PBKDF2 = { create: function (cfg) { return { compute: function (p, s) { return C.PBKDF2(p, s, cfg); } }; } };

  // OpenSSL's EVP_BytesToKey with MD5 (what crypto-js does for passphrases).
  function evpKdf(password, salt, keyWords, ivWords, cfg) {
    const hasher = (cfg && cfg.hasher && cfg.hasher.id) || 'md5';
    const iterations = (cfg && cfg.iterations) || 1;
    const need = (keyWords + ivWords) * 4;
    let derived = '';
    let block = '';
    const pass = toBinary(asWords(password));
    const saltBin = salt ? toBinary(asWords(salt)) : '';
    while (derived.length < need) {
      block = native.digest(hasher, block + pass + saltBin);
      for (let i = 1; i < iterations; i++) block = native.digest(hasher, block);
      derived += block;
    }
    return { key: fromBinary(derived.slice(0, keyWords * 4)), iv: fromBinary(derived.slice(keyWords * 4, need)) };
  }
  C.EvpKDF = function (password, salt, cfg) {
    const keySize = cfg && cfg.keySize !== undefined ? cfg.keySize : 4;
    return evpKdf(password, salt, keySize, 0, cfg).key;
  };

  // ---- ciphers -------------------------------------------------------------------------------
  const mode = {};
  for (const name of ['CBC', 'ECB', 'CFB', 'OFB', 'CTR']) mode[name] = { name: name };
  mode.CTRGladman = mode.CTR;

  function padWith(fill) {
    return {
      pad: function (wa, blockWords) {
        const bytes = toBytes(wa);
        const size = blockWords * 4;
        const n = size - (bytes.length % size);
        const out = fromBytes(bytes.concat(fill(n)));
        wa.words = out.words;
        wa.sigBytes = out.sigBytes;
      },
      unpad: function (wa) {
        // As CryptoJS reads it: the low byte of the word holding the last byte (the last byte
        // itself when the length is whole words, as well-formed padding makes it).
        const n = (wa.words[(wa.sigBytes - 1) >>> 2] | 0) & 0xff;
        wa.sigBytes -= n;
      },
    };
  }
  const pad = {
    Pkcs7: padWith(function (n) { return new Array(n).fill(n); }),
    AnsiX923: padWith(function (n) { const a = new Array(n).fill(0); a[n - 1] = n; return a; }),
    Iso10126: padWith(function (n) { const a = codec.latin1Encode(native.randomBytes(n)); a[n - 1] = n; return a; }),
    Iso97971: {
      pad: function (wa, blockWords) { wa.concat(fromBytes([0x80])); pad.ZeroPadding.pad(wa, blockWords); },
      unpad: function (wa) { pad.ZeroPadding.unpad(wa); wa.sigBytes--; },
    },
    ZeroPadding: {
      pad: function (wa, blockWords) {
        const size = blockWords * 4;
        const bytes = toBytes(wa);
        const n = (size - (bytes.length % size)) % size;
        const out = fromBytes(bytes.concat(new Array(n).fill(0)));
        wa.words = out.words;
        wa.sigBytes = out.sigBytes;
      },
      unpad: function (wa) {
        const bytes = toBytes(wa);
        let n = bytes.length;
        while (n > 0 && bytes[n - 1] === 0) n--;
        wa.sigBytes = n;
      },
    },
    NoPadding: { pad: function () {}, unpad: function () {} },
  };

  function CipherParams(cfg) { Object.assign(this, cfg); }
  CipherParams.create = function (cfg) { return new CipherParams(cfg); };
  CipherParams.prototype.toString = function (formatter) { return (formatter || this.formatter || format.OpenSSL).stringify(this); };

  const SALTED = 0x53616c74; // "Salt"
  const format = {
    OpenSSL: {
      stringify: function (params) {
        const ct = params.ciphertext;
        const out = params.salt ? new WordArray([SALTED, 0x65645f5f]).concat(params.salt).concat(ct) : ct;
        return out.toString(Base64);
      },
      parse: function (text) {
        const ct = Base64.parse(text);
        let salt;
        if (ct.words[0] === SALTED && ct.words[1] === 0x65645f5f) {
          const bytes = toBytes(ct);
          salt = fromBytes(bytes.slice(8, 16));
          const rest = fromBytes(bytes.slice(16));
          return CipherParams.create({ ciphertext: rest, salt: salt });
        }
        return CipherParams.create({ ciphertext: ct });
      },
    },
    Hex: {
      stringify: function (params) { return params.ciphertext.toString(Hex); },
      parse: function (text) { return CipherParams.create({ ciphertext: Hex.parse(text) }); },
    },
  };

  function cipherConfig(cfg) {
    return Object.assign({ mode: mode.CBC, padding: pad.Pkcs7, format: format.OpenSSL }, cfg || {});
  }
  // Returns {key, iv, salt} for a passphrase (string) or a key WordArray.
  function keyMaterial(key, cfg, salt, keyWords, ivWords) {
    if (typeof key === 'string') {
      const s = salt || WordArray.random(8);
      const derived = evpKdf(key, s, keyWords, ivWords === undefined ? 4 : ivWords, cfg.kdfConfig);
      return { key: derived.key, iv: derived.iv, salt: s };
    }
    return { key: asWords(key), iv: cfg.iv ? asWords(cfg.iv) : undefined, salt: undefined };
  }

  function blockCipher(name, nativeName, keyWords) {
    const algorithm = {
      keySize: keyWords, ivSize: 4, blockSize: 4,
      encrypt: function (message, key, cfg) {
        cfg = cipherConfig(cfg);
        const material = keyMaterial(key, cfg, undefined, keyWords);
        const iv = material.iv;
        const m = cfg.mode.name || 'CBC';
        if (m !== 'ECB' && !iv) throw new Error(name + ': an iv is required for mode ' + m + ' when the key is a WordArray');
        const data = asWords(message).clone();
        cfg.padding.pad(data, 4);
        const ct = blockResult(native.aes(true, m, toBinary(material.key), iv ? toBinary(iv) : '', blockBinary(data, 4)), data);
        return CipherParams.create({
          ciphertext: ct, key: material.key, iv: iv, salt: material.salt, algorithm: algorithm,
          mode: cfg.mode, padding: cfg.padding, blockSize: 4, formatter: cfg.format,
        });
      },
      decrypt: function (ciphertext, key, cfg) {
        cfg = cipherConfig(cfg);
        const params = typeof ciphertext === 'string' ? cfg.format.parse(ciphertext) : ciphertext;
        const material = keyMaterial(key, cfg, params.salt, keyWords);
        if (typeof key === 'string' && !params.salt) throw new Error(name + ': a passphrase needs salted ciphertext');
        const iv = material.iv;
        const m = cfg.mode.name || 'CBC';
        const out = blockResult(native.aes(false, m, toBinary(material.key), iv ? toBinary(iv) : '', blockBinary(params.ciphertext, 4)), params.ciphertext);
        cfg.padding.unpad(out);
        return out;
      },
    };
    return algorithm;
  }
  C.AES = blockCipher('AES', 'aes', 8);
  algo.AES = C.AES;
  // RC4 and RC4Drop (a stream cipher: a passphrase derives a 256-bit key, no iv).
  function rc4Bytes(key, data, drop) {
    const S = [];
    for (let i = 0; i < 256; i++) S[i] = i;
    for (let i = 0, j = 0; i < 256; i++) {
      j = (j + S[i] + key[i % key.length]) & 255;
      const t = S[i]; S[i] = S[j]; S[j] = t;
    }
    let i = 0;
    let j = 0;
    const next = function () {
      i = (i + 1) & 255;
      j = (j + S[i]) & 255;
      const t = S[i]; S[i] = S[j]; S[j] = t;
      return S[(S[i] + S[j]) & 255];
    };
    for (let k = 0; k < drop * 4; k++) next();
    return data.map(function (b) { return b ^ next(); });
  }
  function streamCipher(defaultDrop) {
    const run = function (material, data, cfg) {
      const drop = cfg && cfg.drop !== undefined ? cfg.drop : defaultDrop;
      return fromBytes(rc4Bytes(toBytes(material.key), toBytes(data), drop));
    };
    return {
      keySize: 8, ivSize: 0,
      encrypt: function (message, key, cfg) {
        cfg = cipherConfig(cfg);
        const material = keyMaterial(key, cfg, undefined, 8);
        return CipherParams.create({ ciphertext: run(material, asWords(message), cfg), key: material.key,
          salt: material.salt, formatter: cfg.format });
      },
      decrypt: function (ciphertext, key, cfg) {
        cfg = cipherConfig(cfg);
        const params = typeof ciphertext === 'string' ? cfg.format.parse(ciphertext) : ciphertext;
        const material = keyMaterial(key, cfg, params.salt, 8);
        return run(material, params.ciphertext, cfg);
      },
    };
  }
  C.RC4 = streamCipher(0);
  C.RC4Drop = streamCipher(192);
  algo.RC4 = C.RC4;
  algo.RC4Drop = C.RC4Drop;

  // ---- DES and TripleDES (FIPS 46-3), on 8-byte blocks held as two 32-bit halves -------------
  // Bit positions in the standard's tables count from 1 at the most significant bit.
  const DES_IP = [58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
    57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7];
  const DES_PC1 = [57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
    63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4];
  const DES_PC2 = [14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
    41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32];
  const DES_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
  const DES_E = [32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
    16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1];
  const DES_P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
  const DES_S = [
    '14 4 13 1 2 15 11 8 3 10 6 12 5 9 0 7 0 15 7 4 14 2 13 1 10 6 12 11 9 5 3 8 4 1 14 8 13 6 2 11 15 12 9 7 3 10 5 0 15 12 8 2 4 9 1 7 5 11 3 14 10 0 6 13',
    '15 1 8 14 6 11 3 4 9 7 2 13 12 0 5 10 3 13 4 7 15 2 8 14 12 0 1 10 6 9 11 5 0 14 7 11 10 4 13 1 5 8 12 6 9 3 2 15 13 8 10 1 3 15 4 2 11 6 7 12 0 5 14 9',
    '10 0 9 14 6 3 15 5 1 13 12 7 11 4 2 8 13 7 0 9 3 4 6 10 2 8 5 14 12 11 15 1 13 6 4 9 8 15 3 0 11 1 2 12 5 10 14 7 1 10 13 0 6 9 8 7 4 15 14 3 11 5 2 12',
    '7 13 14 3 0 6 9 10 1 2 8 5 11 12 4 15 13 8 11 5 6 15 0 3 4 7 2 12 1 10 14 9 10 6 9 0 12 11 7 13 15 1 3 14 5 2 8 4 3 15 0 6 10 1 13 8 9 4 5 11 12 7 2 14',
    '2 12 4 1 7 10 11 6 8 5 3 15 13 0 14 9 14 11 2 12 4 7 13 1 5 0 15 10 3 9 8 6 4 2 1 11 10 13 7 8 15 9 12 5 6 3 0 14 11 8 12 7 1 14 2 13 6 15 0 9 10 4 5 3',
    '12 1 10 15 9 2 6 8 0 13 3 4 14 7 5 11 10 15 4 2 7 12 9 5 6 1 13 14 0 11 3 8 9 14 15 5 2 8 12 3 7 0 4 10 1 13 11 6 4 3 2 12 9 5 15 10 11 14 1 7 6 0 8 13',
    '4 11 2 14 15 0 8 13 3 12 9 7 5 10 6 1 13 0 11 7 4 9 1 10 14 3 5 12 2 15 8 6 1 4 11 13 12 3 7 14 10 15 6 8 0 5 9 2 6 11 13 8 1 4 10 7 9 5 0 15 14 2 3 12',
    '13 2 8 4 6 15 11 1 10 9 3 14 5 0 12 7 1 15 13 8 10 3 7 4 12 5 6 11 0 14 9 2 7 11 4 1 9 12 14 2 0 6 10 13 15 3 5 8 2 1 14 7 4 10 8 13 15 12 9 0 3 5 6 11',
  ].map(function (row) { return row.split(' ').map(Number); });
  // SP[i][six bits] = the S-box output of box i already through P, as a 32-bit word.
  const DES_SP = DES_S.map(function (box, i) {
    const out = [];
    for (let v = 0; v < 64; v++) {
      const s = box[((v & 32) | ((v & 1) << 4)) | ((v >> 1) & 15)];
      let word = 0;
      for (let k = 0; k < 32; k++) {
        const src = DES_P[k] - 1; // bit index (from msb) of the S-box outputs
        if ((src >> 2) === i && (s >> (3 - (src & 3))) & 1) word |= 1 << (31 - k);
      }
      out.push(word >>> 0);
    }
    return out;
  });
  function bitAt(bytes, pos) { return (bytes[(pos - 1) >> 3] >> (7 - ((pos - 1) & 7))) & 1; }
  function desSubkeys(key8) {
    const cd = DES_PC1.map(function (p) { return bitAt(key8, p); });
    let c = cd.slice(0, 28);
    let d = cd.slice(28);
    const keys = [];
    for (let r = 0; r < 16; r++) {
      for (let s = 0; s < DES_SHIFTS[r]; s++) { c.push(c.shift()); d.push(d.shift()); }
      const both = c.concat(d);
      // 48 bits as eight 6-bit groups
      const k = [];
      for (let g = 0; g < 8; g++) {
        let v = 0;
        for (let b = 0; b < 6; b++) v = (v << 1) | both[DES_PC2[g * 6 + b] - 1];
        k.push(v);
      }
      keys.push(k);
    }
    return keys;
  }
  function desPermute(bytes, table) {
    const out = new Array(table.length / 8).fill(0);
    for (let i = 0; i < table.length; i++) if (bitAt(bytes, table[i])) out[i >> 3] |= 1 << (7 - (i & 7));
    return out;
  }
  const DES_FP = (function () { const fp = []; DES_IP.forEach(function (p, i) { fp[p - 1] = i + 1; }); return fp; })();
  function desF(r, k) {
    let out = 0;
    for (let g = 0; g < 8; g++) {
      let six = 0;
      for (let b = 0; b < 6; b++) six = (six << 1) | ((r >>> (32 - DES_E[g * 6 + b])) & 1);
      out |= DES_SP[g][six ^ k[g]];
    }
    return out >>> 0;
  }
  // One block (8 byte values) through the 16 rounds with the subkeys in order.
  function desBlock(block, keys) {
    const ip = desPermute(block, DES_IP);
    let l = ((ip[0] << 24) | (ip[1] << 16) | (ip[2] << 8) | ip[3]) >>> 0;
    let r = ((ip[4] << 24) | (ip[5] << 16) | (ip[6] << 8) | ip[7]) >>> 0;
    for (let i = 0; i < 16; i++) { const t = r; r = (l ^ desF(r, keys[i])) >>> 0; l = t; }
    const pre = [r >>> 24, (r >>> 16) & 255, (r >>> 8) & 255, r & 255, l >>> 24, (l >>> 16) & 255, (l >>> 8) & 255, l & 255];
    return desPermute(pre, DES_FP);
  }

  // Block modes for the ciphers implemented here (8-byte blocks), as crypto-js runs them: CFB
  // feeds back whole blocks and CTR counts in the block's last 32-bit word only.
  function runMode(modeName, encrypting, core, ivBytes, data, size) {
    const out = [];
    let prev = ivBytes ? ivBytes.slice(0, size) : null;
    while (prev && prev.length < size) prev.push(0);
    if (!prev) {
      if (modeName !== 'ECB' && modeName !== 'CBC') throw new TypeError("Cannot read properties of undefined (reading 'slice')");
      prev = new Array(size).fill(0);
    }
    for (let at = 0; at < data.length; at += size) {
      const block = data.slice(at, at + size);
      while (block.length < size) block.push(0);
      let res;
      if (modeName === 'ECB') res = encrypting ? core.enc(block) : core.dec(block);
      else if (modeName === 'CBC') {
        if (encrypting) { res = core.enc(block.map(function (b, i) { return b ^ prev[i]; })); prev = res; } else {
          const plain = core.dec(block);
          res = plain.map(function (b, i) { return b ^ prev[i]; });
          prev = block;
        }
      } else if (modeName === 'CFB') {
        const ks = core.enc(prev);
        res = block.map(function (b, i) { return b ^ ks[i]; });
        prev = encrypting ? res : block;
      } else if (modeName === 'OFB') {
        prev = core.enc(prev);
        res = block.map(function (b, i) { return b ^ prev[i]; });
      } else {
        const ks = core.enc(prev);
        res = block.map(function (b, i) { return b ^ ks[i]; });
        const c = prev.slice();
        for (let i = size - 1; i >= size - 4; i--) { c[i] = (c[i] + 1) & 255; if (c[i]) break; }
        prev = c;
      }
      for (let i = 0; i < size; i++) out.push(res[i]);
    }
    return out;
  }
  function jsBlockCipher(name, keyWords, makeCore) {
    const size = 8;
    const algorithm = {
      keySize: keyWords, ivSize: 2, blockSize: 2,
      encrypt: function (message, key, cfg) {
        cfg = cipherConfig(cfg);
        const material = keyMaterial(key, cfg, undefined, keyWords, 2);
        const m = cfg.mode.name || 'CBC';
        const data = asWords(message).clone();
        cfg.padding.pad(data, 2);
        const core = makeCore(toBytes(material.key));
        const ct = blockResult(codec.latin1Decode(runMode(m, true, core, material.iv ? toBytes(material.iv) : null, codec.latin1Encode(blockBinary(data, 2)), size)), data);
        return CipherParams.create({
          ciphertext: ct, key: material.key, iv: material.iv, salt: material.salt, algorithm: algorithm,
          mode: cfg.mode, padding: cfg.padding, blockSize: 2, formatter: cfg.format,
        });
      },
      decrypt: function (ciphertext, key, cfg) {
        cfg = cipherConfig(cfg);
        const params = typeof ciphertext === 'string' ? cfg.format.parse(ciphertext) : ciphertext;
        const material = keyMaterial(key, cfg, params.salt, keyWords, 2);
        const m = cfg.mode.name || 'CBC';
        const core = makeCore(toBytes(material.key));
        const out = blockResult(codec.latin1Decode(runMode(m, false, core, material.iv ? toBytes(material.iv) : null, codec.latin1Encode(blockBinary(params.ciphertext, 2)), size)), params.ciphertext);
        cfg.padding.unpad(out);
        return out;
      },
    };
    return algorithm;
  }
  function keyPart(bytes, from) {
    const k = bytes.slice(from, from + 8);
    while (k.length < 8) k.push(0);
    return desSubkeys(k);
  }
  function desCore(keyBytes) {
    const keys = keyPart(keyBytes, 0);
    const back = keys.slice().reverse();
    return { enc: function (b) { return desBlock(b, keys); }, dec: function (b) { return desBlock(b, back); } };
  }
  function tripleDesCore(keyBytes) {
    const k1 = keyPart(keyBytes, 0); const k2 = keyPart(keyBytes, 8); const k3 = keyPart(keyBytes, 16);
    const r1 = k1.slice().reverse(); const r2 = k2.slice().reverse(); const r3 = k3.slice().reverse();
    return {
      enc: function (b) { return desBlock(desBlock(desBlock(b, k1), r2), k3); },
      dec: function (b) { return desBlock(desBlock(desBlock(b, r3), k2), r1); },
    };
  }
  C.DES = jsBlockCipher('DES', 2, desCore);
  C.TripleDES = jsBlockCipher('TripleDES', 6, tripleDesCore);
  algo.DES = C.DES;
  algo.TripleDES = C.TripleDES;

  // ---- Rabbit (RFC 4503) -------------------------------------------------------------------
  // The state is eight 32-bit words X and C and a carry bit; crypto-js reads keys, IVs and
  // keystream bytes little-endian, and its newer Rabbit byte-swaps the key's words in place first.
  const RABBIT_A = [0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3];
  function rotl32(x, n) { return ((x << n) | (x >>> (32 - n))) >>> 0; }
  function rabbitG(u) {
    const lo = u & 0xffff; const hi = u >>> 16;
    const cross = lo * hi * 2;
    let low = lo * lo + (cross % 65536) * 65536;
    const carry = Math.floor(low / 4294967296);
    low %= 4294967296;
    const high = hi * hi + Math.floor(cross / 65536) + carry;
    return (low ^ (high >>> 0)) >>> 0;
  }
  function rabbitNext(st) {
    for (let j = 0; j < 8; j++) {
      const t = st.C[j] + RABBIT_A[j] + st.b;
      st.b = t >= 4294967296 ? 1 : 0;
      st.C[j] = t >>> 0;
    }
    const G = [];
    for (let j = 0; j < 8; j++) G[j] = rabbitG((st.X[j] + st.C[j]) >>> 0);
    for (let j = 0; j < 8; j++) {
      const odd = j & 1;
      const p1 = G[(j + 7) & 7]; const p2 = G[(j + 6) & 7];
      st.X[j] = odd ? (G[j] + rotl32(p1, 8) + p2) >>> 0 : (G[j] + rotl32(p1, 16) + rotl32(p2, 16)) >>> 0;
    }
  }
  // key: 16 bytes, the 128-bit key least significant byte first; iv: 8 bytes likewise, or null.
  function rabbitState(key, iv) {
    const K = [];
    for (let j = 0; j < 8; j++) K.push(key[2 * j] | (key[2 * j + 1] << 8));
    const st = { X: [], C: [], b: 0 };
    for (let j = 0; j < 8; j++) {
      if (j % 2 === 0) {
        st.X[j] = ((K[(j + 1) % 8] << 16) | K[j]) >>> 0;
        st.C[j] = ((K[(j + 4) % 8] << 16) | K[(j + 5) % 8]) >>> 0;
      } else {
        st.X[j] = ((K[(j + 5) % 8] << 16) | K[(j + 4) % 8]) >>> 0;
        st.C[j] = ((K[j] << 16) | K[(j + 1) % 8]) >>> 0;
      }
    }
    for (let i = 0; i < 4; i++) rabbitNext(st);
    for (let j = 0; j < 8; j++) st.C[j] = (st.C[j] ^ st.X[(j + 4) % 8]) >>> 0;
    if (iv) {
      const I = [];
      for (let j = 0; j < 4; j++) I.push(iv[2 * j] | (iv[2 * j + 1] << 8));
      const mix = [((I[1] << 16) | I[0]) >>> 0, ((I[3] << 16) | I[1]) >>> 0, ((I[3] << 16) | I[2]) >>> 0, ((I[2] << 16) | I[0]) >>> 0];
      for (let j = 0; j < 8; j++) st.C[j] = (st.C[j] ^ mix[j % 4]) >>> 0;
      for (let i = 0; i < 4; i++) rabbitNext(st);
    }
    return st;
  }
  function rabbitStream(st, n) {
    const out = [];
    while (out.length < n) {
      rabbitNext(st);
      const X = st.X;
      const s = [(X[0] & 0xffff) ^ (X[5] >>> 16), (X[0] >>> 16) ^ (X[3] & 0xffff), (X[2] & 0xffff) ^ (X[7] >>> 16),
        (X[2] >>> 16) ^ (X[5] & 0xffff), (X[4] & 0xffff) ^ (X[1] >>> 16), (X[4] >>> 16) ^ (X[7] & 0xffff),
        (X[6] & 0xffff) ^ (X[3] >>> 16), (X[6] >>> 16) ^ (X[1] & 0xffff)];
      for (const w of s) out.push(w & 255, w >>> 8);
    }
    return out;
  }
  function bytesN(wa, n) {
    const b = [];
    for (let i = 0; i < n; i++) b.push(((wa.words[i >>> 2] || 0) >>> (24 - (i % 4) * 8)) & 0xff);
    return b;
  }
  function rabbitCipher(legacy) {
    const run = function (material, data) {
      const key = material.key;
      if (!legacy) {
        for (let i = 0; i < 4; i++) {
          const w = key.words[i] || 0;
          key.words[i] = (((w << 8) | (w >>> 24)) & 0x00ff00ff) | (((w << 24) | (w >>> 8)) & 0xff00ff00);
        }
      }
      // In the (byte-swapped) key words, word 0 holds the least significant 32 bits.
      const kb = bytesN(key, 16);
      const keyLE = [];
      for (let w = 0; w < 4; w++) for (let i = 3; i >= 0; i--) keyLE.push(kb[w * 4 + i]);
      const ivLE = material.iv ? bytesN(material.iv, 8) : null;
      const bytes = toBytes(data);
      const ks = rabbitStream(rabbitState(keyLE, ivLE), bytes.length);
      return fromBytes(bytes.map(function (b, i) { return b ^ ks[i]; }));
    };
    return {
      keySize: 4, ivSize: 2,
      encrypt: function (message, key, cfg) {
        cfg = cipherConfig(cfg);
        const material = keyMaterial(key, cfg, undefined, 4, 2);
        return CipherParams.create({ ciphertext: run(material, asWords(message)), key: material.key, iv: material.iv,
          salt: material.salt, formatter: cfg.format });
      },
      decrypt: function (ciphertext, key, cfg) {
        cfg = cipherConfig(cfg);
        const params = typeof ciphertext === 'string' ? cfg.format.parse(ciphertext) : ciphertext;
        const material = keyMaterial(key, cfg, params.salt, 4, 2);
        return run(material, params.ciphertext);
      },
    };
  }
  C.Rabbit = rabbitCipher(false);
  C.RabbitLegacy = rabbitCipher(true);
  algo.Rabbit = C.Rabbit;
  algo.RabbitLegacy = C.RabbitLegacy;

  C.lib = {
    WordArray: WordArray, CipherParams: CipherParams,
    Base: { extend: function (o) { return Object.assign(Object.create(this), o); }, create: function () { return Object.create(this); } },
  };
  C.mode = mode;
  C.pad = pad;
  C.format = format;
  C.kdf = { OpenSSL: { execute: function (password, keySize, ivSize, salt) { const s = salt || WordArray.random(8); const d = evpKdf(password, s, keySize, ivSize); return CipherParams.create({ key: d.key, iv: d.iv, salt: s }); } } };
  return C;
})
