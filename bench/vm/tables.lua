-- Table churn: short-lived tables, array and hash parts growing and shrinking, and the
-- collector reclaiming them.
local total = 0
for round = 1, 100 do
  local list = {}
  for i = 1, 5000 do list[i] = { id = i, name = "item", value = i * round } end
  local index = {}
  for i = 1, #list do index["k" .. list[i].id] = list[i] end
  for _ = 1, 2500 do table.remove(list) end
  for i = 1, 1000 do table.insert(list, { id = -i }) end
  for key, item in pairs(index) do
    total = total + item.value % 7
    if item.id % 3 == 0 then index[key] = nil end
  end
  total = total + #list
end
print(total)
