// C++ classes in Lua: a small inventory of shapes, with inheritance, properties, operators,
// shared ownership and an object lent to Lua for a scope.
#include <luaembed/luaembed.hpp>

#include <iostream>
#include <memory>

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  std::string label = "shape";
};

struct Rectangle : Shape {
  Rectangle(double width, double height) : width(width), height(height) { label = "rectangle"; }
  double area() const override { return width * height; }
  double width, height;
};

struct Circle : Shape {
  explicit Circle(double radius) : radius(radius) { label = "circle"; }
  double area() const override { return 3.14159 * radius * radius; }
  double radius;
};

struct Inventory {
  std::vector<std::shared_ptr<Shape>> shapes;
  void add(std::shared_ptr<Shape> shape) { shapes.push_back(std::move(shape)); }
  std::size_t count() const { return shapes.size(); }
};

int main() {
  luaembed::State lua;
  lua.new_class<Shape>("Shape").method("area", &Shape::area).property("label", &Shape::label);
  lua.new_class<Rectangle>("Rectangle")
      .base<Shape>()
      .constructor<double, double>()
      .property("width", &Rectangle::width)
      .property("height", &Rectangle::height)
      .meta(luaembed::Meta::Eq, [](const Rectangle &a, const Rectangle &b) {
        return a.width == b.width && a.height == b.height;
      });
  lua.new_class<Circle>("Circle").base<Shape>().constructor<double>().property("radius", &Circle::radius);
  lua.new_class<Inventory>("Inventory").method("count", &Inventory::count);
  lua["make_square"] = [](double side) { return std::make_shared<Rectangle>(side, side); };

  Inventory inventory;
  inventory.add(std::make_shared<Circle>(1));
  lua.scope([&](luaembed::Scope &scope) {
    lua["inventory"] = scope.borrow(inventory);   // Lua sees this very object, for now
    lua.exec(R"lua(
      local square = make_square(2)
      local wide = Rectangle.new(4, 1)
      wide.label = "wide"
      print(square.label, square:area(), wide.label, wide:area(), square == Rectangle.new(2, 2))
      print("inventory holds " .. inventory:count() .. " shape(s)")
    )lua", "=classes");
  });
  try {
    lua.exec("inventory:count()", "=classes");
  } catch (const luaembed::Error &error) {
    std::cout << "after the scope: " << error.what() << '\n';
  }
  try {
    lua.exec("Rectangle.area({})", "=classes");
  } catch (const luaembed::Error &error) {
    std::cout << error.what() << '\n';
  }
}
