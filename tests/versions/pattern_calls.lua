-- How the pattern tests see a call of string.find, match, gmatch, gsub or rep: its results, or
-- its error, as one string, which two implementations of the function must give alike. Used
-- by the differential corpus (patterns_corpus.lua) and by the fuzz target fuzz_patterns.
local pack = table.pack or function(...) return {n = select("#", ...), ...} end
local unpack = table.unpack or unpack
local math_type = math.type
local concat, format, tostring, type, select, pcall = table.concat, string.format, tostring, type, select, pcall

local function show(value)
  local kind = type(value)
  if kind == "string" then return format("%q", value) end
  if kind == "number" then return (math_type and math_type(value) or "number") .. " " .. tostring(value) end
  if kind == "boolean" or kind == "nil" then return tostring(value) end
  return kind  -- tables and functions differ by address only
end

local function describe(...)
  local values = pack(...)
  local parts = {}
  for i = 1, values.n do parts[i] = show(values[i]) end
  return "(" .. concat(parts, ", ") .. ")"
end

-- Errors raised by the functions name the caller's line: call them from a Lua function.
local function in_lua(f, ...)
  local results = pack(f(...))
  return unpack(results, 1, results.n)
end

-- Every value a gmatch iterator gives, and one more call after the end.
local function iterate(gmatch, ...)
  local iterator = gmatch(...)
  local steps = {}
  for _ = 1, 40 do
    local step = pack(pcall(in_lua, iterator))
    steps[#steps + 1] = describe(unpack(step, 1, step.n))
    if not step[1] or step[2] == nil then break end
  end
  steps[#steps + 1] = describe(pcall(in_lua, iterator))
  return concat(steps, " ")
end

-- functions[name](...), described; a gmatch is iterated to its end.
local function call(functions, name, ...)
  if name == "gmatch" then return describe(pcall(in_lua, iterate, functions.gmatch, ...)) end
  return describe(pcall(in_lua, functions[name], ...))
end

return {show = show, describe = describe, call = call}
