// Keys in class metatables: light userdata, so that no string can collide with them.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::detail {

extern const char class_marker;        // metatable[class_marker] = ClassInfo*
extern const char methods_table;       // the methods (also the class table, Name.new...)
extern const char getters_table;       // property name -> getter(self)
extern const char setters_table;       // property name -> setter(self, value)
extern const char constructors_table;  // {function, arity, matcher} for each overload
extern const char index_fallback;      // Meta::Index
extern const char newindex_fallback;   // Meta::NewIndex
extern const char unfinalized_metatable;  // the copy without __gc (registration.cpp)

int collect_userdata(lua_State *L);

}  // namespace luaembed::detail
