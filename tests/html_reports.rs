//! `-r htmlextra` with its options and the HTML reporters' user templates, against the echo
//! server in test mode (`tests/html/`: a collection with two folders, a failing request, a
//! skipped test, console output, secrets in a header and a body, an environment and globals).
//! Each option is checked by what it changes in the page; the pages are then opened in headless
//! Chromium by `scripts/check-html-report.sh` (skipped only outside CI when no Chromium is
//! installed; in CI the script installs it).

use crate::echo::Echo;
use crate::util::{Output, tempdir};
use std::path::{Path, PathBuf};
use std::process::Command;

const COLLECTION: &str = "tests/html/report.postman_collection.json";
const ENVIRONMENT: &str = "tests/html/report.postman_environment.json";
const GLOBALS: &str = "tests/html/report.postman_globals.json";
const TEMPLATE: &str = "tests/html/every-field.hbs";
const PASSWORD: &str = "pw-Secret-4711";
const API_KEY: &str = "key-Secret-0815";

/// Run the fixture collection (two iterations) against `echo` with `args` added, in test mode.
fn run(echo: &Echo, args: &[&str]) -> Output {
    let base = format!("base={}", echo.url());
    let password = format!("password={PASSWORD}");
    let apikey = format!("apikey={API_KEY}");
    let mut all = vec![
        "run",
        COLLECTION,
        "-e",
        ENVIRONMENT,
        "-g",
        GLOBALS,
        "-n",
        "2",
        "--env-var",
        &base,
        "--env-var",
        &password,
        "--env-var",
        &apikey,
    ];
    all.extend_from_slice(args);
    crate::util::postie_with_env(&all, &[("POSTIE_TEST_MODE", "1")])
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Run with `-r htmlextra` and `options`; the page written (checked free of secrets).
fn htmlextra(echo: &Echo, dir: &Path, file: &str, options: &[&str]) -> (String, PathBuf) {
    let path = dir.join(file);
    let export = path.to_string_lossy().into_owned();
    let mut args = vec!["-r", "htmlextra", "--reporter-htmlextra-export", &export];
    args.extend_from_slice(options);
    let out = run(echo, &args);
    out.check(out.code == 1, "the fixture has a failing request: exit 1");
    out.check(!out.stderr.contains("warning"), "no warnings");
    let page = read(&path);
    for secret in [PASSWORD, API_KEY] {
        assert!(!page.contains(secret), "{file}: a secret leaked");
    }
    (page, path)
}

/// The request card of `name` in `iteration` (its `<article>` element), if listed.
fn card<'a>(page: &'a str, name: &str, iteration: usize) -> Option<&'a str> {
    let heading = format!("{name} <small>iteration {iteration} ");
    page.split("<article ")
        .skip(1)
        .map(|c| c.split("</article>").next().unwrap_or(c))
        .find(|c| c.contains(&heading))
}

/// The text of every element with `data-f="name"` in a template's page.
fn fields<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let marker = format!("data-f=\"{name}\">");
    page.split(&marker)
        .skip(1)
        .map(|rest| rest.split("</").next().unwrap_or(rest))
        .collect()
}

