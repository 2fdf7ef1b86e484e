-- The luaembed demo: Lua linked statically into the program running this script, and still
-- Debian's native modules load with require. Run it with the interpreter,
--   build/bin/luaembed examples/demo.lua
-- or with the embedding example, build/bin/embed_example examples/demo.lua.

local host = host_name or "the luaembed interpreter"
print(("%s in %s, linked statically"):format(_VERSION, host))
print()

local cjson = require "cjson"
local document = cjson.decode '{"project":"luaembed","modules":["cjson","lpeg","lfs","socket"]}'
print(("cjson   decoded %d module names from JSON; encoded again: %s")
  :format(#document.modules, cjson.encode(document.modules)))

local lpeg = require "lpeg"
local key = lpeg.C(lpeg.R "az" ^ 1)
local value = lpeg.C((1 - lpeg.S ",") ^ 0)
local pair = lpeg.Cg(key * "=" * value)
local settings = lpeg.Cf(lpeg.Ct "" * pair * ("," * pair) ^ 0, rawset)
local parsed = settings:match "lua=static,export=api,modules=native"
print(("lpeg    parsed 'lua=static,export=api,modules=native': lua=%s, export=%s, modules=%s")
  :format(parsed.lua, parsed.export, parsed.modules))

local lfs = require "lfs"
local script = debug.getinfo(1, "S").source:sub(2)
local folder = script:match "^(.*)/[^/]*$" or "."
local entries = 0
for entry in lfs.dir(folder) do
  if entry ~= "." and entry ~= ".." then entries = entries + 1 end
end
print(("lfs     %s is %d bytes; its folder holds %d entries")
  :format(script, lfs.attributes(script, "size"), entries))

local socket = require "socket.core"
local started = socket.gettime()
socket.sleep(0.02)
print(("socket  %s: gettime() = %.2f, sleep(0.02) took %.0f ms")
  :format(socket._VERSION, started, (socket.gettime() - started) * 1000))

print()
print "Loaded from Debian's packages, into a program that exports only the Lua C API:"
for _, name in ipairs { "cjson", "lpeg", "lfs", "socket.core" } do
  print(("  %-12s %s"):format(name, package.searchpath(name, package.cpath)))
end
