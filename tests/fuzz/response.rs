//! The raw HTTP/1.1 response reader (`http::raw::response`): well-formed responses of every
//! framing (Content-Length, chunked with extensions and trailers, read to close, no body),
//! after informational heads, the same responses mutated, and arbitrary bytes, each read from a
//! stream that hands its bytes out in random pieces, with and without a body size limit; and the
//! body sink behind it (memory, then a temporary file) with `--max-response-size` values.
//! Properties: no panic; the pieces do not matter (one read or many, same result); a
//! well-formed response gives back its status, reason, headers and body; a body is refused
//! exactly when it passes the limit; sizes read back as they are written.

use std::pin::Pin;
use std::task::{Context, Poll};

use postie::http::HttpError;
use postie::http::raw::response::{RawResponse, ResponseReader};
use postie::http::response_body::{BodySink, TooLarge, format_size, parse_size};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use tokio::io::{AsyncRead, ReadBuf};

use super::config::check;

/// A stream handing out `bytes` in pieces of the given sizes (then the rest at once).
struct Pieces {
    bytes: Vec<u8>,
    at: usize,
    sizes: Vec<usize>,
}

impl AsyncRead for Pieces {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let size = if self.sizes.is_empty() {
            usize::MAX
        } else {
            self.sizes.remove(0)
        };
        let end = self.bytes.len().min(self.at.saturating_add(size.max(1)));
        let end = end.min(self.at + buf.remaining());
        let at = self.at;
        buf.put_slice(&self.bytes[at..end]);
        self.at = end;
        Poll::Ready(Ok(()))
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"))
}

/// Read one response to `method` from `bytes`, in one piece and in `sizes` pieces; both reads
/// must agree.
fn read(
    rt: &tokio::runtime::Runtime,
    bytes: &[u8],
    sizes: &[usize],
    method: &str,
    limit: Option<u64>,
) -> Result<Result<RawResponse, HttpError>, TestCaseError> {
    let whole = rt.block_on(
        ResponseReader::new(bytes)
            .with_limit(limit)
            .read_response(method),
    );
    let pieces = Pieces {
        bytes: bytes.to_vec(),
        at: 0,
        sizes: sizes.to_vec(),
    };
    let split = rt.block_on(
        ResponseReader::new(pieces)
            .with_limit(limit)
            .read_response(method),
    );
    match (&whole, &split) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(a), Err(b)) => prop_assert_eq!(&a.message, &b.message),
        _ => prop_assert!(
            false,
            "one read and pieces disagree: {:?} / {:?}",
            whole,
            split
        ),
    }
    Ok(whole)
}

/// How a generated response frames its body.
#[derive(Debug, Clone)]
enum Framing {
    Length,
    /// Chunk sizes (the body is cut there), with extensions and trailer fields.
    Chunked(Vec<usize>, bool, Vec<(String, String)>),
    UntilClose,
}

/// A response as a server sends it, with what reading it should give.
#[derive(Debug, Clone)]
struct Sent {
    informational: Vec<u16>,
    status: u16,
    reason: String,
    headers: Vec<(String, String)>,
    framing: Framing,
    body: Vec<u8>,
    method: &'static str,
    bare_lf: bool,
}

impl Sent {
    fn bytes(&self) -> Vec<u8> {
        let eol = if self.bare_lf { "\n" } else { "\r\n" };
        let mut out = Vec::new();
        for code in &self.informational {
            out.extend(format!("HTTP/1.1 {code} Info{eol}X-Info: 1{eol}{eol}").bytes());
        }
        out.extend(format!("HTTP/1.1 {} {}{eol}", self.status, self.reason).bytes());
        for (k, v) in self.all_headers() {
            out.extend(format!("{k}: {v}{eol}").bytes());
        }
        out.extend(eol.bytes());
        match &self.framing {
            Framing::Length | Framing::UntilClose => out.extend(&self.body),
            Framing::Chunked(sizes, extensions, trailers) => {
                let mut rest = &self.body[..];
                for size in sizes.iter().chain(std::iter::once(&usize::MAX)) {
                    let take = (*size).min(rest.len());
                    if take == 0 {
                        continue;
                    }
                    let ext = if *extensions { ";a=b" } else { "" };
                    out.extend(format!("{take:x}{ext}{eol}").bytes());
                    out.extend(&rest[..take]);
                    out.extend(eol.bytes());
                    rest = &rest[take..];
                }
                out.extend(format!("0{eol}").bytes());
                for (k, v) in trailers {
                    out.extend(format!("{k}: {v}{eol}").bytes());
                }
                out.extend(eol.bytes());
            }
        }
        out
    }

