// Continuing in C++ after a yield (yield_then) builds and runs from Lua 5.2 on. On Lua 5.1 and
// LuaJIT, which have no continuations, the build stops with luaembed's own message
// (tests/versions/CMakeLists.txt checks both).
#include <luaembed/luaembed.hpp>

#include <string>

int main() {
  luaembed::State lua;
  lua["ask"] = [] { return luaembed::yield_then([](int answer) { return answer + 1; }, "question"); };
  luaembed::Thread thread = lua.create_thread(lua.load("return ask()"));
  bool asked = thread.resume<std::string>() == "question";
  return asked && thread.resume<int>(41) == 42 ? 0 : 1;
}
