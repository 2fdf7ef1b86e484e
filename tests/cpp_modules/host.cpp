// An embedded C++ host for the C++ modules: runs a script in a luaembed::State.
#include <luaembed/luaembed.hpp>

#include <iostream>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  luaembed::State lua;
  try {
    lua.exec_file(argv[1]);
  } catch (const luaembed::Error &error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
}
