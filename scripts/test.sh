#!/usr/bin/env bash
# Builds everything (the integration tests start the real executables) and runs the whole test suite:
# the Swift suites, each fuzz target for 10 seconds from its seeds (a build of its own in .build-fuzz),
# then the duty-room screen's tests in a real browser and against its OpenAPI description
# (Tests/Browser, on a small mesh of the debug executables).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
swift build --build-tests
# The suites run in parallel; the load test (1,000 connections, 10,000 calls in flight) runs alone after
# them, so that it neither starves their timings nor is starved by them on a small machine.
swift test --skip-build --skip NodeLoadTests
swift test --skip-build --filter NodeLoadTests
scripts/fuzz.sh --seconds 10
VENV=$(scripts/browser-env.sh)
"$VENV/bin/python" -m pytest -q -p no:cacheprovider Tests/Browser
