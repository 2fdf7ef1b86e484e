// Counting the work of a string function against the running call's budget.
//
// A count hook stops Lua code between VM instructions; it never runs while a C function
// works. The budgeted string functions count their own steps instead (a step of the matcher,
// 64 bytes of output) and every few thousand steps ask the call's budget whether to go on,
// charging what they did to its instruction count. The meter never raises: it answers, and
// the function stops and raises from a frame with nothing to destroy.
#pragma once

#include "../limits.hpp"

#include <cstdint>
#include <type_traits>

namespace luaembed::detail::strings {

// How many steps run between two questions to the budget: checking the clock and the host's
// interrupt is cheap, but not free.
inline constexpr std::uint64_t steps_between_checks = 4096;
// Output counts one step for this many bytes: writing fresh memory (page faults included)
// costs about that much more than a VM instruction.
inline constexpr std::uint64_t bytes_per_step = 16;

class WorkMeter {
public:
  explicit WorkMeter(CallBudget *budget) noexcept
      : budget_(budget), left_(budget != nullptr ? steps_between_checks : unmetered) {}

  // Counts steps; false once the budget says stop (its message says why).
  bool spend(std::uint64_t steps) noexcept {
    if (steps < left_) {
      left_ -= steps;
      return true;
    }
    return settle(steps);
  }
  bool spend_bytes(std::uint64_t bytes) noexcept { return spend(bytes / bytes_per_step + 1); }

  // Charges the steps not charged yet; the next check of the budget sees them.
  void finish() noexcept;

private:
  static constexpr std::uint64_t unmetered = UINT64_MAX;
  bool settle(std::uint64_t steps) noexcept;

  CallBudget *budget_;
  std::uint64_t left_;  // steps before the next question
};

// A meter lives in frames that Lua errors may unwind with longjmp.
static_assert(std::is_trivially_destructible_v<WorkMeter>);

}  // namespace luaembed::detail::strings
