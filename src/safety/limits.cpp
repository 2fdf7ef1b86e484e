// Call limits: a count hook that watches the instruction budget, the deadline and the host's
// interrupt callback of the call that is running.
#include "limits.hpp"

#include "strings/string_functions.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>

namespace luaembed::detail {

// How many VM instructions run between two checks: checking is cheap, but not free.
constexpr int check_interval = 1000;

namespace {

using Clock = std::chrono::steady_clock;

// The budget rides in the state's extra space, which every new thread copies.
CallBudget *&budget_slot(lua_State *L) { return *static_cast<CallBudget **>(lua_getextraspace(L)); }

bool asks_to_stop(CallBudget &budget) noexcept {
  try {
    return budget.limits.interrupt();
  } catch (...) {
    return true;  // an interrupt callback that fails stops the call rather than let it run
  }
}

void say_time_is_up(CallBudget &budget) noexcept {
  std::snprintf(budget.message, sizeof budget.message, "time limit of %lld ms exceeded",
                static_cast<long long>(budget.limits.time.count()));
}

// Decides whether the call goes on after work more instructions; fills the message when it
// does not.
void check(CallBudget &budget, std::uint64_t work) noexcept {
  const CallLimits &limits = budget.limits;
  budget.used += work;
  if (limits.instructions != 0 && budget.used > limits.instructions)
    std::snprintf(budget.message, sizeof budget.message, "instruction limit of %llu exceeded",
                  static_cast<unsigned long long>(limits.instructions));
  else if (limits.time.count() != 0 && Clock::now() > budget.deadline)
    say_time_is_up(budget);
  else if (limits.interrupt && asks_to_stop(budget))
    std::snprintf(budget.message, sizeof budget.message, "interrupted by the host");
  else
    return;
  budget.exceeded = true;
}

// Once a limit is reached, every instruction raises: pcall, coroutines or an error handler
// that catch the error cannot keep the call running. Nothing with a destructor lives here.
void limit_hook(lua_State *L, lua_Debug *) {
  CallBudget *budget = budget_slot(L);
  if (budget == nullptr) return;
  if (!budget->exceeded) check(*budget, check_interval);
  if (budget->exceeded) raise_limit_error(L, *budget);
}

// Lua runs a message handler inside the error being raised, with hooks off: a handler that
// loops forever could not be stopped. xpcall's handlers are therefore wrapped: once a limit
// is reached, the wrapper hands the error on without running the handler. Upvalue: handler.
int guarded_handler(lua_State *L) {
  CallBudget *budget = budget_slot(L);
  if (budget != nullptr && budget->exceeded) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

#if LUA_VERSION_NUM >= 502 && !defined(LUAJIT_VERSION)  // version: lua_callk
int return_all(lua_State *L, int, lua_KContext) { return lua_gettop(L); }

// xpcall(f, handler, ...) with the handler guarded. Upvalue: Lua's own xpcall.
int guarded_xpcall(lua_State *L) {
  luaL_checkany(L, 2);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, guarded_handler, 1);
  lua_replace(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  compat::callk<return_all>(L, lua_gettop(L) - 1, LUA_MULTRET, 0);  // keeps yields across it working
  return lua_gettop(L);
}

bool is_guarded(lua_State *L, int index) { return lua_tocfunction(L, index) == guarded_xpcall; }

// Pushes the guarded xpcall in place of Lua's own, on top.
void push_guarded_xpcall(lua_State *L) { lua_pushcclosure(L, guarded_xpcall, 1); }
#else
// Without continuations (Lua 5.1, LuaJIT) the guard is a Lua function: LuaJIT's coroutines
// yield through it as through its own xpcall. guard(handler) is the guarded handler.
constexpr char xpcall_in_lua[] =
    "local xpcall, guard = ... return function(f, handler, ...) return xpcall(f, guard(handler), ...) end";
const char guarded_xpcall_key = 0;  // its address keys the guarded xpcall in the registry

int guard(lua_State *L) {
  if (lua_type(L, 1) != LUA_TFUNCTION) return 1;  // xpcall refuses it, in its own words
  lua_settop(L, 1);
  lua_pushcclosure(L, guarded_handler, 1);
  return 1;
}

bool is_guarded(lua_State *L, int index) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &guarded_xpcall_key);
  bool guarded = lua_rawequal(L, -1, index < 0 ? index - 1 : index);
  lua_pop(L, 1);
  return guarded;
}

void push_guarded_xpcall(lua_State *L) {
  if (luaL_loadbuffer(L, xpcall_in_lua, sizeof xpcall_in_lua - 1, "=xpcall") != LUA_OK) lua_error(L);
  lua_insert(L, -2);
  lua_pushcfunction(L, guard);
  lua_call(L, 2, 1);
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &guarded_xpcall_key);
}
#endif

}  // namespace

