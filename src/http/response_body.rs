//! A response body that costs memory only while it is small: up to [`spill_at`] bytes it is held
//! in memory; beyond that it goes to an unnamed temporary file (removed by the system when the
//! last handle closes, even if the process is killed) and is read back only by whoever needs it.
//! [`BodySink`] builds one piece by piece and enforces `--max-response-size`.

use crate::http::HttpErrorKind;
use std::borrow::Cow;
use std::fmt;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

/// Bodies larger than this are kept in a temporary file (unless `POSTIE_SPILL_AT` says
/// otherwise, see [`spill_at`]).
pub const SPILL_AT: usize = 16 * 1024 * 1024;

/// How many bytes of a body stay in memory: `POSTIE_SPILL_AT` (a size such as `1MiB`) when set
/// and valid, else [`SPILL_AT`]. Read once.
pub fn spill_at() -> usize {
    static AT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *AT.get_or_init(|| {
        std::env::var("POSTIE_SPILL_AT")
            .ok()
            .and_then(|v| parse_size(&v).ok())
            .and_then(|v| usize::try_from(v).ok())
            .unwrap_or(SPILL_AT)
    })
}

/// The default `--max-response-size`: 1 GiB (received or decoded).
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 1024 * 1024 * 1024;

/// A received (or decoded) response body; cheap to clone.
#[derive(Clone, Default)]
pub struct ResponseBody {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Memory(Arc<[u8]>),
    Spilled(Arc<Spill>),
}

impl Default for Inner {
    fn default() -> Self {
        Inner::Memory(Arc::from(&[][..]))
    }
}

/// A body in a temporary file: reads lock, seek and read, so clones can read concurrently.
struct Spill {
    file: Mutex<std::fs::File>,
    len: u64,
}

impl ResponseBody {
    /// A body held in memory.
    pub fn from_vec(bytes: Vec<u8>) -> Self {
        ResponseBody {
            inner: Inner::Memory(Arc::from(bytes)),
        }
    }

    /// Its length in bytes.
    pub fn len(&self) -> u64 {
        match &self.inner {
            Inner::Memory(b) => b.len() as u64,
            Inner::Spilled(s) => s.len,
        }
    }

    /// Whether it has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether it was moved to a temporary file.
    pub fn is_spilled(&self) -> bool {
        matches!(self.inner, Inner::Spilled(_))
    }

    /// The bytes when they are in memory.
    pub fn in_memory(&self) -> Option<&[u8]> {
        match &self.inner {
            Inner::Memory(b) => Some(b),
            Inner::Spilled(_) => None,
        }
    }

    /// All the bytes (read from the temporary file when spilled).
    pub fn bytes(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match &self.inner {
            Inner::Memory(b) => Ok(Cow::Borrowed(b)),
            Inner::Spilled(s) => {
                let mut out = Vec::with_capacity(usize::try_from(s.len).unwrap_or(0));
                self.reader().read_to_end(&mut out)?;
                Ok(Cow::Owned(out))
            }
        }
    }

    /// At most the first `n` bytes.
    pub fn prefix(&self, n: usize) -> Cow<'_, [u8]> {
        match &self.inner {
            Inner::Memory(b) => Cow::Borrowed(&b[..b.len().min(n)]),
            Inner::Spilled(_) => {
                let mut out = Vec::new();
                // A read error leaves what was read: this is for display only.
                let _ = self.reader().take(n as u64).read_to_end(&mut out);
                Cow::Owned(out)
            }
        }
    }

    /// A reader over the bytes from the start.
    pub fn reader(&self) -> BodyReader<'_> {
        BodyReader {
            body: self,
            offset: 0,
        }
    }
}

/// Reads a [`ResponseBody`] from the start; each read of a spilled body seeks first, so any
/// number of readers can be open at once.
pub struct BodyReader<'a> {
    body: &'a ResponseBody,
    offset: u64,
}

impl Read for BodyReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = match &self.body.inner {
            Inner::Memory(b) => {
                let start = usize::try_from(self.offset)
                    .unwrap_or(usize::MAX)
                    .min(b.len());
                let n = buf.len().min(b.len() - start);
                buf[..n].copy_from_slice(&b[start..start + n]);
                n
            }
            Inner::Spilled(s) => {
                let left = s.len.saturating_sub(self.offset);
                let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                if want == 0 {
                    return Ok(0);
                }
                let mut file = s.file.lock().map_err(|_| {
                    std::io::Error::other("a response body's file lock is poisoned")
                })?;
                file.seek(SeekFrom::Start(self.offset))?;
                file.read(&mut buf[..want])?
            }
        };
        self.offset += n as u64;
        Ok(n)
    }
}

impl PartialEq for ResponseBody {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        match (self.bytes(), other.bytes()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Inner::Memory(b) => write!(f, "ResponseBody({:?})", String::from_utf8_lossy(b)),
            Inner::Spilled(s) => write!(f, "ResponseBody(<{} bytes in a temporary file>)", s.len),
        }
    }
}

impl From<Vec<u8>> for ResponseBody {
    fn from(bytes: Vec<u8>) -> Self {
        ResponseBody::from_vec(bytes)
    }
}

impl From<&[u8]> for ResponseBody {
    fn from(bytes: &[u8]) -> Self {
        ResponseBody::from_vec(bytes.to_vec())
    }
}

/// How the request error for a body over `--max-response-size` starts.
pub const TOO_LARGE: &str = "Maximum response size reached";

/// How the request error for a body that could not be kept (its temporary file failing) starts.
pub const CANNOT_KEEP: &str = "cannot keep the response body";

/// The request error for a body over `--max-response-size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// The limit in bytes.
    pub limit: u64,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{TOO_LARGE}: the body is larger than {} (--max-response-size)",
            format_size(self.limit)
        )
    }
}

