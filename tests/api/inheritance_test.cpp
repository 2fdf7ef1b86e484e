// Inheritance: base members on derived objects, derived objects where bases are expected,
// pointer adjustment for multiple inheritance.
#include "fixture.hpp"

using namespace luaembed;

namespace {

struct Named {
  std::string name = "unnamed";
  std::string greet() const { return "I am " + name; }
};

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  int sides = 0;
};

// Two bases: one of them (the one that is not the primary base) starts at a non-zero offset.
struct Circle : Named, Shape {
  explicit Circle(double radius) : radius(radius) { name = "circle"; }
  double area() const override { return 3.0 * radius * radius; }
  double radius;
};

struct Square : Shape {
  explicit Square(double side) : side(side) { sides = 4; }
  double area() const override { return side * side; }
  double side;
};

class Inheritance : public Api {
protected:
  void SetUp() override {
    lua.new_class<Named>("Named").property("name", &Named::name).method("greet", &Named::greet);
    lua.new_class<Shape>("Shape").method("area", &Shape::area).property("sides", &Shape::sides);
    lua.new_class<Circle>("Circle").base<Named>().base<Shape>().constructor<double>().property("radius", &Circle::radius);
    lua.new_class<Square>("Square").base<Shape>().constructor<double>();
    lua["total_area"] = [](const Shape &a, const Shape &b) { return a.area() + b.area(); };
    lua["shape_address"] = [](const Shape &shape) { return reinterpret_cast<std::uintptr_t>(&shape); };
    lua["named_address"] = [](const Named &named) { return reinterpret_cast<std::uintptr_t>(&named); };
  }
};

}  // namespace

TEST_F(Inheritance, BaseMethodsAndPropertiesWorkOnDerivedObjects) {
  EXPECT_EQ(lua.eval<double>("Circle.new(1):area()"), 3.0);
  EXPECT_EQ(lua.eval<std::string>("Circle.new(1):greet()"), "I am circle");
  EXPECT_EQ(lua.eval<std::string>("local c = Circle.new(1) c.name = 'ring' return c:greet()"), "I am ring");
  EXPECT_EQ(lua.eval<int>("Square.new(2).sides"), 4);
  EXPECT_EQ(lua.eval<double>("Square.new(2):area()"), 4.0);
}

TEST_F(Inheritance, DerivedObjectsPassWhereABaseIsExpected) {
  EXPECT_EQ(lua.eval<double>("total_area(Circle.new(1), Square.new(2))"), 7.0);
}

TEST_F(Inheritance, MultipleInheritanceAdjustsThePointer) {
  lua.exec("c = Circle.new(2)");
  Circle &circle = lua["c"].get<Circle &>();
  EXPECT_EQ(lua.eval<std::uintptr_t>("shape_address(c)"),
            reinterpret_cast<std::uintptr_t>(static_cast<Shape *>(&circle)));
  EXPECT_EQ(lua.eval<std::uintptr_t>("named_address(c)"),
            reinterpret_cast<std::uintptr_t>(static_cast<Named *>(&circle)));
  void *object = &circle;
  EXPECT_TRUE(static_cast<void *>(static_cast<Shape *>(&circle)) != object ||
              static_cast<void *>(static_cast<Named *>(&circle)) != object);
  Shape *shape = lua["c"].get<Shape *>();
  EXPECT_EQ(shape->area(), 12.0);
}

TEST_F(Inheritance, ABaseIsNotADerived) {
  lua["circle_radius"] = [](const Circle &circle) { return circle.radius; };
  EXPECT_ERROR(lua.exec("circle_radius(Square.new(1))", "=t"), RuntimeError,
               "t:1: bad argument #1 to 'circle_radius' (Circle expected, got Square)");
}

TEST_F(Inheritance, SharedPointersToDerivedObjectsComeBackAsBases) {
  auto circle = std::make_shared<Circle>(1);
  lua["shared_circle"] = circle;
  std::shared_ptr<Shape> shape = lua["shared_circle"].get<std::shared_ptr<Shape>>();
  EXPECT_EQ(shape.get(), static_cast<Shape *>(circle.get()));
  EXPECT_EQ(circle.use_count(), 3);
}
