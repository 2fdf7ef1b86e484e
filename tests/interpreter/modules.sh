#!/usr/bin/env bash
# Debian's native modules load into the statically linked Lua and work: cjson, lpeg, lfs,
# socket.core. Each result is pinned exactly, and the reference interpreter must print the same:
# each Lua version loads its own build of them (LuaJIT those of Lua 5.1).
source "$(dirname "$0")/lib.sh" "$@"

same "cjson: encode, decode, encode again" -e '
  local cjson = require("cjson")
  local text = cjson.encode({ outer = { inner = { 1, 2.5, "three", true, { deep = "yes" } } } })
  local back = cjson.decode(text)
  print(text)
  print(back.outer.inner[3], back.outer.inner[5].deep, cjson.encode(back) == text)'
expect_status 0
expect_no_err
expect_out $'{"outer":{"inner":[1,2.5,"three",true,{"deep":"yes"}]}}\nthree\tyes\ttrue'

same "cjson through -l" -l cjson -e 'local cjson = require("cjson") print(cjson.encode({ "a", { b = cjson.null } }))'
expect_out '["a",{"b":null}]'

same "lpeg: captures and positions" -e '
  local lpeg = require("lpeg")
  local number = lpeg.C(lpeg.R("09") ^ 1) / tonumber
  local list = lpeg.Ct(number * ("," * number) ^ 0)
  local sum = 0
  for _, n in ipairs(list:match("10,20,30")) do sum = sum + n end
  print(sum, lpeg.match(lpeg.P("ab") ^ 1 * lpeg.Cp(), "ababx"), lpeg.match(number, "x1"))'
expect_no_err
expect_out $'60\t5\tnil'

head -c 1234 /dev/zero >data.bin
mkdir subdir
same "lfs: attributes of files the test wrote" -e '
  local lfs = require("lfs")
  print(lfs.attributes("data.bin").size, lfs.attributes("data.bin", "mode"))
  print(lfs.attributes("subdir", "mode"), lfs.attributes("missing"))'
expect_no_err
expect_out $'1234\tfile\ndirectory\tnil\tcannot obtain information from file \'missing\': No such file or directory\t2'

same "socket.core: gettime is a number" -e '
  local core = require("socket.core")
  local now = core.gettime()
  print(math.type and math.type(now) or type(now), now > 1.6e9)'
expect_no_err
if lua_at_least 53; then expect_out $'float\ttrue'; else expect_out $'number\ttrue'; fi
same "socket: the Lua part of LuaSocket over socket.core" -e '
  local socket = require("socket")
  print(socket == require("socket.core"), type(socket.tcp), type(socket.skip))'
expect_out $'true\tfunction\tfunction'

MODULE_VERSION=5.${LUA#5}
if lua_is jit; then MODULE_VERSION=5.1; fi
same "each module comes from this Lua's directory" -e '
  for _, name in ipairs({ "cjson", "lpeg", "lfs", "socket.core" }) do
    print(name, package.searchpath and package.searchpath(name, package.cpath) or "")
  end'
if lua_at_least 52 || lua_is jit; then
  expect_out "cjson	/usr/lib/x86_64-linux-gnu/lua/$MODULE_VERSION/cjson.so
lpeg	/usr/lib/x86_64-linux-gnu/lua/$MODULE_VERSION/lpeg.so
lfs	/usr/lib/x86_64-linux-gnu/lua/$MODULE_VERSION/lfs.so
socket.core	/usr/lib/x86_64-linux-gnu/lua/$MODULE_VERSION/socket/core.so"
fi

finish
