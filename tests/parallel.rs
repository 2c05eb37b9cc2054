//! `--parallel N`: iterations run N at a time over one client, and the report keeps iteration
//! order as if they had run one by one.

use crate::echo::Echo;
use crate::util::{postie, tempdir, write};
use serde_json::json;

fn setup(echo: &Echo) -> (tempfile::TempDir, String, String) {
    let dir = tempdir();
    let collection = json!({
        "info": {"name": "parallel"},
        "item": [{
            "name": "slow",
            "event": [{"listen": "test", "script": {"exec": [
                "pm.test('row ' + pm.iterationData.get('i'), function () {",
                "  pm.expect(pm.response.code).to.equal(200);",
                "});",
                "pm.environment.set('last', pm.iterationData.get('i'));"
            ]}}],
            "request": {"method": "GET", "url": format!("{}/delay/{{{{ms}}}}?i={{{{i}}}}", echo.url())}
        }]
    });
    // Later rows answer faster, so a parallel run finishes them first.
    let rows: Vec<_> = (0..6)
        .map(|i| json!({"i": i, "ms": 300 - i * 50}))
        .collect();
    let c = write(dir.path(), "c.json", &collection.to_string());
    let d = write(dir.path(), "d.json", &json!(rows).to_string());
    (dir, c, d)
}

#[test]
fn parallel_runs_iterations_concurrently_and_reports_in_order() {
    let echo = Echo::start();
    let (dir, c, d) = setup(&echo);
    let env = dir.path().join("env.json");
    let env_arg = env.to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "-d",
        &d,
        "--parallel",
        "3",
        "--export-environment",
        &env_arg,
    ]);
    out.check(out.code == 0, "run passes");
    // Report order is iteration order.
    let positions: Vec<usize> = (0..6)
        .map(|i| {
            out.stdout
                .find(&format!("✓  row {i}"))
                .unwrap_or(usize::MAX)
        })
        .collect();
    out.check(
        positions.windows(2).all(|w| w[0] < w[1]),
        "rows reported in order",
    );
    out.check(out.stdout.contains("Iteration 6/6"), "iteration headers");
    // The first three requests arrived together (the slowest answers in 300 ms).
    let requests = echo.requests();
    assert_eq!(requests.len(), 6);
    let first_wave = requests[2].at.duration_since(requests[0].at);
    assert!(
        first_wave.as_millis() < 150,
        "not concurrent: {first_wave:?}"
    );
    // Exported variables are those the last iteration left.
    let doc = crate::util::read_json(&env);
    assert_eq!(crate::util::env_value(&doc, "last"), Some(json!(5)));
}

#[test]
fn parallel_one_is_sequential() {
    let echo = Echo::start();
    let (_dir, c, d) = setup(&echo);
    let out = postie(&["run", &c, "-d", &d, "-n", "2", "--parallel", "1"]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].at.duration_since(requests[0].at).as_millis() >= 250);
}
