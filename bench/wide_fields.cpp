// Userdata fields on a 50-field class: the first field (f01) and the last (f50), read and
// written from Lua. A binding that searches its fields in order shows it here.
#include "harness.hpp"
#include "wide_class.hpp"

namespace {

using bench::Wide;

// The object is also the global o, for the checks after the run.
const char *const setup = "o = Wide.new() local o = o";

void time_c(benchmark::State &state, const char *body, const char *check) {
  lua_State *L = bench::open_plain();
  bench::bind_wide_c(L);
  bench::time_plain_loop(state, L, setup, body);
  bench::run_plain(L, check);
  lua_close(L);
}

void time_luaembed(benchmark::State &state, const char *body, const char *check) {
  luaembed::State lua;
  bench::bind_wide(lua);
  bench::time_luaembed_loop(state, lua, setup, body);
  lua.exec(check);
}

const char *const no_check = "";

void field_get_wide_first_c(benchmark::State &state) { time_c(state, "local v = o.f01", no_check); }
void field_get_wide_first_luaembed(benchmark::State &state) { time_luaembed(state, "local v = o.f01", no_check); }
void field_get_wide_last_c(benchmark::State &state) { time_c(state, "local v = o.f50", no_check); }
void field_get_wide_last_luaembed(benchmark::State &state) { time_luaembed(state, "local v = o.f50", no_check); }

const char *const first_set = "assert(o.f01 == 100 and o:sum() == 100)";
const char *const last_set = "assert(o.f50 == 100 and o:sum() == 100)";

void field_set_wide_first_c(benchmark::State &state) { time_c(state, "o.f01 = i", first_set); }
void field_set_wide_first_luaembed(benchmark::State &state) { time_luaembed(state, "o.f01 = i", first_set); }
void field_set_wide_last_c(benchmark::State &state) { time_c(state, "o.f50 = i", last_set); }
void field_set_wide_last_luaembed(benchmark::State &state) { time_luaembed(state, "o.f50 = i", last_set); }

}  // namespace

BENCH_CASE(field_get_wide_first);
BENCH_CASE(field_get_wide_last);
BENCH_CASE(field_set_wide_first);
BENCH_CASE(field_set_wide_last);
