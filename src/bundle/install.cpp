// Putting a bundle into a Lua state. require then looks, in this order, in package.preload
// (the native modules linked in), in the embedded scripts, and only then on the file system:
// a file next to the program can never shadow a module the bundle carries.
#include "runtime.hpp"

namespace luaembed::bundle {

namespace {

// Where luaopen_package puts its searchers: preload, Lua files, C files, C roots.
constexpr int standard_searcher_count = 4;
constexpr int first_c_searcher = 3;
constexpr int embedded_searcher_position = 2;

// Pushes package and package.searchers.
void push_searchers(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, LUA_LOADLIBNAME) != LUA_TTABLE) {
    luaL_error(L, "cannot install the bundle: the package library is not open");
  }
  lua_remove(L, -2);
  if (lua_getfield(L, -1, "searchers") != LUA_TTABLE) {
    luaL_error(L, "cannot install the bundle: package.searchers is not a table");
  }
}

// Pushes a searcher that, like Lua's own, has the package table as its upvalue.
void push_searcher(lua_State *L, lua_CFunction searcher, int package) {
  lua_pushvalue(L, package);
  lua_pushcclosure(L, searcher, 1);
}

// A fully static program cannot load native code from files: Lua's two C searchers give way
// to one that says so. They are found by position, so the list must still be Lua's own.
void replace_c_searchers(lua_State *L, lua_CFunction searcher, int package, int searchers) {
  if (luaL_len(L, searchers) != standard_searcher_count) {
    luaL_error(L, "cannot install the bundle: package.searchers was changed before");
  }
  push_searcher(L, searcher, package);
  lua_rawseti(L, searchers, first_c_searcher);
  lua_pushnil(L);
  lua_rawseti(L, searchers, first_c_searcher + 1);
}

void insert_searcher(lua_State *L, lua_CFunction searcher, int package, int searchers,
                     int position) {
  for (lua_Integer i = luaL_len(L, searchers); i >= position; i--) {
    lua_rawgeti(L, searchers, i);
    lua_rawseti(L, searchers, i + 1);
  }
  push_searcher(L, searcher, package);
  lua_rawseti(L, searchers, position);
}

}  // namespace

int open(lua_State *L) {
  push_searchers(L);
  int package = lua_absindex(L, -2);
  int searchers = lua_absindex(L, -1);
  if (manifest.native_file_searcher != nullptr) {
    replace_c_searchers(L, manifest.native_file_searcher, package, searchers);
  }
  insert_searcher(L, embedded_script_searcher, package, searchers, embedded_searcher_position);
  preload_native_modules(L, manifest.native_modules);
  return 0;
}

int install(lua_State *L) {
  lua_pushcfunction(L, open);
  return lua_pcall(L, 0, 0, 0);
}

}  // namespace luaembed::bundle
