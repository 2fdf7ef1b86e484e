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

}  // namespace luaembed::detail
