// A Lua core inside an ELF file: the interpreter itself (lua_newstate and the rest), linked
// into a program or a module statically, or being a shared library such as liblua5.4.so.0.
#pragma once

#include <luaembed/doctor/binary.hpp>
#include <luaembed/doctor/lua_version.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace luaembed::doctor {

enum class CoreEvidence {
  none,             // no Lua core in the file
  version_string,   // lua_ident or LuaJIT's version string, which survives stripping
  symbols,          // lua_newstate and other API functions are defined
};

struct LuaCore {
  VersionSet versions;     // the versions the core may be; empty when there is no core
  std::string release;     // "Lua 5.4.4", "LuaJIT 2.1.0-beta3" when a version string was found
  CoreEvidence evidence = CoreEvidence::none;

  bool found() const { return evidence != CoreEvidence::none; }
  // The version, when it is known; the latest of the candidates otherwise (a guess that
  // only counts API symbols; callers show the whole set).
  std::optional<LuaVersion> likely_version() const;
  // "Lua 5.4.4", or "Lua 5.3 or 5.4" when only the symbols tell.
  std::string describe() const;
};

LuaCore find_lua_core(const BinaryFacts &binary);

// The versions whose API declares every one of the names; empty when none does.
VersionSet versions_with_all(std::span<const std::string> api_names);

// The names of the list that the API of the best-covering version lacks: what makes a module
// belong to no known Lua. Empty when some version declares them all.
std::vector<std::string> names_outside_every_api(std::span<const std::string> api_names);

}  // namespace luaembed::doctor
