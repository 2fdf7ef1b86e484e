// Scopes: the end of a loan.
#include <luaembed/scope.hpp>

namespace luaembed {

void Scope::end() noexcept {
  for (Value &lent : lent_) {
    if (!lent.state_alive()) continue;
    lua_State *L = lent.lua_state();
    if (!lua_checkstack(L, 1)) continue;
    lent.push(L);
    if (detail::UserdataHeader *header = detail::userdata_header(L, -1)) header->destroyed = true;
    lua_pop(L, 1);
  }
  lent_.clear();
}

}  // namespace luaembed
