// C++ classes as userdata: registration, ownership, inheritance, type safety.
#include "fixture.hpp"

#include <cmath>
#include <memory>

using namespace luaembed;

namespace {

struct Vec2 {
  double x = 0, y = 0;
  static inline int alive = 0;
  Vec2() { ++alive; }
  Vec2(double x, double y) : x(x), y(y) { ++alive; }
  Vec2(const Vec2 &other) : x(other.x), y(other.y) { ++alive; }
  ~Vec2() { --alive; }
  double length() const { return std::hypot(x, y); }
  void scale(double factor) { x *= factor, y *= factor; }
  double dot(const Vec2 &other) const { return x * other.x + y * other.y; }
  double dot(double s) const { return (x + y) * s; }
  static Vec2 unit() { return {1, 0}; }
};

class Account {
public:
  explicit Account(std::string owner) : owner_(std::move(owner)) {}
  const std::string &owner() const { return owner_; }
  int balance() const { return balance_; }
  void set_balance(int value) { balance_ = value; }
  int id = 7;

private:
  std::string owner_;
  int balance_ = 0;
};

class ApiClasses : public Api {
protected:
  void SetUp() override {
    lua.new_class<Vec2>("Vec2")
        .constructor<>()
        .constructor<double, double>()
        .property("x", &Vec2::x)
        .property("y", &Vec2::y)
        .method("length", &Vec2::length)
        .method("scale", &Vec2::scale)
        .method("dot", select<double(const Vec2 &) const>(&Vec2::dot))
        .method("dot_scalar", select<double(double) const>(&Vec2::dot))
        .static_function("unit", &Vec2::unit)
        .meta(Meta::Add, [](const Vec2 &a, const Vec2 &b) { return Vec2{a.x + b.x, a.y + b.y}; })
        .meta(Meta::Eq, [](const Vec2 &a, const Vec2 &b) { return a.x == b.x && a.y == b.y; })
        .meta(Meta::ToString, [](const Vec2 &v) { return "Vec2(" + std::to_string(int(v.x)) + ", " + std::to_string(int(v.y)) + ")"; });
  }
};

}  // namespace

TEST_F(ApiClasses, ConstructorsAreChosenByArityAndTypes) {
  EXPECT_EQ(lua.eval<double>("Vec2.new(3, 4):length()"), 5.0);
  EXPECT_EQ(lua.eval<double>("Vec2.new():length()"), 0.0);
  EXPECT_ERROR(lua.exec("Vec2.new('a')", "=t"), RuntimeError, "t:1: no constructor of Vec2 takes (string)");
  EXPECT_ERROR(lua.exec("Vec2.new(1, {})", "=t"), RuntimeError, "t:1: no constructor of Vec2 takes (number, table)");
}

TEST_F(ApiClasses, MethodsPropertiesAndStaticFunctions) {
  EXPECT_EQ(lua.eval<std::string>("local v = Vec2.new(1, 2) v:scale(2) v.x = v.x + 1 return tostring(v)"), "Vec2(3, 4)");
  EXPECT_EQ(lua.eval<double>("Vec2.new(1, 2):dot(Vec2.new(3, 4))"), 11.0);
  EXPECT_EQ(lua.eval<double>("Vec2.new(1, 2):dot_scalar(10)"), 30.0);
  EXPECT_EQ(lua.eval<double>("Vec2.unit().x"), 1.0);
  EXPECT_ERROR(lua.exec("Vec2.new().z = 1", "=t"), RuntimeError, "t:1: Vec2 has no property 'z'");
  EXPECT_EQ(lua.eval<Value>("Vec2.new().z").type(), Type::Nil);
}

TEST_F(Api, ReadOnlyPropertiesAndGetterSetterPairs) {
  lua.new_class<Account>("Account")
      .constructor<std::string>()
      .property("owner", &Account::owner)
      .property("balance", &Account::balance, &Account::set_balance)
      .readonly_property("id", &Account::id);
  EXPECT_EQ(lua.eval<std::string>("local a = Account.new('ann') a.balance = 50 return a.owner .. a.balance .. a.id"),
            "ann507");
  EXPECT_ERROR(lua.exec("Account.new('x').owner = 'y'", "=t"), RuntimeError, "t:1: property 'owner' of Account is read-only");
  EXPECT_ERROR(lua.exec("Account.new('x').id = 1", "=t"), RuntimeError, "t:1: property 'id' of Account is read-only");
}

struct Number {
  long long value;
};

