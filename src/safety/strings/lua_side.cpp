// The Lua side of the matcher (lua_side.hpp). Nothing in these frames has a destructor: Lua
// errors may leave them by longjmp.
#include "lua_side.hpp"

namespace luaembed::detail::strings {

CaptureValue capture_value(lua_State *L, const Matcher &matcher, int index, const char *start, const char *end) {
  if (index >= matcher.capture_count()) {
    if (index != 0) {
      if (replacement_capture_index_named) luaL_error(L, "invalid capture index %%%d", index + 1);
      luaL_error(L, "invalid capture index");
    }
    return {start, static_cast<std::size_t>(end - start), 0};
  }
  const Capture &capture = matcher.capture(index);
  if (capture.length == capture_open) luaL_error(L, "unfinished capture");
  if (capture.length == capture_position)
    return {nullptr, 0, static_cast<lua_Integer>(capture.start - matcher.subject()) + 1};
  return {capture.start, static_cast<std::size_t>(capture.length), 0};
}

void push_capture(lua_State *L, const Matcher &matcher, int index, const char *start, const char *end) {
  CaptureValue value = capture_value(L, matcher, index, start, end);
  if (value.position != 0) lua_pushinteger(L, value.position);
  else lua_pushlstring(L, value.text, value.length);
}

int push_captures(lua_State *L, const Matcher &matcher, const char *start, const char *end) {
  int count = matcher.capture_count() == 0 && start != nullptr ? 1 : matcher.capture_count();
  luaL_checkstack(L, count, "too many captures");
  for (int index = 0; index < count; ++index) push_capture(L, matcher, index, start, end);
  return count;
}

int raise_failure(lua_State *L, const Matcher &matcher, Outcome outcome, CallBudget *budget) {
  switch (outcome) {
    case Outcome::stopped: return raise_limit_error(L, *budget);
    case Outcome::escape_at_end: return luaL_error(L, "malformed pattern (ends with '%%')");
    case Outcome::missing_bracket: return luaL_error(L, "malformed pattern (missing ']')");
    case Outcome::missing_balance_arguments: return luaL_error(L, "%s", missing_balance_arguments);
    case Outcome::missing_frontier_set: return luaL_error(L, "missing '[' after '%%f' in pattern");
    case Outcome::invalid_capture_index:
      if (pattern_capture_index_named) return luaL_error(L, "invalid capture index %%%d", matcher.bad_capture());
      return luaL_error(L, "invalid capture index");
    case Outcome::invalid_pattern_capture: return luaL_error(L, "invalid pattern capture");
    case Outcome::too_many_captures: return luaL_error(L, "too many captures");
    case Outcome::too_complex: return luaL_error(L, "pattern too complex");
    case Outcome::match:
    case Outcome::no_match: break;
  }
  return luaL_error(L, "pattern matcher: no error to raise");
}

CallBudget *open_budget(lua_State *L) {
  CallBudget *budget = running_budget(L);
  if (budget != nullptr && budget->exceeded) raise_limit_error(L, *budget);
  return budget;
}

Retry *retry_space(lua_State *L, Retry (&local)[local_retries], std::size_t pattern_length) {
  std::size_t needed = retries_needed(pattern_length);
  if (needed <= local_retries) return local;
  return static_cast<Retry *>(lua_newuserdata(L, needed * sizeof(Retry)));
}

}  // namespace luaembed::detail::strings
