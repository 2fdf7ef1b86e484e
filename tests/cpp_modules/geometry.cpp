// A native module in C++: functions and a class, no Lua linked in.
#include <luaembed/module.hpp>

#include <cmath>

namespace {
// Deliberately the same name as the Point of vectors.cpp, with another layout: each module
// keeps its own, because everything but luaopen_* is hidden.
struct Point {
  double x = 0, y = 0;
};
}  // namespace

LUAEMBED_MODULE(geometry, lua) {
  luaembed::Table module = lua.create_table();
  module["distance"] = [](double x, double y) { return std::hypot(x, y); };
  module["midpoint"] = [](const Point &a, const Point &b) { return Point{(a.x + b.x) / 2, (a.y + b.y) / 2}; };
  auto point = lua.new_class<Point>("Point", luaembed::ClassTable::NotGlobal)
                   .constructor<double, double>()
                   .property("x", &Point::x)
                   .property("y", &Point::y)
                   .meta(luaembed::Meta::ToString, [](const Point &p) {
                     return "Point(" + std::to_string(int(p.x)) + ", " + std::to_string(int(p.y)) + ")";
                   });
  module["Point"] = point.table();
  module["fails"] = [](int code) -> int { throw std::runtime_error("failure " + std::to_string(code)); };
  return module;
}
