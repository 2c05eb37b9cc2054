//! Request failures are results: the run goes on and exits 1.

use crate::util::{postie, tempdir, write};
use postie::mock::{PartnerApiConfig, spawn};

#[test]
fn requests_connection_refused_is_reported_and_run_continues() {
    let server = spawn(PartnerApiConfig::default(), 0).unwrap_or_else(|e| panic!("{e}"));
    // Bind then drop a listener to get a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9);
    let collection = serde_json::json!({
        "info": {"name": "refused", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [
            {"name": "down", "request": {"method": "GET", "url": format!("http://127.0.0.1:{port}/x")}},
            {"name": "up", "request": {"method": "GET", "url": format!("{}/api/v8/auth?login=a&password=b", server.url())}}
        ]
    });
    let dir = tempdir();
    let path = write(dir.path(), "c.json", &collection.to_string());
    let out = postie(&["run", &path]);
    out.check(out.code == 1, "a request error fails the run");
    out.check(
        out.stdout
            .contains(&format!("connect ECONNREFUSED 127.0.0.1:{port}")),
        "error text",
    );
    out.check(out.stdout.contains("[errored]"), "errored marker");
    out.check(
        out.stdout.contains("[401 Unauthorized"),
        "the next request still ran",
    );
    assert_eq!(server.requests().len(), 1);
}
