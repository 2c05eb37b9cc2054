//! Unit tests for what the sandbox keeps between scripts: compiled scripts run again from the
//! cache, and `pm.response`'s (empty) cookie list built on first use.

use super::*;

#[test]
fn response_cookies_are_an_empty_list_built_on_first_use() {
    // Newman 6.2's pm.response.cookies is always empty; pm.cookies holds the jar's cookies.
    let out = run_test(
        "pm.test('same list', () => pm.expect(pm.response.cookies === pm.response.cookies && pm.response.cookies.count() === 0).to.be.true);\n\
         pm.test('no plumbing shown', () => pm.expect(Object.keys(pm.response)).to.not.include('_cookieSource'));\n\
         pm.test('info after response', () => pm.expect(pm.info.eventName).to.eql('test'));",
    );
    assert_eq!(out.error, None);
    let failed: Vec<_> = out
        .assertions
        .iter()
        .filter(|a| a.error.is_some())
        .collect();
    assert_eq!(out.assertions.len(), 3);
    assert!(failed.is_empty(), "{failed:?}");
}

#[test]
fn scripts_run_again_from_the_cache_behave_the_same() {
    // The third run of a script comes from its cached bytecode: closures, async callbacks, error
    // positions and declarations scoped to the run all stay as on the first run.
    let mut sb = sandbox();
    let good = "const seen = [];\n\
                [1, 2].forEach(function (n) { seen.push(n * 2); });\n\
                pm.test('closure', () => pm.expect(seen).to.eql([2, 4]));\n\
                setTimeout(() => pm.environment.set('later', seen.length), 0);";
    let bad = "pm.environment.set('before', 1);\n\n  throw new RangeError('again');";
    let other = "pm.environment.set('other', 'yes');";
    for round in 0..4 {
        let out = run_with(&mut sb, good, Scopes::default(), None);
        assert_eq!(out.error, None, "round {round}");
        assert_eq!(out.assertions.len(), 1, "round {round}");
        assert!(out.assertions[0].error.is_none(), "round {round}");
        assert_eq!(
            out.vars.environment.get("later"),
            Some(&serde_json::json!(2)),
            "round {round}"
        );

        let out = run_with(&mut sb, bad, Scopes::default(), None);
        let err = out.error.clone().expect("an error");
        assert_eq!(
            (err.name.as_str(), err.message.as_str(), err.position),
            ("RangeError", "again", Some((3, 13))),
            "round {round}"
        );

        let out = run_with(&mut sb, other, Scopes::default(), None);
        assert_eq!(
            out.vars.environment.get("other"),
            Some(&serde_json::json!("yes")),
            "round {round}: a different script keeps its own code"
        );
        assert!(!out.vars.environment.contains_key("later"));
    }
}

#[test]
fn cached_syntax_errors_are_reported_every_time() {
    let mut sb = sandbox();
    for round in 0..3 {
        let out = run_with(&mut sb, "let = ;", Scopes::default(), None);
        let err = out.error.clone().expect("a syntax error");
        assert_eq!(err.name, "SyntaxError", "round {round}");
    }
}

#[test]
fn a_script_is_run_from_its_cached_bytecode_from_its_second_run() {
    // The one visible trace of the cache: bytecode is kept without source text, so from the
    // second run on `Function.prototype.toString` no longer shows a function's source.
    let mut sb = sandbox();
    let script = "function marker() { /* SOURCE-MARKER */ }\n\
                  pm.environment.set('shown', String(marker).includes('SOURCE-MARKER'));";
    let shown: Vec<_> = (0..3)
        .map(|_| {
            let out = run_with(&mut sb, script, Scopes::default(), None);
            assert_eq!(out.error, None);
            out.vars.environment.get("shown").cloned()
        })
        .collect();
    let (yes, no) = (
        Some(serde_json::json!(true)),
        Some(serde_json::json!(false)),
    );
    assert_eq!(shown, [yes, no.clone(), no]);
}

#[test]
fn precompiled_scripts_run_as_compiled_at_their_run() {
    let mut sb = sandbox();
    let script = "pm.environment.set('n', (pm.environment.get('n') || 0) + 1);";
    sb.precompile(script);
    sb.precompile(script);
    assert_eq!(sb.waiting(), 1, "compiled once");
    let out = run_with(&mut sb, script, Scopes::default(), None);
    assert_eq!(out.error, None);
    assert_eq!(out.vars.environment.get("n"), Some(&serde_json::json!(1)));
    assert_eq!(sb.waiting(), 0, "the run took it");

    // Seen once: precompiling makes the bytecode its second run keeps.
    sb.precompile(script);
    assert_eq!(sb.waiting(), 0);
    let out = run_with(&mut sb, script, Scopes::default(), None);
    assert_eq!(out.vars.environment.get("n"), Some(&serde_json::json!(1)));

    // What does not compile is left for the run to report, with its position.
    sb.precompile("let = ;");
    assert_eq!(sb.waiting(), 0);
    let out = run_with(&mut sb, "let = ;", Scopes::default(), None);
    assert_eq!(
        out.error.clone().map(|e| e.name),
        Some("SyntaxError".to_string())
    );

    // Compiling has no effect a script can see: a script precompiled but never run changes
    // nothing, and the waiting list stays bounded.
    for i in 0..20 {
        sb.precompile(&format!("pm.environment.set('never', {i});"));
    }
    assert!(sb.waiting() <= 8);
    let out = run_with(
        &mut sb,
        "pm.test('t', () => pm.expect(pm.environment.has('never')).to.be.false);",
        Scopes::default(),
        None,
    );
    assert!(
        out.assertions.iter().all(|a| a.error.is_none()),
        "{:?}",
        out.assertions
    );
}
