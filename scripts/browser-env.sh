#!/usr/bin/env bash
# The Python environment of the screen's browser and API tests: Selenium (driving Debian's chromium
# and chromium-driver), schemathesis (the property-based API tester) and pytest, from PyPI, in a
# virtual environment under .build/ (made once, reused while its requirements are unchanged).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/.build/browser-venv"
REQUIREMENTS="$ROOT/Tests/Browser/requirements.txt"
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQUIREMENTS" "$VENV/requirements.txt"; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$VENV/requirements.txt"
fi
echo "$VENV"
