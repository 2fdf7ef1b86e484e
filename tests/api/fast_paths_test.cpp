// The paths that skip lua_pcall (table and global access, proxies, optional reads, data
// members, returned objects) and their edges: metatables, raising metamethods, the memory
// limit, keys that allocate, closed states. Each result is checked exactly, and so is whether
// a protected call was made.
#include "fixture.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace luaembed;

namespace {

// Counts the functions Lua calls on the main thread from start to count(). A protected call is
// a lua_pcall of a C function, which a call hook sees, so 0 means that no lua_pcall ran. The
// first use of a string key caches it, protected.
class CallCounter {
public:
  explicit CallCounter(const State &lua) : lua_(lua) {
    lua_["count_call"] = [this](Variadic) { ++calls_; };
    lua_.exec("debug.sethook(count_call, 'c')");
    calls_ = 0;
    make_a_protected_call();
    if (calls_ == 0)
      ADD_FAILURE() << "the call hook did not see a lua_pcall of a C function: "
                       "EXPECT_PROTECTED and EXPECT_UNPROTECTED cannot count protected calls";
    calls_ = 0;
  }
  int count() {
    int counted = calls_;
    lua_.exec("debug.sethook()");
    lua_["count_call"] = nullptr;
    return counted;
  }

private:
  // What each protected call of luaembed is, made straight through the C API: the hook must
  // see it whatever luaembed itself does.
  void make_a_protected_call() {
    lua_State *L = lua_.lua_state();
    int top = lua_gettop(L);
    lua_pushcfunction(L, [](lua_State *) { return 0; });
    lua_pcall(L, 0, 0, 0);
    lua_settop(L, top);
  }

  const State &lua_;
  int calls_ = 0;
};

// The statement runs twice: the first time caches its string keys (a protected call).
#define EXPECT_UNPROTECTED(statement)                                       \
  do {                                                                      \
    statement;                                                              \
    CallCounter counter(lua);                                               \
    statement;                                                              \
    EXPECT_EQ(counter.count(), 0) << #statement " made a protected call";   \
  } while (false)

#define EXPECT_PROTECTED(statement)                                         \
  do {                                                                      \
    CallCounter counter(lua);                                               \
    statement;                                                              \
    EXPECT_GT(counter.count(), 0) << #statement " made no protected call";  \
  } while (false)

}  // namespace

TEST_F(Api, PresentFieldsAreReadAndWrittenWithoutAProtectedCall) {
  lua.exec("value = 42 t = {value = 1, [3] = 'three', [true] = 'yes', [2.5] = 'half'} a = {b = {c = 7}}");
  Table t = lua["t"];
  int top = lua_gettop(lua.lua_state());
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["value"].get<int>(), 42));
  EXPECT_UNPROTECTED(lua["value"] = 43);
  EXPECT_EQ(lua.eval<int>("value"), 43);
  EXPECT_UNPROTECTED(EXPECT_EQ(t.get<int>("value"), 1));
  EXPECT_UNPROTECTED(EXPECT_EQ(t["value"].get<int>(), 1));
  EXPECT_UNPROTECTED(t.set("value", 2));
  EXPECT_UNPROTECTED(t["value"] = 3);
  EXPECT_EQ(lua.eval<int>("t.value"), 3);
  EXPECT_UNPROTECTED(EXPECT_EQ(t.get<std::string>(3), "three"));
  EXPECT_UNPROTECTED(EXPECT_EQ(t.get<std::string>(true), "yes"));
  EXPECT_UNPROTECTED(EXPECT_EQ(t.get<std::string>(2.5), "half"));
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["a"]["b"]["c"].get<int>(), 7));
  EXPECT_UNPROTECTED(lua["a"]["b"]["c"] = 8);
  EXPECT_EQ(lua.eval<int>("a.b.c"), 8);
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["t"]["missing"].get<std::optional<int>>(), std::nullopt));
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["missing"]["value"].get<std::optional<int>>(), std::nullopt));
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["missing"].type(), Type::Nil));
  EXPECT_EQ(lua_gettop(lua.lua_state()), top);
}

