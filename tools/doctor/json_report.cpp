// The JSON report: the same facts as the text, every list complete.
#include "json_report.hpp"

#include <nlohmann/json.hpp>

namespace luaembed::doctor::cli {

namespace {

// ordered_json keeps the keys in the order written here, the order docs/doctor.md shows.
using json = nlohmann::ordered_json;

json versions_json(VersionSet versions) {
  json list = json::array();
  for (LuaVersion version : versions.members()) list.push_back(short_name(version));
  return list;
}

std::string_view type_name(ElfType type) {
  switch (type) {
    case ElfType::executable: return "executable";
    case ElfType::position_independent_executable: return "position-independent executable";
    case ElfType::shared_object: return "shared object";
  }
  return "?";
}

std::string_view linkage_name(LuaLinkage linkage) {
  switch (linkage) {
    case LuaLinkage::none: return "none";
    case LuaLinkage::linked_statically: return "static";
    case LuaLinkage::shared_library: return "shared library";
  }
  return "?";
}

std::string_view evidence_name(CoreEvidence evidence) {
  switch (evidence) {
    case CoreEvidence::none: return "none";
    case CoreEvidence::version_string: return "version string";
    case CoreEvidence::symbols: return "symbols";
  }
  return "?";
}

json core_json(const LuaCore &core) {
  return {{"found", core.found()}, {"versions", versions_json(core.versions)},
          {"release", core.release.empty() ? json() : json(core.release)}, {"evidence", evidence_name(core.evidence)}};
}

json libraries_json(const LoadScope &scope) {
  json list = json::array();
  for (const LoadedLibrary &library : scope.libraries) list.push_back({{"name", library.needed_name}, {"path", library.path.string()}});
  return list;
}

json host_json(const HostReport &host) {
  json lua = core_json(host.core);
  lua["linkage"] = linkage_name(host.linkage);
  lua["library"] = host.core_library ? json(host.core_library->string()) : json();
  lua["default_cpath"] = host.default_cpath.empty() ? json() : json(host.default_cpath);
  json api = {{"version", host.version ? json(short_name(*host.version)) : json()},
              {"total", host.api_size},
              {"exported", host.api_exported.size()},
              {"missing", host.api_missing},
              {"missing_but_linked", host.missing_but_linked}};
  std::string toolchain = host.binary.built_with_rust ? "rust" : host.binary.built_with_go ? "go" : "";
  return {{"path", host.binary.path.string()}, {"type", type_name(host.binary.type)},
          {"dynamically_linked", host.dynamically_linked}, {"interpreter", host.binary.interpreter},
          {"stripped", !host.binary.has_symbol_table}, {"toolchain", toolchain.empty() ? json() : json(toolchain)},
          {"lua", lua}, {"api", api}, {"libraries", libraries_json(host.libraries)},
          {"libraries_not_found", host.libraries.not_found}};
}

json verdict_json(const Verdict &verdict) {
  return {{"kind", verdict_name(verdict.kind)}, {"reason", verdict.reason},
          {"missing_symbols", verdict.missing_symbols}, {"missing_libraries", verdict.missing_libraries}};
}

json module_json(const ModuleDiagnosis &module) {
  const ModuleReport &report = module.report;
  json linked = json::array();
  for (const LinkedLua &lua : report.linked_lua)
    linked.push_back({{"name", lua.needed_name}, {"path", lua.path.string()}, {"core", core_json(lua.core)}});
  return {{"argument", module.argument}, {"found_by_name", module.found_by_name},
          {"path", report.binary.path.string()}, {"built_for", versions_json(report.built_for)},
          {"built_for_text", report.describe_built_for()}, {"unknown_api", report.unknown_api},
          {"entry_points", report.entry_points}, {"api_needed", report.api_needed},
          {"contained_core", core_json(report.contained_core)}, {"linked_lua", linked},
          {"verdict", verdict_json(module.verdict)}};
}

json fixes_json(const std::vector<Fix> &fixes) {
  json list = json::array();
  for (const Fix &fix : fixes) list.push_back({{"title", fix.title}, {"lines", fix.lines}});
  return list;
}

}  // namespace

void print_json(const Diagnosis &diagnosis, std::ostream &out) {
  json modules = json::array();
  for (const ModuleDiagnosis &module : diagnosis.modules) modules.push_back(module_json(module));
  json cpath = diagnosis.cpath ? json{{"path", diagnosis.cpath->cpath}, {"origin", diagnosis.cpath->origin}} : json();
  json readiness = diagnosis.readiness
                       ? json{{"ready", diagnosis.readiness->ready}, {"reason", diagnosis.readiness->reason}}
                       : json();
  json systems = json::array();
  for (BuildSystem system : diagnosis.build_systems) systems.push_back(short_name(system));
  json report = {{"host", host_json(diagnosis.host)}, {"cpath", cpath},  {"modules", modules},
                 {"host_verdict", readiness},         {"build_systems", systems}, {"fixes", fixes_json(diagnosis.fixes)},
                 {"exit_code", diagnosis.exit_code()}};
  out << report.dump(2) << '\n';
}

void print_json_error(const std::string &message, std::ostream &out) {
  out << json{{"error", message}, {"exit_code", 2}}.dump(2) << '\n';
}

}  // namespace luaembed::doctor::cli
