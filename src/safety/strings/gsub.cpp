// string.gsub: a copy of the subject with (at most n) matches replaced by a string with %0-%9
// in it, by what a table holds for the first capture, or by what a function returns for the
// captures; nil or false keeps the match. Also returns how many matches there were.
//
// C-style functions: nothing in their frames has a destructor, because Lua errors (and the
// replacement function's) may leave them by longjmp (see find.cpp).
#include "string_functions.hpp"

#include "arguments.hpp"
#include "character_classes.hpp"
#include "lua_side.hpp"

#include <cstring>

namespace luaembed::detail::strings {

namespace {

// Appends the replacement string (argument 3) for the match [start, end), with %0 the match,
// %1-%9 its captures and %% a '%'. Returns how many bytes it added.
std::size_t add_expansion(lua_State *L, luaL_Buffer *buffer, const Matcher &matcher, const char *start,
                          const char *end) {
  std::size_t length;
  const char *text = lua_tolstring(L, 3, &length);
  const char *text_end = text + length;
  std::size_t added = 0;
  while (text < text_end) {
    const char *escape = static_cast<const char *>(std::memchr(text, '%', static_cast<std::size_t>(text_end - text)));
    const char *literal_end = escape != nullptr ? escape : text_end;
    luaL_addlstring(buffer, text, static_cast<std::size_t>(literal_end - text));
    added += static_cast<std::size_t>(literal_end - text);
    if (escape == nullptr) break;
    char code = escape[1];  // the string's terminating zero when the '%' is last
    text = escape + 2;
    if (ascii::is_digit(byte(code))) {
      CaptureValue value = code == '0' ? CaptureValue{start, static_cast<std::size_t>(end - start), 0}
                                       : capture_value(L, matcher, code - '1', start, end);
      if (value.position != 0) {  // a position: its digits, as Lua writes the number
        lua_pushinteger(L, value.position);
        lua_tolstring(L, -1, &value.length);
        luaL_addvalue(buffer);
      } else {
        luaL_addlstring(buffer, value.text, value.length);
      }
      added += value.length;
    } else if (!strict_replacement || code == '%') {
      luaL_addchar(buffer, code);
      ++added;
    } else {
      return static_cast<std::size_t>(luaL_error(L, "invalid use of '%%' in replacement string"));
    }
  }
  return added;
}

// Appends what replaces the match [start, end); *changed is false when nil or false kept it.
// Returns how many bytes it added.
std::size_t add_replacement(lua_State *L, luaL_Buffer *buffer, const Matcher &matcher, const char *start,
                            const char *end, bool *changed) {
  *changed = true;
  int type = lua_type(L, 3);
  if (type == LUA_TSTRING || type == LUA_TNUMBER) return add_expansion(L, buffer, matcher, start, end);
  if (type == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    int count = push_captures(L, matcher, start, end);
    lua_call(L, count, 1);
  } else {
    push_capture(L, matcher, 0, start, end);
    lua_gettable(L, 3);
  }
  std::size_t length;
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    lua_pushlstring(L, start, static_cast<std::size_t>(end - start));
    *changed = false;
  } else if (!lua_isstring(L, -1)) {
    return static_cast<std::size_t>(luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1)));
  }
  lua_tolstring(L, -1, &length);
  luaL_addvalue(buffer);
  return length;
}

}  // namespace

int gsub(lua_State *L) {
  std::size_t subject_length, pattern_length;
  const char *subject = luaL_checklstring(L, 1, &subject_length);
  const char *pattern = luaL_checklstring(L, 2, &pattern_length);
  ReplacementCount most = read_replacement_limit(L, 4, subject_length);
  check_replacement_type(L, 3);
  bool anchored = *pattern == '^';
  if (anchored) ++pattern, --pattern_length;
  CallBudget *budget = open_budget(L);
  Retry local[local_retries];
  Retry *retries = retry_space(L, local, pattern_length);  // before the buffer: it uses the stack
  luaL_Buffer buffer;
  luaL_buffinit(L, &buffer);
  WorkMeter meter(budget);
  Matcher matcher(subject, subject_length, pattern, pattern_length, meter, retries);
  const char *at = subject;
  const char *subject_end = subject + subject_length;
  const char *last_end = nullptr;
  ReplacementCount count = 0;
  bool changed = false;
  while (count < most) {
    Outcome outcome = matcher.match(at);
    if (outcome != Outcome::match && outcome != Outcome::no_match) return raise_failure(L, matcher, outcome, budget);
    const char *end = outcome == Outcome::match ? matcher.match_end() : nullptr;
    // From Lua 5.3 a match may not end where the last one did; before, an empty match is
    // replaced and then skipped like a character that did not match.
    if (end != nullptr && no_match_at_last_end && end == last_end) end = nullptr;
    if (end != nullptr) {
      ++count;
      bool replaced;
      std::size_t added = add_replacement(L, &buffer, matcher, at, end, &replaced);
      changed = changed || replaced;
      if (!meter.spend_bytes(added)) return raise_limit_error(L, *budget);
    }
    if (end != nullptr && (end > at || no_match_at_last_end)) {
      at = last_end = end;
    } else if (at < subject_end) {
      luaL_addchar(&buffer, *at++);
    } else {
      break;
    }
    if (anchored) break;
  }
  meter.finish();
  if (gsub_keeps_unchanged_subject && !changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&buffer, at, static_cast<std::size_t>(subject_end - at));
    luaL_pushresult(&buffer);
  }
  lua_pushinteger(L, static_cast<lua_Integer>(count));
  return 2;
}

}  // namespace luaembed::detail::strings
