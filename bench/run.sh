#!/usr/bin/env bash
# Run the benchmarks and write docs/BENCHMARKS.md:
#
#   bash bench/run.sh            # full run (< 15 minutes on 2 cores)
#   bash bench/run.sh --quick    # smoke run (about 4 minutes), same report
#
# Uses the project's venv (made if missing), installs the `bench` extra into it
# (pyinstrument for the profiles, matplotlib for the plots, drawn with its Agg backend to
# docs/bench/*.png), and starts a throw-away PostgreSQL of its own on loopback (not the tests'
# server, so a test run stopping that one cannot cut a benchmark short), stopped on exit.
# FOLLOWUP_BENCH_DIR moves the raw results, logs and cached seeded files (default
# /tmp/followup-bench; a new folder behaves as a first run on a fresh machine), and
# FOLLOWUP_BENCH_PG_DIR the server's folder (default /tmp/followup-bench-pg).
# Any other argument goes to `python -m bench` (see `python -m bench --help`). One part
# alone, its section only rewritten: e.g. `python -m bench.answer_latency --write
# docs/BENCHMARKS.md` (the answer under an open-loop rate, part `answer`, about 3.5 min).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
    .venv/bin/python -m pip install -q -e ".[dev,bench]"
fi
. .venv/bin/activate
# The `bench` extra of pyproject.toml (the profiler, the plots), when either is missing.
python -c "import pyinstrument, matplotlib" 2>/dev/null \
    || python -m pip install -q "pyinstrument>=4.6,<6" "matplotlib>=3.8,<4"

export FOLLOWUP_PG_DIR="${FOLLOWUP_BENCH_PG_DIR:-/tmp/followup-bench-pg}"
export FOLLOWUP_PG_DB=followup_bench
eval "$(bash .ci/postgres.sh)"
trap 'bash .ci/postgres.sh --stop >/dev/null 2>&1 || true' EXIT

python -m bench "$@"
