// Coroutines: creating, resuming and closing threads.
#include <luaembed/state.hpp>
#include <luaembed/thread.hpp>

namespace luaembed {

const char *status_name(ThreadStatus status) noexcept {
  static const char *const names[] = {"suspended", "running", "normal", "dead"};
  return names[static_cast<int>(status)];
}

Thread::Thread(lua_State *L, int index) : Reference(L, index) {
  if (!lua_isthread(L, index)) detail::throw_type_mismatch(L, index, "thread", "luaembed::Thread");
}

lua_State *Thread::thread_state() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  push(L);
  lua_State *thread = lua_tothread(L, -1);
  lua_pop(L, 1);
  return thread;
}

ThreadStatus Thread::status() const { return status_from(StateView(lua_state())); }

// coroutine.status's rules.
ThreadStatus Thread::status_from(const StateView &current) const {
  lua_State *L = current.lua_state();
  detail::ensure_stack(L, 3);
  push(L);
  lua_State *thread = lua_tothread(L, -1);
  bool closed = compat::thread_closed(L, -1);  // before Lua 5.4 a closed thread looks suspended
  lua_pop(L, 1);
  if (thread == L) return ThreadStatus::Running;
  if (closed) return ThreadStatus::Dead;
  switch (lua_status(thread)) {
    case LUA_YIELD: return ThreadStatus::Suspended;
    case LUA_OK: {
      lua_Debug frame;
      if (lua_getstack(thread, 0, &frame)) return ThreadStatus::Normal;  // it resumed another
      return lua_gettop(thread) == 0 ? ThreadStatus::Dead : ThreadStatus::Suspended;
    }
    default: return ThreadStatus::Dead;  // it ended with an error
  }
}

int Thread::resume_raw(int nargs) const {
  lua_State *L = lua_state();
  lua_State *thread = thread_state();
  ThreadStatus current = status();
  if (current != ThreadStatus::Suspended) {
    lua_pop(L, nargs);
    throw RuntimeError(current == ThreadStatus::Dead ? "cannot resume dead coroutine"
                                                     : "cannot resume non-suspended coroutine");
  }
  if (!lua_checkstack(thread, nargs)) {
    lua_pop(L, nargs);
    detail::throw_stack_overflow();
  }
  lua_xmove(L, thread, nargs);
  if (lua_gethook(L) != nullptr) detail::start_call_budget(L);
  int results = 0;
  int status = lua_resume(thread, L, nargs, &results);
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, results)) {
      lua_pop(thread, results);
      detail::throw_stack_overflow();
    }
    lua_xmove(thread, L, results);
    return results;
  }
  // The coroutine's stack is still there to be read: its traceback is the useful one.
  detail::ensure_stack(L, 2);
  lua_xmove(thread, L, 1);
  luaL_traceback(L, thread, nullptr, 0);
  std::string traceback = lua_tostring(L, -1);
  lua_pop(L, 1);
  detail::throw_lua_error_with_traceback(L, status, std::move(traceback));
}

void Thread::close() const {
  detail::protect(lua_state(), 0, 0, [this](lua_State *L) {
    push(L);
    compat::close_thread(L, -1);
    return 0;
  });
}

namespace detail {
Thread new_thread(const Function &function) {
  lua_State *L = function.lua_state();
  int base = lua_gettop(L);
  protect(L, 0, 1, [&](lua_State *L) {
    lua_State *thread = lua_newthread(L);
    function.push(L);
    lua_xmove(L, thread, 1);
    return 1;
  });
  StackGuard pop(L, base);
  return Thread(L, -1);
}
}  // namespace detail

Thread StateView::create_thread(const Function &function) const {
  lua_state();
  return detail::new_thread(function);
}

}  // namespace luaembed
