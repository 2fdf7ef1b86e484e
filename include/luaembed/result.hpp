// Result<T>: the non-throwing form of exec, eval and call, for code built without exceptions.
#pragma once

#include <luaembed/error.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace luaembed {

// What went wrong, without the exception: the same kind, message and traceback.
struct ErrorInfo {
  ErrorKind kind;
  std::string message;
  std::string traceback;
  bool incomplete = false;  // SyntaxError only
};

template <class T>
class [[nodiscard]] Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(ErrorInfo error) : error_(std::move(error)) {}

  bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  // The value; calling it on a failed result is a programming error and aborts.
  T &value() & { return value_.has_value() ? *value_ : (std::abort(), *value_); }
  T &&value() && { return value_.has_value() ? std::move(*value_) : (std::abort(), std::move(*value_)); }
  const ErrorInfo &error() const { return error_.has_value() ? *error_ : (std::abort(), *error_); }

private:
  std::optional<T> value_;
  std::optional<ErrorInfo> error_;
};

template <>
class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(ErrorInfo error) : error_(std::move(error)) {}

  bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  const ErrorInfo &error() const { return error_.has_value() ? *error_ : (std::abort(), *error_); }

private:
  std::optional<ErrorInfo> error_;
};

}  // namespace luaembed
