// A host that binds BENCH_FUNCTION_COUNT functions, each of a type of its own, then calls each
// once. Built with 0 and with 100 functions, with luaembed (BENCH_LUAEMBED) and with the plain
// C API: the growth of the stripped program, divided by 100, is what one bound function costs.
#include <cstdio>
#include <string>
#include <utility>

#if defined(BENCH_LUAEMBED)
#include <luaembed/luaembed.hpp>
using Host = luaembed::State;
#else
#include <luaembed/lua.hpp>
using Host = lua_State *;
#endif

namespace {

#if defined(BENCH_LUAEMBED)
template <int N>
void bind_one(Host &lua) {
  std::string name = "f" + std::to_string(N);
  lua[name] = [](lua_Integer a, double b) { return static_cast<double>(a * N) + b; };
}

double run(Host &lua, const char *code) { return lua.eval<double>(code); }
#else
template <int N>
int function_c(lua_State *L) {
  lua_Integer a = luaL_checkinteger(L, 1);
  double b = luaL_checknumber(L, 2);
  lua_pushnumber(L, static_cast<double>(a * N) + b);
  return 1;
}

template <int N>
void bind_one(Host &L) {
  std::string name = "f" + std::to_string(N);
  lua_register(L, name.c_str(), function_c<N>);
}

double run(Host &L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) return -1;
  return lua_tonumber(L, -1);
}
#endif

template <int... N>
void bind_all(Host &host, std::integer_sequence<int, N...>) {
  (bind_one<N>(host), ...);
}

const char *const call_each = "local sum = 0 for i = 0, 1000 do local f = _G['f' .. i] "
                              "if not f then break end sum = sum + f(i, 0.5) end return sum";

}  // namespace

int main() {
#if defined(BENCH_LUAEMBED)
  luaembed::State host;
#else
  lua_State *host = luaL_newstate();
  luaL_openlibs(host);
#endif
  bind_all(host, std::make_integer_sequence<int, BENCH_FUNCTION_COUNT>{});
  std::printf("%.1f\n", run(host, call_each));
#if !defined(BENCH_LUAEMBED)
  lua_close(host);
#endif
  return 0;
}
