//! Known-answer tests for the sandbox's library modules (`require(...)` and the legacy globals).

use std::time::Duration;

use super::*;

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_secs(5)),
        ..SandboxOptions::default()
    })
    .expect("sandbox starts")
}

fn run(sb: &mut Sandbox, source: &str, body: Option<&str>) -> ScriptOutcome {
    let req = RequestView {
        id: Some("req-1".to_string()),
        name: "r".to_string(),
        method: "GET".to_string(),
        url: "https://example.com/".to_string(),
        headers: vec![],
        body: None,
    };
    let resp = body.map(|b| ResponseView {
        code: 200,
        status: "OK".to_string(),
        headers: vec![("Content-Type".to_string(), "application/json".to_string())],
        body: b.to_string(),
        response_time_ms: 1,
        response_size: b.len() as u64,
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
        },
        vars: ScopeSnapshot::default(),
    })
}

/// Evaluate each expression (after `setup`) and compare `String(value)` with the expectation.
fn check(setup: &str, cases: &[(&str, &str)]) {
    let mut sb = sandbox();
    let mut source = String::from(setup);
    for (expr, _) in cases {
        source.push_str(&format!(
            "\ntry {{ console.log(String({expr})); }} catch (e) {{ console.log('THREW ' + e); }}"
        ));
    }
    let out = run(&mut sb, &source, None);
    assert_eq!(out.error, None, "script error");
    let logged: Vec<&str> = out
        .console
        .iter()
        .filter(|m| m.level == ConsoleLevel::Log)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(logged.len(), cases.len());
    for ((expr, want), got) in cases.iter().zip(logged) {
        assert_eq!(got, *want, "{expr}");
    }
}

