//! Proxies for the raw sender: the same choice the normal path makes (reqwest reads
//! `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`, upper or lower case, through
//! `hyper-util`'s matcher; postie uses that matcher too, so both paths agree). An `http://` proxy
//! is supported: plain requests go to it with the absolute URL as target, `https` ones through a
//! `CONNECT` tunnel. Other proxy kinds (`https://`, SOCKS) are a request error naming
//! `disableUrlEncoding` rather than a silent direct connection.

use super::error::parse_error;
use super::response::ResponseReader;
use crate::http::HttpError;
use crate::http::HttpErrorKind;
use hyper_util::client::proxy::matcher::Matcher;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

/// The proxy a request goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The proxy's host (IPv6 without brackets).
    pub host: String,
    /// The proxy's port.
    pub port: u16,
    /// `Proxy-Authorization` from the proxy URL's credentials.
    pub authorization: Option<String>,
}

/// The proxy `matcher` picks for `url`, if any; an error for proxies the raw sender cannot use.
pub fn route(matcher: &Matcher, url: &url::Url) -> Result<Option<Route>, HttpError> {
    let Some(host) = url.host_str() else {
        return Ok(None);
    };
    let port = url.port_or_known_default().unwrap_or(80);
    // Only scheme and authority matter to the matcher; its URI type cannot hold a raw target.
    let Ok(destination) = format!("{}://{host}:{port}/", url.scheme()).parse() else {
        return Ok(None);
    };
    let Some(intercept) = matcher.intercept(&destination) else {
        return Ok(None);
    };
    let proxy = intercept.uri();
    if proxy.scheme_str() != Some("http") {
        return Err(HttpError::new(
            HttpErrorKind::Other,
            format!(
                "protocolProfileBehavior.disableUrlEncoding: cannot send through the proxy {proxy} \
             (only http:// proxies are supported for requests sent without URL encoding)"
            ),
        ));
    }
    let proxy_host = proxy.host().unwrap_or_default();
    Ok(Some(Route {
        host: proxy_host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port: proxy.port_u16().unwrap_or(80),
        authorization: intercept
            .basic_auth()
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
    }))
}

/// Open a tunnel to `authority` (`host:port`) through the proxy connection `stream`.
pub async fn tunnel<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    authority: &str,
    route: &Route,
) -> Result<S, HttpError> {
    let mut head = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(authorization) = &route.authorization {
        head.push_str(&format!("Proxy-Authorization: {authorization}\r\n"));
    }
    head.push_str("\r\n");
    let io = |e: std::io::Error| super::error::from_io(&e, &route.host, route.port);
    stream.write_all(head.as_bytes()).await.map_err(io)?;
    stream.flush().await.map_err(io)?;
    let mut reader = ResponseReader::new(stream);
    let answer = reader.read_final_head().await?;
    if !(200..300).contains(&answer.status) {
        return Err(HttpError::new(
            HttpErrorKind::Other,
            format!(
                "tunneling socket could not be established, statusCode={}",
                answer.status
            ),
        ));
    }
    if !reader.buffered().is_empty() {
        return Err(parse_error(
            "the proxy sent data before the tunnel was used",
        ));
    }
    Ok(reader.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(http: &str, no: &str) -> Matcher {
        Matcher::builder().http(http).https(http).no(no).build()
    }

    fn url(text: &str) -> url::Url {
        url::Url::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn proxy_route_follows_the_matcher() {
        let m = matcher("http://user:pw@127.0.0.1:3128", "skip.example");
        let route = route(&m, &url("http://target.example/a<b"));
        assert_eq!(
            route,
            Ok(Some(Route {
                host: "127.0.0.1".into(),
                port: 3128,
                authorization: Some("Basic dXNlcjpwdw==".into()),
            }))
        );
        assert_eq!(super::route(&m, &url("https://skip.example/")), Ok(None));
        assert_eq!(
            super::route(&Matcher::builder().build(), &url("http://a/")),
            Ok(None)
        );
    }

    #[test]
    fn proxy_of_another_kind_is_a_clear_error() {
        let m = matcher("socks5://127.0.0.1:1080", "");
        let error = route(&m, &url("http://target.example/")).err();
        assert!(
            error.is_some_and(|e| e.message.contains("disableUrlEncoding")
                && e.message.contains("socks5://127.0.0.1:1080")),
        );
    }

    #[tokio::test]
    async fn proxy_tunnel_sends_connect_and_needs_2xx() {
        let route = Route {
            host: "p".into(),
            port: 1,
            authorization: Some("Basic eA==".into()),
        };
        let (client, mut server) = tokio::io::duplex(4096);
        let answer = tokio::spawn(async move {
            use tokio::io::AsyncReadExt;
            let mut seen = vec![0u8; 1024];
            let n = server.read(&mut seen).await.unwrap_or(0);
            let _ = server
                .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
                .await;
            String::from_utf8_lossy(&seen[..n]).into_owned()
        });
        let result = tunnel(client, "h:443", &route).await;
        assert_eq!(
            result.err().map(|e| e.message).as_deref(),
            Some("tunneling socket could not be established, statusCode=407")
        );
        let seen = answer.await.unwrap_or_default();
        assert_eq!(
            seen,
            "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\nProxy-Authorization: Basic eA==\r\n\r\n"
        );
    }
}
