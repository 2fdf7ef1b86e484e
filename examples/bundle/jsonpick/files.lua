-- The documents jsonpick reads: the files named on its command line, a directory standing for
-- the *.json files in it, in name order. LuaFileSystem tells files from directories and lists
-- them.
local lfs = require "lfs"

local files = {}

local function json_files_in(directory)
  local found = {}
  for entry in lfs.dir(directory) do
    local name = directory .. "/" .. entry
    if entry:match("%.json$") and lfs.attributes(name, "mode") == "file" then
      found[#found + 1] = name
    end
  end
  table.sort(found)
  return found
end

-- The files the names stand for, and messages for the names that do not exist.
function files.expand(names)
  local expanded, missing = {}, {}
  for i = 1, names.n do
    local name = names[i]:gsub("(.)/+$", "%1")
    local mode = lfs.attributes(name, "mode")
    if mode == "directory" then
      local found = json_files_in(name)
      table.move(found, 1, #found, #expanded + 1, expanded)
    elseif mode then
      expanded[#expanded + 1] = name
    else
      missing[#missing + 1] = name .. ": no such file or directory"
    end
  end
  return expanded, missing
end

-- The content of a file, or nil and why it cannot be read.
function files.read(name)
  local file, problem = io.open(name, "rb")
  if not file then return nil, problem end
  local text = file:read("a")
  file:close()
  return text
end

return files