TEST_F(Api, WhatCouldRaiseOrAllocateRunsProtected) {
  lua.exec("t = {value = 1}");
  Table t = lua["t"];
  EXPECT_PROTECTED(t.set("new", 1));                         // a new key can grow the table
  EXPECT_PROTECTED(t.set("value", std::string(100, 'x')));   // a string value not cached
  EXPECT_PROTECTED(t.set("value", [] { return 1; }));        // a function to create
  EXPECT_PROTECTED(t.get<std::optional<int>>(std::string("never") + " seen"));  // a key not cached
  EXPECT_EQ(t.get<int>("new"), 1);
  EXPECT_EQ(lua.eval<int>("t.value()"), 1);
}

TEST_F(Api, AFieldThatIsPresentDoesNotRunIndexOrNewIndex) {
  lua.exec(R"(
    index_calls, newindex_calls = 0, 0
    t = setmetatable({present = 1}, {
      __index = function(_, key) index_calls = index_calls + 1 return 'default ' .. key end,
      __newindex = function(t, key, value) newindex_calls = newindex_calls + 1 rawset(t, key, value * 10) end,
    }))");
  Table t = lua["t"];
  EXPECT_UNPROTECTED(EXPECT_EQ(t.get<int>("present"), 1));
  EXPECT_UNPROTECTED(t.set("present", 2));
  EXPECT_EQ(lua["index_calls"].get<int>(), 0);
  EXPECT_EQ(lua["newindex_calls"].get<int>(), 0);
  EXPECT_PROTECTED(EXPECT_EQ(t.get<std::string>("absent"), "default absent"));
  EXPECT_PROTECTED(t.set("added", 3));
  EXPECT_EQ(t.raw_get<int>("added"), 30);
  EXPECT_EQ(t.raw_get<Value>("absent").type(), Type::Nil);
  EXPECT_EQ(lua["index_calls"].get<int>(), 1);
  EXPECT_EQ(lua["newindex_calls"].get<int>(), 1);
  // The same through the globals' own metatable.
  lua.exec("setmetatable(_G, {__index = function(_, key) return key .. '!' end})");
  EXPECT_EQ(lua["undefined"].get<std::string>(), "undefined!");
  EXPECT_EQ(lua["t"]["present"].get<int>(), 2);
}

TEST_F(Api, AMetatableWithoutIndexLeavesReadsUnprotected) {
  lua.exec("weak = setmetatable({present = 1}, {__mode = 'k', __newindex = function() error('no', 0) end})");
  Table weak = lua["weak"];
  EXPECT_UNPROTECTED(EXPECT_EQ(weak.get<std::optional<int>>("absent"), std::nullopt));
  EXPECT_UNPROTECTED(EXPECT_EQ(lua["weak"]["absent"].get<Value>().type(), Type::Nil));
  EXPECT_ERROR(weak.set("absent", 1), RuntimeError, "no");  // a new key still runs __newindex
  lua.exec("getmetatable(weak).__index = {absent = 'inherited'}");
  EXPECT_PROTECTED(EXPECT_EQ(weak.get<std::string>("absent"), "inherited"));
}

TEST_F(Api, AnIndexFunctionThatRaisesBecomesAnException) {
  lua.exec(R"(
    strict = setmetatable({present = 1}, {__index = function(_, key) error('no field ' .. key, 0) end})
    nested = {strict = strict})");
  Table strict = lua["strict"];
  int top = lua_gettop(lua.lua_state());
  EXPECT_EQ(strict.get<int>("present"), 1);
  EXPECT_ERROR(strict.get<int>("absent"), RuntimeError, "no field absent");
  EXPECT_ERROR(lua["nested"]["strict"]["absent"].get<int>(), RuntimeError, "no field absent");
  EXPECT_ERROR(lua["nested"]["strict"]["absent"].get<std::optional<int>>(), RuntimeError, "no field absent");
  try {
    strict["absent"].get<int>();
    FAIL() << "no error";
  } catch (const RuntimeError &error) {
    EXPECT_NE(error.traceback().find("[C]: in function 'error'"), std::string::npos) << error.traceback();
  }
  lua.exec("setmetatable(_G, {__index = function(_, key) error('undefined global ' .. key, 0) end})");
  EXPECT_ERROR(lua["nothing"].get<int>(), RuntimeError, "undefined global nothing");
  EXPECT_EQ(lua["strict"]["present"].get<int>(), 1);
  EXPECT_EQ(lua_gettop(lua.lua_state()), top);
}

