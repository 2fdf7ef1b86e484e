// examine_host on every fixture host: where its Lua is, which version, what it exports.
#include <luaembed/doctor/api_catalog.hpp>
#include <luaembed/doctor/host.hpp>

#include "doctor_fixtures.hpp"
#include "run_command.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace luaembed::doctor;
using doctor_test::host;
using ::testing::Contains;
using ::testing::Not;

namespace {

HostReport examine_host_file(const std::string &path) { return examine_host(path, system_library_search()); }

}  // namespace

TEST(Host, PlainHostExportsNothing) {
  HostReport report = examine_host_file(host("host_plain"));
  EXPECT_TRUE(report.dynamically_linked);
  EXPECT_EQ(report.linkage, LuaLinkage::linked_statically);
  EXPECT_EQ(report.version, LuaVersion::lua54);
  EXPECT_EQ(report.core.evidence, CoreEvidence::version_string);
  EXPECT_EQ(report.api_size, 154u);
  EXPECT_EQ(report.api_exported.size(), 0u);
  EXPECT_EQ(report.api_missing.size(), 154u);
  // Linked plainly, only what the host calls is in it: luaL_newstate is, luaL_openlibs is not.
  EXPECT_THAT(report.missing_but_linked, Contains("luaL_newstate"));
  EXPECT_THAT(report.missing_but_linked, Not(Contains("luaL_openlibs")));
  EXPECT_LT(report.missing_but_linked.size(), 154u);
}

TEST(Host, VersionScriptAloneHidesAllOfIt) {
  HostReport report = examine_host_file(host("host_version_script"));
  EXPECT_EQ(report.api_exported.size(), 0u);
  EXPECT_EQ(report.missing_but_linked.size(), 154u);   // whole archive: all there, none exported
}

TEST(Host, ExportDynamicExportsTheApiAndMore) {
  HostReport report = examine_host_file(host("host_export_dynamic"));
  EXPECT_EQ(report.api_exported.size(), 154u);
  EXPECT_GT(report.binary.exports.size(), 154u + 3u);
}

TEST(Host, LuaembedExportsTheWholeApi) {
  for (const char *name : {"host_luaembed", "host_luaembed_stripped"}) {
    HostReport report = examine_host_file(host(name));
    EXPECT_EQ(report.linkage, LuaLinkage::linked_statically) << name;
    EXPECT_EQ(report.version, LuaVersion::lua54) << name;
    EXPECT_EQ(report.api_exported.size(), 154u) << name;
    EXPECT_TRUE(report.exports_whole_api()) << name;
  }
}

TEST(Host, StrippedPlainHostIsKnownFromItsVersionString) {
  HostReport report = examine_host_file(host("host_plain_stripped"));
  EXPECT_FALSE(report.binary.has_symbol_table);
  EXPECT_EQ(report.core.evidence, CoreEvidence::version_string);
  EXPECT_EQ(report.version, LuaVersion::lua54);
  EXPECT_EQ(report.api_exported.size(), 0u);
  EXPECT_TRUE(report.missing_but_linked.empty());   // no symbol table to tell
}

TEST(Host, ExportWithoutWholeArchive) {
  HostReport report = examine_host_file(host("host_not_whole"));
  EXPECT_GT(report.api_exported.size(), 0u);
  EXPECT_LT(report.api_exported.size(), 154u);
  EXPECT_THAT(report.api_exported, Contains("lua_checkstack"));
  EXPECT_THAT(report.api_missing, Contains("luaL_openlibs"));
  EXPECT_TRUE(report.missing_but_linked.empty());   // what it exports is all it has
}

TEST(Host, SharedLiblua) {
  HostReport report = examine_host_file(host("host_shared"));
  EXPECT_EQ(report.linkage, LuaLinkage::shared_library);
  ASSERT_TRUE(report.core_library);
  EXPECT_TRUE(report.core_library->filename().string().starts_with("liblua5.4.so")) << *report.core_library;
  EXPECT_EQ(report.version, LuaVersion::lua54);
  EXPECT_EQ(report.api_exported.size(), 154u);
}

