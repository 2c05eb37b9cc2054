#!/usr/bin/env python3
"""The differential harness: run corpus cases through postie (and Newman) and compare.

  newman-diff [--postie BIN] [CASE_DIR|FAMILY_DIR ...]      compare postie with the recorded results
  newman-diff --record [CASE_DIR ...]                        run Newman, write each case's newman.txt
  newman-diff --live [--postie BIN] [CASE_DIR ...]           run both now and diff (nothing written)
  newman-diff --live --reports [CASE_DIR ...]                 also compare the JUnit file, the CLI text and
                                                             the JSON report (normalised: report_digest.py)
  newman-diff --json-reports [CASE_DIR ...]                   compare postie's JSON report, normalised, with
                                                             the cases' recorded newman-report.txt (only
                                                             the cases that have one)
  newman-diff --record --json-reports CASE_DIR ...            record Newman's normalised JSON report as
                                                             newman-report.txt (newman.txt is left alone)
  options: -j N (parallel runs, default 2), --newman CMD, --keep DIR (keep artifacts), -q (quiet),
           --min-cases N (fail when fewer cases are found), --show N (diff lines per case, default 60),
           --update-postie (write postie.txt for divergence and pending cases),
           --against-newman (compare pending cases with newman.txt: what is left to fix)

A case is a folder holding collection.json and, optionally, environment.json, globals.json,
data.json or data.csv, and case.json:
  {
    "args":        ["--bail"],             extra command-line flags, Newman's names
    "postie_args": ["--show-secrets"],     extra flags for postie only (its own options)
    "collection":  "collection.json",      other file names, when a case needs them
    "environment": "environment.json", "globals": "globals.json", "data": "data.csv",
    "mask":        ["regex", ["regex", "replacement"]],   applied to the digest text
    "timeout":     60,                     seconds per run
    "divergence":  "D3",                   postie differs from Newman on purpose (DIVERGENCES.md):
                                           postie is compared with postie.txt, and must still
                                           differ from newman.txt
    "pending":     "why",                  a known difference not fixed yet: compared with
                                           postie.txt like a divergence (so it cannot get worse
                                           unnoticed), counted and listed apart in the summary
    "compare_reports": ["cli", "junit"],   also put these reports in the digest (recorded and compared
                                           like the rest): the CLI reporter's text, the JUnit file, the
                                           JSON report (normalised as `--reports` does); `true` means
                                           ["cli", "junit"]
    "no_v3":       "why",                  `--via-v3` runs this case as it is (a staging artifact v3 cannot
                                           carry, e.g. a host element holding the echo server's port)
    "notes":       "what the case proves"
  }
Every file of a case is staged with the host `echo.test` rewritten to the echo server
(127.0.0.1:PORT, see server.py), and the digest maps it back, so recorded results do not depend
on ports. The digest is a text file, one fact per line:
  exit N
  > METHOD target              every request as it reached the server, then its headers and body
  = [iteration] item | METHOD url -> code reason    from the JSON report; then its assertions
  ! [iteration] source at=where ErrorName: message  run.failures
  console item | text          what scripts printed (the CLI reporter's console blocks)
  env / global / collection key = json value        the exported variables
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import server as echo  # noqa: E402
import report_digest  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_NEWMAN = os.path.join(ROOT, "tools", "newman", "node_modules", ".bin", "newman")
DEFAULT_POSTIE = os.path.join(ROOT, "target", "release", "postie")
HOST = "echo.test"
# `--reports`: also compare the JUnit file, the CLI text and the JSON report (live runs only).
REPORTS = False
# `--json-reports`: compare only the normalised JSON report, with the recorded newman-report.txt.
JSON_REPORTS = False
# `--via-v3`: postie runs each case converted to a v3 folder (`postie convert`); what v3 cannot
# hold is noted per case (V3_NOTES) and listed after the run.
VIA_V3 = False
V3_NOTES = {}
REPORT_FILE = "newman-report.txt"
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def load_meta(case):
    p = os.path.join(case, "case.json")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            return json.load(f)
    return {}


def find_cases(paths):
    out = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(os.path.join(p, "collection.json")) or os.path.isfile(os.path.join(p, "case.json")):
            out.append(p)
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames.sort()
            if "collection.json" in filenames or "case.json" in filenames:
                out.append(dirpath)
                dirnames[:] = []
    return sorted(set(out))


def stage(case, dest, port):
    """Copy a case with echo.test pointed at the server."""
    shutil.copytree(case, dest)
    for dirpath, _, filenames in os.walk(dest):
        for fn in filenames:
            p = os.path.join(dirpath, fn)
            try:
                with open(p, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            if HOST.encode() in data:
                with open(p, "wb") as f:
                    f.write(data.replace(HOST.encode(), ("127.0.0.1:%d" % port).encode()))


def case_reports(meta):
    """The reports a case puts in its digest (`compare_reports`; all three under `--reports`)."""
    if REPORTS:
        return ["junit", "cli", "json"]
    want = meta.get("compare_reports")
    if want is True:
        return ["cli", "junit"]
    return [r for r in ("junit", "cli", "json") if isinstance(want, list) and r in want]


def run_args(meta, stage_dir, out):
    a = ["run", os.path.join(stage_dir, meta.get("collection", "collection.json"))]
    for key, flag, default in (("environment", "-e", "environment.json"), ("globals", "-g", "globals.json")):
        name = meta.get(key, default)
        if name and os.path.exists(os.path.join(stage_dir, name)):
            a += [flag, os.path.join(stage_dir, name)]
    data = meta.get("data")
    if data is None:
        for cand in ("data.json", "data.csv"):
            if os.path.exists(os.path.join(stage_dir, cand)):
                data = cand
    if data:
        a += ["-d", os.path.join(stage_dir, data)]
    a += list(meta.get("args", []))
    a += ["-r", "cli,json", "--reporter-json-export", os.path.join(out, "report.json"),
          "--export-environment", os.path.join(out, "environment.json"),
          "--export-globals", os.path.join(out, "globals.json"),
          "--export-collection", os.path.join(out, "collection.json"), "--color", "off"]
    if REPORTS or "junit" in case_reports(meta):
        a[a.index("cli,json")] = "cli,json,junit"
        a += ["--reporter-junit-export", os.path.join(out, "report.xml")]
    return a


def _enc_param(s, key):
    if not isinstance(s, str):
        return s
    s = s.replace("&", "%26").replace("#", "%23")
    return s.replace("=", "%3D") if key else s


def url_to_string(u):
    """postman-collection's Url#toString() for the JSON form a report holds."""
    if u is None:
        return ""
    if isinstance(u, str):
        return u
    out = ""
    proto = u.get("protocol")
    if proto:
        out += proto if proto.endswith("://") else proto + "://"
    auth = u.get("auth")
    if isinstance(auth, dict):
        s = auth.get("user") if isinstance(auth.get("user"), str) else None
        if isinstance(auth.get("password"), str):
            s = (s or "") + ":" + auth["password"]
        if s is not None:
            out += s + "@"
    host = u.get("host")
    if host:
        out += ".".join(host) if isinstance(host, list) else str(host)
    if u.get("port") is not None:
        out += ":" + str(u["port"])
    path = u.get("path")
    if path is not None:
        if isinstance(path, list):
            out += "/" + "/".join(str(x) for x in path)
        else:
            out += ("" if str(path).startswith("/") else "/") + str(path)
    query = u.get("query") or []
    if query:
        enabled = [q for q in query if not (isinstance(q, dict) and q.get("disabled") is True)]
        qs = "&".join(
            ((_enc_param(q.get("key"), True) if isinstance(q.get("key"), str) else "") +
             ("=" + _enc_param(q["value"], False) if isinstance(q.get("value"), str) else ""))
            for q in enabled if isinstance(q, dict))
        if qs or enabled:
            out += "?" + qs
    if isinstance(u.get("hash"), str):
        out += "#" + u["hash"]
    return out