    fn all_headers(&self) -> Vec<(String, String)> {
        let mut headers = self.headers.clone();
        match &self.framing {
            Framing::Length => headers.push(("Content-Length".into(), self.body.len().to_string())),
            Framing::Chunked(..) => headers.push(("Transfer-Encoding".into(), "chunked".into())),
            Framing::UntilClose => {}
        }
        headers
    }

    /// The body a reader should give.
    fn expected_body(&self) -> &[u8] {
        if self.method == "HEAD" || matches!(self.status, 204 | 304) {
            &[]
        } else {
            &self.body
        }
    }
}

fn sent() -> BoxedStrategy<Sent> {
    let name = "[A-Za-z][A-Za-z0-9-]{0,10}".prop_filter("not a framing header", |n| {
        !n.eq_ignore_ascii_case("content-length") && !n.eq_ignore_ascii_case("transfer-encoding")
    });
    let framing = prop_oneof![
        Just(Framing::Length),
        (
            vec(1usize..40, 0..5),
            any::<bool>(),
            vec(("X-T[a-z]{0,4}", "[ -~]{0,8}"), 0..2)
        )
            .prop_map(|(s, e, t)| Framing::Chunked(s, e, t)),
        Just(Framing::UntilClose),
    ];
    (
        vec(select(&[100u16, 102, 103][..]), 0..3),
        200u16..600,
        "[A-Za-z ]{0,12}",
        vec((name, "[!-~]([ -~]{0,16}[!-~])?"), 0..6),
        framing,
        vec(any::<u8>(), 0..200),
        select(&["GET", "HEAD", "POST"][..]),
        any::<bool>(),
    )
        .prop_map(
            |(informational, status, reason, headers, framing, body, method, bare_lf)| Sent {
                informational,
                status,
                reason,
                headers,
                framing,
                body,
                method,
                bare_lf,
            },
        )
        .boxed()
}

/// Well-formed responses give back what was sent.
#[test]
fn fuzz_raw_response_well_formed() {
    let rt = runtime();
    check(
        "raw response (well formed)",
        (sent(), vec(0usize..64, 0..40)),
        |(sent, sizes)| {
            let bytes = sent.bytes();
            let whole = read(&rt, &bytes, &sizes, sent.method, None)?;
            let response = whole.map_err(|e| {
                TestCaseError::fail(format!(
                    "{e:?} reading {:?}",
                    String::from_utf8_lossy(&bytes)
                ))
            })?;
            prop_assert_eq!(response.head.status, sent.status);
            prop_assert_eq!(&response.head.reason, &sent.reason);
            let headers: Vec<(String, Vec<u8>)> = sent
                .all_headers()
                .into_iter()
                .map(|(k, v)| (k, v.into_bytes()))
                .collect();
            prop_assert_eq!(&response.head.headers, &headers);
            let body = response
                .body
                .bytes()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&body[..], sent.expected_body());
            // With a limit: refused exactly when the body is longer.
            let limit = sizes.first().map_or(0, |&n| n as u64 * 4);
            let limited = read(&rt, &bytes, &sizes, sent.method, Some(limit))?;
            let too_long = sent.expected_body().len() as u64 > limit;
            prop_assert_eq!(limited.is_err(), too_long, "{:?}", limited.err());
            Ok(())
        },
    );
}

/// A byte edit: replace, insert or remove at a place, or cut the stream there.
#[derive(Debug, Clone)]
enum ByteEdit {
    Set(proptest::sample::Index, u8),
    Insert(proptest::sample::Index, Vec<u8>),
    Remove(proptest::sample::Index),
    Cut(proptest::sample::Index),
}