void guard_xpcall(lua_State *L, int table) {
  table = lua_absindex(L, table);
  lua_getfield(L, table, "xpcall");
  if (lua_isnil(L, -1) || is_guarded(L, -1)) return lua_pop(L, 1);
  push_guarded_xpcall(L);
  lua_setfield(L, table, "xpcall");
}

CallBudget *running_budget(lua_State *L) noexcept {
  return lua_gethook(L) == limit_hook ? budget_slot(L) : nullptr;
}

bool budget_allows(CallBudget &budget, std::uint64_t work) noexcept {
  if (!budget.exceeded) check(budget, work);
  return !budget.exceeded;
}

bool budget_leaves_time(CallBudget &budget, Clock::duration time) noexcept {
  if (budget.exceeded) return false;
  if (budget.limits.time.count() == 0 || Clock::now() + time <= budget.deadline) return true;
  say_time_is_up(budget);
  budget.exceeded = true;
  return false;
}

// Without a position: the message is the same wherever the limit hits (a hook's position
// would be the caller's of whatever function was running).
int raise_limit_error(lua_State *L, CallBudget &budget) {
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
  lua_pushstring(L, budget.message);
  return lua_error(L);
}

namespace {

// LuaJIT runs no hooks in compiled code, so a loop it has compiled could not be stopped: a
// state with limits runs interpreted (its compiled code flushed), and compiles again once
// the limits are lifted.
void allow_compiled_code(lua_State *L, bool allow) {
#if defined(LUAJIT_VERSION)
  if (!allow) luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_FLUSH);
  luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | (allow ? LUAJIT_MODE_ON : LUAJIT_MODE_OFF));
#else
  (void)L, (void)allow;
#endif
}

}  // namespace

void start_call_budget(lua_State *L) noexcept {
  CallBudget *budget = lua_gethook(L) == limit_hook ? budget_slot(L) : nullptr;
  lua_Debug frame;
  if (budget == nullptr || lua_getstack(L, 0, &frame)) return;  // a call inside a call
  budget->used = 0;
  budget->exceeded = false;
  budget->deadline = Clock::now() + budget->limits.time;
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, check_interval);
}

void install_call_limits(lua_State *L, std::unique_ptr<CallBudget> &owner, CallLimits limits) {
  bool any = limits.instructions != 0 || limits.time.count() != 0 || limits.interrupt;
  if (!any) {
    lua_sethook(L, nullptr, 0, 0);
    if (budget_slot(L) != nullptr) allow_compiled_code(L, true);
    budget_slot(L) = nullptr;
    owner.reset();
    return;
  }
  protect(L, 0, 0, [](lua_State *L) {
    lua_pushglobaltable(L);
    guard_xpcall(L, -1);
    lua_pop(L, 1);
    strings::install(L);  // string functions that a hook could not stop
    return 0;
  });
  if (!owner) owner = std::make_unique<CallBudget>();
  owner->limits = std::move(limits);
  owner->exceeded = false;
  budget_slot(L) = owner.get();
  allow_compiled_code(L, false);
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, check_interval);
}

}  // namespace luaembed::detail
