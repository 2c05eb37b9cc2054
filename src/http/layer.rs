//! Layers around the sender, in the shape of xh's middleware: a [`Layer`] gets a request and the
//! rest of the chain ([`Next`]); it may send the request, look at what came back and send again.
//!
//! Two chains are built from them: per item, the auth handshakes ([`super::challenge`]: digest's
//! challenge, NTLM's negotiate/authenticate) around [`ClientSender`], the run's client; inside the
//! client, the redirect loop ([`super::redirect::Redirects`]) around one hop on the wire.

use super::client::HttpClient;
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::redirect::SendOptions;
use super::timings::HopMarks;
use futures_util::future::LocalBoxFuture;

/// What came of sending a request through (part of) a chain.
#[derive(Debug)]
pub struct Exchange {
    /// The last request sent: a replay or a redirect hop differs from the one handed in, and a
    /// hop lists the `Cookie` and `Content-Length` it went out with.
    pub request: HttpRequest,
    /// Its response, or why there is none.
    pub result: Result<HttpResponse, HttpError>,
    /// The moments of the last hop on the wire, for the layer that times the whole exchange
    /// (`None` once they are folded into the response's timings).
    pub hop: Option<HopMarks>,
}

/// One layer: do something around sending `request` through `next`.
pub trait Layer {
    /// Handle `request`, sending it (and any follow-up) through `next`.
    fn handle<'a>(&'a self, request: HttpRequest, next: Next<'a>) -> LocalBoxFuture<'a, Exchange>;
}

/// What ends a chain: sends a request.
pub trait Sender {
    /// Send `request`.
    fn send<'a>(&'a self, request: HttpRequest) -> LocalBoxFuture<'a, Exchange>;
}

/// The rest of a chain: the layers still to pass, then the sender.
#[derive(Clone, Copy)]
pub struct Next<'a> {
    layers: &'a [&'a dyn Layer],
    sender: &'a dyn Sender,
}

impl<'a> Next<'a> {
    /// A chain of `layers` (outermost first) ending in `sender`.
    pub fn new(layers: &'a [&'a dyn Layer], sender: &'a dyn Sender) -> Self {
        Next { layers, sender }
    }

    /// Send `request` through the rest of the chain.
    pub fn run(self, request: HttpRequest) -> LocalBoxFuture<'a, Exchange> {
        match self.layers.split_first() {
            Some((layer, rest)) => layer.handle(
                request,
                Next {
                    layers: rest,
                    sender: self.sender,
                },
            ),
            None => self.sender.send(request),
        }
    }

    /// The same layers ending in another sender (NTLM's connection of its own).
    pub fn through<'b>(self, sender: &'b dyn Sender) -> Next<'b>
    where
        'a: 'b,
    {
        Next {
            layers: self.layers,
            sender,
        }
    }
}

/// The run's client as the end of a chain: each request is sent with redirects followed as
/// `options` say.
pub struct ClientSender<'a> {
    /// The client.
    pub client: &'a HttpClient,
    /// How to send.
    pub options: &'a SendOptions,
}

impl Sender for ClientSender<'_> {
    fn send<'a>(&'a self, request: HttpRequest) -> LocalBoxFuture<'a, Exchange> {
        Box::pin(async move {
            let result = self.client.send(&request, self.options).await;
            Exchange {
                request,
                result,
                hop: None,
            }
        })
    }
}
