// postie library: `require('crypto-js')` and the legacy `CryptoJS` global, a crypto-js 3.3
// compatible API. WordArrays, encoders, cipher params and paddings are JavaScript; hashing,
// HMAC, PBKDF2 and AES run in Rust (`P.native`), bytes crossing as binary strings.
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
  WordArray.random = function (n) { return fromBinary(native.randomBytes(n)); };
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

  function toBytes(wa) {
    const out = new Array(wa.sigBytes);
    for (let i = 0; i < wa.sigBytes; i++) out[i] = (wa.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    return out;
  }
  function fromBytes(bytes) {
    const words = [];
    for (let i = 0; i < bytes.length; i++) words[i >>> 2] |= (bytes[i] & 0xff) << (24 - (i % 4) * 8);
    for (let i = 0; i < words.length; i++) words[i] = words[i] | 0;
    return new WordArray(words, bytes.length);
  }
  function toBinary(wa) { return codec.latin1Decode(toBytes(wa)); }
  function fromBinary(s) { return fromBytes(codec.latin1Encode(s)); }

  // ---- encoders ------------------------------------------------------------------------------
  const Hex = { stringify: function (wa) { return codec.hexEncode(toBytes(wa)); }, parse: function (s) { return fromBytes(codec.hexDecode(s)); } };
  const Latin1 = { stringify: toBinary, parse: fromBinary };
  const Utf8 = {
    stringify: function (wa) {
      const text = codec.utf8Decode(toBytes(wa));
      if (text.indexOf('\ufffd') !== -1 && !/\xef\xbf\xbd/.test(toBinary(wa))) throw new Error('Malformed UTF-8 data');
      return text;
    },
    parse: function (s) { return fromBytes(codec.utf8Encode(s)); },
  };
  const Base64 = { stringify: function (wa) { return codec.base64Encode(toBytes(wa), false); }, parse: function (s) { return fromBytes(codec.base64Decode(s)); } };
  const Base64url = { stringify: function (wa) { return codec.base64Encode(toBytes(wa), true); }, parse: function (s) { return fromBytes(codec.base64Decode(s)); } };
  function utf16(little) {
    return {
      stringify: function (wa) {
        const b = toBytes(wa);
        let out = '';
        for (let i = 0; i + 1 < b.length; i += 2) out += String.fromCharCode(little ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
        return out;
      },
      parse: function (s) {
        const b = [];
        for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (little) b.push(c & 255, c >> 8); else b.push(c >> 8, c & 255); }
        return fromBytes(b);
      },
    };
  }
  const enc = { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Base64: Base64, Base64url: Base64url, Utf16: utf16(false), Utf16BE: utf16(false), Utf16LE: utf16(true) };

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
    if (data !== undefined) this.update(data);
    const out = fromBinary(native.digest(this.id, this._data.join('')));
    this.reset();
    return out;
  };
  function HmacHasher(id, key) {
    this.id = id;
    this._key = toBinary(asWords(key));
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
    C[name] = function (message, cfg) { return fromBinary(native.digest(idFor(cfg), toBinary(asWords(message)))); };
    C['Hmac' + name] = function (message, key) { return fromBinary(native.hmac(idFor(), toBinary(asWords(key)), toBinary(asWords(message)))); };
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
        const n = toBytes(wa)[wa.sigBytes - 1] || 0;
        wa.sigBytes = Math.max(0, wa.sigBytes - n);
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
  function keyMaterial(key, cfg, salt, keyWords) {
    if (typeof key === 'string') {
      const s = salt || WordArray.random(8);
      const derived = evpKdf(key, s, keyWords, 4, cfg.kdfConfig);
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
        const ct = fromBinary(native.aes(true, m, toBinary(material.key), iv ? toBinary(iv) : '', toBinary(data)));
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
        const out = fromBinary(native.aes(false, m, toBinary(material.key), iv ? toBinary(iv) : '', toBinary(params.ciphertext)));
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
  for (const name of ['DES', 'TripleDES', 'Rabbit', 'RabbitLegacy']) {
    C[name] = {
      encrypt: function () { throw new Error('CryptoJS.' + name + ' is not available in postie (AES is)'); },
      decrypt: function () { throw new Error('CryptoJS.' + name + ' is not available in postie (AES is)'); },
    };
  }

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
