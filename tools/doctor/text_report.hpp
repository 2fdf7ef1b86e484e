// The diagnosis for a person: a line for the host, two for each module, then the fixes.
#pragma once

#include "diagnosis.hpp"

#include <ostream>

namespace luaembed::doctor::cli {

void print_text(const Diagnosis &diagnosis, bool verbose, std::ostream &out);

}  // namespace luaembed::doctor::cli
