// Userdata that hold C++ objects: finding them, creating and destroying them.
#include "class_keys.hpp"

#include "api/allocator.hpp"
#include "api/message_pieces.hpp"
#include "api/state_record.hpp"

#include <luaembed/detail/userdata.hpp>
#include <luaembed/error.hpp>
#include <luaembed/reference.hpp>

#include <cstdint>
#include <cstring>

namespace luaembed::detail {

UserdataHeader *userdata_header(lua_State *L, int index) noexcept {
  if (lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return nullptr;
  bool ours = lua_rawgetp(L, -1, &class_marker) == LUA_TLIGHTUSERDATA;
  lua_pop(L, 2);
  return ours ? static_cast<UserdataHeader *>(lua_touserdata(L, index)) : nullptr;
}

namespace {
ClassMetatables::Entry &entry_of(ClassMetatables &metatables, const void *key) {
  auto bits = reinterpret_cast<std::uintptr_t>(key);
  return metatables.entries[(bits >> 3 ^ bits >> 11) % ClassMetatables::size];
}

// Pushes the class metatable: from the state's integer references when it is among them (a
// state luaembed created), else by its registry key; throws when the class is not registered.
[[gnu::always_inline]] inline void push_metatable_of(lua_State *L, const ClassInfo &info, bool finalized) {
  const void *key = finalized ? static_cast<const void *>(&info) : &info.unfinalized;
  Allocator *allocator = Allocator::of(L);
  if (allocator != nullptr && allocator->record != nullptr) {
    const ClassMetatables::Entry &entry = entry_of(allocator->record->class_metatables, key);
    if (entry.key == key) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, entry.ref);
      return;
    }
  }
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TTABLE) return;
  lua_pop(L, 1);
  throw ConversionError(join({"the C++ class ", info.name_view(),
                              " is not registered in this Lua state: register it with new_class<...>() first"}),
                        join({info.name_view(), " is not registered"}));
}
}  // namespace

void remember_class_metatable(lua_State *L, const void *key) {
  ClassMetatables::Entry &entry = entry_of(state_data(L)->class_metatables, key);
  if (entry.key == key) return;
  lua_pushvalue(L, -1);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);  // may raise: before the entry changes
  if (entry.ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, entry.ref);
  entry = {key, ref};
}

void push_class_metatable(lua_State *L, const ClassInfo &info, bool finalized) {
  push_metatable_of(L, info, finalized);
}

UserdataHeader *new_userdata(lua_State *L, const ClassInfo &info, std::size_t size, int user_values,
                             bool finalized) {
  auto *header = static_cast<UserdataHeader *>(lua_newuserdatauv(L, size, user_values));
  *header = UserdataHeader{&info, nullptr, Holding::Value, true, false};
  push_metatable_of(L, info, finalized);  // inline: every new object comes this way
  lua_setmetatable(L, -2);
  return header;
}

UserdataHeader *push_borrowed(lua_State *L, const ClassInfo &info, void *object, bool is_const) {
  UserdataHeader *header = nullptr;
  protect(L, 0, 1, [&](lua_State *L) {
    header = new_userdata(L, info, sizeof(UserdataHeader), info.user_values.load(std::memory_order_relaxed),
                          false);  // nothing to destroy
    return 1;
  });
  header->object = object;
  header->holding = Holding::Borrowed;
  header->is_const = is_const;
  header->destroyed = false;
  return header;
}

namespace {
// The __name of the value's metatable (the class of another module's object, a file...), or
// its type, as luaL_typeerror names it.
std::string described_type(lua_State *L, int index) {
  std::string name = luaL_typename(L, index);
  if (lua_type(L, index) != LUA_TUSERDATA || !lua_checkstack(L, 2)) return name;
  lua_pushvalue(L, index);
  try {
    protect(L, 1, 0, [&name](lua_State *L) {
      if (luaL_getmetafield(L, 1, "__name") == LUA_TSTRING) name = lua_tostring(L, -1);
      return 0;
    });
  } catch (...) {
  }
  return name;
}
}  // namespace

// luaL_typeerror's wording, with the class name for luaembed's own objects.
void throw_not_an_object(lua_State *L, int index, const ClassInfo &expected) {
  UserdataHeader *header = userdata_header(L, index);
  std::string actual = header != nullptr ? header->type->name() : described_type(L, index);
  std::string_view wanted = expected.name_view();
  throw ConversionError(join({"cannot convert Lua ", actual, " to ", wanted, " (", wanted, " expected)"}),
                        join({wanted, " expected, got ", actual}));
}

void throw_destroyed() { throw RuntimeError("userdata has been destroyed"); }

void throw_const_object(const ClassInfo &info) {
  throw ConversionError(join({"this ", info.name_view(), " was lent to Lua as const: only its const methods can be called"}),
                        join({info.name_view(), " is const here"}));
}

void throw_not_shared(const ClassInfo &info) {
  throw ConversionError(join({"this ", info.name_view(), " is not held by std::shared_ptr in Lua"}),
                        join({info.name_view(), " held by std::shared_ptr expected"}));
}

// __gc, and the end of a scope: destroy once, and mark the userdata so nothing touches it.
int collect_userdata(lua_State *L) {
  auto *header = static_cast<UserdataHeader *>(lua_touserdata(L, 1));
  if (header != nullptr && !header->destroyed) {
    header->destroyed = true;
    if (header->holding != Holding::Borrowed) held_ops(header).destroy(header);
  }
  return 0;
}

}  // namespace luaembed::detail
