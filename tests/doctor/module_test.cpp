// examine_module on Debian's modules for every Lua and on the fixture modules.
#include <luaembed/doctor/module.hpp>

#include "run_command.hpp"

#include <gtest/gtest.h>

using namespace luaembed::doctor;
using doctor_test::debian_module;
using doctor_test::module;

namespace {

ModuleReport examine_module_file(const std::string &path) { return examine_module(path, system_library_search()); }

VersionSet set(std::initializer_list<LuaVersion> versions) {
  VersionSet result;
  for (LuaVersion version : versions) result.add(version);
  return result;
}

}  // namespace

TEST(Module, DebiansCjsonForEachLua) {
  using enum LuaVersion;
  EXPECT_EQ(examine_module_file(debian_module("5.1/cjson")).built_for, set({lua51, luajit}));
  EXPECT_EQ(examine_module_file(debian_module("5.2/cjson")).built_for, set({lua52}));
  EXPECT_EQ(examine_module_file(debian_module("5.3/cjson")).built_for, set({lua53}));
  ModuleReport cjson = examine_module_file(debian_module("5.4/cjson"));
  EXPECT_EQ(cjson.built_for, set({lua54}));
  EXPECT_EQ(cjson.describe_built_for(), "Lua 5.4");
  EXPECT_EQ(cjson.entry_points, (std::vector<std::string>{"luaopen_cjson", "luaopen_cjson_safe"}));
  EXPECT_EQ(cjson.api_needed.size(), 35u);
  EXPECT_TRUE(cjson.unknown_api.empty());
  EXPECT_FALSE(cjson.brings_lua_core());
}

TEST(Module, DebiansOtherModules) {
  using enum LuaVersion;
  ModuleReport lpeg51 = examine_module_file(debian_module("5.1/lpeg"));   // luaL_register, lua_objlen
  EXPECT_EQ(lpeg51.built_for, set({lua51, luajit}));
  EXPECT_EQ(lpeg51.describe_built_for(), "Lua 5.1 or LuaJIT 2.1");
  EXPECT_EQ(examine_module_file(debian_module("5.4/lpeg")).built_for, set({lua54}));
  EXPECT_EQ(examine_module_file(debian_module("5.4/socket/core")).entry_points, std::vector<std::string>{"luaopen_socket_core"});
}

TEST(Module, LinkedAgainstSharedLiblua) {
  ModuleReport linked = examine_module_file(module("module_linked"));
  ASSERT_EQ(linked.linked_lua.size(), 1u);
  EXPECT_EQ(linked.linked_lua[0].needed_name, "liblua5.4.so.0");
  EXPECT_EQ(linked.linked_lua[0].core.versions, set({LuaVersion::lua54}));
  EXPECT_FALSE(linked.contained_core.found());
  // It imports only names every Lua has; the library it links says 5.4.
  EXPECT_EQ(linked.api_needed, (std::vector<std::string>{"lua_createtable", "lua_pushstring", "lua_setfield"}));
  EXPECT_EQ(linked.built_for, set({LuaVersion::lua54}));
}

TEST(Module, ContainingALuaCore) {
  ModuleReport core = examine_module_file(module("module_core"));
  EXPECT_TRUE(core.contained_core.found());
  EXPECT_EQ(core.contained_core.versions, set({LuaVersion::lua54}));
  EXPECT_TRUE(core.contained_core.release.starts_with("Lua 5.4.")) << core.contained_core.release;
  EXPECT_TRUE(core.api_needed.empty());   // it defines the API itself
  EXPECT_EQ(core.built_for, set({LuaVersion::lua54}));
}

TEST(Module, OfNoKnownLua) {
  ModuleReport mixed = examine_module_file(module("module_mixed"));
  EXPECT_TRUE(mixed.built_for.empty());
  EXPECT_EQ(mixed.unknown_api, (std::vector<std::string>{"lua_doctor_made_up", "lua_objlen"}));
  EXPECT_EQ(mixed.describe_built_for(), "an unknown Lua (no Lua's API has all it imports)");
}

TEST(Module, NeedingALibraryFoundNowhere) {
  ModuleReport gone = examine_module_file(module("module_needs_gone"));
  EXPECT_EQ(gone.libraries.not_found, std::vector<std::string>{"libdoctor_gone.so"});
}
