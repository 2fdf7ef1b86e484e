// The global table `arg` and the arguments a script receives as `...`.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// arg[0] is the script, arg[1..] its arguments, and the interpreter name and options sit at
// negative indices, so `luaembed -e x s.lua a` gives arg[-3] = "luaembed", arg[-2] = "-e",
// arg[-1] = "x", arg[0] = "s.lua", arg[1] = "a". With no script, the interpreter name is
// arg[0] and every option is positive. script is the argv index of the script, argc if none.
void create_arg_table(lua_State* L, int argc, char** argv, int script);

// Pushes arg[1] .. arg[#arg] as read when the script starts (an -e may have changed `arg`).
// Returns how many; raises an error when `arg` is not a table.
int push_script_arguments(lua_State* L);

}  // namespace luaembed::interpreter
