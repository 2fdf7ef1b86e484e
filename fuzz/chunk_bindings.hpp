// What fuzz_chunks offers its scripts besides the safe standard libraries: C++ functions and
// classes of every kind the binding layer supports, so that hostile code reaches luaembed's
// own conversions, trampolines, userdata and scopes rather than only the Lua VM.
#pragma once

#include <luaembed/luaembed.hpp>

namespace fuzz {

// Defines the global table `host` (functions) and the classes Counter and Named.
void add_bindings(const luaembed::State &lua);

}  // namespace fuzz
