#!/usr/bin/env bash
# build_and_run.sh <tsan-source> <work-dir> <cc> <c++>
# Configures the ThreadSanitizer project in work-dir, builds it and runs the threads test.
set -euo pipefail
source=$1 work=$2 cc=$3 cxx=$4
mkdir -p "$work"
started=$(date +%s)
if ! cmake -S "$source" -B "$work" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    >"$work/configure.log" 2>&1; then
  tail -n 40 "$work/configure.log"; exit 1
fi
if ! cmake --build "$work" -j2 >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"; exit 1
fi
echo "configured and built in $(( $(date +%s) - started )) s"
# Some kernels place mappings where this TSan does not expect them ("unexpected memory
# mapping"): without address randomization the layout is the classic one.
run=("$work/tsan_threads")
if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then
  run=(setarch "$(uname -m)" -R "${run[@]}")
fi
TSAN_OPTIONS="suppressions=$source/suppressions.txt second_deadlock_stack=1 ${TSAN_OPTIONS:-}" "${run[@]}"