TEST(Host, PrivateLibluaThroughRunpath) {
  HostReport report = examine_host_file(host("host_private_lua"));
  EXPECT_EQ(report.binary.runpath, std::vector<std::string>{"$ORIGIN/../private_lua"});
  EXPECT_EQ(report.linkage, LuaLinkage::shared_library);
  ASSERT_TRUE(report.core_library);
  EXPECT_EQ(std::filesystem::weakly_canonical(*report.core_library),
            std::filesystem::weakly_canonical(std::string(fixtures::hosts) + "/../private_lua/liblua5.4.so.0"));
  EXPECT_EQ(report.api_exported.size(), 154u);
  // The dynamic loader makes the same choice.
  std::string loaded = doctor_test::run_command({"ldd", host("host_private_lua")}).output;
  std::size_t start = loaded.find("liblua5.4.so.0 => ");
  ASSERT_NE(start, std::string::npos) << loaded;
  start += std::string_view("liblua5.4.so.0 => ").size();
  std::string by_loader = loaded.substr(start, loaded.find(" (", start) - start);
  EXPECT_EQ(std::filesystem::weakly_canonical(by_loader), std::filesystem::weakly_canonical(*report.core_library));
}

TEST(Host, StaticProgram) {
  HostReport report = examine_host_file(host("host_static"));
  EXPECT_FALSE(report.dynamically_linked);
  EXPECT_EQ(report.linkage, LuaLinkage::linked_statically);
  EXPECT_EQ(report.api_exported.size(), 0u);
  EXPECT_TRUE(report.libraries.libraries.empty());
}

TEST(Host, OtherVersions) {
  HostReport lua51 = examine_host_file(host("host_lua51"));
  EXPECT_EQ(lua51.version, LuaVersion::lua51);
  EXPECT_EQ(lua51.api_exported.size(), 123u);
  HostReport luajit = examine_host_file(host("host_luajit"));
  EXPECT_EQ(luajit.version, LuaVersion::luajit);
  EXPECT_EQ(luajit.api_exported.size(), 147u);
  HostReport lua53 = examine_host_file(host("host_lua53_plain"));
  EXPECT_EQ(lua53.version, LuaVersion::lua53);
  EXPECT_EQ(lua53.api_size, 147u);
  EXPECT_EQ(lua53.api_exported.size(), 0u);
}

TEST(Host, DebiansOwnInterpreter) {
  HostReport report = examine_host_file("/usr/bin/lua5.4");   // Debian links it statically, exporting the API
  EXPECT_EQ(report.linkage, LuaLinkage::linked_statically);
  EXPECT_EQ(report.api_exported.size(), 154u);
}

// Debian's Lua 5.1 compiled as C++: no version string (lua_ident is unused, hence dropped).
// Its symbols alone, luaL_openlib (5.1's luaI_openlib renamed by a macro) among them, say 5.1.
TEST(Host, CoreJudgedByItsSymbolsAlone) {
  HostReport report = examine_host_file("/usr/lib/x86_64-linux-gnu/liblua5.1-c++.so.0");
  EXPECT_EQ(report.core.evidence, CoreEvidence::symbols);
  EXPECT_EQ(report.core.versions, VersionSet::of(LuaVersion::lua51));
  EXPECT_EQ(report.version, LuaVersion::lua51);
  EXPECT_EQ(report.api_exported.size(), 123u);
}

// Inside a running program, as a host explaining a failed require would call it.
TEST(Host, TheRunningProcessItself) {
  HostReport report = examine_host_file("/proc/self/exe");
  EXPECT_TRUE(report.dynamically_linked);
  EXPECT_FALSE(report.core.found());   // this test program has no Lua
  EXPECT_FALSE(report.libraries.libraries.empty());
  EXPECT_TRUE(report.libraries.not_found.empty());
}

// Negative control: a program with no Lua, though it holds Lua's names in its own strings.
TEST(Host, TheDoctorItselfHasNoLua) {
  HostReport report = examine_host_file(fixtures::doctor);
  EXPECT_EQ(report.linkage, LuaLinkage::none);
  EXPECT_FALSE(report.core.found());
  EXPECT_FALSE(report.version);
  EXPECT_TRUE(report.binary.lua_releases.empty());
}