def load_json(p):
    if not os.path.exists(p):
        return None
    try:
        with open(p, encoding="utf-8-sig") as f:
            return json.load(f)
    except ValueError:
        return "INVALID"


def j(v):
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def sent_lines(captured):
    lines = []
    for r in captured:
        lines.append("> %s %s" % (r["method"], r["target"]))
        boundary = None
        for k, v in r["headers"]:
            m = re.search(r"boundary=([^;\s]+)", v) if k.lower() == "content-type" else None
            if m:
                boundary = m.group(1).strip('"')
        for k, v in r["headers"]:
            if k.lower() == "postman-token":
                v = re.sub(UUID, "<uuid>", v)
            if boundary:
                v = v.replace(boundary, "<boundary>")
            lines.append("  %s: %s" % (k, v))
        body = r["body"]
        if body:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                text = "<%d bytes> %s" % (len(body), body.hex()[:400])
            if boundary:
                text = text.replace(boundary, "<boundary>")
            lines.append("  body " + j(text))
    return lines


def report_lines(rep):
    lines = []
    if rep is None or rep == "INVALID":
        return ["report <%s>" % ("missing" if rep is None else "invalid json")], []
    run = rep.get("run") or {}
    prev = None
    for ex in run.get("executions") or []:
        key = json.dumps(ex, sort_keys=True)
        if key == prev:  # Newman lists a replayed (digest/ntlm) request twice
            continue
        prev = key
        it = (ex.get("cursor") or {}).get("iteration", 0)
        name = (ex.get("item") or {}).get("name", "")
        req = ex.get("request") or {}
        resp = ex.get("response") or {}
        if resp and resp.get("code") is not None:
            status = "%s %s" % (resp.get("code"), resp.get("status", ""))
        else:
            status = "ERR" if ex.get("requestError") else "-"
        lines.append("= [%s] %s | %s %s -> %s" % (it, name, req.get("method", "?"), url_to_string(req.get("url")), status))
        err = ex.get("requestError")
        if err:
            msg = err.get("message") or err.get("code") or ""
            lines.append("  requestError %s" % msg)
        for a in ex.get("assertions") or []:
            if a.get("skipped"):
                lines.append("  SKIP %s" % a.get("assertion"))
            elif a.get("error"):
                e = a["error"]
                lines.append("  FAIL %s | %s: %s" % (a.get("assertion"), e.get("name"), e.get("message")))
            else:
                lines.append("  PASS %s" % a.get("assertion"))
    fails = []
    for f in run.get("failures") or []:
        at = f.get("at") or ""
        src = (f.get("source") or {}).get("name", "")
        it = (f.get("cursor") or {}).get("iteration", 0)
        e = f.get("error") or {}
        fails.append("! [%s] %s at=%s %s: %s" % (it, src, at, e.get("name", ""), e.get("message", "")))
    return lines, fails


