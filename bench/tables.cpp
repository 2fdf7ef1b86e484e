// Table get and set through a handle the host keeps, and chained access a.b.c from a global.
//
// The plain version keeps its table in the registry, as a C host holding a table between calls
// must; luaembed's Table handle is the same registry reference. luaembed has two spellings:
// t.get("value") and the proxy t["value"], which refers to the handle; both are timed.
#include "harness.hpp"

namespace {

const char *const table_setup = "t = { value = 42 }  a = { b = { c = 42 } }";

// ---- one level -----------------------------------------------------------------------------

void table_get_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, table_setup);
  lua_getglobal(L, "t");
  int table = bench::keep(L);
  lua_Integer sum = 0;
  bench::time_plain_host(state, L, protection, [&](lua_State *L, lua_Integer) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, table);
    lua_getfield(L, -1, "value");
    sum += luaL_checkinteger(L, -1);
    lua_pop(L, 2);
  });
  bench::expect(sum == 42 * state.iterations(), "table_get/c read a wrong value");
  lua_close(L);
}

void table_get_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  luaembed::Table t = lua["t"];
  lua_Integer sum = 0;
  bench::time_luaembed_host(state, [&](lua_Integer) { sum += t.get<lua_Integer>("value"); });
  bench::expect(sum == 42 * state.iterations(), "table_get/luaembed read a wrong value");
}

void table_get_luaembed_proxy(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  luaembed::Table t = lua["t"];
  lua_Integer sum = 0;
  bench::time_luaembed_host(state, [&](lua_Integer) { sum += t["value"].get<lua_Integer>(); });
  bench::expect(sum == 42 * state.iterations(), "table_get/luaembed_proxy read a wrong value");
}

void table_set_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, table_setup);
  lua_getglobal(L, "t");
  int table = bench::keep(L);
  bench::time_plain_host(state, L, protection, [table](lua_State *L, lua_Integer i) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, table);
    lua_pushinteger(L, i);
    lua_setfield(L, -2, "value");
    lua_pop(L, 1);
  });
  bench::run_plain(L, "assert(t.value == 100)");
  lua_close(L);
}

void table_set_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  luaembed::Table t = lua["t"];
  bench::time_luaembed_host(state, [&](lua_Integer i) { t.set("value", i); });
  bench::expect(t.get<lua_Integer>("value") == bench::batch_size, "table_set/luaembed wrote a wrong value");
}

void table_set_luaembed_proxy(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  luaembed::Table t = lua["t"];
  bench::time_luaembed_host(state, [&](lua_Integer i) { t["value"] = i; });
  bench::expect(t.get<lua_Integer>("value") == bench::batch_size,
                "table_set/luaembed_proxy wrote a wrong value");
}

// ---- chained: a.b.c ------------------------------------------------------------------------

// Pushes a.b, checked to be tables on the way, as luaembed checks them.
void push_a_b(lua_State *L) {
  lua_getglobal(L, "a");
  luaL_checktype(L, -1, LUA_TTABLE);
  lua_getfield(L, -1, "b");
  luaL_checktype(L, -1, LUA_TTABLE);
}

void table_chained_get_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, table_setup);
  lua_Integer sum = 0;
  bench::time_plain_host(state, L, protection, [&sum](lua_State *L, lua_Integer) {
    push_a_b(L);
    lua_getfield(L, -1, "c");
    sum += luaL_checkinteger(L, -1);
    lua_pop(L, 3);
  });
  bench::expect(sum == 42 * state.iterations(), "table_chained_get/c read a wrong value");
  lua_close(L);
}

void table_chained_get_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  lua_Integer sum = 0;
  bench::time_luaembed_host(state, [&](lua_Integer) { sum += lua["a"]["b"]["c"].get<lua_Integer>(); });
  bench::expect(sum == 42 * state.iterations(), "table_chained_get/luaembed read a wrong value");
}

void table_chained_set_c(benchmark::State &state, bench::Protection protection) {
  lua_State *L = bench::open_plain();
  bench::run_plain(L, table_setup);
  bench::time_plain_host(state, L, protection, [](lua_State *L, lua_Integer i) {
    push_a_b(L);
    lua_pushinteger(L, i);
    lua_setfield(L, -2, "c");
    lua_pop(L, 2);
  });
  bench::run_plain(L, "assert(a.b.c == 100)");
  lua_close(L);
}

void table_chained_set_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.exec(table_setup);
  bench::time_luaembed_host(state, [&](lua_Integer i) { lua["a"]["b"]["c"] = i; });
  lua.exec("assert(a.b.c == 100)");
}

}  // namespace

BENCH_HOST_CASE(table_get);
[[maybe_unused]] const bool get_proxy_registered =
    bench::register_benchmark("table_get/luaembed_proxy", table_get_luaembed_proxy);
BENCH_HOST_CASE(table_set);
[[maybe_unused]] const bool set_proxy_registered =
    bench::register_benchmark("table_set/luaembed_proxy", table_set_luaembed_proxy);
BENCH_HOST_CASE(table_chained_get);
BENCH_HOST_CASE(table_chained_set);
