#!/usr/bin/env bash
# build_fuzzers.sh <fuzz-source> <work-dir> <clang> <clang++>
# Configures the fuzz project with clang in work-dir, builds the fuzzers, and prepares the
# folders libFuzzer writes to (corpora grown by the runs, artifacts of crashes).
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
for target in chunks conversions elf; do
  mkdir -p "$work/corpus/$target" "$work/seeds/fuzz_$target" "$work/artifacts"
done
echo "fuzzers configured and built in $(( $(date +%s) - started )) s"
