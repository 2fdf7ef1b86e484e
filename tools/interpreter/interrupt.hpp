// Ctrl-C while Lua code runs stops that code with the error "interrupted!" rather than killing
// the process: a script ends with a traceback, the REPL goes on to the next line.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// Between these two calls, SIGINT interrupts the Lua code running in L. Outside them SIGINT
// has its default action, so Ctrl-C at the REPL prompt ends the interpreter as it does lua5.4.
void catch_interrupts(lua_State* L);
void release_interrupts();

}  // namespace luaembed::interpreter
