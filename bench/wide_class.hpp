// A class with 50 fields, f01 to f50, and one method: the wide class of the field cases and
// of the compile-cost measurement.
#pragma once

#include <luaembed/lua.hpp>

#include <cstddef>
#include <utility>

#define BENCH_WIDE_FIELDS(X)                                                                      \
  X(f01) X(f02) X(f03) X(f04) X(f05) X(f06) X(f07) X(f08) X(f09) X(f10) X(f11) X(f12) X(f13)    \
  X(f14) X(f15) X(f16) X(f17) X(f18) X(f19) X(f20) X(f21) X(f22) X(f23) X(f24) X(f25) X(f26)    \
  X(f27) X(f28) X(f29) X(f30) X(f31) X(f32) X(f33) X(f34) X(f35) X(f36) X(f37) X(f38) X(f39)    \
  X(f40) X(f41) X(f42) X(f43) X(f44) X(f45) X(f46) X(f47) X(f48) X(f49) X(f50)

namespace luaembed {
class State;
}

namespace bench {

struct Wide {
  static constexpr const char *lua_name = "Wide";
  static const std::pair<const char *, std::size_t> fields[];
#define BENCH_DECLARE(name) lua_Integer name = 0;
  BENCH_WIDE_FIELDS(BENCH_DECLARE)
#undef BENCH_DECLARE
  lua_Integer sum() const {
    lua_Integer total = 0;
#define BENCH_ADD(name) total += name;
    BENCH_WIDE_FIELDS(BENCH_ADD)
#undef BENCH_ADD
    return total;
  }
};

inline const std::pair<const char *, std::size_t> Wide::fields[] = {
#define BENCH_ENTRY(name) {#name, offsetof(Wide, name)},
    BENCH_WIDE_FIELDS(BENCH_ENTRY)
#undef BENCH_ENTRY
};

// The bindings, each in a translation unit of its own (wide_binding_*.cpp).
void bind_wide_c(lua_State *L);
void bind_wide(const luaembed::State &lua);

}  // namespace bench
