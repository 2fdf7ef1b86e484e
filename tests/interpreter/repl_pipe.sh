#!/usr/bin/env bash
# The REPL (-i) with stdin a pipe: the same transcript as the reference (which, like luaembed,
# writes each prompt and echoes each line; luajit echoes no line), the same errors, the same
# exit status. Before Lua 5.3 a line is no expression: "1 + 1" is an error there, "=1 + 1" not.
source "$(dirname "$0")/lib.sh" "$@"

# Lines stay short: GNU readline, in lua5.4, redraws lines wider than 80 columns even when
# stdin is not a terminal, and the transcript then shows its redrawing.
cat >session.txt <<'LUA'
1 + 1
"several", "results", nil
=10 * 4 + 2
function square(x)
  return x * x
end
square(12)
error("boom")
print("still here")
local t = {
  1, 2,
  3 }
x = 5; y = 6
x * y

return
_PROMPT = "lua% "
_PROMPT2 = 2
for i = 1, 2 do
  print(i)
end
described = { __tostring = function() return "object> " end }
_PROMPT = setmetatable({}, described)
_PROMPT = nil
print(os.setlocale(nil, "ctype"))
print = function() error("print is broken") end
"not printed"
print = nil
"not printed either"
LUA

INPUT=session.txt
export LC_ALL=C
# has_line <text>: a line of stdout is <text>, after the prompts luajit leaves before it
# (it echoes no input).
has_line() { grep -Eqx "(lua% |>+ )*$1" "$WORK/luaembed.out"; }
same "a session" -i
expect_status 0
has_line '42' || fail "=10 * 4 + 2 did not print 42"
has_line 'C' || fail "LC_CTYPE is not C"
if lua_at_least 53; then
  expect_err_line 1 "stdin:1: boom"
  grep -qx '>>   return x \* x' "$WORK/luaembed.out" || fail "no continuation prompt"
  grep -qx '144' "$WORK/luaembed.out" || fail "square(12) did not print 144"
  expect_err_line 6 "error calling 'print' (stdin:1: print is broken)"
fi
lua_is 54 && { grep -qx 'object> _PROMPT = nil' "$WORK/luaembed.out" || fail "_PROMPT's __tostring was not used"; }

export LC_ALL=C.UTF-8
same "the REPL takes LC_CTYPE from the environment (not luajit's)" -i
lua_is jit || grep -qx 'C.UTF-8' "$WORK/luaembed.out" || fail "LC_CTYPE is not C.UTF-8"
unset LC_ALL

printf 'answer\n' >short.txt
INPUT=short.txt
echo 'print("script ran", ...)' >script.lua
same "-i after a script" -i script.lua a b
lua_at_least 53 && expect_out "$VERSION_LINE"$'\nscript ran\ta\tb\n> answer\nnil\n> '
same "-i after -e" -e 'answer = 42' -i
lua_at_least 53 && expect_out "$VERSION_LINE"$'\n> answer\n42\n> '
printf '=answer\n' >short.txt
same "-i after -e, with =" -e 'answer = 42' -i
if lua_is jit; then
  expect_out "$VERSION_LINE"$'\n'"$(sed -n 2p "$WORK/reference.out")"$'\n> 42\n> '
elif lua_is 51; then
  expect_out $'> =answer\n42\n> '  # lua5.1 writes its banner on stderr
else
  expect_out "$VERSION_LINE"$'\n> =answer\n42\n> '
fi
printf 'os.exit(5)\n' >exit.txt
INPUT=exit.txt
same "os.exit in the REPL" -i
expect_status 5

# Input that ends inside a statement: lua5.3 and 5.4 then print "(null)", a glitch of their
# lua.c; luaembed says why the statement is incomplete. Only stdout and the status are compared.
printf 'for i = 1, 2 do\n' >unfinished.txt
INPUT=unfinished.txt
COMPARED="out status"
same "input ending inside a statement" -i
expect_status 0
if lua_at_least 53; then
  expect_err_line 1 "stdin:1: 'end' expected near <eof>"
else  # before 5.3, the REPL just ends
  [[ $(grep -vc '^Lua' "$WORK/luaembed.err") -eq 0 ]] || fail "unexpected stderr: $(<"$WORK/luaembed.err")"
fi

finish
