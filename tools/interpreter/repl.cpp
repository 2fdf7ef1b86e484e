// From Lua 5.3 on a line is first tried as an expression, so that typing `1+1` shows 2;
// failing that, as a statement, which may span several lines. Before, only "=1+1" shows 2.
// Chunks are named "=stdin", as the interpreter of each version names them.
#include "repl.hpp"

#include "dialect.hpp"
#include "line_input.hpp"
#include "protected_call.hpp"
#include "reports.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace luaembed::interpreter {

namespace {

constexpr int no_more_input = -1;

// _PROMPT and _PROMPT2 let a session restyle its prompts: with Lua 5.4 any value but nil,
// shown as tostring would show it; before, a string or a number. The prompt stays on the
// stack, which keeps it alive, until popped.
const char* push_prompt(lua_State* L, bool first_line) {
  lua_getglobal(L, first_line ? "_PROMPT" : "_PROMPT2");
  bool usable = dialect::prompt_any_value ? !lua_isnil(L, -1) : lua_isstring(L, -1) != 0;
  if (!usable) {
    lua_pop(L, 1);
    lua_pushstring(L, first_line ? "> " : ">> ");  // which returns nothing in Lua 5.1
    return lua_tostring(L, -1);
  }
  luaL_tolstring(L, -1, nullptr);
  lua_remove(L, -2);  // the value, now that its text is above it
  return lua_tostring(L, -1);
}

// Pushes the next line; false at end of input. A first line "=expr" means "return expr", the
// shorthand of Lua 5.1 that lua5.4 still accepts.
bool push_line(lua_State* L, bool first_line) {
  char* line = read_line(push_prompt(L, first_line));
  lua_pop(L, 1);  // the prompt
  if (line == nullptr) return false;
  // Only an out-of-memory error can escape here, leaking the line, as in lua5.4.
  if (first_line && line[0] == '=')
    lua_pushfstring(L, "return %s", line + 1);
  else
    lua_pushstring(L, line);
  std::free(line);
  return true;
}

// The parser reports a chunk that merely stops too soon as an error "near <eof>".
bool is_incomplete(lua_State* L, int status) {
  if (status != LUA_ERRSYNTAX) return false;
  size_t length = 0;
  const char* message = lua_tolstring(L, -1, &length);
  std::string_view text(message, length);
  return text.ends_with("<eof>") || text.ends_with("'<eof>'");  // lua5.1 and luajit quote it
}

// Tries the line on top of the stack as "return <line>;". On success the function replaces
// the text; on failure the stack is as it was.
int load_as_expression(lua_State* L) {
  const char* line = lua_tostring(L, -1);
  const char* code = lua_pushfstring(L, "return %s;", line);
  int status = luaL_loadbuffer(L, code, std::strlen(code), "=stdin");
  if (status == LUA_OK) {
    lua_remove(L, -2);  // the "return" text
    if (line[0] != '\0') remember_line(line);
  } else {
    lua_pop(L, 2);  // the error message and the "return" text
  }
  return status;
}

// Loads the text on top of the stack as a statement, joining continuation lines while it is
// incomplete. Leaves the text, then the function or the error message; no_more_input when
// input ends inside the statement and the dialect ends the REPL then.
int load_as_statement(lua_State* L) {
  int text_index = lua_gettop(L);
  for (;;) {
    size_t length = 0;
    const char* text = lua_tolstring(L, text_index, &length);
    int status = luaL_loadbuffer(L, text, length, "=stdin");
    bool incomplete = is_incomplete(L, status);
    // Input that ends inside a statement reports why the statement is incomplete (5.3 on).
    if (!incomplete || !push_line(L, false)) {
      if (incomplete && !dialect::repl_reports_unfinished) return no_more_input;
      if (dialect::repl_tries_expression || length > 0) remember_line(text);
      return status;
    }
    lua_remove(L, -2);  // the "<eof>" message
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  // text .. "\n" .. next line
  }
}

// Leaves a function to run (LUA_OK) or an error message; no_more_input at end of input.
int read_chunk(lua_State* L) {
  if (!push_line(L, true)) return no_more_input;
  int line_index = lua_gettop(L);
  int status = dialect::repl_tries_expression ? load_as_expression(L) : LUA_ERRSYNTAX;
  if (status != LUA_OK) status = load_as_statement(L);
  lua_remove(L, line_index);
  return status;
}

// Results go through the global print, so a session that redefines print changes how they look.
void print_results(lua_State* L, int base) {
  int count = lua_gettop(L) - base;
  if (count == 0) return;
  luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
  lua_getglobal(L, "print");
  lua_insert(L, base + 1);
  if (lua_pcall(L, count, 0, 0) != LUA_OK)
    print_error(lua_pushfstring(L, "error calling 'print' (%s)", lua_tostring(L, -1)));
}

}  // namespace

void run_repl(lua_State* L) {
  const char* name = program_name();
  set_program_name(nullptr);
  start_line_input();
  int base = lua_gettop(L);
  int status;
  while ((status = read_chunk(L)) != no_more_input) {
    if (status == LUA_OK) status = call_protected(L, 0, LUA_MULTRET);
    if (status == LUA_OK)
      print_results(L, base);
    else
      report(L, status);
    lua_settop(L, base);
  }
  lua_settop(L, base);
  std::fputc('\n', stdout);  // the shell prompt then starts on a line of its own
  std::fflush(stdout);
  set_program_name(name);
}

}  // namespace luaembed::interpreter
