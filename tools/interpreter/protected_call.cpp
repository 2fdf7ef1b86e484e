// The message handler runs where the error was raised, before the stack unwinds: the only
// moment the traceback can still be taken.
#include "protected_call.hpp"

#include "interrupt.hpp"

namespace luaembed::interpreter {

namespace {

int add_traceback(lua_State* L) {
  const char* message = lua_tostring(L, 1);
  if (message == nullptr) {
    // An error object that can describe itself is shown as it describes itself, as is.
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, message, 1);
  return 1;
}

}  // namespace

int call_protected(lua_State* L, int nargs, int nresults) {
  int handler_index = lua_gettop(L) - nargs;  // where the called function is now
  lua_pushcfunction(L, add_traceback);
  lua_insert(L, handler_index);
  catch_interrupts(L);
  int status = lua_pcall(L, nargs, nresults, handler_index);
  release_interrupts();
  lua_remove(L, handler_index);
  return status;
}

}  // namespace luaembed::interpreter
