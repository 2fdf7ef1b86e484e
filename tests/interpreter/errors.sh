#!/usr/bin/env bash
# Error reports: syntax errors, runtime errors with their traceback, error objects that are not
# strings, missing scripts.
source "$(dirname "$0")/lib.sh" "$@"

printf 'local x = = 1\n' >syntax.lua
cat >runtime.lua <<'LUA'
local function inner(n) return n + nil end
local function outer() return inner(1) + 1 end
print("before")
outer()
print("not reached")
LUA
cat >objects.lua <<'LUA'
local kind = ...
if kind == "tostring" then
  error(setmetatable({}, { __tostring = function() return "described error" end }))
elseif kind == "table" then
  error({})
elseif kind == "nil" then
  error(nil)
elseif kind == "number" then
  error(42)
else
  error(setmetatable({}, { __tostring = function() return 1 end }))
end
LUA
cat >failing_module.lua <<'LUA'
error("module refuses to load")
LUA

same "a syntax error" syntax.lua
expect_status 1
expect_err_line 1 "lua-under-test: syntax.lua:1: unexpected symbol near '='"
same "a syntax error in -e" -e 'x = = 1'
expect_err_line 1 "lua-under-test: (command line):1: unexpected symbol near '='"
same "a runtime error with its traceback" runtime.lua
expect_status 1
expect_out "before"
expect_err_line 1 "lua-under-test: runtime.lua:1: attempt to perform arithmetic on a nil value"
expect_err_line 2 "stack traceback:"
if lua_at_least 53; then
  expect_err_line 3 $'\truntime.lua:1: in upvalue \'inner\''
  expect_err_line 6 $'\t[C]: in ?'
else  # Lua 5.1, 5.2 and LuaJIT word the frames their way
  expect_err_line 3 $'\truntime.lua:1: in function \'inner\''
fi
for kind in tostring table nil number bad_tostring; do
  same "an error object: $kind" objects.lua "$kind"
  expect_status 1
done
# lua5.1 describes no error object; lua5.2 and luajit use __tostring; from 5.3 on every object
# is described.
same "an error object with __tostring" objects.lua tostring
lua_is 51 || expect_err_line 1 "lua-under-test: described error"
same "an error object without __tostring" objects.lua table
if lua_at_least 53; then
  expect_err_line 1 "lua-under-test: (error object is a table value)"
elif lua_is 52; then
  expect_err_line 1 "lua-under-test: (no error message)"
else
  expect_err_line 1 "lua-under-test: (error object is not a string)"
fi
same "an error in a module loaded with -l" -l failing_module -e 'print("not reached")'
expect_status 1
same "an error in a module loaded with require" -e 'require("failing_module")'
same "a runtime error in a coroutine" -e 'print(coroutine.resume(coroutine.create(function() error("in co") end)))'
expect_status 0
# An error object that reaches the top without passing the message handler (here, raised
# while the script's arguments are collected): lua5.4 prints "(null)", luaembed says what it
# is. Only stdout and the status are compared.
# Only from 5.3 on are the script's arguments read through #arg.
if lua_at_least 53; then
  COMPARED="out status"
  same "a non-string error outside the message handler" \
    -e 'arg = setmetatable({}, { __len = function() error({}) end })' runtime.lua
  expect_status 1
  expect_err_line 1 "lua-under-test: (error object is a table value)"
  COMPARED="out err status"
fi

same "a missing script" no_such_script.lua
expect_status 1
expect_no_out
expect_err_line 1 "lua-under-test: cannot open no_such_script.lua: No such file or directory"
same "a missing script after -e" -e 'print("ran")' no_such_script.lua
expect_out "ran"

finish
