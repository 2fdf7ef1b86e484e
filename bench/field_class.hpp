// Fields of a C++ object read and written from Lua, the plain C way: the metatable's __index
// and __newindex are C closures that find a field's offset in a table of names (an upvalue),
// so the first field and the fiftieth cost the same. A class T provides
//   static constexpr const char *lua_name;
//   static const std::pair<const char *, std::size_t> fields[];   name, offsetof
//   lua_Integer sum() const;                                     its one method
// Every field is a lua_Integer.
#pragma once

#include <luaembed/lua.hpp>

#include <cstddef>
#include <iterator>
#include <new>
#include <utility>

namespace bench {

template <class T>
lua_Integer *field_at(T *object, lua_Integer offset) {
  return reinterpret_cast<lua_Integer *>(reinterpret_cast<char *>(object) + offset);
}

// Upvalues: field name -> offset, and the methods.
template <class T>
int fields_index(lua_State *L) {
  auto *object = static_cast<T *>(luaL_checkudata(L, 1, T::lua_name));
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER) {
    lua_pushinteger(L, *field_at(object, lua_tointeger(L, -1)));
    return 1;
  }
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(2));
  return 1;
}

// Upvalue: field name -> offset.
template <class T>
int fields_newindex(lua_State *L) {
  auto *object = static_cast<T *>(luaL_checkudata(L, 1, T::lua_name));
  lua_Integer value = luaL_checkinteger(L, 3);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNUMBER)
    return luaL_error(L, "%s has no field '%s'", T::lua_name, luaL_tolstring(L, 2, nullptr));
  *field_at(object, lua_tointeger(L, -1)) = value;
  return 0;
}

template <class T>
int fields_new(lua_State *L) {
  new (lua_newuserdatauv(L, sizeof(T), 0)) T{};
  luaL_setmetatable(L, T::lua_name);
  return 1;
}

template <class T>
int fields_sum(lua_State *L) {
  lua_pushinteger(L, static_cast<T *>(luaL_checkudata(L, 1, T::lua_name))->sum());
  return 1;
}

// The metatable, and the global class table with new().
template <class T>
void register_fields_c(lua_State *L) {
  luaL_newmetatable(L, T::lua_name);
  lua_createtable(L, 0, static_cast<int>(std::size(T::fields)));
  for (const auto &[name, offset] : T::fields) {
    lua_pushinteger(L, static_cast<lua_Integer>(offset));
    lua_setfield(L, -2, name);
  }
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, fields_newindex<T>, 1);
  lua_setfield(L, -3, "__newindex");
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, fields_sum<T>);
  lua_setfield(L, -2, "sum");
  lua_pushcclosure(L, fields_index<T>, 2);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, fields_new<T>);
  lua_setfield(L, -2, "new");
  lua_setglobal(L, T::lua_name);
}

}  // namespace bench
