#!/usr/bin/env bash
# build_and_run.sh <tsan-source> <work-dir> <cc> <c++>
# Configures the ThreadSanitizer project in work-dir, builds it and runs the threads test.
set -euo pipefail
source=$1 work=$2 cc=$3 cxx=$4
started=$(date +%s)
"$(dirname "$0")/../support/configure_and_build.sh" "$source" "$work" all \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx"
echo "configured and built in $(( $(date +%s) - started )) s"
# Some kernels place mappings where this TSan does not expect them ("unexpected memory
# mapping"): without address randomization the layout is the classic one.
run=("$work/tsan_threads")
if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then
  run=(setarch "$(uname -m)" -R "${run[@]}")
fi
TSAN_OPTIONS="suppressions=$source/suppressions.txt second_deadlock_stack=1 ${TSAN_OPTIONS:-}" "${run[@]}"
