#!/usr/bin/env bash
# consume.sh <mode> <luaembed-source> <luaembed-build> <work-dir> [<lua-source-dir>]
# Builds tests/package/consumer against luaembed, runs it on Debian's real modules and checks
# its exports are exactly the Lua C API. <mode>:
#   subdirectory, subdirectory_lua_cxx  add_subdirectory of the source, Lua as C or as C++
#   installed                           find_package after `cmake --install` of the build
#   lua_source, lua_source_cxx          add_subdirectory, Lua built from <lua-source-dir> (a
#                                       release of 5.4), as C or as C++
#   lua_target                          add_subdirectory, with the consumer's own target built
#                                       from <lua-source-dir> as LUAEMBED_LUA_TARGET
#   lua_imported_target                 add_subdirectory, with Debian's liblua5.4.a declared as
#                                       an IMPORTED target (as a package manager does)
set -euo pipefail
mode=$1 source=$2 build=$3 work=$4 lua_source=${5-}
rm -rf "$work"; mkdir -p "$work"
consumer="$source/tests/package/consumer"

case $mode in
  subdirectory)
    cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" >"$work/configure.log" ;;
  subdirectory_lua_cxx)
    cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" -DLUAEMBED_LUA_CXX=ON >"$work/configure.log" ;;
  lua_source | lua_source_cxx | lua_target)
    if [[ ! -f $lua_source/src/lapi.c ]]; then
      echo "skipped: no Lua release in '$lua_source' (set LUAEMBED_TEST_LUA_SOURCES to the folder holding lua-5.4.8/)"
      exit 77
    fi
    if [[ $mode == lua_target ]]; then
      cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" -DVENDORED_LUA="$lua_source" >"$work/configure.log"
    else
      cxx=OFF; [[ $mode == lua_source_cxx ]] && cxx=ON
      cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" -DLUAEMBED_LUA_SOURCE_DIR="$lua_source" \
        -DLUAEMBED_LUA_CXX=$cxx >"$work/configure.log"
    fi
    # A Lua built from its release looks for modules where upstream's luaconf.h says
    # (/usr/local/lib/lua/5.4/), not where Debian installs them: the consumer is told, as its
    # users would be.
    export LUA_CPATH_5_4="/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;;" ;;
  lua_imported_target)
    cmake -S "$consumer" -B "$work/build" -DLUAEMBED_SOURCE_DIR="$source" \
      -DIMPORTED_LUA_ARCHIVE=/usr/lib/x86_64-linux-gnu/liblua5.4.a -DIMPORTED_LUA_INCLUDE_DIR=/usr/include/lua5.4 \
      >"$work/configure.log" ;;
  installed)
    cmake --install "$build" --prefix "$work/prefix" >"$work/install.log"
    cmake -S "$consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log" ;;
  *) echo "usage: consume.sh <mode> <source> <build> <work> [<lua-source>] (modes: see the top of this file)"; exit 2 ;;
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
if [[ $mode == *_cxx ]] && ! grep -q ' _ZTI11lua_longjmp$' <(nm "$work/build/consumer"); then
  echo "FAIL: the consumer built with LUAEMBED_LUA_CXX=ON does not contain Lua compiled as C++"; exit 1
fi
