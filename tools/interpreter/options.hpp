// The command line, `luaembed [options] [script [args]]`, read the way the stand-alone
// interpreter of the linked Lua reads it (dialect.hpp).
#pragma once

namespace luaembed::interpreter {

struct Options {
  bool interactive = false;         // -i
  bool show_version = false;        // -v, and -i (which announces itself)
  bool has_statement = false;       // at least one -e (or LuaJIT's -b)
  bool ignore_environment = false;  // -E
  int script = 0;                   // argv index of the script; argc when there is none
  int bytecode = 0;                 // argv index of LuaJIT's -b, which takes the rest; 0: none
  const char* bad_option = nullptr; // the argument to name when the command line is wrong
};

// Reads the options up to the script name. The actions of -e, -l and -W (-j, -O, -b) are not
// taken here: they run later, in command-line order, once the state is ready.
Options parse_options(int argc, char** argv);

// Returns the argument of the option at argv[*index], moving *index past it when it is the
// next word ("-e code") rather than attached ("-ecode").
const char* option_argument(char** argv, int* index);

void print_usage(const char* bad_option);

}  // namespace luaembed::interpreter
