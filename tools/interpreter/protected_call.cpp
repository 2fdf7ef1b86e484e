// The message handler runs where the error was raised, before the stack unwinds: the only
// moment the traceback can still be taken. Each interpreter treats error objects that are no
// string its own way (dialect::Handler).
#include "protected_call.hpp"

#include "dialect.hpp"
#include "interrupt.hpp"

#include "runner.hpp"

namespace luaembed::interpreter {

namespace {

using dialect::Handler;

// lua5.1: a string (or number) gets debug.traceback, looked up as a global at the time.
int traceback_51(lua_State* L) {
  if (!lua_isstring(L, 1)) return 1;  // anything else passes as it is
  lua_getglobal(L, "debug");
  if (!lua_istable(L, -1)) return lua_pop(L, 1), 1;
  lua_getfield(L, -1, "traceback");
  if (!lua_isfunction(L, -1)) return lua_pop(L, 2), 1;
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 2);  // skip this function and traceback
  lua_call(L, 2, 1);
  return 1;
}

// lua5.2: a traceback for strings; __tostring or "(no error message)" for the rest.
int traceback_52(lua_State* L) {
  const char* message = lua_tostring(L, 1);
  if (message != nullptr)
    luaL_traceback(L, L, message, 1);
  else if (!lua_isnoneornil(L, 1) && !luaL_callmeta(L, 1, "__tostring"))
    lua_pushliteral(L, "(no error message)");
  return 1;
}

// luajit: what describes itself as a string gets a traceback; anything else passes as it is.
int traceback_luajit(lua_State* L) {
  if (!lua_isstring(L, 1)) {
    if (lua_isnoneornil(L, 1) || !luaL_callmeta(L, 1, "__tostring") || !lua_isstring(L, -1)) return 1;
    lua_remove(L, 1);
  }
  luaL_traceback(L, L, lua_tostring(L, 1), 1);
  return 1;
}

constexpr lua_CFunction message_handler = dialect::handler == Handler::Lua51    ? traceback_51
                                          : dialect::handler == Handler::Lua52  ? traceback_52
                                          : dialect::handler == Handler::LuaJIT ? traceback_luajit
                                                                                : runner::traceback_handler;

}  // namespace

int call_protected(lua_State* L, int nargs, int nresults) {
  int handler_index = lua_gettop(L) - nargs;  // where the called function is now
  lua_pushcfunction(L, message_handler);
  lua_insert(L, handler_index);
  catch_interrupts(L);
  int status = lua_pcall(L, nargs, nresults, handler_index);
  release_interrupts();
  lua_remove(L, handler_index);
  if (status != LUA_OK && dialect::collect_after_failed_call) lua_gc(L, LUA_GCCOLLECT, 0);
  return status;
}

}  // namespace luaembed::interpreter
