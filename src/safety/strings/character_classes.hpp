// Single-character classes of Lua patterns (manual §6.4.1): '.', %a and its kin, [sets], and
// plain characters that stand for themselves.
#pragma once

#include "dialect.hpp"

#include <cctype>
#include <ctype.h>

namespace luaembed::detail::strings {

inline int byte(char c) { return static_cast<unsigned char>(c); }

// The character tests of the linked Lua: the C library's, which follow the locale, for PUC
// Lua; ASCII's for LuaJIT, which has tables of its own.
namespace ascii {
inline bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
inline bool is_xdigit(int c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
inline bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_cntrl(int c) { return c < ' ' || c == 127; }
inline bool is_graph(int c) { return c > ' ' && c < 127; }
inline bool is_punct(int c) { return is_graph(c) && !is_alnum(c); }
inline int to_lower(int c) { return is_upper(c) ? c + ('a' - 'A') : c; }
}  // namespace ascii

// The C library's tests, as Lua's C code gets them from <ctype.h>: with glibc, macros that
// read the locale's tables (the <cctype> functions would cost a call each).
namespace locale {
#if defined(__GLIBC__)
inline bool is(int c, unsigned short bit) { return ((*__ctype_b_loc())[c] & bit) != 0; }
inline bool is_upper(int c) { return is(c, _ISupper); }
inline bool is_lower(int c) { return is(c, _ISlower); }
inline bool is_alpha(int c) { return is(c, _ISalpha); }
inline bool is_digit(int c) { return is(c, _ISdigit); }
inline bool is_alnum(int c) { return is(c, _ISalnum); }
inline bool is_xdigit(int c) { return is(c, _ISxdigit); }
inline bool is_space(int c) { return is(c, _ISspace); }
inline bool is_cntrl(int c) { return is(c, _IScntrl); }
inline bool is_graph(int c) { return is(c, _ISgraph); }
inline bool is_punct(int c) { return is(c, _ISpunct); }
inline int to_lower(int c) { return (*__ctype_tolower_loc())[c]; }
#else
inline bool is_upper(int c) { return std::isupper(c) != 0; }
inline bool is_lower(int c) { return std::islower(c) != 0; }
inline bool is_alpha(int c) { return std::isalpha(c) != 0; }
inline bool is_digit(int c) { return std::isdigit(c) != 0; }
inline bool is_alnum(int c) { return std::isalnum(c) != 0; }
inline bool is_xdigit(int c) { return std::isxdigit(c) != 0; }
inline bool is_space(int c) { return std::isspace(c) != 0; }
inline bool is_cntrl(int c) { return std::iscntrl(c) != 0; }
inline bool is_graph(int c) { return std::isgraph(c) != 0; }
inline bool is_punct(int c) { return std::ispunct(c) != 0; }
inline int to_lower(int c) { return std::tolower(c); }
#endif
}  // namespace locale

struct CharacterTests {
  static bool upper(int c) { return ascii_classes ? ascii::is_upper(c) : locale::is_upper(c); }
  static bool lower(int c) { return ascii_classes ? ascii::is_lower(c) : locale::is_lower(c); }
  static bool alpha(int c) { return ascii_classes ? ascii::is_alpha(c) : locale::is_alpha(c); }
  static bool digit(int c) { return ascii_classes ? ascii::is_digit(c) : locale::is_digit(c); }
  static bool alnum(int c) { return ascii_classes ? ascii::is_alnum(c) : locale::is_alnum(c); }
  static bool xdigit(int c) { return ascii_classes ? ascii::is_xdigit(c) : locale::is_xdigit(c); }
  static bool space(int c) { return ascii_classes ? ascii::is_space(c) : locale::is_space(c); }
  static bool cntrl(int c) { return ascii_classes ? ascii::is_cntrl(c) : locale::is_cntrl(c); }
  static bool graph(int c) { return ascii_classes ? ascii::is_graph(c) : locale::is_graph(c); }
  static bool punct(int c) { return ascii_classes ? ascii::is_punct(c) : locale::is_punct(c); }
  static int to_lower(int c) { return ascii_classes ? ascii::to_lower(c) : locale::to_lower(c); }
};

// Whether c is in the class %letter. An upper-case letter is the complement of its lower-case
// class; a letter that names no class (and any other character) stands for itself.
inline bool in_class(int c, int letter) {
  using is = CharacterTests;
  bool member;
  switch (is::to_lower(letter)) {
    case 'a': member = is::alpha(c); break;
    case 'c': member = is::cntrl(c); break;
    case 'd': member = is::digit(c); break;
    case 'g':
      if (!has_class_g) return letter == c;
      member = is::graph(c);
      break;
    case 'l': member = is::lower(c); break;
    case 'p': member = is::punct(c); break;
    case 's': member = is::space(c); break;
    case 'u': member = is::upper(c); break;
    case 'w': member = is::alnum(c); break;
    case 'x': member = is::xdigit(c); break;
    case 'z': member = c == 0; break;  // still there, though the manuals stopped listing it in 5.2
    default: return letter == c;
  }
  return is::upper(letter) ? !member : member;
}

// Whether c is in the set that opens with '[' at open and closes with the ']' at close: its
// members are classes (%x), ranges (a-z) and characters, and a '^' first complements it.
inline bool in_set(int c, const char *open, const char *close) {
  const char *member = open + 1;
  bool complement = *member == '^';
  if (complement) ++member;
  for (; member < close; ++member) {
    if (*member == '%') {  // a class, or an escaped character
      ++member;
      if (in_class(c, byte(*member))) return !complement;
    } else if (member[1] == '-' && member + 2 < close) {  // a range; a '-' at the end is itself
      if (byte(member[0]) <= c && c <= byte(member[2])) return !complement;
      member += 2;
    } else if (byte(*member) == c) {
      return !complement;
    }
  }
  return complement;
}

// Whether c matches the single-character class that runs from item to item_end.
inline bool matches_item(int c, const char *item, const char *item_end) {
  switch (*item) {
    case '.': return true;
    case '%': return in_class(c, byte(item[1]));
    case '[': return in_set(c, item, item_end - 1);
    default: return byte(*item) == c;
  }
}

}  // namespace luaembed::detail::strings
