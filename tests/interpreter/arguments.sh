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

same "options before the script sit at negative indices" -e "x = 1" -W args.lua a
expect_no_err
same "-- before the script" -- args.lua -e -v
same "options after the script are its arguments" args.lua -e "print(1)" -v -x
same "no script: the interpreter is arg[0]" -e "for i = -1, #arg do print(i, arg[i]) end"
expect_out $'-1\tnil\n0\tlua-under-test\n1\t-e\n2\tfor i = -1, #arg do print(i, arg[i]) end'

INPUT=args.lua
same "- reads the script from stdin" - a b
expect_out $'...\t2\ta\tb\n-4\tnil\n-3\tnil\n-2\tnil\n-1\tlua-under-test\n0\t-\n1\ta\n2\tb'
INPUT=/dev/null

echo 'print("a file named -", ...)' >-
same "-- - runs a file named -" -- - x
expect_out $'a file named -\tx'

same "an -e that replaces arg changes the script's ..." -e 'arg = {"replaced"}' args.lua original
same "an -e that removes arg" -e 'arg = nil' args.lua
expect_status 1
expect_err_line 1 "lua-under-test: 'arg' is not a table"

PROGNAME=""
same "an empty argv[0] is still arg[0]" -e 'print(arg[0] == "")'
expect_out "true"
same "an empty argv[0] and an error" -e 'error("x")'
expect_err_line 1 "lua: (command line):1: x"
PROGNAME=/some/where/my-lua
same "a path as argv[0]" -x
expect_err_line 1 "/some/where/my-lua: unrecognized option '-x'"

finish
