// Where the REPL's lines come from: libedit, with line editing and history, when stdin is a
// terminal; plain reading otherwise.
#pragma once

namespace luaembed::interpreter {

// Chooses how lines are read; call once before the first read_line.
void start_line_input();

// Shows prompt and reads one line, without its newline: a malloc'd string the caller frees,
// or nullptr at end of input.
char* read_line(const char* prompt);

// Adds a complete chunk, as entered, to the history the up arrow walks through.
void remember_line(const char* chunk);

}  // namespace luaembed::interpreter
