-- Closures: creating them, calling them, and reading and writing their upvalues.
local function counter(step)
  local n = 0
  return function() n = n + step return n end
end
local sum = 0
for i = 1, 400000 do
  local next_value = counter(i % 5 + 1)
  for _ = 1, 5 do sum = sum + next_value() end
end
local compose = function(f, g) return function(x) return f(g(x)) end end
local inc = function(x) return x + 1 end
local twice = compose(inc, inc)
for i = 1, 2000000 do sum = sum + twice(i) % 3 end
print(sum)
