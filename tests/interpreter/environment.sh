#!/usr/bin/env bash
# LUA_INIT and LUA_INIT_5_X, LUA_PATH/LUA_CPATH and their _5_X forms, and -E, which ignores
# them all. Also: the default search paths are Debian's, so Debian's modules are found. Lua
# 5.1 and LuaJIT read no versioned variables; Lua 5.1 has no -E.
source "$(dirname "$0")/lib.sh" "$@"

DEFAULT_PATH="/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;\
/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;\
/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
DEFAULT_CPATH="/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;\
/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
if ! lua_is 54; then  # what Debian compiled into that Lua; its cpath names Debian's modules
  DEFAULT_PATH=$("$REFERENCE" -e 'io.write(package.path)')
  DEFAULT_CPATH=$("$REFERENCE" -e 'io.write(package.cpath)')
  [[ $DEFAULT_CPATH == *"/usr/lib/x86_64-linux-gnu/lua/5."[1-4]"/?.so"* ]] || fail "unexpected cpath $DEFAULT_CPATH"
fi
HAS_E=1
if lua_is 51; then HAS_E=0; fi

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
if ((HAS_E)); then
  same "-E ignores LUA_INIT" -E script.lua
  expect_out $'script\tnil'
  same "-E with -i: ignored in the REPL too" -E -i
fi

export LUA_INIT=@init.lua
same "LUA_INIT with @file" script.lua
expect_out $'init file\nscript\tfrom file'
if [[ -n $VERSUFFIX ]]; then
  export "LUA_INIT$VERSUFFIX"='init_ran = "versioned"'
  same "LUA_INIT$VERSUFFIX wins over LUA_INIT" script.lua
  expect_out $'script\tversioned'
  export "LUA_INIT$VERSUFFIX"=''
  same "an empty LUA_INIT$VERSUFFIX still wins" script.lua
  expect_out $'script\tnil'
  unset "LUA_INIT$VERSUFFIX"
fi
# Another version's variable is not this one's.
export LUA_INIT_5_3='print("5.3 only")' LUA_INIT_5_4='print("5.4 only")'
same "the variables of other versions are ignored" script.lua
unset LUA_INIT_5_3 LUA_INIT_5_4

export LUA_INIT='error("init failed")'
same "an error in LUA_INIT stops everything" script.lua
expect_status 1
expect_err_line 1 "lua-under-test: LUA_INIT:1: init failed"
if [[ -n $VERSUFFIX ]]; then
  export "LUA_INIT$VERSUFFIX"='syntax error here'
  same "a syntax error in LUA_INIT$VERSUFFIX" script.lua
  expect_status 1
  lua_is 54 && expect_err_line 1 "lua-under-test: LUA_INIT_5_4:1: syntax error near 'error'"
  unset "LUA_INIT$VERSUFFIX"
fi
export LUA_INIT=@missing.lua
same "LUA_INIT naming a missing file" script.lua
expect_status 1
unset LUA_INIT

export LUA_PATH='./lib/?.lua;;' LUA_CPATH='./clib/?.so'
same "LUA_PATH and LUA_CPATH" -e 'print(require("where")) print(package.path) print(package.cpath)'
if lua_is 54; then
  expect_out $'found in lib\t./lib/where.lua\n./lib/?.lua;'"$DEFAULT_PATH"$'\n./clib/?.so'
else  # require returns the file from 5.2 on; 5.1 keeps the ';' around ';;'
  [[ $(head -n 1 "$WORK/luaembed.out") == "found in lib"* ]] || fail "LUA_PATH did not find lib/where.lua"
fi
if [[ -n $VERSUFFIX ]]; then
  export "LUA_PATH$VERSUFFIX"='./none/?.lua' "LUA_CPATH$VERSUFFIX"='./none/?.so'
  same "LUA_PATH$VERSUFFIX and LUA_CPATH$VERSUFFIX win" -e 'print(package.path) print(package.cpath)'
  expect_out $'./none/?.lua\n./none/?.so'
fi
export LUA_INIT='print("init")'
if ((HAS_E)); then
  same "-E ignores the paths too" -E -e 'print(package.path) print(package.cpath)'
  expect_out "$DEFAULT_PATH"$'\n'"$DEFAULT_CPATH"
fi

finish
