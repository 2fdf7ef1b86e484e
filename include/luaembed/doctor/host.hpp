// A host: the program that embeds Lua and loads native modules. What Lua it runs, where that
// Lua comes from, and how much of its C API a module can bind to.
#pragma once

#include <luaembed/doctor/binary.hpp>
#include <luaembed/doctor/load_scope.hpp>
#include <luaembed/doctor/lua_core.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

enum class LuaLinkage {
  none,     // no Lua core in the program nor in the libraries it loads
  linked_statically,   // the core is inside the executable
  shared_library,      // the core is a library loaded with the program (liblua5.4.so.0, ...)
};

struct HostReport {
  BinaryFacts binary;
  LoadScope libraries;          // loaded with the program at its start
  bool dynamically_linked = false;  // started by the dynamic loader, so it can load modules

  LuaLinkage linkage = LuaLinkage::none;
  LuaCore core;
  std::optional<std::filesystem::path> core_library;  // the shared library, for shared_library
  std::optional<LuaVersion> version;                  // the version judged for the fixes and counts

  // The API of that version: how many names it has, which a module can bind to (exported by
  // the program or a library of its scope), which it cannot. missing_but_linked are missing
  // names the program's symbol table defines: linked in, only not exported.
  std::size_t api_size = 0;
  std::vector<std::string> api_exported;
  std::vector<std::string> api_missing;
  std::vector<std::string> missing_but_linked;

  // The package.cpath default compiled into the host's Lua, when one was found.
  std::string default_cpath;

  // Whether the program or a library of its scope exports the symbol.
  bool provides(std::string_view symbol) const;
  // Whether the host's Lua exports every API symbol of its version.
  bool exports_whole_api() const { return version && api_missing.empty(); }
};

HostReport examine_host(const std::filesystem::path &path, const LibrarySearch &search);

}  // namespace luaembed::doctor
