#!/usr/bin/env bash
# Open postie's HTML report in a real headless Chromium and fail on any console error, any
# JavaScript error or a page that did not finish its script.
#
#   scripts/check-html-report.sh [REPORT.html ...]
#
# Without arguments it makes two reports with `postie demo` (one passing run, one with
# failures: a wrong password) and checks both. Chromium comes from Debian (`apt-get install -y
# chromium`), installed here when missing; it is too heavy for .ci/run, so this script is run by
# hand. POSTIE=path/to/postie picks the binary (default: this checkout, built with cargo).
# Screenshots are left next to each report (REPORT.png).
set -euo pipefail

cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "check-html-report: installing Debian's chromium" >&2
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
fi

reports=("$@")
if [ ${#reports[@]} -eq 0 ]; then
    postie="${POSTIE:-}"
    if [ -z "$postie" ]; then
        # Build, then copy: a target folder shared with other checkouts may be rebuilt meanwhile.
        cargo build --quiet
        cp "${CARGO_TARGET_DIR:-target}/debug/postie" "$work/postie"
        postie="$work/postie"
    fi
    out="${REPORT_DIR:-$work}"
    "$postie" demo -r html --reporter-html-export "$out/passing.html" --silent
    "$postie" demo -r html --reporter-html-export "$out/failing.html" --silent \
        --env-var password=wrong-password -x
    reports=("$out/passing.html" "$out/failing.html")
fi

status=0
for report in "${reports[@]}"; do
    path="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
    profile="$(mktemp -d -p "$work")"
    flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
           --disable-component-update --no-first-run --disable-sync
           --user-data-dir="$profile" --enable-logging=stderr --v=0)
    "$browser" "${flags[@]}" --dump-dom "file://$path" >"$work/dom.html" 2>"$work/log.txt" || {
        echo "FAIL $report: chromium exited with an error" >&2
        cat "$work/log.txt" >&2
        status=1
        continue
    }
    "$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="${path%.html}.png" \
        "file://$path" >/dev/null 2>>"$work/log.txt" || true
    problems=""
    if grep -E "CONSOLE|Uncaught|Content.Security.Policy|Refused to" "$work/log.txt" >"$work/console.txt"; then
        problems="console output: $(cat "$work/console.txt")"
    fi
    # The attribute the page's error handler sets (its script text names it too, unquoted).
    js_error="$(grep -o 'data-js-error="[^"]*"' "$work/dom.html" || true)"
    if [ -n "$js_error" ]; then
        problems="$problems script error: $js_error"
    fi
    if ! grep -Eq 'data-ready="[0-9]+"' "$work/dom.html"; then
        problems="$problems the page script did not run to the end"
    fi
    if grep -q 'data-page-size=' "$path" && ! grep -q 'class="pager"' "$work/dom.html"; then
        problems="$problems tests are to be paged (testPaging) but the page has no pager"
    fi
    if ! grep -q "<h2>Summary</h2>" "$work/dom.html"; then
        problems="$problems no summary in the rendered page"
    fi
    if [ -n "$problems" ]; then
        echo "FAIL $report: $problems" >&2
        status=1
    else
        cards="$(grep -o 'data-ready="[0-9]*"' "$work/dom.html")"
        echo "ok   $report: rendered, no console errors ($cards)"
    fi
done
exit $status
