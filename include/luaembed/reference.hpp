// Reference: a Lua value kept alive in the registry, the base of the owning handles (Value,
// Table, Function, Thread). Copies make new references; destruction releases them.
//
// A handle belongs to the state it came from and must be used only with that state. Using a
// handle after its state was closed throws StateClosedError: every state has a small shared
// record (detail::StateData) that outlives it while handles point at it. A default-constructed
// handle belongs to no state and reads as nil.
#pragma once

#include <luaembed/lua.hpp>

#include <any>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <typeindex>
#include <unordered_map>

namespace luaembed {

namespace detail {

// Strings the state already holds, short ones found by their content, longer ones by the
// address of their text (checked against it): a key pushed from here allocates nothing, so
// that reading or writing an existing field with a string key needs no lua_pcall (path.cpp).
// Each entry owns a registry reference, made with the record, which holds its string (false
// while empty); two entries per set.
struct StringCache {
  static constexpr int sets = 16;
  static constexpr std::size_t copied = 16;  // texts this short are found by content, without Lua
  struct Entry {
    const char *text = nullptr;  // null while empty
    std::size_t size = 0;
    int ref = LUA_NOREF;
    std::uint64_t head = 0, tail = 0;  // a short text's bytes (path.cpp)
  };
  Entry entries[2 * sets];
  int index_event = LUA_NOREF;  // "__index": whether a metatable has it, found without pushing it
};

// The state's class metatables by integer reference, keyed by their registry keys (the class
// records' addresses): lua_rawgeti finds one in the registry's array, where lua_rawgetp hashes
// a light userdata. Filled when a class is registered; a collision keeps the newer class.
struct ClassMetatables {
  static constexpr int size = 32;
  struct Entry {
    const void *key = nullptr;
    int ref = LUA_NOREF;
  };
  Entry entries[size];
};

// What a state shares with the handles and views that refer to it.
struct StateData {
  lua_State *main = nullptr;
  bool alive = true;
  std::size_t handles = 0;
  StringCache strings;
  ClassMetatables class_metatables;
  std::unordered_map<std::type_index, std::any> app_data;
  std::function<void(std::string_view)> warning_handler;
  std::string warning_pieces;  // a warning arrives in pieces (Lua 5.4's lua_warning tocont)
  bool warnings_on = true;
};

// The StateData of L's state, created on first use (also for states luaembed did not create,
// such as the one a module is loaded into). Never null.
StateData *state_data(lua_State *L);
// Marks the state closed; frees the record once no handle refers to it.
void close_state_data(StateData *data) noexcept;
void release_state_data(StateData *data) noexcept;
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
