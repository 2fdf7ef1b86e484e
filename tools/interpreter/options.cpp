// Command-line options. The grammar is that of the linked Lua's interpreter: options come
// first, the first word that is not an option is the script, "--" ends the options and "-"
// names stdin as the script. What each version accepts is in dialect.hpp.
#include "options.hpp"

#include "dialect.hpp"
#include "reports.hpp"

#include <cstdio>

namespace luaembed::interpreter {

namespace {

// An option letter stands alone: "-vx" is an error, not "-v -x".
bool is_bare(const char* option) {
  return option[2] == '\0';
}

Options rejected(Options options, const char* option) {
  options.bad_option = option;
  return options;
}

// An option with extra characters; lua5.2 names its first argument instead (see dialect.hpp).
Options rejected_tail(Options options, char** argv, const char* option) {
  return rejected(options, dialect::tail_error_names_first ? argv[1] : option);
}

// An option that needs an argument takes the next word unless the argument is attached. From
// 5.2 on, a next word that looks like an option means the argument was forgotten.
bool has_argument(int argc, char** argv, int* index) {
  if (!is_bare(argv[*index])) return true;
  ++*index;
  return *index < argc && (dialect::argument_may_be_option || argv[*index][0] != '-');
}

bool any_flag(const Options& options, bool took_argument) {
  return options.interactive || options.show_version || options.has_statement || options.ignore_environment ||
         took_argument;
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options options;
  bool took_argument = false;  // -l or -j: LuaJIT's -b must come before them
  int index = 1;
  for (; index < argc; index++) {
    const char* word = argv[index];
    options.script = index;
    if (word[0] != '-') return options;
    switch (word[1]) {
      case '-':  // "--": whatever follows is the script and its arguments
        if (!is_bare(word)) return rejected_tail(options, argv, word);
        options.script = index + 1;
        return options;
      case '\0':  // "-": the script is read from stdin
        return options;
      case 'E':
        if (!dialect::has_E) return rejected(options, word);
        if (!is_bare(word) && !dialect::E_takes_tail) return rejected(options, word);
        options.ignore_environment = true;
        break;
      case 'W':
        if (!dialect::has_W || !is_bare(word)) return rejected(options, word);
        break;
      case 'i':
        options.interactive = true;
        [[fallthrough]];
      case 'v':
        if (!is_bare(word)) return rejected_tail(options, argv, word);
        options.show_version = true;
        break;
      case 'e':
        options.has_statement = true;
        [[fallthrough]];
      case 'l':
        if (!has_argument(argc, argv, &index)) return rejected(options, word);
        took_argument = true;
        break;
      case 'j':
        if (!dialect::has_jit_options || !has_argument(argc, argv, &index)) return rejected(options, word);
        took_argument = true;
        break;
      case 'O':
        if (!dialect::has_jit_options) return rejected(options, word);
        break;
      case 'b':  // the rest of the command line belongs to LuaJIT's bytecode saver
        if (!dialect::has_jit_options || any_flag(options, took_argument)) return rejected(options, word);
        options.has_statement = true;
        options.bytecode = index;
        options.script = argc;
        return options;
      default:
        return rejected(options, word);
    }
  }
  options.script = index;
  return options;
}

const char* option_argument(char** argv, int* index) {
  const char* attached = argv[*index] + 2;
  if (*attached != '\0') return attached;
  return argv[++*index];
}

void print_usage(const char* bad_option) {
  const char* name = program_name();
  if (dialect::names_bad_option) {
    if (bad_option[1] == 'e' || bad_option[1] == 'l')
      std::fprintf(stderr, "%s: '%s' needs argument\n", name, bad_option);
    else
      std::fprintf(stderr, "%s: unrecognized option '%s'\n", name, bad_option);
  }
  std::fprintf(stderr, dialect::usage, name);
  std::fflush(stderr);
}

}  // namespace luaembed::interpreter
