#!/usr/bin/env bash
# Installs the system packages Anlan builds and tests against, if missing: SQLite for GRDB, zlib for
# compression, protoc with Python's protobuf for the test that decodes Anlan bytes from the exported
# schema, Chromium with its driver and CJK fonts for the duty-room screen's browser tests, and iproute2
# for the tests that put nodes in network namespaces and cut their links.
set -euo pipefail
missing=()
for package in libsqlite3-dev zlib1g-dev protobuf-compiler python3-protobuf chromium chromium-driver fonts-noto-cjk python3-venv iproute2; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
