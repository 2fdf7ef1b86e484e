// Protected execution: every Lua API call that can raise an error runs inside lua_pcall, in a
// C function whose frame holds nothing with a destructor. So a Lua error (a longjmp when Lua
// is compiled as C) never skips a live C++ destructor, and a C++ exception never unwinds
// through Lua's frames: exceptions thrown inside are caught there and rethrown after lua_pcall.
#pragma once

#include <luaembed/lua.hpp>
#include <luaembed/result.hpp>

#include <exception>
#include <string>

namespace luaembed::detail {

// True when Lua's errors unwind C++ frames and run their destructors: Lua compiled as C++
// throws exceptions, and LuaJIT unwinds with the system unwinder (a foreign exception), which
// runs destructors only in code compiled with exceptions.
#if defined(LUAEMBED_LUA_CXX) || (defined(LUAJIT_VERSION) && defined(__cpp_exceptions))  // version: LuaJIT
inline constexpr bool lua_errors_unwind = true;
#else
inline constexpr bool lua_errors_unwind = false;
#endif

// Pushes the message handler that records the traceback of an error.
void push_message_handler(lua_State *L);
// After lua_pcall failed with that handler: pops the error object and throws its exception.
[[noreturn]] void throw_lua_error(lua_State *L, int status);
// The same with a traceback taken elsewhere (a coroutine's own).
[[noreturn]] void throw_lua_error_with_traceback(lua_State *L, int status, std::string traceback);
// The same, as a value, for the non-throwing API.
ErrorInfo take_lua_error(lua_State *L, int status);
// The exception currently being handled is Lua's own unwinding (Lua compiled as C++, LuaJIT).
bool is_lua_unwind() noexcept;
[[noreturn]] void rethrow(const std::exception_ptr &exception);
// A call from C++ into Lua begins: the state's call limits start a fresh budget (limits.cpp).
// Only when a limit hook is installed and no Lua function is running on L.
void start_call_budget(lua_State *L) noexcept;

// Makes room for n more stack slots or throws RuntimeError ("stack overflow").
void ensure_stack(lua_State *L, int n);
[[noreturn]] void throw_stack_overflow();

template <class Operation>
struct ProtectedJob {
  Operation *operation;
  std::exception_ptr exception;
};

template <class Operation>
int run_protected_job(lua_State *L) {
  auto *job = static_cast<ProtectedJob<Operation> *>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  int results = 0;
#if defined(__cpp_exceptions)
  try {
    results = (*job->operation)(L);
  } catch (...) {
    if (is_lua_unwind()) throw;
    job->exception = std::current_exception();
  }
#else
  results = (*job->operation)(L);
#endif
  return results;
}

// Runs operation(L) protected, with the top nargs values of the stack as its arguments (at
// indices 1..nargs inside it: a protected operation runs in a frame of its own and cannot
// reach the caller's slots). It pushes values and returns how many; nresults of them stay on
// the stack (LUA_MULTRET: all). Returns the lua_pcall status; on failure the error object is
// on the stack, or a C++ exception the operation threw is in exception.
template <class Operation>
int call_protected(lua_State *L, int nargs, int nresults, Operation &operation,
                   std::exception_ptr &exception) {
  ensure_stack(L, 3);
  if (lua_gethook(L) != nullptr) start_call_budget(L);
  int handler = lua_gettop(L) - nargs + 1;
  push_message_handler(L);
  ProtectedJob<Operation> job{&operation, {}};
  compat::push_cfunction(L, &run_protected_job<Operation>);
  lua_pushlightuserdata(L, &job);
  lua_rotate(L, handler, 3);  // handler, function, job, then the arguments
  int status = lua_pcall(L, nargs + 1, nresults, handler);
  lua_remove(L, handler);
  exception = job.exception;
  return status;
}

// Runs operation(L) protected (see call_protected) and throws what went wrong as luaembed
// exceptions. The stack keeps nresults results on success and loses the arguments always.
template <class Operation>
void protect(lua_State *L, int nargs, int nresults, Operation &&operation) {
  int base = lua_gettop(L) - nargs;
  std::exception_ptr exception;
  int status = call_protected(L, nargs, nresults, operation, exception);
  if (exception) {
    lua_settop(L, base);
    rethrow(exception);
  }
  if (status != LUA_OK) throw_lua_error(L, status);
}

}  // namespace luaembed::detail
