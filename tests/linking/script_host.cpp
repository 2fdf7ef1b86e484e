// A C++ host that embeds Lua through luaembed::luaembed and runs a script file:
//   script_host <script.lua>
// It also carries thousands of functions of its own (own_functions.cpp, generated), so the
// export tests can show that none of them leaks into the dynamic symbol table.
#include <luaembed/lua.hpp>

#include <cstdio>

int luaembed_test_host_functions_sum(int seed);  // own_functions.cpp

static int add_traceback(lua_State *L) {
  luaL_traceback(L, L, lua_tostring(L, 1), 1);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <script.lua>\n", argv[0]);
    return 2;
  }
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_pushinteger(L, luaembed_test_host_functions_sum(argc));
  lua_setglobal(L, "host_functions_sum");
  lua_pushcfunction(L, add_traceback);
  int status = luaL_loadfile(L, argv[1]);
  if (status == LUA_OK) status = lua_pcall(L, 0, 0, 1);
  if (status != LUA_OK) std::fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
