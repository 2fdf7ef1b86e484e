// Limits and the sandbox, as State sets them up (limits.cpp, sandbox.cpp).
#pragma once

#include <luaembed/state.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace luaembed::detail {

// The running call's budget; the state's extra space points at it.
struct CallBudget {
  CallLimits limits;
  std::uint64_t used = 0;
  std::chrono::steady_clock::time_point deadline;
  bool exceeded = false;
  char message[96] = "";
};

void install_call_limits(lua_State *L, std::unique_ptr<CallBudget> &owner, CallLimits limits);
void make_sandbox(const StateView &state, const StateOptions &options);
// Replaces the xpcall of the table at index with one whose handler does not run once a limit
// is reached (Lua runs handlers with hooks off). Passes through when no limits are on.
void guard_xpcall(lua_State *L, int table);

// For C functions that work long without running VM instructions (the budgeted string
// functions, strings/): the budget of the call running on L, or null when no limits are on.
CallBudget *running_budget(lua_State *L) noexcept;
// Counts work (in VM instructions) against the budget and says whether the call may go on.
// When not, the budget is marked exceeded with its message, as the hook does.
bool budget_allows(CallBudget &budget, std::uint64_t work) noexcept;
// Whether the call's deadline leaves `time` more, for work that nothing can stop once begun.
// When not, the budget is marked exceeded with the time limit's message.
bool budget_leaves_time(CallBudget &budget, std::chrono::steady_clock::duration time) noexcept;
// Raises the budget's message as the hook does: from then on every instruction of the call
// raises it too, so pcall cannot swallow it. Raise it from a frame with nothing to destroy.
int raise_limit_error(lua_State *L, CallBudget &budget);

}  // namespace luaembed::detail
