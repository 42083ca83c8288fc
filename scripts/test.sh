#!/usr/bin/env bash
# Builds sitrep (installing what it needs) and runs the whole test suite: every CTest
# label, fast and slow. The same command runs in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --timeout 1200 -j "$(nproc)" "$@"
