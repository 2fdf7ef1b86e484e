// Running the library over the command line's host and modules.
#include "diagnosis.hpp"

#include <algorithm>

namespace luaembed::doctor::cli {

namespace {

void add_fixes(Diagnosis &diagnosis, const std::vector<Fix> &fixes) {
  for (const Fix &fix : fixes)
    if (std::ranges::find(diagnosis.fixes, fix) == diagnosis.fixes.end()) diagnosis.fixes.push_back(fix);
}

// The cpath a name is looked up in needs the host's Lua version; Debian's 5.4 when unknown.
const ModuleSearchPath &search_path(Diagnosis &diagnosis, const Options &options, const EnvironmentLookup &environment) {
  if (!diagnosis.cpath) {
    LuaVersion version = diagnosis.host.version.value_or(LuaVersion::lua54);
    diagnosis.cpath = choose_cpath(options.cpath, version, diagnosis.host.default_cpath, environment);
  }
  return *diagnosis.cpath;
}

ModuleDiagnosis examine(Diagnosis &diagnosis, const std::string &argument, const Options &options,
                        const EnvironmentLookup &environment, const LibrarySearch &search) {
  ModuleDiagnosis module;
  module.argument = argument;
  module.found_by_name = looks_like_module_name(argument);
  std::filesystem::path path = argument;
  if (module.found_by_name) path = find_module(argument, search_path(diagnosis, options, environment)).path;
  module.report = examine_module(path, search);
  module.verdict = module.found_by_name ? judge_require(diagnosis.host, module.report, argument)
                                        : judge(diagnosis.host, module.report);
  return module;
}

}  // namespace

bool Diagnosis::all_good() const {
  if (readiness) return readiness->ready;
  return std::ranges::all_of(modules, [](const ModuleDiagnosis &module) { return module.verdict.kind == VerdictKind::loads; });
}

Diagnosis diagnose(const Options &options, const EnvironmentLookup &environment) {
  LibrarySearch search = system_library_search(environment("LD_LIBRARY_PATH"));
  Diagnosis diagnosis;
  diagnosis.host = examine_host(options.host, search);
  diagnosis.build_systems = options.build_systems.empty() ? likely_build_systems(diagnosis.host) : options.build_systems;
  for (const std::string &argument : options.modules) {
    diagnosis.modules.push_back(examine(diagnosis, argument, options, environment, search));
    const ModuleDiagnosis &module = diagnosis.modules.back();
    add_fixes(diagnosis, fixes_for(diagnosis.host, &module.report, module.verdict, diagnosis.build_systems));
  }
  if (options.modules.empty()) {
    diagnosis.readiness = judge_host(diagnosis.host);
    Verdict none;
    if (!diagnosis.readiness->ready) {
      add_fixes(diagnosis, fixes_for(diagnosis.host, nullptr, none, diagnosis.build_systems));
      add_fixes(diagnosis, export_fixes(diagnosis.host, diagnosis.build_systems));
    }
  }
  return diagnosis;
}

}  // namespace luaembed::doctor::cli
