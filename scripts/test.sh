#!/usr/bin/env bash
# Builds sitrep (installing what it needs) and runs the whole test suite: every CTest
# label, fast and slow, then the whole suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer. The same command runs in CI.
#   SITREP_NO_SANITIZE=1 scripts/test.sh   skips the sanitizer pass (for a quick local run)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --timeout 1200 -j "$(nproc)" "$@"

if [ -z "${SITREP_NO_SANITIZE:-}" ]; then
  echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer =="
  BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_ARGS="-DSITREP_SANITIZE=ON -DSITREP_BUILD_BENCH=OFF" scripts/setup.sh
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure --timeout 2400 -j "$(nproc)" "$@"
fi
