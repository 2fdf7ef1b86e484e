// A tour of the C++ API: globals, callbacks, evaluation, Lua functions from C++, tables,
// errors, and a native module loaded into this statically linked program.
#include <luaembed/luaembed.hpp>

#include <iostream>
#include <stdexcept>

int main() {
  luaembed::State lua;

  // C++ callables become Lua functions; arguments and results convert on the way.
  lua["greet"] = [](std::string_view who) { return "hello " + std::string(who); };
  lua["divide"] = [](int a, int b) {
    if (b == 0) throw std::domain_error("division by zero");
    return std::make_tuple(a / b, a % b);
  };

  lua.exec(R"(
    local json = require "cjson"                 -- Debian's native module
    print(greet("lua"), json.encode { static = true })
    quotient, remainder = divide(17, 5)
  )", "=tour");
  std::cout << "17 / 5 = " << lua["quotient"].get<int>() << " remainder " << lua["remainder"].get<int>() << '\n';

  // Evaluate expressions, several results at once.
  auto [name, version] = lua.eval<std::tuple<std::string, double>>("'Lua', 5.4");
  std::cout << name << ' ' << version << '\n';

  // Lua functions called from C++, with containers converted both ways.
  luaembed::Function sorted = lua.load("local t = ... table.sort(t) return t", "=sorted");
  for (int n : sorted.call<std::vector<int>>(std::vector{3, 1, 2})) std::cout << n << ' ';
  std::cout << '\n';

  // Tables, nested.
  luaembed::Table config = lua.create_table();
  config["window"] = lua.create_table();
  config["window"]["width"] = 640;
  lua["config"] = config;
  std::cout << "width " << lua.eval<int>("config.window.width") << '\n';

  // Errors come back as exceptions with Lua's message and traceback.
  try {
    lua.exec("greet(42, nil) greet({})", "=tour");
  } catch (const luaembed::Error &error) {
    std::cout << "error: " << error.what() << '\n';
  }
  try {
    lua.exec("divide(1, 0)", "=tour");
  } catch (const luaembed::CallbackError &error) {
    std::cout << "callback error: " << error.what() << '\n';
  }
}
