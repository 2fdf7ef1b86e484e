// State creation with the standard libraries, and its closing: luaL_newstate + luaL_openlibs
// + lua_close against constructing and destroying a luaembed::State. Reported with the
// extra figures, not as a binding case.
#include "harness.hpp"

namespace {

void state_open_c(benchmark::State &state) {
  for (auto _ : state) {
    bench::toggle_counting();
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    benchmark::DoNotOptimize(L);
    lua_close(L);
    bench::toggle_counting();
  }
}

void state_open_luaembed(benchmark::State &state) {
  for (auto _ : state) {
    bench::toggle_counting();
    {
      luaembed::State lua;
      benchmark::DoNotOptimize(lua.lua_state());
    }
    bench::toggle_counting();
  }
}

}  // namespace

// One state weighs about as much as 300 ordinary operations.
[[maybe_unused]] const bool state_open_registered = bench::register_benchmark("state_open/c", state_open_c, 300) &&
                                                    bench::register_benchmark("state_open/luaembed", state_open_luaembed, 300);
