// Paths through tables (detail/path.hpp): first without lua_pcall, then, when something on
// the way could raise, protected.
//
// What the quiet walk relies on, in every Lua luaembed supports:
//  - lua_rawget, lua_rawgeti, lua_getmetatable, lua_pushvalue and the pushes of numbers,
//    booleans and nil never raise, allocate or run the collector;
//  - a present key (a non-nil value) is what lua_gettable returns without consulting
//    __index, and what lua_settable overwrites without __newindex; a nil from a table whose
//    metatable (if any) has no __index is what lua_gettable returns;
//  - lua_rawset of a key already present overwrites its slot in place: no allocation;
//  - a string is pushed from the state's string cache (a registry reference), never created.
// Everything else (a metatable to consult, a new key, a string not in the cache, a value that
// allocates) runs the whole path again protected, which also caches the strings it pushes.
#include "state_record.hpp"

#include <luaembed/detail/path.hpp>
#include <luaembed/error.hpp>

#include <cstdint>
#include <cstring>
#include <utility>

namespace luaembed::detail {

namespace {

// Restores the stack top when an exception leaves the path code.
class TopOnThrow {
public:
  TopOnThrow(lua_State *L, int top) : L_(L), top_(top) {}
  ~TopOnThrow() {
    if (armed_) lua_settop(L_, top_);
  }
  void disarm() { armed_ = false; }

private:
  lua_State *L_;
  int top_;
  bool armed_ = true;
};

// ---- the string cache ---------------------------------------------------------------------
//
// A short text (up to StringCache::copied bytes) is found by its content, wherever it lies:
// the same key written in two places, or moved by address randomization, finds the same
// entry, so what the cache keeps does not change from run to run. A longer one is found by
// the address of its text, then checked against Lua's string.

// A text as the cache looks it up. A short one is two words read from each end (overlapping
// below 16 bytes, never past the end), which with the size give every byte.
struct CacheKey {
  const char *text;
  std::size_t size;
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  bool is_short() const { return size <= StringCache::copied; }
};

CacheKey cache_key(const char *text, std::size_t size) {
  static_assert(StringCache::copied <= 16);
  CacheKey key{text, size};
  if (size >= 8) {
    std::memcpy(&key.head, text, 8);
    std::memcpy(&key.tail, text + size - 8, 8);
  } else if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, text, 4);
    std::memcpy(&tail, text + size - 4, 4);
    key.head = head, key.tail = tail;
  } else {
    for (std::size_t i = 0; i < size; ++i) key.head = key.head << 8 | static_cast<unsigned char>(text[i]);
  }
  return key;
}

StringCache::Entry *set_of(StringCache &cache, const CacheKey &key) {
  std::uint64_t mixed = key.is_short() ? (key.head ^ (key.tail * 0x9E3779B97F4A7C15ull) ^ key.size)
                                       : reinterpret_cast<std::uintptr_t>(key.text);
  int set = static_cast<int>((mixed * 0x9E3779B97F4A7C15ull) >> 59) & (StringCache::sets - 1);
  return &cache.entries[2 * set];
}

bool claims(const StringCache::Entry &entry, const CacheKey &key) {
  if (entry.text == nullptr || entry.size != key.size) return false;  // text: null while empty
  if (key.is_short()) return entry.head == key.head && entry.tail == key.tail;
  return entry.text == key.text;
}

// The entry that claims the key, or null.
[[gnu::always_inline]] inline StringCache::Entry *find_entry(StringCache &cache, const CacheKey &key) {
  StringCache::Entry *set = set_of(cache, key);
  if (claims(set[0], key)) return &set[0];
  if (claims(set[1], key)) return &set[1];
  return nullptr;
}

// Pushes the cached string equal to text, or pushes nothing and returns false.
[[gnu::always_inline]] inline bool push_cached(lua_State *L, StringCache &cache, const char *text, std::size_t size) {
  CacheKey key = cache_key(text, size);
  StringCache::Entry *entry = find_entry(cache, key);
  if (entry == nullptr || entry->ref == LUA_NOREF) return false;
  lua_rawgeti(L, LUA_REGISTRYINDEX, entry->ref);
  if (key.is_short()) return true;
  std::size_t length = 0;
  const char *cached = lua_tolstring(L, -1, &length);  // a string, or false: never converts
  if (cached != nullptr && length == size && std::memcmp(cached, text, size) == 0) return true;
  lua_pop(L, 1);
  return false;
}

