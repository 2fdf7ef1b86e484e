// Installing the budgeted string functions in a state's string library.
#include "string_functions.hpp"

namespace luaembed::detail::strings {

namespace {

const luaL_Reg budgeted[] = {
    {"find", find}, {"match", match}, {"gmatch", gmatch}, {"gsub", gsub}, {"rep", rep},
};

bool is_budgeted(lua_CFunction function) {
  for (const luaL_Reg &entry : budgeted)
    if (entry.func == function) return true;
  return false;
}

void get_field(lua_State *L, int table, const char *name) {
  lua_pushstring(L, name);
  lua_rawget(L, table);
}

void set_field(lua_State *L, int table, const char *name) {  // to the value on top
  lua_pushstring(L, name);
  lua_insert(L, -2);
  lua_rawset(L, table);
}

void replace_in(lua_State *L, int table) {
  get_field(L, table, "gmatch");  // Lua 5.1's gfind is gmatch under its old name
  get_field(L, table, "gfind");
  bool gfind_is_gmatch = !lua_isnil(L, -1) && lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  for (const luaL_Reg &entry : budgeted) {
    get_field(L, table, entry.name);
    bool lua_own = lua_iscfunction(L, -1) && !is_budgeted(lua_tocfunction(L, -1));
    lua_pop(L, 1);
    if (!lua_own) continue;
    lua_pushcfunction(L, entry.func);
    set_field(L, table, entry.name);
  }
  if (gfind_is_gmatch) {
    get_field(L, table, "gmatch");
    set_field(L, table, "gfind");
  }
}

// Replaces in the table on top of the stack, unless it is not a table or one of those below
// (from first on) is the same; pops it.
void replace_in_new_table(lua_State *L, int first) {
  int top = lua_gettop(L);
  bool seen = !lua_istable(L, top);
  for (int other = first; other < top && !seen; ++other) seen = lua_rawequal(L, other, top);
  if (!seen) {
    replace_in(L, top);
    return;
  }
  lua_pop(L, 1);
}

}  // namespace

void install_in(lua_State *L, int table) { replace_in(L, lua_absindex(L, table)); }

void install(lua_State *L) {
  int base = lua_gettop(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, LUA_STRLIBNAME);
  lua_remove(L, -2);
  replace_in_new_table(L, base + 1);
  lua_getglobal(L, LUA_STRLIBNAME);
  replace_in_new_table(L, base + 1);
  lua_pushliteral(L, "");
  if (lua_getmetatable(L, -1)) {  // even when sealed: __metatable hides it from Lua only
    lua_getfield(L, -1, "__index");
    lua_replace(L, -3);
    lua_pop(L, 1);
  }
  replace_in_new_table(L, base + 1);
  lua_settop(L, base);
}

}  // namespace luaembed::detail::strings
