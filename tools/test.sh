#!/usr/bin/env bash
# Installs what is missing, checks that every tracked C++ file is formatted,
# then builds and runs every test: the release (GCC) and the AddressSanitizer+
# UBSan (clang) suites, warnings as errors in both, then each libFuzzer target
# of the asan build for a fixed number of runs over its seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --tests

# The code style (.clang-format, Debian's clang-format 14) before anything is built:
# any tracked C++ file that clang-format would change fails the run with the diff.
echo "== format: clang-format --dry-run --Werror"
git ls-files -z -- '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run --Werror

jobs=$(nproc)
for preset in release asan; do
    echo "== $preset: configure and build"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    echo "== $preset: tests"
    ctest --preset "$preset" -j "$jobs"
done

echo "== fuzz: short fixed runs"
fuzz_runs=${SIGHTLINE_FUZZ_RUNS:-5000}
for target in build/asan/bin/fuzz_*; do
    name=$(basename "$target")
    corpus=tools/fuzz/corpus/$name
    work=$(mktemp -d)
    # Seeds are copied so the run never writes into the source tree.
    if [[ -d $corpus ]]; then cp -r "$corpus"/. "$work"/; fi
    echo "-- $name: $fuzz_runs runs"
    # The summary when it passes; the finding (crash, leak, abort and its stack) when not.
    if ! "$target" -runs="$fuzz_runs" -seed=1 -max_len=65536 -rss_limit_mb=2048 "$work" \
        >"$work.log" 2>&1; then
        tail -n 60 "$work.log"
        echo "$name failed" >&2
        exit 1
    fi
    tail -n 2 "$work.log"
    rm -rf "$work" "$work.log"
done
echo "all test suites passed"
