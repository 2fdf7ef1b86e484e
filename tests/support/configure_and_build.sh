#!/usr/bin/env bash
# configure_and_build.sh <source> <work-dir> <targets> [cmake options...]
# Configures the CMake project <source> in <work-dir> and builds <targets> (space-separated;
# "all" for everything) with -j2: the builds of their own that some tests make (the build
# matrix, the fuzzers, ThreadSanitizer). The logs stay in <work-dir>; when a step fails, the
# end of its log is printed and the script fails.
set -euo pipefail
source=$1 work=$2 targets=$3; shift 3
mkdir -p "$work"
if ! cmake -S "$source" -B "$work" "$@" >"$work/configure.log" 2>&1; then
  tail -n 40 "$work/configure.log"; exit 1
fi
# shellcheck disable=SC2086  # the targets are separate words
if ! cmake --build "$work" -j2 --target $targets >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"; exit 1
fi
