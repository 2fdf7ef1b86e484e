// How to fix what a verdict found, in the host's or the module's build system.
#pragma once

#include <luaembed/doctor/host.hpp>
#include <luaembed/doctor/module.hpp>
#include <luaembed/doctor/verdict.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

enum class BuildSystem { cmake, make, cargo, meson };

inline constexpr BuildSystem all_build_systems[] = {
    BuildSystem::cmake, BuildSystem::make, BuildSystem::cargo, BuildSystem::meson};

// "cmake", "make", "cargo", "meson" (as --build-system takes them); empty when unknown.
std::optional<BuildSystem> parse_build_system(std::string_view text);
std::string_view short_name(BuildSystem system);
std::string_view display_name(BuildSystem system);   // "CMake", "Make/ld", "Cargo", "Meson"

// The build systems worth showing for a host: Cargo alone for a Rust program, all otherwise.
std::vector<BuildSystem> likely_build_systems(const HostReport &host);

struct Fix {
  std::string title;                 // "fix (CMake)", "fix (the module)"
  std::vector<std::string> lines;    // what to write, one line each
  bool operator==(const Fix &) const = default;
};

// The fixes for a verdict (module may be null for judge_host's readiness), in the given
// build systems where the fix belongs to the host's build.
std::vector<Fix> fixes_for(const HostReport &host, const ModuleReport *module,
                           const Verdict &verdict, std::span<const BuildSystem> systems);

// The fixes that make a host export its Lua API.
std::vector<Fix> export_fixes(const HostReport &host, std::span<const BuildSystem> systems);

}  // namespace luaembed::doctor