/// Open the pages in headless Chromium (`scripts/check-html-report.sh`): no console or script
/// errors, the page script ran to the end. Without a Chromium this is skipped outside CI; in
/// CI (`CI` set) the script runs and installs one, as it does when run by hand.
fn check_in_chromium(pages: &[&Path]) {
    let found = Command::new("sh")
        .args([
            "-c",
            "command -v chromium || command -v chromium-browser || command -v google-chrome",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_none() {
        eprintln!(
            "html_reports: no Chromium installed: the headless check is skipped outside CI \
             (scripts/check-html-report.sh installs Debian's chromium)"
        );
        return;
    }
    let out = Command::new("bash")
        .arg("scripts/check-html-report.sh")
        .args(pages)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run scripts/check-html-report.sh: {e}"));
    assert!(
        out.status.success(),
        "headless Chromium check failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn html_reports_htmlextra_options_change_the_page() {
    let echo = Echo::start();
    let dir = tempdir();

    // Defaults: the collection's name as title, light theme, JSON in colour, no console, every
    // request listed with its headers and bodies, times in UTC.
    let (plain, plain_path) = htmlextra(&echo, dir.path(), "plain.html", &[]);
    assert!(plain.contains("<title>HTML report fixture · postie run report</title>"));
    assert!(plain.contains("<h1 class=\"title\">HTML report fixture</h1>"));
    assert!(plain.contains("<html lang=\"en\" data-theme=\"light\">"));
    assert!(plain.contains("Run started 2026-01-01T00:00:00.000Z"));
    assert!(plain.contains("<span class=\"k\">"), "syntax colours");
    assert!(
        !plain.contains("created &lt;ann&gt;"),
        "console only with logs"
    );
    let create = card(&plain, "Accounts / Create account", 1).unwrap_or_default();
    assert!(create.contains("<tr><th>X-Trace</th><td>trace-abc</td></tr>"));
    assert!(create.contains("<tr><th>X-Api-Key</th><td>********</td></tr>"));
    assert!(create.contains("<summary>Request body</summary>"));
    assert!(create.contains("request-body-marker"));
    assert!(create.contains("see [TICKET-7](https://tracker.example/7)"));
    assert!(card(&plain, "Accounts / Secret call", 2).is_some());
    assert!(card(&plain, "Admin / Purge", 1).is_some());
    assert!(card(&plain, "Health", 2).is_some());
    assert!(
        plain.contains("<option value=\"2\">2</option>"),
        "iteration filter"
    );
    assert!(plain.contains("data-tab=\"skipped\">Skipped (2)</button>"));
    assert!(plain.contains("later: billing"));
    assert!(!plain.contains("variables-title"));

    // Title, theme, console, headers, bodies, requests, variables, links, colours, time zone.
    let (dressed, dressed_path) = htmlextra(
        &echo,
        dir.path(),
        "dressed.html",
        &[
            "--reporter-htmlextra-title",
            "Nightly <run>",
            "--reporter-htmlextra-browserTitle",
            "CI report",
            "--reporter-htmlextra-titleSize",
            "3",
            "--reporter-htmlextra-logs",
            "--reporter-htmlextra-darkTheme",
            "--reporter-htmlextra-skipHeaders",
            "x-trace,Accept",
            "--reporter-htmlextra-hideRequestBody",
            "create account",
            "--reporter-htmlextra-hideResponseBody",
            "Health",
            "--reporter-htmlextra-skipRequests",
            "Secret call",
            "--reporter-htmlextra-showEnvironmentData",
            "--reporter-htmlextra-skipEnvironmentVars",
            "host",
            "--reporter-htmlextra-showGlobalData",
            "--reporter-htmlextra-skipGlobalVars",
            "internal",
            "--reporter-htmlextra-showMarkdownLinks",
            "--reporter-htmlextra-noSyntaxHighlighting",
            "--reporter-htmlextra-timezone",
            "Asia/Kolkata",
        ],
    );
    assert!(dressed.contains("<title>CI report</title>"));
    assert!(dressed.contains("<h3 class=\"title\">Nightly &lt;run&gt;</h3>"));
    assert!(dressed.contains("<html lang=\"en\" data-theme=\"dark\">"));
    assert!(dressed.contains("Run started 2026-01-01 05:30:00+05:30 (Asia/Kolkata)"));
    assert!(
        dressed.contains("created &lt;ann&gt;"),
        "logs shows the console"
    );
    assert!(
        !dressed.contains("<span class=\"k\">"),
        "noSyntaxHighlighting"
    );
    let create = card(&dressed, "Accounts / Create account", 2).unwrap_or_default();
    assert!(!create.contains("X-Trace") && !create.contains("<th>Accept</th>"));
    assert!(create.contains("<tr><th>Content-Type</th>"));
    assert!(!create.contains("Request body") && create.contains("Response body"));
    assert!(create.contains(
        "<a href=\"https://tracker.example/7\" target=\"_blank\" rel=\"noopener noreferrer\">TICKET-7</a>"
    ));
    let health = card(&dressed, "Health", 1).unwrap_or_default();
    assert!(health.contains("Request headers") && !health.contains("Response body"));
    assert!(card(&dressed, "Accounts / Secret call", 1).is_none());
    assert!(
        !dressed.contains("Secret call"),
        "skipped requests are not charted either"
    );
    assert!(dressed.contains("<h2 class=\"variables-title\">Environment: Report env</h2>"));
    assert!(dressed.contains("<tr><th>user</th><td>shown-user-value</td></tr>"));
    assert!(dressed.contains("<tr><th>password</th><td>********</td></tr>"));
    assert!(!dressed.contains("hidden-host-value"));
    assert!(dressed.contains("<tr><th>region</th><td>shown-region-value</td></tr>"));
    assert!(!dressed.contains("hidden-global-value"));

    // Only the failures; nothing sensitive; whole folders left out.
    let (fails, _) = htmlextra(
        &echo,
        dir.path(),
        "fails.html",
        &[
            "--reporter-htmlextra-showOnlyFails",
            "--reporter-htmlextra-omitHeaders",
            "--reporter-htmlextra-omitRequestBodies",
            "--reporter-htmlextra-omitResponseBodies",
        ],
    );
    assert!(card(&fails, "Admin / Purge", 2).is_some());
    assert!(
        card(&fails, "Health", 1).is_none()
            && card(&fails, "Accounts / Create account", 1).is_none()
    );
    assert!(fails.contains("Only the requests that failed are listed"));
    for hidden in [
        "Request headers",
        "Response headers",
        "Request body",
        "Response body",
    ] {
        assert!(!fails.contains(hidden), "{hidden} shown");
    }
    let (sensitive, _) = htmlextra(
        &echo,
        dir.path(),
        "sensitive.html",
        &[
            "--reporter-htmlextra-skipSensitiveData",
            "--reporter-htmlextra-skipFolders",
            "Accounts",
        ],
    );
    assert!(card(&sensitive, "Accounts / Create account", 1).is_none());
    assert!(
        card(&sensitive, "Health", 1).is_some() && card(&sensitive, "Admin / Purge", 1).is_some()
    );
    assert!(sensitive.contains("4 requests are not listed here"));
    for hidden in [
        "Request headers",
        "Response headers",
        "Request body",
        "Response body",
    ] {
        assert!(!sensitive.contains(hidden), "{hidden} shown");
    }

    check_in_chromium(&[&plain_path, &dressed_path]);
}

#[test]
fn html_reports_htmlextra_pages_tests_and_shows_folder_descriptions() {
    let echo = Echo::start();
    let dir = tempdir();
    let tests: Vec<String> = (1..=12)
        .map(|i| {
            format!("pm.test('check {i:02}', function () {{ pm.expect({i}).to.be.above(0); }});")
        })
        .collect();
    let collection = serde_json::json!({
        "info": {"name": "Paging", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "Orders",
            "description": "All <order> calls.",
            "item": [{
                "name": "Inner",
                "description": {"content": "Second level notes.", "type": "text/markdown"},
                "item": [{
                    "name": "List orders",
                    "event": [{"listen": "test", "script": {"exec": tests}}],
                    "request": {"method": "GET", "url": format!("{}/get", echo.url())}
                }]
            }]
        }, {
            "name": "Plain",
            "item": [{"name": "Ping", "request": {"method": "GET", "url": format!("{}/get", echo.url())}}]
        }]
    });
    let file = crate::util::write(dir.path(), "paging.json", &collection.to_string());
    let page_for = |name: &str, options: &[&str]| {
        let path = dir.path().join(name);
        let export = path.to_string_lossy().into_owned();
        let mut args = vec![
            "run",
            &file,
            "-r",
            "htmlextra",
            "--reporter-htmlextra-export",
            &export,
        ];
        args.extend_from_slice(options);
        let out = crate::util::postie_with_env(&args, &[("POSTIE_TEST_MODE", "1")]);
        out.check(
            out.code == 0 && !out.stderr.contains("warning"),
            "a clean run, no warnings",
        );
        (read(&path), path)
    };
    let (plain, _) = page_for("plain.html", &[]);
    assert!(!plain.contains("data-page-size=\"") && !plain.contains("class=\"folder-note\""));
    let (page, path) = page_for(
        "paged.html",
        &[
            "--reporter-htmlextra-testPaging",
            "--reporter-htmlextra-showFolderDescription",
        ],
    );
    let list = card(&page, "Orders / Inner / List orders", 1).unwrap_or_default();
    assert!(list.contains("<ul class=\"assertions\" data-page-size=\"10\">"));
    assert_eq!(
        list.matches("<li class=\"pass\">").count(),
        12,
        "every test is in the page"
    );
    assert!(list.contains(
        "<summary>Folder Orders</summary><div class=\"description\">All &lt;order&gt; calls.</div>"
    ));
    assert!(list.contains("<summary>Folder Orders / Inner</summary><div class=\"description\">Second level notes.</div>"));
    let ping = card(&page, "Plain / Ping", 1).unwrap_or_default();
    assert!(!ping.contains("class=\"folder-note\"") && !ping.contains("data-page-size=\""));
    check_in_chromium(&[&path]);
}

#[test]
fn html_reports_htmlextra_warns_and_refuses() {
    let echo = Echo::start();
    let dir = tempdir();
    let export = dir.path().join("r.html").to_string_lossy().into_owned();
    let out = run(
        &echo,
        &[
            "-r",
            "htmlextra",
            "--reporter-htmlextra-export",
            &export,
            "--reporter-htmlextra-colour",
            "blue",
        ],
    );
    out.check(
        out.code == 1
            && out.stderr.contains(
                "warning: --reporter-htmlextra-colour: the htmlextra reporter has no such option",
            ),
        "an unknown option is a warning naming it; the run goes on",
    );
    let sent = echo.requests().len();
    for (args, words) in [
        (
            vec!["--reporter-htmlextra-timezone", "Mars/Olympus"],
            "--reporter-htmlextra-timezone \"Mars/Olympus\": not a time zone",
        ),
        (
            vec!["--reporter-htmlextra-titleSize", "0"],
            "expected a number from 1 (largest) to 6",
        ),
    ] {
        let mut all = vec!["-r", "htmlextra", "--reporter-htmlextra-export", &export];
        all.extend(args);
        let out = run(&echo, &all);
        out.check(out.code == 2 && out.stderr.contains(words), words);
    }
    assert_eq!(
        echo.requests().len(),
        sent,
        "bad options stop the run before it sends"
    );
}

#[test]
fn html_reports_templates_get_every_field_of_newman_context() {
    let echo = Echo::start();
    let dir = tempdir();
    let mut pages = Vec::new();
    for reporter in ["htmlextra", "html"] {
        let path = dir.path().join(format!("{reporter}-template.html"));
        let export = path.to_string_lossy().into_owned();
        let export_flag = format!("--reporter-{reporter}-export");
        let template_flag = format!("--reporter-{reporter}-template");
        let mut args = vec![
            "-r",
            reporter,
            &export_flag,
            &export,
            &template_flag,
            TEMPLATE,
        ];
        if reporter == "htmlextra" {
            args.extend([
                "--reporter-htmlextra-logs",
                "--reporter-htmlextra-skipHeaders",
                "x-trace",
                "--reporter-htmlextra-title",
                "Templated",
                "--reporter-htmlextra-timezone",
                "Asia/Kolkata",
            ]);
        }
        let out = run(&echo, &args);
        out.check(out.code == 1, "the fixture fails: exit 1");
        let page = read(&path);
        assert!(
            !page.contains(PASSWORD) && !page.contains(API_KEY),
            "a secret leaked"
        );
        let one = |name: &str| {
            fields(&page, name)
                .first()
                .copied()
                .unwrap_or_default()
                .to_string()
        };
        let port = echo.port();
        assert_eq!(
            one("collection"),
            "c0ffee00-0000-4000-8000-000000000001|HTML report fixture|Requests for the HTML report tests."
        );
        assert_eq!(one("stats"), "2/0/0 8 8/0 8 8/0 8 12/2 8 0");
        assert_eq!(one("timings"), "0 0 0 0 1767225600000 1767225600000");
        assert!(
            one("transfers").ends_with(" 0ms 0ms"),
            "{}",
            one("transfers")
        );
        assert_eq!(
            one("environment"),
            "e0000000-0000-4000-8000-000000000001|Report env|base=http://127.0.0.1:PORT(default,true);host=hidden-host-value(default,true);user=shown-user-value(default,true);password=********(secret,true);apikey=********(secret,true);"
                .replace("PORT", &port.to_string())
        );
        assert_eq!(
            one("globals"),
            "g0000000-0000-4000-8000-000000000001|Report globals|region=shown-region-value;internal=hidden-global-value;"
        );
        assert_eq!(one("failure-count"), "2 failures");
        let failures = fields(&page, "failure");
        assert_eq!(failures.len(), 2);
        assert_eq!(
            failures[1],
            "1:failure-2|AssertionError|1|purge status is 200|expected response to have status code 200 but got 500|AssertionError: expected response to have status code 200 but got 500|assertion:0 in test-script|i0000000-0000-4000-8000-000000000003|Purge|i0000000-0000-4000-8000-000000000003|Admin / Purge|1/2|ref"
        );
        let skipped = fields(&page, "skipped");
        assert_eq!(skipped.len(), 2);
        assert_eq!(
            skipped[1],
            "later: billing|true|i0000000-0000-4000-8000-000000000001|Create account|1|ref"
        );
        assert_eq!(one("run-error"), "none");
        let executions = fields(&page, "item");
        let tests = fields(&page, "tests");
        let assertions = fields(&page, "assertion");
        if reporter == "htmlextra" {
            assert_eq!(one("title"), "Templated");
            assert_eq!(one("timestamp"), "Thursday, 01 January 2026 05:30:00");
            assert_eq!(
                one("options"),
                "x-trace|false|true|false|false|Asia/Kolkata|"
            );
            assert_eq!(one("helpers"), "no-paging logs");
            // One entry per run, grouped by folder and iteration.
            assert_eq!(executions.len(), 8);
            assert_eq!(
                fields(&page, "parent")[0],
                "f0000000-0000-4000-8000-00000000acc7|Accounts|0|Account calls."
            );
            assert_eq!(fields(&page, "parent").len(), 6);
            assert_eq!(one("folders"), "6 groups, 2 failed");
            assert_eq!(tests[0], "2/0/1 100% clean");
            assert_eq!(one("console"), "log:&#x27;created &lt;ann&gt;&#x27;@ref;");
            assert_eq!(
                one("request-headers"),
                "Content-Type;X-Api-Key;User-Agent;Accept;Cache-Control;Postman-Token;Host;Accept-Encoding;Connection;Content-Length;"
            );
            assert_eq!(
                fields(&page, "cursor")[7],
                "00000000-0000-4000-8000-000000000008|1|3|2|2"
            );
        } else {
            assert_eq!(one("title"), "Newman Run Dashboard");
            assert_eq!(one("timestamp"), "Thu Jan 01 2026 00:00:00 GMT+0000 (UTC)");
            assert_eq!(one("helpers"), "no-paging no-logs");
            // One entry per item, its tests summed over both iterations.
            assert_eq!(executions.len(), 4);
            assert_eq!(fields(&page, "parent").len(), 3);
            assert_eq!(tests[0], "4/0/2 100% clean");
            assert_eq!(assertions[0], "status is 200|2|0|0|");
            assert_eq!(tests[2], "0/2/0 0% dirty");
            assert_eq!(
                assertions[4],
                "purge status is 200|0|2|0|expected response to have status code 200 but got 500"
            );
            assert_eq!(
                one("console"),
                "log:&#x27;created &lt;ann&gt;&#x27;@ref;log:&#x27;created &lt;ann&gt;&#x27;@ref;"
            );
        }
        assert_eq!(
            executions[0],
            "i0000000-0000-4000-8000-000000000001|Create account"
        );
        assert_eq!(
            one("request"),
            format!(
                "POST http://127.0.0.1:{port}/echo?step&#x3D;create Creates &lt;ann&gt;.|text/plain"
            )
        );
        assert!(one("request-header").contains("X-Api-Key=********;"));
        assert!(one("request-body").starts_with(
            "raw:{&quot;login&quot;: &quot;ann&quot;, &quot;password&quot;: &quot;********&quot;"
        ));
        assert!(
            one("response").starts_with("200 OK 0 "),
            "{}",
            one("response")
        );
        assert!(one("response").ends_with(" 0"), "no cookies");
        // Names as the server sent them (the test server writes them in lower case).
        assert_eq!(one("response-header"), "content-type;content-length;date;");
        assert!(one("response-body").contains("request-body-marker"));
        assert_eq!(one("mean").split(' ').next(), Some("0ms"));
        pages.push(path);
    }
    let pages: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    check_in_chromium(&pages);
}

#[test]
fn html_reports_template_errors_stop_the_run_naming_file_and_line() {
    let echo = Echo::start();
    let dir = tempdir();
    let broken = crate::util::write(
        dir.path(),
        "broken.hbs",
        "<p>\n{{#each aggregations}}\n<b>never closed</b>\n",
    );
    let unknown = crate::util::write(
        dir.path(),
        "unknown.hbs",
        "<p>{{timestamp}}</p>\n\n{{moment timestamp format=\"LL\"}}\n",
    );
    for (file, words) in [
        (&broken, "broken.hbs:4:1: invalid Handlebars template"),
        (
            &unknown,
            "unknown.hbs:3:1: the template calls the helper \"moment\"",
        ),
    ] {
        let out = run(&echo, &["-r", "html", "--reporter-html-template", file]);
        out.check(out.code == 2 && out.stderr.contains(words), words);
    }
    assert!(echo.requests().is_empty(), "nothing was sent");
    let missing = run(
        &echo,
        &["-r", "html", "--reporter-html-template", "no/such/file.hbs"],
    );
    missing.check(
        missing.code == 2
            && missing
                .stderr
                .contains("no/such/file.hbs: cannot read the HTML report template"),
        "a missing template names the file",
    );
}
