// Protected execution: the message handler, and Lua errors turned into C++ exceptions.
#include <luaembed/detail/protect.hpp>
#include <luaembed/error.hpp>

#include "callback_failure.hpp"

#include <cstring>
#include <cxxabi.h>
#include <string>
#include <typeinfo>

namespace luaembed::detail {

namespace {

// Where the message handler leaves the traceback of the error being raised.
const char traceback_slot = 0;

int record_traceback(lua_State *L) {
  luaL_traceback(L, L, nullptr, 1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_slot);
  return 1;  // the error object itself, unchanged
}

// Runs unprotected: it writes only over a slot that is present (no error records a
// traceback for a memory error), since adding a key, even for nil, allocates before Lua 5.4.
std::string take_traceback(lua_State *L) {
  int type = lua_rawgetp(L, LUA_REGISTRYINDEX, &traceback_slot);
  std::string traceback;
  if (type == LUA_TSTRING) traceback = lua_tostring(L, -1);
  lua_pop(L, 1);
  if (type != LUA_TNIL) {
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_slot);
  }
  return traceback;
}

int to_string(lua_State *L) {
  luaL_tolstring(L, 1, nullptr);
  return 1;
}

// The text of an error object, as lua.c shows it: strings and numbers as they are, other
// values through __tostring, else "(error object is a table value)".
std::string message_of(lua_State *L, int index) {
  index = lua_absindex(L, index);
  if (const CallbackFailure *failure = to_callback_failure(L, index)) return failure->message;
  if (lua_type(L, index) == LUA_TSTRING) return lua_tostring(L, index);
  if (lua_type(L, index) == LUA_TNUMBER || luaL_getmetafield(L, index, "__tostring") != LUA_TNIL) {
    if (lua_type(L, index) != LUA_TNUMBER) lua_pop(L, 1);
    std::string text;
    if (compat::push_cfunction(L, to_string)) {  // Lua 5.1 and LuaJIT allocate it: protected
      lua_pushvalue(L, index);
      if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING) text = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
    if (!text.empty()) return text;
  }
  return std::string("(error object is a ") + luaL_typename(L, index) + " value)";
}

// "near <eof>"; Lua 5.1 and LuaJIT quote it: "near '<eof>'".
bool ends_with_eof_mark(const std::string &message) {
  return message.ends_with("<eof>") || message.ends_with("'<eof>'");
}

struct CapturedError {
  ErrorInfo info;
  std::exception_ptr cause;
};

// Lua 5.4's lua_error raises its own "not enough memory" message as a memory error again (a
// callback that ran out of memory, error("not enough memory")); older Luas report a runtime
// error. luaembed reports what 5.4 does. version: lua_error
bool is_memory_message(lua_State *L, int status) {
  return status == LUA_ERRRUN && compat::version < 504 && lua_type(L, -1) == LUA_TSTRING &&
         std::strcmp(lua_tostring(L, -1), "not enough memory") == 0;
}

CapturedError capture_error(lua_State *L, int status) {
  CapturedError captured;
  ErrorInfo &info = captured.info;
  if (is_memory_message(L, status)) status = LUA_ERRMEM;
  info.traceback = take_traceback(L);
  if (const CallbackFailure *failure = to_callback_failure(L, -1)) captured.cause = failure->cause;
  switch (status) {
    case LUA_ERRSYNTAX: info.kind = ErrorKind::Syntax; break;
    case LUA_ERRMEM: info.kind = ErrorKind::Memory; break;
    case LUA_ERRERR: info.kind = ErrorKind::ErrorHandler; break;
    default: info.kind = captured.cause ? ErrorKind::Callback : ErrorKind::Runtime; break;
  }
  info.message = status == LUA_ERRMEM && !lua_isstring(L, -1) ? "not enough memory" : message_of(L, -1);
  info.incomplete = status == LUA_ERRSYNTAX && ends_with_eof_mark(info.message);
  lua_pop(L, 1);
  return captured;
}

[[noreturn]] void throw_captured(CapturedError captured) {
  ErrorInfo &info = captured.info;
  switch (info.kind) {
    case ErrorKind::Syntax: throw SyntaxError(std::move(info.message), info.incomplete);
    case ErrorKind::Memory: throw MemoryError(std::move(info.message));
    case ErrorKind::ErrorHandler: throw ErrorHandlerError(std::move(info.message));
    case ErrorKind::Callback: throw CallbackError(std::move(info.message), std::move(info.traceback), captured.cause);
    default: throw RuntimeError(std::move(info.message), std::move(info.traceback));
  }
}

}  // namespace

void push_message_handler(lua_State *L) {
  if (!compat::push_cfunction(L, record_traceback)) throw_no_memory();
}

void throw_no_memory() { throw MemoryError(); }

ErrorInfo take_lua_error(lua_State *L, int status) { return capture_error(L, status).info; }

void throw_lua_error(lua_State *L, int status) { throw_captured(capture_error(L, status)); }

void throw_call_error(lua_State *L, int status, int base) {
  CapturedError captured = capture_error(L, status);
  lua_settop(L, base);
  throw_captured(std::move(captured));
}

ErrorInfo take_call_error(lua_State *L, int status, int base) {
  ErrorInfo info = capture_error(L, status).info;
  lua_settop(L, base);
  return info;
}

void throw_lua_error_with_traceback(lua_State *L, int status, std::string traceback) {
  CapturedError captured = capture_error(L, status);
  captured.info.traceback = std::move(traceback);
  throw_captured(std::move(captured));
}

bool is_lua_unwind() noexcept {
  // LuaJIT's errors are foreign exceptions, which std::exception_ptr cannot hold (and whose
  // type the C++ runtime does not know). Lua compiled as C++ throws a pointer to its struct
  // lua_longjmp (see ldo.c).
  if (!std::current_exception()) return true;
  const std::type_info *type = abi::__cxa_current_exception_type();
  return type != nullptr && std::strcmp(type->name(), "P11lua_longjmp") == 0;
}

void number_to_string_in_place(lua_State *L, int index) {
  index = lua_absindex(L, index);
  lua_pushvalue(L, index);
  protect(L, 1, 1, [](lua_State *L) {
    lua_tolstring(L, 1, nullptr);
    return 1;
  });
  lua_replace(L, index);
}

}  // namespace luaembed::detail
