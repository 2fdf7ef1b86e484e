// The sandbox: what untrusted scripts keep, and twenty-odd ways out that fail, none crashing.
#include "../api/fixture.hpp"

#include <chrono>
#include <cstdint>
#include <map>

using namespace luaembed;
using namespace std::chrono_literals;

namespace {

// A sandboxed state with a memory limit and an instruction budget: limits that a script
// reaches at the same point however slow or busy the machine, so that no two of them race.
// The attempts that only the time limit can stop set it in place of the budget.
class Sandbox : public ::testing::Test {
protected:
  Sandbox() : lua(StateOptions{.memory_limit = memory_limit, .sandbox = true, .read_file = read_file}) {
    lua.set_call_limits({.instructions = instruction_budget});
  }
  static constexpr std::size_t memory_limit = 32 << 20;
  // Ten times what filling the memory limit with string.rep costs (a step for 16 bytes):
  // a memory bomb always meets the memory limit first, and a broken one is still stopped.
  static constexpr std::uint64_t instruction_budget = 10 * memory_limit / 16;
  static std::optional<std::string> read_file(std::string_view path) {
    static const std::map<std::string, std::string, std::less<>> files{
        {"lib/greeting.lua", "return { hello = function(who) return 'hello ' .. who end }"},
        {"config.lua", "answer = 42"},
    };
    auto found = files.find(path);
    if (found == files.end()) return std::nullopt;
    return found->second;
  }
  using Attempt = std::pair<std::string, std::string>;  // code, the start of its error message
  template <std::size_t N>
  void expect_all_fail(const Attempt (&attempts)[N]) {
    for (const auto &[code, expected] : attempts) EXPECT_EQ(attempt(code).substr(0, expected.size()), expected) << code;
  }
  // The message of the error the code raises, or "no error".
  std::string attempt(const std::string &code) {
    try {
      lua.exec(code, "=escape");
      return "no error";
    } catch (const Error &error) {
      return error.message();
    }
  }
  State lua;
};

// Lua's words for using a nil value, which changed with 5.3.
std::string nil_error(const std::string &verb, const std::string &kind, const std::string &name) {
  if (version_num >= 503) return "escape:1: attempt to " + verb + " a nil value (" + kind + " '" + name + "')";
  return "escape:1: attempt to " + verb + " " + kind + " '" + name + "' (a nil value)";
}

// The message of the error the code raises in the environment, or "not stopped".
std::string run_in(const State &lua, const char *code, const Table &environment) {
  try {
    lua.exec(code, "=script", environment);
    return "not stopped";
  } catch (const Error &error) {
    return error.message();
  }
}

// LuaJIT words a C stack overflow its own way, and OpenResty's with a position.
#if defined(OPENRESTY_LUAJIT)
const std::string c_stack_overflow = "escape:1: stack overflow";
#else
const std::string c_stack_overflow = luajit ? "stack overflow" : "escape:1: C stack overflow";
#endif

// LuaJIT words a refused binary chunk its own way.
const std::string binary_refused =
    luajit ? "escape:1: attempt to load chunk with wrong mode" : "escape:1: attempt to load a binary chunk (mode is 't')";

}  // namespace

TEST_F(Sandbox, SafeFunctionsRemain) {
  EXPECT_EQ(lua.eval<std::string>("string.format('%d-%s', 4, table.concat({1, 2}, ','))"), "4-1,2");
  EXPECT_EQ(lua.eval<int>("math.max(3, 9) + #string.char(228, 229)"), 11);
  EXPECT_EQ(lua.eval<std::string>("type(os.time()) .. type(os.clock()) .. type(os.date()) .. type(coroutine.wrap)"),
            "numbernumberstringfunction");
  EXPECT_EQ(lua.eval<std::string>("require('lib.greeting').hello('sandbox')"), "hello sandbox");
  EXPECT_EQ(lua.eval<int>("dofile('config.lua') return answer"), 42);
  EXPECT_EQ(lua.eval<int>("load('return 1 + 1')()"), 2);
}

