// Running Lua code on behalf of the user: errors come back with a traceback, Ctrl-C stops it.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// Like lua_pcall(L, nargs, nresults, msgh) with a message handler that appends a traceback
// and turns non-string error objects into text; SIGINT interrupts the call.
int call_protected(lua_State* L, int nargs, int nresults);

}  // namespace luaembed::interpreter
