#!/usr/bin/env bash
# build_and_test.sh <source> <work-dir> <targets> <ctest-selection> [cmake options...]
# Configures luaembed in another build directory (another Lua, Lua as C++, sanitizers), builds
# <targets> (space-separated; "all" for everything) and runs the tests <ctest-selection> picks: a regular
# expression for ctest -R, or "all" for every test but the matrix's own builds, the fuzzers and
# ThreadSanitizer (builds of their own, which the main build runs). Prints how long
# configuring and building took, and how long the tests did.
set -euo pipefail
source=$1 work=$2 target=$3 selection=$4; shift 4
started=$(date +%s)
# Only what the tests need: no benchmarks, and no examples, tools or doctor unless asked for.
"$(dirname "$0")/../support/configure_and_build.sh" "$source" "$work" "$target" \
  -DLUAEMBED_BUILD_TOOLS=OFF -DLUAEMBED_BUILD_DOCTOR=OFF -DLUAEMBED_BUILD_EXAMPLES=OFF \
  -DLUAEMBED_BUILD_BENCHMARKS=OFF -DLUAEMBED_INSTALL=OFF "$@"
built=$(date +%s)
echo "configured and built in $((built - started)) s: $*"
if [[ $selection == all ]]; then
  ctest --test-dir "$work" -LE "matrix|fuzz|tsan" --output-on-failure -j2
else
  ctest --test-dir "$work" -R "$selection" --output-on-failure -j2
fi
echo "tested in $(( $(date +%s) - built )) s"