TEST(FastPaths, AtTheMemoryLimitPresentFieldsStillWorkAndNewKeysFail) {
  State lua;
  // n: a hash part of 64 full slots, which one more key doubles.
  lua.exec("t = {present = 1} n = {} for i = 1, 64 do n[-i] = i end");
  Table t = lua["t"];
  Table n = lua["n"];
  const char *present = "present";
  auto succeed = [&](int value) {
    t.set(present, value);
    EXPECT_EQ(t.get<int>(present), value);
    EXPECT_EQ(lua["t"][present].get<int>(), value);
    n.set(-1, value);
    EXPECT_EQ(n.get<int>(-1), value);
  };
  succeed(1);
  lua.collect_garbage();
  succeed(1);  // the collector may have shrunk the stack: it grows back
  lua.set_memory_limit(lua.memory_used());
  succeed(2);  // nothing to allocate, nothing protected: all of it works at the limit
  EXPECT_ERROR(n.set(1000, 1), MemoryError, "not enough memory");  // the table grows
  EXPECT_ERROR(t.set(present, std::string(1000, 'v')), MemoryError, "not enough memory");
  EXPECT_ERROR(t.get<Value>(std::string(1000, 'k')), MemoryError, "not enough memory");  // a key to create
  EXPECT_ERROR(lua["n"]["a brand new key"] = 1, MemoryError, "not enough memory");
  lua.set_memory_limit(0);
  n.set(1000, 1);
  lua["n"]["a brand new key"] = 1;
  EXPECT_EQ(lua.eval<int>("n[1000] + n['a brand new key'] + t.present + n[-1]"), 6);
}

TEST_F(Api, StringKeysAreComparedByTextNotByAddress) {
  lua.exec("t = {alpha = 1, gamma = 3, ['a\\0b'] = 4}");
  Table t = lua["t"];
  std::string key = "alpha";
  EXPECT_EQ(t.get<int>(key), 1);
  EXPECT_EQ(t.get<int>(key), 1);
  key = "gamma";  // the same buffer, another text
  EXPECT_EQ(t.get<int>(key), 3);
  key = "delta";
  EXPECT_EQ(t.get<std::optional<int>>(key), std::nullopt);
  EXPECT_EQ(t.get<int>(std::string_view("a\0b", 3)), 4);
  EXPECT_EQ(t.get<std::optional<int>>(std::string_view("a\0c", 3)), std::nullopt);
  char buffer[] = "alpha";
  EXPECT_EQ(t.get<int>(buffer), 1);
  buffer[0] = 'g', buffer[1] = 'a', buffer[2] = 'm', buffer[3] = 'm', buffer[4] = 'a';
  EXPECT_EQ(t.get<int>(buffer), 3);
  // More keys than the cache holds, long ones too, read twice: every one is right.
  std::vector<std::string> keys;
  for (int i = 0; i < 300; ++i) keys.push_back("key" + std::to_string(i) + (i % 7 == 0 ? std::string(40, '.') : ""));
  for (int i = 0; i < 300; ++i) t.set(keys[i], i);
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 300; ++i) EXPECT_EQ(t.get<int>(keys[i]), i) << keys[i];
  EXPECT_EQ(lua.eval<int>("t['key14" + std::string(40, '.') + "']"), 14);
}

TEST_F(Api, PathAccessLeavesTheRegistryAndTheHeapAlone) {
  lua.exec("value = 1 t = {field = 1} a = {b = {c = 1}}");
  Table t = lua["t"];
  auto touch = [&] {
    for (int i = 0; i < 1000; ++i) {
      lua["value"] = lua["value"].get<int>() + 1;
      t["field"] = t.get<int>("field") + 1;
      lua["a"]["b"]["c"] = lua["a"]["b"]["c"].get<int>() + 1;
      if (lua["a"]["missing"].get<std::optional<int>>()) FAIL();
    }
  };
  touch();
  std::size_t registry = lua.registry().raw_length();
  std::size_t allocations = lua.allocation_count();
  touch();
  EXPECT_EQ(lua.allocation_count() - allocations, 0u);
  EXPECT_EQ(lua.registry().raw_length(), registry);
  EXPECT_EQ(lua.eval<int>("value + t.field + a.b.c"), 6003);
}

