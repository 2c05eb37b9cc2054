//! Auth handshakes as [`Layer`]s: digest answers the server's challenge once (as Postman does);
//! NTLM negotiates, then authenticates, over a connection of its own.

use super::auth::{AuthEffect, SignInput, digest_replay, ntlm_replay};
use super::client::HttpClient;
use super::layer::{ClientSender, Exchange, Layer, Next};
use super::message::{HttpRequest, HttpResponse};
use super::prepare::apply_effects;
use super::redirect::SendOptions;
use crate::collection::Auth;
use futures_util::future::LocalBoxFuture;

/// The layers `auth` (resolved) needs around the sender: one for digest and NTLM, none for the
/// other types.
pub fn auth_layers<'a>(
    auth: Option<&'a Auth>,
    client: &'a HttpClient,
    options: &'a SendOptions,
) -> Option<Box<dyn Layer + 'a>> {
    let auth = auth?;
    match auth.kind.as_str() {
        "digest" => Some(Box::new(Digest { auth })),
        "ntlm" => Some(Box::new(Ntlm {
            auth,
            client,
            options,
        })),
        _ => None,
    }
}

/// Digest auth: a 401/403 digest challenge is answered once, with the request signed with the
/// challenge's realm and nonce.
pub struct Digest<'a> {
    /// The resolved auth block.
    pub auth: &'a Auth,
}

impl Layer for Digest<'_> {
    fn handle<'a>(&'a self, request: HttpRequest, next: Next<'a>) -> LocalBoxFuture<'a, Exchange> {
        Box::pin(async move {
            let exchange = next.run(request).await;
            let replay = match &exchange.result {
                Ok(response) => digest_challenge_replay(self.auth, &exchange.request, response),
                Err(_) => None,
            };
            match replay {
                Some(replay) => next.run(replay).await,
                None => exchange,
            }
        })
    }
}

/// NTLM auth: the first request goes out unsigned; each challenge is answered with the next
/// message of the handshake, sent over one connection of its own until the server stops asking.
pub struct Ntlm<'a> {
    /// The resolved auth block.
    pub auth: &'a Auth,
    /// The run's client, whose single-connection sibling carries the handshake.
    pub client: &'a HttpClient,
    /// How to send.
    pub options: &'a SendOptions,
}

impl Layer for Ntlm<'_> {
    fn handle<'a>(&'a self, request: HttpRequest, next: Next<'a>) -> LocalBoxFuture<'a, Exchange> {
        Box::pin(async move {
            let mut exchange = next.run(request).await;
            let mut own: Option<HttpClient> = None;
            loop {
                let replay = match &exchange.result {
                    Ok(response) => ntlm_challenge_replay(self.auth, &exchange.request, response),
                    Err(_) => None,
                };
                let Some(replay) = replay else {
                    return exchange;
                };
                let client = own.get_or_insert_with(|| self.client.single_connection());
                let sender = ClientSender {
                    client,
                    options: self.options,
                };
                exchange = next.through(&sender).run(replay).await;
            }
        })
    }
}

/// Digest auth's second step: when `response` to `request` is a digest challenge, the request to
/// replay (same request, `Authorization` signed with the challenge's realm and nonce).
pub fn digest_challenge_replay(
    auth: &Auth,
    request: &HttpRequest,
    response: &HttpResponse,
) -> Option<HttpRequest> {
    let input = SignInput {
        method: &request.method,
        url: &request.url,
        headers: &request.headers,
        body: request.body.as_deref(),
        body_type: None,
    };
    let result = digest_replay(auth, &input, response.status, &response.headers)?;
    Some(with_effects(request, result.effects))
}

/// NTLM auth's handshake: when `response` to `request` is an NTLM challenge, the request to send
/// next (same request, `Authorization: NTLM` with the negotiate or authenticate message). The
/// step follows from the `Authorization` header of `request`, so calling this until it answers
/// `None` runs the whole handshake. The caller must send the replays over one connection.
pub fn ntlm_challenge_replay(
    auth: &Auth,
    request: &HttpRequest,
    response: &HttpResponse,
) -> Option<HttpRequest> {
    let result = ntlm_replay(auth, &request.headers, response.status, &response.headers)?;
    Some(with_effects(request, result.effects))
}

/// `request` again, with a signer's effects applied (the replay of a challenge).
fn with_effects(request: &HttpRequest, effects: Vec<AuthEffect>) -> HttpRequest {
    let mut replay = request.clone();
    apply_effects(
        effects,
        &mut replay.url,
        &mut replay.headers,
        &mut replay.body,
    );
    replay
}
