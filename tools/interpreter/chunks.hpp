// The pieces of Lua code the command line and the environment ask for. Each function runs its
// code with call_protected, reports any error, and returns the status.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// -e: chunkname is "=(command line)"; LUA_INIT uses the variable's name.
int run_string(lua_State* L, const char* code, const char* chunkname);

// A file without arguments (LUA_INIT=@file); nullptr reads stdin.
int run_file(lua_State* L, const char* path);

// -l mod stores require("mod") in global mod (from Lua 5.2 on); -l g=mod stores it in
// global g (5.4).
int require_library(lua_State* L, const char* spec);

// The script at argv[script], called with the script arguments as `...`.
int run_script(lua_State* L, int argc, char** argv, int script);

// LUA_INIT_5_X (5.2 and later), or else LUA_INIT: "@file" runs the file, anything else is
// Lua code.
int run_init(lua_State* L);

}  // namespace luaembed::interpreter
