// The pattern matcher (matcher.hpp): a loop that takes the pattern one item at a time, and
// backtracks to the latest retry when an item fails.
#include "matcher.hpp"

#include "character_classes.hpp"

#include <cstring>

namespace luaembed::detail::strings {

namespace {

// Where a pattern ends: at its length, or at its first zero byte for Lua 5.1 and LuaJIT.
const char *end_of(const char *pattern, std::size_t length) {
  if (!pattern_ends_at_zero) return pattern + length;
  const void *zero = std::memchr(pattern, '\0', length);
  return zero != nullptr ? static_cast<const char *>(zero) : pattern + length;
}

}  // namespace

Matcher::Matcher(const char *subject, std::size_t subject_length, const char *pattern, std::size_t pattern_length,
                 WorkMeter &meter, Retry *retries) noexcept
    : subject_(subject),
      subject_end_(subject + subject_length),
      pattern_(pattern),
      pattern_end_(end_of(pattern, pattern_length)),
      meter_(meter),
      retries_(retries) {}

// Flattened (matcher.hpp), the helpers below become part of this loop. They are inline too:
// the library is compiled position-independent, where the compiler inlines no function that
// other code could replace.
Outcome Matcher::match(const char *start) noexcept {
  depth_ = 0;
  capture_count_ = 0;
  Cursor at{start, pattern_};
  std::uint64_t steps = 0;  // counted here, and handed to the meter now and then
  for (;;) {
    if (++steps == steps_between_checks) {
      if (!meter_.spend(steps)) return Outcome::stopped;
      steps = 0;
    }
    switch (at.p == pattern_end_ ? Next::done : step(at)) {
      case Next::go_on: break;
      case Next::fail:
        if (!backtrack(at)) return finish(steps, Outcome::no_match);
        break;
      case Next::done: match_end_ = at.s; return finish(steps, Outcome::match);
      case Next::stop: return outcome_ == Outcome::stopped ? outcome_ : finish(steps, outcome_);
    }
  }
}

inline Outcome Matcher::finish(std::uint64_t steps, Outcome outcome) noexcept {
  return meter_.spend(steps) ? outcome : Outcome::stopped;
}

// One item of the pattern at at.p, against the subject at at.s.
inline Matcher::Next Matcher::step(Cursor &at) noexcept {
  switch (*at.p) {
    case '(': return open_capture(at);
    case ')': return close_capture(at);
    case '$':  // only at the end of the pattern is '$' an anchor
      if (at.p + 1 == pattern_end_) return at.s == subject_end_ ? Next::done : Next::fail;
      break;
    case '%':
      if (at.p + 1 == pattern_end_) break;  // a malformed item: single_character says so
      if (at.p[1] == 'b') return balanced(at);
      if (at.p[1] == 'f') return frontier(at);
      if (ascii::is_digit(byte(at.p[1]))) return back_reference(at);
      break;
  }
  return single_character(at);
}

// A single-character class, alone or with its quantifier.
inline Matcher::Next Matcher::single_character(Cursor &at) noexcept {
  const char *item = at.p;
  const char *item_end;
  if (!find_item_end(item, item_end)) return Next::stop;
  bool matched = at.s < subject_end_ && matches_item(byte(*at.s), item, item_end);
  char quantifier = item_end < pattern_end_ ? *item_end : '\0';
  switch (quantifier) {
    case '?':
      if (matched) {
        if (!push({Retry::skip_optional, 0, item, item_end, at.s, 0})) return Next::stop;
        ++at.s;
      }
      at.p = item_end + 1;
      return Next::go_on;
    case '+':
      if (!matched) return Next::fail;
      return repeat_greedily(at, item, item_end, at.s + 1);
    case '*':
      if (!matched && !empty_repetition_nests) {
        at.p = item_end + 1;
        return Next::go_on;
      }
      return repeat_greedily(at, item, item_end, at.s);
    case '-':  // the fewest repetitions first: none, then one more each time the rest fails
      if (!matched && !empty_repetition_nests) {
        at.p = item_end + 1;
        return Next::go_on;
      }
      if (!push({Retry::take_one_more, 0, item, item_end, at.s, 0})) return Next::stop;
      at.p = item_end + 1;
      return Next::go_on;
    default:
      if (!matched) return Next::fail;
      ++at.s;
      at.p = item_end;
      return Next::go_on;
  }
}

// Takes every repetition of the item from `from` on, then gives them back one at a time.
inline Matcher::Next Matcher::repeat_greedily(Cursor &at, const char *item, const char *item_end, const char *from) noexcept {
  std::size_t count = 0;
  if (*item == '.') {
    count = static_cast<std::size_t>(subject_end_ - from);
    if (!meter_.spend(count)) return stop(Outcome::stopped);
  } else {
    while (from + count < subject_end_ && matches_item(byte(from[count]), item, item_end)) {
      ++count;
      if (!meter_.spend(1)) return stop(Outcome::stopped);
    }
  }
  if (!push({Retry::give_back, 0, item, item_end, from, count})) return Next::stop;
  at.s = from + count;
  at.p = item_end + 1;
  return Next::go_on;
}

inline Matcher::Next Matcher::open_capture(Cursor &at) noexcept {
  bool position = at.p + 1 < pattern_end_ && at.p[1] == ')';  // "()" captures where it is
  if (capture_count_ >= max_captures) return stop(Outcome::too_many_captures);
  captures_[capture_count_] = {at.s, position ? capture_position : capture_open};
  ++capture_count_;
  if (!push({Retry::drop_capture, 0, nullptr, nullptr, nullptr, 0})) return Next::stop;
  at.p += position ? 2 : 1;
  return Next::go_on;
}

// ')' closes the innermost capture still open.
inline Matcher::Next Matcher::close_capture(Cursor &at) noexcept {
  int open = capture_count_ - 1;
  while (open >= 0 && captures_[open].length != capture_open) --open;
  if (open < 0) return stop(Outcome::invalid_pattern_capture);
  captures_[open].length = at.s - captures_[open].start;
  if (!push({Retry::reopen_capture, open, nullptr, nullptr, nullptr, 0})) return Next::stop;
  ++at.p;
  return Next::go_on;
}

// %bxy: a string that starts with x, ends with y, and has as many x as y.
inline Matcher::Next Matcher::balanced(Cursor &at) noexcept {
  const char *ends = at.p + 2;
  if (ends + 1 >= pattern_end_) return stop(Outcome::missing_balance_arguments);
  if (at.s >= subject_end_ || *at.s != ends[0]) return Next::fail;
  int unclosed = 1;
  for (const char *s = at.s + 1; s < subject_end_; ++s) {
    if (!meter_.spend(1)) return stop(Outcome::stopped);
    if (*s == ends[1]) {  // the closing character first: %bxx pairs x with the next x
      if (--unclosed == 0) {
        at.s = s + 1;
        at.p = ends + 2;
        return Next::go_on;
      }
    } else if (*s == ends[0]) {
      ++unclosed;
    }
  }
  return Next::fail;
}

// %f[set]: the place where the previous character is not in the set and the next one is. The
// ends of the subject count as '\0'.
inline Matcher::Next Matcher::frontier(Cursor &at) noexcept {
  const char *set = at.p + 2;
  if (set >= pattern_end_ || *set != '[') return stop(Outcome::missing_frontier_set);
  const char *set_end;
  if (!find_item_end(set, set_end)) return Next::stop;
  int previous = at.s == subject_ ? 0 : byte(at.s[-1]);
  int next = at.s < subject_end_ ? byte(*at.s) : 0;
  if (in_set(previous, set, set_end - 1) || !in_set(next, set, set_end - 1)) return Next::fail;
  at.p = set_end;
  return Next::go_on;
}

// %1-%9: the text a closed capture matched, again.
inline Matcher::Next Matcher::back_reference(Cursor &at) noexcept {
  int index = at.p[1] - '1';
  if (index < 0 || index >= capture_count_ || captures_[index].length == capture_open) {
    bad_capture_ = index + 1;
    return stop(Outcome::invalid_capture_index);
  }
  const Capture &capture = captures_[index];
  if (capture.length < 0) return Next::fail;  // a position matches no text
  std::size_t length = static_cast<std::size_t>(capture.length);
  if (static_cast<std::size_t>(subject_end_ - at.s) < length) return Next::fail;
  if (!meter_.spend_bytes(length)) return stop(Outcome::stopped);
  if (std::memcmp(capture.start, at.s, length) != 0) return Next::fail;
  at.s += length;
  at.p += 2;
  return Next::go_on;
}

// Goes back to the latest retry that has another way to try, undoing the captures opened and
// closed since; false when there is none left.
inline bool Matcher::backtrack(Cursor &at) noexcept {
  while (depth_ > 0) {
    Retry &retry = retries_[depth_ - 1];
    switch (retry.kind) {
      case Retry::skip_optional:
        --depth_;
        at.s = retry.subject;
        at.p = retry.item_end + 1;
        return true;
      case Retry::give_back:
        if (retry.count == 0) break;
        --retry.count;
        at.s = retry.subject + retry.count;
        at.p = retry.item_end + 1;
        return true;
      case Retry::take_one_more:
        if (retry.subject == subject_end_ || !matches_item(byte(*retry.subject), retry.item, retry.item_end)) break;
        at.s = ++retry.subject;
        at.p = retry.item_end + 1;
        return true;
      case Retry::drop_capture: --capture_count_; break;
      case Retry::reopen_capture: captures_[retry.capture].length = capture_open; break;
    }
    --depth_;
  }
  return false;
}

// Where the single-character class at item ends: after "%x", after the ']' of a set, or after
// the character itself.
inline bool Matcher::find_item_end(const char *item, const char *&item_end) noexcept {
  const char *p = item + 1;
  if (*item == '%') {
    if (p == pattern_end_) return refuse(Outcome::escape_at_end);
    item_end = p + 1;
  } else if (*item == '[') {
    if (p < pattern_end_ && *p == '^') ++p;
    do {  // the first member may be ']' itself, and "%]" is one
      if (p == pattern_end_) return refuse(Outcome::missing_bracket);
      if (*p++ == '%' && p < pattern_end_) ++p;
    } while (p == pattern_end_ || *p != ']');
    item_end = p + 1;
  } else {
    item_end = p;
  }
  return true;
}

// A retry is where Lua's matcher would call itself: Lua 5.2 and later refuse the call that
// nests 201 deep.
inline bool Matcher::push(const Retry &retry) noexcept {
  if (nesting_limit != 0 && depth_ + 1 >= nesting_limit) return refuse(Outcome::too_complex);
  retries_[depth_++] = retry;
  return true;
}

}  // namespace luaembed::detail::strings
