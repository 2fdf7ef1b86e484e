// Value handles, and the conversion checks of Table and Function handles.
#include <luaembed/function.hpp>
#include <luaembed/table.hpp>
#include <luaembed/value.hpp>
#include <luaembed/detail/userdata.hpp>
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
// A luaembed object has the user values its class asks for, on every Lua (before 5.4 Lua
// itself would give each userdata one): so that code which sets them works everywhere.
void check_user_value_slot(lua_State *L, int n) {
  const detail::UserdataHeader *header = detail::userdata_header(L, -1);
  if (header == nullptr) return;
  int count = header->type->user_values.load(std::memory_order_relaxed);
  if (n >= 1 && n <= count) return;
  lua_pop(L, 1);
  throw ConversionError("objects of " + header->type->name() + " have no user value " + std::to_string(n) + " (they carry " +
                            std::to_string(count) + "): ask for them with user_values(" +
                            std::to_string(n < 1 ? 1 : n) + ") when registering the class",
                        "no such user value");
}
}  // namespace

Value Value::user_value(int n) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::ensure_stack(L, 2);
  push(L);
  if (lua_type(L, -1) != LUA_TUSERDATA) detail::throw_type_mismatch(L, -1, "userdata", "a user value");
  lua_getiuservalue(L, -1, n);
  detail::StackGuard pop(L, base);
  return Value(L, -1);
}

void Value::set_user_value(const Value &value, int n) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::ensure_stack(L, 2);
  push(L);
  if (lua_type(L, -1) != LUA_TUSERDATA) detail::throw_type_mismatch(L, -1, "userdata", "a user value");
  check_user_value_slot(L, n);
  value.push(L);
  bool stored = false;
  // Protected: before Lua 5.4, luaembed keeps the value in a table it allocates (compat).
  detail::protect(L, 2, 0, [&](lua_State *L) {
    stored = lua_setiuservalue(L, 1, n) != 0;
    return 0;
  });
  lua_settop(L, base);
  if (!stored) throw ConversionError("the userdata has no user value " + std::to_string(n), "no such user value");
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
