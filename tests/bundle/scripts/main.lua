-- The main script of the test bundles: a command, then its arguments.
--   probe args [argument...]   prints arg and ... as this script receives them
--   probe run <code> [arg...]  runs Lua code, which receives the remaining arguments as ...
--   probe fail                 fails two functions deep in this script
local commands = {}

function commands.args(...)
  print("#arg " .. #arg .. ", arg[0] " .. arg[0])
  for i = 1, #arg do print("arg[" .. i .. "] " .. arg[i]) end
  print("... holds " .. select("#", ...) .. " values after the command")
  for i = 1, select("#", ...) do print(i, (select(i, ...))) end
end

function commands.run(code, ...)
  local chunk = assert(load(code, "=(command line)"))
  chunk(...)
end

local function check_positive(n)
  if n <= 0 then error("expected a positive number, got " .. n) end
  return n
end

function commands.fail()
  local n = check_positive(-1)
  print("not reached", n)
end

local handler = commands[...]
if not handler then
  io.stderr:write("usage: probe args|run|fail ...\n")
  os.exit(2)
end
handler(select(2, ...))
