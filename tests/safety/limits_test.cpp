// Limits: memory, instructions, time, and the host's interrupt; the state stays usable.
#include "../api/fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

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

// A time limit under watch. The budget asks the host's interrupt callback at every check that
// the deadline did not stop (it reads the clock first), so the callback sees the call go on.
// The call began before its first check, so its deadline is no later than that check plus the
// limit; past that, one check may still find time left (the clock can pass the deadline
// between the budget's reading and the callback's), and the next must stop the call. A second
// check past it means the time limit let the call run on: the watch stops it itself, and the
// test fails on the message, "interrupted by the host", instead of hanging. It counts checks,
// not milliseconds, so it holds however slow or busy the machine.
class WatchedTimeLimit {
public:
  WatchedTimeLimit(State &lua, std::chrono::milliseconds limit) : lua_(lua), limit_(limit) {
    lua_.set_call_limits(limits());
  }
  ~WatchedTimeLimit() { lua_.set_call_limits({}); }  // the callback refers to the watch

  CallLimits limits() { return {.time = limit_, .interrupt = [this] { return ran_on(); }}; }
  std::string message() const { return "time limit of " + std::to_string(limit_.count()) + " ms exceeded"; }

  // Runs code that must be stopped, as stopped() does, with a fresh watch.
  std::string stop(const std::string &code, std::chrono::milliseconds *elapsed = nullptr) {
    first_check_.reset();
    checks_past_the_deadline_ = 0;
    return stopped(lua_, code.c_str(), elapsed);
  }
  int checks_past_the_deadline() const { return checks_past_the_deadline_; }

private:
  bool ran_on() {
    auto now = Clock::now();
    if (!first_check_) first_check_ = now;
    if (now > *first_check_ + limit_) ++checks_past_the_deadline_;
    return checks_past_the_deadline_ > 1;
  }

  State &lua_;
  std::chrono::milliseconds limit_;
  std::optional<Clock::time_point> first_check_;
  int checks_past_the_deadline_ = 0;
};

}  // namespace

TEST(Limits, MemoryLimitFailsInsideLuaAndTheStateRecovers) {
  State lua(StateOptions{.memory_limit = 4 << 20});
  EXPECT_EQ(lua.eval<std::string>("select(2, pcall(function() local t = {} for i = 1, 1e7 do t[i] = i end end))"),
            "not enough memory");
  if (version_num == 503)  // Lua 5.3's string buffers raise their own error
    EXPECT_ERROR(lua.exec("local s = string.rep('x', 2^30)", "=t"), RuntimeError,
                 "t:1: not enough memory for buffer allocation");
  else
    EXPECT_ERROR(lua.exec("local s = string.rep('x', 2^30)"), MemoryError, "not enough memory");
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
  WatchedTimeLimit limit(lua, 100ms);
  const char *runaways[] = {
      "while true do end",
      "local function f(n) return f(n + 1) + 1 end while true do pcall(f, 1) end",   // deep recursion
      "while true do pcall(function() while true do end end) end",                  // pcall swallows
      "local co = coroutine.wrap(function() while true do end end) while true do pcall(co) end",
      "while true do xpcall(function() while true do end end, function() while true do end end) end",
      "while true do pcall(string.rep, 'x', 2^40) end",                          // a huge string.rep
  };
  for (const char *code : runaways) {
    std::chrono::milliseconds elapsed{};
    EXPECT_EQ(limit.stop(code, &elapsed), "time limit of 100 ms exceeded") << code;
    // Neither bound reads the machine's speed: the deadline is set after the clock started
    // here, and the first check past it stops the call, however long the checks take to come.
    // How late that is, is printed above for the record.
    EXPECT_GE(elapsed, 100ms) << code;
    EXPECT_LE(limit.checks_past_the_deadline(), 1) << code;
  }
  EXPECT_EQ(lua.eval<int>("1 + 1"), 2);
}

