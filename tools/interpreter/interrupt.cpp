// A signal handler may not raise a Lua error, which would unwind from inside an arbitrary
// point of the VM. It only sets a hook (lua_sethook is safe to call asynchronously); the hook
// runs at the next call, return, line or instruction, where raising an error is allowed.
#include "interrupt.hpp"

#include "dialect.hpp"

#include <csignal>

namespace luaembed::interpreter {

namespace {

lua_State* running_state = nullptr;

void stop_running_code(lua_State* L, lua_Debug*) {
  lua_sethook(L, nullptr, 0, 0);
  luaL_where(L, dialect::interrupt_level);
  lua_pushfstring(L, "%sinterrupted!", lua_tostring(L, -1));
  lua_error(L);
}

void on_interrupt(int signal_number) {
  // A second Ctrl-C before the hook runs (code stuck in a C function) ends the process.
  std::signal(signal_number, SIG_DFL);
  const int every_event = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
  lua_sethook(running_state, stop_running_code, every_event, 1);
}

}  // namespace

void catch_interrupts(lua_State* L) {
  running_state = L;
  std::signal(SIGINT, on_interrupt);
}

void release_interrupts() {
  std::signal(SIGINT, SIG_DFL);
}

}  // namespace luaembed::interpreter
