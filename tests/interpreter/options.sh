#!/usr/bin/env bash
# -e, -l (both forms), -v, -W, their order, and what a wrong command line gets. Each Lua's
# interpreter has its own options: -W from 5.4, -E from 5.2, -l g=mod from 5.4.4.
source "$(dirname "$0")/lib.sh" "$@"

cat >greeting.lua <<'LUA'
print("loading greeting", ...)
return { text = "hello" }
LUA
echo 'print("script", greeting and greeting.text, g and g.text)' >script.lua

same "-v" -v
if lua_is 51; then expect_err_line 1 "$VERSION_LINE"; else expect_out "$VERSION_LINE"; fi
lua_is 54 && expect_out "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio"
same "-v with a script" -v script.lua
same "-v and -e" -e 'print(1)' -v
same "-e runs in order" -e 'print(1)' -e 'print(2)' -eprint\(3\)
expect_out $'1\n2\n3'
# From 5.2 on require passes the loader the file it found; from 5.2 on (not LuaJIT) -l sets
# the global.
LOADING=$'loading greeting\tgreeting\t./greeting.lua'
if lua_is 51 jit; then LOADING=$'loading greeting\tgreeting'; fi
GLOBAL=hello
if lua_is 51 jit; then GLOBAL=nil; fi
same "-l mod" -l greeting script.lua
expect_out "$LOADING"$'\nscript\t'"$GLOBAL"$'\tnil'
same "-l g=mod" -l g=greeting script.lua
lua_is 54 && expect_out "$LOADING"$'\nscript\tnil\thello'
same "-l attached" -lg=greeting -lgreeting script.lua
same "-e and -l interleave" -e 'print("first")' -l greeting -e 'print("last", greeting and greeting.text)'
expect_out $'first\n'"$LOADING"$'\nlast\t'"$GLOBAL"
same "-l of a missing module" -l no.such.module script.lua
expect_status 1
expect_err_line 1 "lua-under-test: module 'no.such.module' not found:"
same "an error in -e stops the rest" -e 'error("stop")' -e 'print("not reached")' script.lua
expect_status 1

same "the standard libraries are open" -e 'print(type(string.rep), type(debug.traceback), type(package.loaded))'
expect_out $'function\tfunction\ttable'
if lua_is 54; then
  same "the collector runs in generational mode, the standard libraries are open" \
    -e 'print(collectgarbage("incremental"), collectgarbage("isrunning"), type(utf8.char), type(debug.traceback))'
  expect_out $'generational\ttrue\tfunction\tfunction'

  same "warnings off by default" -e 'warn("hidden")'
  expect_no_err
  same "-W turns warnings on" -W -e 'warn("shown ", "here")'
  expect_err_line 1 "Lua warning: shown here"
  same "-W acts in command-line order" -e 'warn("early")' -W -e 'warn("late")'
  expect_err_line 1 "Lua warning: late"
fi
if lua_is jit; then
  same "LuaJIT's libraries are open" -e 'print(type(jit.status), type(bit.band), package.preload.ffi ~= nil)'
  expect_out $'function\tfunction\ttrue'
  # The reference is the same LuaJIT: OpenResty's has modules of its own, Debian's has none.
  same "the same LuaJIT's own modules" -e 'print((pcall(require, "table.isarray")), (pcall(require, "thread.exdata")))'
fi

# lua5.2 and luajit take -Ex as -E; lua5.1 and luajit take "-e -v" as code and "-l -" as a
# module's name (all of which fail here too).
for bad in -x -vx -Ex -Wx -ix --x -e -l "-e -v" "-l -"; do
  # shellcheck disable=SC2086  # the words of $bad are separate arguments
  same "bad command line: $bad" $bad script.lua
  if [[ $bad == -Ex ]] && lua_is 52 jit; then expect_status 0; else expect_status 1; fi
done
same "a missing -e argument at the end" -e
if lua_is 51 jit; then
  expect_err_line 1 "$(sed -n 1p "$WORK/reference.err")"
  grep -q '^usage: lua-under-test \[options\]' "$WORK/luaembed.err" || fail "no usage text"
else
  expect_err_line 1 "lua-under-test: '-e' needs argument"
  expect_err_line 2 "usage: lua-under-test [options] [script [args]]"
fi
same "an unknown option" -x
lua_is 51 jit || expect_err_line 1 "lua-under-test: unrecognized option '-x'"

INPUT=script.lua
same "-- alone: no script, stdin runs" --
expect_out $'script\tnil\tnil'
lua_is 54 && same "-E and -W before stdin" -E -W -
lua_is 52 53 jit && same "-E before stdin" -E -
INPUT=/dev/null

if lua_is jit; then  # LuaJIT's own options
  same "-joff turns the compiler off" -joff -e 'print(jit.status())'
  expect_out "$("$REFERENCE" -joff -e 'print(jit.status())')"
  [[ $(cut -f1 "$WORK/luaembed.out") == false ]] || fail "-joff left the compiler on"
  same "-jon turns it on" -joff -jon -e 'print((jit.status()))'
  expect_out "true"
  same "-O sets optimizations" -O3 -O-fold,hotloop=10 -e 'print("ran")'
  expect_out "ran"
  same "an unknown -j command" -jnosuchcommand -e 'print("not reached")'
  expect_status 1
  expect_err_line 1 "lua-under-test: unknown luaJIT command or jit.* modules not installed"
  same "-b lists bytecode" -bl script.lua
  grep -q 'BYTECODE' "$WORK/luaembed.out" || fail "-bl listed no bytecode"
  same "-b saves bytecode" -b script.lua saved.raw
  same "the saved bytecode runs" saved.raw
  expect_out $'script\tnil\tnil'
  same "-b after another option is an error" -e 'x = 1' -b script.lua out.raw
  expect_status 1
  same "-i shows the JIT status" -i
  grep -q '^JIT: ON' "$WORK/luaembed.out" || fail "no JIT status line"
fi

finish
