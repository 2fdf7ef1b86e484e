// What differs between the Luas luaembed links, asserted exactly for the one this build links:
// numbers, what the host exports, finalizers and to-be-closed variables, the features luaembed
// supplies to older Luas, and modules built for another Lua. docs/versions.md is the table.
#include <luaembed/luaembed.hpp>

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace luaembed;

namespace {

constexpr int version_num = LUA_VERSION_NUM;
constexpr bool luajit = compat::is_luajit;

class Versions : public ::testing::Test {
protected:
  State lua;
};

#define EXPECT_ERROR(statement, Type, expected)                              \
  do {                                                                       \
    try {                                                                    \
      statement;                                                             \
      ADD_FAILURE() << #statement " did not throw";                          \
    } catch (const Type &error) {                                            \
      EXPECT_EQ(std::string(error.what()), std::string(expected));           \
    }                                                                        \
  } while (false)

// ---- numbers ---------------------------------------------------------------------------------

TEST_F(Versions, TheLinkedLuaIsTheOneConfigured) {
  std::string expected = luajit ? "Lua 5.1" : "Lua 5." + std::to_string(version_num % 100);
  EXPECT_EQ(lua.eval<std::string>("_VERSION"), expected);
  EXPECT_EQ(lua.eval<bool>("jit ~= nil"), luajit);
}

#if LUA_VERSION_NUM >= 503
// Lua 5.3 made integers a subtype of number: exact over all of int64_t.
TEST_F(Versions, IntegersAndFloatsAreDistinct) {
  auto [integer, float_one, division, floor_division] =
      lua.eval<std::tuple<std::string, std::string, std::string, std::string>>(
          "math.type(1), math.type(1.0), math.type(3 / 1), math.type(7 // 2)");
  EXPECT_EQ(integer, "integer");
  EXPECT_EQ(float_one, "float");
  EXPECT_EQ(division, "float");
  EXPECT_EQ(floor_division, "integer");
  EXPECT_EQ(lua.eval<std::string>("tostring(3), tostring(3.0)"), "3");
  EXPECT_EQ(lua.eval<std::string>("tostring(3.0)"), "3.0");
  // From C++, integers travel as integers, floats as floats.
  Function kind = lua.load("return math.type(...)");
  EXPECT_EQ(kind.call<std::string>(int64_t{3}), "integer");
  EXPECT_EQ(kind.call<std::string>(3.0), "float");
  int64_t beyond_double = (int64_t{1} << 53) + 1;
  EXPECT_EQ(lua.load("return ...").call<int64_t>(beyond_double), beyond_double);
  EXPECT_EQ(lua.eval<int64_t>("math.maxinteger"), INT64_MAX);
  EXPECT_EQ(lua.eval<int64_t>("math.maxinteger + 1 == math.mininteger and 1 or 0"), 1);  // wraps around
}
#else
// Lua 5.1, 5.2 and LuaJIT: every number is a double. Integers are exact up to 2^53; luaembed
// refuses to round the ones beyond, both ways.
TEST_F(Versions, NumbersAreDoublesExactUpTo2To53) {
  EXPECT_EQ(lua.eval<bool>("math.type == nil"), true);
  EXPECT_EQ(lua.eval<std::string>("tostring(3), tostring(3.0)"), "3");
  EXPECT_EQ(lua.eval<double>("7 / 2"), 3.5);
  int64_t largest = int64_t{1} << 53;
  Function echo = lua.load("return ...");
  EXPECT_EQ(echo.call<int64_t>(largest), largest);
  EXPECT_EQ(echo.call<int64_t>(-largest), -largest);
  std::string doubles = std::string(luajit ? "LuaJIT" : "Lua 5." + std::to_string(version_num % 100)) +
                        " numbers are doubles)";
  EXPECT_ERROR(echo.call<int64_t>(largest + 1), ConversionError,
               "cannot convert 9007199254740993 to a Lua integer: out of range (largest is 9007199254740992: " + doubles);
  EXPECT_ERROR(echo.call<int64_t>(-largest - 1), ConversionError,
               "cannot convert -9007199254740993 to a Lua integer: out of range (smallest is -9007199254740992: " +
                   doubles);
  // Reading is exact too: integral doubles convert, 2^63 and beyond do not fit an int64_t.
  EXPECT_EQ(lua.eval<int64_t>("2^60"), int64_t{1} << 60);
  EXPECT_EQ(lua.eval<int64_t>("'12'"), 12);
  // The C++ type as the compiler names it: "long int" (GCC), "long" (clang).
  EXPECT_ERROR(lua.eval<int64_t>("2^63"), ConversionError,
               "cannot convert Lua number 9.2233720368548e+18 to " + std::string(luaembed::detail::type_name<int64_t>()) +
                   ": it has no integer representation");
  EXPECT_ERROR(lua.eval<int>("3.5"), ConversionError,
               "cannot convert Lua number 3.5 to int: it has no integer representation");
  EXPECT_EQ(lua.eval<uint8_t>("255"), 255);
}
#endif

// ---- what the host exports -------------------------------------------------------------------

// A LuaJIT host exports LuaJIT's public functions too: modules for LuaJIT call luaJIT_setmode.
TEST_F(Versions, LuaJitHostsExportLuaJitsFunctions) {
  void *setmode = dlsym(RTLD_DEFAULT, "luaJIT_setmode");
  void *pushstring = dlsym(RTLD_DEFAULT, "lua_pushstring");
  EXPECT_NE(pushstring, nullptr);
  if (!luajit) {
    EXPECT_EQ(setmode, nullptr);
    return;
  }
  ASSERT_NE(setmode, nullptr);
  EXPECT_NE(dlsym(RTLD_DEFAULT, "luaJIT_profile_start"), nullptr);
#if defined(LUAJIT_VERSION)
  // Through the exported symbol, as a module would call it: the JIT compiler goes off.
  using SetMode = int (*)(lua_State *, int, int);
  EXPECT_TRUE(lua.eval<bool>("jit.status()"));
  EXPECT_EQ(reinterpret_cast<SetMode>(setmode)(lua.lua_state(), 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_OFF), 1);
  EXPECT_FALSE(lua.eval<bool>("jit.status()"));
#endif
}

// OpenResty's LuaJIT (LUAEMBED_LUA_VERSION=luajit2) is the one linked when it is configured,
// and Debian's otherwise: OpenResty's lua.h declares C functions of its own, which its hosts
// export, and it has Lua modules of its own (table.isarray, table.nkeys, ...).
TEST_F(Versions, OpenRestysLuaJitIsLinkedWhenConfigured) {
  constexpr bool openresty = LUAEMBED_TEST_OPENRESTY;
#if defined(OPENRESTY_LUAJIT)
  EXPECT_TRUE(openresty) << "OpenResty's headers, in a build not configured for luajit2";
#else
  EXPECT_FALSE(openresty) << "configured for luajit2, but luajit.h does not define OPENRESTY_LUAJIT";
#endif
  EXPECT_EQ(lua.eval<bool>("(pcall(require, 'table.isarray'))"), openresty);
  if (!luajit) {
    EXPECT_FALSE(openresty);
    return;
  }
  // Lua 5.4 has a lua_resetthread too; among the LuaJITs only OpenResty's does.
  for (const char *name : {"lua_resetthread", "lua_setexdata", "lua_getexdata", "lua_setexdata2", "lua_getexdata2"}) {
    EXPECT_EQ(dlsym(RTLD_DEFAULT, name) != nullptr, openresty) << name;
  }
  if (!openresty) return;
  EXPECT_TRUE(lua.eval<bool>("require('table.isarray')({ 'a', true, 3.5 })"));
  EXPECT_FALSE(lua.eval<bool>("require('table.isarray')({ dog = 3 })"));
  EXPECT_EQ(lua.eval<int>("require('table.nkeys')({ 1, 2, cat = 3 })"), 3);
  // Through the exported symbols, as a module would call them: a state's extra data pointer.
  using SetExdata = void (*)(lua_State *, void *);
  using GetExdata = void *(*)(lua_State *);
  auto set_exdata = reinterpret_cast<SetExdata>(dlsym(RTLD_DEFAULT, "lua_setexdata"));
  auto get_exdata = reinterpret_cast<GetExdata>(dlsym(RTLD_DEFAULT, "lua_getexdata"));
  ASSERT_TRUE(set_exdata != nullptr && get_exdata != nullptr);
  int marker = 0;
  set_exdata(lua.lua_state(), &marker);
  EXPECT_EQ(get_exdata(lua.lua_state()), &marker);
  set_exdata(lua.lua_state(), nullptr);
}

// ---- finalizers and to-be-closed variables ---------------------------------------------------

struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  Counted(const Counted &) { ++alive; }
  ~Counted() { --alive; }
};

