// The properties of round_trip.hpp that look at several conversions at once.
#include "round_trip.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <utility>

namespace fuzz {

namespace {

using Choice = std::variant<int, double, std::string>;

// get<T> for a narrower integer type succeeds exactly when the int64_t fits in T, and then
// gives the same integer; and the value survives a trip through Lua.
template <class T>
void agree_with(lua_State *L, int index, const std::optional<std::int64_t> &wide) {
  int top = lua_gettop(L);
  std::optional<T> narrow = try_get<T>(L, index);
  lua_settop(L, top);
  bool fits = wide && std::in_range<T>(*wide);
  if (narrow.has_value() != fits) fail("integer types disagree on whether the value fits", luaembed::detail::type_name<T>());
  if (narrow && !std::cmp_equal(*narrow, *wide)) fail("an integer changed its value", luaembed::detail::type_name<T>());
  check<T>(L, index);
}

// is<T>() true means get<T>() succeeds (std::variant chooses its alternative by is()).
template <class T>
void is_promises_get(lua_State *L, int index) {
  if (!luaembed::Converter<T>::is(L, index)) return;
  int top = lua_gettop(L);
  bool converted = try_get<T>(L, index).has_value();
  lua_settop(L, top);
  if (!converted) fail("is<T>() accepted a value that get<T>() refused", luaembed::detail::type_name<T>());
}

// The alternative a variant takes is the first one whose is() accepts the value.
void variant_picks_first(lua_State *L, int index) {
  int top = lua_gettop(L);
  std::optional<Choice> choice = try_get<Choice>(L, index);
  lua_settop(L, top);
  std::size_t expected = luaembed::Converter<int>::is(L, index)      ? 0
                         : luaembed::Converter<double>::is(L, index) ? 1
                         : luaembed::Converter<std::string>::is(L, index) ? 2
                                                                          : std::variant_npos;
  std::size_t actual = choice ? choice->index() : std::variant_npos;
  if (expected != actual) fail("std::variant took another alternative than the first that fits", "std::variant");
}

// Sequences have the length lua_rawlen says.
template <class Sequence>
void has_raw_length(lua_State *L, int index) {
  int top = lua_gettop(L);
  std::optional<Sequence> sequence = try_get<Sequence>(L, index);
  lua_settop(L, top);
  if (sequence && sequence->size() != lua_rawlen(L, index))
    fail("a sequence does not have the table's raw length", luaembed::detail::type_name<Sequence>());
}

void use_table(const luaembed::Table &table, lua_State *L, int index) {
  if (table.raw_length() != lua_rawlen(L, index)) fail("Table::raw_length differs from lua_rawlen", "Table");
  std::size_t pairs = 0;
  for (const auto &[key, value] : table.pairs()) {
    if (key.is_nil()) fail("pairs() produced a nil key", "Table");
    ++pairs;
  }
  std::size_t elements = 0;
  for (const luaembed::Value &element : table.array<luaembed::Value>()) elements += element.is_nil() ? 0 : 1;
  if (elements > pairs) fail("array() saw more elements than pairs()", "Table");
  (void)table.metatable();
  try {   // these run metamethods: any error is the value's own
    (void)table.length();
    (void)table.get<luaembed::Value>(1);
    (void)table.get<luaembed::Value>("__index");
    table.set("fuzz", 1);
  } catch (const luaembed::Error &) {
  }
}

void use_function(const luaembed::Function &function, const luaembed::Value &argument) {
  bool threw = false;
  try {
    (void)function.call<luaembed::Value>(argument);
  } catch (const luaembed::Error &) {
    threw = true;
  }
  try {
    luaembed::Result<luaembed::Value> result = function.try_call<luaembed::Value>(argument);
    if (result.ok() == threw) fail("call and try_call disagree on the same call", "Function");
  } catch (const luaembed::Error &) {
  }
}

}  // namespace

void check_integers(lua_State *L, int index) {
  int top = lua_gettop(L);
  std::optional<std::int64_t> wide = try_get<std::int64_t>(L, index);
  lua_settop(L, top);
  check<std::int64_t>(L, index);
  agree_with<std::int8_t>(L, index, wide);
  agree_with<std::uint8_t>(L, index, wide);
  agree_with<std::int16_t>(L, index, wide);
  agree_with<std::uint16_t>(L, index, wide);
  agree_with<std::int32_t>(L, index, wide);
  agree_with<std::uint32_t>(L, index, wide);
  agree_with<std::uint64_t>(L, index, wide);
  agree_with<long long>(L, index, wide);
  agree_with<unsigned long>(L, index, wide);
}

void check_consistency(lua_State *L, int index) {
  is_promises_get<bool>(L, index);
  is_promises_get<int>(L, index);
  is_promises_get<std::uint64_t>(L, index);
  is_promises_get<double>(L, index);
  is_promises_get<std::string>(L, index);
  is_promises_get<std::string_view>(L, index);
  is_promises_get<std::optional<int>>(L, index);
  is_promises_get<Choice>(L, index);
  is_promises_get<luaembed::Table>(L, index);
  is_promises_get<luaembed::Function>(L, index);
  variant_picks_first(L, index);
  has_raw_length<std::vector<int>>(L, index);
  has_raw_length<std::vector<std::optional<std::string>>>(L, index);
  has_raw_length<std::array<int, 3>>(L, index);
}

void use_handles(lua_State *L, int index) {
  luaembed::Value value(L, index);
  if (static_cast<int>(value.type()) != lua_type(L, index)) fail("Value::type differs from lua_type", "Value");
  luaembed::Value copy = value;
  luaembed::Value moved = std::move(copy);
  if (!same(L, value, moved)) fail("a copied handle refers to another value", "Value");
  try {
    (void)value.to_string();   // __tostring and __name may fail
  } catch (const luaembed::Error &) {
  }
  if (lua_istable(L, index)) use_table(luaembed::Table(L, index), L, index);
  if (lua_isfunction(L, index)) use_function(luaembed::Function(L, index), value);
}

}  // namespace fuzz
