// The shared machinery of the suite: plain states, and the Lua loops both versions run.
#include "harness.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace bench {

void fail(lua_State *L, const char *what) {
  const char *message = lua_tostring(L, -1);
  std::fprintf(stderr, "bench: %s failed: %s\n", what, message ? message : "(no message)");
  std::abort();
}

lua_State *open_plain() {
  lua_State *L = luaL_newstate();
  if (L == nullptr) {
    std::fprintf(stderr, "bench: no memory for a Lua state\n");
    std::abort();
  }
  luaL_openlibs(L);
  return L;
}

void run_plain(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) fail(L, "a setup chunk");
}

int keep(lua_State *L) { return luaL_ref(L, LUA_REGISTRYINDEX); }

std::string lua_loop(std::string_view setup, std::string_view body) {
  std::string code(setup);
  code += "\nreturn function(n) for i = 1, n do ";
  code += body;
  code += " end end\n";
  return code;
}

bool register_benchmark(const char *name, void (*function)(benchmark::State &), int cost) {
  std::string label = name;
  auto run = [function, label](benchmark::State &state) {
    function(state);
#if defined(BENCH_HAVE_CALLGRIND)
    // This benchmark's count, under its name and the number of operations it covers.
    std::string dump = label + " " + std::to_string(state.iterations());
    CALLGRIND_DUMP_STATS_AT(dump.c_str());
#endif
  };
  benchmark::internal::Benchmark *registered = benchmark::RegisterBenchmark(name, run);
  if (const char *iterations = std::getenv("BENCH_ITERATIONS"))
    registered->Iterations(std::max(1LL, std::atoll(iterations) / cost));
  return true;
}

void time_plain_loop(benchmark::State &state, lua_State *L, std::string_view setup, std::string_view body) {
  std::string code = lua_loop(setup, body);
  if (luaL_loadstring(L, code.c_str()) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) fail(L, "the loop chunk");
  int loop = keep(L);
  while (state.KeepRunningBatch(batch_size)) {
    toggle_counting();
    lua_rawgeti(L, LUA_REGISTRYINDEX, loop);
    lua_pushinteger(L, batch_size);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) fail(L, "the loop");
    toggle_counting();
  }
  luaL_unref(L, LUA_REGISTRYINDEX, loop);
}

void time_luaembed_loop(benchmark::State &state, const luaembed::State &lua, std::string_view setup,
                        std::string_view body) {
  luaembed::Function loop = lua.load(lua_loop(setup, body), "=loop").call<luaembed::Function>();
  while (state.KeepRunningBatch(batch_size)) {
    toggle_counting();
    loop.call(batch_size);
    toggle_counting();
  }
}

void expect(bool condition, const char *what) {
  if (condition) return;
  std::fprintf(stderr, "bench: %s\n", what);
  std::abort();
}

}  // namespace bench
