// The record luaembed keeps for each Lua state (reference.cpp), which outlives the state while
// handles point at it. Handles read its head, detail::StateData (reference.hpp), inline; the
// rest is for the implementation alone, hence here and not among the public headers.
#pragma once

#include <luaembed/reference.hpp>

#include <any>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>

namespace luaembed::detail {

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
struct StateRecord : StateData {
  std::size_t handles = 0;
  StringCache strings;
  ClassMetatables class_metatables;
  std::unordered_map<std::type_index, std::any> app_data;
  std::function<void(std::string_view)> warning_handler;
  std::string warning_pieces;  // a warning arrives in pieces (Lua 5.4's lua_warning tocont)
  bool warnings_on = true;
};

// The record that a handle's or a view's StateData is the head of.
inline StateRecord *record_of(StateData *data) noexcept { return static_cast<StateRecord *>(data); }

// The record of L's state, created on first use (also for states luaembed did not create,
// such as the one a module is loaded into). Never null.
StateRecord *state_data(lua_State *L);
// Marks the state closed; frees the record once no handle refers to it.
void close_state_data(StateRecord *data) noexcept;
void release_state_data(StateRecord *data) noexcept;

}  // namespace luaembed::detail
