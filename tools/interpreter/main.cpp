// luaembed: a stand-alone Lua interpreter that behaves like Debian's lua5.4, with Lua linked
// statically. Native modules still load: the executable exports the Lua C API they call.
//
// Order of events, as in lua5.4: options are checked, -v prints the version, the standard
// libraries and `arg` are set up, LUA_INIT runs, then -e/-l/-W in command-line order, then
// the script, then the REPL (-i; or no arguments on a terminal) or stdin (no arguments).
#include "chunks.hpp"
#include "messages.hpp"
#include "options.hpp"
#include "repl.hpp"
#include "script_args.hpp"

#include <luaembed/state.hpp>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace luaembed::interpreter;

namespace {

// -e, -l and -W act in the order given; the first failure stops everything.
bool run_option_actions(lua_State* L, char** argv, int script) {
  for (int index = 1; index < script; index++) {
    char letter = argv[index][1];
    if (letter == 'e' || letter == 'l') {
      const char* argument = option_argument(argv, &index);
      int status = letter == 'e' ? run_string(L, argument, "=(command line)")
                                 : require_library(L, argument);
      if (status != LUA_OK) return false;
    } else if (letter == 'W') {
      lua_warning(L, "@on", 0);
    }
  }
  return true;
}

// The libraries read LUA_PATH, LUA_CPATH and their _5_4 forms unless this registry flag is set.
void ignore_environment(lua_State* L) {
  lua_pushboolean(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
}

// With nothing to do on the command line: a session on a terminal, else stdin as a script.
// As in lua5.4, an error in a script taken from stdin this way does not change the exit
// status; "-" is the form that does.
void run_without_arguments(lua_State* L) {
  if (isatty(STDIN_FILENO)) {
    print_version();
    run_repl(L);
  } else {
    run_file(L, nullptr);
  }
}

// require explains failed loads and refuses modules that bring a second Lua core. This runs
// inside a protected Lua call: no exception may leave it (it could only be out of memory, and
// then the interpreter goes on without the guard).
void guard_native_modules(lua_State* L) noexcept {
  try {
    luaembed::StateView(L).guard_native_modules();
  } catch (...) {
  }
}

// Everything before any user code runs: the version line, the libraries, `arg`, the collector.
void prepare_state(lua_State* L, const Options& options, int argc, char** argv) {
  if (options.show_version) print_version();
  if (options.ignore_environment) ignore_environment(L);
  luaL_openlibs(L);
  guard_native_modules(L);
  create_arg_table(L, argc, argv, options.script);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);  // the collector mode lua5.4 runs scripts with
}

// The user's code, in order. Returns false at the first failure, already reported.
bool run_user_code(lua_State* L, const Options& options, int argc, char** argv) {
  if (!options.ignore_environment && run_init(L) != LUA_OK) return false;
  if (!run_option_actions(L, argv, options.script)) return false;
  bool has_script = options.script < argc;
  if (has_script && run_script(L, argv, options.script) != LUA_OK) return false;
  if (options.interactive)
    run_repl(L);
  else if (!has_script && !options.has_statement && !options.show_version)
    run_without_arguments(L);
  return true;
}

// Runs everything inside one protected call, so that even a failing setup (out of memory)
// is reported rather than aborting. Returns true when all went well, nothing otherwise.
int protected_main(lua_State* L) {
  int argc = static_cast<int>(lua_tointeger(L, 1));
  char** argv = static_cast<char**>(lua_touserdata(L, 2));
  Options options = parse_options(argc, argv);
  luaL_checkversion(L);
  if (argc > 0 && argv[0][0] != '\0') set_program_name(argv[0]);
  if (options.bad_option != nullptr) {
    print_usage(options.bad_option);
    return 0;
  }
  prepare_state(L, options, argc, argv);
  if (!run_user_code(L, options, argc, argv)) return 0;
  lua_pushboolean(L, 1);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  lua_State* L = luaL_newstate();
  if (L == nullptr) {
    const char* name = argc > 0 ? argv[0] : program_name();
    std::fprintf(stderr, "%s: cannot create state: not enough memory\n", name);
    return EXIT_FAILURE;
  }
  lua_gc(L, LUA_GCSTOP);  // setup only allocates: collecting during it would be wasted work
  lua_pushcfunction(L, protected_main);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  bool completed = lua_toboolean(L, -1);
  report(L, status);
  lua_close(L);
  return completed && status == LUA_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
