// The API catalog against the files it was generated from and the Lua Debian runs.
#include <luaembed/doctor/api_catalog.hpp>
#include <luaembed/doctor/binary.hpp>

#include "doctor_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

using namespace luaembed::doctor;

namespace {

std::string read_file(const std::string &path) {
  std::ifstream input(path);
  std::stringstream text;
  text << input.rdbuf();
  return text.str();
}

std::vector<std::string> names(LuaVersion version) {
  auto api = lua_api(version);
  return {api.begin(), api.end()};
}

}  // namespace

TEST(Catalog, Lua54IsTheListLuaembedExportsWith) {
  std::string list = read_file(fixtures::lua54_api_list);
  std::vector<std::string> from_list;
  std::regex entry("\n  ([A-Za-z_][A-Za-z0-9_]*);");
  for (std::sregex_iterator it(list.begin(), list.end(), entry), end; it != end; ++it) from_list.push_back((*it)[1]);
  EXPECT_EQ(from_list.size(), 154u);
  EXPECT_EQ(names(LuaVersion::lua54), from_list);
  EXPECT_EQ(dynamic_list(LuaVersion::lua54), list);   // the same file, byte for byte
}

TEST(Catalog, SizesOfDebiansLuas) {
  EXPECT_EQ(lua_api(LuaVersion::lua51).size(), 123u);
  EXPECT_EQ(lua_api(LuaVersion::lua52).size(), 150u);
  EXPECT_EQ(lua_api(LuaVersion::lua53).size(), 147u);
  EXPECT_EQ(lua_api(LuaVersion::lua54).size(), 154u);
  EXPECT_EQ(lua_api(LuaVersion::luajit).size(), 147u);
  for (LuaVersion version : all_lua_versions) EXPECT_TRUE(std::ranges::is_sorted(lua_api(version))) << short_name(version);
}

TEST(Catalog, NamesThatTellVersionsApart) {
  auto set = [](std::initializer_list<LuaVersion> versions) {
    VersionSet result;
    for (LuaVersion version : versions) result.add(version);
    return result;
  };
  using enum LuaVersion;
  EXPECT_EQ(versions_declaring("lua_newuserdatauv"), set({lua54}));
  EXPECT_EQ(versions_declaring("lua_newuserdata"), set({lua51, lua52, lua53, luajit}));
  EXPECT_EQ(versions_declaring("lua_callk"), set({lua52, lua53, lua54}));
  EXPECT_EQ(versions_declaring("luaL_register"), set({lua51, luajit}));
  EXPECT_EQ(versions_declaring("lua_objlen"), set({lua51, luajit}));
  EXPECT_EQ(versions_declaring("luaJIT_setmode"), set({luajit}));
  EXPECT_EQ(versions_declaring("lua_pushnil"), VersionSet::all());
  EXPECT_TRUE(versions_declaring("luaV_execute").empty());   // internal, not API
}

TEST(Catalog, ShapeOfApiNames) {
  EXPECT_TRUE(looks_like_lua_api("lua_checkstack"));
  EXPECT_TRUE(looks_like_lua_api("luaL_checklstring"));
  EXPECT_TRUE(looks_like_lua_api("luaopen_cjson"));
  EXPECT_TRUE(looks_like_lua_api("luaJIT_setmode"));
  EXPECT_FALSE(looks_like_lua_api("luaV_execute"));
  EXPECT_FALSE(looks_like_lua_api("malloc"));
}

// The default compiled into Debian's own lua5.4 and libluajit: what the catalog read from the archives.
TEST(Catalog, DefaultCpathIsTheOneDebiansLuaSearches) {
  EXPECT_EQ(read_binary("/usr/bin/lua5.4").cpath_defaults, std::vector<std::string>{std::string(debian_default_cpath(LuaVersion::lua54))});
  EXPECT_EQ(debian_default_cpath(LuaVersion::lua54),
            "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;"
            "/usr/local/lib/lua/5.4/loadall.so;./?.so");
  EXPECT_EQ(debian_default_cpath(LuaVersion::luajit),
            "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so");
}

TEST(LuaVersion, NamesAndSets) {
  EXPECT_EQ(parse_lua_version("5.4"), LuaVersion::lua54);
  EXPECT_EQ(parse_lua_version("lua5.1"), LuaVersion::lua51);
  EXPECT_EQ(parse_lua_version("luajit"), LuaVersion::luajit);
  EXPECT_EQ(parse_lua_version("5.9"), std::nullopt);
  EXPECT_EQ(parse_lua_version(""), std::nullopt);
  EXPECT_EQ(dynamic_list_file_name(LuaVersion::lua54), "lua54.dynlist");
  EXPECT_EQ(dynamic_list_file_name(LuaVersion::luajit), "luajit.dynlist");
  VersionSet set;
  EXPECT_EQ(describe(set), "no known Lua");
  set.add(LuaVersion::lua51);
  EXPECT_EQ(describe(set), "Lua 5.1");
  set.add(LuaVersion::luajit);
  EXPECT_EQ(describe(set), "Lua 5.1 or LuaJIT 2.1");
  EXPECT_EQ(describe(VersionSet::all()), "Lua 5.1, 5.2, 5.3, 5.4 or LuaJIT 2.1");
  EXPECT_EQ(VersionSet::all().size(), 5u);
  EXPECT_EQ(VersionSet::of(LuaVersion::lua53).single(), LuaVersion::lua53);
}
