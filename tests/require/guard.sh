#!/usr/bin/env bash
# guard.sh <guard_host> <guard_host_not_whole> <fixture-modules-dir> [<luaembed interpreter>]
# require inside a luaembed host: second Lua cores refused (or let in, as the host chooses),
# failures explained, and no second core left in the process (checked with dl_iterate_phdr).
set -u
host=$1 host_not_whole=$2 modules=$3 interpreter=${4:-}
failures=0
debian54=/usr/lib/x86_64-linux-gnu/lua/5.4
debian51=/usr/lib/x86_64-linux-gnu/lua/5.1
fixtures="package.cpath = '$modules/?.so'"

# check <description> <expected status> <expected output (stdout+stderr)> <command...>
check() {
  local description=$1 expected_status=$2 expected=$3
  shift 3
  local output status
  output=$("$@" 2>&1); status=$?
  if [[ $status -eq $expected_status && $output == "$expected" ]]; then
    echo "PASS: $description"
  else
    echo "FAIL: $description (status $status, expected $expected_status)"
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$output")
    failures=$((failures + 1))
  fi
}

check "Debian's modules load, and no second Lua core is in the process" 0 \
  'cjson lpeg lfs socket' \
  "$host" refuse "require 'cjson' require 'lpeg' require 'lfs' require 'socket.core' print('cjson lpeg lfs socket')"

check "a module linking liblua5.4.so is refused" 1 \
  "error loading module 'module_linked' from file '$modules/module_linked.so':
	refused: it links liblua5.4.so.0 (/lib/x86_64-linux-gnu/liblua5.4.so.0), a Lua core of its own.
	Two Lua cores in one process corrupt each other's memory. Rebuild the module so that it links no Lua
	(it must leave the Lua API undefined), or load it anyway with StateOptions::second_lua_core = SecondLuaCore::Warn." \
  "$host" refuse "$fixtures require 'module_linked'"

check "a module containing Lua is refused" 1 \
  "error loading module 'module_core' from file '$modules/module_core.so':
	refused: it contains a Lua core of its own (Lua 5.4.4).
	Two Lua cores in one process corrupt each other's memory. Rebuild the module so that it links no Lua
	(it must leave the Lua API undefined), or load it anyway with StateOptions::second_lua_core = SecondLuaCore::Warn." \
  "$host" refuse "$fixtures require 'module_core'"

# Negative control: let in, the second core is really there, and dl_iterate_phdr sees it.
check "with the warn policy the module loads, with a warning, and the second core is seen" 0 \
  "luaembed: warning: module 'module_linked' ($modules/module_linked.so) brings a second Lua core into this program: it links liblua5.4.so.0 (/lib/x86_64-linux-gnu/liblua5.4.so.0), a Lua core of its own
second Lua core in the process: /lib/x86_64-linux-gnu/liblua5.4.so.0" \
  "$host" warn "$fixtures require 'module_linked'"

check "a module built for Lua 5.1 fails with the reason" 1 \
  "error loading module 'cjson' from file '$debian51/cjson.so':
	$debian51/cjson.so: undefined symbol: lua_pcall
	luaembed: the module was built for Lua 5.1 or LuaJIT 2.1, and this program runs Lua 5.4: use the module's Lua 5.4 build (Debian installs it under /usr/lib/x86_64-linux-gnu/lua/5.4/)." \
  "$host" refuse "package.cpath = '$debian51/?.so' require 'cjson'"

check "a program missing API functions says which and what to do" 1 \
  "error loading module 'module_openlibs' from file '$modules/module_openlibs.so':
	$modules/module_openlibs.so: undefined symbol: luaL_openlibs
	luaembed: this program does not provide 1 Lua API function(s) the module needs (luaL_openlibs): link it with luaembed::luaembed, which links Lua whole and exports its C API (luaembed-doctor <program> <module> tells more)." \
  "$host_not_whole" refuse "$fixtures require 'module_openlibs'"

check "a module that is not found is reported as lua5.4 reports it" 1 \
  "test:1: module 'absent' not found:
	no field package.preload['absent']
	no file '/nonexistent/absent.lua'
	no file '/nonexistent/absent.so'" \
  "$host" refuse "package.path = '/nonexistent/?.lua' package.cpath = '/nonexistent/?.so' require 'absent'"

if [[ -n $interpreter ]]; then
  output=$("$interpreter" -e "$fixtures require 'module_core'" 2>&1); status=$?
  if [[ $status -eq 1 && $output == *"refused: it contains a Lua core of its own (Lua 5.4.4)."* ]]; then
    echo "PASS: the luaembed interpreter refuses a second Lua core too"
  else
    echo "FAIL: the luaembed interpreter loaded a module containing Lua (status $status): $output"
    failures=$((failures + 1))
  fi
fi

exit $((failures > 0))
