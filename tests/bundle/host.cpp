// A C++ program with a main() of its own and a bundle added to it: luaembed_bundle() without
// MAIN. It installs the bundle in a luaembed::State and uses an embedded script and cjson.
#include <luaembed/bundle.hpp>
#include <luaembed/luaembed.hpp>

#include <iostream>
#include <string>
#include <tuple>

int main() {
  luaembed::State lua;
  lua_State *L = lua.lua_state();
  if (luaembed::bundle::install(L) != LUA_OK) {
    std::cerr << "cannot install the bundle: " << lua_tostring(L, -1) << '\n';
    return 1;
  }
  auto [json, name, from] = lua.eval<std::tuple<std::string, std::string, std::string>>(R"(
    local module, file = require "probe.deep.module"
    return require("cjson").encode({ 1, 2, 3 }), module.name, file)");
  std::cout << "cjson encoded " << json << '\n';
  std::cout << "require \"" << name << "\" found " << from << '\n';
  return 0;
}
