//! Unusable input: each gets exit 2 and one clear `postie: error:` line naming the problem.

use crate::util::{COLLECTION, postie, tempdir, write};

fn assert_usage_error(out: &crate::util::Output, needle: &str) {
    out.check(out.code == 2, "unusable input exits 2");
    let first = out.stderr.lines().next().unwrap_or_default();
    out.check(first.starts_with("postie: error: "), "one error line");
    out.check(
        first.contains(needle),
        &format!("error mentions {needle:?}"),
    );
    out.check(out.stdout.is_empty(), "no report for unusable input");
}

#[test]
fn bad_input_missing_file() {
    let out = postie(&["run", "does/not/exist.json"]);
    assert_usage_error(&out, "does/not/exist.json");
}

#[test]
fn bad_input_malformed_json_names_line_and_column() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "broken.json",
        "{\n  \"info\": {\n    \"name\": \"x\"\n  \"item\": []\n}\n",
    );
    let out = postie(&["run", &path]);
    assert_usage_error(&out, "broken.json:4:3");
    let snippet: Vec<&str> = out.stderr.lines().skip(1).take(3).collect();
    assert_eq!(
        snippet,
        ["   |", " 4 |   \"item\": []", "   |   ^"],
        "the line with a caret under the column:\n{}",
        out.stderr
    );
}

#[test]
fn bad_input_malformed_environment() {
    let dir = tempdir();
    let env = write(dir.path(), "env.json", "{\"values\": [}");
    let out = postie(&["run", COLLECTION, "-e", &env]);
    assert_usage_error(&out, "env.json:1:");
}

#[test]
fn bad_input_v1_collection_is_converted_with_a_warning() {
    let server = postie::mock::spawn(postie::mock::PartnerApiConfig::default(), 0)
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempdir();
    let url = format!("{}/api/v8/auth?login=a&password=b", server.url());
    let v1 = serde_json::json!({
        "id": "1", "name": "old", "order": ["a"],
        "requests": [{"id": "a", "name": "legacy", "url": url, "method": "GET",
                      "tests": "tests['got 401'] = responseCode.code === 401;"}]
    });
    let path = write(dir.path(), "v1.json", &v1.to_string());
    let out = postie(&["run", &path]);
    out.check(out.code == 0, "a v1 collection runs");
    out.check(
        out.stderr
            .contains("postie: warning: this is a Postman v1 collection"),
        "warned",
    );
    out.check(out.stdout.contains("✓  got 401"), "converted test ran");
}

#[test]
fn bad_input_malformed_v1_collection() {
    let dir = tempdir();
    let v1 = r#"{"id": "1", "name": "old", "order": ["a"], "requests": [{"id": "a", "url": "http://x", "headerData": 5}]}"#;
    let path = write(dir.path(), "v1.json", v1);
    let out = postie(&["run", &path]);
    assert_usage_error(&out, "v1.json");
}

#[test]
fn bad_input_unknown_folder_suggests_a_name() {
    let out = postie(&["run", COLLECTION, "--folder", "partner"]);
    // Newman ends such a run with exit code 1.
    out.check(out.code == 1, "an unknown folder exits 1 as Newman");
    let first = out.stderr.lines().next().unwrap_or_default();
    out.check(
        first.starts_with("postie: error: --folder \"partner\""),
        "one error line naming the folder",
    );
    out.check(out.stdout.is_empty(), "no report");
    out.check(
        out.stderr.contains("did you mean \"partners\""),
        "did you mean",
    );
}

#[test]
fn bad_input_unknown_folder_with_suppress_exit_code_exits_0() {
    // Newman's `-x` keeps 0 for a run that stopped on an error too; bad input still exits 2.
    let out = postie(&["run", COLLECTION, "--folder", "partner", "-x"]);
    out.check(out.code == 0, "-x keeps 0 for an unknown folder, as Newman");
    out.check(
        out.stderr
            .starts_with("postie: error: --folder \"partner\""),
        "the error is still printed",
    );
    assert_usage_error(&postie(&["run", COLLECTION, "--color", "blue", "-x"]), "");
}

#[test]
fn bad_input_bad_flags() {
    assert_usage_error(
        &postie(&["run", COLLECTION, "--no-such-flag"]),
        "--no-such-flag",
    );
    // A bare `--env-var name` is accepted (Newman sets the variable with no value); an empty
    // name is not.
    assert_usage_error(
        &postie(&["run", COLLECTION, "--env-var", "=value"]),
        "KEY=VALUE",
    );
    assert_usage_error(&postie(&["run", COLLECTION, "-r", "teamcity"]), "teamcity");
}

#[test]
fn bad_input_csv_with_an_unterminated_quote_names_where_it_opened() {
    let dir = tempdir();
    let data = write(dir.path(), "rows.csv", "id,name\n1,\"Ann\n2,Bob\n");
    let out = postie(&["run", COLLECTION, "-d", &data]);
    assert_usage_error(&out, "rows.csv");
    out.check(
        out.stderr.contains("line 2, column 3 never closes"),
        "the position of the open quote",
    );
}
