// A C++ program that embeds Lua with luaembed. Its CMake is one line,
//   target_link_libraries(embed_example PRIVATE luaembed::luaembed)
// and it runs the Lua script named on its command line; the script may require native
// modules such as cjson, although Lua is linked statically into this executable.
#include <luaembed/lua.hpp>

#include <cstdio>

// Lua's error handler: add a traceback to the message.
static int with_traceback(lua_State *L) {
  luaL_traceback(L, L, luaL_tolstring(L, 1, nullptr), 1);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <script.lua>\n", argv[0]);
    return 2;
  }
  lua_State *L = luaL_newstate();
  if (L == nullptr) {
    std::fprintf(stderr, "%s: not enough memory to create a Lua state\n", argv[0]);
    return 1;
  }
  luaL_openlibs(L);
  lua_pushstring(L, "a C++ program (examples/embed)");
  lua_setglobal(L, "host_name");

  lua_pushcfunction(L, with_traceback);
  int status = luaL_loadfile(L, argv[1]);
  if (status == LUA_OK) status = lua_pcall(L, 0, 0, -2);
  if (status != LUA_OK) std::fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
