-- Loads Debian's real native modules and prints exactly what each did.
-- Every host luaembed builds must print real_modules.expected for this script.

local cjson = require "cjson"
local original = { name = "luaembed", list = { 1, 2.5, "three" }, nested = { ok = true, none = cjson.null } }
local back = cjson.decode(cjson.encode(original))
assert(back.name == "luaembed" and back.list[1] == 1 and back.list[2] == 2.5 and back.list[3] == "three")
assert(back.nested.ok == true and back.nested.none == cjson.null)
print("cjson", cjson.encode({ list = { 1, 2.5, "three", { ok = true } } }))

local lpeg = require "lpeg"
local number = lpeg.C(lpeg.R "09" ^ 1)
local numbers = lpeg.Ct(number * ("," * number) ^ 0)
print("lpeg", table.concat(numbers:match "10,20,30", "+"), lpeg.match(lpeg.P "a" ^ 1, "aaab"))

local lfs = require "lfs"
local path = os.tmpname()
local file = assert(io.open(path, "w"))
file:write "twelve bytes"
file:close()
local attributes = assert(lfs.attributes(path))
os.remove(path)
print("lfs", attributes.mode, attributes.size)

local socket = require "socket.core"
local now = socket.gettime()
assert(now > 1.6e9, "socket.gettime() is not a time")
print("socket", type(now), socket._VERSION)