// The same as a call: for the one-key functions, which stay short with it out of line.
[[gnu::noinline]] bool push_cached_call(lua_State *L, StringCache &cache, const char *text, std::size_t size) {
  return push_cached(L, cache, text, size);
}

// Caches the string at index (equal to text) in a reference that exists: never raises.
void remember(lua_State *L, StringCache &cache, const char *text, std::size_t size, int index) {
  CacheKey key = cache_key(text, size);
  StringCache::Entry *entry = find_entry(cache, key);
  if (entry == nullptr) {  // the set's newer entry becomes its older one
    StringCache::Entry *set = set_of(cache, key);
    std::swap(set[0], set[1]);
    entry = &set[0];
  }
  if (entry->ref == LUA_NOREF) return;
  lua_pushvalue(L, index);
  lua_rawseti(L, LUA_REGISTRYINDEX, entry->ref);
  entry->text = text;
  entry->size = size;
  entry->head = key.head;
  entry->tail = key.tail;
}

// The string cache of the path's state, in its record (state_record.hpp).
StringCache &strings_of(const PathStart &start) { return record_of(start.data)->strings; }

// ---- pushing --------------------------------------------------------------------------------

void push_start(lua_State *L, const PathStart &start) {
  if (start.table != nullptr) start.table->push(L);
  else lua_pushglobaltable(L);
}

// Pushes slot unless that could raise (or throw); returns false, having pushed nothing, then.
bool push_quietly(lua_State *L, StringCache &cache, const Slot &slot) {
  switch (slot.kind) {
    case Slot::Kind::Nil: lua_pushnil(L); return true;
    case Slot::Kind::Boolean: lua_pushboolean(L, slot.boolean); return true;
    case Slot::Kind::Integer: lua_pushinteger(L, slot.integer); return true;
    case Slot::Kind::Number: lua_pushnumber(L, slot.number); return true;
    case Slot::Kind::StackIndex: lua_pushvalue(L, slot.index); return true;
    case Slot::Kind::Handle:
      if (slot.handle->has_state() && !slot.handle->state_alive()) return false;  // throws, protected
      slot.handle->push(L);
      return true;
    case Slot::Kind::String: return push_cached(L, cache, slot.string.data, slot.string.size);
    default: return false;
  }
}

// Pushes slot; may raise. Strings are created, and cached for the next time.
void push_loudly(lua_State *L, StringCache &cache, Slot &slot) {
  switch (slot.kind) {
    case Slot::Kind::String:
      lua_pushlstring(L, slot.string.data, slot.string.size);
      remember(L, cache, slot.string.data, slot.string.size, lua_gettop(L));
      return;
    case Slot::Kind::Custom: slot.custom.push(L, slot.custom.object); return;
    case Slot::Kind::Handle: slot.handle->push(L); return;
    default: push_quietly(L, cache, slot);
  }
}

// ---- walking --------------------------------------------------------------------------------

enum class Outcome { Done, Protect, NotATable };

// What a value read on the way (of this type) means for the path: a table leads on; a nil
// ends an Optional read (Done, with the nil on top); anything else is an error.
Outcome leads_on(int type, PathRead mode) {
  if (type == LUA_TNIL && mode == PathRead::Optional) return Outcome::Done;
  return Outcome::NotATable;
}

// Whether the metatable on top has no __index, so that a nil read raw is the value; pops it.
bool lacks_index(lua_State *L, const StringCache &cache) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, cache.index_event);
  bool lacks = lua_rawget(L, -2) == LUA_TNIL;
  lua_pop(L, 2);
  return lacks;
}

