local function deep(n) return n == 0 and error(setmetatable({}, { __tostring = function() error("again") end })) or deep(n - 1) end
local ok, e = pcall(deep, 100)
print(ok, pcall(tostring, e))
print(select('#', pcall(error)))
print(pcall(setmetatable, {}, { __gc = function() error("in gc") end }))
setmetatable(_G, { __index = function(_, k) error("no global " .. k) end })
print(pcall(load, "return x"))
error(setmetatable({}, { __tostring = function() return {} end }))
