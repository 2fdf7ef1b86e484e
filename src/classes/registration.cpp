// Registering classes: the tables behind each class, built and kept in step as methods,
// properties, constructors, metamethods and bases are added (dispatch.cpp reads them).
//
// A class has, in its metatable (stored in the registry under its ClassInfo):
//   methods       the class table (Name.new, static functions, methods), also __index when the
//                 class has no properties: then a method call is one table lookup
//   getters       property -> getter;  setters  property -> setter. A data member is a
//                 FieldAccessor (a userdata) in both, which the dispatch calls itself
//   constructors  the overloads of Name.new
// Objects that need no finalizer (held by value with a trivial destructor, or borrowed) get a
// copy of the metatable without __gc, registered under &ClassInfo::unfinalized and kept equal
// to the first: Lua then keeps no finalizer list entry for them and calls no __gc.
#include "class_keys.hpp"
#include "dispatch.hpp"

#include <luaembed/class.hpp>

#include <cstring>

namespace luaembed::detail {

namespace {

// Pushes the class's name as a Lua string, for an error message: a Lua error must not leave a
// std::string behind on the C stack.
const char *push_class_name(lua_State *L, const ClassInfo &info) {
  std::string_view name = info.name_view();
  lua_pushlstring(L, name.data(), name.size());
  return lua_tostring(L, -1);
}

void push_metatable(lua_State *L, const ClassInfo &info) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &info) != LUA_TTABLE)
    luaL_error(L, "luaembed: the class %s is not registered in this state", push_class_name(L, info));
}

// Replaces a plain methods table as __index with index_dispatch, once properties or a
// fallback exist. Expects the metatable on top.
void use_index_dispatch(lua_State *L) {
  lua_rawgetp(L, -1, &methods_table);
  lua_rawgetp(L, -2, &getters_table);
  lua_pushvalue(L, -3);
  lua_rawgetp(L, -4, &unfinalized_metatable);
  lua_pushcclosure(L, index_dispatch, 4);
  lua_setfield(L, -2, "__index");
}

// Makes the unfinalized copy of the metatable at index equal to it again, but for __gc.
void update_unfinalized(lua_State *L, int metatable) {
  metatable = lua_absindex(L, metatable);
  lua_rawgetp(L, metatable, &unfinalized_metatable);
  int copy = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, metatable) != 0) {
    bool skip = lua_type(L, -2) == LUA_TSTRING && std::strcmp(lua_tostring(L, -2), "__gc") == 0;
    if (!skip) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, copy);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_settop(L, copy - 1);
}

bool is_empty(lua_State *L, int index) {
  lua_pushnil(L);
  if (lua_next(L, index) == 0) return true;
  lua_pop(L, 2);
  return false;
}

// Copies the entries of table `from` missing in table `to` (both absolute indices).
void copy_missing(lua_State *L, int from, int to, bool metamethods_only) {
  lua_pushnil(L);
  while (lua_next(L, from) != 0) {
    bool copy = !metamethods_only || (lua_type(L, -2) == LUA_TSTRING && lua_tostring(L, -2)[0] == '_');
    lua_pushvalue(L, -2);
    if (copy && lua_rawget(L, to) == LUA_TNIL) {
      lua_pushvalue(L, -3);
      lua_pushvalue(L, -3);
      lua_rawset(L, to);
    }
    lua_pop(L, 2);
  }
}

const char *event_name(Meta event) {
  static const char *const names[] = {
      "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv", "__band", "__bor", "__bxor",
      "__shl", "__shr", "__bnot", "__concat", "__len", "__eq", "__lt", "__le", "__call", "__tostring",
      "__close", "__pairs"};
  return names[static_cast<int>(event)];
}

}  // namespace

void push_class_table(lua_State *L, const ClassInfo &info) {
  push_metatable(L, info);
  lua_rawgetp(L, -1, &methods_table);
  lua_remove(L, -2);
}