TEST_F(Api, EveryOperatorCanBeAMetamethod) {
  using N = const Number &;
  auto make = [](long long v) { return Number{v}; };
  lua.new_class<Number>("Number")
      .constructor<long long>()
      .property("value", &Number::value)
      .meta(Meta::Add, [=](N a, N b) { return make(a.value + b.value); })
      .meta(Meta::Sub, [=](N a, N b) { return make(a.value - b.value); })
      .meta(Meta::Mul, [=](N a, N b) { return make(a.value * b.value); })
      .meta(Meta::Div, [=](N a, N b) { return make(a.value / b.value); })
      .meta(Meta::Mod, [=](N a, N b) { return make(a.value % b.value); })
      .meta(Meta::Pow, [=](N a, N b) { return make(static_cast<long long>(std::pow(a.value, b.value))); })
      .meta(Meta::Unm, [=](N a, N) { return make(-a.value); })
      .meta(Meta::IDiv, [=](N a, N b) { return make(a.value / b.value); })
      .meta(Meta::BAnd, [=](N a, N b) { return make(a.value & b.value); })
      .meta(Meta::BOr, [=](N a, N b) { return make(a.value | b.value); })
      .meta(Meta::BXor, [=](N a, N b) { return make(a.value ^ b.value); })
      .meta(Meta::Shl, [=](N a, N b) { return make(a.value << b.value); })
      .meta(Meta::Shr, [=](N a, N b) { return make(a.value >> b.value); })
      .meta(Meta::BNot, [=](N a, N) { return make(~a.value); })
      .meta(Meta::Concat, [](N a, N b) { return std::to_string(a.value) + std::to_string(b.value); })
      .meta(Meta::Len, [](N a) { return a.value * 10; })
      .meta(Meta::Eq, [](N a, N b) { return a.value == b.value; })
      .meta(Meta::Lt, [](N a, N b) { return a.value < b.value; })
      .meta(Meta::Le, [](N a, N b) { return a.value <= b.value; })
      .meta(Meta::Call, [](N a, long long b) { return a.value + b; })
      .meta(Meta::ToString, [](N a) { return "#" + std::to_string(a.value); });
  lua.exec("N = Number.new a, b = N(12), N(5)");
  EXPECT_EQ(lua.eval<std::string>("return table.concat({(a + b).value, (a - b).value, (a * b).value, (a / b).value, "
                                  "(a % b).value, (b ^ N(2)).value, (-a).value}, ' ')"),
            "17 7 60 2 2 25 -12");
#if LUA_VERSION_NUM >= 503  // integer division and the bitwise operators; before, no such syntax
  EXPECT_EQ(lua.eval<std::string>("return table.concat({(a // b).value, (a & b).value, (a | b).value, "
                                  "(a ~ b).value, (a << N(2)).value, (a >> N(2)).value, (~a).value}, ' ')"),
            "2 4 13 9 48 3 -13");
#endif
  auto [concat, length, equal, unequal, less, less_equal, called, text] =
      lua.eval<std::tuple<std::string, int, bool, bool, bool, bool, int, std::string>>(
          "a .. b, #a, a == N(12), a ~= b, b < a, a <= a, a(3), tostring(a)");
  EXPECT_EQ(concat, "125");
  EXPECT_EQ(length, 120);
  EXPECT_TRUE(equal && unequal && less && less_equal);
  EXPECT_EQ(called, 15);
  EXPECT_EQ(text, "#12");
}

struct Bag {
  std::map<std::string, int> items;
};

// A bag of named counts: Index and NewIndex reach its items, Pairs walks them.
void define_bag(State &lua) {
  lua.new_class<Bag>("Bag")
      .constructor<>()
      .method("count", [](const Bag &bag) { return bag.items.size(); })
      .meta(Meta::Index, [](const Bag &bag, std::string key) -> std::optional<int> {
        auto found = bag.items.find(key);
        if (found == bag.items.end()) return std::nullopt;
        return found->second;
      })
      .meta(Meta::NewIndex, [](Bag &bag, std::string key, int value) { bag.items[key] = value; })
      .meta(Meta::Pairs, [](StateView state, const Bag &bag) {
        return std::make_tuple(state.eval<Function>("next"), bag.items, Value());
      });
}

TEST_F(Api, IndexAndNewIndexFallbacks) {
  define_bag(lua);
  EXPECT_EQ(lua.eval<std::string>(R"(
      local bag = Bag.new()
      bag.apples = 3
      bag.pears = 4
      return bag:count() .. ' ' .. bag.apples .. ' ' .. tostring(bag.plums)
    )"),
            "2 3 nil");
}

