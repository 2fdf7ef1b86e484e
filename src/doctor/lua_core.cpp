// Finding a Lua core in a file, and judging versions from API names.
//
// The version string is the best witness: lua_ident is in every core (it is defined next to
// the API functions, in lapi.c) and stripping keeps it. Without it, the API names the file
// defines tell, as far as the versions differ in them.
#include <luaembed/doctor/lua_core.hpp>

#include <luaembed/doctor/api_catalog.hpp>

#include <algorithm>

namespace luaembed::doctor {

namespace {

std::optional<LuaVersion> version_of_release(std::string_view release) {
  if (release.starts_with("LuaJIT ")) return LuaVersion::luajit;
  if (!release.starts_with("Lua ")) return std::nullopt;
  release.remove_prefix(4);
  std::string_view major_minor = release.substr(0, 3);
  if (release.size() > 3 && release[3] != '.') return std::nullopt;   // "5.10"
  return parse_lua_version(major_minor);
}

// Defined names that belong to some version's API, from .dynsym and .symtab.
std::vector<std::string> defined_api_names(const BinaryFacts &binary) {
  std::vector<std::string> names;
  auto keep = [&](const std::string &name) {
    if (looks_like_lua_api(name) && !versions_declaring(name).empty()) names.push_back(name);
  };
  std::ranges::for_each(binary.exports, keep);
  std::ranges::for_each(binary.defined_symbols, keep);
  std::ranges::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::size_t coverage(LuaVersion version, std::span<const std::string> names) {
  return static_cast<std::size_t>(
      std::ranges::count_if(names, [&](const std::string &name) { return in_lua_api(version, name); }));
}

// The version whose API holds the most of the names; the later one on a tie.
LuaVersion best_covering(std::span<const std::string> names) {
  LuaVersion best = LuaVersion::lua51;
  for (LuaVersion version : all_lua_versions)
    if (coverage(version, names) >= coverage(best, names)) best = version;
  return best;
}

// The versions whose API lacks the fewest of the names: all of them, when some versions hold
// every name. A core may define a name or two beyond its headers' API (Debian's Lua 5.1
// defines luaL_openlib, which its lauxlib.h declares as luaI_openlib), so one stray name must
// not hand the core to another version.
VersionSet versions_of_defined(std::span<const std::string> names) {
  if (names.empty()) return {};
  std::size_t fewest = names.size() + 1;
  VersionSet best;
  for (LuaVersion version : all_lua_versions) {
    std::size_t misses = names.size() - coverage(version, names);
    if (misses < fewest) best = {};
    if (misses <= fewest) {
      fewest = misses;
      best.add(version);
    }
  }
  return best;
}

}  // namespace

std::optional<LuaVersion> LuaCore::likely_version() const {
  std::vector<LuaVersion> members = versions.members();
  if (members.empty()) return std::nullopt;
  if (members.size() > 1 && members.back() == LuaVersion::luajit) members.pop_back();
  return members.back();
}

std::string LuaCore::describe() const {
  if (!release.empty()) return release;
  return doctor::describe(versions);
}

LuaCore find_lua_core(const BinaryFacts &binary) {
  LuaCore core;
  for (const std::string &release : binary.lua_releases) {
    if (auto version = version_of_release(release)) {
      core.versions.add(*version);
      core.release += (core.release.empty() ? "" : " and ") + release;
    }
  }
  if (!core.versions.empty()) {
    core.evidence = CoreEvidence::version_string;
    return core;
  }
  if (binary.defines_symbol("lua_newstate") || binary.defines_symbol("luaL_newstate")) {
    core.evidence = CoreEvidence::symbols;
    core.versions = versions_of_defined(defined_api_names(binary));
  }
  return core;
}

VersionSet versions_with_all(std::span<const std::string> api_names) {
  if (api_names.empty()) return {};
  VersionSet versions = VersionSet::all();
  for (const std::string &name : api_names) versions = versions.intersection(versions_declaring(name));
  return versions;
}

std::vector<std::string> names_outside_every_api(std::span<const std::string> api_names) {
  if (api_names.empty() || !versions_with_all(api_names).empty()) return {};
  LuaVersion best = best_covering(api_names);
  std::vector<std::string> outside;
  for (const std::string &name : api_names)
    if (!in_lua_api(best, name)) outside.push_back(name);
  std::ranges::sort(outside);
  return outside;
}

}  // namespace luaembed::doctor
