// A C++ program that embeds Lua with luaembed. Its CMake is one line,
//   target_link_libraries(embed_example PRIVATE luaembed::luaembed)
// and it runs the Lua script named on its command line; the script may require native
// modules such as cjson, although Lua is linked statically into this executable.
#include <luaembed/lua.hpp>

#include <cstdio>

// Lua's error handler: add a traceback to the message. (Lua 5.1 has neither luaL_traceback nor
// luaL_tolstring: there the message goes as it is.)
static int with_traceback(lua_State *L) {
#if LUA_VERSION_NUM >= 502
  luaL_traceback(L, L, luaL_tolstring(L, 1, nullptr), 1);
#elif defined(LUAJIT_VERSION)  // luaL_traceback, but no luaL_tolstring
  const char *message = lua_tostring(L, 1);
  luaL_traceback(L, L, message != nullptr ? message : "(error object is not a string)", 1);
#endif
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
  if (status == 0) status = lua_pcall(L, 0, 0, -2);  // 0 is LUA_OK, which Lua 5.1 does not name
  if (status != 0) std::fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
  lua_close(L);
  return status == 0 ? 0 : 1;
}
