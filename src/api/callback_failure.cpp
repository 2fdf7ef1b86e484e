// Callback failures: how an exception thrown by a C++ callback becomes a Lua error, and how
// the trampoline raises it once the callback's C++ objects are gone.
#include "callback_failure.hpp"

#include <luaembed/detail/bind.hpp>
#include <luaembed/error.hpp>

#include <new>

namespace luaembed::detail {

namespace {

const char callback_failure_metatable = 0;

int destroy_failure(lua_State *L) {
  static_cast<CallbackFailure *>(lua_touserdata(L, 1))->~CallbackFailure();
  return 0;
}

int failure_to_string(lua_State *L) {
  const auto *failure = static_cast<CallbackFailure *>(lua_touserdata(L, 1));
  lua_pushlstring(L, failure->message.data(), failure->message.size());
  return 1;
}

void push_failure_metatable(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &callback_failure_metatable) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, destroy_failure);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, failure_to_string);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "luaembed.CallbackError");
  lua_setfield(L, -2, "__name");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &callback_failure_metatable);
}

// Leaves value on the stack as the pending error; returns -1, or -1 - argument for a bad
// argument. When even that fails (no memory), Lua's own error object is left instead.
template <class Push>
int leave_pending_error(lua_State *L, int code, Push &&push) noexcept {
  std::exception_ptr ignored;
  try {
    call_protected(L, 0, 1, push, ignored);
  } catch (...) {
    lua_pushnil(L);  // only bad_alloc gets here; nil still reaches the caller as an error
  }
  return code;
}

int pending_failure(lua_State *L, const std::string &message, std::exception_ptr cause) noexcept {
  return leave_pending_error(L, -1, [&](lua_State *L) {
    push_callback_failure(L, message, cause);
    return 1;
  });
}

int pending_message(lua_State *L, const std::string &message, int code) noexcept {
  return leave_pending_error(L, code, [&](lua_State *L) {
    lua_pushlstring(L, message.data(), message.size());
    return 1;
  });
}

}  // namespace

void push_callback_failure(lua_State *L, const std::string &message, std::exception_ptr cause) {
  void *memory = lua_newuserdatauv(L, sizeof(CallbackFailure), 0);
  new (memory) CallbackFailure{message, std::move(cause)};
  push_failure_metatable(L);
  lua_setmetatable(L, -2);
}

const CallbackFailure *to_callback_failure(lua_State *L, int index) {
  if (lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return nullptr;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &callback_failure_metatable);
  bool is_failure = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return is_failure ? static_cast<const CallbackFailure *>(lua_touserdata(L, index)) : nullptr;
}

int push_pending_error(lua_State *L, int current_argument) noexcept {
  try {
    throw;
  } catch (const ConversionError &error) {
    if (current_argument > 0) return pending_message(L, error.reason(), -1 - current_argument);
    return pending_failure(L, error.message(), std::current_exception());
  } catch (const CallbackError &error) {
    return pending_failure(L, error.message(), error.cause());  // keep the original cause
  } catch (const Error &error) {
    return pending_message(L, error.message(), -1);  // a Lua error: it propagates as one
  } catch (const std::exception &error) {
    return pending_failure(L, error.what(), std::current_exception());
  } catch (...) {
    return pending_failure(L, "a C++ callback threw an exception that is not a std::exception",
                           std::current_exception());
  }
}

void raise_pending_error(lua_State *L, int code) {
  if (code == -1) lua_error(L);
  luaL_argerror(L, -1 - code, lua_tostring(L, -1));
  __builtin_unreachable();
}

void push_callable_metatable(lua_State *L, const void *key, lua_CFunction destroy) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, destroy);
  lua_setfield(L, -2, "__gc");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}

}  // namespace luaembed::detail
