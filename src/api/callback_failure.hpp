// The error object a failed C++ callback raises: a userdata that carries the C++ exception
// through Lua, so that CallbackError::cause() gives it back on the C++ side.
#pragma once

#include <luaembed/lua.hpp>

#include <exception>
#include <string>

namespace luaembed::detail {

struct CallbackFailure {
  std::string message;
  std::exception_ptr cause;
};

// Pushes a new CallbackFailure. May raise (it allocates): call it protected.
void push_callback_failure(lua_State *L, const std::string &message, std::exception_ptr cause);
// The CallbackFailure at index, or null when the value is something else.
const CallbackFailure *to_callback_failure(lua_State *L, int index);

}  // namespace luaembed::detail