// LuaJIT runs no hooks in the machine code it compiles hot loops to: limits switch its
// compiler off for the state (and drop what it compiled before). A finite loop, so that the
// failure is an answer, not a hang: compiled, it ends in well under a second, unstopped.
TEST(Limits, HotLoopsAreStoppedOnEveryLua) {
  State lua;
  lua.exec("function spin(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end");
  EXPECT_EQ(lua.eval<long long>("spin(1e6)"), 2999998);  // hot: compiled, on LuaJIT
  lua.set_call_limits({.instructions = 1'000'000});
  EXPECT_EQ(stopped(lua, "spin(1e9)"), "instruction limit of 1000000 exceeded");
  EXPECT_EQ(stopped(lua, "for i = 1, 1e9 do end"), "instruction limit of 1000000 exceeded");
  lua.set_call_limits({});  // compiled again
  EXPECT_EQ(lua.eval<long long>("spin(1e6)"), 2999998);
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
  WatchedTimeLimit limit(lua, 100ms);
  EXPECT_EQ(limit.stop("while true do xpcall(function() while true do end end, function() while true do end end) end"),
            "time limit of 100 ms exceeded");
  EXPECT_EQ(lua.eval<std::string>("select(2, xpcall(function() error('x', 0) end, function(e) return 'handled ' .. e end))"), "handled x");
}

// ---- work inside C functions: patterns and string.rep ------------------------------------
//
// A count hook never runs while a C function works. Limited states use budgeted string
// functions, which count their own work and stop with the same error as the hook.

namespace {

// What stopping code costs on this machine, now: the same code stopped at its first check,
// where an instruction budget of 1 runs out. That stop allocates, unwinds and releases what
// the call holds (a huge string.rep's buffer: a gigabyte takes hundreds of milliseconds to
// release under AddressSanitizer, more on a busy machine) as a later stop does, and does
// nothing else. limits are the state's limits, put back afterwards.
std::chrono::milliseconds cost_of_stopping(State &lua, const std::string &code, const CallLimits &limits) {
  lua.set_call_limits({.instructions = 1});
  std::chrono::milliseconds elapsed{};
  EXPECT_EQ(stopped(lua, code.c_str(), &elapsed), "instruction limit of 1 exceeded") << code;
  lua.set_call_limits(limits);
  return elapsed;
}

// How late a stop may be: twice what stopping costs, measured just before on the same code
// (a later stop releases more written pages), and 50 ms. Neither part is a guess at the
// machine's speed: the cost is measured here, in this build, and the 50 ms cover the time to
// the next check, which comes every 4,096 steps or MiB written (a millisecond at most, even
// under sanitizers), and the scheduler; a busy machine can hold the process off the processor
// for longer, and a case that misses is tried again.
std::chrono::milliseconds allowed_lateness(std::chrono::milliseconds cost_of_stopping) {
  return 2 * cost_of_stopping + 50ms;
}

// A pattern that backtracks for hours in Lua's own matcher: every split of 100,000 "a"
// between three ".-" is tried before the missing "b" fails it, at every start.
constexpr const char *pathological = "string.rep('a', 1e5), '.-.-.-b'";

std::string with_pathological(const char *format) {
  char code[256];
  std::snprintf(code, sizeof code, format, pathological);
  return code;
}

// The string functions still work, with a fresh budget, after a runaway was stopped.
void expect_usable(State &lua) {
  EXPECT_EQ(lua.eval<int>("select(2, ('a,b,c'):gsub(',', ';'))"), 2);
  EXPECT_EQ(lua.eval<std::string>("('key = value'):match('^(%w+)%s*=%s*(%w+)$')"), "key");
  EXPECT_EQ(lua.eval<int>("#string.rep('ab', 1000, ',')"), version_num >= 502 || luajit ? 2999 : 2000);
}

// Runs each runaway under a watched time limit: every one must stop with the limit's message,
// no sooner than `early` before the deadline, and within allowed_lateness() after it. A case
// that misses is tried again, twice at most. Prints each figure, and returns the worst of
// those that count.
std::chrono::milliseconds stop_all(State &lua, std::chrono::milliseconds limit, const std::vector<std::string> &runaways,
                                   std::chrono::milliseconds early = 0ms) {
  WatchedTimeLimit watched(lua, limit);
  std::chrono::milliseconds worst{0};
  for (const std::string &code : runaways) {
    std::chrono::milliseconds late = std::chrono::hours(1), allowed{};
    for (int attempt = 0; attempt < 3 && late > allowed; ++attempt) {
      allowed = allowed_lateness(cost_of_stopping(lua, code, watched.limits()));
      std::chrono::milliseconds elapsed{};
      EXPECT_EQ(watched.stop(code, &elapsed), watched.message()) << code;
      EXPECT_GE(elapsed, limit - early) << code;
      late = elapsed - limit;
      expect_usable(lua);
    }
    EXPECT_LE(late, allowed) << code;
    worst = std::max(worst, late);
  }
  return worst;
}

// About 2 GB each, which Lua's own string.rep takes seconds to write, and within what the
// linked Lua makes: 5.3 and 5.4 refuse more than 2^31 - 1 bytes, LuaJIT more than
// 2^31 - 256. (Lua 5.1 ignores the separator.)
const std::vector<std::string> huge_reps = {
    "string.rep('x', 2^31 - 256)",
    "string.rep('abc', 5e8, ',')",
    "local s = ('xy'):rep(2^30 - 128)",
    "while true do pcall(string.rep, 'x', 2^31 - 256) end",
};

}  // namespace

