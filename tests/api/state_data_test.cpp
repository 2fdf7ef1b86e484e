// Data the application keeps on the state, and warnings routed to C++.
#include "fixture.hpp"

using namespace luaembed;

struct Settings {
  std::string name;
};

TEST_F(Api, AppDataIsTypedAndReachableFromCallbacks) {
  EXPECT_EQ(lua.app_data<Settings>(), nullptr);
  lua.set_app_data(Settings{"first"});
  lua.app_data<Settings>()->name += "!";
  lua["setting_name"] = [](StateView state) { return state.app_data<Settings>()->name; };
  EXPECT_EQ(lua.eval<std::string>("setting_name()"), "first!");
  EXPECT_TRUE(lua.remove_app_data<Settings>());
  EXPECT_FALSE(lua.remove_app_data<Settings>());
  EXPECT_EQ(lua.app_data<Settings>(), nullptr);
}

TEST_F(Api, WarningsReachTheHandlerWhole) {
  std::vector<std::string> warnings;
  lua.set_warning_handler([&](std::string_view message) { warnings.emplace_back(message); });
  lua.exec("warn('disk ', 'almost ', 'full') warn('@off') warn('hidden') warn('@on') warn('back')");
  EXPECT_EQ(warnings, (std::vector<std::string>{"disk almost full", "back"}));
}
