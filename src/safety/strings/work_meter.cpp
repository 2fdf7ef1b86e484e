// The meter's slow path: charging the budget and asking it.
#include "work_meter.hpp"

namespace luaembed::detail::strings {

bool WorkMeter::settle(std::uint64_t steps) noexcept {
  if (budget_ == nullptr) {  // no limits: nothing to ask, ever
    left_ = unmetered;
    return true;
  }
  std::uint64_t done = steps_between_checks - left_ + steps;
  left_ = steps_between_checks;
  return budget_allows(*budget_, done);
}

void WorkMeter::finish() noexcept {
  if (budget_ == nullptr) return;
  budget_->used += steps_between_checks - left_;
  left_ = steps_between_checks;
}

}  // namespace luaembed::detail::strings
