// A second module with a Point of its own (another layout, the same C++ name).
#include <luaembed/module.hpp>

struct Point {
  long long a = 0, b = 0, c = 0;
};

LUAEMBED_MODULE(vectors, lua) {
  luaembed::Table module = lua.create_table();
  module["Vec3"] = lua.new_class<Point>("Vec3", luaembed::ClassTable::NotGlobal)
                       .constructor<long long, long long, long long>()
                       .method("sum", [](const Point &p) { return p.a + p.b + p.c; })
                       .table();
  return module;
}
