local function f(n) return host.apply(function(m) return f(m + 1) end, n) end
print(pcall(f, 0))
local s = string.rep("(", 300) .. "1" .. string.rep(")", 300)
print(pcall(load("return " .. s)))
return load(string.dump(function() return 1 end))
