//! Tests that malformed input gives errors naming the JSON path (never a panic), and that odd
//! but valid input converts into a collection that loads.

use serde_json::json;

use crate::collection::v1::convert_v1;

#[test]
fn v1_malformed_inputs_are_errors_not_panics() {
    let cases = [
        (json!(5), "expected a collection object, found a number"),
        (
            json!({"requests": 5}),
            "requests: expected an array, found a number",
        ),
        (
            json!({"requests": [3]}),
            "requests[0]: expected a request object",
        ),
        (
            json!({"requests": [{"id": {}}]}),
            "requests[0].id: expected an id",
        ),
        (
            json!({"order": {"a": 1}}),
            "order: expected an array, found an object",
        ),
        (
            json!({"order": [[1]], "requests": []}),
            "order[0]: expected an id",
        ),
        (
            json!({"order": [], "folders": "x"}),
            "folders: expected an array",
        ),
        (
            json!({"order": [], "folders": [{"id": "f", "order": 1}]}),
            "folders[0].order",
        ),
        (
            json!({"order": [], "folders": [{"id": "f", "folders_order": {}}]}),
            "folders[0].folders_order: expected an array",
        ),
        (
            json!({"order": [], "folders_order": "f"}),
            "folders_order: expected an array",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "headers": {}}]}),
            "requests[0].headers: expected a string of header lines or an array",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "headerData": [1]}]}),
            "requests[0].headerData[0]: expected a header object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "queryParams": "a=1"}]}),
            "requests[0].queryParams: expected an array, found a string",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "pathVariables": [1]}]}),
            "requests[0].pathVariables: expected an object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "url": [1]}]}),
            "requests[0].url: expected a URL string",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "tests": 5}]}),
            "requests[0].tests: expected a script",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "events": [5]}]}),
            "requests[0].events[0]: expected an event object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": {}}]}),
            "requests[0].currentHelper: expected an auth helper name",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "auth": 5}]}),
            "requests[0].auth: expected an auth object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "dataMode": "raw", "rawModeData": "x", "dataOptions": 1}]}),
            "requests[0].dataOptions: expected an object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "variables": [1]}]}),
            "requests[0].variables[0]: expected a variable object",
        ),
        (
            json!({"order": ["r"], "requests": [{"id": "r", "responses": {}}]}),
            "requests[0].responses: expected an array",
        ),
        (
            json!({"order": [], "folders": [
            {"id": "a", "folders_order": ["b"]}, {"id": "b", "folders_order": ["a"]},
            {"id": "top", "folders_order": ["a"]}]}),
            "is listed inside itself",
        ),
        (
            json!({"order": [], "variables": "x"}),
            "variables: expected an array",
        ),
    ];
    for (doc, expected) in cases {
        let shown = doc.to_string();
        let err = convert_v1(&doc).unwrap_err();
        assert!(err.contains(expected), "{shown}: {err}");
    }
}

#[test]
fn v1_odd_but_valid_inputs_convert() {
    let docs = [
        json!({"order": null, "requests": [null, {"id": 1, "name": 2, "url": 3}]}),
        json!({"order": [1], "requests": [{"id": 1, "headers": 5, "method": null}]}),
        json!({"order": ["r"], "requests": [{"id": "r", "data": {"a": 1}, "dataMode": "nope"}]}),
        json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": "mystery",
            "helperAttributes": [1, 2]}]}),
        json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": "awsSigV4",
            "helperAttributes": 7}]}),
        json!({"order": ["r"], "requests": [{"id": "r", "headers": "é: ü\n//\n//:x\n∂"}]}),
        json!({"order": ["x"], "folders": [null, {"name": "no id"}], "requests": []}),
        json!({"order": [], "folders": [{"id": "f", "folders_order": ["f"]}]}),
    ];
    for doc in docs {
        let shown = doc.to_string();
        let converted = convert_v1(&doc).unwrap_or_else(|e| panic!("{shown}: {e}"));
        crate::collection::parse_collection(converted, std::path::Path::new("c.json"))
            .unwrap_or_else(|d| panic!("{shown}: {d}"));
    }
}
