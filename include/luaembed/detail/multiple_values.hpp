// Several values at once: arguments pushed together, and results read into a C++ type.
// std::tuple and std::pair stand for multiple values; void for none; anything else for one.
#pragma once

#include <luaembed/convert.hpp>
#include <luaembed/detail/protect.hpp>

#include <tuple>
#include <type_traits>
#include <utility>

namespace luaembed::detail {

template <class T> struct is_multiple_values : std::false_type {};
template <class... Ts> struct is_multiple_values<std::tuple<Ts...>> : std::true_type {};
template <class A, class B> struct is_multiple_values<std::pair<A, B>> : std::true_type {};

template <class R>
constexpr int value_count() {
  if constexpr (std::is_void_v<R>) return 0;
  else if constexpr (is_multiple_values<R>::value) return static_cast<int>(std::tuple_size_v<R>);
  else return 1;
}

template <class R>
constexpr bool values_push_may_raise() {
  if constexpr (std::is_void_v<R>) return false;
  else if constexpr (is_multiple_values<R>::value)
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (push_may_raise<std::remove_cvref_t<std::tuple_element_t<I, R>>>() || ...);
    }(std::make_index_sequence<std::tuple_size_v<R>>{});
  else return push_may_raise<std::remove_cvref_t<R>>();
}

template <class R>
constexpr bool values_push_raises_cleanly() {
  if constexpr (is_multiple_values<R>::value)
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (push_raises_cleanly<std::remove_cvref_t<std::tuple_element_t<I, R>>>() && ...);
    }(std::make_index_sequence<std::tuple_size_v<R>>{});
  else return push_raises_cleanly<std::remove_cvref_t<R>>();
}

// Pushes a C++ value as its Lua values; returns how many.
template <class R>
int push_values(lua_State *L, const R &values) {
  if constexpr (is_multiple_values<R>::value) {
    std::apply([L](const auto &...each) { (luaembed::push(L, each), ...); }, values);
  } else {
    luaembed::push(L, values);
  }
  return value_count<R>();
}

// The values from index first on, converted to R, when the stack has room for one more
// value; missing values read as nil.
template <class R>
R read_values(lua_State *L, int first) {
  if constexpr (std::is_void_v<R>) {
    return;
  } else if constexpr (is_multiple_values<R>::value) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return R{luaembed::get<std::tuple_element_t<I, R>>(L, first + static_cast<int>(I))...};
    }(std::make_index_sequence<std::tuple_size_v<R>>{});
  } else {
    return luaembed::get<R>(L, first);
  }
}

// The same, making the room first.
template <class R>
R get_values(lua_State *L, int first) {
  if constexpr (std::is_void_v<R>) {
    return;
  } else if constexpr (is_multiple_values<R>::value) {
    ensure_stack(L, value_count<R>());
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return R{luaembed::get<std::tuple_element_t<I, R>>(L, first + static_cast<int>(I))...};
    }(std::make_index_sequence<std::tuple_size_v<R>>{});
  } else {
    ensure_stack(L, 1);
    return luaembed::get<R>(L, first);
  }
}

}  // namespace luaembed::detail
