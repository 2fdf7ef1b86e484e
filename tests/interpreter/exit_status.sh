#!/usr/bin/env bash
# Scripts read from stdin ("-" and no arguments at all) and the exit status in every case.
source "$(dirname "$0")/lib.sh" "$@"

echo 'print("from stdin", ...)' >hello.lua
echo 'error("failed on stdin")' >failing.lua

INPUT=hello.lua
same "- runs stdin with arguments" - x y
expect_out $'from stdin\tx\ty'
same "no arguments and stdin not a terminal: stdin runs"
expect_out "from stdin"
INPUT=failing.lua
same "an error in the script given as -" -
expect_status 1
expect_err_line 1 "lua-under-test: stdin:1: failed on stdin"
# lua5.4 5.4.4 ignores the outcome of the chunk it runs when it has no arguments at all.
same "an error in stdin run without arguments"
expect_status 0
expect_err_line 1 "lua-under-test: stdin:1: failed on stdin"
INPUT=/dev/null

same "end of script" -e 'local x = 1'
expect_status 0
same "os.exit(3)" -e 'os.exit(3)'
expect_status 3
# Lua 5.1's os.exit takes only numbers; the state is closed on exit from 5.2 on.
same "os.exit(false)" -e 'os.exit(false)'
expect_status 1
same "os.exit(true) flushes what was written" -e 'io.write("buffered\n") os.exit(true)'
lua_is 51 || expect_status 0
expect_out "buffered"
same "os.exit(0, true) closes the state" \
  -e 'setmetatable({}, { __gc = function() print("collected") end }) os.exit(0, true)'
lua_at_least 52 && expect_out "collected"
same "error()" -e 'error("x")'
expect_status 1
echo 'os.exit(7)' >exit7.lua
same "os.exit from a script" exit7.lua
expect_status 7

finish
