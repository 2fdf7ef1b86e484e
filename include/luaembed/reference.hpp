// Reference: a Lua value kept alive in the registry, the base of the owning handles (Value,
// Table, Function, Thread). Copies make new references; destruction releases them.
//
// A handle belongs to the state it came from and must be used only with that state. Using a
// handle after its state was closed throws StateClosedError: every state has a small shared
// record (detail::StateData) that outlives it while handles point at it. A default-constructed
// handle belongs to no state and reads as nil.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed {

namespace detail {

// What a handle reads of its state's record on every use, inline: the state's main thread,
// and whether the state is still open. The record itself extends it with what luaembed keeps
// per state (strings, class metatables, app data, warnings): that is the implementation's
// (src/api/state_record.hpp), and handles only point at it.
struct StateData {
  lua_State *main = nullptr;
  bool alive = true;
};

[[noreturn]] void throw_state_closed();

}  // namespace detail

class Reference {
public:
  Reference() noexcept = default;
  // References the value at index of L's stack (any thread of the state).
  Reference(lua_State *L, int index);
  Reference(const Reference &other);
  Reference(Reference &&other) noexcept;
  Reference &operator=(const Reference &other);
  Reference &operator=(Reference &&other) noexcept;
  ~Reference();

  // Pushes the value onto L, a thread of the handle's state.
  void push(lua_State *L) const {
    if (data_ == nullptr) return lua_pushnil(L);
    if (!data_->alive) detail::throw_state_closed();
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref_);
  }
  // The main thread of the handle's state; throws StateClosedError when it is closed.
  lua_State *lua_state() const {
    if (data_ == nullptr || !data_->alive) detail::throw_state_closed();
    return data_->main;
  }
  bool has_state() const noexcept { return data_ != nullptr; }
  bool state_alive() const noexcept { return data_ != nullptr && data_->alive; }
  // The record of the handle's state (null for a default-constructed handle).
  detail::StateData *state_record() const noexcept { return data_; }

protected:
  void reset() noexcept;

  detail::StateData *data_ = nullptr;
  int ref_ = LUA_NOREF;
};

}  // namespace luaembed