TEST_F(Api, PathsCheckEveryTableOnTheWay) {
  lua.exec("config = {window = {title = 'demo'}, count = 3}");
  EXPECT_ERROR(lua["config"]["count"]["x"].get<int>(), ConversionError,
               "cannot convert Lua number to luaembed::Table (table expected)");
  EXPECT_ERROR(lua["config"]["count"]["x"].get<std::optional<int>>(), ConversionError,
               "cannot convert Lua number to luaembed::Table (table expected)");
  EXPECT_ERROR(lua["config"]["missing"]["x"].get<int>(), ConversionError,
               "cannot convert Lua nil to luaembed::Table (table expected)");
  EXPECT_ERROR(lua["config"]["missing"]["x"] = 1, ConversionError,
               "cannot convert Lua nil to luaembed::Table (table expected)");
  EXPECT_ERROR(lua["config"]["window"]["title"]["x"] = 1, ConversionError,
               "cannot convert Lua string to luaembed::Table (table expected)");
  EXPECT_EQ(lua["config"]["missing"]["x"]["y"].get<std::optional<int>>(), std::nullopt);
  EXPECT_EQ(lua["config"]["window"]["title"].get<std::optional<std::string>>(), "demo");
  EXPECT_TRUE(lua["config"]["window"]["title"].is<std::string>());
  EXPECT_EQ(lua["config"]["window"].type(), Type::Table);
  // Paths are read when used, not when made.
  auto title = lua["config"]["window"]["title"];
  lua.exec("config.window = {title = 'changed'}");
  EXPECT_EQ(title.get<std::string>(), "changed");
}

TEST_F(Api, AssigningAProxyAssignsItsValue) {
  lua.exec("original = {1, 2} t = {x = 'x', y = 'y'}");
  lua["copy"] = lua["original"];
  EXPECT_TRUE(lua.eval<bool>("copy == original"));
  Table t = lua["t"];
  auto x = t["x"];
  auto y = t["y"];
  x = y;
  EXPECT_EQ(lua.eval<std::string>("t.x .. t.y"), "yy");
  lua["t"]["z"] = lua["original"][2];
  EXPECT_EQ(t.get<int>("z"), 2);
}

TEST_F(Api, ProxiesOfTemporaryTablesKeepThem) {
  auto deep = lua.eval<Table>("{x = {y = 5}}")["x"]["y"];
  lua.collect_garbage();
  EXPECT_EQ(deep.get<int>(), 5);
  deep = 6;
  EXPECT_EQ(deep.get<int>(), 6);
  Table t = lua.create_table();
  auto field = t["f"];  // refers to t
  field = 1;
  EXPECT_EQ(t.get<int>("f"), 1);
}

TEST(FastPaths, HandlesAndProxiesOfAClosedStateThrow) {
  Table table;
  Value value;
  {
    State lua;
    table = lua.eval<Table>("{present = 1}");
    value = lua.eval<Value>("'text'");
    EXPECT_EQ(table["present"].get<int>(), 1);
  }
  const char *closed =
      "a luaembed handle was used after its Lua state was closed; keep the State alive as long as its Table, "
      "Function and Value handles";
  EXPECT_ERROR(table.get<int>("present"), StateClosedError, closed);
  EXPECT_ERROR(table["present"].get<int>(), StateClosedError, closed);
  EXPECT_ERROR(table["present"]["x"] = 1, StateClosedError, closed);
  EXPECT_ERROR(table.set("present", 2), StateClosedError, closed);
  EXPECT_ERROR(table.raw_get<int>("present"), StateClosedError, closed);
  State other;
  other.exec("t = {present = 1}");
  Table live = other["t"];
  int top = lua_gettop(other.lua_state());
  EXPECT_ERROR(live.set("present", value), StateClosedError, closed);  // a value of the closed state
  EXPECT_ERROR(live.get<int>(value), StateClosedError, closed);        // a key of it
  EXPECT_EQ(lua_gettop(other.lua_state()), top);
  State moved = std::move(other);
  EXPECT_ERROR(other["t"].get<Value>(), StateClosedError, closed);
  EXPECT_EQ(moved["t"]["present"].get<int>(), 1);
}

