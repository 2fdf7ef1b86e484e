// Messages go through C stdio, like everything Lua itself prints (print, io.write, warn), so
// the interpreter's output and the script's output come out in the order they were written.
#include "reports.hpp"

#include "dialect.hpp"

#include <cstdio>

namespace luaembed::interpreter {

namespace {

// The interpreter's name for itself when argv[0] is missing or empty.
const char* current_name = dialect::default_program_name;

}  // namespace

const char* program_name() {
  return current_name;
}

void set_program_name(const char* name) {
  current_name = name;
}

void print_error(const char* message) {
  if (current_name != nullptr) std::fprintf(stderr, "%s: ", current_name);
  std::fprintf(stderr, "%s\n", message);
  std::fflush(stderr);
}

int report(lua_State* L, int status) {
  if (status == LUA_OK) return status;
  int error_index = lua_gettop(L);
  const char* message = lua_tostring(L, error_index);
  if (!dialect::reports_every_error) {
    // Before 5.3: nil is not reported, and what is no string is not described.
    if (!lua_isnil(L, error_index)) print_error(message ? message : "(error object is not a string)");
    lua_settop(L, error_index - 1);
    if (dialect::collect_after_report) lua_gc(L, LUA_GCCOLLECT, 0);
    return status;
  }
  // The message handler turns every error object into a string; an error raised outside
  // it (in the interpreter's own setup) may still be something else.
  if (message == nullptr)
    message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, error_index));
  print_error(message);
  lua_settop(L, error_index - 1);
  return status;
}

void print_version() {
  std::FILE* stream = dialect::version_on_stderr ? stderr : stdout;
  std::fprintf(stream, "%s\n", dialect::version_line);
  std::fflush(stream);
}

}  // namespace luaembed::interpreter
