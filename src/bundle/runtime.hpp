// The parts of the bundle runtime that install.cpp puts together; each lives in its own file.
#pragma once

#include <luaembed/bundle.hpp>

namespace luaembed::bundle {

// native_modules.cpp: package.preload[name] = luaopen_* for each linked-in module.
void preload_native_modules(lua_State *L, std::span<const NativeModule> modules);

// embedded_scripts.cpp: the searcher that finds the embedded scripts by module name.
int embedded_script_searcher(lua_State *L);

// embedded_scripts.cpp: loads an embedded script as a chunk, as luaL_loadbufferx does.
int load_script(lua_State *L, const Script &script);

}  // namespace luaembed::bundle
