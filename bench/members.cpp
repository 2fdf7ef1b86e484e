// A member function call: Lua calls o:set(i) and o:get() on a C++ object in a userdata.
//
// Plain C: a metatable named "Counter" whose __index is the table of methods, and methods
// that check their object with luaL_checkudata.
#include "harness.hpp"

#include <new>

namespace {

class Counter {
public:
  void set(lua_Integer value) { value_ = value; }
  lua_Integer get() const { return value_; }

private:
  lua_Integer value_ = 0;
};

Counter *check_counter(lua_State *L) { return static_cast<Counter *>(luaL_checkudata(L, 1, "Counter")); }

int counter_new(lua_State *L) {
  new (lua_newuserdatauv(L, sizeof(Counter), 0)) Counter;
  luaL_setmetatable(L, "Counter");
  return 1;
}

int counter_set(lua_State *L) {
  check_counter(L)->set(luaL_checkinteger(L, 2));
  return 0;
}

int counter_get(lua_State *L) {
  lua_pushinteger(L, check_counter(L)->get());
  return 1;
}

void register_counter_c(lua_State *L) {
  const luaL_Reg methods[] = {{"set", counter_set}, {"get", counter_get}, {nullptr, nullptr}};
  luaL_newmetatable(L, "Counter");
  luaL_newlib(L, methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  const luaL_Reg class_functions[] = {{"new", counter_new}, {nullptr, nullptr}};
  luaL_newlib(L, class_functions);
  lua_setglobal(L, "Counter");
}

const char *const setup = "local o = Counter.new()";
const char *const body = "o:set(i) local v = o:get()";

void member_function_call_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  register_counter_c(L);
  bench::time_plain_loop(state, L, setup, body);
  lua_close(L);
}

void member_function_call_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.new_class<Counter>("Counter").constructor<>().method("set", &Counter::set).method("get", &Counter::get);
  bench::time_luaembed_loop(state, lua, setup, body);
}

}  // namespace

BENCH_CASE(member_function_call);
