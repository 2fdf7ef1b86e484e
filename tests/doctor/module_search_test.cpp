// Finding modules by name: which cpath, which file, which luaopen_ function.
#include <luaembed/doctor/api_catalog.hpp>
#include <luaembed/doctor/error.hpp>
#include <luaembed/doctor/module_search.hpp>

#include "run_command.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace luaembed::doctor;

namespace {

EnvironmentLookup environment(std::map<std::string, std::string> variables) {
  return [variables](std::string_view name) -> std::optional<std::string> {
    auto found = variables.find(std::string(name));
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace

TEST(ModuleSearch, WhichCpath) {
  auto none = environment({});
  auto both = environment({{"LUA_CPATH_5_4", "/a/?.so"}, {"LUA_CPATH", "/b/?.so"}});
  EXPECT_EQ(choose_cpath("/c/?.so", LuaVersion::lua54, "", both).cpath, "/c/?.so");
  EXPECT_EQ(choose_cpath(std::nullopt, LuaVersion::lua54, "", both).origin, "LUA_CPATH_5_4");
  EXPECT_EQ(choose_cpath(std::nullopt, LuaVersion::lua51, "", both).cpath, "/b/?.so");   // 5.1 reads LUA_CPATH only
  EXPECT_EQ(choose_cpath(std::nullopt, LuaVersion::lua54, "/host/?.so;./?.so", none).cpath, "/host/?.so;./?.so");
  ModuleSearchPath debian = choose_cpath(std::nullopt, LuaVersion::lua53, "", none);
  EXPECT_EQ(debian.cpath, debian_default_cpath(LuaVersion::lua53));
  EXPECT_EQ(debian.origin, "Debian's default for Lua 5.3");
  // ";;" stands for the default, as in Lua's setpath.
  EXPECT_EQ(choose_cpath(std::nullopt, LuaVersion::lua54, "/d/?.so", environment({{"LUA_CPATH", "/e/?.so;;/f/?.so"}})).cpath,
            "/e/?.so;/d/?.so;/f/?.so");
  EXPECT_EQ(choose_cpath(std::nullopt, LuaVersion::lua54, "/d/?.so", environment({{"LUA_CPATH", ";;"}})).cpath, "/d/?.so");
}

TEST(ModuleSearch, NamesAndEntryPoints) {
  EXPECT_TRUE(looks_like_module_name("cjson"));
  EXPECT_TRUE(looks_like_module_name("socket.core"));
  EXPECT_FALSE(looks_like_module_name("cjson.so"));
  EXPECT_FALSE(looks_like_module_name("./cjson"));
  EXPECT_FALSE(looks_like_module_name("liblua5.4-cjson.so.0"));
  EXPECT_EQ(entry_points_for("socket.core"), std::vector<std::string>{"luaopen_socket_core"});
  EXPECT_EQ(entry_points_for("mod-v2"), (std::vector<std::string>{"luaopen_mod", "luaopen_v2"}));
}

TEST(ModuleSearch, FindsDebiansModules) {
  ModuleSearchPath debian{std::string(debian_default_cpath(LuaVersion::lua54)), "test"};
  FoundModule core = find_module("socket.core", debian);
  EXPECT_EQ(core.path, doctor_test::debian_module("5.4/socket/core"));
  EXPECT_EQ(core.tried, std::vector<std::string>{"/usr/local/lib/lua/5.4/socket/core.so"});
  try {
    find_module("no_such_module", debian);
    FAIL() << "no error";
  } catch (const Error &error) {
    std::string message = error.what();
    EXPECT_NE(message.find("module 'no_such_module' not found in the cpath (test); tried:\n"
                           "  /usr/local/lib/lua/5.4/no_such_module.so\n"),
              std::string::npos) << message;
    EXPECT_NE(message.find("  ./no_such_module.so\n"), std::string::npos) << message;
  }
}