void create_class(lua_State *L, const ClassInfo &info, const std::string &name, bool as_global) {
  name_class(const_cast<ClassInfo &>(info), name);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &info) == LUA_TTABLE) {  // registered before: extend it
    lua_rawgetp(L, -1, &methods_table);
    if (as_global) lua_setglobal(L, name.c_str());
    lua_settop(L, lua_gettop(L) - (as_global ? 1 : 2));
    return;
  }
  lua_pop(L, 1);
  lua_createtable(L, 0, 13);
  int metatable = lua_gettop(L);
  lua_createtable(L, 0, 13);
  remember_class_metatable(L, &info.unfinalized);
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &info.unfinalized);
  lua_rawsetp(L, metatable, &unfinalized_metatable);
  lua_pushstring(L, name.c_str());
  lua_setfield(L, metatable, "__name");
  lua_pushstring(L, name.c_str());
  lua_setfield(L, metatable, "__metatable");  // getmetatable(object) gives the name, not the table
  lua_pushlightuserdata(L, const_cast<ClassInfo *>(&info));
  lua_rawsetp(L, metatable, &class_marker);
  lua_pushcfunction(L, collect_userdata);
  lua_setfield(L, metatable, "__gc");
  for (const char *key : {&getters_table, &setters_table, &constructors_table}) {
    lua_newtable(L);
    lua_rawsetp(L, metatable, key);
  }
  lua_newtable(L);  // the methods, which are also the class table
  lua_pushvalue(L, metatable);
  lua_pushcclosure(L, construct_dispatch, 1);
  lua_setfield(L, -2, "new");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, metatable, &methods_table);
  lua_pushvalue(L, -1);
  lua_setfield(L, metatable, "__index");
  if (as_global) lua_setglobal(L, name.c_str());
  else lua_pop(L, 1);
  lua_pushvalue(L, metatable);
  lua_rawgetp(L, metatable, &setters_table);
  lua_rawgetp(L, metatable, &unfinalized_metatable);
  lua_pushcclosure(L, newindex_dispatch, 3);
  lua_setfield(L, metatable, "__newindex");
  update_unfinalized(L, metatable);
  remember_class_metatable(L, &info);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &info);
}

void add_to_class(lua_State *L, const ClassInfo &info, const void *table_key, const char *name) {
  int function = lua_gettop(L);
  push_metatable(L, info);
  lua_rawgetp(L, -1, table_key);
  lua_pushvalue(L, function);
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
  if (table_key == &getters_table) {
    use_index_dispatch(L);
    update_unfinalized(L, -1);
  }
  lua_settop(L, function - 1);
}

void add_constructor(lua_State *L, const ClassInfo &info, int arity, bool (*matches)(lua_State *)) {
  int function = lua_gettop(L);
  push_metatable(L, info);
  lua_rawgetp(L, -1, &constructors_table);
  lua_createtable(L, 3, 0);
  lua_pushvalue(L, function);
  lua_rawseti(L, -2, 1);
  lua_pushinteger(L, arity);
  lua_rawseti(L, -2, 2);
  lua_pushlightuserdata(L, reinterpret_cast<void *>(matches));
  lua_rawseti(L, -2, 3);
  lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2)) + 1);
  lua_settop(L, function - 1);
}

void add_metamethod(lua_State *L, const ClassInfo &info, Meta event) {
  int function = lua_gettop(L);
  push_metatable(L, info);
  lua_pushvalue(L, function);
  if (event == Meta::Index) {
    lua_rawsetp(L, -2, &index_fallback);
    use_index_dispatch(L);
  } else if (event == Meta::NewIndex) {
    lua_rawsetp(L, -2, &newindex_fallback);
  } else {
    lua_setfield(L, -2, event_name(event));
  }
  update_unfinalized(L, function + 1);
  lua_settop(L, function - 1);
}

void inherit(lua_State *L, const ClassInfo &derived, const ClassInfo &base) {
  int top = lua_gettop(L);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &base) != LUA_TTABLE)
    luaL_error(L, "luaembed: register the base class %s before %s derives from it", push_class_name(L, base),
               push_class_name(L, derived));
  int base_metatable = lua_gettop(L);
  push_metatable(L, derived);
  int derived_metatable = lua_gettop(L);
  for (const char *key : {&methods_table, &getters_table, &setters_table}) {
    lua_rawgetp(L, base_metatable, key);
    lua_rawgetp(L, derived_metatable, key);
    copy_missing(L, lua_gettop(L) - 1, lua_gettop(L), false);
    lua_pop(L, 2);
  }
  copy_missing(L, base_metatable, derived_metatable, true);  // metamethods not defined yet
  for (const char *key : {&index_fallback, &newindex_fallback}) {
    if (lua_rawgetp(L, derived_metatable, key) == LUA_TNIL && lua_rawgetp(L, base_metatable, key) != LUA_TNIL)
      lua_rawsetp(L, derived_metatable, key);
    lua_settop(L, derived_metatable);
  }
  lua_rawgetp(L, derived_metatable, &getters_table);
  bool has_getters = !is_empty(L, lua_gettop(L));
  bool has_fallback = lua_rawgetp(L, derived_metatable, &index_fallback) != LUA_TNIL;
  lua_settop(L, derived_metatable);
  if (has_getters || has_fallback) use_index_dispatch(L);
  update_unfinalized(L, derived_metatable);
  lua_settop(L, top);
}

}  // namespace luaembed::detail
