// A whole run of the doctor: the host, each module with its verdict, the fixes. Both reports
// (text and JSON) print the same Diagnosis.
#pragma once

#include "options.hpp"

#include <luaembed/doctor/doctor.hpp>

#include <optional>
#include <string>
#include <vector>

namespace luaembed::doctor::cli {

struct ModuleDiagnosis {
  std::string argument;          // as given: a path or a module name
  bool found_by_name = false;
  ModuleReport report;
  Verdict verdict;
};

struct Diagnosis {
  HostReport host;
  std::optional<ModuleSearchPath> cpath;   // when a module was given by name
  std::vector<ModuleDiagnosis> modules;
  std::optional<Readiness> readiness;      // when no module was given
  std::vector<BuildSystem> build_systems;
  std::vector<Fix> fixes;                  // each once, in the order found

  bool all_good() const;
  int exit_code() const { return all_good() ? 0 : 1; }
};

// Throws Error (bad input) when the host or a module cannot be read or found.
Diagnosis diagnose(const Options &options, const EnvironmentLookup &environment);

}  // namespace luaembed::doctor::cli
