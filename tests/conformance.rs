//! Newman conformance: `../shared/conformance/compare.sh` runs this build of postie on every case
//! of the shared kit (collections from Newman's own suite, with Newman 6's recorded results) and
//! every case must match. Needs python3 and curl; the kit lives next to the repository (or where
//! `POSTIE_CONFORMANCE_DIR` says). When the kit is absent the test says so and passes, unless
//! `POSTIE_REQUIRE_CONFORMANCE=1` (which `.ci/run` sets whenever the kit is there) makes it fail.

use std::path::Path;
use std::process::Command;

#[test]
fn conformance_every_case_matches_newman() {
    let kit = match std::env::var_os("POSTIE_CONFORMANCE_DIR") {
        Some(dir) => Path::new(&dir).to_path_buf(),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"),
    };
    let script = kit.join("compare.sh");
    if !script.is_file() {
        assert!(
            std::env::var_os("POSTIE_REQUIRE_CONFORMANCE").is_none(),
            "conformance kit missing at {}",
            kit.display()
        );
        eprintln!("conformance kit not found at {}: skipped", kit.display());
        return;
    }
    let out_root = crate::util::tempdir();
    let output = Command::new("bash")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_postie"))
        .env("PORT", free_port_block().to_string())
        .env("OUT_ROOT", out_root.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run compare.sh: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "conformance mismatches:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}

/// The first of four consecutive free ports on 127.0.0.1 (the kit's echo server listens on PORT to
/// PORT+3), so runs at the same time on one machine never share, or stop, each other's servers.
fn free_port_block() -> u16 {
    for _ in 0..50 {
        let Ok(first) = std::net::TcpListener::bind(("127.0.0.1", 0)) else {
            continue;
        };
        let Ok(port) = first.local_addr().map(|a| a.port()) else {
            continue;
        };
        if port > u16::MAX - 3 {
            continue;
        }
        let rest: Vec<_> = (1..4)
            .map_while(|i| std::net::TcpListener::bind(("127.0.0.1", port + i)).ok())
            .collect();
        if rest.len() == 3 {
            return port;
        }
    }
    18880
}
