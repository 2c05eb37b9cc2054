"""The reports as a digest, for `newman-diff --live --reports`: the JUnit file and the CLI
reporter's text, normalised so that only what a run decides (not its timing) is compared.

  junit ...   every element of the JUnit XML, one per line, indented by depth, with its
              attributes (times, timestamps and ids replaced by `*`) and its text
  cli ...     the CLI reporter's output, the banner line dropped, durations and sizes
              replaced, the summary table's column widths (which follow the durations) collapsed
Node's own stack frames (`    at … (node:…)`) are dropped from JUnit text: postie has no Node.
"""

import json
import os
import re
import xml.etree.ElementTree as ET

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
VOLATILE_ATTRS = ("time", "timestamp", "id")


def _text(s):
    s = re.sub(UUID, "<uuid>", s)
    return re.sub(r"\n    at [^\n]*", "", s)


def junit_lines(path):
    if not os.path.exists(path):
        return ["junit <missing>"]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return ["junit <invalid: %s>" % e]
    out = []

    def walk(el, depth):
        attrs = " ".join("%s=%s" % (k, "*" if k in VOLATILE_ATTRS else _text(v)) for k, v in el.attrib.items())
        text = (el.text or "").strip()
        line = "junit %s%s %s" % ("  " * depth, el.tag, attrs)
        if text:
            line += " | " + _text(text).replace("\n", "\\n")
        out.append(line.rstrip())
        for child in el:
            walk(child, depth + 1)

    walk(root, 0)
    return out


def cli_lines(stdout):
    lines = stdout.splitlines()
    if lines and lines[0] in ("newman", "postie"):
        lines = lines[1:]
    out = []
    for line in lines:
        line = re.sub(r"\d+(?:\.\d+)?(?:µs|ms|s)\b|\d+m \d+(?:\.\d+)?s", "T", line)
        line = re.sub(r"\b\d+(?:\.\d+)?[kMG]?B\b", "SIZE", line)
        line = re.sub(r"[─-]{2,}", "-", line)
        if line.startswith(("│", "|")):
            line = re.sub(r" {2,}", " ", line)
        out.append("cli " + line.rstrip())
    return out


# ---------------------------------------------------------------------------------------------
# The JSON report (`-r json`), normalised: one line per leaf, `json <path> = <value>`, keys
# sorted. What a run does not decide is replaced:
#   UUIDs                 `<uuid-N>`, numbered by first appearance (so the same id in two places
#                         must be the same id in both tools)
#   times                 run.timings.*, responseTime, timestamps, a response's `timings`, the
#                         `Date` header: `<t>`
#   the echo server port  `<port>` (in a URL object's `port`, and `127.0.0.1:PORT` -> echo.test)
#   failure checksums     `<checksum>` (an md5 over the error's fields, timestamp included)
#   multipart boundaries  `<boundary>`, and the Content-Length of such a body: `<n>`
#   response bytes        decoded as UTF-8 text when they are (then normalised as strings are);
#                         bytes that are not UTF-8 are kept as a hex digest of their length
# Node's stack frames (`    at …`, and `stacktrace` frames outside the sandbox's script) are
# dropped: postie has no Node.

TIME_KEYS = {"responseTime", "timestamp", "started", "completed"}


def _json_text(s, state):
    s = s.replace("localhost:%d" % state["port"], "echo.test").replace("127.0.0.1:%d" % state["port"], "echo.test")
    # another ephemeral port a case picked (a closed one, for refused connections)
    s = re.sub(r"(127\.0\.0\.1|localhost):(3[2-9]\d{3}|[45]\d{4}|60\d{3})\b", r"\1:<port>", s)
    for b in state["boundaries"]:
        s = s.replace(b, "<boundary>")
    # a multipart body's boundary that no header names (Newman lists no form Content-Type)
    s = re.sub(r"-{20,}[0-9]{20,}", "<boundary>", s)

    def uuid(m):
        ids = state["uuids"]
        key = m.group(0).lower()
        if key not in ids:
            ids[key] = "<uuid-%d>" % (len(ids) + 1)
        return ids[key]

    s = re.sub(UUID, uuid, s)
    s = re.sub(r"\n    at [^\n]*", "", s)
    if state["mask"]:
        # a JSON text's `"name": "value"` pairs are seen by the case's rules as `name=value`
        s = re.sub(r'"([\w-]+)": "([^"]*)"', lambda m: '"%s": "%s"' % (m.group(1), _pair_masked(m.group(1), m.group(2), state) or m.group(2)), s)
    for rx, rep in state["mask"]:
        s = re.sub(rx, rep, s)
    return s


def _pair_masked(key, value, state):
    """The case's mask rules applied to a `{key, value}` pair (as `key=value` and `key: value`):
    the masked text when a rule changes it."""
    for form in ("%s=%s", "%s: %s"):
        text = form % (key, value)
        masked = text
        for rx, rep in state["mask"]:
            masked = re.sub(rx, rep, masked)
        if masked != text:
            return "<%s>" % masked
    return None


