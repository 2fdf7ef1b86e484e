// Returning a userdata: Lua calls a C++ function that returns a new object by value.
//
// The object is trivially destructible, so the plain version gives it no __gc.
#include "harness.hpp"

#include <new>

namespace {

struct Point {
  lua_Integer x = 0, y = 0;
};

int point_x(lua_State *L) {
  lua_pushinteger(L, static_cast<Point *>(luaL_checkudata(L, 1, "Point"))->x);
  return 1;
}

int make_point(lua_State *L) {
  lua_Integer i = luaL_checkinteger(L, 1);
  new (lua_newuserdatauv(L, sizeof(Point), 0)) Point{i, -i};
  luaL_setmetatable(L, "Point");
  return 1;
}

void register_c(lua_State *L) {
  luaL_newmetatable(L, "Point");
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, point_x);
  lua_setfield(L, -2, "x");
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_register(L, "make", make_point);
}

const char *const body = "local p = make(i)";
const char *const check = "assert(make(7):x() == 7)";

void return_userdata_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  register_c(L);
  bench::time_plain_loop(state, L, "local make = make", body);
  bench::run_plain(L, check);
  lua_close(L);
}

void return_userdata_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.new_class<Point>("Point").method("x", [](const Point &p) { return p.x; });
  lua["make"] = [](lua_Integer i) { return Point{i, -i}; };
  bench::time_luaembed_loop(state, lua, "local make = make", body);
  lua.exec(check);
}

}  // namespace

BENCH_CASE(return_userdata);
