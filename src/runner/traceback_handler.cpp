// The message handler runs where the error was raised, before the stack unwinds: the only
// moment the traceback can still be taken (runner.hpp).
#include "runner.hpp"

namespace luaembed::runner {

int traceback_handler(lua_State *L) {
  const char *message = lua_tostring(L, 1);
  if (message == nullptr) {
    // An error object that can describe itself is shown as it describes itself, as is.
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, message, 1);
  return 1;
}

}  // namespace luaembed::runner
