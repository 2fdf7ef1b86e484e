#!/usr/bin/env bash
# configuration.sh build|test|timing <source> <preset> <work-dir>
# build:  configures the preset of CMakePresets.json in <work-dir> and builds it with one
#         compiler (the caller runs two steps at once); the logs stay in <work-dir>, and the
#         end of the failing one is printed.
# test:   runs the tests of that build, one at a time, but those labelled "timing".
# timing: runs the tests labelled "timing", one at a time (the caller runs this step alone).
# Each step says how long it took, and how much processor time.
set -euo pipefail
step=$1 source=$2 preset=$3 work=$4

case $step in
  build)
    mkdir -p "$work"
    # OpenResty's LuaJIT is unpacked, not installed, by scripts/install-dependencies.
    openresty=/opt/luaembed/openresty-luajit
    if [[ $preset == luajit2 && ! -f $openresty/packages ]]; then
      echo "$preset: OpenResty's LuaJIT is not unpacked in $openresty." >&2
      echo "Run scripts/install-dependencies: it unpacks libluajit2-5.1-dev, libluajit2-5.1-2 and luajit2" >&2
      echo "there (they conflict with Debian's LuaJIT, so they are not installed)." >&2
      exit 1
    fi
    TIMEFORMAT="$preset: configured and built in %R s (processor time: %U s user, %S s system)"
    time {
      if ! cmake -S "$source" --preset "$preset" -B "$work" >"$work/configure.log" 2>&1; then
        tail -n 40 "$work/configure.log"; exit 1
      fi
      if ! cmake --build "$work" -j1 >"$work/build.log" 2>&1; then
        tail -n 40 "$work/build.log"; exit 1
      fi
    } ;;
  test)
    TIMEFORMAT="$preset: tested in %R s (processor time: %U s user, %S s system)"
    time ctest --test-dir "$work" --output-on-failure -LE timing --no-tests=ignore ;;
  timing)
    TIMEFORMAT="$preset: timing tests in %R s (processor time: %U s user, %S s system)"
    time ctest --test-dir "$work" --output-on-failure -L timing --no-tests=ignore ;;
  *)
    echo "usage: configuration.sh build|test|timing <source> <preset> <work-dir>" >&2; exit 2 ;;
esac
