/* A native module whose luaopen_ raises an error: loading it must fail cleanly, with the
   message and traceback lua5.4 gives. Like any Lua module it leaves the Lua C API undefined,
   to be resolved against the interpreter that loads it. */
#include <lua.h>
#include <lauxlib.h>

int luaopen_raising(lua_State *L) {
  return luaL_error(L, "raising: this module refuses to load");
}
