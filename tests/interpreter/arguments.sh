#!/usr/bin/env bash
# The arg table (negative indices included), the script's `...`, "--" and "-".
source "$(dirname "$0")/lib.sh" "$@"

cat >args.lua <<'LUA'
print("...", select("#", ...), ...)
for i = -4, #arg do print(i, arg[i]) end
LUA

same "script arguments" args.lua one "two words" ""
expect_status 0
expect_out $'...\t3\tone\ttwo words\t
-4\tnil
-3\tnil
-2\tnil
-1\tlua-under-test
0\targs.lua
1\tone
2\ttwo words
3\t'

WARNINGS=(); if lua_is 54; then WARNINGS=(-W); fi  # -W exists from Lua 5.4 on
same "options before the script sit at negative indices" -e "x = 1" "${WARNINGS[@]}" args.lua a
expect_no_err
same "-- before the script" -- args.lua -e -v
same "options after the script are its arguments" args.lua -e "print(1)" -v -x
# Lua 5.1 and 5.2 make arg for a script only; LuaJIT keeps every index negative.
same "no script: the interpreter is arg[0]" -e "for i = -1, #arg do print(i, arg[i]) end"
if lua_at_least 53; then
  expect_out $'-1\tnil\n0\tlua-under-test\n1\t-e\n2\tfor i = -1, #arg do print(i, arg[i]) end'
elif lua_is jit; then
  expect_out $'-1\tfor i = -1, #arg do print(i, arg[i]) end\n0\tnil'
else
  expect_err_line 1 "lua-under-test: (command line):1: attempt to get length of global 'arg' (a nil value)"
fi

INPUT=args.lua
same "- reads the script from stdin" - a b
expect_out $'...\t2\ta\tb\n-4\tnil\n-3\tnil\n-2\tnil\n-1\tlua-under-test\n0\t-\n1\ta\n2\tb'
INPUT=/dev/null

echo 'print("a file named -", ...)' >-
same "-- - runs a file named -" -- - x
expect_out $'a file named -\tx'

same "an -e that replaces arg changes the script's ..." -e 'arg = {"replaced"}' args.lua original
same "an -e that removes arg" -e 'arg = nil' args.lua
if lua_at_least 53; then
  expect_status 1
  expect_err_line 1 "lua-under-test: 'arg' is not a table"
elif lua_is jit; then  # no arguments: the script itself then fails on arg
  expect_status 1
  expect_err_line 1 "lua-under-test: args.lua:2: attempt to get length of global 'arg' (a nil value)"
else  # 5.1 and 5.2 make arg anew for the script
  expect_status 0
fi

PROGNAME=""
echo 'print(arg[-1] == "")' >zero.lua
same "an empty argv[0] is still in arg" zero.lua
expect_out "true"
if lua_at_least 53; then
  same "an empty argv[0] is still arg[0]" -e 'print(arg[0] == "")'
  expect_out "true"
fi
same "an empty argv[0] and an error" -e 'error("x")'
expect_err_line 1 "$DEFAULT_NAME: (command line):1: x"
PROGNAME=/some/where/my-lua
same "a path as argv[0]" -x
if lua_is 51 jit; then
  expect_err_line 1 "usage: /some/where/my-lua [options]$(lua_is jit && echo ...) [script [args]$(lua_is jit && echo ...)]."
else
  expect_err_line 1 "/some/where/my-lua: unrecognized option '-x'"
fi

finish
