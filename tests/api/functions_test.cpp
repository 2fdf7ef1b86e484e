// Functions: C++ callables in Lua, Lua functions in C++.
#include "fixture.hpp"

#include <memory>

using namespace luaembed;

static int add(int a, int b) { return a + b; }

TEST_F(Api, FreeFunctionsLambdasAndStdFunctionsBind) {
  lua["add"] = add;
  lua["add_pointer"] = &add;
  int offset = 100;
  lua["add_offset"] = [offset](int a) { return a + offset; };
  lua["twice"] = std::function<int(int)>([](int x) { return 2 * x; });
  EXPECT_EQ(lua.eval<int>("add(1, 2) + add_pointer(3, 4) + add_offset(5) + twice(6)"), 3 + 7 + 105 + 12);
}

TEST_F(Api, MoveOnlyLambdasBind) {
  auto owned = std::make_unique<int>(41);
  lua["next_answer"] = [owned = std::move(owned)]() { return ++*owned; };
  EXPECT_EQ(lua.eval<int>("next_answer()"), 42);
  EXPECT_EQ(lua.eval<int>("next_answer()"), 43);
}

struct Counter {
  int value = 0;
  int increment(int by) { return value += by; }
  int get() const { return value; }
};

template <>
struct luaembed::Converter<Counter *> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, Counter *counter) { lua_pushlightuserdata(L, counter); }
  static Counter *get(lua_State *L, int index) { return static_cast<Counter *>(lua_touserdata(L, index)); }
  static bool is(lua_State *L, int index) { return lua_islightuserdata(L, index); }
};

TEST_F(Api, MemberFunctionPointersTakeTheObjectFirst) {
  Counter counter;
  lua["counter"] = &counter;
  lua["increment"] = &Counter::increment;
  lua["get"] = &Counter::get;
  EXPECT_EQ(lua.eval<int>("increment(counter, 5) + increment(counter, 2)"), 5 + 7);
  EXPECT_EQ(lua.eval<int>("get(counter)"), 7);
}

TEST_F(Api, BadArgumentsAreReportedInLuasOwnWords) {
  lua["add"] = add;
  lua["small"] = [](uint8_t value) { return value; };
  EXPECT_ERROR(lua.exec("add(1, 'x')", "=test"), RuntimeError, "test:1: bad argument #2 to 'add' (number expected, got string)");
  EXPECT_ERROR(lua.exec("add(1)", "=test"), RuntimeError, "test:1: bad argument #2 to 'add' (number expected, got no value)");
  EXPECT_ERROR(lua.exec("add(1.5, 2)", "=test"), RuntimeError,
               "test:1: bad argument #1 to 'add' (number has no integer representation)");
  EXPECT_ERROR(lua.exec("small(256)", "=test"), RuntimeError,
               "test:1: bad argument #1 to 'small' (integer 256 out of range for unsigned char)");
  // The same message as Lua's own functions give.
  EXPECT_ERROR(lua.exec("string.rep(1, 'x')", "=test"), RuntimeError,
               "test:1: bad argument #2 to 'rep' (number expected, got string)");
}

TEST_F(Api, TrailingOptionalsVariadicsAndMultipleResults) {
  lua["greet"] = [](std::string name, std::optional<std::string> greeting) {
    return greeting.value_or("hello") + " " + name;
  };
  lua["count"] = [](int first, Variadic rest) { return first + rest.size(); };
  lua["sum_all"] = [](Variadic values) {
    double total = 0;
    for (int i = 0; i < values.size(); ++i) total += values.get<double>(i);
    return total;
  };
  lua["divide"] = [](int a, int b) { return std::make_tuple(a / b, a % b); };
  EXPECT_EQ(lua.eval<std::string>("greet('ann')"), "hello ann");
  EXPECT_EQ(lua.eval<std::string>("greet('bob', 'hi')"), "hi bob");
  EXPECT_EQ(lua.eval<int>("count(10, 'a', nil, {})"), 13);
  EXPECT_EQ(lua.eval<double>("sum_all(1, 2.5, 3)"), 6.5);
  EXPECT_EQ(lua.eval<std::string>("local q, r = divide(17, 5) return q .. ' ' .. r"), "3 2");
}

TEST_F(Api, ConstReferenceParametersConvertByValue) {
  lua["total"] = [](const std::vector<int> &numbers, const std::string &label) {
    int sum = 0;
    for (int n : numbers) sum += n;
    return label + std::to_string(sum);
  };
  lua["size_of"] = [](const std::map<std::string, int> &map, const Table &table) { return map.size() + table.raw_length(); };
  EXPECT_EQ(lua.eval<std::string>("total({1, 2, 3}, 'sum ')"), "sum 6");
  EXPECT_EQ(lua.eval<int>("size_of({a = 1, b = 2}, {1, 2, 3})"), 5);
}

TEST_F(Api, CallbacksReceiveTheStateAndStackValues) {
  lua["kind"] = [](StateView state, StackValue value) {
    return std::string(type_name(value.type())) + (state.app_data<int>() ? " with data" : "");
  };
  EXPECT_EQ(lua.eval<std::string>("kind({})"), "table");
  lua.set_app_data(5);
  EXPECT_EQ(lua.eval<std::string>("kind(1)"), "number with data");
}

TEST_F(Api, LuaFunctionsCalledFromCxx) {
  Function echo = lua.load("return ...");
  auto [a, b, c] = echo.call<std::tuple<int, std::string, bool>>(1, "two", true);
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, "two");
  EXPECT_TRUE(c);
  EXPECT_EQ(echo.call<std::vector<int>>(std::vector{1, 2, 3}), (std::vector<int>{1, 2, 3}));
  echo.call();  // results dropped
  Function max = lua["math"]["max"];
  EXPECT_EQ(max.call<int>(3, 9, 4), 9);
}

TEST_F(Api, StdFunctionFromLuaCallsTheLuaFunction) {
  auto square = lua.eval<std::function<int(int)>>("function(x) return x * x end");
  EXPECT_EQ(square(7), 49);
  auto failing = lua.eval<std::function<void()>>("function() error('inside', 0) end");
  EXPECT_ERROR(failing(), RuntimeError, "inside");
}

TEST_F(Api, FunctionsCreatedExplicitly) {
  Function triple = lua.function([](int x) { return 3 * x; });
  EXPECT_EQ(triple.call<int>(5), 15);
  lua["triple"] = triple;
  EXPECT_EQ(lua.eval<int>("triple(2)"), 6);
}

TEST_F(Api, NonThrowingCallsReturnResults) {
  Result<int> good = lua.load("return 1 + ...").try_call<int>(1);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 2);
  Result<int> bad = lua.load("error('nope', 0)").try_call<int>();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::Runtime);
  EXPECT_EQ(bad.error().message, "nope");
  EXPECT_NE(bad.error().traceback.find("stack traceback:"), std::string::npos);
  Result<void> syntax = lua.try_exec("x = = 1", "=s");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().kind, ErrorKind::Syntax);
  EXPECT_EQ(syntax.error().message, "s:1: unexpected symbol near '='");
  Result<int> evaluated = lua.try_eval<int>("40 + 2");
  EXPECT_EQ(evaluated.value(), 42);
  Result<int> incomplete = lua.try_eval<int>("function f()");
  EXPECT_TRUE(incomplete.error().incomplete);
}
