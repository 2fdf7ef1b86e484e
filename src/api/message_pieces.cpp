// Error messages from pieces (message_pieces.hpp).
#include "message_pieces.hpp"

#include <charconv>

namespace luaembed::detail {

std::string join(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string text;
  text.reserve(size);
  for (std::string_view piece : pieces) text += piece;
  return text;
}

Number::Number(int value) {
  length = static_cast<int>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits);
}

}  // namespace luaembed::detail