impl std::error::Error for TooLarge {}

impl TooLarge {
    /// The `TooLarge` inside an I/O error made by [`BodySink`], if that is what it is.
    pub fn from_io(e: &std::io::Error) -> Option<TooLarge> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<TooLarge>())
            .copied()
    }
}

/// The request error for a body that could not be kept: over `--max-response-size`, or its
/// temporary file failing.
pub fn body_error(e: &std::io::Error) -> super::HttpError {
    match TooLarge::from_io(e) {
        Some(too_large) => super::HttpError::new(HttpErrorKind::TooLarge, too_large.to_string()),
        None => super::HttpError::new(HttpErrorKind::Other, format!("{CANNOT_KEEP}: {e}")),
    }
}

/// `bytes` as `1 GiB`, `50 MiB`, `512 KiB` or `N B`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} B")
}

/// Parse a `--max-response-size` value: a byte count with an optional unit (`K`, `KB`, `KiB`,
/// `M`, `MB`, `MiB`, `G`, `GB`, `GiB`; all powers of 1024, case-insensitive); `0` means no limit.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size (e.g. 50MB, 1GiB, 1048576)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{text}`: unknown size unit (use K, M or G)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// Collects a body piece by piece: in memory up to [`SPILL_AT`] bytes, then in a temporary file;
/// more than `limit` bytes is a [`TooLarge`] error (as an I/O error from [`Write::write`]).
pub struct BodySink {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
    len: u64,
    limit: Option<u64>,
    spill_at: usize,
}

impl BodySink {
    /// A sink refusing more than `limit` bytes (`None`: no limit), spilling beyond
    /// [`spill_at`] bytes.
    pub fn new(limit: Option<u64>) -> Self {
        Self::with_spill_at(limit, spill_at())
    }

    /// A sink spilling to a file beyond `spill_at` bytes.
    pub fn with_spill_at(limit: Option<u64>, spill_at: usize) -> Self {
        BodySink {
            memory: Vec::new(),
            file: None,
            len: 0,
            limit,
            spill_at,
        }
    }

    /// How many bytes it holds.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it holds nothing yet.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Add `bytes`.
    pub fn push(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let len = self.len + bytes.len() as u64;
        if let Some(limit) = self.limit.filter(|&l| len > l) {
            return Err(std::io::Error::other(TooLarge { limit }));
        }
        self.len = len;
        if let Some(file) = self.file.as_mut() {
            return file.write_all(bytes);
        }
        if self.memory.len() + bytes.len() <= self.spill_at {
            self.memory.extend_from_slice(bytes);
            return Ok(());
        }
        let mut file = std::io::BufWriter::with_capacity(256 * 1024, tempfile::tempfile()?);
        file.write_all(&self.memory)?;
        file.write_all(bytes)?;
        self.memory = Vec::new();
        self.file = Some(file);
        Ok(())
    }

    /// The body collected.
    pub fn finish(self) -> std::io::Result<ResponseBody> {
        match self.file {
            None => Ok(ResponseBody::from_vec(self.memory)),
            Some(file) => {
                let file = file.into_inner().map_err(|e| e.into_error())?;
                Ok(ResponseBody {
                    inner: Inner::Spilled(Arc::new(Spill {
                        file: Mutex::new(file),
                        len: self.len,
                    })),
                })
            }
        }
    }
}

impl Write for BodySink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.push(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_bodies_stay_in_memory_large_ones_spill_and_read_back() {
        let mut sink = BodySink::with_spill_at(None, 8);
        sink.push(b"hello").unwrap_or_default();
        let small = BodySink::with_spill_at(None, 8);
        let small = {
            let mut s = small;
            s.push(b"abc").unwrap_or_default();
            s.finish().unwrap_or_default()
        };
        assert!(!small.is_spilled());
        assert_eq!(small.in_memory(), Some(&b"abc"[..]));
        sink.push(b", world").unwrap_or_default();
        let body = sink.finish().unwrap_or_default();
        assert!(body.is_spilled());
        assert_eq!(body.len(), 12);
        assert_eq!(body.bytes().ok().as_deref(), Some(&b"hello, world"[..]));
        assert_eq!(body.prefix(5).as_ref(), b"hello");
        let copy = body.clone();
        let mut a = body.reader();
        let mut b = copy.reader();
        let mut x = [0u8; 3];
        let mut y = [0u8; 12];
        assert_eq!(a.read(&mut x).ok(), Some(3));
        assert_eq!(b.read(&mut y).ok(), Some(12));
        assert_eq!(a.read(&mut x).ok(), Some(3));
        assert_eq!(&x, b"lo,");
        assert_eq!(body, ResponseBody::from_vec(b"hello, world".to_vec()));
    }

    #[test]
    fn the_limit_counts_every_byte() {
        let mut sink = BodySink::with_spill_at(Some(10), 4);
        assert!(sink.push(b"0123456789").is_ok());
        let err = sink.push(b"x").err();
        assert_eq!(
            err.as_ref().and_then(TooLarge::from_io),
            Some(TooLarge { limit: 10 })
        );
        let mut copy = BodySink::new(Some(3));
        let err = std::io::copy(&mut &b"abcd"[..], &mut copy).err();
        assert!(err.as_ref().and_then(TooLarge::from_io).is_some());
    }

    #[test]
    fn sizes_parse_with_units_and_print_back() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("50MB"), Ok(50 << 20));
        assert_eq!(parse_size("1 GiB"), Ok(1 << 30));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("0"), Ok(0));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5TB").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
        assert_eq!(format_size(1 << 30), "1 GiB");
        assert_eq!(format_size(50 << 20), "50 MiB");
        assert_eq!(format_size(1000), "1000 B");
    }
}
