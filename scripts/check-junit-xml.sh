#!/usr/bin/env bash
# Validate postie's JUnit reports against scripts/junit.xsd (the structure Jenkins and GitLab
# read) with xmllint, from Debian's libxml2-utils (installed here when missing).
#
#   scripts/check-junit-xml.sh [REPORT.xml ...]
#
# Without arguments it checks the snapshot tests/snapshots/reporters.xml and two fresh reports
# from `postie demo` (a passing run and one with failures). POSTIE=path/to/postie picks the binary
# (default: this checkout, built with cargo).
set -euo pipefail

cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v xmllint >/dev/null; then
    echo "check-junit-xml: installing Debian's libxml2-utils" >&2
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libxml2-utils >/dev/null
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
    "$postie" demo -r junit --reporter-junit-export "$work/passing.xml" --silent
    "$postie" demo -r junit --reporter-junit-export "$work/failing.xml" --silent \
        --env-var password=wrong-password -x
    reports=(tests/snapshots/reporters.xml "$work/passing.xml" "$work/failing.xml")
fi

xmllint --noout --schema scripts/junit.xsd "${reports[@]}"
