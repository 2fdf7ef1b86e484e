// Budgeted string functions: string.find, match, gmatch, gsub and rep for states with call
// limits and sandboxed states.
//
// A count hook cannot stop a pathological pattern or a huge string.rep: they run in C, where
// no VM instruction is executed. These functions do what Lua's do, with the same results and
// the same errors for the Lua luaembed links (dialect.hpp), but count their work and stop
// with the call's limit error when the budget is spent (work_meter.hpp).
//
//   find.cpp     string.find, string.match     matcher.hpp           the pattern matcher
//   gmatch.cpp   string.gmatch                 character_classes.hpp %a, [set], '.'
//   gsub.cpp     string.gsub                   work_meter.hpp        counting work, asking the budget
//   rep.cpp      string.rep                    arguments.hpp         reading the arguments
//   install.cpp  into the string library       lua_side.hpp          budget, captures, errors
//                                              dialect.hpp           what differs between the Luas
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::detail::strings {

int find(lua_State *L);
int match(lua_State *L);
int gmatch(lua_State *L);
int gsub(lua_State *L);
int rep(lua_State *L);

// Puts the budgeted functions in place of Lua's in the string library: the table require
// returns, the global string and the __index of the string metatable, so that s:find(p) uses
// them too. A field holding something else than a C function (the program's own) is left
// alone. May raise: call it protected.
void install(lua_State *L);
// The same in one table of string functions (an environment's copy of the library).
void install_in(lua_State *L, int table);

}  // namespace luaembed::detail::strings
