// The closures that dispatch on registered classes (dispatch.cpp), which registration.cpp
// installs in each class's metatable with the upvalues they expect.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::detail {

// __index of a class with properties or an Index fallback. Upvalues: the methods, the
// getters, the metatable, its unfinalized copy.
int index_dispatch(lua_State *L);

// __newindex of every class. Upvalues: the metatable, the setters, its unfinalized copy.
int newindex_dispatch(lua_State *L);

// Name.new: the first constructor whose arity and argument types match. Upvalue: the metatable.
int construct_dispatch(lua_State *L);

}  // namespace luaembed::detail