def console_lines(stdout):
    out = []
    item = ""
    inside = False
    for line in stdout.splitlines():
        if line.startswith("→ ") or line.startswith("-> "):
            item = line.split(" ", 1)[1]
        elif line.rstrip() == "  ┌" or (line.startswith("  ") and line.rstrip().endswith(" ┌")):
            # a box opens on a line of its own, or at the end of a request line still waiting
            # for its response (a timer's console output while a pm.sendRequest is out)
            inside = True
        elif line.rstrip() == "  └":
            inside = False
        elif inside and line.startswith("  │"):
            out.append("console %s | %s" % (item, line[4:] if len(line) > 3 else ""))
    return out


def var_lines(prefix, doc, key="values"):
    if doc is None:
        return ["%s <no export>" % prefix]
    if doc == "INVALID":
        return ["%s <invalid json>" % prefix]
    vals = doc.get(key, []) if isinstance(doc, dict) else []
    if not isinstance(vals, list):  # an export that kept a `values`/`variable` of another type
        return ["%s <%s is %s>" % (prefix, key, j(vals))]
    lines = []
    for v in sorted(vals or [], key=lambda v: str(v.get("key") if isinstance(v, dict) else v)):
        if not isinstance(v, dict):
            lines.append("%s <entry %s>" % (prefix, j(v)))
            continue
        extra = " (disabled)" if v.get("enabled") is False or v.get("disabled") is True else ""
        lines.append("%s %s = %s%s" % (prefix, v.get("key"), j(v.get("value")), extra))
    return lines


def digest(meta, out, port, code, stdout, captured):
    lines = ["exit %s" % code]
    lines += sent_lines(captured)
    ex, fails = report_lines(load_json(os.path.join(out, "report.json")))
    lines += ex + fails
    lines += console_lines(stdout)
    lines += var_lines("env", load_json(os.path.join(out, "environment.json")))
    lines += var_lines("global", load_json(os.path.join(out, "globals.json")))
    lines += var_lines("collection", load_json(os.path.join(out, "collection.json")), "variable")
    reports = case_reports(meta)
    if "junit" in reports:
        lines += report_digest.junit_lines(os.path.join(out, "report.xml"))
    if "cli" in reports:
        lines += report_digest.cli_lines(stdout)
    if "json" in reports:
        lines += report_digest.json_report_lines(os.path.join(out, "report.json"), port, meta.get("mask", []))
    if JSON_REPORTS:
        lines = report_digest.json_report_lines(os.path.join(out, "report.json"), port, meta.get("mask", []))
    text = "\n".join(lines) + "\n"
    for host in ("127.0.0.1", "localhost"):
        text = text.replace("%s:%d" % (host, port), HOST)
    for m in meta.get("mask", []):
        rx, rep = (m, "<masked>") if isinstance(m, str) else (m[0], m[1])
        text = re.sub(rx, rep, text)
    return text


