#!/usr/bin/env bash
# Builds the Benchmarks package in release mode and runs a driver (figures go in docs/BENCHMARKS.md):
#   scripts/bench.sh [--rounds N …]   Anlan vs grpc-swift-2 vs raw SwiftNIO
#   scripts/bench.sh hazard [--points N …]   hazard-survey import, statistics, overdue pages
#   scripts/bench.sh reserve [--lines N …]   material-reserve ledger appends, dispatch plans, stock totals
#   scripts/bench.sh landing [--points N …]  aviation-landing-points nearest points and coverage
#   scripts/bench.sh training [--people N …] training-records bulk import and coverage
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
../scripts/install-system-packages.sh
# SwiftPM can keep a stale build plan for the parent package's targets (added files are missed): drop it.
rm -f .build/release.yaml .build/release/description.json
swift build -c release
# `scripts/bench.sh hazard [options]` runs hazard-survey's storage benchmark instead of the RPC one.
if [ "${1:-}" = "hazard" ]; then
    shift
    exec .build/release/hazard-bench "$@"
fi
# `scripts/bench.sh reserve [options]` runs material-reserve's ledger, planning and stock-total benchmark.
if [ "${1:-}" = "reserve" ]; then
    shift
    exec .build/release/reserve-bench "$@"
fi
# `scripts/bench.sh landing [options]` runs aviation-landing-points' nearest-point and coverage benchmark.
if [ "${1:-}" = "landing" ]; then
    shift
    exec .build/release/landing-bench "$@"
fi
# `scripts/bench.sh training [options]` runs training-records' import and coverage benchmark.
if [ "${1:-}" = "training" ]; then
    shift
    exec .build/release/training-bench "$@"
fi
exec .build/release/anlan-bench "$@"
