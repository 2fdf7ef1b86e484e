// judge, judge_require, judge_host and the fixes, with exact results on real pairs.
#include <luaembed/doctor/fixes.hpp>
#include <luaembed/doctor/verdict.hpp>

#include "run_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace luaembed::doctor;
using doctor_test::debian_module;
using doctor_test::host;
using doctor_test::module;

namespace {

const LibrarySearch search = system_library_search();

Verdict judge_files(const std::string &host_path, const std::string &module_path) {
  return judge(examine_host(host_path, search), examine_module(module_path, search));
}

std::vector<std::string> titles(const std::vector<Fix> &fixes) {
  std::vector<std::string> result;
  for (const Fix &fix : fixes) result.push_back(fix.title);
  return result;
}

std::string joined(const Fix &fix) {
  std::string text;
  for (const std::string &line : fix.lines) text += line + "\n";
  return text;
}

}  // namespace

TEST(Verdict, PlainHostMissesEveryNameCjsonNeeds) {
  ModuleReport cjson = examine_module(debian_module("5.4/cjson"), search);
  Verdict verdict = judge(examine_host(host("host_plain"), search), cjson);
  EXPECT_EQ(verdict.kind, VerdictKind::fails);
  std::vector<std::string> missing = verdict.missing_symbols;
  std::ranges::sort(missing);
  EXPECT_EQ(missing, cjson.api_needed);   // the 35 Lua names, nothing of libc
  EXPECT_TRUE(verdict.reason.starts_with("undefined symbol " + verdict.missing_symbols.front() + " (and 34 more)"));
}

TEST(Verdict, OnlyWhatTheHostNeverLinked) {
  Verdict verdict = judge_files(host("host_not_whole"), module("module_openlibs"));
  EXPECT_EQ(verdict.kind, VerdictKind::fails);
  EXPECT_EQ(verdict.missing_symbols, std::vector<std::string>{"luaL_openlibs"});
  EXPECT_EQ(judge_files(host("host_not_whole"), debian_module("5.4/cjson")).kind, VerdictKind::loads);
}

TEST(Verdict, Kinds) {
  EXPECT_EQ(judge_files(host("host_luaembed"), debian_module("5.4/cjson")).kind, VerdictKind::loads);
  EXPECT_EQ(judge_files(host("host_luaembed"), debian_module("5.1/cjson")).kind, VerdictKind::version_mismatch);
  EXPECT_EQ(judge_files(host("host_luajit"), debian_module("5.1/cjson")).kind, VerdictKind::loads);
  EXPECT_EQ(judge_files(host("host_luaembed"), module("module_linked")).kind, VerdictKind::second_lua_core);
  EXPECT_EQ(judge_files(host("host_shared"), module("module_linked")).kind, VerdictKind::loads);
  EXPECT_EQ(judge_files(host("host_shared"), module("module_core")).kind, VerdictKind::second_lua_core);
  Verdict gone = judge_files(host("host_luaembed"), module("module_needs_gone"));
  EXPECT_EQ(gone.kind, VerdictKind::fails);
  EXPECT_EQ(gone.missing_libraries, std::vector<std::string>{"libdoctor_gone.so"});
  EXPECT_EQ(judge_files(host("host_static"), debian_module("5.4/cjson")).kind, VerdictKind::fails);
}

TEST(Verdict, RequireNeedsTheEntryPointOfTheName) {
  HostReport luaembed = examine_host(host("host_luaembed"), search);
  ModuleReport cjson = examine_module(debian_module("5.4/cjson"), search);
  EXPECT_EQ(judge_require(luaembed, cjson, "cjson").kind, VerdictKind::loads);
  EXPECT_EQ(judge_require(luaembed, cjson, "cjson.safe").kind, VerdictKind::loads);
  Verdict wrong = judge_require(luaembed, cjson, "lpeg");
  EXPECT_EQ(wrong.kind, VerdictKind::fails);
  EXPECT_EQ(wrong.reason, "the module has no luaopen_lpeg, the function require calls for 'lpeg'");
}

TEST(Verdict, HostAlone) {
  EXPECT_TRUE(judge_host(examine_host(host("host_luaembed"), search)).ready);
  Readiness plain = judge_host(examine_host(host("host_plain"), search));
  EXPECT_FALSE(plain.ready);
  EXPECT_TRUE(plain.reason.starts_with("154 of 154 Lua 5.4 API symbols are not exported")) << plain.reason;
}

TEST(Fixes, ExportInEachBuildSystem) {
  HostReport plain = examine_host(host("host_plain"), search);
  Verdict verdict = judge(plain, examine_module(debian_module("5.4/cjson"), search));
  std::vector<Fix> all = fixes_for(plain, nullptr, verdict, all_build_systems);
  EXPECT_EQ(titles(all), (std::vector<std::string>{"fix (CMake)", "fix (Make/ld)", "fix (Cargo)", "fix (Meson)", "write lua54.dynlist"}));
  // Linked plainly, part of the API is absent: the fix links the archive whole as well.
  EXPECT_NE(joined(all[1]).find("-Wl,--whole-archive /usr/lib/x86_64-linux-gnu/liblua5.4.a -Wl,--no-whole-archive -Wl,--dynamic-list=lua54.dynlist"),
            std::string::npos);
  EXPECT_EQ(all[4].lines, std::vector<std::string>{"luaembed-doctor --dynamic-list 5.4 > lua54.dynlist"});
  BuildSystem cargo[] = {BuildSystem::cargo};
  EXPECT_EQ(titles(fixes_for(plain, nullptr, verdict, cargo)), (std::vector<std::string>{"fix (Cargo)", "write lua54.dynlist"}));
  // The version script host has all of Lua linked in: only the export is missing.
  HostReport scripted = examine_host(host("host_version_script"), search);
  Fix make = export_fixes(scripted, all_build_systems)[1];
  EXPECT_EQ(make.lines, std::vector<std::string>{"link with: -Wl,--dynamic-list=lua54.dynlist"});
}

TEST(Fixes, OtherVersionsAndProblems) {
  HostReport lua51 = examine_host(host("host_lua51"), search);
  ModuleReport cjson54 = examine_module(debian_module("5.4/cjson"), search);
  Verdict mismatch = judge(lua51, cjson54);
  std::vector<Fix> fixes = fixes_for(lua51, &cjson54, mismatch, all_build_systems);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].lines, std::vector<std::string>{"use the one built for Lua 5.1: " + debian_module("5.1/cjson")});
  HostReport luaembed = examine_host(host("host_luaembed"), search);
  ModuleReport linked = examine_module(module("module_linked"), search);
  std::vector<Fix> second = fixes_for(luaembed, &linked, judge(luaembed, linked), all_build_systems);
  ASSERT_EQ(second.size(), 1u);   // the host exports already: only the module is to fix
  EXPECT_NE(joined(second[0]).find("take liblua5.4.so.0 (-llua...) out of its link"), std::string::npos);
  HostReport plain = examine_host(host("host_plain"), search);
  EXPECT_EQ(fixes_for(plain, &linked, judge(plain, linked), all_build_systems).size(), 6u);   // the module, then the export
}
