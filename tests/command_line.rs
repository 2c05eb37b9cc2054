//! Command-line habits: `-v`, `postie completions SHELL`, `postie man`, and exports and reports
//! named by a folder getting Newman's auto-named files.

use crate::echo::Echo;
use crate::util::{collection_with_test, postie, read_json, tempdir, write};

#[test]
fn command_line_v_prints_the_version() {
    let expected = format!("postie {}", env!("CARGO_PKG_VERSION"));
    for flag in ["-v", "-V", "--version"] {
        let out = postie(&[flag]);
        out.check(
            out.code == 0 && out.stdout.trim() == expected,
            "prints the version",
        );
    }
}

#[test]
fn command_line_completions_cover_the_subcommands_and_flags() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = postie(&["completions", shell]);
        out.check(out.code == 0, shell);
        // fish writes long flags as `-l name`.
        for word in ["run", "environment", "postman-api-key", "ssl-client-cert"] {
            out.check(out.stdout.contains(word), &format!("{shell}: {word}"));
        }
    }
    let out = postie(&["completions", "tcsh"]);
    out.check(
        out.code == 2 && out.stderr.contains("possible values"),
        "unknown shell",
    );
}

#[test]
fn command_line_man_prints_roff_pages() {
    let out = postie(&["man"]);
    out.check(
        out.code == 0
            && out.stdout.contains(".TH postie 1")
            && out.stdout.contains("postie\\-run(1)")
            && out.stdout.contains("\\-\\-version"),
        "postie(1) lists the commands",
    );
    let out = postie(&["man", "run"]);
    out.check(
        out.code == 0
            && out.stdout.contains(".TH postie-run 1")
            && out.stdout.contains("\\-\\-environment")
            && out.stdout.contains("\\-\\-postman\\-api\\-key"),
        "postie-run(1) lists the flags",
    );
    let out = postie(&["man", "rn"]);
    out.check(
        out.code == 2 && out.stderr.contains("did you mean `postie man run`?"),
        "an unknown command",
    );
}

/// True for Newman's auto name `<stem>-YYYY-MM-DD-HH-MM-SS-mmm-0.<ext>`.
fn is_auto_name(name: &str, stem: &str, ext: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(&format!("{stem}-"))
        .and_then(|rest| rest.strip_suffix(&format!("-0.{ext}")))
    else {
        return false;
    };
    let groups: Vec<&str> = stamp.split('-').collect();
    groups.iter().map(|g| g.len()).eq([4, 2, 2, 2, 2, 2, 3])
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn command_line_exports_named_by_a_folder_get_newmans_file_names() {
    let echo = Echo::start();
    let dir = tempdir();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap_or_else(|e| panic!("{e}"));
    let folder = out_dir.to_string_lossy().into_owned();
    let collection = write(
        dir.path(),
        "c.json",
        &collection_with_test(
            &format!("{}/echo", echo.url()),
            "pm.environment.set('seen', 1);",
        ),
    );
    let out = postie(&[
        "run",
        &collection,
        "-r",
        "json,junit,html",
        "--reporter-json-export",
        &folder,
        "--reporter-junit-export",
        &folder,
        "--reporter-html-export",
        &folder,
        "--export-environment",
        &folder,
        "--export-globals",
        &folder,
        "--export-collection",
        &folder,
        "--export-cookie-jar",
        &folder,
    ]);
    out.check(out.code == 0, "the run passes");
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let expected = [
        ("newman-collection", "json"),
        ("newman-cookie-jar", "json"),
        ("newman-environment", "json"),
        ("newman-globals", "json"),
        ("newman-run-report", "html"),
        ("newman-run-report", "json"),
        ("newman-run-report", "xml"),
    ];
    assert_eq!(names.len(), expected.len(), "{names:?}");
    for (stem, ext) in expected {
        assert!(
            names.iter().any(|name| is_auto_name(name, stem, ext)),
            "no {stem}-<timestamp>-0.{ext} in {names:?}"
        );
    }
    let env = names
        .iter()
        .find(|n| n.starts_with("newman-environment-"))
        .map(|n| read_json(&out_dir.join(n)))
        .unwrap_or_default();
    assert!(env["values"].to_string().contains("\"seen\""), "{env}");
    let report = names
        .iter()
        .find(|n| n.starts_with("newman-run-report-") && n.ends_with(".json"))
        .map(|n| read_json(&out_dir.join(n)))
        .unwrap_or_default();
    assert_eq!(report["run"]["stats"]["requests"]["total"], 1);
}
