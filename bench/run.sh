#!/usr/bin/env bash
# postie vs Newman benchmark: one command. See bench/README.md.
#
# Installs Newman 6 into bench/node_modules, builds postie (release), builds the benchmark's server
# and floor client (std-only Rust, plain rustc), starts the server and postie's partner-API
# simulator on 127.0.0.1, generates the collections and runs bench/measure.py, which writes
# bench/RESULTS.md. Configuration is by environment variable (see bench/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="${BENCH_WORK:-$TARGET/bench-work}"
PORT="${BENCH_PORT:-18732}"
PARTNER_PORT="${BENCH_PARTNER_PORT:-18731}"
PARTNER_PASSWORD="bench-partner-secret"
SIZES="${BENCH_SIZES:-1000,10000,100000}"
BIG="${BENCH_BIG:-50}"
RESULTS="${BENCH_RESULTS:-$BENCH/RESULTS.md}"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required ($2)"; }
need node "Node.js 16 or newer, for Newman"
need npm "npm, to install Newman"
need python3 "Python 3, for the generator and the measurement driver"
need curl "curl, for the curl floor and readiness checks"
need cargo "the Rust toolchain"
need rustc "the Rust toolchain"
need setsid "util-linux"

# Debian packages: GNU time (peak RSS) is required, hyperfine (startup) is preferred.
apt_install() {
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	if [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
		return 1
	fi
	$sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "$@" >&2
}
if [ ! -x /usr/bin/time ]; then
	say "installing GNU time (Debian package 'time')"
	apt_install time || die "/usr/bin/time is missing and could not be installed: apt-get install time"
fi
if ! command -v hyperfine >/dev/null 2>&1; then
	say "installing hyperfine (Debian package)"
	apt_install hyperfine || say "hyperfine unavailable: startup falls back to /usr/bin/time runs"
fi

# Newman 6 from the npm registry into bench/node_modules (ignored by git, no lockfile written).
NEWMAN="$BENCH/node_modules/.bin/newman"
if [ ! -x "$NEWMAN" ] || [ "$("$NEWMAN" --version 2>/dev/null | cut -d. -f1)" != "6" ]; then
	say "installing Newman 6 into bench/node_modules"
	npm install --prefix "$BENCH" --no-package-lock --no-audit --no-fund --loglevel=error >&2
fi
[ -x "$NEWMAN" ] || die "Newman did not install into bench/node_modules"

say "building postie (release) into $TARGET"
(cd "$ROOT" && CARGO_TARGET_DIR="$TARGET" cargo build --release --quiet)
POSTIE="$TARGET/release/postie"
[ -x "$POSTIE" ] || die "no postie binary at $POSTIE"

mkdir -p "$WORK/bin"
say "building the server and the floor client (rustc -O)"
rustc --edition 2024 -C opt-level=3 "$BENCH/server.rs" -o "$WORK/bin/server"
rustc --edition 2024 -C opt-level=3 "$BENCH/floor.rs" -o "$WORK/bin/floor"

PIDS=()
DRIVER=""
cleanup() {
	local pid
	if [ -n "$DRIVER" ]; then
		kill -TERM -- "-$DRIVER" 2>/dev/null || kill -TERM "$DRIVER" 2>/dev/null || true
		wait "$DRIVER" 2>/dev/null || true
	fi
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # wait_port PORT PID NAME
	local i
	for i in $(seq 1 100); do
		if ! port_free "$1"; then return 0; fi
		kill -0 "$2" 2>/dev/null || die "$3 exited during start-up (see $WORK/$3.out)"
		sleep 0.05
	done
	die "$3 did not listen on 127.0.0.1:$1 within 5 s"
}
port_free "$PORT" || die "port $PORT is in use: set BENCH_PORT"
port_free "$PARTNER_PORT" || die "port $PARTNER_PORT is in use: set BENCH_PARTNER_PORT"

"$WORK/bin/server" "$PORT" >"$WORK/server.out" 2>&1 &
PIDS+=($!)
wait_port "$PORT" "$!" server
"$POSTIE" mock partner-api --port "$PARTNER_PORT" --login partner@example.com \
	--password "$PARTNER_PASSWORD" >"$WORK/mock.out" 2>&1 &
PIDS+=($!)
wait_port "$PARTNER_PORT" "$!" mock
say "server on 127.0.0.1:$PORT, partner-API simulator on 127.0.0.1:$PARTNER_PORT"

say "generating collections into $WORK/gen"
python3 "$BENCH/gen.py" --port "$PORT" --out "$WORK/gen" --sizes "$SIZES" --big "$BIG"

# The driver runs in its own process group so that an interrupted benchmark also stops the
# postie or Newman run in progress (cleanup signals the whole group).
setsid python3 "$BENCH/measure.py" --postie "$POSTIE" --newman "$NEWMAN" --floor "$WORK/bin/floor" \
	--floor-js "$BENCH/floor.js" \
	--gen "$WORK/gen" --repo "$ROOT" --port "$PORT" --partner-port "$PARTNER_PORT" \
	--partner-password "$PARTNER_PASSWORD" --sizes "$SIZES" --big "$BIG" --out "$RESULTS" \
	--label "${BENCH_LABEL:-}" &
DRIVER=$!
wait "$DRIVER" || die "the measurement driver failed (exit $?)"
DRIVER=""
say "done: $RESULTS"
