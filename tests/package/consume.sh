#!/usr/bin/env bash
# consume.sh subdirectory|subdirectory_lua_cxx|installed <luaembed-source> <luaembed-build> <work-dir>
# Builds tests/package/consumer against luaembed (add_subdirectory of the source, the same
# with Lua compiled as C++, or find_package after `cmake --install` of the build), runs it on
# Debian's real modules and checks its exports are exactly the Lua C API.
set -euo pipefail
mode=$1 source=$2 build=$3 work=$4
rm -rf "$work"; mkdir -p "$work"
consumer="$source/tests/package/consumer"

case $mode in
  subdirectory)
    cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" >"$work/configure.log" ;;
  subdirectory_lua_cxx)
    cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" -DLUAEMBED_LUA_CXX=ON >"$work/configure.log" ;;
  installed)
    cmake --install "$build" --prefix "$work/prefix" >"$work/install.log"
    cmake -S "$consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log" ;;
  *) echo "usage: consume.sh subdirectory|subdirectory_lua_cxx|installed <source> <build> <work>"; exit 2 ;;
esac
cmake --build "$work/build" -j1 >"$work/build.log"   # ctest runs two tests at once: one compiler each

"$source/tests/support/expect_output.sh" "$source/tests/real_modules/real_modules.expected" \
  "$work/build/consumer" "$source/tests/real_modules/real_modules.lua"
# The module loads in Debian's stock interpreter.
# shellcheck disable=SC2086  # LUAEMBED_STOCK_LUA_ENV: words for env (sanitizer builds), or none
answer=$(env ${LUAEMBED_STOCK_LUA_ENV-} lua5.4 -e "package.cpath = '$work/build/modules/?.so' print(require('consumer_module').answer())")
[[ $answer == 42 ]] || { echo "FAIL: the consumer's C++ module answered '$answer'"; exit 1; }
echo "PASS: the consumer's C++ module loads in lua5.4"

list=$(find "$work/build" -name 'lua5.4-api.dynlist' | head -n 1)
"$source/tests/linking/check_exports.sh" "$work/build/consumer" "$list" 0

# Lua compiled as C++ throws a C++ exception of its own type; only that archive defines it.
if [[ $mode == subdirectory_lua_cxx ]] && ! grep -q ' _ZTI11lua_longjmp$' <(nm "$work/build/consumer"); then
  echo "FAIL: the consumer built with LUAEMBED_LUA_CXX=ON does not contain Lua compiled as C++"; exit 1
fi
