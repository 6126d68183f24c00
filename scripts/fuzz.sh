#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Fuzz; declared only with ANLAN_FUZZ=1) with
# -sanitize=fuzzer,address into .build-fuzz, and runs each in turn from its seed corpus:
#
#   scripts/fuzz.sh --seconds N [target …]   each target for N seconds (the test suite: --seconds 10)
#   scripts/fuzz.sh --runs N [target …]      each target for N executions (the long run: --runs 10000000)
#   scripts/fuzz.sh --build-only             build, run nothing
#   --release                                build optimised (-O; about 5 times the executions per second,
#                                            a longer build): what the documented long run uses
#
# Targets: fuzz-frames fuzz-payloads fuzz-decompression fuzz-csv-import fuzz-regions (default: all).
# Per target it prints the executions, exec/s, peak RSS, time and the result. A crash, a sanitizer
# report (memory error or leak), an input slower than -timeout or one that needs more memory than
# -rss_limit_mb fails the run (exit 1); the input is kept in .build-fuzz/artifacts/<target>/ and its
# path printed. Inputs that found new coverage go to .build-fuzz/corpus/<target>/ (kept between runs);
# the committed seeds in Tests/Fuzz/Corpus/<target>/ are only read. Extra libFuzzer flags: FUZZ_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(fuzz-frames fuzz-payloads fuzz-decompression fuzz-csv-import fuzz-regions)
mode="" limit="" targets=() configuration=debug
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds|--runs) mode="${1#--}"; limit="${2:?$1 needs a number}"; shift 2 ;;
        --build-only) mode="build"; shift ;;
        --release) configuration=release; shift ;;
        fuzz-*) targets+=("$1"); shift ;;
        *) echo "usage: scripts/fuzz.sh --seconds N | --runs N | --build-only [--release] [target …]" >&2; exit 2 ;;
    esac
done
[ -n "$mode" ] || { echo "usage: scripts/fuzz.sh --seconds N | --runs N | --build-only [--release] [target …]" >&2; exit 2; }
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

# Longest input per target: a few frames / a CSV file of a few dozen rows; big enough for every seed.
max_len() {
    case "$1" in
        fuzz-frames|fuzz-decompression) echo 65536 ;;
        fuzz-payloads|fuzz-csv-import) echo 16384 ;;
        fuzz-regions) echo 8192 ;;
    esac
}

# Debug (or release) build; Anlan's modules instrumented for coverage and checked by AddressSanitizer and LeakSanitizer
# (Package.swift sets the flags, and says why there). The linker's warnings about ASan's local symbols are noise.
scratch=.build-fuzz
started=$(date +%s)
for target in "${targets[@]}"; do
    ANLAN_FUZZ=1 swift build --scratch-path "$scratch" -c "$configuration" --product "$target" \
        2> >(grep -v "ld.gold: warning: Cannot export local symbol" >&2)
done
echo "fuzz: built ${targets[*]} ($configuration) in $(( $(date +%s) - started )) s"
[ "$mode" = build ] && exit 0

bin=$(ANLAN_FUZZ=1 swift build --scratch-path "$scratch" -c "$configuration" --show-bin-path)
failed=() passed=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target" log="$scratch/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    if [ "$mode" = seconds ]; then budget=(-max_total_time="$limit"); else budget=(-runs="$limit"); fi
    start=$(date +%s)
    status=0
    # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
    # Swift's own backtracer would catch the crash first (and trip ASan): leave it to libFuzzer.
    SWIFT_BACKTRACE=enable=no "$bin/$target" "${budget[@]}" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} \
        "$corpus" "Tests/Fuzz/Corpus/$target" >"$log" 2>&1 || status=$?
    seconds=$(( $(date +%s) - start ))
    stat() { grep -m1 "^stat::$1:" "$log" | awk '{ print $2 }'; }
    runs=$(stat number_of_executed_units) rate=$(stat average_exec_per_sec) rss=$(stat peak_rss_mb)
    if [ "$status" -eq 0 ]; then
        result=ok
        passed=$((passed + 1))
    else
        result=$(grep -m1 -o -E "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+( [a-z-]+)?" "$log" || echo "exit $status")
        failed+=("$target")
    fi
    printf 'fuzz: %-19s %11s runs %8s exec/s  peak RSS %5s MB  %5d s  %s\n' \
        "$target" "${runs:-?}" "${rate:-?}" "${rss:-?}" "$seconds" "$result"
    if [ "$status" -ne 0 ]; then
        grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error:)" "$log" | head -5 | sed 's/^/    /' || true
        for kept in $(grep -o -E "Test unit written to [^ ]+" "$log" | awk '{ print $5 }'); do
            echo "    input kept: $kept (reproduce: $bin/$target $kept)"
        done
        echo "    log: $log"
    fi
done
echo "fuzz: ${passed} passed, ${#failed[@]} failed${failed:+ (${failed[*]})}"
[ ${#failed[@]} -eq 0 ]
