// string.find and string.match. Both look for the first match from init on; find returns
// where it is (and the captures), match what it captured (or the whole match).
//
// These are C-style functions: nothing in their frames has a destructor, because the Lua
// errors they raise may leave them by longjmp.
#include "string_functions.hpp"

#include "arguments.hpp"
#include "lua_side.hpp"

#include <cstring>

namespace luaembed::detail::strings {

namespace {

// How much of the subject a plain search looks through between two questions to the budget.
constexpr std::size_t plain_window = std::size_t{1} << 20;

// Where the text occurs first in the subject from `from` on, or null: memchr finds where its
// first byte is, memcmp checks the rest, as Lua searches. Stops (stopped is set) when the
// budget says so.
const char *search_plain(const char *subject, std::size_t subject_length, std::size_t from, const char *text,
                         std::size_t text_length, WorkMeter &meter, bool *stopped) {
  *stopped = false;
  if (text_length == 0) return subject + from;
  if (text_length > subject_length - from) return nullptr;
  const char *last_start = subject + subject_length - text_length;
  for (const char *at = subject + from; at <= last_start;) {
    std::size_t window = static_cast<std::size_t>(last_start - at) + 1;
    if (window > plain_window) window = plain_window;
    const char *candidate = static_cast<const char *>(std::memchr(at, text[0], window));
    std::size_t looked = candidate != nullptr ? static_cast<std::size_t>(candidate - at) + text_length : window;
    if (!meter.spend_bytes(looked)) {
      *stopped = true;
      return nullptr;
    }
    if (candidate == nullptr) {
      at += window;
      continue;
    }
    if (std::memcmp(candidate + 1, text + 1, text_length - 1) == 0) return candidate;
    at = candidate + 1;
  }
  return nullptr;
}

int find_plain(lua_State *L, const char *subject, std::size_t subject_length, std::size_t from,
               const char *pattern, std::size_t pattern_length, CallBudget *budget) {
  WorkMeter meter(budget);
  bool stopped;
  const char *found = search_plain(subject, subject_length, from, pattern, pattern_length, meter, &stopped);
  if (stopped) return raise_limit_error(L, *budget);
  meter.finish();
  if (found == nullptr) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(found - subject) + 1);
  lua_pushinteger(L, static_cast<lua_Integer>(found - subject) + static_cast<lua_Integer>(pattern_length));
  return 2;
}

int find_pattern(lua_State *L, bool find, const char *subject, std::size_t subject_length, std::size_t from,
                 const char *pattern, std::size_t pattern_length, CallBudget *budget) {
  bool anchored = *pattern == '^';
  if (anchored) ++pattern, --pattern_length;
  Retry local[local_retries];
  Retry *retries = retry_space(L, local, pattern_length);
  WorkMeter meter(budget);
  Matcher matcher(subject, subject_length, pattern, pattern_length, meter, retries);
  const char *subject_end = subject + subject_length;
  for (const char *start = subject + from;; ++start) {
    Outcome outcome = matcher.match(start);
    if (outcome == Outcome::match) {
      meter.finish();
      if (!find) return push_captures(L, matcher, start, matcher.match_end());
      lua_pushinteger(L, static_cast<lua_Integer>(start - subject) + 1);
      lua_pushinteger(L, static_cast<lua_Integer>(matcher.match_end() - subject));
      return push_captures(L, matcher, nullptr, nullptr) + 2;
    }
    if (outcome != Outcome::no_match) return raise_failure(L, matcher, outcome, budget);
    if (anchored || start == subject_end) break;
  }
  meter.finish();
  lua_pushnil(L);
  return 1;
}

int find_or_match(lua_State *L, bool find) {
  std::size_t subject_length, pattern_length;
  const char *subject = luaL_checklstring(L, 1, &subject_length);
  const char *pattern = luaL_checklstring(L, 2, &pattern_length);
  Start start = read_start(L, 3, subject_length);
  if (start.past_end) {
    lua_pushnil(L);
    return 1;
  }
  CallBudget *budget = open_budget(L);
  if (find && (lua_toboolean(L, 4) || has_no_specials(pattern, pattern_length)))
    return find_plain(L, subject, subject_length, start.offset, pattern, pattern_length, budget);
  return find_pattern(L, find, subject, subject_length, start.offset, pattern, pattern_length, budget);
}

}  // namespace

int find(lua_State *L) { return find_or_match(L, true); }
int match(lua_State *L) { return find_or_match(L, false); }

}  // namespace luaembed::detail::strings