TEST_F(Sandbox, EscapeAttemptsFail) {
  const Attempt attempts[] = {
      {"load(string.dump(print))", nil_error("call", "field", "dump")},
      {"assert(load('\\27Lua\\84\\0'))", binary_refused},
      {"assert(load('\\27Lua', 'x', 'b'))", binary_refused},
      {"debug.getregistry()", nil_error("index", "global", "debug")},
      {"getmetatable('').__index.rep = nil", "escape:1: attempt to index a boolean value"},
      {"setmetatable(getmetatable(''), {})", "escape:1: bad argument #1 to 'setmetatable' (table expected, got boolean)"},
      {"package.loadlib('/lib/x86_64-linux-gnu/libc.so.6', 'system')", nil_error("call", "field", "loadlib")},
      {"io.popen('id')", nil_error("index", "global", "io")},
      {"require('io').popen('id')", "escape:1: module 'io' not found:\n\tno field package.preload['io']\n\tno file 'io.lua'\n\tno file 'io/init.lua'"},
      {"os.execute('id')", nil_error("call", "field", "execute")},
      {"os.exit(1)", nil_error("call", "field", "exit")},
      {"os.remove('/tmp/x')", nil_error("call", "field", "remove")},
      {"os.getenv('HOME')", nil_error("call", "field", "getenv")},
      {"require('cjson')", "escape:1: module 'cjson' not found:\n\tno field package.preload['cjson']\n\tno file 'cjson.lua'\n\tno file 'cjson/init.lua'"},
      {"dofile('/etc/passwd')", "escape:1: cannot open /etc/passwd"},
      {"assert(loadfile('/etc/passwd'))", "escape:1: cannot open /etc/passwd"},
      {"collectgarbage('stop')", "escape:1: collectgarbage 'stop' is not allowed here"},
      {"collectgarbage('generational')", "escape:1: collectgarbage 'generational' is not allowed here"},
      {"setmetatable({}, {__gc = function() while true do end end})", "escape:1: __gc metamethods are not allowed here"},
      {"local mt = {__gc = true} setmetatable({}, mt)", "escape:1: __gc metamethods are not allowed here"},
      {"local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x",
       c_stack_overflow},
  };
  lua.set_warning_handler([](std::string_view) {});
  expect_all_fail(attempts);
  EXPECT_EQ(lua.eval<int>("40 + 2"), 42);  // still usable
}

// Under the instruction budget, which the memory bombs cannot reach before the memory limit.
TEST_F(Sandbox, MemoryBombsMeetTheMemoryLimit) {
  // Lua 5.3's string buffers raise their own error; Lua 5.2 reads a count past 2^31 as 0.
  const std::string rep_memory = version_num == 503 ? "escape:1: not enough memory" : "not enough memory";
  const std::string too_large = version_num >= 503 ? "escape:1: resulting string too large" : "no error";
  const Attempt attempts[] = {
      {"local t = {} while true do t[#t + 1] = ('x'):rep(2^20) .. #t end", rep_memory},
      {"string.rep('x', 2^30)", rep_memory},
      {"string.rep('x', 2^60)", too_large},
  };
  expect_all_fail(attempts);
  EXPECT_EQ(lua.eval<int>("40 + 2"), 42);
}

// Under the time limit alone: nothing else stops these, however long they take to reach it.
TEST_F(Sandbox, RunawaysMeetTheTimeLimit) {
  lua.set_call_limits({.time = 200ms});
  const Attempt attempts[] = {
      {"while true do pcall(function() while true do end end) end", "time limit of 200 ms exceeded"},
      {"local f = coroutine.wrap(function() while true do end end) while true do pcall(f) end", "time limit of 200 ms exceeded"},
      {"while true do xpcall(function() while true do end end, function() while true do end end) end",
       "time limit of 200 ms exceeded"},
      {"error(setmetatable({}, {__tostring = function() while true do end end}))", "(error object is a table value)"},
      {"string.find(string.rep('a', 1e5), '.-.-.-b')", "time limit of 200 ms exceeded"},  // hours in Lua's matcher
      {"while true do pcall(string.gsub, string.rep('a', 1e5), '.-.-.-b', '') end", "time limit of 200 ms exceeded"},
  };
  lua.set_warning_handler([](std::string_view) {});
  expect_all_fail(attempts);
  EXPECT_EQ(lua.eval<int>("40 + 2"), 42);
}

