-- jsonpick: prints what is found at a path in JSON files.
--
-- A program in one file: this script, the modules jsonpick.path and jsonpick.files, and the
-- native modules cjson, lpeg and lfs are all linked into the executable (see CMakeLists.txt);
-- it runs with no Lua and no module installed.
local cjson = require "cjson"
local lfs = require "lfs"
local lpeg = require "lpeg"
local files = require "jsonpick.files"
local path = require "jsonpick.path"

local program = arg[0]:match("[^/]*$")

local function usage()
  io.stderr:write(([[
usage: %s <path> <file-or-directory>...
       %s --version
  <path> is where to look in each document: .name, .servers[1].host, ["a key"], or . for
  the whole document; indexes count from 1. A directory stands for its *.json files.
]]):format(program, program))
  os.exit(2)
end

-- Writes a value as JSON with the keys of objects in order, so that the output is stable.
local function encode(value)
  if type(value) ~= "table" then return cjson.encode(value) end
  local parts = {}
  if #value > 0 then
    for _, element in ipairs(value) do parts[#parts + 1] = encode(element) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for key in pairs(value) do keys[#keys + 1] = tostring(key) end
  table.sort(keys)
  for _, key in ipairs(keys) do parts[#parts + 1] = cjson.encode(key) .. ":" .. encode(value[key]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function complain(...)
  io.stderr:write(program, ": ", ...)
  io.stderr:write("\n")
end

-- Prints "<file>: <value>" for each document; returns false when one had no value there.
local function pick(steps, names)
  local all_found = true
  for _, name in ipairs(names) do
    local text, problem = files.read(name)
    local ok, document = pcall(cjson.decode, text or "")
    local value, missing
    if text and ok then value, missing = path.find(document, steps) end
    if not text then
      complain(problem)
    elseif not ok then
      complain(name, ": not JSON: ", document)
    elseif missing then
      complain(name, ": nothing at ", missing)
    else
      print(name .. ": " .. encode(value))
    end
    all_found = all_found and text ~= nil and ok and not missing
  end
  return all_found
end

local first = ...
if first == "--version" then
  print(("%s 1.0 (%s, cjson %s, LPeg %s, %s)"):format(program, _VERSION, cjson._VERSION,
    lpeg.version(), lfs._VERSION))
  return
end
if select("#", ...) < 2 then usage() end
local steps, problem = path.parse(first)
if not steps then
  complain(problem)
  os.exit(2)
end
local names, missing = files.expand(table.pack(select(2, ...)))
for _, message in ipairs(missing) do complain(message) end
if not pick(steps, names) or #missing > 0 then os.exit(1) end
