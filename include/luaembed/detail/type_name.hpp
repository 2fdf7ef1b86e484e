// The readable name of a C++ type, for error messages ("integer 300 does not fit in unsigned char").
#pragma once

#include <string_view>

namespace luaembed::detail {

template <class T>
constexpr std::string_view type_name() {
  // GCC and Clang spell the type after "T = " in the function's own signature.
  std::string_view signature = __PRETTY_FUNCTION__;
  auto start = signature.find("T = ") + 4;
  auto end = signature.find_first_of(";]", start);
  return signature.substr(start, end - start);
}

}  // namespace luaembed::detail