TEST_F(Api, RawAccessSkipsMetamethodsOnEveryPath) {
  lua.exec("t = setmetatable({present = 1}, {__index = function() error('index') end, "
           "__newindex = function() error('newindex') end})");
  Table t = lua["t"];
  EXPECT_UNPROTECTED(EXPECT_EQ(t.raw_get<std::optional<int>>("absent"), std::nullopt));
  EXPECT_UNPROTECTED(t.raw_set("present", 5));
  EXPECT_PROTECTED(t.raw_set("absent", 6));
  EXPECT_EQ(t.raw_get<int>("absent"), 6);
  EXPECT_EQ(t.raw_get<int>("present"), 5);
  EXPECT_ERROR(t.raw_set(std::nullopt, 1), RuntimeError, "table index is nil");
}

// ---- classes ------------------------------------------------------------------------------

namespace {

struct Sample {
  long long count = 0;
  std::string label = "start";
  std::vector<int> values{1, 2};
  const int fixed = 9;
};

struct Tracked {
  static inline int alive = 0;
  long long id = 0;
  Tracked() { ++alive; }
  Tracked(const Tracked &other) : id(other.id) { ++alive; }
  ~Tracked() { --alive; }
};

struct Plain {
  long long x = 0;
};

struct Derived : Sample {
  long long extra = 1;
};

}  // namespace

TEST_F(Api, DataMembersAreReadAndWrittenByTheDispatch) {
  lua.new_class<Sample>("Sample")
      .constructor<>()
      .property("count", &Sample::count)
      .property("label", &Sample::label)
      .property("values", &Sample::values)
      .readonly_property("fixed", &Sample::fixed);
  lua.new_class<Derived>("Derived").base<Sample>().constructor<>().property("extra", &Derived::extra);
  EXPECT_EQ(lua.eval<std::string>("local s = Sample.new() s.count = 5 s.label = 'x' s.values = {3, 4, 5} "
                                  "return s.count .. s.label .. #s.values .. s.values[3] .. s.fixed"),
            "5x359");
  EXPECT_EQ(lua.eval<std::string>("local d = Derived.new() d.count = 2 d.extra = 3 return d.count .. d.extra .. d.label"),
            "23start");
  EXPECT_ERROR(lua.exec("Sample.new().count = 'many'", "=t"), RuntimeError,
               "bad argument #2 to '?' (number expected, got string)");
  EXPECT_ERROR(lua.exec("Sample.new().count = 1.5", "=t"), RuntimeError,
               "bad argument #2 to '?' (number has no integer representation)");
  EXPECT_ERROR(lua.exec("Derived.new().label = {}", "=t"), RuntimeError,
               "bad argument #2 to '?' (string expected, got table)");
  EXPECT_ERROR(lua.exec("Sample.new().fixed = 1", "=t"), RuntimeError, "t:1: property 'fixed' of Sample is read-only");
  EXPECT_ERROR(lua.exec("debug.getmetatable(Sample.new()).__index(5, 'count')", "=t"), RuntimeError,
               "bad argument #1 to '?' (Sample expected, got number)");
  EXPECT_ERROR(lua.exec("debug.getmetatable(Sample.new()).__newindex({}, 'count', 1)", "=t"), RuntimeError,
               "bad argument #1 to '?' (Sample expected, got table)");
  // A Derived passed to Sample's own __index: checked, then cast.
  EXPECT_EQ(lua.eval<int>("local d = Derived.new() d.count = 4 return debug.getmetatable(Sample.new()).__index(d, 'count')"), 4);

  Sample sample;
  const Sample constant;
  lua.scope([&](Scope &scope) {
    lua["borrowed"] = scope.borrow(sample);
    lua["constant"] = scope.borrow(constant);
    lua.exec("borrowed.count = 11 borrowed.label = 'lent'");
    EXPECT_EQ(lua.eval<std::string>("constant.label .. constant.count"), "start0");
    EXPECT_ERROR(lua.exec("constant.count = 1"), RuntimeError, "bad argument #1 to '?' (Sample is const here)");
  });
  EXPECT_EQ(sample.count, 11);
  EXPECT_EQ(sample.label, "lent");
  EXPECT_ERROR(lua.exec("return borrowed.count"), RuntimeError, "userdata has been destroyed");
  EXPECT_ERROR(lua.exec("borrowed.count = 1"), RuntimeError, "userdata has been destroyed");
}

