// luaembed-doctor --json: run on fixtures, parsed, fields checked.
#include "doctor_fixtures.hpp"
#include "run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using doctor_test::debian_module;
using doctor_test::host;
using doctor_test::run_command;
using nlohmann::json;

namespace {

struct JsonRun {
  int status;
  json report;
};

JsonRun doctor_json(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {fixtures::doctor, "--json"});
  doctor_test::CommandResult result = run_command(arguments);
  return {result.status, json::parse(result.output)};
}

}  // namespace

TEST(Json, HostWithoutExportFailsCjson) {
  auto [status, report] = doctor_json({host("host_plain"), debian_module("5.4/cjson")});
  EXPECT_EQ(status, 1);
  EXPECT_EQ(report["exit_code"], 1);
  const json &host_report = report["host"];
  EXPECT_EQ(host_report["dynamically_linked"], true);
  EXPECT_EQ(host_report["type"], "position-independent executable");
  EXPECT_EQ(host_report["lua"]["linkage"], "static");
  EXPECT_EQ(host_report["lua"]["versions"], json::array({"5.4"}));
  EXPECT_EQ(host_report["lua"]["evidence"], "version string");
  EXPECT_EQ(host_report["api"]["version"], "5.4");
  EXPECT_EQ(host_report["api"]["total"], 154);
  EXPECT_EQ(host_report["api"]["exported"], 0);
  EXPECT_EQ(host_report["api"]["missing"].size(), 154u);
  ASSERT_EQ(report["modules"].size(), 1u);
  const json &cjson = report["modules"][0];
  EXPECT_EQ(cjson["found_by_name"], false);
  EXPECT_EQ(cjson["built_for"], json::array({"5.4"}));
  EXPECT_EQ(cjson["entry_points"], json::array({"luaopen_cjson", "luaopen_cjson_safe"}));
  EXPECT_EQ(cjson["api_needed"].size(), 35u);
  EXPECT_EQ(cjson["contained_core"]["found"], false);
  EXPECT_EQ(cjson["linked_lua"], json::array());
  EXPECT_EQ(cjson["verdict"]["kind"], "FAILS");
  EXPECT_EQ(cjson["verdict"]["missing_symbols"].size(), 35u);
  EXPECT_EQ(cjson["verdict"]["missing_libraries"], json::array());
  EXPECT_EQ(report["host_verdict"], nullptr);
  EXPECT_EQ(report["build_systems"], json::array({"cmake", "make", "cargo", "meson"}));
  EXPECT_EQ(report["fixes"].size(), 5u);
  EXPECT_EQ(report["fixes"][0]["title"], "fix (CMake)");
}

TEST(Json, ModulesByNameLoadInTheLuaembedHost) {
  auto [status, report] = doctor_json({"--cpath", std::string(fixtures::debian_modules) + "/5.4/?.so",
                                       host("host_luaembed"), "cjson", "socket.core"});
  EXPECT_EQ(status, 0);
  EXPECT_EQ(report["cpath"]["origin"], "--cpath");
  ASSERT_EQ(report["modules"].size(), 2u);
  EXPECT_EQ(report["modules"][1]["argument"], "socket.core");
  EXPECT_EQ(report["modules"][1]["found_by_name"], true);
  EXPECT_EQ(report["modules"][1]["path"], debian_module("5.4/socket/core"));
  for (const json &module : report["modules"]) EXPECT_EQ(module["verdict"]["kind"], "LOADS");
  EXPECT_EQ(report["fixes"], json::array());
}

TEST(Json, SecondCoreNamesTheLibrary) {
  auto [status, report] = doctor_json({host("host_luaembed"), doctor_test::module("module_linked")});
  EXPECT_EQ(status, 1);
  const json &linked = report["modules"][0]["linked_lua"];
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0]["name"], "liblua5.4.so.0");
  EXPECT_EQ(linked[0]["core"]["versions"], json::array({"5.4"}));
  EXPECT_EQ(report["modules"][0]["verdict"]["kind"], "SECOND LUA CORE");
}

TEST(Json, HostAloneAndSharedLua) {
  auto [status, report] = doctor_json({host("host_shared")});
  EXPECT_EQ(status, 0);
  EXPECT_EQ(report["host"]["lua"]["linkage"], "shared library");
  EXPECT_EQ(report["host"]["api"]["exported"], 154);
  EXPECT_EQ(report["host_verdict"]["ready"], true);
  EXPECT_EQ(report["modules"], json::array());
}

TEST(Json, BadInputIsAnErrorObject) {
  auto [status, report] = doctor_json({fixtures::hosts});
  EXPECT_EQ(status, 2);
  EXPECT_EQ(report["exit_code"], 2);
  EXPECT_EQ(report["error"], std::string(fixtures::hosts) + " is a directory, not a program or module: give the executable or .so file in it");
}
