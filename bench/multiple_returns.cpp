// Three results at once: returned by C++ to a Lua caller, and by Lua to a C++ caller.
#include "harness.hpp"

#include <tuple>

namespace {

using Three = std::tuple<lua_Integer, lua_Integer, lua_Integer>;

// ---- from C++: Lua calls a function that returns three values ------------------------------

int three_c(lua_State *L) {
  lua_Integer x = luaL_checkinteger(L, 1);
  lua_pushinteger(L, x);
  lua_pushinteger(L, x + 1);
  lua_pushinteger(L, x + 2);
  return 3;
}

const char *const body = "local a, b, c = f(i)";

void multi_return_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  lua_register(L, "f", three_c);
  bench::time_plain_loop(state, L, "local f = f", body);
  lua_close(L);
}

void multi_return_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua["f"] = [](lua_Integer x) { return Three{x, x + 1, x + 2}; };
  bench::time_luaembed_loop(state, lua, "local f = f", body);
}

// ---- from Lua: C++ calls a Lua function that returns three values --------------------------
// (the plain version as in calls.cpp: lua_call in a protected batch, or lua_pcall each)

const char *const lua_three = "return function(x) return x, x + 1, x + 2 end";

void multi_return_lua_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  if (luaL_dostring(L, lua_three) != LUA_OK) bench::fail(L, "the function chunk");
  int function = bench::keep(L);
  lua_Integer sum = 0, expected = 0;
  if (protection == bench::Protection::Batch) {
    bench::time_plain_host(state, L, protection, [&](lua_State *L, lua_Integer i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, function);
      lua_pushinteger(L, i);
      lua_call(L, 1, 3);
      sum += luaL_checkinteger(L, -3) + luaL_checkinteger(L, -2) + luaL_checkinteger(L, -1);
      expected += 3 * i + 3;
      lua_pop(L, 3);
    });
  } else {  // each call protected: lua_pcall, and the results checked without raising
    bench::time_plain_self_protected(state, L, [&](lua_State *L, lua_Integer i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, function);
      lua_pushinteger(L, i);
      if (lua_pcall(L, 1, 3, 0) != LUA_OK) bench::fail(L, "a protected call");
      for (int index = -3; index <= -1; ++index) {
        int is_integer = 0;
        sum += lua_tointegerx(L, index, &is_integer);
        if (!is_integer) bench::fail(L, "a protected call's results");
      }
      expected += 3 * i + 3;
      lua_pop(L, 3);
    });
  }
  bench::expect(sum == expected, "multi_return_lua/c read wrong values");
  lua_close(L);
}

void multi_return_lua_luaembed(benchmark::State &state) {
  luaembed::State lua;
  auto function = lua.eval<luaembed::Function>(lua_three);
  lua_Integer sum = 0, expected = 0;
  bench::time_luaembed_host(state, [&](lua_Integer i) {
    auto [a, b, c] = function.call<Three>(i);
    sum += a + b + c;
    expected += 3 * i + 3;
  });
  bench::expect(sum == expected, "multi_return_lua/luaembed read wrong values");
}

}  // namespace

BENCH_CASE(multi_return);
BENCH_HOST_CASE(multi_return_lua);
