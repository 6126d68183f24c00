#!/usr/bin/env bash
# Builds everything (the integration tests start the real executables) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
swift build --build-tests
swift test --skip-build
