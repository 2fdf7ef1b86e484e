// The arguments of the string functions, read as the linked Lua reads them: the same
// conversions of numbers and the same errors, raised by luaL_check* so that they name the
// function the way Lua does ("bad argument #3 to 'find'").
//
// These raise Lua errors: call them from the functions' own C-style frames.
#pragma once

#include "dialect.hpp"

#include <cstddef>

namespace luaembed::detail::strings {

// Where find, match (and gmatch from 5.4) start: an offset from 0, from the 1-based init
// argument, negative counting from the end. past_end: init is beyond the end of the subject
// and the Lua answers nil without looking at the pattern.
struct Start {
  std::size_t offset;
  bool past_end;
};
Start read_start(lua_State *L, int arg, std::size_t subject_length);

// gsub's maximum number of replacements, by default one more than the subject's length.
ReplacementCount read_replacement_limit(lua_State *L, int arg, std::size_t subject_length);
// gsub's replacement must be a string, a number, a table or a function.
void check_replacement_type(lua_State *L, int arg);

// string.rep's count, and its separator ("" where the Lua has none).
RepetitionCount read_repetition_count(lua_State *L, int arg);
const char *read_separator(lua_State *L, int arg, std::size_t *length);

// Whether find may search for the pattern as plain text: it has no special character. Lua 5.1
// looks only up to the pattern's first zero byte.
bool has_no_specials(const char *pattern, std::size_t length);

}  // namespace luaembed::detail::strings
