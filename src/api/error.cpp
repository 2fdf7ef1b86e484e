// The exception types, and the conversion failures headers raise through out-of-line calls.
#include <luaembed/convert.hpp>
#include <luaembed/detail/protect.hpp>
#include <luaembed/error.hpp>
#include <luaembed/reference.hpp>
#include <luaembed/std_types.hpp>

#include <string>

namespace luaembed {

Error::Error(ErrorKind kind, std::string message, std::string traceback)
    : std::runtime_error(message), kind_(kind), message_(std::move(message)), traceback_(std::move(traceback)) {}

SyntaxError::SyntaxError(std::string message, bool incomplete)
    : Error(ErrorKind::Syntax, std::move(message)), incomplete_(incomplete) {}

void raise(std::string message) { throw RuntimeError(std::move(message)); }

namespace detail {

void throw_type_mismatch(lua_State *L, int index, const char *expected, std::string_view cpp_type) {
  const char *actual = luaL_typename(L, index);
  throw ConversionError("cannot convert Lua " + std::string(actual) + " to " + std::string(cpp_type) + " (" +
                            expected + " expected)",
                        std::string(expected) + " expected, got " + actual);
}

void throw_no_integer_representation(lua_State *L, int index, std::string_view cpp_type) {
  int is_number = 0;
  lua_Number value = lua_tonumberx(L, index, &is_number);
  char text[64];
  snprintf(text, sizeof text, LUA_NUMBER_FMT, value);
  throw ConversionError("cannot convert Lua number " + std::string(text) + " to " + std::string(cpp_type) +
                            ": it has no integer representation",
                        "number has no integer representation");
}

void throw_integer_out_of_range(long long value, std::string_view cpp_type) {
  std::string number = std::to_string(value);
  throw ConversionError("cannot convert Lua integer " + number + " to " + std::string(cpp_type) + ": out of range",
                        "integer " + number + " out of range for " + std::string(cpp_type));
}

namespace {
// Where Lua's exact integers end: lua_Integer's limits, or 2^53 where numbers are doubles.
[[noreturn]] void throw_beyond_lua(const std::string &number, bool negative) {
  std::string limit = negative ? "smallest is " + std::to_string(compat::min_integer)
                               : "largest is " + std::to_string(compat::max_integer);
  if (!compat::has_integers) limit += ": " + std::string(compat::lua_name) + " numbers are doubles";
  throw ConversionError("cannot convert " + number + " to a Lua integer: out of range (" + limit + ")",
                        "integer " + number + " out of range for a Lua integer");
}
}  // namespace

void throw_unsigned_out_of_range(unsigned long long value) { throw_beyond_lua(std::to_string(value), false); }

void throw_not_a_lua_integer(long long value) { throw_beyond_lua(std::to_string(value), value < 0); }

void throw_wrong_length(std::size_t expected, std::size_t actual, std::string_view cpp_type) {
  throw ConversionError("cannot convert a Lua table of " + std::to_string(actual) + " elements to " +
                            std::string(cpp_type) + " (" + std::to_string(expected) + " expected)",
                        "table of " + std::to_string(expected) + " elements expected, got " + std::to_string(actual));
}

void throw_state_closed() { throw StateClosedError(); }

void throw_stack_overflow() { throw RuntimeError("stack overflow (too many values for the Lua stack)"); }

void rethrow(const std::exception_ptr &exception) { std::rethrow_exception(exception); }

}  // namespace detail
}  // namespace luaembed
