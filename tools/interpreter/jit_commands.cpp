// As luajit does, these run their Lua calls without the traceback handler: a failing command
// reports its message alone.
#include "jit_commands.hpp"

#include "reports.hpp"

#include <cstdio>
#include <cstring>

namespace luaembed::interpreter {

namespace {

// Pushes package.loaded[name].
void push_loaded(lua_State* L, const char* name) {
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  lua_getfield(L, -1, name);
  lua_remove(L, -2);
}

int report_unknown_command() {
  print_error("unknown luaJIT command or jit.* modules not installed");
  return 1;
}

// Replaces the module name on top with require("jit." .. name).start; non-zero on failure,
// already reported.
int push_module_start(lua_State* L) {
  lua_getglobal(L, "require");
  lua_pushliteral(L, "jit.");
  lua_pushvalue(L, -3);
  lua_concat(L, 2);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    const char* message = lua_tostring(L, -1);
    if (message != nullptr && std::strncmp(message, "module ", 7) == 0) return report_unknown_command();
    return report(L, 1);
  }
  lua_getfield(L, -1, "start");
  if (lua_isnil(L, -1)) return report_unknown_command();
  lua_remove(L, -2);  // the module
  lua_remove(L, -2);  // its name
  return 0;
}

// Calls the function on top with the comma-separated arguments; an empty one is nil.
int call_with_options(lua_State* L, const char* options) {
  int count = 0;
  if (options != nullptr && *options != '\0') {
    for (const char* comma; (comma = std::strchr(options, ',')) != nullptr; options = comma + 1, count++) {
      if (comma == options) lua_pushnil(L);
      else lua_pushlstring(L, options, static_cast<size_t>(comma - options));
    }
    if (*options != '\0') lua_pushstring(L, options);
    else lua_pushnil(L);
    count++;
  }
  return report(L, lua_pcall(L, count, 0, 0));
}

}  // namespace

int run_jit_command(lua_State* L, const char* command) {
  const char* equals = std::strchr(command, '=');
  lua_pushlstring(L, command, equals != nullptr ? static_cast<size_t>(equals - command) : std::strlen(command));
  push_loaded(L, "jit");
  lua_pushvalue(L, -2);
  lua_gettable(L, -2);  // jit[name]: on, off, flush...
  if (lua_isfunction(L, -1)) {
    lua_remove(L, -2);  // the jit table
    lua_remove(L, -2);  // the name
  } else {
    lua_pop(L, 2);
    if (push_module_start(L) != 0) return 1;
  }
  return call_with_options(L, equals != nullptr ? equals + 1 : nullptr);
}

int set_jit_optimizations(lua_State* L, const char* options) {
  push_loaded(L, "jit.opt");
  lua_getfield(L, -1, "start");
  lua_remove(L, -2);
  return call_with_options(L, options);
}

int save_bytecode(lua_State* L, char** argv) {
  lua_pushliteral(L, "bcsave");
  if (push_module_start(L) != 0) return 1;
  int count = 0;
  if (argv[0][2] != '\0') {  // "-bl": the saver reads it as "-l"
    lua_pushfstring(L, "-%s", argv[0] + 2);
    count++;
  }
  for (char** word = argv + 1; *word != nullptr; word++, count++) lua_pushstring(L, *word);
  return report(L, lua_pcall(L, count, 0, 0));
}

void print_jit_status(lua_State* L) {
  int base = lua_gettop(L);
  push_loaded(L, "jit");
  lua_getfield(L, -1, "status");
  lua_remove(L, -2);
  lua_call(L, 0, LUA_MULTRET);
  std::fputs(lua_toboolean(L, base + 1) ? "JIT: ON" : "JIT: OFF", stdout);
  for (int i = base + 2; i <= lua_gettop(L) && lua_isstring(L, i); i++) {
    std::fputc(' ', stdout);
    std::fputs(lua_tostring(L, i), stdout);
  }
  std::fputc('\n', stdout);
  std::fflush(stdout);
  lua_settop(L, base);
}

}  // namespace luaembed::interpreter