// Lua 5.2 added __pairs; Lua 5.1's pairs (and LuaJIT's) takes only tables.
TEST_F(Api, PairsMetamethod) {
  define_bag(lua);
  lua.exec("bag = Bag.new() bag.apples = 3 bag.pears = 4");
  if (version_num < 502) {
    EXPECT_ERROR(lua.exec("pairs(bag)", "=t"), RuntimeError,
                 "t:1: bad argument #1 to 'pairs' (table expected, got userdata)");
    return;
  }
  EXPECT_EQ(lua.eval<std::string>(R"(
      local keys = {}
      for k, v in pairs(bag) do keys[#keys + 1] = k .. '=' .. v end
      table.sort(keys)
      return table.concat(keys, ' ')
    )"),
            "apples=3 pears=4");
}

#if LUA_VERSION_NUM >= 504  // to-be-closed variables
TEST_F(Api, CloseMetamethod) {
  int closed = 0;
  define_bag(lua);
  lua.new_class<Bag>("Bag").meta(Meta::Close, [&closed](Bag &) { ++closed; });
  lua.exec("do local bag <close> = Bag.new() bag.apples = 1 end");
  EXPECT_EQ(closed, 1);
}
#endif

TEST_F(ApiClasses, TheDestructorRunsThroughGc) {
  lua.exec("for i = 1, 100 do local v = Vec2.new(i, i) end");
  lua.collect_garbage();
  lua.collect_garbage();
  EXPECT_EQ(Vec2::alive, 0);
}

TEST_F(ApiClasses, ObjectsComeBackByReferencePointerCopyAndSharedPtr) {
  lua.exec("v = Vec2.new(1, 2)");
  Vec2 &reference = lua["v"].get<Vec2 &>();
  reference.x = 10;
  EXPECT_EQ(lua.eval<double>("v.x"), 10.0);
  EXPECT_EQ(lua["v"].get<Vec2 *>(), &reference);
  Vec2 copy = lua["v"].get<Vec2>();
  copy.x = 99;
  EXPECT_EQ(lua.eval<double>("v.x"), 10.0);
  EXPECT_EQ(lua.eval<Vec2 *>("nil"), nullptr);
  EXPECT_ERROR(lua["v"].get<std::shared_ptr<Vec2>>(), ConversionError, "this Vec2 is not held by std::shared_ptr in Lua");
}

TEST_F(ApiClasses, SharedAndUniqueOwnership) {
  auto shared = std::make_shared<Vec2>(3, 4);
  lua["shared"] = shared;
  EXPECT_EQ(shared.use_count(), 2);
  EXPECT_EQ(lua.eval<double>("shared:length()"), 5.0);
  std::shared_ptr<Vec2> back = lua["shared"].get<std::shared_ptr<Vec2>>();
  EXPECT_EQ(back.get(), shared.get());
  back.reset();
  lua["shared"] = nullptr;
  lua.collect_garbage();
  EXPECT_EQ(shared.use_count(), 1);

  int before = Vec2::alive;
  lua["unique"] = std::make_unique<Vec2>(6, 8);
  EXPECT_EQ(lua.eval<double>("unique:length()"), 10.0);
  EXPECT_EQ(Vec2::alive, before + 1);
  lua["unique"] = nullptr;
  lua.collect_garbage();
  EXPECT_EQ(Vec2::alive, before);
}

TEST_F(ApiClasses, BorrowedObjectsDieWithTheirScope) {
  Vec2 local{1, 1};
  lua.scope([&](Scope &scope) {
    lua["borrowed"] = scope.borrow(local);
    lua.exec("borrowed:scale(3)");
  });
  EXPECT_EQ(local.x, 3.0);
  EXPECT_ERROR(lua.exec("borrowed:scale(3)"), RuntimeError, "userdata has been destroyed");
  EXPECT_ERROR(lua.exec("return borrowed.x"), RuntimeError, "userdata has been destroyed");
  const Vec2 fixed{2, 2};
  lua.scope([&](Scope &scope) {
    lua["fixed"] = scope.borrow(fixed);
    EXPECT_EQ(lua.eval<double>("fixed:length()"), std::hypot(2, 2));
    EXPECT_ERROR(lua.exec("fixed:scale(2)", "=t"), RuntimeError, "t:1: calling 'scale' on bad self (Vec2 is const here)");
  });
  EXPECT_EQ(fixed.x, 2.0);
}

TEST_F(ApiClasses, AWrongSelfIsAnArgumentErrorNamingTheClass) {
  lua.new_class<Account>("Account").constructor<std::string>();
  EXPECT_ERROR(lua.exec("Vec2.new().length({})", "=t"), RuntimeError,
               "t:1: bad argument #1 to 'length' (Vec2 expected, got table)");
  EXPECT_ERROR(lua.exec("local length = Vec2.new().length length(nil)", "=t"), RuntimeError,
               "t:1: bad argument #1 to 'length' (Vec2 expected, got nil)");
  EXPECT_ERROR(lua.exec("Vec2.new().length(Account.new('a'))", "=t"), RuntimeError,
               "t:1: bad argument #1 to 'length' (Vec2 expected, got Account)");
  EXPECT_ERROR(lua.exec("Vec2.new().length(io.stdout)", "=t"), RuntimeError,
               // its __name, as Lua says; before Lua 5.3 files have none
               std::string("t:1: bad argument #1 to 'length' (Vec2 expected, got ") + (version_num < 503 ? "userdata)" : "FILE*)"));
}

struct Unregistered {
  int value = 0;
};

TEST_F(Api, AnUnregisteredClassIsAClearError) {
  EXPECT_ERROR(lua["thing"] = Unregistered{}, ConversionError,
               "the C++ class Unregistered is not registered in this Lua state: register it "
               "with new_class<...>() first");
}

namespace {
struct Tagged {
  int id = 0;
};
}  // namespace

TEST_F(ApiClasses, ObjectsCarryNoUserValueUnlessTheirClassAsks) {
  Value vector = lua.eval<Value>("Vec2.new()");
  EXPECT_TRUE(vector.user_value().is_nil());
  EXPECT_ERROR(vector.set_user_value(lua.eval<Value>("{}")), ConversionError,
               "objects of Vec2 have no user value 1 (they carry 0): ask for them with user_values(1) when "
               "registering the class");
  EXPECT_EQ(lua.eval<int>("return select('#', 1)"), 1);  // the stack is as before
}

TEST_F(Api, UserValuesAreReachableWhereTheClassAsksForThem) {
  lua.new_class<Tagged>("Tagged").constructor<>().user_values(1);
  Value object = lua.eval<Value>("Tagged.new()");
  int top = lua_gettop(lua.lua_state());
  object.set_user_value(lua.eval<Value>("{tag = 'kept'}"));
  EXPECT_EQ(object.user_value().get<Table>().get<std::string>("tag"), "kept");
  EXPECT_ERROR(object.set_user_value(Value(), 2), ConversionError,
               "objects of Tagged have no user value 2 (they carry 1): ask for them with user_values(2) when "
               "registering the class");
  EXPECT_THROW(object.set_user_value(Value(), 0), ConversionError);
  EXPECT_EQ(lua_gettop(lua.lua_state()), top);
  // Objects lent from C++ carry them too.
  Tagged lent;
  lua.scope([&](Scope &scope) {
    lua["lent"] = scope.borrow(lent);
    Value borrowed = lua["lent"];
    borrowed.set_user_value(lua.eval<Value>("'on loan'"));
    EXPECT_EQ(borrowed.user_value().get<std::string>(), "on loan");
  });
  const std::string range = std::string(": " LUA_VERSION " gives a userdata from 0 to ") + (version_num >= 504 ? "65535" : "1");
  EXPECT_ERROR(lua.new_class<Tagged>("Tagged").user_values(-1), ConversionError,
               "luaembed: Tagged cannot have -1 user values" + range);
  int too_many = version_num >= 504 ? 65536 : 2;
  EXPECT_ERROR(lua.new_class<Tagged>("Tagged").user_values(too_many), ConversionError,
               "luaembed: Tagged cannot have " + std::to_string(too_many) + " user values" + range);
}

TEST_F(ApiClasses, ManyObjectsAcrossGcCycles) {
  Function churn = lua.load("for i = 1, 100000 do local v = Vec2.new(i, i) + Vec2.new() end");
  churn.call();
  lua.collect_garbage();
  lua.collect_garbage();
  EXPECT_EQ(Vec2::alive, 0);
}

namespace {
template <int N>
struct Numbered {
  int number() const { return N; }
};

template <int... N>
void register_numbered(StateView lua, std::integer_sequence<int, N...>) {
  (lua.new_class<Numbered<N>>("Numbered" + std::to_string(N)).method("number", &Numbered<N>::number), ...);
  ((lua["make" + std::to_string(N)] = [] { return Numbered<N>{}; }), ...);
}

const char *const every_numbered_object =
    "for i = 0, 19 do local object = _G['make' .. i]() "
    "assert(object:number() == i and getmetatable(object) == 'Numbered' .. i) end return true";
}  // namespace

// A state keeps its class metatables by integer reference in a few slots: 20 classes (40
// metatables, with and without __gc) share them, so some meet in one slot.
TEST_F(Api, EveryObjectGetsItsClassWithMoreClassesThanQuickSlots) {
  register_numbered(lua, std::make_integer_sequence<int, 20>{});
  EXPECT_TRUE(lua.eval<bool>(every_numbered_object));
}

// A state luaembed did not create finds them by their registry keys.
TEST(ApiForeignState, ObjectsGetTheirClassInAStateLuaembedDidNotCreate) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  {
    StateView lua(L);
    register_numbered(lua, std::make_integer_sequence<int, 20>{});
    EXPECT_TRUE(lua.eval<bool>(every_numbered_object));
  }
  lua_close(L);
}
