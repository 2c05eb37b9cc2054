//! Known-answer tests for the sandbox's library modules (`require(...)` and the legacy globals).

use std::time::Duration;

use super::*;

pub(super) fn sandbox() -> Sandbox {
    Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_secs(5)),
        ..SandboxOptions::default()
    })
    .expect("sandbox starts")
}

pub(super) fn run(sb: &mut Sandbox, source: &str, body: Option<&str>) -> ScriptOutcome {
    let req = RequestView {
        id: Some("req-1".to_string()),
        name: "r".to_string(),
        method: "GET".to_string(),
        url: "https://example.com/".to_string(),
        headers: vec![],
        body: None,
        ..RequestView::default()
    };
    let resp = body.map(|b| ResponseView {
        code: 200,
        status: "OK".to_string(),
        headers: vec![("Content-Type".to_string(), "application/json".to_string())],
        body: b.to_string(),
        raw: None,
        response_time_ms: 1,
        response_size: b.len() as u64,
        received_size: None,
        lazy_body: None,
    });
    sb.run(&ScriptContext {
        kind: if resp.is_some() {
            ScriptKind::Test
        } else {
            ScriptKind::PreRequest
        },
        source,
        request: &req,
        response: resp.as_ref(),
        info: ScriptInfo {
            request_name: "r".to_string(),
            request_id: Some("req-1".to_string()),
            iteration: 0,
            iteration_count: 1,
            ..ScriptInfo::default()
        },
        vars: &Scopes::default(),
        cookies: Vec::new(),
    })
}

/// Evaluate each expression (after `setup`) and compare `String(value)` with the expectation
/// (each value comes back as an environment variable).
pub(super) fn check(setup: &str, cases: &[(&str, &str)]) {
    let mut sb = sandbox();
    let mut source = String::from(setup);
    for (i, (expr, _)) in cases.iter().enumerate() {
        source.push_str(&format!(
            "\ntry {{ pm.environment.set('c{i}', String({expr})); }} \
             catch (e) {{ pm.environment.set('c{i}', 'THREW ' + e); }}"
        ));
    }
    let out = run(&mut sb, &source, None);
    assert_eq!(out.error, None, "script error");
    for (i, (expr, want)) in cases.iter().enumerate() {
        let mut env = crate::vars::VariableScope::default();
        env.apply(&out.changes.of(crate::vars::ScopeName::Environment));
        let got = env.get(&format!("c{i}")).cloned();
        assert_eq!(got, Some(serde_json::json!(want)), "{expr}");
    }
}

