// The pattern matcher: does a Lua pattern (manual §6.4.1) match a subject at a given place,
// and with which captures.
//
// It backtracks as the manual's rules require (the longest repetition first for '*' and '+',
// the shortest first for '-', the optional character taken before it is skipped), keeping the
// places to come back to on a stack of its own rather than on the C stack. Each entry stands
// where Lua's recursive matcher would have a call waiting, so the nesting Lua allows (200
// before "pattern too complex", from 5.2) ends at the same place. A malformed pattern is an
// error only once matching reaches the malformed part, as in Lua: "a[" fails on "b" but is an
// error on "a".
//
// The matcher counts its steps on a WorkMeter and stops when the budget says so. It never
// raises: it returns what happened, and its caller raises the matching Lua error. It holds no
// resources and may live in frames that a Lua error unwinds.
#pragma once

#include "dialect.hpp"
#include "work_meter.hpp"

#include <cstddef>
#include <type_traits>

namespace luaembed::detail::strings {

enum class Outcome : unsigned char {
  match,
  no_match,
  stopped,                    // the call's budget said stop
  escape_at_end,              // malformed pattern (ends with '%')
  missing_bracket,            // malformed pattern (missing ']')
  missing_balance_arguments,  // %b without two characters
  missing_frontier_set,       // %f without [set]
  invalid_capture_index,      // %1-%9 naming no closed capture; Matcher::bad_capture says which
  invalid_pattern_capture,    // a ')' with no open capture
  too_many_captures,
  too_complex,                // nested deeper than Lua allows
};

// A capture's text, or its position for "()", or a capture still open.
struct Capture {
  const char *start;
  std::ptrdiff_t length;
};
inline constexpr std::ptrdiff_t capture_open = -1;
inline constexpr std::ptrdiff_t capture_position = -2;

// A place the matcher can come back to when the rest of the pattern fails.
struct Retry {
  enum Kind : unsigned char {
    skip_optional,  // x? took its character: try without it
    give_back,      // x* or x+ took count characters: try with one fewer
    take_one_more,  // x- took the characters up to subject: try with one more
    drop_capture,   // a capture was opened here: it is gone again
    reopen_capture  // a capture was closed here: it is open again
  };
  Kind kind;
  int capture;           // reopen_capture: which one
  const char *item;      // the repeated item ...
  const char *item_end;  // ... and its quantifier, after which the pattern goes on
  const char *subject;   // give_back: where the repetitions began; others: where to go on
  std::size_t count;     // give_back: repetitions left to give back
};

// How many retries matching a pattern of this length may need at most: each stands at a
// later place of the pattern than the one below it.
inline std::size_t retries_needed(std::size_t pattern_length) {
  constexpr std::size_t most = nesting_limit - 1;  // retries below the outermost level
  if (nesting_limit != 0 && pattern_length > most) return most;
  return pattern_length;
}

class Matcher {
public:
  // The pattern without its anchor. retries has room for retries_needed(pattern_length).
  Matcher(const char *subject, std::size_t subject_length, const char *pattern, std::size_t pattern_length,
          WorkMeter &meter, Retry *retries) noexcept;

  // Whether the pattern matches the subject from start on.
  [[gnu::flatten]] Outcome match(const char *start) noexcept;  // one loop, helpers inlined

  const char *subject() const { return subject_; }
  const char *match_end() const { return match_end_; }
  int capture_count() const { return capture_count_; }
  const Capture &capture(int index) const { return captures_[index]; }
  int bad_capture() const { return bad_capture_; }  // the digit of an invalid %1-%9

private:
  struct Cursor {
    const char *s;  // in the subject
    const char *p;  // in the pattern
  };
  enum class Next : unsigned char { go_on, fail, done, stop };

  Next step(Cursor &at) noexcept;
  Next single_character(Cursor &at) noexcept;
  Next repeat_greedily(Cursor &at, const char *item, const char *item_end, const char *from) noexcept;
  Next open_capture(Cursor &at) noexcept;
  Next close_capture(Cursor &at) noexcept;
  Next balanced(Cursor &at) noexcept;
  Next frontier(Cursor &at) noexcept;
  Next back_reference(Cursor &at) noexcept;
  bool backtrack(Cursor &at) noexcept;
  Outcome finish(std::uint64_t steps, Outcome outcome) noexcept;
  bool find_item_end(const char *item, const char *&item_end) noexcept;
  bool push(const Retry &retry) noexcept;
  Next stop(Outcome why) noexcept {
    outcome_ = why;
    return Next::stop;
  }
  bool refuse(Outcome why) noexcept {  // for the helpers that answer yes or no
    outcome_ = why;
    return false;
  }

  const char *subject_;
  const char *subject_end_;
  const char *pattern_;
  const char *pattern_end_;
  WorkMeter &meter_;
  Retry *retries_;
  int depth_ = 0;  // retries in use
  int capture_count_ = 0;  // captures begun, open or closed
  int bad_capture_ = 0;
  Outcome outcome_ = Outcome::no_match;
  const char *match_end_ = nullptr;
  Capture captures_[max_captures];
};

static_assert(std::is_trivially_destructible_v<Matcher>);
static_assert(std::is_trivially_destructible_v<Retry>);

}  // namespace luaembed::detail::strings
