#!/usr/bin/env bash
# Builds the Benchmarks package in release mode and runs a driver (figures go in docs/BENCHMARKS.md):
#   scripts/bench.sh [--rounds N …]   Anlan vs grpc-swift-2 vs raw SwiftNIO
#   scripts/bench.sh hazard [--points N …]   hazard-survey import, statistics, overdue pages
#   scripts/bench.sh reserve [--lines N …]   material-reserve ledger appends, dispatch plans, stock totals
#   scripts/bench.sh landing [--points N …]  aviation-landing-points nearest points and coverage
#   scripts/bench.sh training [--people N …] training-records bulk import and coverage
#   scripts/bench.sh evacuation [--people N …] evacuation import, a warning's tasks, scans over the wire
#   scripts/bench.sh gateway [--freeze-pid P …] the gateway against a running scripts/province.sh mesh
#   scripts/bench.sh screen [--screenshot F …]  the duty-room screen in Chromium against scripts/mesh.sh
#   scripts/bench.sh crash [ROUNDS]  every writing service killed with SIGKILL under load ROUNDS times (20):
#                                    the crash drills of the test suite, counting acknowledged and lost writes
set -euo pipefail
if [ "${1:-}" = crash ]; then
    cd "$(dirname "$0")/.."
    scripts/install-system-packages.sh
    swift build --build-tests
    ANLAN_CRASH_ROUNDS="${2:-20}" swift test --skip-build --filter 'CrashDrillTests' 2>&1 | grep -E '^crash drill|✘|Test run'
    exit "${PIPESTATUS[0]}"
fi
if [ "${1:-}" = screen ]; then
    VENV=$("$(dirname "$0")/browser-env.sh")
    # The mesh runs mutual TLS and its screens sign people in: its PKI, token and people (scripts/lib/people.sh).
    eval "$("$(dirname "$0")/mesh.sh" env)"
    source "$(dirname "$0")/lib/people.sh"
    export ANLAN_DEV_PASSWORD=$DEV_PASSWORD
    exec "$VENV/bin/python" "$(dirname "$0")/../Benchmarks/screen/screen_bench.py" "${@:2}"
fi
cd "$(dirname "$0")/../Benchmarks"
../scripts/install-system-packages.sh
# SwiftPM can keep a stale build plan for the parent package's targets (added files are missed): drop it.
rm -f .build/release.yaml .build/release/description.json
swift build -c release
# `scripts/bench.sh hazard|reserve|landing|training [options]` runs that service's storage benchmark
# (`<name>-bench`) instead of the RPC one.
# The whole-province mode runs mutual TLS: the gateway benchmark calls as its duty room, for its duty officer.
if [ "${1:-}" = gateway ] && [ -f ../.province/pki/root.pem ]; then
    export ANLAN_PKI=${ANLAN_PKI:-$(cd .. && pwd)/.province/pki} ANLAN_AS=${ANLAN_AS:-330000/duty-room} \
        ANLAN_TOKEN=${ANLAN_TOKEN:-$(cd .. && pwd)/.province/pki/tokens/330000-officer.jwt}
fi
case "${1:-}" in
    hazard|reserve|landing|training|gateway|evacuation) exec ".build/release/$1-bench" "${@:2}" ;;
esac
exec .build/release/anlan-bench "$@"
