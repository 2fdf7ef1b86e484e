// Conversions between C++ and Lua values: the customization point Converter<T>.
//
// A specialization provides
//   static constexpr bool push_may_raise;      // pushing allocates Lua memory (may raise)
//   static void push(lua_State *L, const T &value);
//   static T get(lua_State *L, int index);     // throws ConversionError when it does not fit
//   static bool is(lua_State *L, int index);   // get would succeed (std::variant uses it)
// This header covers bool, every arithmetic type, strings, enums and nil; std_types.hpp the
// standard library types; value.hpp, table.hpp and function.hpp the handles.
#pragma once

#include <luaembed/detail/type_name.hpp>
#include <luaembed/lua.hpp>

#include <concepts>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace luaembed {

template <class T, class Enable = void>
struct Converter;  // undefined: a type without a specialization does not convert

template <class T>
concept Pushable = requires(lua_State *L, const T &value) { Converter<T>::push(L, value); };

template <class T>
concept Gettable = requires(lua_State *L) {
  { Converter<T>::get(L, 1) } -> std::convertible_to<T>;
};

namespace detail {

// Failures, out of line so that no throw expression sits in a header.
[[noreturn]] void throw_type_mismatch(lua_State *L, int index, const char *expected, std::string_view cpp_type);
[[noreturn]] void throw_no_integer_representation(lua_State *L, int index, std::string_view cpp_type);
[[noreturn]] void throw_integer_out_of_range(long long value, std::string_view cpp_type);
// A C++ integer beyond what Lua holds exactly (compat::min_integer to compat::max_integer).
[[noreturn]] void throw_not_a_lua_integer(long long value);
[[noreturn]] void throw_unsigned_out_of_range(unsigned long long value);
// Converts the number at index to a string in its slot, as lua_tolstring does, but protected.
void number_to_string_in_place(lua_State *L, int index);

template <class T>
constexpr bool push_may_raise() {
  if constexpr (requires { Converter<T>::push_may_raise; }) return Converter<T>::push_may_raise;
  else return true;
}

// Pushing T raises, if at all, before any C++ object with a destructor exists in its frames:
// a Lua error (a longjmp) out of it skips nothing. Converters say so with
// `static constexpr bool push_raises_cleanly = true;`; those whose push cannot raise need not.
template <class T>
constexpr bool push_raises_cleanly() {
  if constexpr (!push_may_raise<T>()) return true;
  else if constexpr (requires { Converter<T>::push_raises_cleanly; }) return Converter<T>::push_raises_cleanly;
  else return false;
}

// Restores the stack top when a conversion leaves early (lua_settop never raises).
class StackGuard {
public:
  explicit StackGuard(lua_State *L) : L_(L), top_(lua_gettop(L)) {}
  StackGuard(lua_State *L, int top) : L_(L), top_(top) {}
  ~StackGuard() { lua_settop(L_, top_); }
  StackGuard(const StackGuard &) = delete;
  StackGuard &operator=(const StackGuard &) = delete;

private:
  lua_State *L_;
  int top_;
};

template <class T>
constexpr bool is_integer_like = std::is_integral_v<T> && !std::is_same_v<T, bool>;

}  // namespace detail

// Pushes value converted to Lua.
template <class T>
void push(lua_State *L, const T &value) {
  static_assert(Pushable<T>, "luaembed: this type has no conversion to Lua; specialize luaembed::Converter<T>");
  Converter<T>::push(L, value);
}

// The value at index converted to T; throws ConversionError when it does not fit.
template <class T>
T get(lua_State *L, int index) {
  static_assert(Gettable<T>, "luaembed: this type has no conversion from Lua; specialize luaembed::Converter<T>");
  return Converter<T>::get(L, index);
}

template <>
struct Converter<bool> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, bool value) { lua_pushboolean(L, value); }
  // Lua's truth: only nil and false are false.
  static bool get(lua_State *L, int index) { return lua_toboolean(L, index) != 0; }
  static bool is(lua_State *L, int index) { return lua_isboolean(L, index); }
};

template <class T>
  requires detail::is_integer_like<T>
struct Converter<T> {
  static constexpr bool push_may_raise = false;

  // Integers Lua cannot hold exactly are refused, never rounded: beyond lua_Integer, and with
  // Lua 5.1, 5.2 and LuaJIT (whose numbers are doubles) beyond 2^53.
  static void push(lua_State *L, T value) {
    if constexpr (std::is_unsigned_v<T> && wider_than_lua) {
      if (value > static_cast<unsigned long long>(compat::max_integer)) detail::throw_unsigned_out_of_range(value);
    } else if constexpr (wider_than_lua) {
      if (value < compat::min_integer || value > compat::max_integer) detail::throw_not_a_lua_integer(value);
    }
    lua_pushinteger(L, static_cast<lua_Integer>(value));
  }

