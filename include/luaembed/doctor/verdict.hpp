// The verdict on a host and a module: does the module load, and if not, why.
#pragma once

#include <luaembed/doctor/host.hpp>
#include <luaembed/doctor/module.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

enum class VerdictKind {
  loads,             // every symbol it needs is there, and it uses the host's Lua
  fails,             // the dynamic loader refuses it: undefined symbols or missing libraries
  version_mismatch,  // built for another Lua than the host runs
  second_lua_core,   // brings its own Lua next to the host's: two interpreters, one lua_State
};

// "LOADS", "FAILS", "VERSION MISMATCH", "SECOND LUA CORE".
std::string_view verdict_name(VerdictKind kind);

struct Verdict {
  VerdictKind kind = VerdictKind::loads;
  // Symbols the module needs that nothing in the process defines, the first the one the
  // dynamic loader reports; libraries it needs that are found nowhere.
  std::vector<std::string> missing_symbols;
  std::vector<std::string> missing_libraries;
  std::string reason;   // one line, after the verdict's name; empty for LOADS
};

Verdict judge(const HostReport &host, const ModuleReport &module);

// The verdict on `require "<module_name>"` finding this module: judge's, and FAILS as well
// when the module has no luaopen_ function for that name.
Verdict judge_require(const HostReport &host, const ModuleReport &module, std::string_view module_name);

// Without a module: whether the host is ready for native modules of its Lua, that is
// whether it exports the whole API of its version.
struct Readiness {
  bool ready = false;
  std::string reason;
};

Readiness judge_host(const HostReport &host);

}  // namespace luaembed::doctor
