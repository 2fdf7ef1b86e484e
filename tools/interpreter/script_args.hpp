// The global table `arg` and the arguments a script receives as `...`.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// arg[0] is the script, arg[1..] its arguments, and the interpreter name and options sit at
// negative indices, so `luaembed -e x s.lua a` gives arg[-3] = "luaembed", arg[-2] = "-e",
// arg[-1] = "x", arg[0] = "s.lua", arg[1] = "a". script is the argv index of the script, argc
// if none: then Lua 5.3 and 5.4 make the interpreter name arg[0], LuaJIT keeps every index
// negative. Lua 5.1 and 5.2 create the table only when a script runs (dialect.hpp).
void create_arg_table(lua_State* L, int argc, char** argv, int script);

// Pushes the script's arguments and returns how many: arg[1] .. arg[#arg] as read when the
// script starts (5.3, 5.4: an -e may have changed `arg`; raises an error when `arg` is not a
// table), arg[1] up to the first nil (LuaJIT), or the words after the script (5.1, 5.2).
int push_script_arguments(lua_State* L, int argc, char** argv, int script);

}  // namespace luaembed::interpreter