def _collect_boundaries(value, out):
    if isinstance(value, dict):
        if isinstance(value.get("key"), str) and value["key"].lower() == "content-type" and isinstance(value.get("value"), str):
            m = re.search(r"boundary=([^;\s]+)", value["value"])
            if m:
                out.append(m.group(1).strip('"'))
        for v in value.values():
            _collect_boundaries(v, out)
    elif isinstance(value, list):
        for v in value:
            _collect_boundaries(v, out)


def _stream_text(data):
    try:
        return "text:" + bytes(data).decode("utf-8")
    except (UnicodeDecodeError, ValueError, TypeError):
        return "bytes:%d" % len(data) if isinstance(data, list) else repr(data)


def _json_walk(value, path, state, out):
    last = path.rsplit(".", 1)[-1]
    if isinstance(value, dict):
        if value.get("type") == "Buffer" and isinstance(value.get("data"), list):
            out.append((path + ".data", json.dumps(_json_text(_stream_text(value["data"]), state), ensure_ascii=False)))
            out.append((path + ".type", '"Buffer"'))
            return
        if last == "timings" and not path.endswith("run.timings"):
            out.append((path, "<t>"))
            return
        multipart = any(isinstance(h, dict) and str(h.get("key", "")).lower() == "content-type"
                        and "boundary=" in str(h.get("value", "")) for h in value.get("header") or [] if isinstance(value.get("header"), list))
        pair = None
        if state["mask"] and isinstance(value.get("key"), str) and isinstance(value.get("value"), (str, int, float)):
            pair = _pair_masked(value["key"], str(value["value"]), state)
        for k in sorted(value):
            v = pair if pair is not None and k == "value" else value[k]
            if multipart and k == "header" and isinstance(v, list):
                v = [dict(h, value="<n>") if isinstance(h, dict) and str(h.get("key", "")).lower() == "content-length" else h for h in v]
            _json_walk(v, "%s.%s" % (path, k) if path else k, state, out)
        if not value:
            out.append((path, "{}"))
        return
    if isinstance(value, list):
        if last == "stacktrace":
            value = [f for f in value if isinstance(f, dict) and f.get("fileName") == "sandbox-script.js"]
        for i, v in enumerate(value):
            _json_walk(v, "%s[%d]" % (path, i), state, out)
        if not value:
            out.append((path, "[]"))
        return
    if path.startswith("run.timings.") or last in TIME_KEYS:
        out.append((path, "<t>"))
        return
    if last == "checksum":
        out.append((path, "<checksum>"))
        return
    if last == "port" and (str(value) == str(state["port"]) or re.fullmatch(r"3[2-9]\d{3}|[45]\d{4}|60\d{3}", str(value))):
        out.append((path, "<port>"))
        return
    if isinstance(value, str):
        if re.match(r"^run\.executions\[\d+\]\.response\.header\[\d+\]\.value$", path) and state.get("date_header") == path:
            value = "<t>"
        out.append((path, json.dumps(_json_text(value, state), ensure_ascii=False)))
        return
    out.append((path, json.dumps(value)))


def _date_headers(report):
    """Paths of the `Date` response header values (`<t>`)."""
    paths = set()
    for i, ex in enumerate(((report.get("run") or {}).get("executions") or []) if isinstance(report, dict) else []):
        for j, h in enumerate(((ex or {}).get("response") or {}).get("header") or []):
            if isinstance(h, dict) and str(h.get("key", "")).lower() == "date":
                paths.add("run.executions[%d].response.header[%d].value" % (i, j))
    return paths


def json_report_lines(path, port, mask=()):
    """The JSON report at `path`, normalised, as `json <path> = <value>` lines."""
    if not os.path.exists(path):
        return ["json <missing>"]
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except ValueError as e:
        return ["json <invalid: %s>" % e]
    boundaries = []
    _collect_boundaries(report, boundaries)
    rules = [(m, "<masked>") if isinstance(m, str) else (m[0], m[1]) for m in mask]
    state = {"port": port, "uuids": {}, "boundaries": sorted(set(boundaries), key=len, reverse=True), "mask": rules}
    dates = _date_headers(report)
    leaves = []
    _json_walk(report, "", state, leaves)
    return ["json %s = %s" % (p, "<t>" if p in dates else v) for p, v in leaves]


MASK = "********"


def same_masked(expected, actual):
    """True when the digests are the same but for secrets postie masked (DIVERGENCES.md D1): a
    `json` line of postie's may show `********` where Newman's shows the value."""
    if expected == actual:
        return True
    if MASK not in actual:
        return False
    # A masked value may hide an id (a nonce), which shifts the numbering of the ids after it.
    expected, actual = (re.sub(r"<uuid-\d+>", "<uuid>", t) for t in (expected, actual))
    e_lines, a_lines = expected.splitlines(), actual.splitlines()
    if len(e_lines) != len(a_lines):
        return False
    for e, a in zip(e_lines, a_lines):
        if e == a:
            continue
        if not a.startswith("json ") or MASK not in a:
            return False
        rx = ".+?".join(re.escape(part) for part in a.split(MASK))
        if not re.fullmatch(rx, e, re.S):
            return False
    return True
