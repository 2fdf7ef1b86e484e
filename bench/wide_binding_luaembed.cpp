// The 50-field class bound with luaembed: 50 read-write properties, a method and a
// constructor. The report times the compilation of this translation unit on its own.
#include "wide_class.hpp"

#include <luaembed/luaembed.hpp>

namespace bench {

void bind_wide(const luaembed::State &lua) {
  auto wide = lua.new_class<Wide>("Wide");
  wide.constructor<>().method("sum", &Wide::sum);
#define BENCH_BIND(name) wide.property(#name, &Wide::name);
  BENCH_WIDE_FIELDS(BENCH_BIND)
#undef BENCH_BIND
}

}  // namespace bench
