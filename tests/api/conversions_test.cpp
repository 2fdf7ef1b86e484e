// Conversions between C++ and Lua, with their edge cases.
#include "fixture.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

using namespace luaembed;

template <class T>
T round_trip(State &lua, const T &value) {
  return lua.load("return ...", "=echo").call<T>(value);
}

TEST_F(Api, BooleansFollowLuaTruth) {
  EXPECT_TRUE(round_trip(lua, true));
  EXPECT_FALSE(lua.eval<bool>("nil"));
  EXPECT_TRUE(lua.eval<bool>("0"));  // only nil and false are false
}

// Lua's exact integers: all of lua_Integer from Lua 5.3 on; before (and in LuaJIT), numbers
// are doubles, exact up to 2^53 (tests/versions holds the rest of that story).
TEST_F(Api, IntegersRoundTripAtTheirLimits) {
  EXPECT_EQ(round_trip(lua, luaembed::compat::min_integer), luaembed::compat::min_integer);
  EXPECT_EQ(round_trip(lua, luaembed::compat::max_integer), luaembed::compat::max_integer);
  if (version_num >= 503) {
    EXPECT_EQ(round_trip(lua, std::numeric_limits<int64_t>::max()), std::numeric_limits<int64_t>::max());
    EXPECT_EQ(lua.eval<int64_t>("math.mininteger"), std::numeric_limits<int64_t>::min());
  }
  EXPECT_EQ(round_trip<uint8_t>(lua, 255), 255);
}

TEST_F(Api, IntegersOutOfRangeAreErrorsNamingBothTypes) {
  EXPECT_ERROR(lua.eval<uint8_t>("300"), ConversionError,
               "cannot convert Lua integer 300 to unsigned char: out of range");
  EXPECT_ERROR(lua.eval<int32_t>(version_num >= 503 ? "2^40 // 1" : "2^40"), ConversionError,
               "cannot convert Lua integer 1099511627776 to int: out of range");
  EXPECT_ERROR(lua.eval<unsigned>("-1"), ConversionError, "cannot convert Lua integer -1 to unsigned int: out of range");
  EXPECT_ERROR(round_trip<uint64_t>(lua, std::numeric_limits<uint64_t>::max()), ConversionError,
               "cannot convert 18446744073709551615 to a Lua integer: out of range (largest is " +
                   by_version("9007199254740992: Lua 5.1 numbers are doubles",
                              "9007199254740992: Lua 5.2 numbers are doubles", "9223372036854775807",
                              "9223372036854775807", "9007199254740992: LuaJIT numbers are doubles") +
                   ")");
}

TEST_F(Api, FloatsWithIntegralValuesConvertAsLuaDoes) {
  EXPECT_EQ(lua.eval<int>("3.0"), 3);
  EXPECT_EQ(lua.eval<int>("'12'"), 12);  // numeric strings convert, as in Lua
  EXPECT_ERROR(lua.eval<int>("3.5"), ConversionError,
               "cannot convert Lua number 3.5 to int: it has no integer representation");
  EXPECT_ERROR(lua.eval<int>("'x'"), ConversionError, "cannot convert Lua string to int (number expected)");
  // 2^53 + 1 is not a double: as a float it is 2^53; as an integer (Lua 5.3) it stays exact.
  EXPECT_EQ(lua.eval<int64_t>("2^53 + 1"), 9007199254740992);
#if LUA_VERSION_NUM >= 503
  EXPECT_EQ(lua.eval<int64_t>("(1 << 53) + 1"), 9007199254740993);
  EXPECT_EQ(lua.eval<double>("(1 << 53) + 1"), 9007199254740992.0);
#endif
}

TEST_F(Api, NaNIsAFloatButNoInteger) {
  EXPECT_TRUE(std::isnan(lua.eval<double>("0/0")));
  EXPECT_ERROR(lua.eval<int>("0/0"), ConversionError,
               "cannot convert Lua number -nan to int: it has no integer representation");
  EXPECT_TRUE(lua.load("local x = ... return x ~= x").call<bool>(std::nan("")));
}

TEST_F(Api, StringsAreBinarySafe) {
  std::string with_zeros("a\0b\0c", 5);
  EXPECT_EQ(round_trip(lua, with_zeros), with_zeros);
  EXPECT_EQ(lua.load("return #...").call<int>(with_zeros), 5);
  EXPECT_EQ(lua.eval<std::string>("'x\\0y'"), std::string("x\0y", 3));
  EXPECT_EQ(lua.eval<std::string>("42"), "42");
  EXPECT_EQ(lua.eval<std::string>("1.5"), "1.5");
  EXPECT_EQ(std::string(lua.load("return ...").call<const char *>("c string")), "c string");
  EXPECT_ERROR(lua.eval<std::string>("{}"), ConversionError,
               "cannot convert Lua table to std::string (string expected)");
}