// Every version calls __gc for userdata: the destructor of a C++ object runs.
TEST_F(Versions, UserdataFinalizersRunEverywhere) {
  lua.new_class<Counted>("Counted").constructor<>();
  lua.exec("for i = 1, 10 do local c = Counted.new() end");
  lua.collect_garbage();
  lua.collect_garbage();
  EXPECT_EQ(Counted::alive, 0);
  lua.exec("kept = Counted.new()");
  EXPECT_EQ(Counted::alive, 1);
  lua.close();  // closing the state finalizes what is left
  EXPECT_EQ(Counted::alive, 0);
}

// __gc on tables: Lua 5.2 and later; Lua 5.1 and LuaJIT ignore it.
TEST_F(Versions, TableFinalizersFromLua52) {
  lua.exec("collected = false setmetatable({}, { __gc = function() collected = true end })");
  lua.collect_garbage();
  lua.collect_garbage();
  EXPECT_EQ(lua["collected"].get<bool>(), compat::has_table_gc);
}

#if LUA_VERSION_NUM >= 504
TEST_F(Versions, ToBeClosedVariablesRunTheirCloseOnLua54) {
  lua.exec(R"(
    log = {}
    local function closer(name) return setmetatable({}, { __close = function() log[#log + 1] = name end }) end
    do local a <close> = closer("a") local b <close> = closer("b") end
    pcall(function() local c <close> = closer("c") error("x") end)
  )");
  EXPECT_EQ(lua.eval<std::string>("table.concat(log, ' ')"), "b a c");
}
#else
TEST_F(Versions, ToBeClosedVariablesAreASyntaxErrorBeforeLua54) {
  EXPECT_THROW(lua.exec("local a <close> = nil"), SyntaxError);
}
#endif

// Thread::close: on Lua 5.4 the coroutine's pending to-be-closed variables run; elsewhere there
// are none, and luaembed marks the coroutine dead all the same.
TEST_F(Versions, ClosingACoroutineEndsItEverywhere) {
  Thread thread = lua.create_thread(lua.load("coroutine.yield(1) return 2"));
  EXPECT_EQ(thread.resume<int>(), 1);
  thread.close();
  EXPECT_EQ(thread.status(), ThreadStatus::Dead);
  EXPECT_ERROR(thread.resume(), RuntimeError, "cannot resume dead coroutine");
}

// ---- what luaembed supplies ------------------------------------------------------------------

// Callbacks yield on every version; continuing in C++ after the yield (yield_then) needs Lua
// 5.2's continuations and is refused at compile time on Lua 5.1 and LuaJIT (versions.yield_then).
TEST_F(Versions, CallbacksYieldEverywhere) {
  lua["wait"] = [](int ticks) { return luaembed::yield(ticks * 2); };
  Thread thread = lua.create_thread(lua.load("local got = wait(21) return got + 1"));
  EXPECT_EQ(thread.resume<int>(), 42);
  EXPECT_EQ(thread.resume<int>(99), 100);
}

// warn() is Lua 5.4's; with a handler set, luaembed provides it on older Luas, with 5.4's rules.
TEST_F(Versions, WarningsReachTheHandlerEverywhere) {
  EXPECT_EQ(lua.eval<bool>("warn ~= nil"), compat::has_warnings);
  std::vector<std::string> warnings;
  lua.set_warning_handler([&](std::string_view message) { warnings.emplace_back(message); });
  lua.exec("warn('disk ', 'full') warn('@off') warn('hidden') warn('@on') warn('back')");
  EXPECT_EQ(warnings, (std::vector<std::string>{"disk full", "back"}));
  EXPECT_THROW(lua.exec("warn(1, {})"), RuntimeError);
}

// A luaembed object has the user values its class asks for, of any type, on every version;
// before 5.4 at most one (Lua's own).
TEST_F(Versions, ObjectsKeepAUserValueEverywhere) {
  lua.new_class<Counted>("Counted").constructor<>().user_values(1);
  Value object = lua.eval<Value>("Counted.new()");
  EXPECT_TRUE(object.user_value().is_nil());
  object.set_user_value(lua.eval<Value>("'a string'"));
  EXPECT_EQ(object.user_value().get<std::string>(), "a string");
  object.set_user_value(lua.eval<Value>("{ 1, 2 }"));
  EXPECT_EQ(object.user_value().get<Table>().raw_length(), 2u);
  EXPECT_THROW(object.set_user_value(Value(), 2), ConversionError);
  if (version_num < 504) {
    EXPECT_ERROR(lua.new_class<Counted>("Counted").user_values(2), ConversionError,
                 "luaembed: Counted cannot have 2 user values: " LUA_VERSION " gives a userdata from 0 to 1");
  } else {
    lua.new_class<Counted>("Counted").user_values(2);
    Value second = lua.eval<Value>("Counted.new()");
    second.set_user_value(lua.eval<Value>("'two'"), 2);
    EXPECT_EQ(second.user_value(2).get<std::string>(), "two");
  }
}

// The libraries of Libraries::All are what luaL_openlibs opens on that version.
TEST_F(Versions, EachVersionOpensItsOwnLibraries) {
  EXPECT_EQ(lua.eval<bool>("utf8 ~= nil"), version_num >= 503);
  EXPECT_EQ(lua.eval<bool>("bit32 ~= nil"), version_num == 502 || version_num == 503);
  EXPECT_EQ(lua.eval<bool>("bit ~= nil and jit ~= nil and package.preload.ffi ~= nil"), luajit);
  EXPECT_TRUE(lua.eval<bool>("coroutine ~= nil and string ~= nil and package ~= nil"));
  State base_only({.libraries = Libraries::Base});
  EXPECT_TRUE(base_only.eval<bool>("string == nil and print ~= nil"));
}

// ---- the sandbox ----------------------------------------------------------------------------

// The sandbox and environments on every Lua: on 5.1 and LuaJIT, loadstring is the text-only
// load and a chunk loaded in an environment runs in it (setfenv), as 5.2's _ENV does.
TEST_F(Versions, TheSandboxAndEnvironmentsWorkEverywhere) {
  State sandboxed({.sandbox = true});
  EXPECT_EQ(sandboxed.eval<std::string>("type(io) .. type(debug) .. type(load('\\27Lua')) .. type(module) .. "
                                        "type(package.seeall) .. type((package.loaders or package.searchers)[3])"),
            "nilnilnilnilnilnil");
  // loadstring, where the Lua has it (5.1, LuaJIT, and 5.2 as Debian builds it), reads text only.
  std::string refused = luajit ? "attempt to load chunk with wrong mode" : "attempt to load a binary chunk (mode is 't')";
  EXPECT_EQ(sandboxed.eval<std::string>("loadstring and select(2, loadstring('\\27Lua')) or 'none'"),
            version_num <= 502 ? refused : "none");
  for (State *state : {&lua, &sandboxed}) {
    Table environment = state->new_environment();
    const char *loader = version_num < 502 ? "loadstring" : "load";
    state->exec(std::string("secret = 1 ") + loader + "('loaded = true')()", "=script", environment);
    EXPECT_EQ(state->eval<std::string>("type(secret) .. type(loaded)"), "nilnil");
    EXPECT_EQ(environment.get<int>("secret"), 1);
    EXPECT_TRUE(environment.get<bool>("loaded"));
  }
}

// ---- modules of another Lua ------------------------------------------------------------------

// LUAEMBED_TEST_MODULE_DIRS: "<this Lua's module directory>:<another Lua's>".
std::string module_dir(bool own) {
  const char *value = std::getenv("LUAEMBED_TEST_MODULE_DIRS");
  std::string dirs = value != nullptr ? value : "";
  std::size_t colon = dirs.find(':');
  if (colon == std::string::npos) return "";
  return own ? dirs.substr(0, colon) : dirs.substr(colon + 1);
}

// This Lua's own build of Debian's modules loads; another version's fails with the dynamic
// loader's message (it calls API functions this Lua does not have), never a crash.
TEST_F(Versions, ModulesOfThisLuaLoadAndOthersAreRefused) {
  std::string own = module_dir(true);
  std::string other = module_dir(false);
  ASSERT_FALSE(own.empty() || other.empty());
  lua["own"] = own + "/?.so";
  EXPECT_EQ(lua.eval<std::string>("package.cpath = own return require('cjson').encode({ 1, 2 })"), "[1,2]");
  lua["other"] = other + "/?.so";
  auto [loaded, message] = lua.eval<std::tuple<bool, std::string>>(
      "package.loaded.lpeg = nil package.cpath = other return pcall(require, 'lpeg')");
  EXPECT_FALSE(loaded);
  EXPECT_NE(message.find("error loading module 'lpeg' from file '" + other + "/lpeg.so'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("undefined symbol: lua"), std::string::npos) << message;
#if LUAEMBED_TEST_REQUIRE_GUARD
  // The guard says which build to use instead: LuaJIT's is Lua 5.1's.
  std::string running = luajit ? "LuaJIT 2.1" : "Lua 5." + std::to_string(version_num % 100);
  std::string wanted = luajit ? "Lua 5.1" : running;
  EXPECT_NE(message.find("and this program runs " + running + ": use the module's " + wanted +
                         " build (Debian installs it under " + own + "/)."),
            std::string::npos)
      << message;
#endif
}

}  // namespace
