// judge: the verdict on a host and a module, in the order that matters to the person fixing
// it. A module of another Lua is wrong whatever else is right; two Lua cores break a program
// even when it loads; only then do undefined symbols and missing libraries decide.
#include <luaembed/doctor/verdict.hpp>

#include <luaembed/doctor/module_search.hpp>

#include <algorithm>

namespace luaembed::doctor {

namespace {

// Defined by the host's scope, else by a library the module brings (the loader searches the
// program's global scope first, then the module's own dependencies).
bool resolvable(const HostReport &host, const ModuleReport &module, const std::string &symbol) {
  return host.provides(symbol) || module.libraries.exporter_of(symbol) != nullptr;
}

std::vector<std::string> unresolved_symbols(const HostReport &host, const ModuleReport &module) {
  std::vector<std::string> missing;
  for (const std::string &symbol : module.binary.required_imports)
    if (!resolvable(host, module, symbol)) missing.push_back(symbol);
  return missing;
}

std::string undefined_summary(const std::vector<std::string> &missing) {
  std::string text = "undefined symbol " + missing.front();
  if (missing.size() > 1) text += " (and " + std::to_string(missing.size() - 1) + " more)";
  return text;
}

std::string host_lua_phrase(const HostReport &host) {
  std::string core = host.core.describe();
  if (host.linkage == LuaLinkage::shared_library) return core + " from " + host.core_library->filename().string();
  return core + ", linked statically";
}

// The Lua the module brings that the host does not already run; empty when none.
std::string second_core(const HostReport &host, const ModuleReport &module) {
  if (module.contained_core.found())
    return "the module contains a Lua core of its own (" + module.contained_core.describe() + ")";
  for (const LinkedLua &linked : module.linked_lua)
    if (!host.libraries.holds(linked.path, linked.needed_name))
      return "the module links " + linked.needed_name + " (" + linked.path.string() + ")";
  return {};
}

bool versions_differ(const HostReport &host, const ModuleReport &module) {
  return host.core.found() && !module.built_for.empty() &&
         host.core.versions.intersection(module.built_for).empty();
}

}  // namespace

std::string_view verdict_name(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::loads: return "LOADS";
    case VerdictKind::fails: return "FAILS";
    case VerdictKind::version_mismatch: return "VERSION MISMATCH";
    case VerdictKind::second_lua_core: return "SECOND LUA CORE";
  }
  return "?";
}

Verdict judge(const HostReport &host, const ModuleReport &module) {
  Verdict verdict;
  verdict.missing_symbols = unresolved_symbols(host, module);
  verdict.missing_libraries = module.libraries.not_found;
  std::string brought = host.core.found() ? second_core(host, module) : std::string();
  if (!host.dynamically_linked) {
    verdict.kind = VerdictKind::fails;
    verdict.reason = "the host is a static program: the dynamic loader cannot bind a module to it";
    if (!verdict.missing_symbols.empty()) verdict.reason += "; loading fails: " + undefined_summary(verdict.missing_symbols);
  } else if (versions_differ(host, module)) {
    verdict.kind = VerdictKind::version_mismatch;
    verdict.reason = "the host runs " + host.core.describe() + ", the module is built for " + module.describe_built_for();
    if (!verdict.missing_symbols.empty()) verdict.reason += "; loading it fails: " + undefined_summary(verdict.missing_symbols);
  } else if (!brought.empty()) {
    verdict.kind = VerdictKind::second_lua_core;
    verdict.reason = brought + ", next to the host's " + host_lua_phrase(host) + ": two interpreters would share one lua_State";
  } else if (!verdict.missing_libraries.empty()) {
    verdict.kind = VerdictKind::fails;
    verdict.reason = "the module needs " + verdict.missing_libraries.front() + ", which the loader finds nowhere";
  } else if (!verdict.missing_symbols.empty()) {
    verdict.kind = VerdictKind::fails;
    verdict.reason = undefined_summary(verdict.missing_symbols);
    if (!host.core.found()) verdict.reason += "; the host has no Lua at all";
  }
  return verdict;
}

Verdict judge_require(const HostReport &host, const ModuleReport &module, std::string_view module_name) {
  Verdict verdict = judge(host, module);
  std::vector<std::string> entries = entry_points_for(module_name);
  bool has_entry = std::ranges::any_of(entries, [&](const std::string &entry) {
    return std::ranges::find(module.entry_points, entry) != module.entry_points.end();
  });
  if (verdict.kind == VerdictKind::loads && !has_entry) {
    verdict.kind = VerdictKind::fails;
    verdict.reason = "the module has no " + entries.front() + ", the function require calls for '" +
                     std::string(module_name) + "'";
  }
  return verdict;
}

Readiness judge_host(const HostReport &host) {
  Readiness readiness;
  if (!host.dynamically_linked) {
    readiness.reason = "the host is a static program: the dynamic loader cannot load modules into it";
  } else if (!host.core.found()) {
    readiness.reason = "no Lua core found in the program nor in the libraries it loads";
  } else if (!host.version) {
    readiness.reason = "a Lua core was found, but not which version it is";
  } else if (host.exports_whole_api()) {
    readiness.ready = true;
    readiness.reason = "all " + std::to_string(host.api_size) + " " + std::string(display_name(*host.version)) +
                       " API symbols are exported: native modules built for it can load";
  } else {
    readiness.reason = std::to_string(host.api_missing.size()) + " of " + std::to_string(host.api_size) + " " +
                       std::string(display_name(*host.version)) +
                       " API symbols are not exported: modules calling them fail to load with undefined symbol";
  }
  return readiness;
}

}  // namespace luaembed::doctor
