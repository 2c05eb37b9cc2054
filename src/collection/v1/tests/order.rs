//! Tests of folder and request placement: ordering, nesting, left-out notes, depth and size
//! bounds, and the multi-level fixture.

use serde_json::{Value, json};

use super::{convert, outline};
use crate::collection::v1::order::MAX_DEPTH;
use crate::collection::v1::{SCHEMA_V21, convert_v1, convert_v1_with_notes};

#[test]
fn v1_two_level_folders_order_and_fields() {
    let c = convert(json!({
        "id": "col-1", "name": "Old API", "description": "desc",
        "order": ["r3", "r-missing", "r3"],
        "folders": [
            {"id": "sub", "name": "Sub", "order": ["r2"], "folders_order": ["subsub"]},
            {"id": "top", "name": "Top", "description": "", "order": ["r1"], "folders_order": ["sub"]},
            {"id": "subsub", "name": "SubSub", "order": ["r4", "r4"]},
            {"id": "other", "name": "Other", "order": []}
        ],
        "requests": [
            {"id": "r1", "name": "one", "url": "http://x/1", "method": "POST"},
            {"id": "r2", "name": "two", "url": "http://x/2"},
            {"id": "r3", "name": "three", "url": "http://x/3"},
            {"id": "r4", "name": "four", "url": "http://x/4"}
        ],
        "variables": [{"key": "v", "value": "1", "type": "text"}, {"id": "w", "value": 2}]
    }));
    assert_eq!(
        outline(&c["item"]),
        [
            "Top/",
            "  Sub/",
            "    SubSub/",
            "      four",
            "      four",
            "    two",
            "  one",
            "Other/",
            "three"
        ]
    );
    assert_eq!(c["info"]["_postman_id"], "col-1");
    assert_eq!(c["info"]["name"], "Old API");
    assert_eq!(c["info"]["description"], "desc");
    assert_eq!(c["info"]["schema"], SCHEMA_V21);
    let top = &c["item"][0];
    assert_eq!(top["id"], "top");
    assert!(top.get("description").is_none());
    let one = &top["item"][1];
    assert_eq!(one["id"], "r1");
    assert_eq!(one["request"]["method"], "POST");
    assert_eq!(one["request"]["url"], "http://x/1");
    assert_eq!(one["response"], json!([]));
    assert_eq!(
        c["variable"],
        json!([{"key": "v", "value": "1", "type": "string"}, {"key": "w", "value": 2}])
    );
}

#[test]
fn v1_folders_order_absent_uses_folders_array_order() {
    let c = convert(json!({"name": "c", "order": [], "requests": [],
        "folders": [{"id": "b", "name": "B"}, {"id": "a", "name": "A"}]}));
    assert_eq!(outline(&c["item"]), ["B/", "A/"]);
    // An explicit (even empty) folders_order is followed as it is.
    let c = convert(
        json!({"name": "c", "order": [], "requests": [], "folders_order": ["a"],
        "folders": [{"id": "b", "name": "B"}, {"id": "a", "name": "A"}]}),
    );
    assert_eq!(outline(&c["item"]), ["A/"]);
}

#[test]
fn v1_request_in_no_order_is_left_out_with_a_note() {
    let (c, notes) = convert_v1_with_notes(&json!({"name": "c", "order": ["a"],
        "folders": [{"id": "f", "name": "F", "order": ["b"]}],
        "requests": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                     {"id": "orphan", "name": "Orphan"}, {"id": "o2"}]}))
    .expect("test fixture");
    assert_eq!(outline(&c["item"]), ["F/", "  B", "A"]);
    assert_eq!(notes.len(), 2);
    assert!(notes[0].contains("request \"Orphan\""), "{}", notes[0]);
    assert!(notes[1].contains("requests[3]"), "{}", notes[1]);
}

#[test]
fn v1_deep_nesting_is_bounded() {
    let n = MAX_DEPTH + 5;
    let folders: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("f{i}"), "folders_order": [format!("f{}", i + 1)]}))
        .collect();
    let err = convert_v1(&json!({"order": [], "folders": folders})).unwrap_err();
    assert!(err.contains("levels deep"), "{err}");
    // Shared subfolders doubling at each level would explode; they stop at a bound.
    let folders: Vec<Value> = (0..40)
        .map(|i| {
            let next = format!("f{}", i + 1);
            json!({"id": format!("f{i}"), "folders_order": [next.clone(), next]})
        })
        .collect();
    let err = convert_v1(&json!({"order": [], "folders": folders})).unwrap_err();
    assert!(err.contains("expands to more than"), "{err}");
}

#[test]
fn v1_fixture_matches_the_v2_multi_level_folders_case() {
    let v1: Value = serde_json::from_str(include_str!(
        "../../testdata/multi-level-folders.v1.collection.json"
    ))
    .expect("test fixture");
    let converted = convert(v1);
    let expected = [
        "F1/",
        "  F1.R1",
        "  F1.R2",
        "  F1.R3",
        "F2/",
        "  F2.F3/",
        "    F2.F3.R1",
        "  F4/",
        "  F2.R1",
        "R1",
    ];
    assert_eq!(outline(&converted["item"]), expected);
    let v2_file = [
        "../shared/conformance/cases",
        "/work/shared/conformance/cases",
    ]
    .iter()
    .map(|d| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(d)
            .join("multi-level-folders-v2/collection.json")
    })
    .find(|p| p.is_file());
    if let Some(v2_file) = v2_file {
        let v2: Value =
            serde_json::from_str(&std::fs::read_to_string(v2_file).expect("test fixture"))
                .expect("test fixture");
        assert_eq!(outline(&converted["item"]), outline(&v2["item"]));
    }
    let c = crate::collection::parse_collection(converted, std::path::Path::new("m.json"))
        .expect("test fixture");
    assert_eq!(c.items.len(), 3);
    assert_eq!(c.name, "multi-level folders (v1 form)");
}
