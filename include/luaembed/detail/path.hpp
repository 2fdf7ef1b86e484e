// Paths: t[k], t[k1][k2]..., lua["name"][k]... resolved in one go by out-of-line code
// (path.cpp), which pushes each key itself when it can. Without lua_pcall when nothing on the
// way can raise: raw hits on tables (a present key is what lua_gettable and lua_settable
// find without metamethods), keys and values that push without allocating. Anything else
// runs the whole path again in one protected call.
#pragma once

#include <luaembed/detail/bind.hpp>
#include <luaembed/reference.hpp>
#include <luaembed/value.hpp>

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace luaembed::detail {

// A key or a value to push: the common kinds as data, any other type through a function.
struct Slot {
  enum class Kind : unsigned char { Nil, Boolean, Integer, Number, String, Handle, StackIndex, Custom };
  struct Text {
    const char *data;
    std::size_t size;
  };
  struct Erased {
    void *object;
    void (*push)(lua_State *, void *);  // may raise or throw: called protected only
  };
  Slot() noexcept : integer(0) {}

  Kind kind = Kind::Nil;
  union {
    bool boolean;
    lua_Integer integer;
    lua_Number number;
    Text string;
    const Reference *handle;
    int index;
    Erased custom;
  };
};

// Where a path starts: a table handle, or the globals (table == nullptr). data may be null
// for the globals: the path code looks the record up.
struct PathStart {
  lua_State *L;
  StateData *data;
  const Reference *table;
};

enum class PathRead : unsigned char {
  Get,       // lua_gettable: metamethods honoured; every table on the way must be a table
  Optional,  // the same, but a nil on the way reads as nil (std::optional)
  Raw,       // lua_rawget for the last key
};

// Pushes the value at the end of the path, possibly above other values: read it at -1, then
// restore the top it returns. Throws ConversionError when something on the way is not a
// table, Lua's errors as exceptions, StateClosedError for handles of a closed state.
int push_path(const PathStart &start, const Slot *keys, int count, PathRead mode);
// path = value: lua_settable (lua_rawset when raw) on the table the path leads to. The stack
// is as before.
void assign_path(const PathStart &start, const Slot *keys, int count, Slot &value, bool raw);

template <class T>
void push_erased(lua_State *L, void *object) {
  luaembed::push(L, *static_cast<const T *>(object));
}

// Pushes a value, or binds a callable (a lambda, a function pointer) as a Lua function.
template <class V>
void push_any(lua_State *L, V &&value) {
  using Bare = std::remove_cvref_t<V>;
  if constexpr (Pushable<Bare>) luaembed::push(L, value);
  else if constexpr (Bindable<Bare>) push_callable(L, std::forward<V>(value));
  else static_assert(Pushable<Bare>, "luaembed: this type has no conversion to Lua; specialize luaembed::Converter<T>");
}

template <class V>
void push_forwarded(lua_State *L, void *object) {
  if constexpr (std::is_function_v<std::remove_reference_t<V>>)
    push_any(L, *reinterpret_cast<std::remove_reference_t<V> *>(object));  // a function itself
  else
    push_any(L, std::forward<V>(*static_cast<std::remove_reference_t<V> *>(object)));
}

template <class T>
constexpr bool fits_lua_integer(T value) {
  if constexpr (std::is_signed_v<T>)
    return static_cast<long long>(value) >= compat::min_integer && static_cast<long long>(value) <= compat::max_integer;
  else
    return static_cast<unsigned long long>(value) <= static_cast<unsigned long long>(compat::max_integer);
}

// The slot of a plain value, or false for the kinds that need push_erased.
template <class T>
bool plain_slot(Slot &slot, const T &value) {
  using Kind = Slot::Kind;
  if constexpr (std::is_same_v<T, bool>) {
    slot.kind = Kind::Boolean;
    slot.boolean = value;
  } else if constexpr (std::is_enum_v<T>) {
    return plain_slot(slot, static_cast<std::underlying_type_t<T>>(value));
  } else if constexpr (is_integer_like<T>) {
    if (!fits_lua_integer(value)) return false;  // its Converter refuses it, with the reason
    slot.kind = Kind::Integer;
    slot.integer = static_cast<lua_Integer>(value);
  } else if constexpr (std::is_floating_point_v<T>) {
    slot.kind = Kind::Number;
    slot.number = static_cast<lua_Number>(value);
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
    slot.kind = Kind::String;
    slot.string = {value.data(), value.size()};
  } else if constexpr (std::is_same_v<T, const char *> || std::is_same_v<T, char *>) {
    if (value == nullptr) return slot.kind = Kind::Nil, true;
    slot.kind = Kind::String;
    slot.string = {value, std::strlen(value)};
  } else if constexpr (std::is_array_v<T> && std::is_same_v<std::remove_cv_t<std::remove_extent_t<T>>, char>) {
    slot.kind = Kind::String;  // as lua_pushstring: up to the first zero
    slot.string = {value, std::strlen(value)};
  } else if constexpr (std::is_base_of_v<Reference, T>) {
    slot.kind = Kind::Handle;
    slot.handle = &value;
  } else if constexpr (std::is_same_v<T, StackValue>) {
    slot.kind = Kind::StackIndex;
    slot.index = value.index();
  } else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) {
    slot.kind = Kind::Nil;
  } else {
    return false;
  }
  return true;
}

template <class K>
Slot key_slot(const K &key) {
  Slot slot;
  if (!plain_slot(slot, key)) {
    slot.kind = Slot::Kind::Custom;
    slot.custom = {const_cast<K *>(&key), &push_erased<K>};
  }
  return slot;
}

// A value to store: moved from when it is an rvalue (a move-only callable, for instance).
template <class V>
Slot value_slot(V &&value) {
  using Bare = std::remove_cvref_t<V>;
  Slot slot;
  if constexpr (Pushable<Bare>) {
    if (plain_slot(slot, value)) return slot;
  }
  slot.kind = Slot::Kind::Custom;
  if constexpr (std::is_function_v<Bare>) slot.custom = {reinterpret_cast<void *>(&value), &push_forwarded<V>};
  else slot.custom = {const_cast<Bare *>(&value), &push_forwarded<V>};
  return slot;
}

template <class T> inline constexpr bool is_optional = false;
template <class T> inline constexpr bool is_optional<std::optional<T>> = true;

template <class V>
constexpr PathRead read_mode() {
  return is_optional<V> ? PathRead::Optional : PathRead::Get;
}

// The value at the end of the path, converted to V.
template <class V>
V read_path(const PathStart &start, const Slot *keys, int count, PathRead mode) {
  StackGuard pop(start.L, push_path(start, keys, count, mode));
  return luaembed::get<V>(start.L, -1);
}

}  // namespace luaembed::detail