#[test]
fn lodash_functions() {
    check(
        "var _ = require('lodash'); const users = [{n: 'a', age: 30, g: 'x'}, {n: 'b', age: 20, g: 'y'}, {n: 'c', age: 40, g: 'x'}];",
        &[
            ("_.get({a: {b: [1, {c: 5}]}}, 'a.b[1].c')", "5"),
            ("_.get({}, 'x.y', 'dflt')", "dflt"),
            (
                "JSON.stringify(_.set({}, 'a.b[0].c', 1))",
                r#"{"a":{"b":[{"c":1}]}}"#,
            ),
            ("_.has({a: {b: 1}}, 'a.b')", "true"),
            ("_.map(users, 'n').join()", "a,b,c"),
            ("_.filter(users, {g: 'x'}).length", "2"),
            ("_.find(users, ['n', 'b']).age", "20"),
            ("_.sortBy(users, 'age').map(u => u.n).join('')", "bac"),
            (
                "_.orderBy(users, ['g', 'age'], ['asc', 'desc']).map(u => u.n).join('')",
                "cab",
            ),
            (
                "JSON.stringify(_.groupBy(users, 'g'))",
                r#"{"x":[{"n":"a","age":30,"g":"x"},{"n":"c","age":40,"g":"x"}],"y":[{"n":"b","age":20,"g":"y"}]}"#,
            ),
            (
                "JSON.stringify(_.countBy([1.2, 1.5, 2.1], Math.floor))",
                r#"{"1":2,"2":1}"#,
            ),
            ("_.uniq([1, 2, 1, 3]).join()", "1,2,3"),
            ("_.uniqBy([{a: 1}, {a: 1}, {a: 2}], 'a').length", "2"),
            (
                "JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2))",
                "[[1,2],[3,4],[5]]",
            ),
            ("_.flattenDeep([1, [2, [3, [4]]]]).join()", "1,2,3,4"),
            ("_.difference([1, 2, 3], [2]).join()", "1,3"),
            ("_.intersection([1, 2, 3], [2, 3, 4]).join()", "2,3"),
            (
                "JSON.stringify(_.zipObject(['a', 'b'], [1, 2]))",
                r#"{"a":1,"b":2}"#,
            ),
            (
                "JSON.stringify(_.pick({a: 1, b: 2, c: 3}, ['a', 'c']))",
                r#"{"a":1,"c":3}"#,
            ),
            (
                "JSON.stringify(_.omit({a: 1, b: 2, c: 3}, 'b'))",
                r#"{"a":1,"c":3}"#,
            ),
            (
                "JSON.stringify(_.merge({a: {b: 1}}, {a: {c: 2}}))",
                r#"{"a":{"b":1,"c":2}}"#,
            ),
            ("_.isEqual({a: [1, 2]}, {a: [1, 2]})", "true"),
            (
                "_.isEmpty({}) && _.isEmpty([]) && _.isEmpty('') && !_.isEmpty('x')",
                "true",
            ),
            ("_.camelCase('Foo Bar-baz')", "fooBarBaz"),
            ("_.kebabCase('fooBarBaz')", "foo-bar-baz"),
            ("_.snakeCase('Foo Bar')", "foo_bar"),
            ("_.startCase('--foo-bar--')", "Foo Bar"),
            ("_.capitalize('FRED')", "Fred"),
            ("_.padStart('5', 3, '0')", "005"),
            ("_.pad('abc', 8, '_-')", "_-abc_-_"),
            ("_.trim('-_-abc-_-', '_-')", "abc"),
            ("_.range(0, 10, 3).join()", "0,3,6,9"),
            ("_.times(3, String).join()", "0,1,2"),
            ("_.sum([1, 2, 3]) + _.sumBy([{v: 4}], 'v')", "10"),
            ("_.maxBy(users, 'age').n + _.minBy(users, 'age').n", "cb"),
            ("_.mean([1, 2, 3])", "2"),
            ("_.parseInt('08')", "8"),
            ("_.startsWith('data:abc', 'data:')", "true"),
            (
                "_.escape('<a href=\"x\">&</a>')",
                "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;",
            ),
            ("_.template('hi <%= name %>!')({name: 'bob'})", "hi bob!"),
            (
                "_.chain([3, 1, 2]).sortBy().map(x => x * 2).value().join()",
                "2,4,6",
            ),
            (
                "_([1, 2, 3]).map(x => x + 1).filter(x => x > 2).value().join()",
                "3,4",
            ),
            ("_([1, 2, 3]).sum()", "6"),
            (
                "JSON.stringify(_.mapValues({a: 1, b: 2}, v => v * 10))",
                r#"{"a":10,"b":20}"#,
            ),
            ("JSON.stringify(_.invert({a: 'x'}))", r#"{"x":"a"}"#),
            (
                "JSON.stringify(_.cloneDeep({a: [1, {b: 2}]}))",
                r#"{"a":[1,{"b":2}]}"#,
            ),
            (
                "_.includes([1, NaN], NaN) && _.includes('abc', 'b') && _.includes({a: 1}, 1)",
                "true",
            ),
            ("_.size({a: 1, b: 2}) + _.size('abc')", "5"),
            ("_.random(5, 5)", "5"),
            ("_.toPairs({a: 1}).join()", "a,1"),
            ("_.keyBy(users, 'n').b.age", "20"),
            // lodash 3 names are on the legacy `_` only (lib/lodash3.js).
            (
                "typeof _.contains + ' ' + typeof _.pluck",
                "undefined undefined",
            ),
        ],
    );
}

#[test]
fn legacy_globals_and_sugar() {
    check(
        "",
        &[
            ("typeof _.each", "function"),
            ("'diabetes'.has('betes')", "true"),
            ("[1, 2].none(3)", "true"),
            (
                "(56).ordinalize() + (11).ordinalize() + (22).ordinalize()",
                "56th11th22nd",
            ),
            ("'hello_world-foo'.camelize()", "HelloWorldFoo"),
            (
                "(function () { let n = 0; const f = (function () { return ++n; }).once(); f(); f(); return n; })()",
                "1",
            ),
            ("Object.keys(String.prototype).length", "0"),
            ("typeof tv4.validate", "function"),
            ("typeof Buffer.from", "function"),
            ("typeof Backbone", "object"),
            (
                "(function () { try { require('http'); return 'no'; } catch (e) { return e.message; } })()",
                "Cannot find module 'http'",
            ),
            ("typeof require('atob')", "function"),
            (
                "(function () { try { JSON.parse('<html>'); } catch (e) { return e.name + ': ' + e.message; } })()",
                "JSONError: Unexpected token '<' at 1:1\n<html>\n^",
            ),
            (
                "JSON.parse('\\ufeff{\"a\":1}').a + JSON.parse('[1]', (k, v) => v)[0]",
                "2",
            ),
        ],
    );
}

#[test]
fn json_schema_validators() {
    check(
        "const Ajv = require('ajv'); const ajv = new Ajv({logger: false}); \
         const schema = {properties: {alpha: {type: 'boolean'}, list: {type: 'array', items: {type: 'integer'}, minItems: 1}}, required: ['alpha']};",
        &[
            ("ajv.validate(schema, {alpha: true})", "true"),
            ("ajv.validate(schema, {alpha: 123})", "false"),
            ("ajv.errorsText()", "data.alpha should be boolean"),
            (
                "ajv.validate(schema, {list: [1]}) || ajv.errorsText()",
                "data should have required property 'alpha'",
            ),
            (
                "ajv.validate(schema, {alpha: true, list: [1, 'x']}) || ajv.errorsText()",
                "data.list[1] should be integer",
            ),
            (
                "new Ajv({allErrors: true}).compile(schema)({alpha: 1, list: []}) ",
                "false",
            ),
            (
                "(function () { const v = new Ajv({allErrors: true}).compile(schema); v({alpha: 1, list: []}); return v.errors.map(e => e.message).join('|'); })()",
                "should be boolean|should NOT have fewer than 1 items",
            ),
            (
                "ajv.validate({type: 'object', additionalProperties: false, properties: {a: {}}}, {a: 1, b: 2}) || ajv.errors[0].params.additionalProperty",
                "b",
            ),
            (
                "ajv.validate({definitions: {s: {type: 'string'}}, properties: {a: {$ref: '#/definitions/s'}}}, {a: 1}) || ajv.errorsText()",
                "data.a should be string",
            ),
            (
                "ajv.validate({anyOf: [{type: 'string'}, {type: 'number'}]}, true) || ajv.errors.length",
                "3",
            ),
            (
                "ajv.validate({enum: [1, 2]}, 3) || ajv.errorsText()",
                "data should be equal to one of the allowed values",
            ),
            (
                "ajv.validate({type: 'string', format: 'email'}, 'nope') || ajv.errorsText()",
                "data should match format \"email\"",
            ),
            (
                "ajv.validate({minimum: 5, exclusiveMaximum: 10}, 10) || ajv.errorsText()",
                "data should be < 10",
            ),
            ("tv4.validate({alpha: 1}, schema)", "false"),
            (
                "tv4.error.message + ' @' + tv4.error.dataPath + ' ' + tv4.error.code",
                "Invalid type: number (expected boolean) @/alpha 0",
            ),
            (
                "tv4.validateResult({}, schema).error.message",
                "Missing required property: alpha",
            ),
            (
                "tv4.validateMultiple({alpha: 1, list: [1.5]}, schema).errors.length",
                "2",
            ),
            ("tv4.validate({alpha: true}, schema)", "true"),
        ],
    );
}

#[test]
fn json_schema_assertion_messages() {
    let mut sb = sandbox();
    let out = run(
        &mut sb,
        "const schema = {properties: {alpha: {type: 'boolean'}}};\n\
         pm.test('ok', () => { pm.expect({alpha: true}).to.be.jsonSchema(schema); pm.expect(1).to.not.be.jsonSchema({type: 'string'}); });\n\
         pm.test('fails', () => { pm.expect({alpha: 1}).to.be.jsonSchema(schema); });\n\
         pm.test('negated', () => { pm.expect({alpha: true}).to.not.be.jsonSchema(schema); });\n\
         pm.test('response', () => { pm.response.to.have.jsonSchema({properties: {url: {type: 'string'}}}); pm.response.to.not.have.jsonSchema({properties: {url: {type: 'number'}}}); });",
        Some(r#"{"url":"https://x"}"#),
    );
    assert_eq!(out.error, None);
    let messages: Vec<Option<String>> = out
        .assertions
        .iter()
        .map(|a| a.error.as_ref().map(|e| e.message.clone()))
        .collect();
    assert_eq!(
        messages,
        vec![
            None,
            Some(
                "expected data to satisfy schema but found following errors: \ndata.alpha should be boolean"
                    .to_string()
            ),
            Some("expected data to not satisfy schema".to_string()),
            None,
        ]
    );
}

#[test]
fn crypto_js_known_answers() {
    check(
        "const C = require('crypto-js');",
        &[
            (
                "CryptoJS.MD5('jasonpurse') == '288d14f08b5ad40da43dbe06467729c9'",
                "true",
            ),
            ("C.MD5('')", "d41d8cd98f00b204e9800998ecf8427e"),
            ("C.SHA1('abc')", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                "C.SHA256('abc').toString(C.enc.Hex)",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                "C.SHA512('abc').toString().slice(0, 32)",
                "ddaf35a193617abacc417349ae204131",
            ),
            (
                "C.RIPEMD160('abc')",
                "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
            ),
            (
                "C.SHA3('abc').toString().slice(0, 32)",
                "18587dc2ea106b9a1563e32b3312421c",
            ),
            (
                "C.HmacSHA256('The quick brown fox jumps over the lazy dog', 'key')",
                "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            ),
            (
                "C.HmacMD5('The quick brown fox jumps over the lazy dog', 'key')",
                "80070713463e7749b90c2dc24911e275",
            ),
            (
                "C.HmacSHA1('', '')",
                "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d",
            ),
            (
                "C.HmacSHA256('abc', 'key').toString(C.enc.Base64)",
                "nBluMtwBdfhvSxy4konWYZ3mvuaZ5MN45oMJ7Zehpqs=",
            ),
            (
                "C.PBKDF2('password', 'salt', {keySize: 5, iterations: 1})",
                "0c60c80f961f0e71f3a9b524af6012062fe037a6",
            ),
            (
                "C.PBKDF2('password', 'salt', {keySize: 5, iterations: 2})",
                "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
            ),
            (
                "C.enc.Base64.stringify(C.enc.Utf8.parse('héllo'))",
                "aMOpbGxv",
            ),
            (
                "C.enc.Base64.parse('aMOpbGxv').toString(C.enc.Utf8)",
                "héllo",
            ),
            (
                "C.enc.Hex.parse('48656c6c6f').toString(C.enc.Latin1)",
                "Hello",
            ),
            ("C.lib.WordArray.random(16).sigBytes", "16"),
            (
                "C.AES.decrypt('U2FsdGVkX18BAgMEBQYHCDgayERkxXibMuUh6ooXMww=', 'secret').toString(C.enc.Utf8)",
                "hello world",
            ),
            (
                "C.AES.decrypt(C.AES.encrypt('round trip', 'pass').toString(), 'pass').toString(C.enc.Utf8)",
                "round trip",
            ),
            (
                "C.AES.encrypt('x', 'pass').toString().slice(0, 10)",
                "U2FsdGVkX1",
            ),
            (
                "C.AES.encrypt('hello world', C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: C.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).toString()",
                "P7UcDMvLUzu4KgjmgXAT6g==",
            ),
            (
                "C.AES.encrypt(C.enc.Hex.parse('00112233445566778899aabbccddeeff'), C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {mode: C.mode.ECB, padding: C.pad.NoPadding}).ciphertext",
                "69c4e0d86a7b0430d8cdb78070b4c55a",
            ),
            (
                "C.AES.decrypt('P7UcDMvLUzu4KgjmgXAT6g==', C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: C.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).toString(C.enc.Utf8)",
                "hello world",
            ),
            (
                "C.algo.SHA256.create().update('a').update('bc').finalize()",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                "C.algo.HMAC.create(C.algo.SHA256, 'key').update('abc').finalize().toString(C.enc.Base64)",
                "nBluMtwBdfhvSxy4konWYZ3mvuaZ5MN45oMJ7Zehpqs=",
            ),
        ],
    );
}

#[test]
fn buffer_and_base64() {
    check(
        "",
        &[
            ("Buffer.from('hello').toString('base64')", "aGVsbG8="),
            ("Buffer.from('aGVsbG8=', 'base64').toString()", "hello"),
            (
                "Buffer.from('héllo €').toString('hex')",
                "68c3a96c6c6f20e282ac",
            ),
            (
                "Buffer.from('68c3a96c6c6f', 'hex').toString('utf8')",
                "héllo",
            ),
            (
                "Buffer.from('user:pass').toString('base64')",
                "dXNlcjpwYXNz",
            ),
            ("Buffer.byteLength('€')", "3"),
            (
                "Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString()",
                "abc",
            ),
            (
                "Buffer.isBuffer(Buffer.alloc(2)) && !Buffer.isBuffer('x')",
                "true",
            ),
            (
                "Buffer.from([104, 105]).toString() + Buffer.from('hi').length",
                "hi2",
            ),
            ("Buffer.from('abcdef').slice(1, 3).toString('latin1')", "bc"),
            ("Buffer.from('ab').equals(Buffer.from('ab'))", "true"),
            (
                "JSON.stringify(Buffer.from('ab'))",
                r#"{"type":"Buffer","data":[97,98]}"#,
            ),
            (
                "(function () { try { Buffer.from('-_8', 'base64url'); } catch (e) { return e.message; } })()",
                "Unknown encoding: base64url",
            ),
            ("require('buffer').Buffer === Buffer", "true"),
            ("btoa('hello') + atob('aGVsbG8=')", "aGVsbG8=hello"),
            ("Buffer.alloc(3, 'ab').toString()", "aba"),
            ("Buffer.from('\\u00ff', 'latin1')[0]", "255"),
        ],
    );
}

#[test]
fn xml2js_and_legacy_xml2json() {
    check(
        "const xml2js = require('xml2js'); const xml = '<root a=\"1\"><item id=\"x\">one</item><item>two &amp; three</item><empty/><![CDATA[<raw>]]></root>';\n\
         let shaped; xml2js.parseString(xml, (err, r) => { shaped = r; });\n\
         let flat; xml2js.parseString(xml, {explicitArray: false}, (err, r) => { flat = r; });\n\
         let failed; xml2js.parseString('<a><b></a>', (err) => { failed = err; });",
        &[
            (
                "JSON.stringify(shaped)",
                r#"{"root":{"_":"<raw>","$":{"a":"1"},"item":[{"_":"one","$":{"id":"x"}},"two & three"],"empty":[""]}}"#,
            ),
            (
                "JSON.stringify(flat)",
                r#"{"root":{"_":"<raw>","$":{"a":"1"},"item":[{"_":"one","$":{"id":"x"}},"two & three"],"empty":""}}"#,
            ),
            ("failed instanceof Error", "true"),
            (
                "JSON.stringify(xml2Json('<?xml version=\"1.0\"?>\\n<note>\\n  <to> Tove </to>\\n  <from>Jani</from>\\n</note>'))",
                r#"{"note":{"to":"Tove","from":"Jani"}}"#,
            ),
            ("xml2Json('<a><b></a>')", "undefined"),
            (
                "new xml2js.Builder().buildObject({root: {$: {id: 1}, name: ['a & b', 'c']}})",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<root id=\"1\">\n  <name>a &amp; b</name>\n  <name>c</name>\n</root>",
            ),
        ],
    );
}

#[test]
fn moment_subset() {
    check(
        "const moment = require('moment'); const m = moment.utc('2024-02-29T13:05:09.123Z');",
        &[
            (
                "m.format('YYYY-MM-DD HH:mm:ss.SSS')",
                "2024-02-29 13:05:09.123",
            ),
            (
                "m.format('dddd, MMMM Do YYYY, h:mm:ss a')",
                "Thursday, February 29th 2024, 1:05:09 pm",
            ),
            ("m.format()", "2024-02-29T13:05:09Z"),
            ("m.toISOString()", "2024-02-29T13:05:09.123Z"),
            (
                "m.clone().add(1, 'year').format('YYYY-MM-DD')",
                "2025-02-28",
            ),
            (
                "m.clone().add(1, 'months').format('YYYY-MM-DD')",
                "2024-03-29",
            ),
            (
                "m.clone().subtract(2, 'days').add(3, 'h').format('DD HH')",
                "27 16",
            ),
            (
                "m.clone().startOf('month').toISOString()",
                "2024-02-01T00:00:00.000Z",
            ),
            (
                "m.clone().endOf('day').toISOString()",
                "2024-02-29T23:59:59.999Z",
            ),
            ("m.unix()", "1709211909"),
            ("m.valueOf()", "1709211909123"),
            (
                "moment.utc('2024-03-01').diff(moment.utc('2024-02-01'), 'days')",
                "29",
            ),
            (
                "moment.utc('2024-03-01').diff(moment.utc('2024-01-01'), 'months')",
                "2",
            ),
            (
                "m.isBefore(moment.utc('2025-01-01')) && m.isAfter('2020-01-01') && m.isSame('2024-02-29T13:05:09.123Z')",
                "true",
            ),
            ("m.isSame(moment.utc('2024-02-01'), 'month')", "true"),
            (
                "moment.utc('31/12/2023 23:59', 'DD/MM/YYYY HH:mm').toISOString()",
                "2023-12-31T23:59:00.000Z",
            ),
            (
                "moment('not a date', 'YYYY-MM-DD', true).isValid()",
                "false",
            ),
            ("moment.unix(0).utc().format('YYYY')", "1970"),
            ("moment.utc('2024-01-01T00:00:00+02:00').format('HH')", "22"),
            ("moment().isValid() && typeof moment().valueOf()", "number"),
            ("moment.duration(90, 'minutes').asHours()", "1.5"),
            ("moment.utc([2020, 0, 15]).format('L')", "01/15/2020"),
        ],
    );
}

#[test]
fn small_modules() {
    check(
        "const uuid = require('uuid'); const chai = require('chai'); const parse = require('csv-parse/lib/sync'); \
         const url = require('url'); const qs = require('querystring'); const util = require('util'); \
         const path = require('path'); const EventEmitter = require('events'); const assert = require('assert'); \
         const punycode = require('punycode');",
        &[
            (
                "/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid.v4())",
                "true",
            ),
            ("uuid().length + Object.keys(uuid).join()", "36v4"),
            (
                "(function () { try { chai.assert.equal(1, 2); } catch (e) { return e.message; } })()",
                "expected 1 to equal 2",
            ),
            (
                "(function () { chai.expect([1]).to.have.lengthOf(1); chai.assert.isTrue(true); chai.assert.deepEqual({a: 1}, {a: 1}); return 'ok'; })()",
                "ok",
            ),
            (
                "JSON.stringify(parse('a,b\\n1,\"x,y\"\\n\\n2,\"q\"\"\"', {columns: true, skip_empty_lines: true}))",
                r#"[{"a":"1","b":"x,y"},{"a":"2","b":"q\""}]"#,
            ),
            (
                "JSON.stringify(parse('1;2\\n3;4', {delimiter: ';'}))",
                r#"[["1","2"],["3","4"]]"#,
            ),
            // Newman's `url` is the legacy module: no WHATWG URL.
            (
                "typeof url.URL + ' ' + Object.keys(url).join()",
                "undefined parse,resolve,resolveObject,format,Url",
            ),
            (
                "url.parse('HTTP://User@Example.com:8080/a b?x=1#h').href",
                "http://User@example.com:8080/a%20b?x=1#h",
            ),
            (
                "url.parse('http://user@host.com:81/p/a?q=1#f', true).query.q + url.parse('http://host.com:81/p').port",
                "181",
            ),
            (
                "url.format({protocol: 'https', hostname: 'e.com', pathname: '/x', query: {a: 1}})",
                "https://e.com/x?a=1",
            ),
            ("url.resolve('http://e.com/a/b', '../c')", "http://e.com/c"),
            (
                "JSON.stringify(qs.parse('a=1&b=2&a=3&c=x%20y+z'))",
                r#"{"a":["1","3"],"b":"2","c":"x y z"}"#,
            ),
            ("qs.stringify({a: [1, 2], b: 'x y'})", "a=1&a=2&b=x%20y"),
            ("util.format('%s=%d %j', 'a', 42, {b: 1})", "a=42 {\"b\":1}"),
            (
                "util.inspect({a: {b: {c: {d: 1}}}})",
                "{ a: { b: { c: [Object] } } }",
            ),
            ("typeof util.promisify", "undefined"),
            (
                "path.join('/a/b', '../c', 'd.txt') + ' ' + path.basename('/x/y.json', '.json') + ' ' + path.extname('f.tar.gz')",
                "/a/c/d.txt y .gz",
            ),
            (
                "(function () { const e = new EventEmitter(); let got = 0; e.on('x', v => { got += v; }); e.once('x', v => { got += 10 * v; }); e.emit('x', 1); e.emit('x', 2); return got; })()",
                "13",
            ),
            (
                "(function () { try { assert.strictEqual(1, 2); } catch (e) { return e.name + ' ' + e.code; } })()",
                "AssertionError ERR_ASSERTION",
            ),
            (
                "punycode.toASCII('mañana.com') + ' ' + punycode.toUnicode('xn--maana-pta.com')",
                "xn--maana-pta.com mañana.com",
            ),
            (
                "(function () { try { require('no-such-module'); } catch (e) { return e.message; } })()",
                "Cannot find module 'no-such-module'",
            ),
            (
                "require('postman-collection').Property.replaceSubstitutions('{{a}}-{{b}}', { a: 'A' }) + ' ' + \
                 new (require('postman-collection').Url)('http://a.com/p?q=1').getQueryString()",
                "A-{{b}} q=1",
            ),
            ("typeof require('timers').setTimeout", "function"),
            (
                "Object.keys(require('stream')).join() + ' ' + typeof require('stream')",
                "super_,Readable,Writable,Duplex,Transform,PassThrough,Stream function",
            ),
        ],
    );
}

#[test]
fn cheerio_selection() {
    check(
        "const $ = cheerio.load('<html><head><title>T</title></head><body><ul id=\"list\"><li class=\"a\">One</li><li class=\"b\" data-n=\"2\">Two &amp; more</li></ul><p>x<br>y</p></body></html>');",
        &[
            ("$('title').text()", "T"),
            ("$('li').length", "2"),
            ("$('li.b').text()", "Two & more"),
            ("$('#list li').eq(1).attr('class')", "b"),
            (
                "$('li').map((i, el) => $(el).text()).get().join('|')",
                "One|Two & more",
            ),
            ("$('li').first().next().data('n')", "2"),
            ("$('ul').find('.a').length + $('ul').children().length", "3"),
            ("$('li.a').parent().attr('id')", "list"),
            ("$('li.b').closest('ul').attr('id')", "list"),
            (
                "$('ul').html()",
                "<li class=\"a\">One</li><li class=\"b\" data-n=\"2\">Two &amp; more</li>",
            ),
            ("$('p').html()", "x<br>y"),
            (
                "$('li').filter('.b').length + $('li').not('.b').length",
                "2",
            ),
            ("$('li').is('.a')", "true"),
            (
                "(function () { let n = ''; $('li').each(function (i, el) { n += i + $(this).text().slice(0, 1); }); return n; })()",
                "0O1T",
            ),
            (
                "cheerio.load('<div><span>hi</span></div>')('span').text()",
                "hi",
            ),
            (
                "require('cheerio').load('<a href=\"/x\">l</a>')('a').attr('href')",
                "/x",
            ),
            ("$('li').toArray().length", "2"),
        ],
    );
}

/// cheerio.load builds the tree as htmlparser2 does (cheerio 0.22 in Newman's sandbox) and
/// renders it as dom-serializer does.
#[test]
fn cheerio_parses_as_htmlparser2() {
    check(
        "const load = require('cheerio').load;",
        &[
            (
                "load('<body><h1>H</h1><p>a</p><p>b</p></body>')('body').children().length",
                "3",
            ),
            ("load('<html><body>x</body></html>')('head').length", "0"),
            (
                "load('<head><title>T</title></head><body>b</body>').root().children().length",
                "2",
            ),
            (
                "load('<table><tr><td>a<td>b<tr><td>c</table>').html()",
                "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
            ),
            ("load('<p>a<div>b</div>c</p>')('p').length", "1"),
            ("load('<p>a<h1>b</h1>').html()", "<p>a</p><h1>b</h1>"),
            ("load('<ul><li>a<li>b</ul>')('li').length", "2"),
            ("load('<div/>text')('div').text()", "text"),
            ("load('<br></br>a</p>').html()", "<br><br>a<p></p>"),
            ("load('<title>a <b>b</b></title>')('b').length", "1"),
            (
                "load('<script>if (a < b) { x = \\'</p>\\'; }</script>')('script').html()",
                "if (a < b) { x = '</p>'; }",
            ),
            (
                "load('<svg><path d=\\'M0\\'/><circle/></svg>').html()",
                "<svg><path d=\"M0\"/><circle/></svg>",
            ),
            (
                "load('<p>&copy; \\'q\\' &amp; \\u{1F600}</p>').html()",
                "<p>&#xA9; &apos;q&apos; &amp; &#x1F600;</p>",
            ),
            (
                "load('<a b=\\'1\\' a=\\'2\\' c>x</a>').html()",
                "<a b=\"1\" a=\"2\" c>x</a>",
            ),
        ],
    );
}

#[test]
fn libraries_load_lazily_and_scripts_stay_fast() {
    let mut sb = sandbox();
    // Warm up, then time plain scripts: the libraries must not be loaded for them.
    let _ = run(&mut sb, "pm.test('x', () => {});", None);
    let started = std::time::Instant::now();
    for _ in 0..200 {
        let out = run(
            &mut sb,
            "pm.test('x', () => { pm.expect(1).to.equal(1); });",
            None,
        );
        assert_eq!(out.error, None);
    }
    let per_script = started.elapsed() / 200;
    // Generous bound for debug builds on a busy machine; release is ~30 µs.
    assert!(
        per_script < std::time::Duration::from_millis(5),
        "{per_script:?}"
    );
    // A library loads once and is shared by later scripts.
    let out = run(
        &mut sb,
        "var first = require('lodash'); pm.test('same', () => pm.expect(require('lodash') === first).to.be.true);",
        None,
    );
    assert_eq!(out.assertions[0].error, None);
}
