// Native modules of a bundle are linked in, not loaded: their luaopen_* functions go into
// package.preload, the first place require looks, so no file and no dlopen is involved.
#include "runtime.hpp"

namespace luaembed::bundle {

void preload_native_modules(lua_State *L, std::span<const NativeModule> modules) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const NativeModule &module : modules) {
    lua_pushcfunction(L, module.open);
    lua_setfield(L, -2, module.require_name);
  }
  lua_pop(L, 1);
}

}  // namespace luaembed::bundle
