// A stateful function object: Lua calls a C++ callable that keeps a running total.
//
// Plain C keeps the state in a userdata upvalue of a C closure; luaembed stores the callable
// itself in a userdata upvalue. Both functions leave the total where the host can read it.
#include "harness.hpp"

#include <new>

namespace {

struct Total {
  lua_Integer sum = 0;
};

int accumulate_c(lua_State *L) {
  auto *total = static_cast<Total *>(lua_touserdata(L, lua_upvalueindex(1)));
  total->sum += luaL_checkinteger(L, 1);
  lua_pushinteger(L, total->sum);
  return 1;
}

struct Accumulator {
  lua_Integer sum = 0;
  lua_Integer operator()(lua_Integer x) { return sum += x; }
};

const char *const body = "accumulate(i)";

// What the total must be after the run: each batch adds 1 + 2 + ... + batch_size.
lua_Integer expected_total(const benchmark::State &state) {
  return state.iterations() / bench::batch_size * (bench::batch_size * (bench::batch_size + 1) / 2);
}

void stateful_function_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  new (lua_newuserdatauv(L, sizeof(Total), 0)) Total{};
  lua_pushcclosure(L, accumulate_c, 1);
  lua_setglobal(L, "accumulate");
  bench::time_plain_loop(state, L, "local accumulate = accumulate", body);
  lua_getglobal(L, "accumulate");
  lua_pushinteger(L, 0);
  lua_call(L, 1, 1);
  bench::expect(lua_tointeger(L, -1) == expected_total(state),
                "stateful_function/c lost its total");
  lua_close(L);
}

void stateful_function_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua["accumulate"] = Accumulator{};
  bench::time_luaembed_loop(state, lua, "local accumulate = accumulate", body);
  bench::expect(lua.eval<lua_Integer>("accumulate(0)") == expected_total(state),
                "stateful_function/luaembed lost its total");
}

}  // namespace

BENCH_CASE(stateful_function);
