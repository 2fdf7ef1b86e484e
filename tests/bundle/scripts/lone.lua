return "the module lone, from lone.lua"
