//! Hashes, HMAC, PBKDF2, AES block modes and random bytes for the `crypto-js` module.
//! Inputs and outputs are binary strings (see the module docs of `native`).

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit, generic_array::GenericArray};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rquickjs::{Ctx, Function, Object};

use super::{binary_string, bytes_of, throw};

const BLOCK: usize = 16;

/// Install `digest`, `hmac`, `pbkdf2`, `aes` and `randomBytes` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set("digest", Function::new(ctx.clone(), digest_js)?)?;
    native.set("hmac", Function::new(ctx.clone(), hmac_js)?)?;
    native.set("pbkdf2", Function::new(ctx.clone(), pbkdf2_js)?)?;
    native.set("aes", Function::new(ctx.clone(), aes_js)?)?;
    native.set("randomBytes", Function::new(ctx.clone(), random_js)?)?;
    Ok(())
}

/// Hash `data` with the named algorithm; `None` for an unknown name.
pub(crate) fn digest(alg: &str, data: &[u8]) -> Option<Vec<u8>> {
    use sha2::Digest;
    Some(match alg {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        "sha3-224" => sha3::Sha3_224::digest(data).to_vec(),
        "sha3-256" => sha3::Sha3_256::digest(data).to_vec(),
        "sha3-384" => sha3::Sha3_384::digest(data).to_vec(),
        "sha3-512" => sha3::Sha3_512::digest(data).to_vec(),
        "keccak224" => sha3::Keccak224::digest(data).to_vec(),
        "keccak256" => sha3::Keccak256::digest(data).to_vec(),
        "keccak384" => sha3::Keccak384::digest(data).to_vec(),
        "keccak512" => sha3::Keccak512::digest(data).to_vec(),
        "ripemd160" => ripemd::Ripemd160::digest(data).to_vec(),
        _ => return None,
    })
}

