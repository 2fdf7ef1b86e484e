// main() of a bundle with a main script. It behaves like `lua5.4 script.lua args...` with the
// script built in: `arg` holds the program name at 0 and the arguments from 1, the arguments
// are also the chunk's `...`, and a failure prints "<program>: <message>" and the traceback on
// stderr and makes the exit status 1. LUA_INIT is not read: a bundle runs only what it carries.
#include "runtime.hpp"

#include "runner.hpp"

#include <cstdio>
#include <cstdlib>

namespace luaembed::bundle {

namespace {

const char *program_name = "lua";

void report(const char *message) {
  std::fprintf(stderr, "%s: %s\n", program_name, message);
  std::fflush(stderr);
}

// Runs the main script with argv[1..] as its arguments; reports a failure. Returns the status.
int run_main_script(lua_State *L, int argc, char **argv) {
  lua_pushcfunction(L, runner::traceback_handler);
  int handler = lua_gettop(L);
  int status = load_script(L, *manifest.main_script);
  if (status == LUA_OK) {
    luaL_checkstack(L, argc, "too many arguments to script");
    for (int i = 1; i < argc; i++) lua_pushstring(L, argv[i]);
    status = lua_pcall(L, argc > 0 ? argc - 1 : 0, 0, handler);
  }
  if (status != LUA_OK) {
    const char *message = lua_tostring(L, -1);
    report(message != nullptr ? message : "(error object is not a string)");
  }
  return status;
}

// Everything that allocates runs here, protected: even a memory error at start-up is reported.
int start(lua_State *L) {
  int argc = static_cast<int>(lua_tointeger(L, 1));
  char **argv = static_cast<char **>(lua_touserdata(L, 2));
  luaL_checkversion(L);
  luaL_openlibs(L);
  lua_pushcfunction(L, open);
  lua_call(L, 0, 0);
  runner::create_arg_table(L, argc, argv, 0);  // the program is arg[0]
  lua_pushboolean(L, run_main_script(L, argc, argv) == LUA_OK);
  return 1;
}

}  // namespace

int run_main(int argc, char **argv) {
  if (argc > 0 && argv[0][0] != '\0') program_name = argv[0];
  if (manifest.main_script == nullptr) {
    report("this bundle has no main script");
    return EXIT_FAILURE;
  }
  lua_State *L = luaL_newstate();
  if (L == nullptr) {
    report("cannot create a Lua state: not enough memory");
    return EXIT_FAILURE;
  }
  lua_pushcfunction(L, start);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  bool succeeded = status == LUA_OK && lua_toboolean(L, -1);
  if (status != LUA_OK) report(lua_tostring(L, -1));  // an error of the set-up, not the script
  lua_close(L);
  return succeeded ? EXIT_SUCCESS : EXIT_FAILURE;
}

}  // namespace luaembed::bundle