fn byte_edit() -> BoxedStrategy<ByteEdit> {
    const BITS: &[&[u8]] = &[
        b"\r\n",
        b"\n",
        b"\r",
        b":",
        b" ",
        b"0",
        b"ffffffffffffffff",
        b"-1",
        b";",
        b",",
        b"Content-Length: 5\r\n",
        b"Transfer-Encoding: chunked\r\n",
        b"HTTP/1.1 100 C\r\n\r\n",
        b"\0",
        b"\xff",
    ];
    let bits = select(BITS).prop_map(<[u8]>::to_vec);
    prop_oneof![
        (any::<proptest::sample::Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<proptest::sample::Index>(), bits).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        any::<proptest::sample::Index>().prop_map(ByteEdit::Remove),
        any::<proptest::sample::Index>().prop_map(ByteEdit::Cut),
    ]
    .boxed()
}

/// Well-formed responses with their bytes edited, and arbitrary bytes: never a panic.
#[test]
fn fuzz_raw_response_mutated() {
    let rt = runtime();
    let input = prop_oneof![
        4 => (sent(), vec(byte_edit(), 1..4)).prop_map(|(sent, edits)| {
            let mut bytes = sent.bytes();
            for edit in edits {
                let len = bytes.len();
                match edit {
                    ByteEdit::Set(i, b) if len > 0 => bytes[i.index(len)] = b,
                    ByteEdit::Insert(i, b) => {
                        let at = i.index(len + 1);
                        bytes.splice(at..at, b);
                    }
                    ByteEdit::Remove(i) if len > 0 => {
                        bytes.remove(i.index(len));
                    }
                    ByteEdit::Cut(i) => bytes.truncate(i.index(len + 1)),
                    _ => {}
                }
            }
            (bytes, sent.method)
        }),
        1 => (vec(any::<u8>(), 0..300), select(&["GET", "HEAD"][..])),
    ];
    let limit = proptest::option::of(0u64..300);
    check(
        "raw response (mutated)",
        (input, vec(0usize..64, 0..40), limit),
        |((bytes, method), sizes, limit)| read(&rt, &bytes, &sizes, method, limit).map(|_| ()),
    );
}

/// The body sink: pieces in, the same bytes out (in memory or spilled to a file), refused past
/// the limit; sizes as `--max-response-size` reads and messages write them.
#[test]
fn fuzz_response_body_sink() {
    let pieces = vec(vec(any::<u8>(), 0..64), 0..8);
    let limit = proptest::option::of(0u64..400);
    let size = prop_oneof![
        "[0-9]{0,22} ?[kKmMgGbBi]{0,3}",
        "\\PC{0,8}",
        (0u64..1 << 34).prop_map(format_size),
    ];
    check(
        "response body sink",
        (pieces, 0usize..200, limit, size),
        |(pieces, spill_at, limit, size)| {
            let mut sink = BodySink::with_spill_at(limit, spill_at);
            let mut kept = Vec::new();
            let mut refused = None;
            for piece in &pieces {
                match sink.push(piece) {
                    Ok(()) => kept.extend_from_slice(piece),
                    Err(e) => {
                        refused = Some(TooLarge::from_io(&e));
                        break;
                    }
                }
            }
            let total: usize = pieces.iter().map(Vec::len).sum();
            match refused {
                Some(too_large) => {
                    prop_assert!(limit.is_some_and(|l| total as u64 > l));
                    prop_assert_eq!(too_large, limit.map(|limit| TooLarge { limit }));
                }
                None => {
                    prop_assert!(limit.is_none_or(|l| total as u64 <= l));
                    let body = sink
                        .finish()
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(body.len(), total as u64);
                    let bytes = body
                        .bytes()
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(&bytes[..], &kept[..]);
                    prop_assert_eq!(body.is_spilled(), total > spill_at);
                }
            }
            if let Ok(n) = parse_size(&size) {
                prop_assert_eq!(parse_size(&format_size(n)), Ok(n), "{:?}", size);
            }
            Ok(())
        },
    );
}
