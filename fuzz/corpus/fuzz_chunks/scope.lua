local kept
print(host.lend(function(counter) kept = counter; counter:add(1); return counter.value end))
print(pcall(function() return kept:get() end))
print(pcall(function() return kept.value end), pcall(tostring, kept))
local s = Counter.shared(3)
local u = Counter.unique(4)
do local closing <close> = Counter.new(9) end
s, u = nil, nil
host.collect()
return kept
