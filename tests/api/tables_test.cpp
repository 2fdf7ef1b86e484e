// Tables: get and set with and without metamethods, length, iteration, nesting, metatables.
#include "fixture.hpp"

using namespace luaembed;

TEST_F(Api, GlobalsReadAndWriteWithConversion) {
  lua["answer"] = 42;
  lua["name"] = std::string("lua");
  EXPECT_EQ(lua.eval<int>("answer"), 42);
  EXPECT_EQ(lua["name"].get<std::string>(), "lua");
  int answer = lua["answer"];
  EXPECT_EQ(answer, 42);
  EXPECT_EQ(lua["missing"].type(), Type::Nil);
  EXPECT_TRUE(lua["answer"].is<int>());
  EXPECT_FALSE(lua["name"].is<int>());
}

TEST_F(Api, NestedAccessThroughProxies) {
  lua.exec("config = { window = { size = { width = 640 } } }");
  EXPECT_EQ(lua["config"]["window"]["size"]["width"].get<int>(), 640);
  lua["config"]["window"]["title"] = "demo";
  EXPECT_EQ(lua.eval<std::string>("config.window.title"), "demo");
  EXPECT_ERROR(lua["config"]["window"]["title"]["x"].get<int>(), ConversionError,
               "cannot convert Lua string to luaembed::Table (table expected)");
}

TEST_F(Api, CreateTableWithSizeHintsAndFillIt) {
  Table table = lua.create_table(3, 1);
  for (int i = 1; i <= 3; ++i) table.set(i, i * 10);
  table.set("name", "t");
  lua["t"] = table;
  EXPECT_EQ(lua.eval<std::string>("table.concat(t, ',') .. ' ' .. t.name"), "10,20,30 t");
  EXPECT_EQ(table.length(), 3);
  EXPECT_EQ(table.raw_length(), 3u);
}

TEST_F(Api, GetAndSetHonourMetamethodsAndRawDoesNot) {
  Table table = lua.eval<Table>(R"(
    local log = {}
    return setmetatable({}, {
      __index = function(_, key) return "default " .. key end,
      __newindex = function(t, key, value) rawset(t, key, value * 2) end,
      __len = function() return 99 end,
    }))");
  EXPECT_EQ(table.get<std::string>("x"), "default x");
  EXPECT_EQ(table.raw_get<Value>("x").type(), Type::Nil);
  table.set("doubled", 5);
  EXPECT_EQ(table.raw_get<int>("doubled"), 10);
  table.raw_set("plain", 5);
  EXPECT_EQ(table.get<int>("plain"), 5);
  EXPECT_EQ(table.length(), 99);
  EXPECT_EQ(table.raw_length(), 0u);
}

TEST_F(Api, ErrorsInMetamethodsBecomeExceptions) {
  Table table = lua.eval<Table>("setmetatable({}, {__index = function() error('no such key', 0) end})");
  EXPECT_ERROR(table.get<int>("x"), RuntimeError, "no such key");
}

TEST_F(Api, IterationOverPairsAndTheArrayPart) {
  Table table = lua.eval<Table>("{10, 20, 30, name = 'n'}");
  std::map<std::string, std::string> seen;
  for (const auto &[key, value] : table.pairs()) seen[key.to_string()] = value.to_string();
  EXPECT_EQ(seen, (std::map<std::string, std::string>{{"1", "10"}, {"2", "20"}, {"3", "30"}, {"name", "n"}}));
  std::vector<int> numbers;
  for (int number : table.array<int>()) numbers.push_back(number);
  EXPECT_EQ(numbers, (std::vector<int>{10, 20, 30}));
  int count = 0;
  for (const auto &pair : lua.create_table().pairs()) count += pair.first.is_nil() ? 0 : 1;
  EXPECT_EQ(count, 0);
}

TEST_F(Api, MetatablesGetAndSet) {
  Table table = lua.create_table();
  EXPECT_FALSE(table.metatable().has_value());
  Table meta = lua.eval<Table>("{__index = {greeting = 'hi'}}");
  table.set_metatable(meta);
  EXPECT_EQ(table.get<std::string>("greeting"), "hi");
  ASSERT_TRUE(table.metatable().has_value());
  table.set_metatable(std::nullopt);
  EXPECT_EQ(table.get<Value>("greeting").type(), Type::Nil);
}

TEST_F(Api, RegistryHoldsValuesOfTheApplication) {
  lua.registry().set("my.app.config", 7);
  EXPECT_EQ(lua.registry().get<int>("my.app.config"), 7);
  EXPECT_EQ(lua.eval<Value>("my").type(), Type::Nil);  // not a global
}
