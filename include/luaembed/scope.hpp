// Scope: lend C++ objects to Lua for a limited time, as mlua's Lua::scope does.
//
//   Player player;
//   lua.scope([&](luaembed::Scope &scope) {
//     lua["player"] = scope.borrow(player);      // a reference, not a copy
//     lua.exec("player:move(1, 2)");
//   });
//   lua.exec("player:move(1, 2)");  // Lua error: userdata has been destroyed
//
// When the scope ends (also by an exception), every userdata it lent is marked destroyed:
// Lua code that kept one gets an error, never a dangling pointer.
#pragma once

#include <luaembed/detail/userdata.hpp>
#include <luaembed/state.hpp>
#include <luaembed/value.hpp>

#include <vector>

namespace luaembed {

class Scope {
public:
  explicit Scope(StateView state) : state_(state) {}
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() { end(); }

  // A userdata referring to object; its class must be registered. A const object lends
  // only its const methods.
  template <class T>
  Value borrow(T &object) {
    using Class = std::remove_const_t<T>;
    lua_State *L = state_.lua_state();
    int base = lua_gettop(L);
    detail::push_borrowed(L, detail::class_info<Class>(), const_cast<Class *>(&object), std::is_const_v<T>);
    detail::StackGuard pop(L, base);
    lent_.emplace_back(L, -1);
    return lent_.back();
  }

  // Marks everything lent as destroyed; the destructor does it too.
  void end() noexcept;

private:
  StateView state_;
  std::vector<Value> lent_;
};

template <class F>
decltype(auto) StateView::scope(F &&body) const {
  Scope scope(*this);
  return body(scope);
}

}  // namespace luaembed
