// The read-eval-print loop: `luaembed` on a terminal, or `luaembed -i`.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// Reads chunks until end of input (Ctrl-D), runs each, prints what it returns. An error is
// reported and the session goes on.
void run_repl(lua_State* L);

}  // namespace luaembed::interpreter
