// A module with a dotted name: require "shapes.circle" opens luaopen_shapes_circle.
#include <luaembed/module.hpp>

LUAEMBED_MODULE(shapes_circle, lua) {
  luaembed::Table module = lua.create_table();
  module["area"] = [](double radius) { return 3 * radius * radius; };
  return module;
}
