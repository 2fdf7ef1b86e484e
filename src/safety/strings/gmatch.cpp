// string.gmatch: an iterator over the matches of a pattern, each call going on after the last
// match. A '^' is no anchor here: it would stop the iteration, so it matches itself.
//
// C-style functions: nothing in their frames has a destructor (see find.cpp).
#include "string_functions.hpp"

#include "arguments.hpp"
#include "lua_side.hpp"

#include <cstdint>

namespace luaembed::detail::strings {

namespace {

// Where the iterator stands, kept in a userdata between calls.
struct Iteration {
  std::size_t next;      // where the next match may start
  std::size_t last_end;  // where the last match ended (none yet: SIZE_MAX)
};

// Upvalues: the subject, the pattern, the Iteration.
int next_match(lua_State *L) {
  std::size_t subject_length, pattern_length;
  const char *subject = lua_tolstring(L, lua_upvalueindex(1), &subject_length);
  const char *pattern = lua_tolstring(L, lua_upvalueindex(2), &pattern_length);
  auto *iteration = static_cast<Iteration *>(lua_touserdata(L, lua_upvalueindex(3)));
  CallBudget *budget = open_budget(L);
  Retry local[local_retries];
  Retry *retries = retry_space(L, local, pattern_length);
  WorkMeter meter(budget);
  Matcher matcher(subject, subject_length, pattern, pattern_length, meter, retries);
  for (std::size_t from = iteration->next; from <= subject_length; ++from) {
    const char *start = subject + from;
    Outcome outcome = matcher.match(start);
    if (outcome == Outcome::no_match) continue;
    if (outcome != Outcome::match) return raise_failure(L, matcher, outcome, budget);
    std::size_t end = static_cast<std::size_t>(matcher.match_end() - subject);
    if (no_match_at_last_end) {  // Lua 5.3: a match may not end where the last one did
      if (end == iteration->last_end) continue;
      iteration->next = iteration->last_end = end;
    } else {  // before: after an empty match, go on one character later
      iteration->next = end == from ? end + 1 : end;
    }
    meter.finish();
    return push_captures(L, matcher, start, matcher.match_end());
  }
  meter.finish();
  return 0;
}

}  // namespace

int gmatch(lua_State *L) {
  std::size_t subject_length;
  luaL_checklstring(L, 1, &subject_length);
  luaL_checklstring(L, 2, nullptr);
  std::size_t next = 0;
  if (gmatch_has_start) {
    Start start = read_start(L, 3, subject_length);
    next = start.past_end ? subject_length + 1 : start.offset;
  }
  lua_settop(L, 2);
  auto *iteration = static_cast<Iteration *>(lua_newuserdata(L, sizeof(Iteration)));
  *iteration = {next, SIZE_MAX};
  lua_pushcclosure(L, next_match, 3);
  return 1;
}

}  // namespace luaembed::detail::strings
