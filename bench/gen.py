#!/usr/bin/env python3
"""Generate the benchmark's collections, floor path lists and curl configs.

Usage: gen.py --port PORT --out DIR [--sizes 1000,10000,100000] [--big 50]

Writes into DIR, for each size N:
  get-N.postman_collection.json  N GET items; each has a pre-request script setting a variable
                                 the URL uses, and a test script with pm.test + pm.response.json()
  get-N.paths                    the same request targets, one per line (for bench/floor.rs)
  get-N.curl                     the same URLs as a curl config (one curl process, one connection)
and plain-N (N the smallest size): the same requests with no scripts and the URL written out,
and big-B.* the same way for B requests to /big (about 1 MiB JSON each), and
slow.postman_collection.json: one item against /json?delay=5 (5 ms server latency), run with
-n 1000 to measure --parallel.
The server is bench/server.rs on 127.0.0.1:PORT.
"""

import argparse
import json
import os

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def script(listen, lines):
    return {"listen": listen, "script": {"type": "text/javascript", "exec": lines}}


def get_item(i):
    return {
        "name": f"GET {i}",
        "event": [
            script("prerequest", [f'pm.variables.set("i", "{i}");']),
            script(
                "test",
                [
                    'pm.test("status 200 and i echoed", function () {',
                    "    pm.response.to.have.status(200);",
                    "    const body = pm.response.json();",
                    f"    pm.expect(body.i).to.eql({i});",
                    "});",
                ],
            ),
        ],
        "request": {"method": "GET", "header": [], "url": "{{base_url}}/json?i={{i}}"},
    }


def plain_item(i):
    return {
        "name": f"GET {i}",
        "request": {"method": "GET", "header": [], "url": f"{{{{base_url}}}}/json?i={i}"},
    }


def big_item(i):
    return {
        "name": f"BIG {i}",
        "event": [
            script("prerequest", [f'pm.variables.set("i", "{i}");']),
            script(
                "test",
                [
                    'pm.test("status 200 and a 1 MiB document", function () {',
                    "    pm.response.to.have.status(200);",
                    "    const body = pm.response.json();",
                    "    pm.expect(body.items.length).to.eql(body.count);",
                    "});",
                ],
            ),
        ],
        "request": {"method": "GET", "header": [], "url": "{{base_url}}/big?i={{i}}"},
    }


def slow_item():
    return {
        "name": "SLOW",
        "event": [
            script("prerequest", ['pm.variables.set("i", "1");']),
            script(
                "test",
                [
                    'pm.test("status 200", function () {',
                    "    pm.response.to.have.status(200);",
                    "    pm.expect(pm.response.json().ok).to.eql(true);",
                    "});",
                ],
            ),
        ],
        "request": {"method": "GET", "header": [], "url": "{{base_url}}/json?i={{i}}&delay=5"},
    }


def collection(name, items, base_url):
    return {
        "info": {"name": name, "schema": SCHEMA},
        "item": items,
        "variable": [{"key": "base_url", "value": base_url}],
    }


def write_set(out, stem, items, targets, base_url):
    with open(os.path.join(out, f"{stem}.postman_collection.json"), "w") as f:
        json.dump(collection(stem, items, base_url), f, indent=1)
    with open(os.path.join(out, f"{stem}.paths"), "w") as f:
        f.write("".join(t + "\n" for t in targets))
    with open(os.path.join(out, f"{stem}.curl"), "w") as f:
        for t in targets:
            f.write(f'url = "{base_url}{t}"\noutput = "/dev/null"\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--big", type=int, default=50)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    base_url = f"http://127.0.0.1:{args.port}"
    for n in (int(s) for s in args.sizes.split(",") if s):
        items = [get_item(i) for i in range(1, n + 1)]
        write_set(args.out, f"get-{n}", items, [f"/json?i={i}" for i in range(1, n + 1)], base_url)
    small = min((int(s) for s in args.sizes.split(",") if s), default=1000)
    items = [plain_item(i) for i in range(1, small + 1)]
    write_set(args.out, f"plain-{small}", items, [f"/json?i={i}" for i in range(1, small + 1)], base_url)
    b = args.big
    items = [big_item(i) for i in range(1, b + 1)]
    write_set(args.out, f"big-{b}", items, [f"/big?i={i}" for i in range(1, b + 1)], base_url)
    with open(os.path.join(args.out, "slow.postman_collection.json"), "w") as f:
        json.dump(collection("slow", [slow_item()], base_url), f, indent=1)


if __name__ == "__main__":
    main()
