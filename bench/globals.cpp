// Global get and set, from the host: lua["value"] against lua_getglobal / lua_setglobal.
#include "harness.hpp"

namespace {

void global_get_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, "value = 42");
  lua_Integer sum = 0;
  bench::time_plain_host(state, L, protection, [&sum](lua_State *L, lua_Integer) {
    lua_getglobal(L, "value");
    sum += luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  });
  bench::expect(sum == 42 * state.iterations(), "global_get/c read a wrong value");
  lua_close(L);
}

void global_get_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.exec("value = 42");
  lua_Integer sum = 0;
  bench::time_luaembed_host(state, [&](lua_Integer) { sum += lua["value"].get<lua_Integer>(); });
  bench::expect(sum == 42 * state.iterations(), "global_get/luaembed read a wrong value");
}

void global_set_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::time_plain_host(state, L, protection, [](lua_State *L, lua_Integer i) {
    lua_pushinteger(L, i);
    lua_setglobal(L, "value");
  });
  lua_getglobal(L, "value");
  bench::expect(lua_tointeger(L, -1) == bench::batch_size, "global_set/c wrote a wrong value");
  lua_close(L);
}

void global_set_luaembed(benchmark::State &state) {
  luaembed::State lua;
  bench::time_luaembed_host(state, [&](lua_Integer i) { lua["value"] = i; });
  bench::expect(lua["value"].get<lua_Integer>() == bench::batch_size,
                "global_set/luaembed wrote a wrong value");
}

}  // namespace

BENCH_HOST_CASE(global_get);
BENCH_HOST_CASE(global_set);
