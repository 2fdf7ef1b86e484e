// What the interpreter itself writes: its version line and its error reports.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter {

// Error reports start with the program name, argv[0] as it was typed (so a renamed or
// symlinked interpreter speaks under its own name), except in the REPL, where the prompt
// already says who is talking. nullptr means no prefix.
const char* program_name();
void set_program_name(const char* name);

// Writes "name: message" on stderr.
void print_error(const char* message);

// When status is an error, prints the error object on top of the stack and pops it.
// Returns status, so callers can report and test in one step.
int report(lua_State* L, int status);

// The version line the linked Lua's interpreter prints for -v.
void print_version();

}  // namespace luaembed::interpreter
