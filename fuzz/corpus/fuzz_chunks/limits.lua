-- runs into the instruction and time limits; pcall must not keep it going
local ok = pcall(function() while true do end end)
while true do pcall(string.rep, "x", 10) end
