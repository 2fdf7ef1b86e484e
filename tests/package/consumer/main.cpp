// Runs the Lua script named on the command line; exits 1 with the error when it fails.
#include <luaembed/lua.hpp>

#include <cstdio>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  int status = luaL_dofile(L, argv[1]);
  if (status != LUA_OK) std::fprintf(stderr, "consumer: %s\n", lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
