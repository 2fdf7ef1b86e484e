// Calls across the boundary, one argument and one result each:
//   c_function          Lua calls a C++ function
//   c_through_lua       C++ calls, through Lua, a C++ function bound in Lua
//   lua_function        C++ calls a Lua function
// The host keeps the function it calls as a registry reference (luaembed: a Function handle).
#include "harness.hpp"

namespace {

lua_Integer identity(lua_Integer x) { return x; }

int identity_c(lua_State *L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1));
  return 1;
}

// ---- Lua calls C++ -------------------------------------------------------------------------

void c_function_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  lua_register(L, "f", identity_c);
  bench::time_plain_loop(state, L, "local f = f", "f(i)");
  lua_close(L);
}

void c_function_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua["f"] = [](lua_Integer x) { return identity(x); };
  bench::time_luaembed_loop(state, lua, "local f = f", "f(i)");
}

// ---- C++ calls a function held in Lua ------------------------------------------------------

// Calls the function behind `function` with each i of the batch and checks the results: with
// lua_call inside the batch's protected call, or, each call protected, with lua_pcall.
void time_call_c(benchmark::State &state, bench::Protection protection, lua_State *L, int function) {
  lua_Integer sum = 0, expected = 0;
  if (protection == bench::Protection::Batch) {
    bench::time_plain_host(state, L, protection, [&](lua_State *L, lua_Integer i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, function);
      lua_pushinteger(L, i);
      lua_call(L, 1, 1);
      sum += luaL_checkinteger(L, -1);
      expected += i;
      lua_pop(L, 1);
    });
  } else {
    bench::time_plain_self_protected(state, L, [&](lua_State *L, lua_Integer i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, function);
      lua_pushinteger(L, i);
      int is_integer = 0;
      if (lua_pcall(L, 1, 1, 0) != LUA_OK) bench::fail(L, "a protected call");
      sum += lua_tointegerx(L, -1, &is_integer);
      if (!is_integer) bench::fail(L, "a protected call's result");
      expected += i;
      lua_pop(L, 1);
    });
  }
  bench::expect(sum == expected, "a call from C returned a wrong value");
}

void time_call_luaembed(benchmark::State &state, const luaembed::Function &function) {
  lua_Integer sum = 0, expected = 0;
  bench::time_luaembed_host(state, [&](lua_Integer i) {
    sum += function.call<lua_Integer>(i);
    expected += i;
  });
  bench::expect(sum == expected, "a call with luaembed returned a wrong value");
}

void c_through_lua_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  lua_pushcfunction(L, identity_c);
  time_call_c(state, protection, L, bench::keep(L));
  lua_close(L);
}

void c_through_lua_luaembed(benchmark::State &state) {
  luaembed::State lua;
  time_call_luaembed(state, lua.function([](lua_Integer x) { return identity(x); }));
}

const char *const lua_identity = "return function(x) return x end";

void lua_function_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  if (luaL_dostring(L, lua_identity) != LUA_OK) bench::fail(L, "the function chunk");
  time_call_c(state, protection, L, bench::keep(L));
  lua_close(L);
}

void lua_function_luaembed(benchmark::State &state) {
  luaembed::State lua;
  time_call_luaembed(state, lua.eval<luaembed::Function>(lua_identity));
}

}  // namespace

BENCH_CASE(c_function);
BENCH_HOST_CASE(c_through_lua);
BENCH_HOST_CASE(lua_function);
