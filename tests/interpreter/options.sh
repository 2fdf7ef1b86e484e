#!/usr/bin/env bash
# -e, -l (both forms), -v, -W, their order, and what a wrong command line gets.
source "$(dirname "$0")/lib.sh" "$@"

cat >greeting.lua <<'LUA'
print("loading greeting", ...)
return { text = "hello" }
LUA
echo 'print("script", greeting and greeting.text, g and g.text)' >script.lua

same "-v" -v
expect_out "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio"
same "-v with a script" -v script.lua
same "-v and -e" -e 'print(1)' -v
same "-e runs in order" -e 'print(1)' -e 'print(2)' -eprint\(3\)
expect_out $'1\n2\n3'
same "-l mod" -l greeting script.lua
expect_out $'loading greeting\tgreeting\t./greeting.lua\nscript\thello\tnil'
same "-l g=mod" -l g=greeting script.lua
expect_out $'loading greeting\tgreeting\t./greeting.lua\nscript\tnil\thello'
same "-l attached" -lg=greeting -lgreeting script.lua
same "-e and -l interleave" -e 'print("first")' -l greeting -e 'print("last", greeting.text)'
expect_out $'first\nloading greeting\tgreeting\t./greeting.lua\nlast\thello'
same "-l of a missing module" -l no.such.module script.lua
expect_status 1
expect_err_line 1 "lua-under-test: module 'no.such.module' not found:"
same "an error in -e stops the rest" -e 'error("stop")' -e 'print("not reached")' script.lua
expect_status 1

same "the collector runs in generational mode, the standard libraries are open" \
  -e 'print(collectgarbage("incremental"), collectgarbage("isrunning"), type(utf8.char), type(debug.traceback))'
expect_out $'generational\ttrue\tfunction\tfunction'

same "warnings off by default" -e 'warn("hidden")'
expect_no_err
same "-W turns warnings on" -W -e 'warn("shown ", "here")'
expect_err_line 1 "Lua warning: shown here"
same "-W acts in command-line order" -e 'warn("early")' -W -e 'warn("late")'
expect_err_line 1 "Lua warning: late"

for bad in -x -vx -Ex -Wx -ix --x -e -l "-e -v" "-l -"; do
  # shellcheck disable=SC2086  # the words of $bad are separate arguments
  same "bad command line: $bad" $bad script.lua
  expect_status 1
done
same "a missing -e argument at the end" -e
expect_err_line 1 "lua-under-test: '-e' needs argument"
expect_err_line 2 "usage: lua-under-test [options] [script [args]]"
same "an unknown option" -x
expect_err_line 1 "lua-under-test: unrecognized option '-x'"

INPUT=script.lua
same "-- alone: no script, stdin runs" --
expect_out $'script\tnil\tnil'
same "-E and -W before stdin" -E -W -
INPUT=/dev/null

finish
