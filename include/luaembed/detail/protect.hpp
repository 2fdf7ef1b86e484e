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

// Pushes the message handler that records the traceback of an error; throws MemoryError
// when there is no memory for it (Lua 5.1 and LuaJIT, the first time).
void push_message_handler(lua_State *L);
[[noreturn]] void throw_no_memory();
// After lua_pcall failed with that handler: pops the error object and throws its exception.
[[noreturn]] void throw_lua_error(lua_State *L, int status);
// The same with a traceback taken elsewhere (a coroutine's own).
[[noreturn]] void throw_lua_error_with_traceback(lua_State *L, int status, std::string traceback);
// The same, as a value, for the non-throwing API.
ErrorInfo take_lua_error(lua_State *L, int status);
// After a failed call whose error object is on top: restore the top to base, then throw the
// error or give it.
[[noreturn]] void throw_call_error(lua_State *L, int status, int base);
ErrorInfo take_call_error(lua_State *L, int status, int base);
// The exception currently being handled is Lua's own unwinding (Lua compiled as C++, LuaJIT).
bool is_lua_unwind() noexcept;
[[noreturn]] void rethrow(const std::exception_ptr &exception);
// A call from C++ into Lua begins: the state's call limits start a fresh budget (limits.cpp).
// Only when a limit hook is installed and no Lua function is running on L.
void start_call_budget(lua_State *L) noexcept;

// Removes the message handler at index once lua_pcall returned: the values above it move
// down (a single value, or none, without lua_rotate).
inline void remove_message_handler(lua_State *L, int handler) {
  int above = lua_gettop(L) - handler;
  if (above == 0) lua_settop(L, handler - 1);
  else if (above == 1) lua_replace(L, handler);
  else lua_remove(L, handler);
}

[[noreturn]] void throw_stack_overflow();
// Makes room for n more stack slots or throws RuntimeError ("stack overflow").
inline void ensure_stack(lua_State *L, int n) {
  if (!lua_checkstack(L, n)) throw_stack_overflow();
}

template <class Operation>
struct ProtectedJob {
  Operation *operation;
  std::exception_ptr exception;
};

template <class Operation>
int run_protected_job(lua_State *L) {
  auto *job = static_cast<ProtectedJob<Operation> *>(lua_touserdata(L, 1));
  if (lua_gettop(L) == 1) lua_settop(L, 0);  // no arguments: nothing to move down
  else lua_remove(L, 1);
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
  if (!compat::push_cfunction(L, &run_protected_job<Operation>)) {
    lua_pop(L, 1);
    throw_no_memory();
  }
  lua_pushlightuserdata(L, &job);
  if (nargs > 0) lua_rotate(L, handler, 3);  // handler, function, job, then the arguments
  int status = lua_pcall(L, nargs + 1, nresults, handler);
  remove_message_handler(L, handler);
  if (job.exception) exception = std::move(job.exception);
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
