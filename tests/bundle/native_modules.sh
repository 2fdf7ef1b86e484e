#!/usr/bin/env bash
# Native modules that are not bundled. A normal bundle is a luaembed host: it loads Debian's
# from files like the interpreter does. A fully static bundle cannot, and says so in a Lua
# error that a script can catch: never a crash, never a warning of glibc.
source "$(dirname "$0")/lib.sh" "$@"

[[ -n $DEBIAN_MODULES && -f $DEBIAN_MODULES/socket/core.so ]] ||
  { echo "FAIL: no socket/core.so in '$DEBIAN_MODULES' (install lua-socket)"; exit 1; }
note="this program is fully static: native modules must be bundled with luaembed_bundle(... MODULES ...)"
export LUA_CPATH="$DEBIAN_MODULES/?.so"
cp "$DEBIAN_MODULES/lfs.so" plugin.so

if [[ $VARIANT == dynamic ]]; then
  run run 'local socket, file = require "socket.core"; print(socket._VERSION, file)'
  expect_status 0
  expect_no_err
  expect_out <<OUT
LuaSocket 3.0.0	$DEBIAN_MODULES/socket/core.so
OUT
  run run 'print(package.loadlib("./plugin.so", "luaopen_lfs")()._VERSION)'
  expect_status 0
  expect_out <<'OUT'
LuaFileSystem 1.8.0
OUT
else
  run run 'require "socket.core"'
  expect_status 1
  expect_no_out
  expect_err_start <<ERR
probe: error loading module 'socket.core' from file '$DEBIAN_MODULES/socket/core.so':
	$note
stack traceback:
ERR
  run run 'package.cpath = "./?.so"; require "plugin"'
  expect_status 1
  expect_err_start <<ERR
probe: error loading module 'plugin' from file './plugin.so':
	$note
ERR
  # "plugin.sub" would be luaopen_plugin_sub in plugin.so: Lua's all-in-one searcher.
  run run 'package.cpath = "./?.so"; require "plugin.sub"'
  expect_status 1
  expect_err_start <<ERR
probe: error loading module 'plugin.sub' from file './plugin.so':
	$note
ERR
  run run 'print(package.loadlib("./plugin.so", "luaopen_lfs"))
print(pcall(require, "socket.core"))'
  expect_status 0
  expect_no_err
  expect_out <<OUT
nil	$note	open
false	error loading module 'socket.core' from file '$DEBIAN_MODULES/socket/core.so':
	$note
OUT
fi

# Debian's cjson.so is on package.cpath now: the bundled cjson still comes first.
run run 'print(select(2, require "cjson"), require("cjson").encode { static = "linked in" })'
expect_status 0
expect_no_err
expect_out <<'OUT'
:preload:	{"static":"linked in"}
OUT

finish