// Reads keys[0..count) from the start, pushed above top, without raising. Done: the value
// is on top, its type in type. Protect: something needs a protected call (the caller
// restores the stack). NotATable: the value that is not one is on top.
[[gnu::always_inline]] inline Outcome read_quietly(lua_State *L, const PathStart &start, const Slot *keys, int count,
                                                   PathRead mode, int top, int &type) {
  push_start(L, start);
  type = LUA_TTABLE;
  for (int i = 0, container = top + 1; i < count; ++i, ++container) {
    if (type != LUA_TTABLE) return leads_on(type, mode);
    if (!push_quietly(L, strings_of(start), keys[i])) return Outcome::Protect;
    type = lua_rawget(L, container);
    if (type != LUA_TNIL || (mode == PathRead::Raw && i == count - 1)) continue;
    if (lua_getmetatable(L, container) && !lacks_index(L, strings_of(start))) return Outcome::Protect;
  }
  return Outcome::Done;
}

// The same, protected: metamethods run, strings are created. Leaves the value (or the one
// that is not a table) on top.
void read_loudly(lua_State *L, const PathStart &start, const Slot *keys, int count, PathRead mode, Outcome &outcome) {
  luaL_checkstack(L, count + 2, nullptr);
  push_start(L, start);
  int type = LUA_TTABLE;
  for (int i = 0; i < count; ++i) {
    if (type != LUA_TTABLE) {
      outcome = leads_on(type, mode);
      return;
    }
    int container = lua_gettop(L);
    push_loudly(L, strings_of(start), const_cast<Slot &>(keys[i]));
    if (mode == PathRead::Raw && i == count - 1) lua_rawget(L, container);
    else lua_gettable(L, container);
    type = lua_type(L, -1);
    lua_replace(L, container);
  }
  outcome = Outcome::Done;
}

[[noreturn]] void throw_not_a_table(lua_State *L) { throw_type_mismatch(L, -1, "table", "luaembed::Table"); }

// The stack room a path needs, and the state's record (looked up for views).
void prepare(lua_State *L, PathStart &start, int count) {
  if (!lua_checkstack(L, count + 3)) throw_stack_overflow();
  if (start.data == nullptr) start.data = state_data(L);
}

// ---- one string key -------------------------------------------------------------------------
//
// lua["name"], t.get("name"), t["name"] = v: the commonest paths, done by short functions that
// keep nothing across their Lua calls but the state and the top (the general walk above spills
// its slots, its mode and its restore guard). They refuse, leaving the stack as it was, where
// the general path must decide: a string not in the cache, an absent key to look up in a
// metatable, or (writing) to create.

bool is_string_key(const PathStart &start, const Slot *keys, int count) {
  return count == 1 && keys[0].kind == Slot::Kind::String && start.data != nullptr;
}

// Pushes the start and the key. False (the stack as it was) when the key is not cached.
bool push_table_and_key(lua_State *L, const PathStart &start, const Slot::Text &key, int base) {
  push_start(L, start);
  if (push_cached_call(L, strings_of(start), key.data, key.size)) return true;
  lua_settop(L, base);
  return false;
}

bool push_string_field(const PathStart &start, const Slot::Text &key, PathRead mode, int &base) {
  lua_State *L = start.L;
  base = lua_gettop(L);
  if (!lua_checkstack(L, 3) || !push_table_and_key(L, start, key, base)) return false;
  if (lua_rawget(L, base + 1) != LUA_TNIL || mode == PathRead::Raw) return true;
  if (!lua_getmetatable(L, base + 1) || lacks_index(L, strings_of(start))) return true;
  lua_settop(L, base);
  return false;
}

// With a key on top of the table at container: overwrites the key's value when the key is
// present (so that nothing is created) and the value pushes quietly. Leaves the stack at base
// either way; false when it wrote nothing.
[[gnu::always_inline]] inline bool overwrite_present(lua_State *L, StringCache &cache, int container, Slot &value,
                                                     int base) {
  lua_pushvalue(L, -1);
  bool present = lua_rawget(L, container) != LUA_TNIL;
  lua_pop(L, 1);
  bool written = present && push_quietly(L, cache, value);
  if (written) lua_rawset(L, container);
  lua_settop(L, base);
  return written;
}

bool assign_string_field(const PathStart &start, const Slot::Text &key, Slot &value) {
  lua_State *L = start.L;
  int base = lua_gettop(L);
  if (!lua_checkstack(L, 4) || !push_table_and_key(L, start, key, base)) return false;
  return overwrite_present(L, strings_of(start), base + 1, value, base);
}

