// Userdata fields on a small class: o.x read and written from Lua.
#include "field_class.hpp"
#include "harness.hpp"

namespace {

struct Small {
  static constexpr const char *lua_name = "Small";
  static const std::pair<const char *, std::size_t> fields[];
  lua_Integer x = 0, y = 0, z = 0;
  lua_Integer sum() const { return x + y + z; }
};

const std::pair<const char *, std::size_t> Small::fields[] = {
    {"x", offsetof(Small, x)}, {"y", offsetof(Small, y)}, {"z", offsetof(Small, z)}};

void register_luaembed(const luaembed::State &lua) {
  lua.new_class<Small>("Small")
      .constructor<>()
      .property("x", &Small::x)
      .property("y", &Small::y)
      .property("z", &Small::z)
      .method("sum", &Small::sum);
}

// The object is also the global o, for the checks after the run.
const char *const setup = "o = Small.new() local o = o";

void field_get_small_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  bench::register_fields_c<Small>(L);
  bench::time_plain_loop(state, L, setup, "local v = o.x");
  lua_close(L);
}

void field_get_small_luaembed(benchmark::State &state) {
  luaembed::State lua;
  register_luaembed(lua);
  bench::time_luaembed_loop(state, lua, setup, "local v = o.x");
}

void field_set_small_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  bench::register_fields_c<Small>(L);
  bench::time_plain_loop(state, L, setup, "o.x = i");
  bench::run_plain(L, "assert(o.x == 100 and o:sum() == 100)");
  lua_close(L);
}

void field_set_small_luaembed(benchmark::State &state) {
  luaembed::State lua;
  register_luaembed(lua);
  bench::time_luaembed_loop(state, lua, setup, "o.x = i");
  lua.exec("assert(o.x == 100 and o:sum() == 100)");
}

}  // namespace

BENCH_CASE(field_get_small);
BENCH_CASE(field_set_small);