def convert_v3(case, meta, runner, stage_dir):
    """Convert the staged case's collection, environment and globals with `postie convert`;
    return the meta that runs the converted files. A file that does not convert stays (noted)."""
    meta = dict(meta)
    notes = []
    for key, default, dest in (("collection", "collection.json", "v3-collection"),
                               ("environment", "environment.json", "environment.v3.yaml"),
                               ("globals", "globals.json", "globals.v3.yaml")):
        name = meta.get(key, default)
        if not name or not os.path.exists(os.path.join(stage_dir, name)):
            continue
        p = subprocess.run(list(runner) + ["convert", os.path.join(stage_dir, name), os.path.join(stage_dir, dest)],
                           capture_output=True, timeout=60)
        err = p.stderr.decode("utf-8", "replace").replace(stage_dir + os.sep, "")
        if p.returncode == 0:
            meta[key] = dest
            notes += [l for l in err.splitlines() if l.strip()]
        else:
            notes.append("%s not converted (kept as v2.1): %s" % (name, err.strip().splitlines()[0] if err.strip() else p.returncode))
    if notes:
        V3_NOTES[rel(case)] = notes
    return meta


def run_case(case, runner, srv, keep, extra=(), via_v3=False):
    meta = load_meta(case)
    work = tempfile.mkdtemp(prefix="newman-diff-")
    try:
        stage_dir = os.path.join(work, "stage")
        out = os.path.join(work, "out")
        os.makedirs(out)
        stage(case, stage_dir, srv.port)
        if via_v3:
            meta = convert_v3(case, meta, runner, stage_dir)
        srv.capture.reset()
        cmd = list(runner) + run_args(meta, stage_dir, out) + list(extra)
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        env["FORCE_COLOR"] = "0"
        try:
            p = subprocess.run(cmd, cwd=stage_dir, capture_output=True, timeout=meta.get("timeout", 60), env=env)
            code, stdout = p.returncode, p.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            code, stdout = "timeout", (e.stdout or b"").decode("utf-8", "replace")
        text = digest(meta, out, srv.port, code, stdout, srv.capture.take())
        if keep:
            dest = os.path.join(keep, os.path.relpath(case, ROOT).replace(os.sep, "__"))
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(work, dest)
            with open(os.path.join(dest, "stdout.txt"), "w") as f:
                f.write(stdout)
        return text
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rel(case):
    return os.path.relpath(case, ROOT)


