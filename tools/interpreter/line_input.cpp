// No C++ library type appears here or in the REPL: the executable would export any libstdc++
// template it instantiates that libstdc++.so also defines, and it must export the Lua C API
// only. For the same reason libedit's rl_readline_name (unversioned data, which a reference
// would copy into the executable and export) is left alone.
#include "line_input.hpp"

#include "dialect.hpp"

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <sys/types.h>
#include <unistd.h>

#include <editline/readline.h>

namespace luaembed::interpreter {

namespace {

bool editing = false;

char* read_edited_line(const char* prompt) {
  char* line = readline(prompt);
  if (line == nullptr) {
    // libedit leaves the cursor after the "^D" it echoed; what comes next gets its own line.
    std::fputc('\n', stdout);
    std::fflush(stdout);
  }
  return line;
}

// Without a terminal the exchange is still written out the way a terminal would show it,
// prompt then line, as lua5.4 (through GNU readline) does: a piped session's output reads
// as a transcript. Lines are taken literally; there are no editing keys to interpret.
char* read_plain_line(const char* prompt) {
  std::fputs(prompt, stdout);
  std::fflush(stdout);
  char* line = nullptr;
  size_t capacity = 0;
  ssize_t length = getline(&line, &capacity, stdin);
  if (length < 0) {
    std::free(line);
    return nullptr;
  }
  if (length > 0 && line[length - 1] == '\n') line[--length] = '\0';
  if (dialect::echoes_piped_lines) {  // luajit reads with fgets: no echo
    std::fwrite(line, 1, static_cast<size_t>(length), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  }
  return line;
}

}  // namespace

void start_line_input() {
  editing = isatty(STDIN_FILENO);
  // Typed text is in the user's character set, not the "C" locale a Lua program starts in.
  // lua5.4's GNU readline adopts the environment's LC_CTYPE when the REPL starts, piped or
  // not, and the session keeps it; libedit needs it to accept non-ASCII input at all.
  if (dialect::repl_adopts_locale) std::setlocale(LC_CTYPE, "");
}

char* read_line(const char* prompt) {
  return editing ? read_edited_line(prompt) : read_plain_line(prompt);
}

void remember_line(const char* chunk) {
  if (editing) add_history(chunk);
}

}  // namespace luaembed::interpreter
