// luaembed: a stand-alone Lua interpreter that behaves like Debian's interpreter of the Lua it
// links (lua5.1, lua5.2, lua5.3, lua5.4 or luajit), with Lua linked statically. Native modules
// still load: the executable exports the Lua C API they call.
//
// Order of events, as in lua5.4: options are checked, -v prints the version, the standard
// libraries and `arg` are set up, LUA_INIT runs, then -e/-l/-W in command-line order, then
// the script, then the REPL (-i; or no arguments on a terminal) or stdin (no arguments).
// lua5.1 runs LUA_INIT before reading its options; luajit prints -v after LUA_INIT; lua5.1
// and lua5.2 create `arg` only for the script (dialect.hpp).
#include "chunks.hpp"
#include "dialect.hpp"
#include "jit_commands.hpp"
#include "options.hpp"
#include "repl.hpp"
#include "reports.hpp"
#include "script_args.hpp"

#include <luaembed/state.hpp>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace luaembed::interpreter {

namespace {

// One option's action; false when it failed (already reported).
bool run_option(lua_State* L, char** argv, int* index, const Options& options) {
  char letter = argv[*index][1];
  switch (letter) {
    case 'e': return run_string(L, option_argument(argv, index), "=(command line)") == LUA_OK;
    case 'l': return require_library(L, option_argument(argv, index)) == LUA_OK;
    case 'W': dialect::turn_warnings_on(L); return true;
    case 'j': return run_jit_command(L, option_argument(argv, index)) == 0;
    case 'O': return set_jit_optimizations(L, argv[*index] + 2) == 0;
    case 'b': return *index != options.bytecode || save_bytecode(L, argv + *index) == 0;
    default: return true;
  }
}

// -e, -l and -W (-j, -O, -b) act in the order given; the first failure stops everything.
bool run_option_actions(lua_State* L, char** argv, const Options& options) {
  int end = options.bytecode != 0 ? options.bytecode + 1 : options.script;
  for (int index = 1; index < end; index++)
    if (!run_option(L, argv, &index, options)) return false;
  return true;
}

// The libraries read LUA_PATH, LUA_CPATH and their _5_X forms unless this registry flag is set.
void ignore_environment(lua_State* L) {
  lua_pushboolean(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
}

void start_repl(lua_State* L) {
  if (dialect::shows_jit_status) print_jit_status(L);
  run_repl(L);
}

// With nothing to do on the command line: a session on a terminal, else stdin as a script.
// As in lua5.4, an error in a script taken from stdin this way does not change the exit
// status; "-" is the form that does.
void run_without_arguments(lua_State* L) {
  if (isatty(STDIN_FILENO)) {
    print_version();
    start_repl(L);
  } else {
    run_file(L, nullptr);
  }
}

// require explains failed loads and refuses modules that bring a second Lua core. This runs
// inside a protected Lua call: no exception may leave it (it could only be out of memory, and
// then the interpreter goes on without the guard).
void guard_native_modules(lua_State* L) noexcept {
  try {
    StateView(L).guard_native_modules();
  } catch (...) {
  }
}

// The standard libraries, and the collector as the reference interpreter runs scripts.
void open_libraries(lua_State* L) {
  luaL_openlibs(L);
  guard_native_modules(L);
  lua_gc(L, LUA_GCRESTART, 0);
  dialect::prepare_collector(L);
}

// Everything before the command line's own code. Returns false when LUA_INIT failed.
bool prepare_state(lua_State* L, const Options& options, int argc, char** argv) {
  if (options.show_version && !dialect::version_after_init) print_version();
  if (options.ignore_environment) ignore_environment(L);
  if (!dialect::init_before_options) {
    open_libraries(L);
    if (dialect::arg_before_init) create_arg_table(L, argc, argv, options.script);
    if (!options.ignore_environment && run_init(L) != LUA_OK) return false;
  }
  if (options.show_version && dialect::version_after_init) print_version();
  return true;
}

// The user's code, in order. Returns false at the first failure, already reported.
bool run_user_code(lua_State* L, const Options& options, int argc, char** argv) {
  if (!run_option_actions(L, argv, options)) return false;
  bool has_script = options.script < argc;
  if (has_script && run_script(L, argc, argv, options.script) != LUA_OK) return false;
  if (options.interactive)
    start_repl(L);
  else if (!has_script && !options.has_statement && !options.show_version)
    run_without_arguments(L);
  return true;
}

// Runs everything inside one protected call, so that even a failing setup (out of memory)
// is reported rather than aborting. Returns true when all went well, nothing otherwise.
int protected_main(lua_State* L) {
  int argc = static_cast<int>(lua_tointeger(L, 1));
  char** argv = static_cast<char**>(lua_touserdata(L, 2));
  if (argc > 0 && argv[0][0] != '\0') set_program_name(argv[0]);
  if (dialect::init_before_options) {  // lua5.1
    open_libraries(L);
    if (run_init(L) != LUA_OK) return 0;
  }
  Options options = parse_options(argc, argv);
  luaL_checkversion(L);
  if (options.bad_option != nullptr) {
    print_usage(options.bad_option);
    return 0;
  }
  if (!prepare_state(L, options, argc, argv) || !run_user_code(L, options, argc, argv)) return 0;
  lua_pushboolean(L, 1);
  return 1;
}

}  // namespace

}  // namespace luaembed::interpreter

int main(int argc, char** argv) {
  using namespace luaembed::interpreter;
  lua_State* L = luaL_newstate();
  if (L == nullptr) {
    const char* name = argc > 0 ? argv[0] : program_name();
    std::fprintf(stderr, "%s: cannot create state: not enough memory\n", name);
    return EXIT_FAILURE;
  }
  lua_gc(L, LUA_GCSTOP, 0);  // setup only allocates: collecting during it would be wasted work
  lua_pushcfunction(L, protected_main);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  bool completed = lua_toboolean(L, -1);
  report(L, status);
  lua_close(L);
  return completed && status == 0 ? EXIT_SUCCESS : EXIT_FAILURE;  // 0: LUA_OK, which Lua 5.1 lacks
}