// ---- any path -------------------------------------------------------------------------------
//
// The quiet attempt runs in functions without destructors, so that the common case pays for no
// exception frame; the protected retry and the errors have functions of their own.

// Reads quietly. Protect leaves the stack at base; NotATable leaves the culprit on top.
Outcome try_read(lua_State *L, const PathStart &start, const Slot *keys, int count, PathRead mode, int base) {
  int type = LUA_TNIL;
  Outcome outcome = read_quietly(L, start, keys, count, mode, base, type);
  if (outcome == Outcome::Protect) lua_settop(L, base);
  return outcome;
}

// Writes quietly, into a key present already so that nothing is created. Done and Protect leave
// the stack at base; NotATable leaves the culprit on top.
Outcome try_assign(lua_State *L, const PathStart &start, const Slot *keys, int count, Slot &value, int base) {
  int type = LUA_TNIL;
  Outcome outcome = read_quietly(L, start, keys, count - 1, PathRead::Get, base, type);
  if (outcome == Outcome::Done && type != LUA_TTABLE) return Outcome::NotATable;
  if (outcome == Outcome::Done) {
    if (push_quietly(L, strings_of(start), keys[count - 1]) &&
        overwrite_present(L, strings_of(start), base + count, value, base))
      return Outcome::Done;
    outcome = Outcome::Protect;
  }
  if (outcome == Outcome::Protect) lua_settop(L, base);
  return outcome;
}

// After a quiet read that could not finish: the protected retry, or the error.
[[gnu::noinline]] int finish_read(const PathStart &start, const Slot *keys, int count, PathRead mode, int base,
                                  Outcome outcome) {
  lua_State *L = start.L;
  TopOnThrow restore(L, base);
  if (outcome == Outcome::Protect) {
    protect(L, 0, 1, [&](lua_State *L) {
      read_loudly(L, start, keys, count, mode, outcome);
      return 1;
    });
  }
  if (outcome == Outcome::NotATable) throw_not_a_table(L);
  restore.disarm();
  return base;
}

[[gnu::noinline]] void finish_assign(const PathStart &start, const Slot *keys, int count, Slot &value, bool raw,
                                     int base, Outcome outcome) {
  lua_State *L = start.L;
  TopOnThrow restore(L, base);
  if (outcome == Outcome::Protect) {
    protect(L, 0, 1, [&](lua_State *L) {
      read_loudly(L, start, keys, count - 1, PathRead::Get, outcome);
      if (outcome != Outcome::Done) return 1;
      int container = lua_gettop(L);
      if (lua_type(L, container) != LUA_TTABLE) {
        outcome = Outcome::NotATable;
        return 1;
      }
      push_loudly(L, strings_of(start), const_cast<Slot &>(keys[count - 1]));
      push_loudly(L, strings_of(start), value);
      if (raw) lua_rawset(L, container);
      else lua_settable(L, container);
      return 0;
    });
  }
  if (outcome == Outcome::NotATable) throw_not_a_table(L);
  lua_settop(L, base);
  restore.disarm();
}

}  // namespace

int push_path(const PathStart &original, const Slot *keys, int count, PathRead mode) {
  int top = 0;
  if (is_string_key(original, keys, count) && push_string_field(original, keys[0].string, mode, top)) return top;
  PathStart start = original;
  int base = lua_gettop(start.L);
  prepare(start.L, start, count);
  Outcome outcome = try_read(start.L, start, keys, count, mode, base);
  if (outcome == Outcome::Done) return base;
  return finish_read(start, keys, count, mode, base, outcome);
}

void assign_path(const PathStart &original, const Slot *keys, int count, Slot &value, bool raw) {
  if (is_string_key(original, keys, count) && assign_string_field(original, keys[0].string, value)) return;
  PathStart start = original;
  int base = lua_gettop(start.L);
  prepare(start.L, start, count + 2);
  Outcome outcome = try_assign(start.L, start, keys, count, value, base);
  if (outcome != Outcome::Done) finish_assign(start, keys, count, value, raw, base, outcome);
}

}  // namespace luaembed::detail
