// Errors: kinds, messages, tracebacks, exceptions through callbacks, destructors on every path.
#include "fixture.hpp"

#include <stdexcept>

using namespace luaembed;

TEST_F(Api, RuntimeErrorsCarryMessageAndTraceback) {
  try {
    lua.exec("local function inner() error('deep') end\ninner()", "=chunk");
    FAIL() << "no error";
  } catch (const RuntimeError &error) {
    EXPECT_EQ(error.message(), "chunk:1: deep");
    EXPECT_EQ(error.kind(), ErrorKind::Runtime);
    // LuaJIT names the C function at the bottom by its address: "[C]: at 0x55d9e0a682c0".
    std::string traceback = error.traceback();
    if (luajit && traceback.find("\t[C]: at 0x") != std::string::npos)
      traceback = traceback.substr(0, traceback.rfind("\t[C]: at 0x")) + "\t[C]: in ?";
    EXPECT_EQ(traceback,
              "stack traceback:\n"
              "\t[C]: in function 'error'\n"
              "\tchunk:1: in " + by_version("function", "function", "local", "local") + " 'inner'\n"
              "\tchunk:2: in main chunk");
  }
}

TEST_F(Api, NonStringErrorObjectsAreDescribed) {
  EXPECT_ERROR(lua.exec("error({})"), RuntimeError, "(error object is a table value)");
  // Before Lua 5.3 error() adds the position to a number too: it counts as a string.
  EXPECT_ERROR(lua.exec("error(42)"), RuntimeError, version_num < 503 ? "[string \"error(42)\"]:1: 42" : "42");
  EXPECT_ERROR(lua.exec("error(setmetatable({}, {__tostring = function() return 'custom' end}))"), RuntimeError,
               "custom");
}

TEST_F(Api, SyntaxErrorsSayWhetherMoreInputWouldHelp) {
  try {
    lua.exec("for i = 1, 2 do", "=repl");
    FAIL();
  } catch (const SyntaxError &error) {
    EXPECT_EQ(error.message(), version_num < 502 ? "repl:1: 'end' expected near '<eof>'" : "repl:1: 'end' expected near <eof>");
    EXPECT_TRUE(error.incomplete());
  }
  try {
    lua.exec("x = = 2", "=repl");
    FAIL();
  } catch (const SyntaxError &error) {
    EXPECT_FALSE(error.incomplete());
  }
}

TEST_F(Api, AnErrorInTheErrorHandlerHasItsOwnKind) {
  // Lua reports LUA_ERRERR when the message handler itself fails (in practice: no memory left
  // for the traceback), which Lua code cannot provoke on purpose. The mapping is checked here.
  lua_State *L = lua.lua_state();
  lua_pushliteral(L, "error in error handling");
  EXPECT_ERROR(detail::throw_lua_error(L, LUA_ERRERR), ErrorHandlerError, "error in error handling");
}

TEST_F(Api, CxxExceptionsInCallbacksKeepTheirCause) {
  lua["parse"] = [](std::string text) { return std::stoi(text); };
  try {
    lua.exec("parse('not a number')");
    FAIL();
  } catch (const CallbackError &error) {
    EXPECT_EQ(error.message(), "stoi");
    EXPECT_EQ(error.kind(), ErrorKind::Callback);
    EXPECT_THROW(std::rethrow_exception(error.cause()), std::invalid_argument);
    EXPECT_NE(error.traceback().find("in function 'parse'"), std::string::npos) << error.traceback();
  }
}

TEST_F(Api, LuaCodeCanCatchACallbackErrorAndSeeItsMessage) {
  lua["fail"] = []() { throw std::runtime_error("failed in C++"); };
  EXPECT_EQ(lua.eval<std::string>("local ok, err = pcall(fail) return tostring(ok) .. ' ' .. tostring(err)"),
            "false failed in C++");
}

TEST_F(Api, TheCauseSurvivesNestedCallbacks) {
  lua["fail"] = []() { throw std::out_of_range("innermost"); };
  lua["call_lua"] = [](Function f) { f.call(); };
  try {
    lua.exec("call_lua(function() fail() end)");
    FAIL();
  } catch (const CallbackError &error) {
    EXPECT_EQ(error.message(), "innermost");
    EXPECT_THROW(std::rethrow_exception(error.cause()), std::out_of_range);
  }
}

TEST_F(Api, RaiseAndLuaErrorsFromCallbacksPropagateAsLuaErrors) {
  lua["check"] = [](int value) {
    if (value < 0) luaembed::raise("negative value " + std::to_string(value));
    return value;
  };
  lua["rethrow"] = [](Function f) { f.call(); };
  EXPECT_ERROR(lua.exec("check(-5)"), RuntimeError, "negative value -5");
  EXPECT_EQ(lua.eval<std::string>("select(2, pcall(check, -1))"), "negative value -1");
  EXPECT_ERROR(lua.exec("rethrow(function() error('from lua', 0) end)"), RuntimeError, "from lua");
}

TEST_F(Api, ConversionErrorsOutsideCallbacks) {
  lua["x"] = "text";
  EXPECT_ERROR(lua["x"].get<int>(), ConversionError, "cannot convert Lua string to int (number expected)");
  try {
    lua["x"].get<double>();
  } catch (const ConversionError &error) {
    EXPECT_EQ(error.reason(), "number expected, got string");
  }
}

// Counts live instances: every path must destroy what it constructed.
struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  Counted(const Counted &) { ++alive; }
  ~Counted() { --alive; }
};

// A result that owns something: pushing it allocates, and may fail.
struct TrackedText {
  Counted tracked;
  std::string text;
};

template <>
struct luaembed::Converter<TrackedText> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const TrackedText &value) { lua_pushlstring(L, value.text.data(), value.text.size()); }
};

// Fails, when asked to, every allocation of a kilobyte or more: the result string below.
struct FailBigAllocations {
  bool enabled = false;
  static void *allocate(void *data, void *block, size_t, size_t new_size) {
    if (new_size == 0) return free(block), nullptr;
    if (static_cast<FailBigAllocations *>(data)->enabled && new_size >= 1000) return nullptr;
    return realloc(block, new_size);
  }
};

TEST(Errors, NoErrorPathSkipsADestructor) {
  FailBigAllocations failing;
  State lua(StateOptions{.allocator = FailBigAllocations::allocate, .allocator_data = &failing});
  lua["raise_with_local"] = []() {
    Counted local;
    luaembed::raise("raised");
  };
  lua["throw_with_local"] = []() {
    Counted local;
    throw std::runtime_error("thrown");
  };
  lua["nested_lua_error"] = [](Function f) {
    Counted local;
    f.call();
  };
  lua["returns_text"] = []() { return TrackedText{{}, std::string(1000, 'x')}; };
  EXPECT_THROW(lua.exec("raise_with_local()"), RuntimeError);
  EXPECT_THROW(lua.exec("throw_with_local()"), CallbackError);
  EXPECT_THROW(lua.exec("nested_lua_error(function() error('x') end)"), RuntimeError);
  EXPECT_EQ(Counted::alive, 0);
  EXPECT_EQ(lua.eval<std::string>("returns_text()").size(), 1000u);
  lua.collect_garbage();   // Lua 5.1 and LuaJIT would find the same long string still interned
  failing.enabled = true;  // now the result string cannot be created
  // Lua raises its own "not enough memory" object as a memory error again (lua_error does).
  EXPECT_ERROR(lua.exec("returns_text()"), MemoryError, "not enough memory");
  failing.enabled = false;
  EXPECT_EQ(Counted::alive, 0);
}
