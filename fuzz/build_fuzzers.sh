#!/usr/bin/env bash
# build_fuzzers.sh <fuzz-source> <work-dir> <clang> <clang++>
# Configures the fuzz project with clang in work-dir, builds the fuzzers, and prepares the
# folders libFuzzer writes to (corpora grown by the runs, artifacts of crashes).
set -euo pipefail
source=$1 work=$2 cc=$3 cxx=$4
started=$(date +%s)
"$(dirname "$0")/../tests/support/configure_and_build.sh" "$source" "$work" all \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx"
for target in chunks conversions patterns elf; do
  mkdir -p "$work/corpus/$target" "$work/seeds/fuzz_$target" "$work/artifacts"
done
echo "fuzzers configured and built in $(( $(date +%s) - started )) s"
