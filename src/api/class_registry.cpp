// Registered classes: the tables behind each class, and the functions that dispatch on them.
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

#include <luaembed/class.hpp>

#include <cstring>

namespace luaembed::detail {

const char class_marker = 0;
const char methods_table = 0;
const char getters_table = 0;
const char setters_table = 0;
const char constructors_table = 0;
const char index_fallback = 0;
const char newindex_fallback = 0;
const char unfinalized_metatable = 0;

namespace {

// The header of the object at index 1 when its metatable is one of the class's own (the
// upvalues main and unfinalized), which proves what it is; null otherwise: the accessor then
// checks the object itself.
UserdataHeader *own_object(lua_State *L, int main, int unfinalized) {
  if (!lua_getmetatable(L, 1)) return nullptr;
  bool own = lua_rawequal(L, -1, main) || lua_rawequal(L, -1, unfinalized);
  lua_pop(L, 1);
  return own ? static_cast<UserdataHeader *>(lua_touserdata(L, 1)) : nullptr;
}

// Raises what a field accessor left pending (in this frame: it holds no C++ object), in the
// words a bound getter or setter would use.
[[noreturn]] void raise_field_error(lua_State *L, int code) {
  if (code != -1) lua_pushfstring(L, "bad argument #%d to '?' (%s)", -1 - code, lua_tostring(L, -1));
  lua_error(L);
  __builtin_unreachable();
}

// Runs the data-member accessor on top of the stack (a full userdata from the getters or the
// setters) on the object at 1, given the class's metatable and its unfinalized copy.
void access_field(lua_State *L, bool write, int metatable, int unfinalized) {
  auto *field = static_cast<const FieldAccessor *>(lua_touserdata(L, -1));
  UserdataHeader *object = own_object(L, metatable, unfinalized);
  int result = write ? field->write(L, object, field) : field->read(L, object, field);
  if (result < 0) raise_field_error(L, result);
}

// Runs the property named by the key at 2 from the table at index properties (the getters or
// the setters): a data member is read or written here, a getter or setter called with the
// object (and, writing, the value at 3); a read leaves the value on top. False, with a nil
// left on top, when there is no such property.
[[gnu::always_inline]] inline bool run_property(lua_State *L, int properties, bool write, int metatable,
                                                int unfinalized) {
  lua_pushvalue(L, 2);
  int property = lua_rawget(L, properties);
  if (property == LUA_TNIL) return false;
  if (property == LUA_TUSERDATA) {
    access_field(L, write, metatable, unfinalized);
    return true;
  }
  lua_pushvalue(L, 1);
  if (write) lua_pushvalue(L, 3);
  lua_call(L, write ? 2 : 1, write ? 0 : 1);
  return true;
}

// obj.key: a property (a data member read here, or a getter called), else a method, else the
// Index fallback, else nil. Properties first: this dispatch exists only for classes that have
// some (or a fallback); a class without is indexed by its methods table itself. Upvalues:
// methods, getters, metatable, its unfinalized copy.
int index_dispatch(lua_State *L) {
  if (run_property(L, lua_upvalueindex(2), false, lua_upvalueindex(3), lua_upvalueindex(4))) return 1;
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
  if (lua_rawgetp(L, lua_upvalueindex(3), &index_fallback) != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 2, 1);
    return 1;
  }
  return 1;  // nil
}

// obj.key = value: a property (a data member written here, or a setter called), else the
// NewIndex fallback, else an error that says why. Upvalues: the metatable, the setters, the
// metatable's unfinalized copy.
int newindex_dispatch(lua_State *L) {
  lua_settop(L, 3);
  if (run_property(L, lua_upvalueindex(2), true, lua_upvalueindex(1), lua_upvalueindex(3))) return 0;
  if (lua_rawgetp(L, lua_upvalueindex(1), &newindex_fallback) != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_call(L, 3, 0);
    return 0;
  }
  lua_getfield(L, lua_upvalueindex(1), "__name");
  const char *class_name = lua_tostring(L, -1);
  const char *key = luaL_tolstring(L, 2, nullptr);
  lua_rawgetp(L, lua_upvalueindex(1), &getters_table);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, -2) != LUA_TNIL) return luaL_error(L, "property '%s' of %s is read-only", key, class_name);
  return luaL_error(L, "%s has no property '%s'", class_name, key);
}

// Name.new(...): the first constructor whose arity and argument types match. Upvalue: the
// metatable.
int construct_dispatch(lua_State *L) {
  int count = lua_gettop(L);
  lua_rawgetp(L, lua_upvalueindex(1), &constructors_table);
  int constructors = lua_gettop(L);
  for (lua_Integer i = 1; i <= static_cast<lua_Integer>(lua_rawlen(L, constructors)); ++i) {
    lua_rawgeti(L, constructors, i);
    lua_rawgeti(L, -1, 2);
    lua_rawgeti(L, -2, 3);
    auto matches = reinterpret_cast<bool (*)(lua_State *)>(lua_touserdata(L, -1));
    if (lua_tointeger(L, -2) == count && matches(L)) {
      lua_rawgeti(L, -3, 1);
      lua_insert(L, 1);
      lua_settop(L, count + 1);
      lua_call(L, count, 1);
      return 1;
    }
    lua_settop(L, constructors);
  }
  luaL_Buffer types;
  luaL_buffinit(L, &types);
  for (int i = 1; i <= count; ++i) {
    if (i > 1) luaL_addstring(&types, ", ");
    luaL_addstring(&types, luaL_typename(L, i));
  }
  luaL_pushresult(&types);
  lua_getfield(L, lua_upvalueindex(1), "__name");
  return luaL_error(L, "no constructor of %s takes (%s)", lua_tostring(L, -1), lua_tostring(L, -2));
}

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
