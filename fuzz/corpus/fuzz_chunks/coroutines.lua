local co = coroutine.wrap(function()
  local a = host.wait(1)
  local b = host.ask("question?")
  return a, b
end)
print(co(), co("one"), co("answer"))
return function(x)
  for i = 1, 3 do x = coroutine.yield(host.add(x or 0, i)) end
  return host.ask("last")
end, 10
