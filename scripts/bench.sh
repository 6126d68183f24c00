#!/usr/bin/env bash
# Builds the Benchmarks package in release mode and runs the driver (figures go in docs/BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
../scripts/install-system-packages.sh
swift build -c release
exec .build/release/anlan-bench "$@"
