// Command-line options. The grammar is lua5.4's: options come first, the first word that is
// not an option is the script, "--" ends the options and "-" names stdin as the script.
#include "options.hpp"

#include "messages.hpp"

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

// An option that needs an argument takes the next word unless the argument is attached; a
// next word that looks like an option means the argument was forgotten.
bool has_argument(int argc, char** argv, int* index) {
  if (!is_bare(argv[*index])) return true;
  ++*index;
  return *index < argc && argv[*index][0] != '-';
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options options;
  int index = 1;
  for (; index < argc; index++) {
    const char* word = argv[index];
    options.script = index;
    if (word[0] != '-') return options;
    switch (word[1]) {
      case '-':  // "--": whatever follows is the script and its arguments
        if (!is_bare(word)) return rejected(options, word);
        options.script = index + 1;
        return options;
      case '\0':  // "-": the script is read from stdin
        return options;
      case 'E':
        if (!is_bare(word)) return rejected(options, word);
        options.ignore_environment = true;
        break;
      case 'W':
        if (!is_bare(word)) return rejected(options, word);
        break;
      case 'i':
        options.interactive = true;
        [[fallthrough]];
      case 'v':
        if (!is_bare(word)) return rejected(options, word);
        options.show_version = true;
        break;
      case 'e':
        options.has_statement = true;
        [[fallthrough]];
      case 'l':
        if (!has_argument(argc, argv, &index)) return rejected(options, word);
        break;
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
  if (bad_option[1] == 'e' || bad_option[1] == 'l')
    std::fprintf(stderr, "%s: '%s' needs argument\n", name, bad_option);
  else
    std::fprintf(stderr, "%s: unrecognized option '%s'\n", name, bad_option);
  std::fprintf(stderr,
      "usage: %s [options] [script [args]]\n"
      "Available options are:\n"
      "  -e stat   execute string 'stat'\n"
      "  -i        enter interactive mode after executing 'script'\n"
      "  -l mod    require library 'mod' into global 'mod'\n"
      "  -l g=mod  require library 'mod' into global 'g'\n"
      "  -v        show version information\n"
      "  -E        ignore environment variables\n"
      "  -W        turn warnings on\n"
      "  --        stop handling options\n"
      "  -         stop handling options and execute stdin\n",
      name);
  std::fflush(stderr);
}

}  // namespace luaembed::interpreter
