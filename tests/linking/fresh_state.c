/* A Lua module that runs a chunk in a fresh Lua state of its own, as sandboxing modules do.
 * It needs luaL_newstate, luaL_openlibs and luaL_checklstring from the host: API functions a
 * minimal host never calls, present only when the host links the Lua archive whole. */
#include <lauxlib.h>
#include <lualib.h>

#ifndef LUA_OK
#define LUA_OK 0  /* Lua 5.1 does not name it */
#endif

static int fresh_state_run(lua_State *L) {
  size_t length;
  const char *code = luaL_checklstring(L, 1, &length);
  lua_State *fresh = luaL_newstate();
  luaL_openlibs(fresh);
  int status = luaL_loadbuffer(fresh, code, length, "=fresh_state");
  if (status == LUA_OK) status = lua_pcall(fresh, 0, 1, 0);
  lua_pushstring(L, lua_tostring(fresh, -1));
  lua_close(fresh);
  return status == LUA_OK ? 1 : lua_error(L);
}

int luaopen_fresh_state(lua_State *L) {
  lua_pushcfunction(L, fresh_state_run);
  return 1;
}
