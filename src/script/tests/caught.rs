//! Errors a script catches read as under Newman: the engine's errors carry V8's wording from the
//! moment they are created (try/catch, promise rejections, async functions), errors the script
//! constructs keep their own message, and the stack keeps QuickJS's format.

use super::*;

/// The names of the assertions the script made (each one's name carries what it observed).
fn names(source: &str) -> Vec<String> {
    let out = run_test(source);
    assert_eq!(out.error, None, "script error for {source}");
    out.assertions.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn caught_engine_errors_have_v8_messages() {
    let got = names(
        "function t(f) { try { f(); } catch (e) { pm.test(e.name + ': ' + e.message); } }\n\
         t(() => { var u; return u.have; });\n\
         t(() => pm.foo());\n\
         t(() => { const c = 1; c = 2; });\n\
         t(() => { 'use strict'; var o = Object.freeze({a: 1}); o.a = 2; });\n\
         t(() => new RegExp('('));\n\
         t(() => (1).toFixed(101));\n\
         t(() => new (() => 1)());\n\
         t(() => { x.y; let x = 1; });\n\
         try { null.x } catch { pm.test('no binding'); }",
    );
    assert_eq!(
        got,
        [
            "TypeError: Cannot read properties of undefined (reading 'have')",
            "TypeError: pm.foo is not a function",
            "TypeError: Assignment to constant variable.",
            "TypeError: Cannot assign to read only property 'a' of object '#<Object>'",
            "SyntaxError: Invalid regular expression: /(/: Unterminated group",
            "RangeError: toFixed() digits argument must be between 0 and 100",
            "TypeError: (intermediate value) is not a constructor",
            "ReferenceError: Cannot access 'x' before initialization",
            "no binding",
        ]
    );
}

#[test]
fn rejections_and_async_errors_have_v8_messages() {
    let got = names(
        "const seen = {};\n\
         Promise.resolve().then(() => null.x).catch(e => pm.test('catch ' + e.message));\n\
         Promise.resolve().then(() => undefined.y).then(null, e => pm.test('then ' + e.message));\n\
         (async () => { await 0; return pm.nope(); })().catch(e => pm.test('async ' + e.message));",
    );
    assert_eq!(
        got,
        [
            "catch Cannot read properties of null (reading 'x')",
            "then Cannot read properties of undefined (reading 'y')",
            "async pm.nope is not a function",
        ]
    );
}

#[test]
fn constructed_errors_keep_their_message_and_identity_is_kept() {
    let got = names(
        "try { throw new TypeError('not a function'); } catch (e) { pm.test('a ' + e.message); }\n\
         try { throw TypeError(\"cannot read property 'x' of undefined\"); } catch (e) { pm.test('b ' + e.message); }\n\
         class MyError extends TypeError {}\n\
         try { throw new MyError('empty array'); } catch (e) { pm.test('c ' + e.message); }\n\
         let kept; try { kept = null.x; } catch (e) { kept = e; }\n\
         try { throw kept; } catch (e) { pm.test('d ' + (e === kept) + ' ' + (e instanceof TypeError)); }",
    );
    assert_eq!(
        got,
        [
            "a not a function",
            "b cannot read property 'x' of undefined",
            "c empty array",
            "d true true",
        ]
    );
}

#[test]
fn stacks_begin_as_newman_then_quickjs_frames_and_prepare_stack_trace_stays_the_sandboxs() {
    let got = names(
        "pm.test('before ' + typeof Error.prepareStackTrace);\n\
         try { null.x } catch (e) { pm.test(e.stack.split('\\n')[0]); }\n\
         try { null.x } catch (e) { pm.test(e.stack.split('\\n')[1]); }\n\
         pm.test(new RangeError('m').stack.split('\\n')[0] + '|' + new Error().stack.split('\\n')[0]);\n\
         Error.prepareStackTrace = (e, sites) => 'custom ' + sites.length;\n\
         try { undefined.z } catch (e) { pm.test(e.stack + ' ' + e.message); }\n\
         Error.prepareStackTrace = undefined;",
    );
    assert_eq!(
        got,
        [
            // Newman's sandbox fixes its own `Error.prepareStackTrace` (read-only): a
            // script's assignment is ignored.
            "before function",
            "Error: Cannot read properties of null (reading 'x')",
            "    at <anonymous> (postie-script:3:7)",
            "Error: m|Error: ",
            "Error: Cannot read properties of undefined (reading 'z')\n    at <anonymous> (postie-script:6:7)\n Cannot read properties of undefined (reading 'z')",
        ]
    );
}