  static T get(lua_State *L, int index) {
    int is_number = 0;
    lua_Integer value = lua_tointegerx(L, index, &is_number);
    if (!is_number) fail(L, index);
    if (!fits(value)) detail::throw_integer_out_of_range(value, detail::type_name<T>());
    return static_cast<T>(value);
  }

  static bool is(lua_State *L, int index) {
    int is_number = 0;
    lua_Integer value = lua_tointegerx(L, index, &is_number);
    return is_number && lua_type(L, index) == LUA_TNUMBER && fits(value);
  }

private:
  static constexpr bool wider_than_lua =
      std::numeric_limits<T>::max() > static_cast<unsigned long long>(compat::max_integer);

  static bool fits(lua_Integer value) {
    if constexpr (std::is_signed_v<T>)
      return value >= std::numeric_limits<T>::min() && value <= std::numeric_limits<T>::max();
    else
      return value >= 0 && static_cast<unsigned long long>(value) <= std::numeric_limits<T>::max();
  }

  [[noreturn]] static void fail(lua_State *L, int index) {
    if (lua_type(L, index) == LUA_TNUMBER || lua_isnumber(L, index))
      detail::throw_no_integer_representation(L, index, detail::type_name<T>());
    detail::throw_type_mismatch(L, index, "number", detail::type_name<T>());
  }
};

template <std::floating_point T>
struct Converter<T> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, T value) { lua_pushnumber(L, static_cast<lua_Number>(value)); }
  static T get(lua_State *L, int index) {
    int is_number = 0;
    lua_Number value = lua_tonumberx(L, index, &is_number);
    if (!is_number) detail::throw_type_mismatch(L, index, "number", detail::type_name<T>());
    return static_cast<T>(value);
  }
  static bool is(lua_State *L, int index) { return lua_type(L, index) == LUA_TNUMBER; }
};

template <class T>
  requires std::is_enum_v<T>
struct Converter<T> {
  using Underlying = std::underlying_type_t<T>;
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, T value) { Converter<Underlying>::push(L, static_cast<Underlying>(value)); }
  static T get(lua_State *L, int index) { return static_cast<T>(Converter<Underlying>::get(L, index)); }
  static bool is(lua_State *L, int index) { return Converter<Underlying>::is(L, index); }
};

// Strings are binary-safe: embedded zeros survive both ways. A number converts to its
// string form, as everywhere in Lua.
template <>
struct Converter<std::string_view> {
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // lua_pushlstring, nothing else
  static void push(lua_State *L, std::string_view value) { lua_pushlstring(L, value.data(), value.size()); }
  // The view points into the Lua string, valid while that value stays on the stack.
  static std::string_view get(lua_State *L, int index) {
    int type = lua_type(L, index);
    if (type == LUA_TNUMBER) detail::number_to_string_in_place(L, index);
    else if (type != LUA_TSTRING) detail::throw_type_mismatch(L, index, "string", "std::string_view");
    std::size_t length = 0;
    const char *text = lua_tolstring(L, index, &length);
    return {text, length};
  }
  static bool is(lua_State *L, int index) { return lua_type(L, index) == LUA_TSTRING; }
};

template <>
struct Converter<std::string> {
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // lua_pushlstring, nothing else
  static void push(lua_State *L, const std::string &value) { lua_pushlstring(L, value.data(), value.size()); }
  static std::string get(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TSTRING && lua_type(L, index) != LUA_TNUMBER)
      detail::throw_type_mismatch(L, index, "string", "std::string");
    return std::string(Converter<std::string_view>::get(L, index));
  }
  static bool is(lua_State *L, int index) { return lua_type(L, index) == LUA_TSTRING; }
};

template <>
struct Converter<const char *> {
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // lua_pushlstring, nothing else
  static void push(lua_State *L, const char *value) {
    if (value == nullptr) lua_pushnil(L);
    else lua_pushstring(L, value);
  }
  static const char *get(lua_State *L, int index) { return Converter<std::string_view>::get(L, index).data(); }
  static bool is(lua_State *L, int index) { return lua_type(L, index) == LUA_TSTRING; }
};

template <std::size_t N>
struct Converter<char[N]> {
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // lua_pushlstring, nothing else
  static void push(lua_State *L, const char (&value)[N]) { lua_pushstring(L, value); }
  static bool is(lua_State *L, int index) { return lua_type(L, index) == LUA_TSTRING; }
};

// nil: nullptr and std::nullopt push nil; reading them requires nil (or nothing).
template <class T>
  requires std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>
struct Converter<T> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const T &) { lua_pushnil(L); }
  static T get(lua_State *L, int index) {
    if (!lua_isnoneornil(L, index)) detail::throw_type_mismatch(L, index, "nil", detail::type_name<T>());
    if constexpr (std::is_same_v<T, std::nullptr_t>) return nullptr;
    else return std::nullopt;
  }
  static bool is(lua_State *L, int index) { return lua_isnoneornil(L, index); }
};

}  // namespace luaembed