TEST(Deadlines, PathologicalPatternsStopNearTheDeadline) {
  State lua;
  lua.set_call_limits({.time = 100ms});
  std::vector<std::string> runaways = {
      with_pathological("string.find(%s)"),
      with_pathological("string.match(%s)"),
      with_pathological("string.gsub(%s, 'x')"),
      with_pathological("for m in string.gmatch(%s) do end"),
      "local s = string.rep('a', 1e5) return s:find('.-.-.-b')",                          // as a method
      with_pathological("while true do pcall(string.find, %s) end"),                      // pcall swallows
      with_pathological("string.gsub('aaa', 'a', function() string.find(%s) end)"),          // nested
      with_pathological("local co = coroutine.wrap(function() string.find(%s) end) while true do pcall(co) end"),
      with_pathological("xpcall(function() string.find(%s) end, function() while true do end end)"),
  };
  auto worst = stop_all(lua, 100ms, runaways);
  std::printf("patterns: worst %lld ms after the deadline\n", static_cast<long long>(worst.count()));
}

TEST(Deadlines, HugeStringRepsStopNearTheDeadlineWithoutAMemoryLimit) {
  State lua;
  // string.rep may stop before the deadline, by reckonings made of the time it measures, so
  // proportional on any machine. Lua 5.4 frees what a failed string.rep wrote before the
  // error reaches the caller: the writing stops when the freeing, a sixth of the writing,
  // would end past the deadline (so it wrote for 6/7 of the limit at least). Lua's final copy
  // begins only with half as long again as the writing left (2/5 of the limit at least).
  auto worst = stop_all(lua, 100ms, huge_reps, 60ms);
  std::printf("string.rep: worst %lld ms after the deadline\n", static_cast<long long>(worst.count()));
  // What Lua refuses at once it still refuses at once, and an empty string repeated any
  // number of times (which Lua 5.4 loops on for ever) is empty at once.
  EXPECT_EQ(lua.eval<std::string>("select(2, pcall(string.rep, 'x', 2^33))"),
            version_num >= 503 ? "resulting string too large" : "");
  EXPECT_EQ(lua.eval<std::string>("string.rep('', 2^62)"), "");
}

// Lua copies a string.rep's result into a string in one go, which nothing can stop (a
// gigabyte takes about a second here): string.rep begins it only if the deadline leaves room.
// Stopped, Lua 5.4 releases the memory written before the error reaches the caller, and the
// writing leaves room for that too: the call ends by the deadline, wherever the deadline falls.
TEST(Deadlines, AHugeStringRepNeverRunsPastItsDeadline) {
  const char *code = "local s = string.rep('x', 2^30)";
  State lua;
  for (auto limit : {250ms, 750ms, 1250ms}) {  // spread over the work, which takes longer
    std::chrono::milliseconds late = std::chrono::hours(1), allowed{};
    std::string outcome;
    for (int attempt = 0; attempt < 3 && late > allowed; ++attempt) {  // as stop_all
      allowed = allowed_lateness(cost_of_stopping(lua, code, {.time = limit}));
      auto started = Clock::now();
      outcome = "made it";
      try {
        lua.exec(code);
      } catch (const Error &error) {
        outcome = error.message();
      }
      late = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started) - limit;
      lua.exec("collectgarbage()");
    }
    std::printf("a gigabyte, %lld ms limit: %s, %lld ms after the deadline\n", static_cast<long long>(limit.count()),
                outcome.c_str(), static_cast<long long>(late.count()));
    if (outcome != "made it") EXPECT_EQ(outcome, "time limit of " + std::to_string(limit.count()) + " ms exceeded");
    EXPECT_LE(late, allowed);
  }
}

