// Debian's native modules, loaded with require into a C++ host that links Lua statically
// through luaembed::luaembed. Each test asserts the exact values the module returns.
#include <luaembed/lua.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

class EmbeddedHost : public ::testing::Test {
protected:
  void SetUp() override {
    L = luaL_newstate();
    luaL_openlibs(L);
  }
  void TearDown() override { lua_close(L); }

  // Runs a chunk and returns its results joined by tabs, or "error: <message>". (The plain C
  // API of every Lua: 0 is LUA_OK, which Lua 5.1 does not name.)
  std::string run(const std::string &code) {
    int base = lua_gettop(L);
    if (luaL_loadbuffer(L, code.data(), code.size(), "=test") != 0 || lua_pcall(L, 0, LUA_MULTRET, 0) != 0) {
      std::string message = std::string("error: ") + lua_tostring(L, -1);
      lua_settop(L, base);
      return message;
    }
    std::string joined;
    for (int i = base + 1; i <= lua_gettop(L); i++) {
      if (i > base + 1) joined += '\t';
      joined += text_of(i);
    }
    lua_settop(L, base);
    return joined;
  }

  // What tostring would say for the values these tests return.
  std::string text_of(int index) {
    switch (lua_type(L, index)) {
      case LUA_TNIL: return "nil";
      case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
      case LUA_TNUMBER:
      case LUA_TSTRING: {
        lua_pushvalue(L, index);  // a copy: converting a number changes the value in place
        std::string text = lua_tostring(L, -1);
        lua_pop(L, 1);
        return text;
      }
      default: return lua_typename(L, lua_type(L, index));
    }
  }

  lua_State *L = nullptr;
};

TEST_F(EmbeddedHost, CjsonRoundTripsANestedTable) {
  // Objects of one key each: the order of keys in a Lua table is not fixed.
  EXPECT_EQ(run(R"(
    local cjson = require "cjson"
    local text = cjson.encode { list = { 1, 2.5, "three", { ok = true }, { none = cjson.null } } }
    local back = cjson.decode(text)
    return text, back.list[2], back.list[4].ok, back.list[5].none == cjson.null
  )"), R"({"list":[1,2.5,"three",{"ok":true},{"none":null}]})" "\t2.5\ttrue\ttrue");
}

TEST_F(EmbeddedHost, CjsonRejectsBadJsonWithAnError) {
  EXPECT_EQ(run(R"(return pcall(require("cjson").decode, "{bad"))"),
            "false\tExpected object key string but found invalid token at character 2");
}

TEST_F(EmbeddedHost, LpegMatchesAndCaptures) {
  EXPECT_EQ(run(R"(
    local lpeg = require "lpeg"
    local number = lpeg.C(lpeg.R "09" ^ 1)
    local numbers = lpeg.Ct(number * ("," * number) ^ 0)
    return table.concat(numbers:match "10,20,30", "+"), lpeg.match(lpeg.P "a" ^ 1, "aaab")
  )"), "10+20+30\t4");
}

TEST_F(EmbeddedHost, LfsReadsTheAttributesOfAFileTheTestMade) {
  auto path = std::filesystem::temp_directory_path() / "luaembed_lfs_test.txt";
  std::ofstream(path) << "seventeen bytes!\n";
  lua_pushstring(L, path.c_str());
  lua_setglobal(L, "path");
  EXPECT_EQ(run(R"(
    local attributes = require("lfs").attributes(path)
    return attributes.mode, attributes.size
  )"), "file\t17");
  std::filesystem::remove(path);
}

TEST_F(EmbeddedHost, SocketGettimeReturnsTheTime) {
  EXPECT_EQ(run(R"(
    local now = require("socket.core").gettime()
    return type(now), now > 1.6e9
  )"), "number\ttrue");
}

TEST_F(EmbeddedHost, TheSharedRealModulesScriptPrintsItsExpectedOutput) {
  std::string scripts = std::getenv("LUAEMBED_TEST_SCRIPTS");
  std::ifstream expected_file(scripts + "/real_modules.expected");
  std::string expected((std::istreambuf_iterator<char>(expected_file)), {});
  testing::internal::CaptureStdout();
  std::string result = run("dofile '" + scripts + "/real_modules.lua'");
  std::fflush(stdout);
  EXPECT_EQ(result, "");
  EXPECT_EQ(testing::internal::GetCapturedStdout(), expected);
}

TEST_F(EmbeddedHost, AFileOnTheCpathThatIsNotElfIsALoadErrorNotACrash) {
  auto dir = std::filesystem::temp_directory_path() / "luaembed_not_elf";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "notelf.so") << std::string(200, '#') << "\nthis is text, not a shared object\n";
  lua_pushstring(L, (dir / "?.so").c_str());
  lua_setglobal(L, "cpath");
  std::string result = run("package.cpath = cpath return pcall(require, 'notelf')");
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(result.starts_with("false\terror loading module 'notelf' from file '")) << result;
  EXPECT_NE(result.find("notelf.so: invalid ELF header"), std::string::npos) << result;
}

}  // namespace
