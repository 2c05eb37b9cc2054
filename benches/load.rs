//! Criterion micro-benchmarks for collection loading: the shipped partner-API collection and a
//! generated 1,000-item collection (the same shape as `bench/gen.py`'s: a pre-request script, a
//! test script and a templated URL per item). `cargo bench --bench load`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use postie::collection::{load_collection, parse_collection};
use serde_json::{Value, json};

fn script(listen: &str, lines: &[String]) -> Value {
    json!({"listen": listen, "script": {"type": "text/javascript", "exec": lines}})
}

fn generated(items: usize) -> Value {
    let items: Vec<Value> = (1..=items)
        .map(|i| {
            json!({
                "name": format!("GET {i}"),
                "event": [
                    script("prerequest", &[format!("pm.variables.set(\"i\", \"{i}\");")]),
                    script("test", &[
                        "pm.test(\"status 200 and i echoed\", function () {".to_owned(),
                        "    pm.response.to.have.status(200);".to_owned(),
                        "    const body = pm.response.json();".to_owned(),
                        format!("    pm.expect(body.i).to.eql({i});"),
                        "});".to_owned(),
                    ]),
                ],
                "request": {"method": "GET", "header": [], "url": "{{base_url}}/json?i={{i}}"}
            })
        })
        .collect();
    json!({
        "info": {
            "name": "generated",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": items,
        "variable": [{"key": "base_url", "value": "http://127.0.0.1:18732"}]
    })
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("collections/partner-api.postman_collection.json")
}

fn bench_load(c: &mut Criterion) {
    let partner = shipped();
    c.bench_function("load_collection/partner-api", |b| {
        b.iter(|| load_collection(black_box(&partner)).expect("shipped collection loads"))
    });
    let partner_doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&partner).expect("read shipped collection"))
            .expect("shipped collection is JSON");
    c.bench_function("parse_collection/partner-api", |b| {
        b.iter_batched(
            || partner_doc.clone(),
            |doc| parse_collection(doc, &partner).expect("parses"),
            BatchSize::SmallInput,
        )
    });

    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("get-1000.postman_collection.json");
    let doc = generated(1000);
    std::fs::write(&path, serde_json::to_vec(&doc).expect("serialise")).expect("write collection");
    c.bench_function("load_collection/1000-items", |b| {
        b.iter(|| load_collection(black_box(&path)).expect("generated collection loads"))
    });
    c.bench_function("parse_collection/1000-items", |b| {
        b.iter_batched(
            || doc.clone(),
            |doc| parse_collection(doc, &path).expect("parses"),
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
