-- probe/init.lua: the module "probe", as Lua's ?/init.lua convention names it.
return { name = "probe", loaded_as = { ... } }
