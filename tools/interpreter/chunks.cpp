#include "chunks.hpp"

#include "dialect.hpp"
#include "protected_call.hpp"
#include "reports.hpp"
#include "script_args.hpp"

#include <cstdlib>
#include <cstring>

namespace luaembed::interpreter {

namespace {

// A chunk that failed to load has its message where the function would be; report it alike.
int run_loaded(lua_State* L, int load_status) {
  int status = load_status;
  if (status == LUA_OK) status = call_protected(L, 0, 0);
  return report(L, status);
}

}  // namespace

int run_string(lua_State* L, const char* code, const char* chunkname) {
  return run_loaded(L, luaL_loadbuffer(L, code, std::strlen(code), chunkname));
}

int run_file(lua_State* L, const char* path) {
  return run_loaded(L, luaL_loadfile(L, path));
}

int require_library(lua_State* L, const char* spec) {
  const char* equals = dialect::require_alias ? std::strchr(spec, '=') : nullptr;
  const char* module = equals != nullptr ? equals + 1 : spec;
  size_t global_length = equals != nullptr ? static_cast<size_t>(equals - spec) : std::strlen(spec);
  // The global's name lives on the Lua stack: no C++ object may be skipped by a Lua error.
  lua_pushlstring(L, spec, global_length);
  lua_getglobal(L, "require");
  lua_pushstring(L, module);
  int status = call_protected(L, 1, 1);
  if (status == LUA_OK && dialect::require_sets_global) lua_setglobal(L, lua_tostring(L, -2));
  else if (status == LUA_OK) lua_pop(L, 1);  // lua5.1 and luajit only require
  report(L, status);
  lua_pop(L, 1);  // the global's name
  return status;
}

int run_script(lua_State* L, int argc, char** argv, int script) {
  const char* path = argv[script];
  // "-" is stdin, unless "--" came just before it: then it is a file named "-".
  bool from_stdin = std::strcmp(path, "-") == 0 && std::strcmp(argv[script - 1], "--") != 0;
  if (!dialect::arg_before_init) create_arg_table(L, argc, argv, script);  // 5.1, 5.2: only now
  int status = luaL_loadfile(L, from_stdin ? nullptr : path);
  if (status == LUA_OK) {
    int count = push_script_arguments(L, argc, argv, script);
    status = call_protected(L, count, 0);
  }
  return report(L, status);
}

int run_init(lua_State* L) {
  // The versioned variable wins, so one environment can set up several Lua versions.
  const char* name = dialect::versioned_init;
  const char* init = name != nullptr ? std::getenv(name) : nullptr;
  if (init == nullptr) {
    name = "LUA_INIT";
    init = std::getenv(name);
  }
  if (init == nullptr) return LUA_OK;
  if (init[0] == '@') return run_file(L, init + 1);
  lua_pushfstring(L, "=%s", name);  // the chunk name; on the stack, so an error frees it
  int status = run_string(L, init, lua_tostring(L, -1));
  lua_pop(L, 1);
  return status;
}

}  // namespace luaembed::interpreter
