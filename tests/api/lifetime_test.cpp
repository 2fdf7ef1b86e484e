// Handles: copies, moves, release, and use after the state is gone.
#include "fixture.hpp"

using namespace luaembed;

TEST_F(Api, HandlesAreCopyableAndMovable) {
  Table original = lua.eval<Table>("{value = 1}");
  Table copy = original;
  Table moved = std::move(copy);
  moved.set("value", 2);
  EXPECT_EQ(original.get<int>("value"), 2);  // one table, three handles
  Value value = lua.eval<Value>("'text'");
  Value other;
  other = value;
  EXPECT_EQ(other.get<std::string>(), "text");
  EXPECT_TRUE(Value().is_nil());
}

TEST_F(Api, HandlesOutliveTheirScopesAndAreReleased) {
  std::vector<Table> kept;
  for (int i = 0; i < 3; ++i) {
    Table table = lua.create_table();
    table.set("i", i);
    kept.push_back(table);
  }
  lua.collect_garbage();
  EXPECT_EQ(kept[2].get<int>("i"), 2);
  // Creating and dropping handles does not grow the registry.
  auto registry_size = [&] { return lua.registry().raw_length(); };
  for (int i = 0; i < 100; ++i) Value v = lua.eval<Value>("{}");
  std::size_t before = registry_size();
  for (int i = 0; i < 1000; ++i) Value v = lua.eval<Value>("{}");
  EXPECT_EQ(registry_size(), before);
}

TEST(Lifetime, AHandleUsedAfterItsStateIsClosedThrows) {
  Table table;
  Function function;
  {
    State lua;
    table = lua.create_table();
    function = lua.load("return 1");
  }
  EXPECT_ERROR(table.get<int>("x"), StateClosedError,
               "a luaembed handle was used after its Lua state was closed; keep the State alive as long as "
               "its Table, Function and Value handles");
  EXPECT_THROW(function.call<int>(), StateClosedError);
  Table copy = table;  // copying and destroying a dead handle is fine
  EXPECT_FALSE(copy.state_alive());
}

TEST(Lifetime, ClosingAStateExplicitly) {
  State lua;
  Value value = lua.eval<Value>("{}");
  lua.close();
  EXPECT_THROW(value.type(), StateClosedError);
  EXPECT_THROW(lua.exec("x = 1"), StateClosedError);
  lua.close();  // twice is fine
}

TEST(Lifetime, AppDataIsDestroyedWithTheState) {
  auto shared = std::make_shared<int>(7);
  {
    State lua;
    lua.set_app_data(shared);
    EXPECT_EQ(shared.use_count(), 2);
  }
  EXPECT_EQ(shared.use_count(), 1);
}
