// Times one cold require: the first load of a native module in a fresh process (dlopen,
// binding its undefined Lua C API symbols to the host, running luaopen_*).
//
//   luaembed_bench_require <module>     prints the microseconds `require "<module>"` took
//
// Built three ways from this file: with luaembed (BENCH_LUAEMBED), with the plain C API on the
// same static Lua, and with the plain C API on Debian's shared liblua5.4.so.
#include <chrono>
#include <cstdio>
#include <string>

#if defined(BENCH_LUAEMBED)
#include <luaembed/luaembed.hpp>
#else
#include <luaembed/lua.hpp>
#endif

namespace {

using Clock = std::chrono::steady_clock;

#if defined(BENCH_LUAEMBED)
double time_require(const std::string &code) {
  luaembed::State lua;
  Clock::time_point start = Clock::now();
  lua.exec(code);
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}
#else
double time_require(const std::string &code) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  Clock::time_point start = Clock::now();
  if (luaL_dostring(L, code.c_str()) != LUA_OK) {
    std::fprintf(stderr, "%s\n", lua_tostring(L, -1));
    lua_close(L);
    return -1;
  }
  double elapsed = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  lua_close(L);
  return elapsed;
}
#endif

}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <module>\n", argv[0]);
    return 2;
  }
  double microseconds = time_require(std::string("require '") + argv[1] + "'");
  if (microseconds < 0) return 1;
  std::printf("%.1f\n", microseconds);
  return 0;
}
