#!/usr/bin/env bash
# Runs the benchmark and rewrites BENCHMARKS.md. See bench/README.md.
#   bench/run.sh [sizes] [harness options…]     sizes: city (default), province, national-1m, national, tiny
#   BENCH_REPS=5 bench/run.sh city              repetitions (default 3)
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
sizes="${1:-city}"
shift || true
exec ./mvnw -B -Pbench -DskipTests verify -Dbench.sizes="$sizes" -Dbench.reps="${BENCH_REPS:-3}" -Dbench.args="$*"
