#!/usr/bin/env bash
# build_and_test.sh <source> <work-dir> <ctest-regex> <targets|all> [cmake options...]
# Configures luaembed in another build directory (another Lua build, sanitizers), builds the
# targets (comma-separated, or all) and runs the tests that match; prints the build time.
set -euo pipefail
source=$1 work=$2 regex=$3 targets=$4; shift 4
mkdir -p "$work"
started=$(date +%s)
cmake -S "$source" -B "$work" -DLUAEMBED_BUILD_TOOLS=OFF -DLUAEMBED_BUILD_DOCTOR=OFF \
  -DLUAEMBED_BUILD_EXAMPLES=OFF -DLUAEMBED_INSTALL=OFF "$@" >"$work/configure.log"
target_options=()
[[ $targets != all ]] && for target in ${targets//,/ }; do target_options+=(--target "$target"); done
if ! cmake --build "$work" -j2 "${target_options[@]}" >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"; exit 1
fi
echo "configured and built in $(( $(date +%s) - started )) s: $*"
ctest --test-dir "$work" -R "$regex" --output-on-failure -j2