#[test]
fn lodash_functions() {
    check(
        "const _ = require('lodash'); const users = [{n: 'a', age: 30, g: 'x'}, {n: 'b', age: 20, g: 'y'}, {n: 'c', age: 40, g: 'x'}];",
        &[
            ("_.get({a: {b: [1, {c: 5}]}}, 'a.b[1].c')", "5"),
            ("_.get({}, 'x.y', 'dflt')", "dflt"),
            ("JSON.stringify(_.set({}, 'a.b[0].c', 1))", r#"{"a":{"b":[{"c":1}]}}"#),
            ("_.has({a: {b: 1}}, 'a.b')", "true"),
            ("_.map(users, 'n').join()", "a,b,c"),
            ("_.filter(users, {g: 'x'}).length", "2"),
            ("_.find(users, ['n', 'b']).age", "20"),
            ("_.sortBy(users, 'age').map(u => u.n).join('')", "bac"),
            ("_.orderBy(users, ['g', 'age'], ['asc', 'desc']).map(u => u.n).join('')", "cab"),
            ("JSON.stringify(_.groupBy(users, 'g'))", r#"{"x":[{"n":"a","age":30,"g":"x"},{"n":"c","age":40,"g":"x"}],"y":[{"n":"b","age":20,"g":"y"}]}"#),
            ("JSON.stringify(_.countBy([1.2, 1.5, 2.1], Math.floor))", r#"{"1":2,"2":1}"#),
            ("_.uniq([1, 2, 1, 3]).join()", "1,2,3"),
            ("_.uniqBy([{a: 1}, {a: 1}, {a: 2}], 'a').length", "2"),
            ("JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2))", "[[1,2],[3,4],[5]]"),
            ("_.flattenDeep([1, [2, [3, [4]]]]).join()", "1,2,3,4"),
            ("_.difference([1, 2, 3], [2]).join()", "1,3"),
            ("_.intersection([1, 2, 3], [2, 3, 4]).join()", "2,3"),
            ("JSON.stringify(_.zipObject(['a', 'b'], [1, 2]))", r#"{"a":1,"b":2}"#),
            ("JSON.stringify(_.pick({a: 1, b: 2, c: 3}, ['a', 'c']))", r#"{"a":1,"c":3}"#),
            ("JSON.stringify(_.omit({a: 1, b: 2, c: 3}, 'b'))", r#"{"a":1,"c":3}"#),
            ("JSON.stringify(_.merge({a: {b: 1}}, {a: {c: 2}}))", r#"{"a":{"b":1,"c":2}}"#),
            ("_.isEqual({a: [1, 2]}, {a: [1, 2]})", "true"),
            ("_.isEmpty({}) && _.isEmpty([]) && _.isEmpty('') && !_.isEmpty('x')", "true"),
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
            ("_.escape('<a href=\"x\">&</a>')", "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"),
            ("_.template('hi <%= name %>!')({name: 'bob'})", "hi bob!"),
            ("_.chain([3, 1, 2]).sortBy().map(x => x * 2).value().join()", "2,4,6"),
            ("_([1, 2, 3]).map(x => x + 1).filter(x => x > 2).value().join()", "3,4"),
            ("_([1, 2, 3]).sum()", "6"),
            ("JSON.stringify(_.mapValues({a: 1, b: 2}, v => v * 10))", r#"{"a":10,"b":20}"#),
            ("JSON.stringify(_.invert({a: 'x'}))", r#"{"x":"a"}"#),
            ("JSON.stringify(_.cloneDeep({a: [1, {b: 2}]}))", r#"{"a":[1,{"b":2}]}"#),
            ("_.includes([1, NaN], NaN) && _.includes('abc', 'b') && _.includes({a: 1}, 1)", "true"),
            ("_.size({a: 1, b: 2}) + _.size('abc')", "5"),
            ("_.random(5, 5)", "5"),
            ("_.toPairs({a: 1}).join()", "a,1"),
            ("_.keyBy(users, 'n').b.age", "20"),
            ("_.contains([1, 2], 2) && _.pluck(users, 'n').length === 3", "true"),
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
            ("(56).ordinalize() + (11).ordinalize() + (22).ordinalize()", "56th11th22nd"),
            ("'hello_world-foo'.camelize()", "HelloWorldFoo"),
            ("(function () { let n = 0; const f = (function () { return ++n; }).once(); f(); f(); return n; })()", "1"),
            ("Object.keys(String.prototype).length", "0"),
            ("typeof tv4.validate", "function"),
            ("typeof Buffer.from", "function"),
            ("(function () { try { Backbone.Model; return 'no'; } catch (e) { return e.message; } })()", "Backbone is not available in postie"),
            ("(function () { try { require('fs'); return 'no'; } catch (e) { return e.message; } })()", "require('fs'): module \"fs\" is not available in postie"),
            ("typeof require('atob')", "function"),
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
            ("ajv.validate(schema, {list: [1]}) || ajv.errorsText()", "data should have required property 'alpha'"),
            ("ajv.validate(schema, {alpha: true, list: [1, 'x']}) || ajv.errorsText()", "data.list[1] should be integer"),
            ("new Ajv({allErrors: true}).compile(schema)({alpha: 1, list: []}) ", "false"),
            ("(function () { const v = new Ajv({allErrors: true}).compile(schema); v({alpha: 1, list: []}); return v.errors.map(e => e.message).join('|'); })()",
             "should be boolean|should NOT have fewer than 1 items"),
            ("ajv.validate({type: 'object', additionalProperties: false, properties: {a: {}}}, {a: 1, b: 2}) || ajv.errors[0].params.additionalProperty", "b"),
            ("ajv.validate({definitions: {s: {type: 'string'}}, properties: {a: {$ref: '#/definitions/s'}}}, {a: 1}) || ajv.errorsText()", "data.a should be string"),
            ("ajv.validate({anyOf: [{type: 'string'}, {type: 'number'}]}, true) || ajv.errors.length", "3"),
            ("ajv.validate({enum: [1, 2]}, 3) || ajv.errorsText()", "data should be equal to one of the allowed values"),
            ("ajv.validate({type: 'string', format: 'email'}, 'nope') || ajv.errorsText()", "data should match format \"email\""),
            ("ajv.validate({minimum: 5, exclusiveMaximum: 10}, 10) || ajv.errorsText()", "data should be < 10"),
            ("tv4.validate({alpha: 1}, schema)", "false"),
            ("tv4.error.message + ' @' + tv4.error.dataPath + ' ' + tv4.error.code", "Invalid type: number (expected boolean) @/alpha 0"),
            ("tv4.validateResult({}, schema).error.message", "Missing required property: alpha"),
            ("tv4.validateMultiple({alpha: 1, list: [1.5]}, schema).errors.length", "2"),
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
            ("CryptoJS.MD5('jasonpurse') == '288d14f08b5ad40da43dbe06467729c9'", "true"),
            ("C.MD5('')", "d41d8cd98f00b204e9800998ecf8427e"),
            ("C.SHA1('abc')", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("C.SHA256('abc').toString(C.enc.Hex)", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("C.SHA512('abc').toString().slice(0, 32)", "ddaf35a193617abacc417349ae204131"),
            ("C.RIPEMD160('abc')", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
            ("C.SHA3('abc').toString().slice(0, 32)", "18587dc2ea106b9a1563e32b3312421c"),
            ("C.HmacSHA256('The quick brown fox jumps over the lazy dog', 'key')", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"),
            ("C.HmacMD5('The quick brown fox jumps over the lazy dog', 'key')", "80070713463e7749b90c2dc24911e275"),
            ("C.HmacSHA1('', '')", "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d"),
            ("C.HmacSHA256('abc', 'key').toString(C.enc.Base64)", "nBluMtwBdfhvSxy4konWYZ3mvuaZ5MN45oMJ7Zehpqs="),
            ("C.PBKDF2('password', 'salt', {keySize: 5, iterations: 1})", "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
            ("C.PBKDF2('password', 'salt', {keySize: 5, iterations: 2})", "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
            ("C.enc.Base64.stringify(C.enc.Utf8.parse('héllo'))", "aMOpbGxv"),
            ("C.enc.Base64.parse('aMOpbGxv').toString(C.enc.Utf8)", "héllo"),
            ("C.enc.Hex.parse('48656c6c6f').toString(C.enc.Latin1)", "Hello"),
            ("C.lib.WordArray.random(16).sigBytes", "16"),
            ("C.AES.decrypt('U2FsdGVkX18BAgMEBQYHCDgayERkxXibMuUh6ooXMww=', 'secret').toString(C.enc.Utf8)", "hello world"),
            ("C.AES.decrypt(C.AES.encrypt('round trip', 'pass').toString(), 'pass').toString(C.enc.Utf8)", "round trip"),
            ("C.AES.encrypt('x', 'pass').toString().slice(0, 10)", "U2FsdGVkX1"),
            ("C.AES.encrypt('hello world', C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: C.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).toString()", "P7UcDMvLUzu4KgjmgXAT6g=="),
            ("C.AES.encrypt(C.enc.Hex.parse('00112233445566778899aabbccddeeff'), C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {mode: C.mode.ECB, padding: C.pad.NoPadding}).ciphertext", "69c4e0d86a7b0430d8cdb78070b4c55a"),
            ("C.AES.decrypt('P7UcDMvLUzu4KgjmgXAT6g==', C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: C.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).toString(C.enc.Utf8)", "hello world"),
            ("C.algo.SHA256.create().update('a').update('bc').finalize()", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("C.algo.HMAC.create(C.algo.SHA256, 'key').update('abc').finalize().toString(C.enc.Base64)", "nBluMtwBdfhvSxy4konWYZ3mvuaZ5MN45oMJ7Zehpqs="),
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
            ("Buffer.from('héllo €').toString('hex')", "68c3a96c6c6f20e282ac"),
            ("Buffer.from('68c3a96c6c6f', 'hex').toString('utf8')", "héllo"),
            ("Buffer.from('user:pass').toString('base64')", "dXNlcjpwYXNz"),
            ("Buffer.byteLength('€')", "3"),
            ("Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString()", "abc"),
            ("Buffer.isBuffer(Buffer.alloc(2)) && !Buffer.isBuffer('x')", "true"),
            ("Buffer.from([104, 105]).toString() + Buffer.from('hi').length", "hi2"),
            ("Buffer.from('abcdef').slice(1, 3).toString('latin1')", "bc"),
            ("Buffer.from('ab').equals(Buffer.from('ab'))", "true"),
            ("JSON.stringify(Buffer.from('ab'))", r#"{"type":"Buffer","data":[97,98]}"#),
            ("Buffer.from('-_8', 'base64url').toString('hex')", "fbff"),
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
            ("JSON.stringify(shaped)", r#"{"root":{"_":"<raw>","$":{"a":"1"},"item":[{"_":"one","$":{"id":"x"}},"two & three"],"empty":[""]}}"#),
            ("JSON.stringify(flat)", r#"{"root":{"_":"<raw>","$":{"a":"1"},"item":[{"_":"one","$":{"id":"x"}},"two & three"],"empty":""}}"#),
            ("failed instanceof Error", "true"),
            ("JSON.stringify(xml2Json('<?xml version=\"1.0\"?>\\n<note>\\n  <to> Tove </to>\\n  <from>Jani</from>\\n</note>'))", r#"{"note":{"to":"Tove","from":"Jani"}}"#),
            ("xml2Json('<a><b></a>')", "undefined"),
            ("new xml2js.Builder().buildObject({root: {$: {id: 1}, name: ['a & b', 'c']}})",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<root id=\"1\">\n  <name>a &amp; b</name>\n  <name>c</name>\n</root>"),
        ],
    );
}
