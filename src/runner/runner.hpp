// What a program that runs a Lua script from its command line does as lua.c does, shared by
// the interpreter (tools/interpreter/) and the main() of bundles (src/bundle/run_main.cpp), so
// that a script sees the same `arg` and its errors read the same in both.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::runner {

// Sets the global `arg`: argv[zero] at index 0, the words before it at negative indices and
// those after it from 1, as lua.c's createargtable does.
void create_arg_table(lua_State *L, int argc, char **argv, int zero);

// lua.c's message handler as Lua 5.3 and 5.4 have it: an error becomes its message with a
// traceback; an error object that is no string is shown as its __tostring describes it, or by
// its type. Bundles use it on every Lua; the interpreter where it stands in for 5.3 or 5.4.
int traceback_handler(lua_State *L);

}  // namespace luaembed::runner
