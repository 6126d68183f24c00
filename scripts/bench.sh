#!/usr/bin/env bash
# Builds the Benchmarks package in release mode and runs the driver (figures go in docs/BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
../scripts/install-system-packages.sh
# SwiftPM can keep a stale build plan for the parent package's targets (added files are missed): drop it.
rm -f .build/release.yaml .build/release/description.json
swift build -c release
exec .build/release/anlan-bench "$@"
