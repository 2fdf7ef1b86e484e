// User values of userdata (Value::user_value, set_user_value): a file of their own, so that a
// program that does not use them links none of the class machinery they consult.
#include "api/message_pieces.hpp"

#include <luaembed/detail/userdata.hpp>
#include <luaembed/error.hpp>
#include <luaembed/value.hpp>

namespace luaembed {

namespace {
// A luaembed object has the user values its class asks for, on every Lua (before 5.4 Lua
// itself would give each userdata one): so that code which sets them works everywhere.
void check_user_value_slot(lua_State *L, int n) {
  const detail::UserdataHeader *header = detail::userdata_header(L, -1);
  if (header == nullptr) return;
  int count = header->type->user_values.load(std::memory_order_relaxed);
  if (n >= 1 && n <= count) return;
  lua_pop(L, 1);
  using detail::Number;
  throw ConversionError(detail::join({"objects of ", header->type->name_view(), " have no user value ", Number(n),
                                      " (they carry ", Number(count), "): ask for them with user_values(",
                                      Number(n < 1 ? 1 : n), ") when registering the class"}),
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
  if (!stored)
    throw ConversionError(detail::join({"the userdata has no user value ", detail::Number(n)}), "no such user value");
}

}  // namespace luaembed
