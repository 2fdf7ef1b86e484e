// Limits: memory, instructions, time, and the host's interrupt; the state stays usable.
#include "../api/fixture.hpp"

#include <chrono>

using namespace luaembed;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// Runs code that must be stopped; returns the message and prints how long it ran.
std::string stopped(State &lua, const char *code, std::chrono::milliseconds *elapsed = nullptr) {
  auto started = Clock::now();
  try {
    lua.exec(code, "=runaway");
  } catch (const Error &error) {
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    if (elapsed) *elapsed = took;
    std::printf("stopped after %lld ms: %s\n", static_cast<long long>(took.count()), code);
    return error.message();
  }
  return "not stopped";
}

}  // namespace

TEST(Limits, MemoryLimitFailsInsideLuaAndTheStateRecovers) {
  State lua(StateOptions{.memory_limit = 4 << 20});
  EXPECT_EQ(lua.eval<std::string>("select(2, pcall(function() local t = {} for i = 1, 1e7 do t[i] = i end end))"),
            "not enough memory");
  EXPECT_ERROR(lua.exec("local s = string.rep('x', 1 << 30)"), MemoryError, "not enough memory");
  EXPECT_LT(lua.memory_used(), std::size_t(4 << 20));
  EXPECT_EQ(lua.eval<int>("local t = {} for i = 1, 1000 do t[i] = i end return #t"), 1000);
}

TEST(Limits, InstructionBudgetStopsEndlessLoops) {
  State lua;
  lua.set_call_limits({.instructions = 100000});
  EXPECT_EQ(stopped(lua, "while true do end"), "instruction limit of 100000 exceeded");
  EXPECT_EQ(lua.eval<int>("local n = 0 for i = 1, 1000 do n = n + i end return n"), 500500);  // fresh budget
}

TEST(Limits, TimeLimitStopsRunawayCodeNearTheDeadline) {
  State lua(StateOptions{.memory_limit = 64 << 20});
  lua.set_call_limits({.time = 100ms});
  const char *runaways[] = {
      "while true do end",
      "local function f(n) return f(n + 1) + 1 end while true do pcall(f, 1) end",   // deep recursion
      "while true do pcall(function() while true do end end) end",                  // pcall swallows
      "local co = coroutine.wrap(function() while true do end end) while true do pcall(co) end",
      "while true do xpcall(function() while true do end end, function() while true do end end) end",
      "while true do pcall(string.rep, 'x', 1 << 40) end",                          // a huge string.rep
  };
  for (const char *code : runaways) {
    std::chrono::milliseconds elapsed{};
    EXPECT_EQ(stopped(lua, code, &elapsed), "time limit of 100 ms exceeded") << code;
    EXPECT_LT(elapsed, 600ms) << code;  // the figure to report is printed above; this only catches hangs
  }
  EXPECT_EQ(lua.eval<int>("1 + 1"), 2);
}

TEST(Limits, TheHostsInterruptCallbackDecides) {
  State lua;
  int checks = 0;
  lua.set_call_limits({.interrupt = [&checks] { return ++checks >= 5; }});
  EXPECT_EQ(stopped(lua, "while true do end"), "interrupted by the host");
  EXPECT_EQ(checks, 5);
  lua.set_call_limits({});
  EXPECT_EQ(lua.eval<int>("local n = 0 for i = 1, 1e5 do n = n + 1 end return n"), 100000);
}

TEST(Limits, CallbacksDoNotResetTheBudget) {
  State lua;
  lua.set_call_limits({.instructions = 50000});
  lua["nested"] = [](Function f) { f.call(); };
  EXPECT_EQ(stopped(lua, "while true do nested(function() for i = 1, 100 do end end) end"),
            "instruction limit of 50000 exceeded");
}

TEST(Limits, AnErrorHandlerCannotKeepALimitedCallRunning) {
  State lua;
  lua.set_call_limits({.time = 100ms});
  EXPECT_EQ(stopped(lua, "while true do xpcall(function() while true do end end, function() while true do end end) end"),
            "time limit of 100 ms exceeded");
  EXPECT_EQ(lua.eval<std::string>("select(2, xpcall(error, function(e) return 'handled ' .. e end, 'x'))"), "handled x");
}
