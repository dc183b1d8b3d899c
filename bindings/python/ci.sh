#!/usr/bin/env bash
# CI of the Python bindings: a venv with the pinned requirements, the wheel
# built once (maturin, release), installed, then pytest (API, properties,
# parity with the CLI, Polars, Spark in local[2]).
#
# Needs Python >= 3.9 ($PYTHON, default python3.11 or python3), Java 17+ for
# Spark, and cargo. Exits non-zero on any failure.
#
#   CHIFFRE_BIN   the CLI the parity tests compare with (default:
#                 target/release/chiffre, built here with cargo if needed)
#   CHIFFRE_PY_VENV  where the venv goes (default target/py-ci-venv; reused
#                 while requirements-ci.txt and the Python version are unchanged)
#   CHIFFRE_PY_LINT=0  skips cargo fmt/clippy on the bindings crate
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TERM_COLOR=never

step() { printf '\n== python: %s (%ss)\n' "$1" "$SECONDS"; }
die() { printf 'ci.sh: %s\n' "$*" >&2; exit 1; }

step "java"
command -v java >/dev/null 2>&1 || die "Java 17 or later is required for the Spark tests, and 'java' is not on PATH"
java_out="$(java -version 2>&1)" || die "'java -version' failed: $java_out"
echo "$java_out" | head -1
major="$(echo "$java_out" | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -1)"
[ -n "$major" ] && [ "$major" -ge 17 ] || die "Java 17 or later is required for the Spark tests, found: $(echo "$java_out" | head -1)"

step "python"
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
    for cand in python3.11 python3; do
        if command -v "$cand" >/dev/null 2>&1; then PY="$cand"; break; fi
    done
fi
[ -n "$PY" ] || die "no python3 found (set PYTHON)"
"$PY" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' || die "$PY is older than 3.9"
"$PY" --version

step "venv"
VENV="${CHIFFRE_PY_VENV:-$TARGET/py-ci-venv}"
stamp="$("$PY" -c 'import sys; print(sys.version)' | cksum | cut -d' ' -f1)-$(cksum < "$HERE/requirements-ci.txt" | cut -d' ' -f1)"
if [ -f "$VENV/.chiffre-stamp" ] && [ "$(cat "$VENV/.chiffre-stamp")" = "$stamp" ]; then
    echo "reusing $VENV"
else
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r "$HERE/requirements-ci.txt"
    echo "$stamp" > "$VENV/.chiffre-stamp"
fi
VPY="$VENV/bin/python"

if [ "${CHIFFRE_PY_LINT:-1}" != 0 ]; then
    step "cargo fmt and clippy (bindings crate)"
    (cd "$ROOT" && cargo fmt --check -p chiffre-python)
    (cd "$ROOT" && PYO3_PYTHON="$VPY" cargo clippy -p chiffre-python --all-targets --locked -- -D warnings)
fi

step "wheel (maturin, release)"
WHEELS="$TARGET/py-wheels"
rm -rf "$WHEELS"
(cd "$HERE" && PYO3_PYTHON="$VPY" "$VENV/bin/maturin" build --release --locked --interpreter "$VPY" --out "$WHEELS")
"$VPY" -m pip install --quiet --no-deps --force-reinstall "$WHEELS"/chiffre-*.whl
(cd /tmp && "$VPY" -c 'import chiffre, sys; print("chiffre", chiffre.__version__, "from", chiffre.__file__)')

step "CLI"
if [ -n "${CHIFFRE_BIN:-}" ]; then
    [ -x "$CHIFFRE_BIN" ] || die "CHIFFRE_BIN=$CHIFFRE_BIN is not an executable"
else
    (cd "$ROOT" && cargo build --release --locked --bin chiffre)
    export CHIFFRE_BIN="$TARGET/release/chiffre"
fi
echo "$CHIFFRE_BIN"

step "pytest"
# Run from the tests' directory against the installed wheel (not the source tree).
cd "$HERE"
"$VPY" -m pytest -ra -p no:cacheprovider tests
step "done"
