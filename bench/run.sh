#!/usr/bin/env bash
# Run the benchmarks and write docs/BENCHMARKS.md:
#
#   bash bench/run.sh            # full run (< 15 minutes on 2 cores)
#   bash bench/run.sh --quick    # smoke run (< 2 minutes), same report
#
# Uses the project's venv (made if missing), installs pyinstrument into it for the
# profile, and starts a throw-away PostgreSQL of its own on loopback (not the tests'
# server, so a test run stopping that one cannot cut a benchmark short), stopped on exit.
# Any other argument goes to `python -m bench` (see `python -m bench --help`). One part
# alone, its section only rewritten: e.g. `python -m bench.answer_latency --write
# docs/BENCHMARKS.md` (the answer under an open-loop rate, part `answer`, about 2.5 min).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
    .venv/bin/python -m pip install -q -e ".[dev]"
fi
. .venv/bin/activate
python -c "import pyinstrument" 2>/dev/null || python -m pip install -q "pyinstrument>=4.6,<6"

export FOLLOWUP_PG_DIR="${FOLLOWUP_BENCH_PG_DIR:-/tmp/followup-bench-pg}"
export FOLLOWUP_PG_DB=followup_bench
eval "$(bash .ci/postgres.sh)"
trap 'bash .ci/postgres.sh --stop >/dev/null 2>&1 || true' EXIT

python -m bench "$@"
