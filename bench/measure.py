#!/usr/bin/env python3
"""Run the benchmark's measurements and write bench/RESULTS.md. Called by bench/run.sh, which
installs the tools, builds the binaries, starts the servers and generates the collections first.

Every run is wrapped in `/usr/bin/time -v` for its peak RSS ("Maximum resident set size"); its wall
time is taken around that with a monotonic clock (millisecond precision, where time's own
"Elapsed" has 10 ms). postie and Newman alternate run by run. Startup is measured with hyperfine.

Run counts come from the environment (defaults in brackets):
  RUNS [5]                 runs of each tool on the partner flow, 1,000 GETs and 1 MiB bodies
  RUNS_10K_POSTIE [5]      postie runs on 10,000 GETs
  RUNS_10K_NEWMAN [1]      Newman runs on 10,000 GETs (≈ 5 min each on a 2-core machine)
  RUNS_100K_POSTIE [3]     postie runs on 100,000 GETs and on 1,000 GETs x 100 iterations
  NEWMAN_100K [auto]       auto: one Newman run on 100,000 GETs only if its 10,000 run projects
                           to at most NEWMAN_MAX_SECONDS [600]; run: always; skip: never
  RUNS_PARALLEL [3]        runs of each --parallel setting (only when postie has --parallel)
  STARTUP_RUNS [30]        hyperfine runs of each --version
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


LOADS = []


def loadavg():
    """The 1-minute load average (other work on the machine disturbs wall times)."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return 0.0


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Runner:
    def __init__(self, logs):
        self.logs = logs
        os.makedirs(logs, exist_ok=True)

    def once(self, cmd, name, cwd=None):
        """One run under /usr/bin/time -v: (wall s, peak RSS KiB, exit code, CPU s user+system)."""
        LOADS.append(loadavg())
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            with open(os.path.join(self.logs, f"{name}.log"), "w") as out:
                t0 = time.perf_counter()
                rc = subprocess.call(
                    ["/usr/bin/time", "-v", "-o", tf.name] + cmd,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    cwd=cwd,
                )
                wall = time.perf_counter() - t0
            text = tf.read()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        rss = int(m.group(1)) if m else 0
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
        return wall, rss, rc, cpu


def summary(samples):
    """Median wall and RSS of [(wall, rss, rc)], and whether every run exited 0."""
    if not samples:
        return None
    return {
        "n": len(samples),
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[3] for s in samples),
        "rss": statistics.median(s[1] for s in samples),
        "ok": all(s[2] == 0 for s in samples),
        "codes": sorted({s[2] for s in samples}),
        "samples": [[round(s[0], 4), s[1], s[2], round(s[3], 2)] for s in samples],
    }


def alternate(runner, key, tools, runs):
    """Run each (name, cmd) in `tools` alternately; runs[name] times each."""
    out = {name: [] for name, _ in tools}
    for r in range(max(runs.get(name, 0) for name, _ in tools)):
        for name, cmd in tools:
            if r < runs.get(name, 0):
                s = runner.once(cmd, f"{key}-{name}")
                out[name].append(s)
                flag = "" if s[2] == 0 else f"  EXIT {s[2]} (see {runner.logs}/{key}-{name}.log)"
                log(f"{key:<16} {name:<7} run {r + 1}: {s[0]:8.3f} s  cpu {s[3]:7.2f} s  "
                    f"{s[1] / 1024:7.1f} MiB  load {LOADS[-1]:.2f}{flag}")
    return {name: summary(samples) for name, samples in out.items()}


def fmt_s(v):
    if v is None:
        return "—"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def fmt_mib(kib):
    return "—" if not kib else f"{kib / 1024:.1f} MiB"


def fmt_ratio(a, b):
    return "—" if not a or not b else f"{a / b:.1f}×"


def sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, shell=True).stdout.rstrip()
    except OSError:
        return ""


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "nproc": sh("nproc"),
        "cpu": cpu or platform.processor(),
        "free": sh("free -h"),
        "kernel": platform.release(),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postie", required=True)
    ap.add_argument("--newman", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--floor-js", required=True, help="bench/floor.js (Node's http client floor)")
    ap.add_argument("--gen", required=True, help="folder of generated collections")
    ap.add_argument("--repo", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--partner-port", type=int, required=True)
    ap.add_argument("--partner-password", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--big", type=int, default=50)
    ap.add_argument("--out", required=True)
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    runs = env_int("RUNS", 5)
    runs_10k_p = env_int("RUNS_10K_POSTIE", 5)
    runs_10k_n = env_int("RUNS_10K_NEWMAN", 1)
    runs_100k_p = env_int("RUNS_100K_POSTIE", 3)
    newman_100k = os.environ.get("NEWMAN_100K", "auto")
    newman_max = env_int("NEWMAN_MAX_SECONDS", 600)
    runs_par = env_int("RUNS_PARALLEL", 3)
    startup_runs = env_int("STARTUP_RUNS", 30)

    work = os.path.dirname(os.path.abspath(args.gen))
    runner = Runner(os.path.join(work, "logs"))
    results = {"scenarios": {}, "notes": []}
    notes = results["notes"]
    postie_flags = ["--color", "off"]
    newman_flags = ["--color", "off"]
    sizes = [int(s) for s in args.sizes.split(",") if s]

    def coll(stem):
        return os.path.join(args.gen, f"{stem}.postman_collection.json")

    # --- startup -----------------------------------------------------------------------------
    log("startup: hyperfine --version")
    hf_json = os.path.join(work, "startup.json")
    startup = {}
    hyperfine = sh("command -v hyperfine")
    if hyperfine:
        subprocess.check_call(
            [hyperfine, "-N", "--warmup", "3", "--runs", str(startup_runs), "--export-json", hf_json,
             "--style", "basic", "-n", "postie", f"{args.postie} --version",
             "-n", "newman", f"{args.newman} --version"],
            stdout=sys.stderr,
        )
        with open(hf_json) as f:
            for r in json.load(f)["results"]:
                startup[r["command"]] = {"median": r["median"], "mean": r["mean"], "stddev": r["stddev"],
                                         "n": len(r["times"])}
    else:
        notes.append("hyperfine missing: startup wall time is the median of /usr/bin/time runs.")
    rss = alternate(runner, "startup", [("postie", [args.postie, "--version"]),
                                        ("newman", [args.newman, "--version"])],
                    {"postie": runs, "newman": runs})
    for name in ("postie", "newman"):
        startup.setdefault(name, {"median": rss[name]["wall"], "n": rss[name]["n"]})
        startup[name]["rss"] = rss[name]["rss"]
    results["startup"] = startup
    # The release binary postie ships as (Newman: its node_modules, for comparison).
    results["binary_size"] = os.path.getsize(args.postie)

    # --- server throughput -------------------------------------------------------------------
    addr = f"127.0.0.1:{args.port}"
    paths_1k = os.path.join(args.gen, f"get-{sizes[0]}.paths")
    server = {}
    for conns in (1, 2):
        line = subprocess.check_output([args.floor, addr, paths_1k, str(conns), "20"], text=True)
        server[conns] = float(re.search(r"req_per_s=(\d+)", line).group(1))
        log(f"server throughput, {conns} connection(s): {server[conns]:.0f} req/s")
    results["server"] = server

    # --- scenarios ---------------------------------------------------------------------------
    scen = results["scenarios"]

    def scenario(key, label, requests, postie_cmd, newman_cmd, pr, nr, floor_stem=None, floor_runs=None):
        tools = [("postie", postie_cmd)]
        if newman_cmd and nr:
            tools.append(("newman", newman_cmd))
        if floor_stem:
            fr = floor_runs or pr
            tools.append(("floor", [args.floor, addr, os.path.join(args.gen, f"{floor_stem}.paths")]))
            tools.append(("curl", ["curl", "-s", "-K", os.path.join(args.gen, f"{floor_stem}.curl")]))
            tools.append(("node", ["node", args.floor_js, addr, os.path.join(args.gen, f"{floor_stem}.paths")]))
        counts = {"postie": pr, "newman": nr}
        if floor_stem:
            counts["floor"] = counts["curl"] = counts["node"] = floor_runs or pr
        log(f"{label}: postie x{pr}, newman x{nr if newman_cmd else 0}")
        res = alternate(runner, key, tools, counts)
        res["label"] = label
        res["requests"] = requests
        scen[key] = res
        return res

    partner_env = ["--env-var", f"partner_url=http://127.0.0.1:{args.partner_port}",
                   "--env-var", "login=partner@example.com",
                   "--env-var", f"password={args.partner_password}"]
    pcoll = os.path.join(args.repo, "collections", "partner-api.postman_collection.json")
    penv = os.path.join(args.repo, "environments", "partner-api.postman_environment.json")
    scenario("partner", "partner flow (2 requests, scripts)", 2,
             [args.postie, "run", pcoll, "-e", penv] + partner_env + postie_flags,
             [args.newman, "run", pcoll, "-e", penv] + partner_env + newman_flags, runs, runs)

    for n in sizes:
        stem = f"get-{n}"
        label = f"{n:,} GETs, 2 scripts each"
        if n <= 1000:
            pr, nr = runs, runs
        elif n <= 10000:
            pr, nr = runs_10k_p, runs_10k_n
        else:
            pr = runs_100k_p
            nr = 0
            ten = scen.get("get-10000", {}).get("newman")
            if newman_100k == "run":
                nr = 1
            elif newman_100k == "auto" and ten:
                projected = ten["wall"] * n / 10000
                if projected <= newman_max:
                    nr = 1
                else:
                    notes.append(
                        f"Newman was not run on {n:,} GETs: its 10,000 run took {ten['wall']:.0f} s, "
                        f"which projects to {projected / 60:.0f} min (> {newman_max / 60:.0f} min).")
            elif newman_100k == "auto":
                notes.append(f"Newman was not run on {n:,} GETs (no 10,000 run to project from).")
            else:
                notes.append(f"Newman was not run on {n:,} GETs (NEWMAN_100K={newman_100k}).")
        scenario(stem, label, n,
                 [args.postie, "run", coll(stem)] + postie_flags,
                 [args.newman, "run", coll(stem)] + newman_flags, pr, nr,
                 floor_stem=stem, floor_runs=min(pr, runs) if n > 1000 else runs)

    small = sizes[0]
    scenario(f"plain-{small}", f"{small:,} GETs, no scripts (postie only)", small,
             [args.postie, "run", coll(f"plain-{small}")] + postie_flags, None, runs, 0)
    notes.append(f"{small:,} GETs without scripts is run by postie only: the same requests as the "
                 f"{small:,} GETs with the URL written out, to show what postie's HTTP path and reporting "
                 f"cost apart from the scripts.")

    iters = 100
    scenario(f"get-{small}x{iters}", f"{small:,} GETs × {iters} iterations (postie only)", small * iters,
             [args.postie, "run", coll(f"get-{small}"), "-n", str(iters)] + postie_flags,
             None, runs_100k_p, 0)
    notes.append(f"{small:,} GETs × {iters} iterations is run by postie only: it measures peak RSS over a "
                 f"long run whose collection stays small (Newman would take over 50 min).")

    b = args.big
    scenario(f"big-{b}", f"{b} GETs of 1 MiB JSON, 2 scripts each", b,
             [args.postie, "run", coll(f"big-{b}")] + postie_flags,
             [args.newman, "run", coll(f"big-{b}")] + newman_flags, runs, runs, floor_stem=f"big-{b}")

    # --- one very large body ----------------------------------------------------------------
    huge = 256 * 1024 * 1024
    huge_coll = os.path.join(args.gen, "huge.postman_collection.json")
    with open(huge_coll, "w") as f:
        json.dump({"info": {"name": "huge", "schema":
                            "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                   "item": [{"name": "huge", "request": {"method": "GET",
                                                         "url": f"http://{addr}/bytes?n={huge}"},
                             "event": [{"listen": "test", "script": {"exec": [
                                 "pm.test('ok', () => pm.response.to.have.status(200));"]}}]}]}, f)
    out = os.path.join(work, "huge-out")
    os.makedirs(out, exist_ok=True)
    scenario("huge", "one 256 MiB body, cli+json+junit+html reporters (postie only)", 1,
             [args.postie, "run", huge_coll, "-r", "cli,json,junit,html",
              "--reporter-json-export", os.path.join(out, "r.json"),
              "--reporter-junit-export", os.path.join(out, "r.xml"),
              "--reporter-html-export", os.path.join(out, "r.html")] + postie_flags, None, 3, 0)
    shutil.rmtree(out, ignore_errors=True)
    results["huge_body"] = huge

    # --- --parallel --------------------------------------------------------------------------
    help_text = sh(f"{args.postie} run --help")
    if "--parallel" in help_text:
        par = {}
        for n in (1, 8):
            res = alternate(runner, f"parallel-{n}",
                            [("postie", [args.postie, "run", coll("slow"), "-n", "1000", "--parallel", str(n)]
                              + postie_flags)], {"postie": runs_par})
            par[n] = res["postie"]
        results["parallel"] = par
    else:
        results["parallel"] = None
        notes.append("`postie run --help` has no `--parallel` yet: the --parallel measurement (1,000 "
                     "iterations against a 5 ms-latency server, N=1 vs N=8) was skipped.")

    results["loads"] = LOADS
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    write_markdown(args, results)


def write_markdown(args, results):
    m = machine()
    scen = results["scenarios"]
    st = results["startup"]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    postie_version = sh(f"{args.postie} --version")
    newman_version = sh(f"{args.newman} --version")
    commit = sh(f"git -C {args.repo} rev-parse --short HEAD").strip()
    L = []
    L.append("# Benchmark results: postie vs Newman")
    L.append("")
    if args.label:
        L.append(f"**{args.label}**")
        L.append("")
    L.append(f"- Date: {now}; {postie_version.strip()} (commit {commit}, release build), Newman "
             f"{newman_version.strip()} on Node {sh('node --version')}")
    L.append(f"- Machine: {m['nproc']} CPUs ({m['cpu']}), Linux {m['kernel']}")
    L.append("- Memory (`free -h`):")
    L.append("")
    L.append("```")
    L.append(m["free"])
    L.append("```")
    L.append("")
    L.append("Produced by `bench/run.sh` (see `bench/README.md`). Wall time and peak RSS are medians over "
             "the runs (n); postie and Newman alternate run by run, against the same server on "
             "127.0.0.1, both with the `cli` reporter (output to a file) and `--color off`.")
    L.append("")

    L.append("## Startup (`--version`)")
    L.append("")
    L.append("| | postie | Newman | Newman/postie |")
    L.append("|---|---|---|---|")
    p, n = st["postie"], st["newman"]
    L.append(f"| wall (median, n={p['n']}) | {fmt_s(p['median'])} | {fmt_s(n['median'])} | "
             f"{fmt_ratio(n['median'], p['median'])} |")
    L.append(f"| peak RSS | {fmt_mib(p['rss'])} | {fmt_mib(n['rss'])} | {fmt_ratio(n['rss'], p['rss'])} |")
    if results.get("binary_size"):
        L.append(f"| release binary size | {fmt_mib(results['binary_size'] / 1024)} (one file) | "
                 f"Node.js + node_modules | — |")
    L.append("")

    L.append("## Runs")
    L.append("")
    L.append("| collection | requests | postie wall (n) | Newman wall (n) | Newman/postie | postie ms/req | "
             "Newman ms/req | floor ms/req (raw / curl / node) | postie/floor | postie CPU | Newman CPU | "
             "Newman/postie CPU | postie RSS | Newman RSS | Newman/postie RSS |")
    L.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key, s in scen.items():
        p, n, fl, cu, nd = (s.get(k) for k in ("postie", "newman", "floor", "curl", "node"))
        req = s["requests"]

        def per(x):
            return "—" if not x else f"{x['wall'] * 1000 / req:.3f}"

        def wall(x):
            if not x:
                return "not run"
            bad = "" if x["ok"] else f" **exit {x['codes']}**"
            return f"{fmt_s(x['wall'])} ({x['n']}){bad}"

        floor_txt = "—" if not fl else f"{per(fl)} / {per(cu)} / {per(nd)}"
        L.append(f"| {s['label']} | {req:,} | {wall(p)} | {wall(n)} | "
                 f"{fmt_ratio(n and n['wall'], p and p['wall'])} | {per(p)} | {per(n)} | {floor_txt} | "
                 f"{fmt_ratio(p and p['wall'], fl and fl['wall'])} | {fmt_s(p and p['cpu'])} | "
                 f"{fmt_s(n and n['cpu'])} | {fmt_ratio(n and n['cpu'], p and p['cpu'])} | "
                 f"{fmt_mib(p and p['rss'])} | "
                 f"{fmt_mib(n and n['rss'])} | {fmt_ratio(n and n['rss'], p and p['rss'])} |")
    L.append("")
    L.append("ms/req is the whole run's wall time (process start included) divided by its requests. "
             "The floor is `bench/floor.rs`: one keep-alive connection, a minimal request, the response "
             "read in full and its status checked, no scripts, no reporting — the cost of the server "
             "and the loopback alone. `curl` is one `curl -K` process fetching the same URLs over one "
             "reused connection, a general-purpose client's floor. `node` is `bench/floor.js`: Node's "
             "`http` module with one keep-alive socket, the HTTP stack Newman runs on, without Newman "
             "(process start included, like the others). postie/floor compares with the raw floor. CPU is user + system time (median), which other work on the machine disturbs "
             "less than wall time.")
    L.append("")
    loads = results.get("loads") or [0.0]
    L.append(f"1-minute load average at the start of each run: median {statistics.median(loads):.2f}, "
             f"max {max(loads):.2f} on {m['nproc']} CPUs"
             + (" — other processes were competing for the CPUs, so wall times are pessimistic for "
                "both tools; compare CPU times too." if max(loads) > 1.5 else "."))
    L.append("")
    srv = results["server"]
    L.append(f"Server (`bench/server.rs`) throughput measured with the raw client: "
             f"{srv[1]:,.0f} req/s on one keep-alive connection, {srv[2]:,.0f} req/s on two.")
    L.append("")

    par = results.get("parallel")
    L.append("## `--parallel`")
    L.append("")
    if par:
        L.append("| N | wall (n) | speed-up vs N=1 |")
        L.append("|---|---|---|")
        for k in (1, 8):
            L.append(f"| {k} | {fmt_s(par[k]['wall'])} ({par[k]['n']}) | "
                     f"{fmt_ratio(par[1]['wall'], par[k]['wall'])} |")
    else:
        L.append("Not measured: postie has no `--parallel` yet (the harness runs it once it does).")
    L.append("")

    # targets
    L.append("## Targets (issue 5)")
    L.append("")
    L.append("| target | measured | met |")
    L.append("|---|---|---|")

    def row(target, measured, ok):
        L.append(f"| {target} | {measured} | {'—' if ok is None else ('yes' if ok else '**no**')} |")

    r = st["newman"]["median"] / st["postie"]["median"]
    row("startup ≤ 1/50 of Newman's", f"Newman/postie = {r:.1f}×", r >= 50)
    pa = scen.get("partner", {})
    if pa.get("newman"):
        r = pa["newman"]["wall"] / pa["postie"]["wall"]
        row("partner flow ≤ 1/20 of Newman's wall time", f"Newman/postie = {r:.1f}×", r >= 20)
    k1 = scen.get("get-1000", {})
    if k1.get("newman"):
        r = k1["newman"]["wall"] / k1["postie"]["wall"]
        row("1,000 requests with 2 scripts ≥ 30× faster than Newman", f"{r:.1f}×", r >= 30)
    if k1.get("floor"):
        r = k1["postie"]["wall"] / k1["floor"]["wall"]
        rc = k1["postie"]["wall"] / k1["curl"]["wall"]
        rn = k1["postie"]["wall"] / k1["node"]["wall"]
        plain = scen.get("plain-1000", {}).get("postie")
        plain_txt = "" if not plain else f"; postie without the scripts {plain['wall']:.3f} s"
        row("1,000 requests within 2× of the no-script floor",
            f"postie {k1['postie']['wall']:.3f} s vs raw floor {k1['floor']['wall']:.3f} s = {r:.1f}× "
            f"(vs curl {k1['curl']['wall']:.3f} s = {rc:.1f}×, vs Node's http {k1['node']['wall']:.3f} s "
            f"= {rn:.1f}×{plain_txt})", r <= 2)
    worst = None
    for key, s in scen.items():
        if s.get("newman") and s.get("postie"):
            ratio = s["newman"]["rss"] / s["postie"]["rss"]
            if worst is None or ratio < worst[0]:
                worst = (ratio, s["label"])
    if worst:
        row("peak RSS ≤ 1/8 of Newman's", f"lowest Newman/postie RSS ratio: {worst[0]:.1f}× ({worst[1]})",
            worst[0] >= 8)
    hb = scen.get("huge", {}).get("postie")
    if hb:
        body = results.get("huge_body", 0)
        limit_kib = (1.2 * body + 64 * 1024 * 1024) / 1024
        row("peak RSS ≤ 1.2 × the largest body + 64 MiB, any reporter mix (issue 12)",
            f"{fmt_mib(hb['rss'])} for a {body // (1024 * 1024)} MiB body with cli, json, junit and html "
            f"(limit {fmt_mib(limit_kib)})", hb["rss"] <= limit_kib)
    big = max((int(k.split("-")[1]) for k in scen if re.fullmatch(r"get-\d+", k)), default=0)
    if big > 1000 and scen.get("get-1000") and scen.get(f"get-{big}"):
        a, b = scen["get-1000"]["postie"]["rss"], scen[f"get-{big}"]["postie"]["rss"]
        g = (b / a - 1) * 100
        text = f"{big:,}-item collection: {fmt_mib(a)} → {fmt_mib(b)} ({g:+.0f}%)"
        it = scen.get("get-1000x100")
        ok = g <= 10
        if it:
            gi = (it["postie"]["rss"] / a - 1) * 100
            text += f"; 1,000 items × 100 iterations: {fmt_mib(it['postie']['rss'])} ({gi:+.0f}%)"
        row("peak RSS grows ≤ 10% from 1,000 to 100,000 requests", text, ok)
    if par:
        r = par[1]["wall"] / par[8]["wall"]
        row("--parallel 8 ≥ 6× faster than N=1 (5 ms server)", f"{r:.1f}×", r >= 6)
    else:
        row("--parallel 8 ≥ 6× faster than N=1 (5 ms server)", "not measured (no --parallel yet)", None)
    L.append("")

    if results["notes"]:
        L.append("## Notes")
        L.append("")
        for note in results["notes"]:
            L.append(f"- {note}")
        L.append("")

    L.append("## Samples (wall s, peak RSS KiB, exit code, CPU s)")
    L.append("")
    for key, s in scen.items():
        for tool in ("postie", "newman", "floor", "curl", "node"):
            if s.get(tool):
                L.append(f"- {key} {tool}: {s[tool]['samples']}")
    L.append("")
    with open(args.out, "w") as f:
        f.write("\n".join(L))
    log(f"wrote {args.out}")
    print("\n".join(L))


if __name__ == "__main__":
    main()
