// The properties fuzz_conversions checks, for one value on the stack:
//   check<T>            get<T> either throws ConversionError or gives a value that survives
//                       push and get unchanged
//   check_integers      every integer type agrees with int64_t on which values fit
//   check_consistency   is<T>() promises what get<T>() does, for the scalar types
//   use_handles         Value, Table and Function handles of the value behave
// A broken property calls fail(), which aborts with a message: libFuzzer keeps the input.
#pragma once

#include <luaembed/luaembed.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

namespace fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view type) {
  std::fprintf(stderr, "fuzz_conversions: %.*s (%.*s)\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(type.size()), type.data());
  std::abort();
}

// ---- equality that knows NaN, -0.0 and the handles ----------------------------------------
template <class T> struct is_map : std::false_type {};
template <class... A> struct is_map<std::map<A...>> : std::true_type {};
template <class... A> struct is_map<std::unordered_map<A...>> : std::true_type {};

template <class T>
bool same(lua_State *L, const T &a, const T &b);

inline bool is_nan(lua_State *L, int index) {
  return lua_type(L, index) == LUA_TNUMBER && !lua_isinteger(L, index) && std::isnan(lua_tonumber(L, index));
}

template <class T>
bool same_handles(lua_State *L, const T &a, const T &b) {
  a.push(L);
  b.push(L);
  bool equal = lua_rawequal(L, -1, -2) || (is_nan(L, -1) && is_nan(L, -2));   // NaN ~= NaN
  lua_pop(L, 2);
  return equal;
}

template <class T>
bool same(lua_State *L, const T &a, const T &b) {
  if constexpr (std::is_floating_point_v<T>) {
    return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
  } else if constexpr (std::is_base_of_v<luaembed::Reference, T>) {
    return same_handles(L, a, b);
  } else if constexpr (is_map<T>::value) {
    if (a.size() != b.size()) return false;
    for (const auto &[key, value] : a) {
      auto found = b.find(key);
      if (found == b.end() || !same(L, value, found->second)) return false;
    }
    return true;
  } else if constexpr (requires { a.begin(); a.size(); typename T::value_type; } &&
                       !std::is_convertible_v<T, std::string_view>) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(L, a[i], b[i])) return false;
    return true;
  } else if constexpr (requires { a.has_value(); *a; }) {
    return a.has_value() == b.has_value() && (!a || same(L, *a, *b));
  } else if constexpr (requires { a.index(); std::variant_size<T>::value; }) {
    if (a.index() != b.index()) return false;
    return std::visit([&](const auto &x) { return same(L, x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
  } else {
    return a == b;
  }
}

// ---- the properties ----------------------------------------------------------------------

// The value at index as T, or nothing when it does not convert. Converts a copy: converting a
// number to a string changes its slot.
template <class T>
std::optional<T> try_get(lua_State *L, int index) {
  lua_pushvalue(L, index);
  try {
    return luaembed::get<T>(L, -1);   // a string_view keeps pointing into the copy, kept
  } catch (const luaembed::ConversionError &) {
    lua_pop(L, 1);
    return std::nullopt;
  }
}

template <class T>
void check(lua_State *L, int index) {
  int top = lua_gettop(L);
  std::optional<T> value = try_get<T>(L, index);
  if constexpr (luaembed::Pushable<T>) {
    if (value) {
      luaembed::push(L, *value);
      T back = luaembed::get<T>(L, -1);
      if (!same(L, *value, back)) fail("a value changed on its way through Lua", luaembed::detail::type_name<T>());
    }
  }
  lua_settop(L, top);
}

void check_integers(lua_State *L, int index);
void check_consistency(lua_State *L, int index);
void use_handles(lua_State *L, int index);

}  // namespace fuzz
