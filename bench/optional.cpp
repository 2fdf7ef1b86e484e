// Optional lookup of warble.value from the host, as std::optional: found (success), warble a
// table without value (half failure), no warble at all (failure).
//
// Same semantics both ways: nil at either step gives no value; a warble that is not a table,
// or a value that is not an integer, is an error.
#include "harness.hpp"

#include <optional>

namespace {

const char *const success_setup = "warble = { value = 42 }";
const char *const half_failure_setup = "warble = {}";
const char *const failure_setup = "warble = nil";

std::optional<lua_Integer> lookup_c(lua_State *L) {
  std::optional<lua_Integer> result;
  if (lua_getglobal(L, "warble") != LUA_TNIL) {
    luaL_checktype(L, -1, LUA_TTABLE);
    if (lua_getfield(L, -1, "value") != LUA_TNIL) result = luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return result;
}

// A nil at either step reads as std::nullopt; a warble that is not a table is an error.
std::optional<lua_Integer> lookup_luaembed(const luaembed::State &lua) {
  return lua["warble"]["value"].get<std::optional<lua_Integer>>();
}

void time_c(benchmark::State &state, bench::Protection protection, const char *setup, lua_Integer expected_each) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, setup);
  lua_Integer sum = 0;
  bench::time_plain_host(state, L, protection, [&sum](lua_State *L, lua_Integer) { sum += lookup_c(L).value_or(0); });
  bench::expect(sum == expected_each * state.iterations(), "an optional lookup in C went wrong");
  lua_close(L);
}

void time_luaembed(benchmark::State &state, const char *setup, lua_Integer expected_each) {
  luaembed::State lua;
  lua.exec(setup);
  lua_Integer sum = 0;
  bench::time_luaembed_host(state, [&](lua_Integer) { sum += lookup_luaembed(lua).value_or(0); });
  bench::expect(sum == expected_each * state.iterations(), "an optional lookup with luaembed went wrong");
}

void optional_success_c(benchmark::State &state, bench::Protection protection) {
  time_c(state, protection, success_setup, 42);
}
void optional_success_luaembed(benchmark::State &state) { time_luaembed(state, success_setup, 42); }
void optional_half_failure_c(benchmark::State &state, bench::Protection protection) {
  time_c(state, protection, half_failure_setup, 0);
}
void optional_half_failure_luaembed(benchmark::State &state) { time_luaembed(state, half_failure_setup, 0); }
void optional_failure_c(benchmark::State &state, bench::Protection protection) {
  time_c(state, protection, failure_setup, 0);
}
void optional_failure_luaembed(benchmark::State &state) { time_luaembed(state, failure_setup, 0); }

}  // namespace

BENCH_HOST_CASE(optional_success);
BENCH_HOST_CASE(optional_half_failure);
BENCH_HOST_CASE(optional_failure);
