// examine_module: what a native module was built for and what it needs from its host.
#include <luaembed/doctor/module.hpp>

#include <luaembed/doctor/api_catalog.hpp>

#include <algorithm>

namespace luaembed::doctor {

namespace {

std::vector<std::string> lua_api_imports(const BinaryFacts &binary) {
  std::vector<std::string> names;
  std::ranges::copy_if(binary.required_imports, std::back_inserter(names), looks_like_lua_api);
  std::ranges::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// The versions of the Lua the module brings along, if any.
VersionSet brought_versions(const ModuleReport &report) {
  if (report.contained_core.found()) return report.contained_core.versions;
  if (!report.linked_lua.empty()) return report.linked_lua.front().core.versions;
  return {};
}

// The API it imports tells first. When that leaves several versions, the Lua it brings (links
// or contains) narrows them: a module linking liblua5.4.so.0 was built for 5.4.
void judge_version(ModuleReport &report) {
  VersionSet brought = brought_versions(report);
  if (report.api_needed.empty()) {
    report.built_for = brought;
    return;
  }
  report.built_for = versions_with_all(report.api_needed);
  report.unknown_api = names_outside_every_api(report.api_needed);
  if (!report.built_for.intersection(brought).empty()) report.built_for = report.built_for.intersection(brought);
}

// luaopen_<file name> first: a module with a whole Lua inside also exports luaopen_base and
// the other standard libraries, which say less about it than its own entry point.
void put_own_entry_first(std::vector<std::string> &entries, const std::filesystem::path &path) {
  std::string stem = path.filename().string();
  stem = stem.substr(0, stem.find('.'));
  std::stable_partition(entries.begin(), entries.end(), [&](const std::string &entry) {
    return entry == "luaopen_" + stem || entry.ends_with("_" + stem);
  });
}

}  // namespace

std::string ModuleReport::describe_built_for() const {
  if (!unknown_api.empty()) return "an unknown Lua (no Lua's API has all it imports)";
  if (built_for.empty()) return "no particular Lua (it imports no Lua API)";
  return describe(built_for);
}

ModuleReport examine_module(const std::filesystem::path &path, const LibrarySearch &search) {
  ModuleReport report;
  report.binary = read_binary(path);
  report.libraries = load_dependencies(report.binary, search);
  for (const std::string &name : report.binary.exports)
    if (name.starts_with("luaopen_")) report.entry_points.push_back(name);
  put_own_entry_first(report.entry_points, path);
  report.api_needed = lua_api_imports(report.binary);
  report.contained_core = find_lua_core(report.binary);
  for (const LoadedLibrary &library : report.libraries.libraries) {
    LuaCore core = find_lua_core(library.facts);
    if (core.found()) report.linked_lua.push_back({library.needed_name, library.path, core});
  }
  judge_version(report);
  return report;
}

}  // namespace luaembed::doctor
