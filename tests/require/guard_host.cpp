// A luaembed host for the require guard's tests:
//   guard_host refuse|warn|allow <lua code>
// runs the code in a State with that policy for modules bringing a second Lua core, then lists,
// from dl_iterate_phdr, every object in the process that holds a Lua core: a loaded liblua*,
// or an object other than this program defining lua_newstate. The list is taken while the
// state is open: closing it unloads the modules it loaded.
#include <luaembed/luaembed.hpp>

#include <dlfcn.h>
#include <link.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace {

int report_lua_core(dl_phdr_info *info, size_t, void *) {
  std::string name = info->dlpi_name;
  if (name.empty()) return 0;  // the program itself: its Lua is the one expected
  bool is_liblua = name.find("liblua") != std::string::npos || name.find("libluajit") != std::string::npos;
  bool defines_core = false;
  if (void *handle = dlopen(name.c_str(), RTLD_LAZY | RTLD_NOLOAD)) {
    void *own = dlsym(handle, "lua_newstate");
    Dl_info where{};
    defines_core = own != nullptr && dladdr(own, &where) && where.dli_fname != nullptr &&
                   std::string(where.dli_fname) == name;
    dlclose(handle);
  }
  if (is_liblua || defines_core) std::cout << "second Lua core in the process: " << name << '\n';
  return 0;
}

luaembed::SecondLuaCore policy_named(const std::string &name) {
  if (name == "warn") return luaembed::SecondLuaCore::Warn;
  if (name == "allow") return luaembed::SecondLuaCore::Allow;
  return luaembed::SecondLuaCore::Refuse;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: guard_host refuse|warn|allow <lua code>\n";
    return 2;
  }
  int status = 0;
  {
    luaembed::State lua(luaembed::StateOptions{.second_lua_core = policy_named(argv[1])});
    try {
      lua.exec(argv[2], "=test");
    } catch (const luaembed::Error &error) {
      std::cerr << error.what() << '\n';
      status = 1;
    }
    dl_iterate_phdr(report_lua_core, nullptr);
  }
  return status;
}
