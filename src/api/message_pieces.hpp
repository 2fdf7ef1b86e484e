// Error messages from pieces: one string built at once, where a chain of `+` makes (and
// unwinds) a temporary per piece, in the code of every throw site.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace luaembed::detail {

std::string join(std::initializer_list<std::string_view> pieces);

// A number as message text, in a buffer that lives to the end of the full expression.
struct Number {
  explicit Number(int value);
  operator std::string_view() const { return {digits, static_cast<std::size_t>(length)}; }
  char digits[24];
  int length;
};

}  // namespace luaembed::detail
