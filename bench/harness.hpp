// What every benchmark file shares.
//
// Each case is written twice and registered as "<case>/c" (the plain Lua C API, written as a
// careful C programmer would) and "<case>/luaembed". Both versions time the same operations,
// counted per operation, so the ratio of their times is the price of the binding alone.
//
// Two kinds of case:
//   host side   C++ reads a global, calls a Lua function... The plain version runs its batch
//               inside one protected C function, the way a C host runs its code (lua.c's
//               pmain): that is what lets it use luaL_check*, which raise. luaembed has no such
//               enclosing call: each operation stands alone and protects itself. A third
//               version, "<case>/c_each", is the plain one with a lua_pcall per operation
//               (for calls into Lua, the lua_pcall of the function itself).
//   Lua side    Lua calls into C++. Both versions run the very same Lua loop; only what it
//               calls differs.
#pragma once

#include <benchmark/benchmark.h>
#include <luaembed/luaembed.hpp>

#include <string>
#include <string_view>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#endif

namespace bench {

// Operations per timed batch: enough that starting a batch is noise, few enough that the
// smoke run stays instant. The cases' checks expect the last i of a batch to be 100.
inline constexpr int batch_size = 100;

// ---- plain C ---------------------------------------------------------------------------

// A new state with the standard libraries. Failures here are bugs of the suite: they abort.
lua_State *open_plain();
// Runs a chunk; aborts with Lua's message when it fails.
void run_plain(lua_State *L, const char *code);
// Pops the value on top of the stack into the registry; returns its reference.
int keep(lua_State *L);
[[noreturn]] void fail(lua_State *L, const char *what);

// ---- counting instructions -------------------------------------------------------------
//
// Under `valgrind --tool=callgrind --collect-atstart=no`, with BENCH_ITERATIONS=n in the
// environment, every benchmark runs exactly n operations, only its batches are counted, and
// its count is dumped under its name: instructions per operation, free of timing noise.
// Natively, a toggle costs a few instructions per batch.
inline void toggle_counting() {
#if defined(BENCH_HAVE_CALLGRIND)
  CALLGRIND_TOGGLE_COLLECT;
#endif
}

// Registers function as the benchmark "name" (e.g. "global_get/c"). Returns true, so that it
// can initialise a static. cost: how many ordinary operations one iteration weighs, so that
// counting runs BENCH_ITERATIONS / cost of them.
bool register_benchmark(const char *name, void (*function)(benchmark::State &), int cost = 1);

// How the plain version of a host-side case protects its operations.
enum class Protection {
  Batch,  // one lua_pcall around the whole batch: the usual structure of a C host
  Each,   // one lua_pcall per operation: what luaembed does, written by hand
};

template <class Operation>
int run_batch(lua_State *L) {
  auto *operation = static_cast<Operation *>(lua_touserdata(L, 1));
  for (int i = 1; i <= batch_size; ++i) (*operation)(L, static_cast<lua_Integer>(i));
  return 0;
}

template <class Operation>
int run_one(lua_State *L) {
  (*static_cast<Operation *>(lua_touserdata(L, 1)))(L, lua_tointeger(L, 2));
  return 0;
}

// Host side, plain C: operation(L, i) for each i of the batch, protected as asked.
template <class Operation>
void time_plain_host(benchmark::State &state, lua_State *L, Protection protection, Operation operation) {
  while (state.KeepRunningBatch(batch_size)) {
    toggle_counting();
    if (protection == Protection::Batch) {
      lua_pushcfunction(L, &run_batch<Operation>);
      lua_pushlightuserdata(L, &operation);
      if (lua_pcall(L, 1, 0, 0) != LUA_OK) fail(L, "a batch");
    } else {
      for (lua_Integer i = 1; i <= batch_size; ++i) {
        lua_pushcfunction(L, &run_one<Operation>);
        lua_pushlightuserdata(L, &operation);
        lua_pushinteger(L, i);
        if (lua_pcall(L, 2, 0, 0) != LUA_OK) fail(L, "an operation");
      }
    }
    toggle_counting();
  }
}

// Host side, plain C that protects each operation itself (a call made with lua_pcall):
// operation(L, i) for each i of the batch, with no protected call around it.
template <class Operation>
void time_plain_self_protected(benchmark::State &state, lua_State *L, Operation operation) {
  while (state.KeepRunningBatch(batch_size)) {
    toggle_counting();
    for (lua_Integer i = 1; i <= batch_size; ++i) operation(L, i);
    toggle_counting();
  }
}

// Host side, luaembed: operation(i) for each i of the batch, each on its own.
template <class Operation>
void time_luaembed_host(benchmark::State &state, Operation operation) {
  while (state.KeepRunningBatch(batch_size)) {
    toggle_counting();
    for (lua_Integer i = 1; i <= batch_size; ++i) operation(i);
    toggle_counting();
  }
}

// ---- Lua side --------------------------------------------------------------------------

// `setup`, then a function running `for i = 1, n do <body> end`: the Lua side of a case,
// identical for both versions.
std::string lua_loop(std::string_view setup, std::string_view body);
void time_plain_loop(benchmark::State &state, lua_State *L, std::string_view setup, std::string_view body);
void time_luaembed_loop(benchmark::State &state, const luaembed::State &lua, std::string_view setup,
                        std::string_view body);

// A host-side plain benchmark with its protection chosen.
template <void (*function)(benchmark::State &, Protection), Protection protection>
void protected_by(benchmark::State &state) {
  function(state, protection);
}

// Stops the suite when a result is not what both versions must compute: a wrong result is a
// bug of the suite, and the smoke test must fail on it.
void expect(bool condition, const char *what);

}  // namespace bench

// Registers a Lua-side case: name_c and name_luaembed as "name/c" and "name/luaembed".
#define BENCH_CASE(name)                                                  \
  [[maybe_unused]] const bool name##_registered =                         \
      bench::register_benchmark(#name "/c", name##_c) &&                  \
      bench::register_benchmark(#name "/luaembed", name##_luaembed)

// Registers a host-side case: name_c(state, protection) as "name/c" (Batch) and "name/c_each"
// (Each), and name_luaembed as "name/luaembed".
#define BENCH_HOST_CASE(name)                                                                         \
  [[maybe_unused]] const bool name##_registered =                                                     \
      bench::register_benchmark(#name "/c", bench::protected_by<name##_c, bench::Protection::Batch>) &&  \
      bench::register_benchmark(#name "/c_each", bench::protected_by<name##_c, bench::Protection::Each>) && \
      bench::register_benchmark(#name "/luaembed", name##_luaembed)
