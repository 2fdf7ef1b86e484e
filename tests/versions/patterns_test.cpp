// The string functions of states with call limits (and of sandboxes) are luaembed's budgeted
// ones: they must behave exactly as the linked Lua's own, whichever Lua that is. The corpus
// (patterns_corpus.lua) runs every case through both and reports any difference;
// pattern_calls.lua describes each call.
#include <luaembed/luaembed.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace luaembed;

namespace {

std::string read_file(const char *path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

constexpr const char *save_originals =
    "original = {find = string.find, match = string.match, gmatch = string.gmatch, gsub = string.gsub,"
    "            rep = string.rep}";

}  // namespace

TEST(Patterns, LimitsReplaceTheStringFunctionsEverywhereTheyAreReached) {
  State lua;
  lua.exec(save_originals);
  lua.set_call_limits({.time = std::chrono::seconds(60)});
  for (const char *name : {"find", "match", "gmatch", "gsub", "rep"}) {
    std::string is_replaced = std::string("original.") + name + " ~= string." + name;
    EXPECT_TRUE(lua.eval<bool>(is_replaced)) << name;
    std::string same_for_methods = std::string("string.") + name + " == ('')." + name;
    EXPECT_TRUE(lua.eval<bool>(same_for_methods)) << name;
    std::string same_for_require = std::string("string.") + name + " == require('string')." + name;
    EXPECT_TRUE(lua.eval<bool>(same_for_require)) << name;
  }
  if (LUA_VERSION_NUM == 501 && !compat::is_luajit)  // Lua 5.1's gfind is gmatch by its old name
    EXPECT_TRUE(lua.eval<bool>("string.gfind == string.gmatch"));
  lua.set_call_limits({.instructions = 1'000'000});  // installing again changes nothing
  EXPECT_EQ(lua.eval<std::string>("('a,b'):gsub(',', ';')"), "a;b");
}

TEST(Patterns, AProgramsOwnStringFunctionsStay) {
  State lua;
  lua.exec("mine = function() return 'mine' end string.find = mine");
  lua.set_call_limits({.time = std::chrono::seconds(60)});
  EXPECT_TRUE(lua.eval<bool>("string.find == mine"));
  EXPECT_FALSE(lua.eval<bool>("string.match == nil"));
}

TEST(Patterns, BudgetedFunctionsBehaveExactlyAsLuasOwn) {
  State lua;
  lua.exec(save_originals);
  lua.set_call_limits({.time = std::chrono::seconds(300)});
  Table calls = lua.load(read_file(LUAEMBED_PATTERN_CALLS), "@pattern_calls.lua").call<Table>();
  Function corpus = lua.load(read_file(LUAEMBED_PATTERNS_CORPUS), "@patterns_corpus.lua");
  auto [cases, mismatches] = corpus.call<std::tuple<int, std::vector<std::string>>>(
      lua["original"].get<Table>(), lua["string"].get<Table>(), calls);
  std::printf("%d cases compared, %zu differences\n", cases, mismatches.size());
  EXPECT_GT(cases, 30000);
  for (std::size_t i = 0; i < mismatches.size() && i < 30; ++i) ADD_FAILURE() << mismatches[i];
}
