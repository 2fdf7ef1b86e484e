#!/usr/bin/env bash
# build_and_test.sh <source> <work-dir> <ctest-regex> [cmake options...]
# Configures luaembed in another build directory (another Lua build, sanitizers), builds it
# and runs the tests that match; prints the configure/build time.
set -euo pipefail
source=$1 work=$2 regex=$3; shift 3
mkdir -p "$work"
started=$(date +%s)
cmake -S "$source" -B "$work" -DLUAEMBED_BUILD_TOOLS=OFF -DLUAEMBED_BUILD_DOCTOR=OFF \
  -DLUAEMBED_BUILD_EXAMPLES=OFF -DLUAEMBED_INSTALL=OFF "$@" >"$work/configure.log"
if ! cmake --build "$work" -j2 >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"; exit 1
fi
echo "configured and built in $(( $(date +%s) - started )) s: $*"
ctest --test-dir "$work" -R "$regex" --output-on-failure -j2
