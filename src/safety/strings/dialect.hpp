// What the string functions of each Lua do differently. The budgeted functions follow the Lua
// luaembed links, so that a script sees the same results and the same errors with or without
// limits: these constants say which rules apply. Each was checked against the Lua it names;
// the differential test (tests/versions/patterns_test.cpp) holds them to it.
#pragma once

#include <luaembed/lua.hpp>

#include <climits>
#include <cstddef>
#include <cstdint>

namespace luaembed::detail::strings {

inline constexpr int version = compat::version;  // 501 for LuaJIT too
inline constexpr bool luajit = compat::is_luajit;

// ---- patterns ---------------------------------------------------------------------------

// Lua 5.1 and LuaJIT read a pattern as a C string: it ends at its first zero byte.
inline constexpr bool pattern_ends_at_zero = version < 502;
// %g, the printable characters but space: Lua 5.2 and LuaJIT.
inline constexpr bool has_class_g = version >= 502 || luajit;
// LuaJIT classifies characters as ASCII does; PUC Lua asks the C library (and its locale).
inline constexpr bool ascii_classes = luajit;
// How deeply the matcher may nest before "pattern too complex" (Lua 5.2 and LuaJIT count
// the C calls of their recursive matcher); 0: no limit (Lua 5.1 has none).
inline constexpr int nesting_limit = version >= 502 || luajit ? 200 : 0;
// In LuaJIT (whose matcher is Lua 5.1's, with 5.2's nesting limit) an item with '*' or '-'
// takes a nesting level even when it repeats nothing; in Lua 5.2 and later it does not.
inline constexpr bool empty_repetition_nests = luajit;
#if defined(LUA_MAXCAPTURES)  // luaconf.h's, before 5.4
inline constexpr int max_captures = LUA_MAXCAPTURES;
#else
inline constexpr int max_captures = 32;  // Lua 5.4's string library, unless built with another
#endif

// ---- find, match, gmatch, gsub ------------------------------------------------------------

// From Lua 5.2 find and match answer nil when init is past the end of the subject; 5.1 and
// LuaJIT start at the end.
inline constexpr bool start_past_end_fails = version >= 502;
// LuaJIT reads init as a 32-bit integer, the way its own library converts numbers.
inline constexpr bool int32_start = luajit;
// string.gmatch's init (Lua 5.4).
inline constexpr bool gmatch_has_start = version >= 504;
// From Lua 5.3 (5.3.6 checked) a match may not end where the previous one ended:
// ("abc"):gsub("b*", "-") is "-a-c-", where 5.1, 5.2 and LuaJIT give "-a--c-" (they only step
// over empty matches).
inline constexpr bool no_match_at_last_end = version >= 503;
// From Lua 5.2 a replacement string accepts only %0-%9 and %% after a '%'; 5.1 and LuaJIT
// copy the character after any other '%' (a '%' at the end gives a zero byte).
inline constexpr bool strict_replacement = version >= 502;
// gsub returns its subject itself when no replacement changed it (Lua 5.4).
inline constexpr bool gsub_keeps_unchanged_subject = version >= 504;

// ---- string.rep ---------------------------------------------------------------------------

// The separator argument: Lua 5.2 and LuaJIT.
inline constexpr bool rep_has_separator = version >= 502 || luajit;
// LuaJIT's longest string; a longer string.rep result is a memory error there.
inline constexpr std::uint64_t luajit_max_string = 0x7fffff00;

// ---- how number arguments are read -------------------------------------------------------

// gsub's maximum number of replacements, string.rep's count.
#if LUA_VERSION_NUM >= 503
using ReplacementCount = lua_Integer;
using RepetitionCount = lua_Integer;
#elif LUA_VERSION_NUM == 502
using ReplacementCount = std::size_t;
using RepetitionCount = int;
#else
using ReplacementCount = int;
using RepetitionCount = std::int32_t;  // int in Lua 5.1, int32_t in LuaJIT
#endif

// LuaJIT converts a number to a 32-bit integer with the processor's conversion: on x86 a
// number out of range (or NaN) becomes INT32_MIN, elsewhere it saturates.
inline std::int32_t luajit_int32(lua_Number n) {
  if (n > -2147483649.0 && n < 2147483648.0) return static_cast<std::int32_t>(n);
#if defined(__x86_64__) || defined(__i386__)
  return INT32_MIN;
#else
  return n > 0 ? INT32_MAX : INT32_MIN;
#endif
}

// ---- messages -------------------------------------------------------------------------

inline constexpr const char *missing_balance_arguments =
    version >= 502 ? "malformed pattern (missing arguments to '%b')" : "unbalanced pattern";
// "invalid capture index %2" from Lua 5.2 in patterns, from 5.3 in replacement strings;
// plain "invalid capture index" before.
inline constexpr bool pattern_capture_index_named = version >= 502;
inline constexpr bool replacement_capture_index_named = version >= 503;

}  // namespace luaembed::detail::strings
