//! Unit tests for what the sandbox's engine gives scripts beyond the libraries' own code:
//! V8's `JSON.parse` messages in "use sandbox2" scripts, `require('chai')` (assert, plugins,
//! should, config) and timers in Node's event-loop order.

use super::lib_tests::{check, run, sandbox};

/// `JSON.parse` in a "use sandbox2" script fails with V8's words: every text Node was asked
/// about in `tools/json-errors/cases.json` (seeded random broken JSON) gets Node's message.
#[test]
fn sandbox2_json_parse_errors_have_v8_messages() {
    let cases = include_str!("../../tools/json-errors/cases.json");
    let source = format!(
        "'use sandbox2';\nconst cases = {cases};\nconst bad = [];\n\
         for (const [text, want] of cases) {{\n\
           let got = null;\n\
           try {{ JSON.parse(text); }} catch (e) {{ got = e.name + ': ' + e.message; }}\n\
           if (got !== (want === null ? null : 'SyntaxError: ' + want)) bad.push([text, want, got]);\n\
         }}\n\
         pm.environment.set('checked', String(cases.length));\n\
         pm.environment.set('bad', JSON.stringify(bad.slice(0, 5)));"
    );
    let out = run(&mut sandbox(), &source, None);
    assert_eq!(out.error, None, "script error");
    let mut env = crate::vars::VariableScope::default();
    env.apply(&out.changes.of(crate::vars::ScopeName::Environment));
    let checked = env.get("checked").and_then(|v| v.as_str());
    assert_eq!(checked.and_then(|n| n.parse::<usize>().ok()), Some(4000));
    assert_eq!(env.get("bad"), Some(&serde_json::json!("[]")));
}

#[test]
fn chai_module_assert_plugins_should_and_config() {
    check(
        "const chai = require('chai'); \
         const msg = function (f) { try { f(); return 'passed'; } catch (e) { return e.message; } };",
        &[
            (
                "msg(() => chai.assert.sameOrderedMembers([1, 2], [2, 1]))",
                "expected [ 1, 2 ] to have the same ordered members as [ 2, 1 ]",
            ),
            (
                "msg(() => chai.assert.nestedPropertyVal({ a: [1, 2] }, 'a[1]', 3, 'm'))",
                "m: expected { a: [ 1, 2 ] } to have nested property 'a[1]' of 3, but got 2",
            ),
            (
                "msg(() => chai.assert.operator(1, '=>', 2))",
                "undefinedInvalid operator \"=>\"",
            ),
            (
                "msg(() => chai.assert.fail(1, 2, undefined, '>'))",
                "assert.fail()",
            ),
            (
                "msg(() => { chai.use(function (c) { c.Assertion.addMethod('even', function () { \
                 this.assert(this._obj % 2 === 0, 'expected #{this} to be even', 'expected #{this} to be odd'); }); }); \
                 pm.expect(3).to.be.even(); })",
                "expected 3 to be even",
            ),
            ("chai.util.type(new Map())", "Map"),
            (
                "msg(() => { chai.config.truncateThreshold = 0; \
                 try { pm.expect({ first: 'aaaaaaaaaaaaaaa', second: 'bbbbbbbbbbbbbbbbb' }).to.equal(1); } \
                 finally { chai.config.truncateThreshold = 40; } })",
                "expected { first: 'aaaaaaaaaaaaaaa', second: 'bbbbbbbbbbbbbbbbb' } to equal 1",
            ),
            (
                "msg(() => { chai.should(); (5).should.equal(6); })",
                "expected 5 to equal 6",
            ),
            (
                "msg(() => pm.expect({ [Symbol('s')]: 1, a: 2 }).to.have.keys('a'))",
                "expected { a: 2, [Symbol(s)]: 1 } to have key 'a'",
            ),
            (
                "msg(() => pm.expect(new Set([{ a: 1 }])).to.have.deep.keys({ a: 2 }))",
                "expected Set{ { a: 1 } } to deeply have key { a: 2 }",
            ),
            (
                "msg(() => pm.expect(function () { throw { code: 1 }; }).to.throw(TypeError))",
                "expected [Function] to throw 'TypeError' but { code: 1 } was thrown",
            ),
            (
                "msg(() => pm.expect(new RegExp('a/b')).to.equal(1))",
                "expected /a\\/b/b to equal 1",
            ),
            (
                "msg(() => pm.expect(new Uint8Array(2)).to.equal(1))",
                "expected Uint8Array[ 0, 0 ] to equal 1",
            ),
            ("Object.getOwnPropertyNames(JSON).join()", "parse,stringify"),
            (
                "Object.getOwnPropertyNames(Math).slice(0, 3).join()",
                "abs,acos,acosh",
            ),
            ("typeof Iterator", "undefined"),
        ],
    );
}

/// A script slower than a timeout's delay still gets its immediate first (Node runs a
/// callback's immediates before the timers), and a timeout's own immediate waits for the other
/// due timeouts.
#[test]
fn immediates_run_before_timeouts_however_slow_the_script() {
    let source = "const order = [];\n\
        setTimeout(() => { order.push('t1'); setImmediate(() => order.push('i2')); }, 0);\n\
        setTimeout(() => order.push('t2'), 0);\n\
        const until = Date.now() + 5; while (Date.now() < until) {}\n\
        setImmediate(() => order.push('i1'));\n\
        setTimeout(() => pm.environment.set('order', order.join(',')), 20);";
    let out = run(&mut sandbox(), source, None);
    assert_eq!(out.error, None, "script error");
    let mut env = crate::vars::VariableScope::default();
    env.apply(&out.changes.of(crate::vars::ScopeName::Environment));
    assert_eq!(env.get("order"), Some(&serde_json::json!("i1,t1,t2,i2")));
}
