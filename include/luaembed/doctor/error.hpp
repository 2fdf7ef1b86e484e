// Errors of the doctor: a file that cannot be examined, a module that cannot be found.
//
// The doctor runs inside other programs too (a host explaining why require failed), so it
// never prints and never exits: it throws Error, whose message says what happened and what to
// do, ready to be shown to a person as it is.
#pragma once

#include <stdexcept>
#include <string>

namespace luaembed::doctor {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace luaembed::doctor
