// Coroutines: Thread handles, callbacks that yield, generators.
#include "fixture.hpp"

using namespace luaembed;

TEST_F(Api, ThreadsResumeWithArgumentsAndYieldResults) {
  Thread thread = lua.create_thread(lua.load(R"(
    local total = ...
    while true do
      local more = coroutine.yield(total)
      if not more then return "done", total end
      total = total + more
    end
  )"));
  EXPECT_EQ(thread.status(), ThreadStatus::Suspended);
  EXPECT_EQ(thread.resume<int>(10), 10);
  EXPECT_EQ(thread.resume<int>(5), 15);
  EXPECT_EQ(thread.status(), ThreadStatus::Suspended);
  auto [word, total] = thread.resume<std::tuple<std::string, int>>();
  EXPECT_EQ(word, "done");
  EXPECT_EQ(total, 15);
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
  EXPECT_ERROR(thread.resume(), RuntimeError, "cannot resume dead coroutine");
}

TEST_F(Api, StatusRunningAndNormalSeenFromInside) {
  lua["status_of"] = [](StateView here, Thread thread) { return status_name(thread.status_from(here)); };
  lua.exec(R"(
    outer = coroutine.create(function()
      local inner = coroutine.create(function() coroutine.yield(status_of(outer)) end)
      local _, seen_from_inner = coroutine.resume(inner)
      coroutine.yield(status_of(outer), seen_from_inner)
    end)
  )");
  Thread outer = lua["outer"];
  auto [self, from_inner] = outer.resume<std::tuple<std::string, std::string>>();
  EXPECT_EQ(self, "running");
  EXPECT_EQ(from_inner, "normal");
  EXPECT_EQ(status_name(outer.status()), std::string("suspended"));
}

TEST_F(Api, AnErrorInACoroutineCarriesItsTraceback) {
  Thread thread = lua.create_thread(lua.load("local function fail() error('inside') end\nfail()", "=co"));
  try {
    thread.resume();
    FAIL();
  } catch (const RuntimeError &error) {
    EXPECT_EQ(error.message(), "co:1: inside");
    std::string fail = by_version("function 'fail'", "function 'fail'", "local 'fail'", "local 'fail'");
    EXPECT_EQ(error.traceback(), "stack traceback:\n\t[C]: in function 'error'\n\tco:1: in " + fail + "\n\tco:2: in main chunk");
  }
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
}

#if LUA_VERSION_NUM >= 504  // to-be-closed variables
TEST_F(Api, ClosingAThreadRunsItsPendingCloseVariables) {
  lua.exec("closed = false");
  Thread thread = lua.create_thread(lua.load(R"(
    local guard <close> = setmetatable({}, {__close = function() closed = true end})
    coroutine.yield(1)
  )"));
  EXPECT_EQ(thread.resume<int>(), 1);
  thread.close();
  EXPECT_TRUE(lua["closed"].get<bool>());
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
}
#endif

// Before Lua 5.4 nothing can end a coroutine from outside: luaembed marks it closed.
TEST_F(Api, AClosedThreadIsDeadOnEveryVersion) {
  Thread thread = lua.create_thread(lua.load("coroutine.yield(1) error('never resumed')"));
  EXPECT_EQ(thread.resume<int>(), 1);
  EXPECT_EQ(thread.status(), ThreadStatus::Suspended);
  thread.close();
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
  EXPECT_ERROR(thread.resume(), RuntimeError, "cannot resume dead coroutine");
}

TEST_F(Api, CallbacksYieldToTheResumer) {
  lua["wait"] = [](int ticks) { return luaembed::yield(ticks, "waiting"); };
  Thread thread = lua.create_thread(lua.load("local a, b = wait(3) return a + b"));
  auto [ticks, what] = thread.resume<std::tuple<int, std::string>>();
  EXPECT_EQ(ticks, 3);
  EXPECT_EQ(what, "waiting");
  EXPECT_EQ(thread.resume<int>(40, 2), 42);
}

#if LUA_VERSION_NUM >= 502 && !defined(LUAJIT_VERSION)  // continuations; elsewhere rejected at compile time
TEST_F(Api, CallbacksYieldAndContinueInCxx) {
  lua["ask"] = [](std::string question) {
    return luaembed::yield_then(
        [question](std::string answer) {
          return luaembed::yield_then([question, answer](int rating) { return question + " " + answer + " " + std::to_string(rating); },
                                      "rate it");
        },
        question);
  };
  Thread thread = lua.create_thread(lua.load("return 'result: ' .. ask('why?')"));
  EXPECT_EQ(thread.resume<std::string>(), "why?");
  EXPECT_EQ(thread.resume<std::string>("because"), "rate it");
  EXPECT_EQ(thread.resume<std::string>(5), "result: why? because 5");
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
}

TEST_F(Api, AContinuationThatThrowsBecomesAnError) {
  lua["ask"] = []() { return luaembed::yield_then([](int) -> int { throw std::runtime_error("bad answer"); }); };
  Thread thread = lua.create_thread(lua.load("return ask()"));
  thread.resume();
  EXPECT_ERROR(thread.resume(1), CallbackError, "bad answer");
}
#endif

TEST_F(Api, YieldingOutsideACoroutineIsAnError) {
  lua["wait"] = []() { return luaembed::yield(); };
  EXPECT_ERROR(lua.exec("wait()"), RuntimeError,
               by_version("attempt to yield across metamethod/C-call boundary", "attempt to yield from outside a coroutine",
                          "attempt to yield from outside a coroutine", "attempt to yield from outside a coroutine",
                          "attempt to yield across C-call boundary"));
}

TEST_F(Api, GeneratorsIterateOverTheYields) {
  std::vector<int> squares;
  for (int square : Generator<int>(lua.load("for i = 1, 5 do coroutine.yield(i * i) end return 'not a value'")))
    squares.push_back(square);
  EXPECT_EQ(squares, (std::vector<int>{1, 4, 9, 16, 25}));
  int count = 0;
  for (int value : Generator<int>(lua.load("return"))) count += value;
  EXPECT_EQ(count, 0);
}
