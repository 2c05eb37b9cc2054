//! `hawk`: the Hawk 1 request MAC over `hawk.1.header` normalized strings (timestamp, nonce,
//! method, resource, host, port, payload hash, ext, and app/dlg when given), HMAC-SHA256 or
//! HMAC-SHA1, with an optional `hawk.1.payload` hash of the body (`includePayloadHash`).

use super::util::{Hash, UrlParts, b64, random_alnum, unix_now};
use super::{AuthResult, Params, SignInput};

/// Sign with `authId`, `authKey`, `algorithm`, `nonce`, `timestamp`, `extraData`, `app`,
/// `delegation` and `includePayloadHash` (`user` only names the credentials holder).
pub(super) fn sign(p: &Params<'_>, input: &SignInput<'_>) -> AuthResult {
    if p.get("authId").is_empty() || p.get("authKey").is_empty() {
        // Nothing to sign with: Newman sends the request as it is.
        return AuthResult::default();
    }
    let hash = match p.or("algorithm", "sha256").to_ascii_lowercase().as_str() {
        "sha256" => Hash::Sha256,
        "sha1" => Hash::Sha1,
        other => {
            return AuthResult::warn(format!(
                "hawk auth: unsupported algorithm \"{other}\"; the request was sent without it"
            ));
        }
    };
    let url = match UrlParts::parse(input.url) {
        Ok(url) => url,
        Err(e) => return AuthResult::warn(format!("hawk auth: {e}")),
    };
    let timestamp = p.or("timestamp", &unix_now().to_string());
    let nonce = p.get("nonce");
    let nonce = if nonce.is_empty() {
        random_alnum(6)
    } else {
        nonce
    };
    // Newman hashes no payload for a missing or empty body, nor for form-data.
    let multipart = input
        .body_type
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/"));
    let has_payload = input.body.is_some_and(|b| !b.is_empty()) && !multipart;
    let payload_hash = (p.flag("includePayloadHash") && has_payload).then(|| {
        let content_type = input
            .header("content-type")
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        payload_hash(hash, &content_type, input.body.unwrap_or_default())
    });
    let request = Request {
        id: p.get("authId"),
        timestamp,
        nonce,
        method: input.method.to_ascii_uppercase(),
        resource: url.resource(),
        host: url.host.clone(),
        port: url.port,
        hash: payload_hash,
        ext: p.get("extraData"),
        app: p.get("app"),
        dlg: p.get("delegation"),
    };
    AuthResult::header("Authorization", request.header(hash, &p.get("authKey")))
}

/// The inputs of one Hawk MAC.
struct Request {
    id: String,
    timestamp: String,
    nonce: String,
    method: String,
    resource: String,
    host: String,
    port: u16,
    hash: Option<String>,
    ext: String,
    app: String,
    dlg: String,
}

impl Request {
    /// The `hawk.1.header` normalized string.
    fn normalized(&self) -> String {
        let ext = self.ext.replace('\\', "\\\\").replace('\n', "\\n");
        let mut text = format!(
            "hawk.1.header\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{ext}\n",
            self.timestamp,
            self.nonce,
            self.method,
            self.resource,
            self.host,
            self.port,
            self.hash.as_deref().unwrap_or("")
        );
        if !self.app.is_empty() {
            text.push_str(&format!("{}\n{}\n", self.app, self.dlg));
        }
        text
    }

    /// The `Authorization` header value.
    fn header(&self, hash: Hash, key: &str) -> String {
        let mac = b64(&hash.hmac(key.as_bytes(), self.normalized().as_bytes()));
        let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let mut header = format!(
            "Hawk id=\"{}\", ts=\"{}\", nonce=\"{}\"",
            quote(&self.id),
            self.timestamp,
            quote(&self.nonce)
        );
        if let Some(h) = &self.hash {
            header.push_str(&format!(", hash=\"{h}\""));
        }
        if !self.ext.is_empty() {
            header.push_str(&format!(", ext=\"{}\"", quote(&self.ext)));
        }
        header.push_str(&format!(", mac=\"{mac}\""));
        if !self.app.is_empty() {
            header.push_str(&format!(", app=\"{}\"", quote(&self.app)));
            if !self.dlg.is_empty() {
                header.push_str(&format!(", dlg=\"{}\"", quote(&self.dlg)));
            }
        }
        header
    }
}

/// The `hawk.1.payload` hash of `body` with its lower-case MIME type.
fn payload_hash(hash: Hash, content_type: &str, body: &[u8]) -> String {
    let mut text = format!("hawk.1.payload\n{content_type}\n").into_bytes();
    text.extend_from_slice(body);
    text.push(b'\n');
    b64(&hash.digest(&text))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{apply, auth, header_of};
    use super::*;

    const KEY: &str = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";

    fn spec_auth(extra: &[(&str, &str)]) -> crate::collection::Auth {
        let mut params = vec![
            ("authId", "dh37fgj492je"),
            ("authKey", KEY),
            ("algorithm", "sha256"),
            ("timestamp", "1353832234"),
            ("nonce", "j4h3g2"),
            ("extraData", "some-app-ext-data"),
        ];
        params.extend_from_slice(extra);
        auth("hawk", &params)
    }

    #[test]
    fn hawk_spec_example_get() {
        let input = SignInput {
            method: "GET",
            url: "http://example.com:8000/resource/1?b=1&a=2",
            headers: &[],
            body: None,
            body_type: None,
        };
        let h = header_of(&apply(&spec_auth(&[]), &input), "authorization").unwrap();
        assert_eq!(
            h,
            "Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", ext=\"some-app-ext-data\", mac=\"6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=\""
        );
    }

    #[test]
    fn hawk_spec_example_payload() {
        let headers = [("Content-Type".to_string(), "text/plain".to_string())];
        let input = SignInput {
            method: "POST",
            url: "http://example.com:8000/resource/1?b=1&a=2",
            headers: &headers,
            body: Some(b"Thank you for flying Hawk"),
            body_type: None,
        };
        let a = spec_auth(&[("includePayloadHash", "true")]);
        let h = header_of(&apply(&a, &input), "authorization").unwrap();
        assert!(h.contains("hash=\"Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=\""));
        assert!(h.contains("mac=\"aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw=\""));
    }

    #[test]
    fn hawk_app_and_delegation_are_signed() {
        let input = SignInput {
            method: "GET",
            url: "https://h/x",
            headers: &[],
            body: None,
            body_type: None,
        };
        let a = spec_auth(&[("app", "a1"), ("delegation", "d1")]);
        let h = header_of(&apply(&a, &input), "authorization").unwrap();
        assert!(h.ends_with(", app=\"a1\", dlg=\"d1\""));
        assert_ne!(
            h,
            header_of(&apply(&spec_auth(&[]), &input), "authorization").unwrap()
        );
    }
}
