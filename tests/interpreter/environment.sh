#!/usr/bin/env bash
# LUA_INIT and LUA_INIT_5_4, LUA_PATH/LUA_CPATH and their _5_4 forms, and -E, which ignores
# them all. Also: the default search paths are Debian's, so Debian's modules are found.
source "$(dirname "$0")/lib.sh" "$@"

DEFAULT_PATH="/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;\
/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;\
/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
DEFAULT_CPATH="/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;\
/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"

echo 'print("script", init_ran)' >script.lua
echo 'init_ran = "from file"; print("init file", ...)' >init.lua
mkdir -p lib && echo 'return "found in lib"' >lib/where.lua

same "default package.path and package.cpath" -e 'print(package.path) print(package.cpath)'
expect_out "$DEFAULT_PATH"$'\n'"$DEFAULT_CPATH"

export LUA_INIT='init_ran = "from code"; print("init code")'
same "LUA_INIT with code" script.lua
expect_out $'init code\nscript\tfrom code'
same "LUA_INIT runs before -e" -e 'print("e", init_ran)'
expect_out $'init code\ne\tfrom code'
same "-E ignores LUA_INIT" -E script.lua
expect_out $'script\tnil'
same "-E with -i: ignored in the REPL too" -E -i

export LUA_INIT=@init.lua
same "LUA_INIT with @file" script.lua
expect_out $'init file\nscript\tfrom file'
export LUA_INIT_5_4='init_ran = "versioned"'
same "LUA_INIT_5_4 wins over LUA_INIT" script.lua
expect_out $'script\tversioned'
export LUA_INIT_5_4=''
same "an empty LUA_INIT_5_4 still wins" script.lua
expect_out $'script\tnil'
unset LUA_INIT_5_4

export LUA_INIT='error("init failed")'
same "an error in LUA_INIT stops everything" script.lua
expect_status 1
expect_err_line 1 "lua-under-test: LUA_INIT:1: init failed"
export LUA_INIT_5_4='syntax error here'
same "a syntax error in LUA_INIT_5_4" script.lua
expect_status 1
expect_err_line 1 "lua-under-test: LUA_INIT_5_4:1: syntax error near 'error'"
unset LUA_INIT_5_4
export LUA_INIT=@missing.lua
same "LUA_INIT naming a missing file" script.lua
expect_status 1
unset LUA_INIT

export LUA_PATH='./lib/?.lua;;' LUA_CPATH='./clib/?.so'
same "LUA_PATH and LUA_CPATH" -e 'print(require("where")) print(package.path) print(package.cpath)'
expect_out $'found in lib\t./lib/where.lua\n./lib/?.lua;'"$DEFAULT_PATH"$'\n./clib/?.so'
export LUA_PATH_5_4='./none/?.lua' LUA_CPATH_5_4='./none/?.so'
same "LUA_PATH_5_4 and LUA_CPATH_5_4 win" -e 'print(package.path) print(package.cpath)'
expect_out $'./none/?.lua\n./none/?.so'
export LUA_INIT='print("init")'
same "-E ignores the paths too" -E -e 'print(package.path) print(package.cpath)'
expect_out "$DEFAULT_PATH"$'\n'"$DEFAULT_CPATH"

finish