TEST_F(Api, OptionalAndNil) {
  EXPECT_EQ(lua.eval<std::optional<int>>("nil"), std::nullopt);
  EXPECT_EQ(lua.eval<std::optional<int>>("5"), 5);
  EXPECT_EQ(lua.load("return ... == nil").call<bool>(std::optional<int>{}), true);
  EXPECT_EQ(lua.load("return ... == nil").call<bool>(nullptr), true);
  EXPECT_EQ(lua.load("return ... == nil").call<bool>(std::nullopt), true);
  EXPECT_ERROR(lua.eval<std::nullptr_t>("1"), ConversionError, "cannot convert Lua number to std::nullptr_t (nil expected)");
}

TEST_F(Api, VariantTakesTheFirstAlternativeThatMatches) {
  using Number = std::variant<int, double, std::string>;
  EXPECT_EQ(lua.eval<Number>("7"), Number(7));
  EXPECT_EQ(lua.eval<Number>("7.5"), Number(7.5));
  EXPECT_EQ(lua.eval<Number>("'7'"), Number(std::string("7")));
  EXPECT_EQ(lua.eval<Number>("2^60"), Number(std::pow(2.0, 60)));  // a float is not an int
  EXPECT_EQ(round_trip(lua, Number(std::string("s"))), Number(std::string("s")));
  EXPECT_THROW(lua.eval<Number>("{}"), ConversionError);
}

TEST_F(Api, SequencesAndMaps) {
  std::vector<int> numbers{1, 2, 3};
  EXPECT_EQ(round_trip(lua, numbers), numbers);
  EXPECT_EQ(lua.load("return #...").call<int>(numbers), 3);
  std::array<std::string, 2> pair{"a", "b"};
  EXPECT_EQ(round_trip(lua, pair), pair);
  EXPECT_ERROR((lua.eval<std::array<int, 2>>("{1, 2, 3}")), ConversionError,
               "cannot convert a Lua table of 3 elements to std::array<int, 2> (2 expected)");
  std::map<std::string, int> ages{{"ann", 31}, {"bob", 42}};
  EXPECT_EQ(round_trip(lua, ages), ages);
  std::unordered_map<int, std::string> names{{1, "one"}, {2, "two"}};
  EXPECT_EQ(round_trip(lua, names), names);
  EXPECT_EQ((lua.eval<std::map<std::string, std::vector<int>>>("{a = {1}, b = {2, 3}}")),
            (std::map<std::string, std::vector<int>>{{"a", {1}}, {"b", {2, 3}}}));
}

TEST_F(Api, EmptyTablesAndNilHoles) {
  EXPECT_TRUE(lua.eval<std::vector<int>>("{}").empty());
  EXPECT_TRUE((lua.eval<std::map<std::string, int>>("{}")).empty());
  // The length of a table with a hole is any border: PUC Lua says 3 here, LuaJIT 1.
  if (luajit) {
    EXPECT_EQ(lua.eval<std::vector<std::optional<int>>>("{1, nil, 3}"), (std::vector<std::optional<int>>{1}));
  } else {
    EXPECT_EQ(lua.eval<std::vector<std::optional<int>>>("{1, nil, 3}"),
              (std::vector<std::optional<int>>{1, std::nullopt, 3}));
    EXPECT_ERROR(lua.eval<std::vector<int>>("{1, nil, 3}"), ConversionError,
                 "cannot convert Lua nil to int (number expected)");
  }
  EXPECT_ERROR(lua.eval<std::vector<int>>("5"), ConversionError,
               "cannot convert Lua number to std::vector<int> (table expected)");
}

TEST_F(Api, MapKeysThatAreNumbersConvertWithoutBreakingTraversal) {
  auto map = lua.eval<std::map<std::string, int>>("{[1] = 10, [2] = 20, x = 30}");
  EXPECT_EQ(map, (std::map<std::string, int>{{"1", 10}, {"2", 20}, {"x", 30}}));
}

enum class Color { Red = 1, Green = 2 };

TEST_F(Api, EnumsTravelAsTheirValues) {
  EXPECT_EQ(lua.load("return ... + 1").call<Color>(Color::Red), Color::Green);
}

TEST_F(Api, PairsAndTuplesAreMultipleValues) {
  auto [first, second] = lua.eval<std::pair<int, std::string>>("return 1, 'x'");
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, "x");
  auto [a, missing] = lua.eval<std::tuple<int, std::optional<int>>>("return 1");
  EXPECT_EQ(a, 1);
  EXPECT_EQ(missing, std::nullopt);
}

struct Point {
  int x, y;
};

// A user type converts through its own Converter specialization.
template <>
struct luaembed::Converter<Point> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const Point &point) {
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, point.x);
    lua_setfield(L, -2, "x");
    lua_pushinteger(L, point.y);
    lua_setfield(L, -2, "y");
  }
  static Point get(lua_State *L, int index) {
    Table table = luaembed::get<Table>(L, index);
    return {table.get<int>("x"), table.get<int>("y")};
  }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

TEST_F(Api, UserTypesConvertThroughTheCustomizationPoint) {
  Point moved = lua.load("local p = ... return {x = p.x + 1, y = p.y * 2}").call<Point>(Point{1, 2});
  EXPECT_EQ(moved.x, 2);
  EXPECT_EQ(moved.y, 4);
  lua["origin"] = Point{0, 0};
  EXPECT_EQ(lua.eval<int>("origin.x + origin.y"), 0);
}
