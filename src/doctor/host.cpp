// examine_host: which Lua a program runs, where it comes from, and how much of its C API a
// module loaded into it can bind to.
#include <luaembed/doctor/host.hpp>

#include <luaembed/doctor/api_catalog.hpp>

namespace luaembed::doctor {

namespace {

// The core of the program itself, else the first library of its scope holding one: the
// loader binds a module's lua_* calls to the first definition in that order.
void locate_core(HostReport &report) {
  report.core = find_lua_core(report.binary);
  if (report.core.found()) {
    report.linkage = LuaLinkage::linked_statically;
    if (!report.binary.cpath_defaults.empty()) report.default_cpath = report.binary.cpath_defaults.front();
    return;
  }
  for (const LoadedLibrary &library : report.libraries.libraries) {
    LuaCore core = find_lua_core(library.facts);
    if (!core.found()) continue;
    report.core = core;
    report.linkage = LuaLinkage::shared_library;
    report.core_library = library.path;
    if (!library.facts.cpath_defaults.empty()) report.default_cpath = library.facts.cpath_defaults.front();
    return;
  }
}

void count_api(HostReport &report) {
  report.version = report.core.likely_version();
  if (!report.version) return;
  auto api = lua_api(*report.version);
  report.api_size = api.size();
  for (std::string_view name : api) {
    if (report.provides(name)) {
      report.api_exported.emplace_back(name);
    } else {
      report.api_missing.emplace_back(name);
      if (report.binary.defines_symbol(name)) report.missing_but_linked.emplace_back(name);
    }
  }
}

}  // namespace

bool HostReport::provides(std::string_view symbol) const {
  return binary.exports_symbol(symbol) || libraries.exporter_of(symbol) != nullptr;
}

HostReport examine_host(const std::filesystem::path &path, const LibrarySearch &search) {
  HostReport report;
  report.binary = read_binary(path);
  // A shared object can be a host too (a plugin embedding Lua); it is always loaded by the
  // dynamic loader. A program without PT_INTERP is static: nothing can be loaded into it.
  report.dynamically_linked =
      !report.binary.interpreter.empty() || report.binary.type == ElfType::shared_object;
  if (report.dynamically_linked) report.libraries = load_dependencies(report.binary, search, &report.binary);
  locate_core(report);
  count_api(report);
  return report;
}

}  // namespace luaembed::doctor