fn mac<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this never fails.
    match <M as KeyInit>::new_from_slice(key) {
        Ok(mut m) => {
            m.update(data);
            m.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// HMAC of `data` under `key` with the named hash; `None` for an unknown name.
pub(crate) fn hmac(alg: &str, key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg {
        "md5" => mac::<Hmac<md5::Md5>>(key, data),
        "sha1" => mac::<Hmac<sha1::Sha1>>(key, data),
        "sha224" => mac::<Hmac<sha2::Sha224>>(key, data),
        "sha256" => mac::<Hmac<sha2::Sha256>>(key, data),
        "sha384" => mac::<Hmac<sha2::Sha384>>(key, data),
        "sha512" => mac::<Hmac<sha2::Sha512>>(key, data),
        "sha3-224" => mac::<Hmac<sha3::Sha3_224>>(key, data),
        "sha3-256" => mac::<Hmac<sha3::Sha3_256>>(key, data),
        "sha3-384" => mac::<Hmac<sha3::Sha3_384>>(key, data),
        "sha3-512" => mac::<Hmac<sha3::Sha3_512>>(key, data),
        "keccak224" => mac::<Hmac<sha3::Keccak224>>(key, data),
        "keccak256" => mac::<Hmac<sha3::Keccak256>>(key, data),
        "keccak384" => mac::<Hmac<sha3::Keccak384>>(key, data),
        "keccak512" => mac::<Hmac<sha3::Keccak512>>(key, data),
        "ripemd160" => mac::<Hmac<ripemd::Ripemd160>>(key, data),
        _ => return None,
    })
}

/// PBKDF2 (RFC 8018) with HMAC over the named hash.
pub(crate) fn pbkdf2(
    alg: &str,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    len: usize,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(len);
    let mut block = 1u32;
    while out.len() < len {
        let mut input = salt.to_vec();
        input.extend_from_slice(&block.to_be_bytes());
        let mut u = hmac(alg, password, &input)?;
        let mut t = u.clone();
        for _ in 1..iterations.max(1) {
            u = hmac(alg, password, &u)?;
            for (a, b) in t.iter_mut().zip(&u) {
                *a ^= b;
            }
        }
        out.extend_from_slice(&t);
        block = block.wrapping_add(1);
    }
    out.truncate(len);
    Some(out)
}

/// One AES key schedule, whatever the key size.
enum Cipher {
    A128(aes::Aes128),
    A192(aes::Aes192),
    A256(aes::Aes256),
}

impl Cipher {
    fn new(key: &[u8]) -> Option<Cipher> {
        Some(match key.len() {
            16 => Cipher::A128(aes::Aes128::new_from_slice(key).ok()?),
            24 => Cipher::A192(aes::Aes192::new_from_slice(key).ok()?),
            32 => Cipher::A256(aes::Aes256::new_from_slice(key).ok()?),
            _ => return None,
        })
    }

    fn encrypt(&self, block: &mut [u8]) {
        let b = GenericArray::from_mut_slice(block);
        match self {
            Cipher::A128(c) => c.encrypt_block(b),
            Cipher::A192(c) => c.encrypt_block(b),
            Cipher::A256(c) => c.encrypt_block(b),
        }
    }

    fn decrypt(&self, block: &mut [u8]) {
        let b = GenericArray::from_mut_slice(block);
        match self {
            Cipher::A128(c) => c.decrypt_block(b),
            Cipher::A192(c) => c.decrypt_block(b),
            Cipher::A256(c) => c.decrypt_block(b),
        }
    }
}

/// AES in a CryptoJS block mode (`CBC`, `ECB`, `CFB`, `OFB`, `CTR`), without padding (the
/// JavaScript side pads). A partial last block is processed as CryptoJS does, zero-filled: the
/// output is whole blocks.
pub(crate) fn aes(
    encrypt: bool,
    mode: &str,
    key: &[u8],
    iv: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, String> {
    let cipher = Cipher::new(key).ok_or_else(|| {
        format!(
            "AES key must be 16, 24 or 32 bytes, got {} bytes",
            key.len()
        )
    })?;
    let mut iv_block = [0u8; BLOCK];
    for (dst, src) in iv_block.iter_mut().zip(iv) {
        *dst = *src;
    }
    // CryptoJS runs a partial last block as a whole one (the missing bytes are zero); the caller
    // keeps as many output bytes as there were input bytes. It never refuses.
    let mut out = data.to_vec();
    let padded = data.len().div_ceil(BLOCK) * BLOCK;
    out.resize(padded, 0);
    match mode {
        "ECB" => ecb(&cipher, encrypt, &mut out),
        "CBC" => cbc(&cipher, encrypt, iv_block, &mut out),
        "CFB" => cfb(&cipher, encrypt, iv_block, &mut out),
        "OFB" => ofb(&cipher, iv_block, &mut out),
        "CTR" => ctr(&cipher, iv_block, &mut out),
        other => return Err(format!("unsupported AES mode {other}")),
    }
    Ok(out)
}

/// ECB: each block on its own.
fn ecb(cipher: &Cipher, encrypt: bool, out: &mut [u8]) {
    for chunk in out.chunks_mut(BLOCK) {
        if encrypt {
            cipher.encrypt(chunk);
        } else {
            cipher.decrypt(chunk);
        }
    }
}

/// CBC: each block chained to the previous ciphertext block (the IV first).
fn cbc(cipher: &Cipher, encrypt: bool, iv: [u8; BLOCK], out: &mut [u8]) {
    let mut prev = iv;
    for chunk in out.chunks_mut(BLOCK) {
        if encrypt {
            for (c, p) in chunk.iter_mut().zip(&prev) {
                *c ^= p;
            }
            cipher.encrypt(chunk);
            prev.copy_from_slice(chunk);
        } else {
            let saved: [u8; BLOCK] = prev;
            prev.copy_from_slice(chunk);
            cipher.decrypt(chunk);
            for (c, p) in chunk.iter_mut().zip(&saved) {
                *c ^= p;
            }
        }
    }
}

/// CFB (full-block feedback): the keystream is the encrypted previous ciphertext block.
fn cfb(cipher: &Cipher, encrypt: bool, iv: [u8; BLOCK], out: &mut [u8]) {
    let mut shift = iv;
    for chunk in out.chunks_mut(BLOCK) {
        let mut stream = shift;
        cipher.encrypt(&mut stream);
        let mut next = [0u8; BLOCK];
        for (i, c) in chunk.iter_mut().enumerate() {
            let input = *c;
            *c ^= stream[i];
            next[i] = if encrypt { *c } else { input };
        }
        shift = next;
    }
}

/// OFB: the keystream is the IV encrypted again and again.
fn ofb(cipher: &Cipher, iv: [u8; BLOCK], out: &mut [u8]) {
    let mut stream = iv;
    for chunk in out.chunks_mut(BLOCK) {
        cipher.encrypt(&mut stream);
        for (c, s) in chunk.iter_mut().zip(&stream) {
            *c ^= s;
        }
    }
}

/// CTR: the keystream is the encrypted counter (the IV, incremented big-endian per block).
fn ctr(cipher: &Cipher, iv: [u8; BLOCK], out: &mut [u8]) {
    let mut counter = iv;
    for chunk in out.chunks_mut(BLOCK) {
        let mut stream = counter;
        cipher.encrypt(&mut stream);
        for (c, s) in chunk.iter_mut().zip(&stream) {
            *c ^= s;
        }
        for byte in counter.iter_mut().rev() {
            *byte = byte.wrapping_add(1);
            if *byte != 0 {
                break;
            }
        }
    }
}

fn digest_js(ctx: Ctx<'_>, alg: String, data: String) -> rquickjs::Result<String> {
    digest(&alg, &bytes_of(&data))
        .map(|d| binary_string(&d))
        .ok_or_else(|| throw(&ctx, &format!("unknown hash algorithm {alg}")))
}

fn hmac_js(ctx: Ctx<'_>, alg: String, key: String, data: String) -> rquickjs::Result<String> {
    hmac(&alg, &bytes_of(&key), &bytes_of(&data))
        .map(|d| binary_string(&d))
        .ok_or_else(|| throw(&ctx, &format!("unknown hash algorithm {alg}")))
}

fn pbkdf2_js(
    ctx: Ctx<'_>,
    alg: String,
    password: String,
    salt: String,
    iterations: u32,
    len: u32,
) -> rquickjs::Result<String> {
    let len = usize::try_from(len).unwrap_or(0).min(1 << 20);
    pbkdf2(
        &alg,
        &bytes_of(&password),
        &bytes_of(&salt),
        iterations,
        len,
    )
    .map(|d| binary_string(&d))
    .ok_or_else(|| throw(&ctx, &format!("unknown hash algorithm {alg}")))
}

fn aes_js(
    ctx: Ctx<'_>,
    encrypt: bool,
    mode: String,
    key: String,
    iv: String,
    data: String,
) -> rquickjs::Result<String> {
    aes(
        encrypt,
        &mode,
        &bytes_of(&key),
        &bytes_of(&iv),
        &bytes_of(&data),
    )
    .map(|d| binary_string(&d))
    .map_err(|message| throw(&ctx, &message))
}

fn random_js(len: u32) -> String {
    let mut bytes = vec![0u8; usize::try_from(len).unwrap_or(0).min(1 << 20)];
    rand::rng().fill_bytes(&mut bytes);
    binary_string(&bytes)
}
