-- String operations: building, formatting, searching and substituting.
local count = 0
for round = 1, 400 do
  local parts = {}
  for i = 1, 1000 do parts[#parts + 1] = string.format("%d:%s", i, ("x"):rep(i % 10)) end
  local text = table.concat(parts, ",")
  for word in text:gmatch("%d+") do count = count + #word end
  local replaced = text:gsub("x+", function(run) return #run end)
  count = count + #replaced + select(2, text:find("500:", 1, true))
  count = count + #(text:upper():sub(10, 200))
end
print(count)
