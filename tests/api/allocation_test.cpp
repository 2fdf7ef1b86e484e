// The hot path: calling a bound function with plain arguments allocates nothing and leaves
// the registry alone. Counted through the state's own allocator.
#include "fixture.hpp"

using namespace luaembed;

TEST_F(Api, ABoundFunctionCallAllocatesNothing) {
  lua["add"] = [](double a, double b) { return a + b; };
  lua["scale"] = [](int value, std::optional<int> factor) { return value * factor.value_or(2); };
  lua["length"] = [](std::string_view text) { return text.size(); };
  lua["is_table"] = [](StackValue value) { return value.type() == Type::Table; };
  lua.exec("t = {}");
  Function loop = lua.load(R"(
    local sum, text, t = 0, "constant", t
    for i = 1, 10000 do
      sum = add(sum, i) + scale(i) + scale(i, 3) + length(text)
      if not is_table(t) then error("not a table") end
    end
    return sum
  )");
  std::size_t registry = lua.registry().raw_length();
  lua.collect_garbage();
  loop.call<double>();  // warm up: the collector shrinks the stack and call frames; they grow back
  std::size_t allocations = lua.allocation_count();
  loop.call<double>();
  EXPECT_EQ(lua.allocation_count() - allocations, 0u);
  EXPECT_EQ(lua.registry().raw_length(), registry);
}
