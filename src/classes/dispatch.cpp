// Dispatching on registered classes: what obj.key, obj.key = value and Name.new(...) do,
// reading the tables registration.cpp builds. These closures run on every access to an
// object, so each finds what it needs in its upvalues rather than in the registry.
#include "dispatch.hpp"

#include "class_keys.hpp"

#include <luaembed/class.hpp>

namespace luaembed::detail {

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

}  // namespace

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

}  // namespace luaembed::detail
