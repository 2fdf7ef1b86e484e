// Errors: one exception hierarchy for everything that can go wrong between C++ and Lua.
//
//   Error                  base: message() and the Lua traceback()
//   ├─ SyntaxError         a chunk did not compile; incomplete() when more input could fix it
//   ├─ RuntimeError        a Lua error raised while running code
//   ├─ MemoryError         an allocation failed, or the state's memory limit was reached
//   ├─ ErrorHandlerError   the error handler itself failed
//   ├─ ConversionError     a value did not convert between Lua and C++
//   ├─ CallbackError       a C++ callback threw; cause() keeps the original exception
//   └─ StateClosedError    a handle was used after its state was closed
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

namespace luaembed {

enum class ErrorKind { Syntax, Runtime, Memory, ErrorHandler, Conversion, Callback, StateClosed };

class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, std::string message, std::string traceback = {});

  ErrorKind kind() const noexcept { return kind_; }
  const std::string &message() const noexcept { return message_; }
  // "stack traceback:\n\t..." as luaL_traceback writes it; empty when no Lua code was running.
  const std::string &traceback() const noexcept { return traceback_; }

private:
  ErrorKind kind_;
  std::string message_;
  std::string traceback_;
};

class SyntaxError : public Error {
public:
  SyntaxError(std::string message, bool incomplete);
  // True when the chunk ended too early (an unfinished statement): a REPL reads another line.
  bool incomplete() const noexcept { return incomplete_; }

private:
  bool incomplete_;
};

class RuntimeError : public Error {
public:
  explicit RuntimeError(std::string message, std::string traceback = {})
      : Error(ErrorKind::Runtime, std::move(message), std::move(traceback)) {}
};

class MemoryError : public Error {
public:
  explicit MemoryError(std::string message = "not enough memory")
      : Error(ErrorKind::Memory, std::move(message)) {}
};

class ErrorHandlerError : public Error {
public:
  explicit ErrorHandlerError(std::string message)
      : Error(ErrorKind::ErrorHandler, std::move(message)) {}
};

class ConversionError : public Error {
public:
  // reason is Lua's own wording ("number expected, got string"), used for "bad argument" errors.
  ConversionError(std::string message, std::string reason)
      : Error(ErrorKind::Conversion, std::move(message)), reason_(std::move(reason)) {}
  const std::string &reason() const noexcept { return reason_; }

private:
  std::string reason_;
};

class CallbackError : public Error {
public:
  CallbackError(std::string message, std::string traceback, std::exception_ptr cause)
      : Error(ErrorKind::Callback, std::move(message), std::move(traceback)), cause_(std::move(cause)) {}
  // The exception the callback threw; std::rethrow_exception(cause()) recovers its type.
  const std::exception_ptr &cause() const noexcept { return cause_; }

private:
  std::exception_ptr cause_;
};

class StateClosedError : public Error {
public:
  StateClosedError()
      : Error(ErrorKind::StateClosed,
              "a luaembed handle was used after its Lua state was closed; "
              "keep the State alive as long as its Table, Function and Value handles") {}
};

// Raises a Lua error with this message from inside a callback, as luaL_error would, but
// unwinding C++ frames properly. Outside a callback it throws RuntimeError.
[[noreturn]] void raise(std::string message);

}  // namespace luaembed
