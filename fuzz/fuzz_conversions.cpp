// fuzz_conversions: arbitrary Lua values (value_decoder.hpp) converted to every C++ type the
// API supports with get<T>(). A value that does not fit must throw ConversionError, nothing
// else; a value that converts must come back equal after a trip through Lua (push, get), and
// the conversions must agree with each other (an int8_t that converts is the same integer as
// the int64_t). Any disagreement aborts: it is a finding like a crash.
#include "round_trip.hpp"
#include "value_decoder.hpp"

#include <luaembed/luaembed.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace {

using namespace fuzz;

struct Point {
  std::int64_t x = 0, y = 0;
  bool operator==(const Point &) const = default;
};

// Values the decoder copies: functions that misbehave as metamethods (errors, error objects
// whose __tostring fails, yields outside a coroutine, a collection in the middle of a
// conversion), a C++ function, and every kind of userdata.
constexpr std::string_view palette_code = R"(
  local function bad_error() error(setmetatable({}, { __tostring = function() error('again') end })) end
  return {
    function(...) return ... end,
    function() error('boom') end,
    bad_error,
    function(t) return rawlen(t) + 1 end,
    function() return {} end,
    function() return coroutine.yield(1) end,
    function() collectgarbage() return 'collected' end,
    function(_, k) return k end,
    coroutine.create(function() end),
  }
)";

// Pushes the palette on the stack; returns how many values it holds.
int push_palette(luaembed::State &lua) {
  lua_State *L = lua.lua_state();
  int count = 0;
  for (const luaembed::Value &value : lua.eval<luaembed::Table>(palette_code, "=palette").array()) {
    value.push(L);
    ++count;
  }
  luaembed::push(L, lua.function([](std::int64_t n) { return n / 2; }));
  luaembed::push(L, Point{3, -4});
  lua_newuserdatauv(L, 16, 1);
  lua_pushlightuserdata(L, &lua);
  return count + 4;
}

// Every C++ type of the API, converted from the value at index.
void convert_to_everything(lua_State *L, int index) {
  check_integers(L, index);
  check<bool>(L, index);
  check<float>(L, index);
  check<double>(L, index);
  check<std::string>(L, index);
  check<std::string_view>(L, index);
  check<std::optional<int>>(L, index);
  check<std::optional<std::string>>(L, index);
  check<std::variant<int, double, std::string>>(L, index);
  check<std::vector<int>>(L, index);
  check<std::vector<std::optional<std::string>>>(L, index);
  check<std::vector<std::vector<double>>>(L, index);
  check<std::map<std::string, int>>(L, index);
  check<std::unordered_map<int, double>>(L, index);
  check<std::map<std::int64_t, std::variant<bool, std::string>>>(L, index);
  check<std::array<int, 3>>(L, index);
  check<luaembed::Value>(L, index);
  check<luaembed::Table>(L, index);
  check<luaembed::Function>(L, index);
  check<Point>(L, index);
  check<Point *>(L, index);
  check<std::shared_ptr<Point>>(L, index);
  check_consistency(L, index);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  luaembed::State lua({.libraries = luaembed::Libraries::Base | luaembed::Libraries::Coroutine});
  lua.set_warning_handler([](std::string_view) {});   // errors in __gc arrive as warnings
  lua.new_class<Point>("Point").constructor<>().property("x", &Point::x).property("y", &Point::y);
  lua_State *L = lua.lua_state();
  int palette = lua_gettop(L) + 1;
  int palette_size = push_palette(lua);
  ValueDecoder decoder(L, {data, size}, palette, palette_size);
  decoder.push_value();
  int index = lua_gettop(L);
  convert_to_everything(L, index);
  use_handles(L, index);
  lua_settop(L, 0);
  return 0;
}
