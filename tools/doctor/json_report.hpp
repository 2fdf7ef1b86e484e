// The diagnosis for programs: one JSON object, described in docs/doctor.md.
#pragma once

#include "diagnosis.hpp"

#include <ostream>
#include <string>

namespace luaembed::doctor::cli {

void print_json(const Diagnosis &diagnosis, std::ostream &out);

// {"error": ..., "exit_code": 2}: bad input, reported in the same format.
void print_json_error(const std::string &message, std::ostream &out);

}  // namespace luaembed::doctor::cli
