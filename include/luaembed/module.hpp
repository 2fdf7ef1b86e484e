// Native Lua modules written in C++.
//
//   #include <luaembed/module.hpp>
//
//   LUAEMBED_MODULE(geometry, lua) {        // defines extern "C" int luaopen_geometry(lua_State*)
//     luaembed::Table module = lua.create_table();
//     module["distance"] = [](double x, double y) { return std::hypot(x, y); };
//     return module;
//   }
//
// A module named a.b is opened by luaopen_a_b: write LUAEMBED_MODULE(a_b, lua). Build it with
// luaembed_add_module() (CMake): the shared object links no Lua and exports only luaopen_*.
#pragma once

#include <luaembed/luaembed.hpp>

namespace luaembed::detail {

// Runs a module's body for luaopen_*: in C++ land, with errors raised only once its C++
// objects are gone, like every luaembed callback.
template <class Body>
int open_module(lua_State *L, Body body) {
  auto open = [body](StateView state) { return body(state); };
  return finish_call<decltype(open)>(L, run_callable(L, open, 1));
}

}  // namespace luaembed::detail

#define LUAEMBED_MODULE(name, state)                                                              \
  static ::luaembed::Value luaembed_module_##name(::luaembed::StateView state);                   \
  extern "C" __attribute__((visibility("default"))) int luaopen_##name(lua_State *L) {            \
    return ::luaembed::detail::open_module(L, [](::luaembed::StateView view) {                     \
      return luaembed_module_##name(view);                                                        \
    });                                                                                           \
  }                                                                                               \
  static ::luaembed::Value luaembed_module_##name(::luaembed::StateView state)