// What Lua 5.1 and LuaJIT add: loadstring (which reads bytecode), load from a reader, getfenv
// and setfenv, newproxy, module, package.seeall, and LuaJIT's jit and ffi.
TEST_F(Sandbox, Lua51WaysOutAreClosedToo) {
  if (version_num >= 502) GTEST_SKIP() << "Lua 5.1 and LuaJIT only";
  const std::string bytecode = luajit ? "\\27LJ\\2" : "\\27Lua\\81\\0";
  const Attempt attempts[] = {
      {"assert(loadstring('" + bytecode + "'))", binary_refused},
      {"local sent = false assert(load(function() if not sent then sent = true return '" + bytecode + "' end end))",
       binary_refused},
      {"string.byte = function() return 32 end assert(loadstring('" + bytecode + "'))", binary_refused},
      {"getfenv(0).secret = 1", nil_error("call", "global", "getfenv")},
      {"setfenv(0, {})", nil_error("call", "global", "setfenv")},
      {"getmetatable(newproxy(true)).__gc = function() while true do end end", nil_error("call", "global", "newproxy")},
      {"module('escape')", nil_error("call", "global", "module")},
      {"package.seeall({})", nil_error("call", "field", "seeall")},
      {"jit.off()", nil_error("index", "global", "jit")},
      {"require('ffi').C.system('id')", "escape:1: module 'ffi' not found:"},
      {"require('jit.util')", "escape:1: module 'jit.util' not found:"},
  };
  expect_all_fail(attempts);
  EXPECT_EQ(lua.eval<int>("loadstring('return 40 + 2')()"), 42);  // text still loads
  EXPECT_EQ(lua.eval<std::string>("local parts = {'return ', \"'rea\", \"der'\"} local i = 0 "
                                  "return load(function() i = i + 1 return parts[i] end)()"),
            "reader");
}

TEST_F(Sandbox, EnvironmentsKeepScriptsApart) {
  Table first = lua.new_environment();
  Table second = lua.new_environment();
  lua.exec("secret = 'mine' string.rep = nil rawset(table, 'concat', nil) load('leaked = true')()", "=first", first);
  lua.exec("result = tostring(secret) .. ' ' .. tostring(leaked) .. ' ' .. type(string.rep) .. ' ' .. type(table.concat)",
           "=second", second);
  EXPECT_EQ(second.get<std::string>("result"), "nil nil function function");
  EXPECT_EQ(first.get<bool>("leaked"), true);
  EXPECT_EQ(lua.eval<std::string>("type(string.rep)"), "function");  // the state's own globals untouched
}

// The budgeted string functions reach every environment: its copy of the string table, and
// the strings' own methods.
TEST_F(Sandbox, EnvironmentsUseTheBudgetedStringFunctions) {
  lua.set_call_limits({.time = 200ms});
  Table environment = lua.new_environment();
  for (const char *code : {"string.find(string.rep('a', 1e5), '.-.-.-b')",
                           "local s = string.rep('a', 1e5) s:gsub('.-.-.-b', '')"})
    EXPECT_EQ(run_in(lua, code, environment), "time limit of 200 ms exceeded") << code;
  lua.exec("words = select(2, ('a b c'):gsub('%a', '%0'))", "=script", environment);
  EXPECT_EQ(environment.get<int>("words"), 3);
}

TEST(SandboxOptions, CModulesAreOptIn) {
  State lua(StateOptions{.sandbox = true, .sandbox_c_modules = true});
  lua.exec("package.cpath = '" LUAEMBED_TEST_MODULE_DIR "/?.so'");
  EXPECT_EQ(lua.eval<std::string>("require('cjson').encode({1})"), "[1]");
  EXPECT_EQ(lua.eval<std::string>("type(package.loadlib)"), "nil");
}

// An environment copies the globals when it is made: made before the limits were set (in any
// state), its xpcall and string functions are still those the limits need.
TEST(Environments, MadeBeforeTheLimitsAreStoppedAsWell) {
  for (bool sandbox : {false, true}) {
    State lua(StateOptions{.sandbox = sandbox});
    Table environment = lua.new_environment();
    lua.set_call_limits({.time = 100ms});
    for (const char *code : {"string.find(string.rep('a', 1e5), '.-.-.-b')",
                             "while true do xpcall(function() while true do end end, function() while true do end end) end"})
      EXPECT_EQ(run_in(lua, code, environment), "time limit of 100 ms exceeded") << code << (sandbox ? " (sandbox)" : "");
  }
}