TEST_F(Api, ObjectsThatNeedNoFinalizerBehaveAlike) {
  lua.new_class<Plain>("Plain").constructor<>().property("x", &Plain::x);
  lua.new_class<Tracked>("Tracked").constructor<>().property("id", &Tracked::id);
  lua["make_plain"] = [](long long x) { return Plain{x}; };
  lua["make_tracked"] = [](long long id) {
    Tracked tracked;
    tracked.id = id;
    return tracked;
  };
  lua.exec("p = make_plain(3) q = Plain.new() t = make_tracked(4)");
  // Metamethods added after the objects exist apply to every one of them.
  lua.new_class<Plain>("Plain").meta(Meta::ToString, [](const Plain &p) { return "Plain " + std::to_string(p.x); });
  lua.new_class<Plain>("Plain").method("twice", [](const Plain &p) { return 2 * p.x; });
  EXPECT_EQ(lua.eval<std::string>("tostring(p) .. ' ' .. tostring(q) .. ' ' .. p:twice() .. ' ' .. getmetatable(p)"),
            "Plain 3 Plain 0 6 Plain");
  EXPECT_EQ(lua["p"].get<Plain>().x, 3);
  EXPECT_EQ(lua["p"].get<Plain &>().x, 3);
  EXPECT_ERROR(lua["t"]["id"].get<Value>(), ConversionError,  // a path leads through tables only
               "cannot convert Lua userdata to luaembed::Table (table expected)");
  EXPECT_EQ(lua.eval<long long>("t.id"), 4);
  lua.exec("t = nil for i = 1, 100 do local a, b = make_plain(i), make_tracked(i) end");
  lua.collect_garbage();
  lua.collect_garbage();
  EXPECT_EQ(Tracked::alive, 0);  // objects with a destructor are still finalized
}

TEST(FastPaths, ReturningAnObjectAtTheMemoryLimitIsALuaMemoryError) {
  State lua;
  lua.new_class<Plain>("Plain").constructor<>().property("x", &Plain::x);
  lua["make"] = [](long long x) { return Plain{x}; };
  // Slots made beforehand: storing an object in one allocates nothing.
  lua.exec("ok, message, slots = 0, 0, {} for i = 1, 100000 do slots[i] = false end");
  Function direct = lua.load("for i = 1, #slots do slots[i] = make(i) end");
  Function caught = lua.load("for i = 1, #slots do ok, message = pcall(make, i) if not ok then return end "
                             "slots[i] = message end");
  Function clear = lua.load("for i = 1, #slots do slots[i] = false end");
  lua.collect_garbage();
  lua.set_memory_limit(lua.memory_used() + 32 * 1024);
  EXPECT_ERROR(direct.call(), MemoryError, "not enough memory");
  clear.call();
  caught.call();
  lua.set_memory_limit(0);
  EXPECT_EQ(lua.eval<std::string>("tostring(ok) .. ' ' .. tostring(message)"), "false not enough memory");
  clear.call();
  EXPECT_EQ(lua.eval<long long>("make(5).x"), 5);
}

TEST_F(Api, CallsKeepTheStackBalancedOnEveryOutcome) {
  Function identity = lua.eval<Function>("function(...) return ... end");
  Function fail = lua.eval<Function>("function() error('failed', 0) end");
  lua_State *L = lua.lua_state();
  int top = lua_gettop(L);
  EXPECT_EQ(identity.call<int>(1, 2), 1);
  auto [a, b, c] = identity.call<std::tuple<int, int, std::optional<int>>>(1, 2);
  EXPECT_EQ(a + b, 3);
  EXPECT_EQ(c, std::nullopt);
  EXPECT_EQ(identity.call<std::string>(std::string("allocated")), "allocated");
  EXPECT_ERROR(fail.call(), RuntimeError, "failed");
  EXPECT_ERROR(fail.call(std::string("argument")), RuntimeError, "failed");
  Result<int> result = fail.try_call<int>();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "failed");
  EXPECT_NE(result.error().traceback.find("[C]: in function 'error'"), std::string::npos);
  EXPECT_EQ(identity.try_call<int>(7).value(), 7);
  EXPECT_ERROR(identity.call<int>(std::string("x")), ConversionError,
               "cannot convert Lua string to int (number expected)");
  EXPECT_EQ(lua_gettop(L), top);
}
