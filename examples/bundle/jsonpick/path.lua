-- Paths into JSON documents, as jsonpick takes them: .servers[1].host, ["a key"], or "." for
-- the document itself. An LPeg grammar turns the text into a list of steps, each a key (a
-- string) or an index (an integer, counting from 1 as Lua does).
local lpeg = require "lpeg"

local P, R, C, Cc, Ct = lpeg.P, lpeg.R, lpeg.C, lpeg.Cc, lpeg.Ct

local letter = R("az", "AZ") + P "_"
local digit = R "09"
local name = P "." * C(letter * (letter + digit + P "-") ^ 0)
local index = P "[" * (digit ^ 1 / tonumber) * P "]"
local quoted_key = P '["' * C((1 - P '"') ^ 0) * P '"]'
local step = name + index + quoted_key
local grammar = (P "." * -1 * Ct(Cc(nil))) + (Ct(step ^ 1) * -1)

local path = {}

-- The steps of a path, or nil and what is wrong with it.
function path.parse(text)
  local steps = grammar:match(text)
  if not steps then
    return nil, ("bad path '%s': expected .name, [index], [\"key\"] or ."):format(text)
  end
  return steps
end

-- The step as it is written in a path.
local function show(step)
  if math.type(step) == "integer" then return "[" .. step .. "]" end
  if step:match("^[%a_][%w_-]*$") then return "." .. step end
  return '["' .. step .. '"]'
end

-- The value at the steps in document; or nil and the path as far as it went.
function path.find(document, steps)
  local value, walked = document, {}
  for _, step in ipairs(steps) do
    walked[#walked + 1] = show(step)
    if type(value) ~= "table" or value[step] == nil then return nil, table.concat(walked) end
    value = value[step]
  end
  return value
end

return path
