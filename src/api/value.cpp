// Value handles, and the conversion checks of Table and Function handles.
#include <luaembed/function.hpp>
#include <luaembed/table.hpp>
#include <luaembed/value.hpp>
#include <luaembed/error.hpp>

namespace luaembed {

const char *type_name(Type type) noexcept {
  return type == Type::None ? "no value" : lua_typename(nullptr, static_cast<int>(type));
}

Type Value::type() const {
  if (!has_state()) return Type::Nil;
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  push(L);
  Type type = static_cast<Type>(lua_type(L, -1));
  lua_pop(L, 1);
  return type;
}

std::string Value::to_string() const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::ensure_stack(L, 1);
  push(L);
  detail::protect(L, 1, 1, [](lua_State *L) {
    luaL_tolstring(L, 1, nullptr);
    return 1;
  });
  std::string text = lua_tostring(L, -1);
  lua_settop(L, base);
  return text;
}

namespace {
int checked(lua_State *L, int index, int type, const char *expected, std::string_view cpp_type) {
  if (lua_type(L, index) != type) detail::throw_type_mismatch(L, index, expected, cpp_type);
  return index;
}
}  // namespace

Table::Table(lua_State *L, int index) : Reference(L, checked(L, index, LUA_TTABLE, "table", "luaembed::Table")) {}

Function::Function(lua_State *L, int index)
    : Reference(L, checked(L, index, LUA_TFUNCTION, "function", "luaembed::Function")) {}

}  // namespace luaembed