def main(argv):
    ap = argparse.ArgumentParser(prog="newman-diff", description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="*", help="case folders or folders holding cases (default: tests/corpus)")
    ap.add_argument("--record", action="store_true", help="run Newman and store its digest as newman.txt")
    ap.add_argument("--live", action="store_true", help="run both now and diff postie against Newman")
    ap.add_argument("--postie", default=os.environ.get("POSTIE_BIN", DEFAULT_POSTIE), help="postie command")
    ap.add_argument("--newman", default=DEFAULT_NEWMAN, help="newman command")
    ap.add_argument("-j", type=int, default=2, help="parallel runs")
    ap.add_argument("--keep", help="keep every run's artifacts under this folder")
    ap.add_argument("--show", type=int, default=60, help="diff lines shown per case")
    ap.add_argument("--min-cases", type=int, default=0, help="fail when fewer cases are found")
    ap.add_argument("--via-v3", action="store_true",
                    help="convert each case to a v3 folder with `postie convert` and run that")
    ap.add_argument("--sample", type=int, default=0,
                    help="run every Nth case only (a deterministic sample)")
    ap.add_argument("-q", action="store_true", help="print only differences and the summary")
    ap.add_argument("--update-postie", action="store_true",
                    help="store postie's digest as postie.txt for pending/divergence cases")
    ap.add_argument("--against-newman", action="store_true",
                    help="compare pending cases with newman.txt (show what is left to fix)")
    ap.add_argument("--reports", action="store_true",
                    help="with --live: also compare the JUnit report, the CLI text and the JSON report")
    ap.add_argument("--json-reports", action="store_true",
                    help="compare only the normalised JSON report, with the recorded %s" % REPORT_FILE)
    args = ap.parse_args(argv)
    if args.reports and not args.live:
        print("--reports compares live runs only: add --live")
        return 2
    global REPORTS, JSON_REPORTS, VIA_V3
    VIA_V3 = args.via_v3
    REPORTS = args.reports
    JSON_REPORTS = args.json_reports
    for attr in ("postie", "newman"):
        first, _, rest = getattr(args, attr).partition(" ")
        if os.sep in first and os.path.exists(first):
            setattr(args, attr, (os.path.abspath(first) + " " + rest).strip())
    cases = find_cases(args.cases or [os.path.join(ROOT, "tests", "corpus")])
    if JSON_REPORTS and not args.record and not args.live:
        cases = [c for c in cases if os.path.exists(os.path.join(c, REPORT_FILE))]
    if len(cases) < args.min_cases:
        print("only %d cases found, expected at least %d" % (len(cases), args.min_cases))
        return 1
    if args.sample > 1:
        cases = cases[::args.sample]
    if args.record or args.live:
        if not os.path.exists(args.newman.split()[0]):
            print("newman not installed: run `npm ci --prefix tools/newman` first")
            return 2
    servers = queue.Queue()
    for _ in range(max(1, args.j)):
        servers.put(echo.Server())

    def one(case):
        srv = servers.get()
        try:
            meta = load_meta(case)
            res = {}
            if args.record or args.live:
                res["newman"] = run_case(case, args.newman.split(), srv, args.keep and os.path.join(args.keep, "newman"))
            if not args.record:
                res["postie"] = run_case(case, args.postie.split(), srv, args.keep and os.path.join(args.keep, "postie"),
                                         meta.get("postie_args", []), VIA_V3 and not meta.get("no_v3"))
            return case, meta, res
        finally:
            servers.put(srv)

    bad = 0
    pending, divergent = [], []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for case, meta, res in pool.map(one, cases):
            name = rel(case)
            if args.record:
                with open(os.path.join(case, REPORT_FILE if JSON_REPORTS else "newman.txt"), "w", encoding="utf-8") as f:
                    f.write(res["newman"])
                if not args.q:
                    print("recorded %s" % name)
                continue
            newman_path = os.path.join(case, "newman.txt")
            if args.live:
                expected, label = res["newman"], "newman"
            elif JSON_REPORTS:
                p = os.path.join(case, REPORT_FILE)
                expected, label = open(p, encoding="utf-8").read(), REPORT_FILE
            elif meta.get("divergence") or (meta.get("pending") and not args.against_newman):
                kind = "divergence %s" % meta["divergence"] if meta.get("divergence") else "pending"
                p = os.path.join(case, "postie.txt")
                if args.update_postie:
                    with open(p, "w", encoding="utf-8") as f:
                        f.write(res["postie"])
                expected = open(p, encoding="utf-8").read() if os.path.exists(p) else None
                label = "postie.txt (%s)" % kind
                recorded = open(newman_path, encoding="utf-8").read() if os.path.exists(newman_path) else None
                if recorded is None:
                    print("MISSING %s: no recorded Newman result" % name)
                    bad += 1
                    continue
                if recorded == res["postie"]:
                    print("STALE %s: marked %s but postie now matches Newman" % (name, kind))
                    bad += 1
                    continue
                if expected == res["postie"]:
                    (pending if kind == "pending" else divergent).append(name)
            else:
                expected = open(newman_path, encoding="utf-8").read() if os.path.exists(newman_path) else None
                label = "newman"
            if expected is None:
                print("MISSING %s: no recorded result" % name)
                bad += 1
                continue
            masked_ok = (REPORTS or JSON_REPORTS) and report_digest.same_masked(expected, res["postie"])
            if expected == res["postie"] or masked_ok:
                if not args.q:
                    print("match %s" % name)
                continue
            bad += 1
            print("DIFF %s" % name)
            diff = list(difflib.unified_diff(expected.splitlines(), res["postie"].splitlines(),
                                             label, "postie", lineterm="", n=1))
            for line in diff[: args.show]:
                print("    " + line)
            if len(diff) > args.show:
                print("    ... %d more lines" % (len(diff) - args.show))
    total = len(cases)
    if not args.record:
        same = total - bad - len(pending) - len(divergent)
        print("%d cases: %d as Newman, %d documented divergences, %d pending, %d differ"
              % (total, same, len(divergent), len(pending), bad))
        for name in pending:
            print("  pending %s" % name)
        if VIA_V3:
            print("v3: %d cases converted with warnings (what v3 cannot hold):" % len(V3_NOTES))
            for name in sorted(V3_NOTES):
                notes = V3_NOTES[name]
                print("  v3-lossy %s: %s%s" % (name, notes[0], " (+%d more)" % (len(notes) - 1) if len(notes) > 1 else ""))
    while not servers.empty():
        servers.get().close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
