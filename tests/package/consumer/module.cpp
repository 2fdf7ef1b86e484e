// A C++ module built against luaembed (from its source tree or an installed copy).
#include <luaembed/module.hpp>

LUAEMBED_MODULE(consumer_module, lua) {
  luaembed::Table module = lua.create_table();
  module["answer"] = [] { return 42; };
  return module;
}