TEST(Limits, InstructionBudgetCountsTheWorkOfStringFunctions) {
  State lua;
  lua.set_call_limits({.instructions = 1'000'000});
  std::vector<std::string> runaways = {with_pathological("string.find(%s)"),
                                       with_pathological("while true do pcall(string.gsub, %s, '') end"),
                                       "string.rep('x', 2^31 - 256)"};
  for (const std::string &code : runaways) {
    EXPECT_EQ(stopped(lua, code.c_str()), "instruction limit of 1000000 exceeded") << code;
    expect_usable(lua);
  }
}

TEST(Deadlines, TheHostsInterruptStopsStringFunctionsPromptly) {
  State lua;
  auto started = Clock::now();
  // The time limit is far past the host's word: a host not heard fails the test, not hangs it.
  CallLimits limits{.time = 20s, .interrupt = [&started] { return Clock::now() - started > 100ms; }};
  lua.set_call_limits(limits);
  const std::string interrupted = "interrupted by the host";
  std::vector<std::string> runaways = {with_pathological("string.find(%s)"), "string.rep('x', 2^31 - 256)"};
  std::chrono::milliseconds worst{0};
  for (const std::string &code : runaways) {
    std::chrono::milliseconds late = std::chrono::hours(1), allowed{};
    std::string message = interrupted;
    for (int attempt = 0; attempt < 3 && message == interrupted && late > allowed; ++attempt) {  // as stop_all
      allowed = allowed_lateness(cost_of_stopping(lua, code, limits));
      started = Clock::now();
      std::chrono::milliseconds elapsed{};
      message = stopped(lua, code.c_str(), &elapsed);
      EXPECT_EQ(message, interrupted) << code;
      late = elapsed - 100ms;
      started = Clock::now() + std::chrono::hours(1);
      expect_usable(lua);
    }
    EXPECT_LE(late, allowed) << code;
    worst = std::max(worst, late);
  }
  std::printf("interrupt: worst %lld ms after the host asked\n", static_cast<long long>(worst.count()));
}

// The control: without limits the same kind of pattern is Lua's own, and really slow. A
// smaller case, so that it ends; the limit that stops it is a fifth of the time it took here.
TEST(Deadlines, WithoutLimitsAPathologicalPatternRunsOnInLuasMatcher) {
  const char *code = "string.find(string.rep('a', 200), '.-.-.-b')";
  State plain;
  auto started = Clock::now();
  plain.exec(code);
  auto unlimited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  std::printf("without limits: %lld ms\n", static_cast<long long>(unlimited.count()));
  // Measured, not assumed: on any machine the budgeted matcher, which takes 0.6 to 1.1 times
  // Lua's time, is still searching at a fifth of it, and its stop ends the call well before
  // Lua's own search did.
  auto limit = std::max(unlimited / 5, std::chrono::milliseconds(1));
  State limited;
  limited.set_call_limits({.time = limit});
  std::chrono::milliseconds elapsed{};
  EXPECT_EQ(stopped(limited, code, &elapsed), "time limit of " + std::to_string(limit.count()) + " ms exceeded");
  EXPECT_LT(elapsed, unlimited);
}

#if LUA_VERSION_NUM >= 502 || defined(LUAJIT_VERSION)  // version: Lua 5.1 yields across no xpcall
// xpcall's guard calls with a continuation (a Lua function on LuaJIT), so a coroutine still
// yields through it.
TEST(Limits, CoroutinesYieldThroughTheGuardedXpcall) {
  State lua;
  lua.set_call_limits({.time = 1s});
  EXPECT_EQ(lua.eval<int>("local co = coroutine.wrap(function()"
                          "  return select(2, xpcall(function() return coroutine.yield(1) + 1 end, tostring))"
                          "end) co() return co(41)"),
            42);
}
#endif
