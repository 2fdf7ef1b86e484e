// Conversions of the standard library types:
//   std::optional       nil is std::nullopt
//   std::variant        the first alternative that matches wins
//   std::vector, std::array            Lua sequences (1..n)
//   std::map, std::unordered_map       Lua tables
// std::tuple and std::pair travel as multiple values (see detail/multiple_values.hpp);
// std::function is in function.hpp.
#pragma once

#include <luaembed/convert.hpp>

#include <array>
#include <map>
#include <optional>
#include <unordered_map>
#include <variant>
#include <vector>

namespace luaembed {

namespace detail {
[[noreturn]] void throw_wrong_length(std::size_t expected, std::size_t actual, std::string_view cpp_type);

template <class Sequence>
void push_sequence(lua_State *L, const Sequence &sequence) {
  lua_createtable(L, static_cast<int>(sequence.size()), 0);
  lua_Integer position = 0;
  for (const auto &element : sequence) {
    luaembed::push(L, element);
    lua_rawseti(L, -2, ++position);
  }
}

// Calls visit(element_index) with each element of the sequence at index pushed on the stack.
template <class Visit>
std::size_t read_sequence(lua_State *L, int index, std::string_view cpp_type, Visit &&visit) {
  if (!lua_istable(L, index)) throw_type_mismatch(L, index, "table", cpp_type);
  index = lua_absindex(L, index);
  std::size_t length = lua_rawlen(L, index);
  StackGuard guard(L);
  for (std::size_t position = 1; position <= length; ++position) {
    lua_rawgeti(L, index, static_cast<lua_Integer>(position));
    visit(position - 1);
    lua_pop(L, 1);
  }
  return length;
}

template <class Map>
void push_map(lua_State *L, const Map &map) {
  lua_createtable(L, 0, static_cast<int>(map.size()));
  for (const auto &[key, value] : map) {
    luaembed::push(L, key);
    luaembed::push(L, value);
    lua_rawset(L, -3);
  }
}

template <class Map>
Map read_map(lua_State *L, int index) {
  using Key = typename Map::key_type;
  using Value = typename Map::mapped_type;
  if (!lua_istable(L, index)) throw_type_mismatch(L, index, "table", type_name<Map>());
  index = lua_absindex(L, index);
  Map map;
  StackGuard guard(L);
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pushvalue(L, -2);  // convert a copy: converting the key in place would confuse lua_next
    Key key = luaembed::get<Key>(L, -1);
    map.emplace(std::move(key), luaembed::get<Value>(L, -2));
    lua_pop(L, 2);
  }
  return map;
}
}  // namespace detail

template <class T>
struct Converter<std::optional<T>> {
  static constexpr bool push_may_raise = detail::push_may_raise<T>();
  static constexpr bool push_raises_cleanly = detail::push_raises_cleanly<T>();
  static void push(lua_State *L, const std::optional<T> &value) {
    if (value) luaembed::push(L, *value);
    else lua_pushnil(L);
  }
  static std::optional<T> get(lua_State *L, int index) {
    if (lua_isnoneornil(L, index)) return std::nullopt;
    return luaembed::get<T>(L, index);
  }
  static bool is(lua_State *L, int index) { return lua_isnoneornil(L, index) || Converter<T>::is(L, index); }
};

template <class... Ts>
struct Converter<std::variant<Ts...>> {
  using Variant = std::variant<Ts...>;
  static constexpr bool push_may_raise = (detail::push_may_raise<Ts>() || ...);
  static void push(lua_State *L, const Variant &value) {
    std::visit([L](const auto &alternative) { luaembed::push(L, alternative); }, value);
  }
  static Variant get(lua_State *L, int index) {
    std::optional<Variant> result;
    ((!result && Converter<Ts>::is(L, index) ? (void)result.emplace(Converter<Ts>::get(L, index)) : (void)0), ...);
    if (!result) detail::throw_type_mismatch(L, index, "a matching value", detail::type_name<Variant>());
    return std::move(*result);
  }
  static bool is(lua_State *L, int index) { return (Converter<Ts>::is(L, index) || ...); }
};

template <class T, class Allocator>
struct Converter<std::vector<T, Allocator>> {
  using Vector = std::vector<T, Allocator>;
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const Vector &value) { detail::push_sequence(L, value); }
  static Vector get(lua_State *L, int index) {
    Vector result;
    if (lua_istable(L, index)) result.reserve(lua_rawlen(L, index));
    detail::read_sequence(L, index, detail::type_name<Vector>(),
                          [&](std::size_t) { result.push_back(luaembed::get<T>(L, -1)); });
    return result;
  }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

template <class T, std::size_t N>
struct Converter<std::array<T, N>> {
  using Array = std::array<T, N>;
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const Array &value) { detail::push_sequence(L, value); }
  static Array get(lua_State *L, int index) {
    if (lua_istable(L, index) && lua_rawlen(L, index) != N)
      detail::throw_wrong_length(N, lua_rawlen(L, index), detail::type_name<Array>());
    Array result{};
    detail::read_sequence(L, index, detail::type_name<Array>(),
                          [&](std::size_t position) { result[position] = luaembed::get<T>(L, -1); });
    return result;
  }
  static bool is(lua_State *L, int index) { return lua_istable(L, index) && lua_rawlen(L, index) == N; }
};

template <class K, class V, class Compare, class Allocator>
struct Converter<std::map<K, V, Compare, Allocator>> {
  using Map = std::map<K, V, Compare, Allocator>;
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const Map &value) { detail::push_map(L, value); }
  static Map get(lua_State *L, int index) { return detail::read_map<Map>(L, index); }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

template <class K, class V, class Hash, class Equal, class Allocator>
struct Converter<std::unordered_map<K, V, Hash, Equal, Allocator>> {
  using Map = std::unordered_map<K, V, Hash, Equal, Allocator>;
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const Map &value) { detail::push_map(L, value); }
  static Map get(lua_State *L, int index) { return detail::read_map<Map>(L, index); }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

}  // namespace luaembed
