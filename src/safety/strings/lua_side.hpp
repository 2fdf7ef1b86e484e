// What the string functions share on the Lua side of the matcher: the budget of the running
// call, room for the matcher's retries, the captures of a match as Lua values, and what
// stopped a match as a Lua error.
//
// These raise Lua errors: call them from the functions' own C-style frames.
#pragma once

#include "matcher.hpp"

namespace luaembed::detail::strings {

// Capture `index` of the last match [start, end): its text, or its position (from 1) for
// "()". With no captures in the pattern, capture 0 is the whole match.
struct CaptureValue {
  const char *text;
  std::size_t length;
  lua_Integer position;  // 0: a text
};
CaptureValue capture_value(lua_State *L, const Matcher &matcher, int index, const char *start, const char *end);
void push_capture(lua_State *L, const Matcher &matcher, int index, const char *start, const char *end);

// Pushes every capture of the last match and returns how many; with none, the whole match
// when start is given (match, gmatch, gsub), nothing when it is null (find).
int push_captures(lua_State *L, const Matcher &matcher, const char *start, const char *end);

// Raises what stopped a match: the budget's error, or the pattern's.
int raise_failure(lua_State *L, const Matcher &matcher, Outcome outcome, CallBudget *budget);

// The budget of the call running on L, having raised its error if it is spent already.
CallBudget *open_budget(lua_State *L);

// Room for the retries a pattern may need: local when it is enough, else a userdata pushed
// on the stack (Lua 5.1's long patterns have no nesting limit).
inline constexpr std::size_t local_retries = 64;
Retry *retry_space(lua_State *L, Retry (&local)[local_retries], std::size_t pattern_length);

}  // namespace luaembed::detail::strings
