// LuaJIT's own options, -j cmd, -O[opt] and -b ..., and the "JIT: ON ..." line of its REPL,
// done the way luajit does them: through the jit library and the jit.* modules Debian installs
// with LuaJIT (jit.v, jit.dump, jit.bcsave, ...). Only a LuaJIT interpreter offers them.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// -j cmd[=arg[,arg...]]: jit.cmd(args), or else require("jit.cmd").start(args): -jon, -joff,
// -jflush, -jv, -jdump=...
int run_jit_command(lua_State* L, const char* command);

// -O[opt[,opt...]]: jit.opt.start(opts): -O3, -O-fold, -Ohotloop=10.
int set_jit_optimizations(lua_State* L, const char* options);

// -b...: require("jit.bcsave").start(...) with the rest of the command line; argv points at
// the -b word.
int save_bytecode(lua_State* L, char** argv);

// "JIT: ON" or "JIT: OFF", and the CPU features and optimizations jit.status() names.
void print_jit_status(lua_State* L);

}  // namespace luaembed::interpreter
