// A native Lua module: the Lua it was built for, its entry points, the API it needs from
// its host, and any Lua core it brings along.
#pragma once

#include <luaembed/doctor/binary.hpp>
#include <luaembed/doctor/load_scope.hpp>
#include <luaembed/doctor/lua_core.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace luaembed::doctor {

struct LinkedLua {
  std::string needed_name;          // "liblua5.4.so.0"
  std::filesystem::path path;       // where the loader finds it
  LuaCore core;
};

struct ModuleReport {
  BinaryFacts binary;
  LoadScope libraries;                  // its own dependencies, found as the loader finds them
  std::vector<std::string> entry_points;  // luaopen_* functions it exports
  std::vector<std::string> api_needed;    // Lua API names it imports, sorted

  // The versions whose API has every name it imports (or, when it imports none, the version
  // of a core it contains or links). unknown_api: when no version has them all, the names
  // the closest one lacks.
  VersionSet built_for;
  std::vector<std::string> unknown_api;

  LuaCore contained_core;               // Lua linked into the module itself
  std::vector<LinkedLua> linked_lua;    // Lua libraries among its dependencies

  bool brings_lua_core() const { return contained_core.found() || !linked_lua.empty(); }
  // "Lua 5.4", "Lua 5.1 or LuaJIT 2.1", "an unknown Lua", "no Lua (it imports no Lua API)".
  std::string describe_built_for() const;
};

ModuleReport examine_module(const std::filesystem::path &path, const LibrarySearch &search);

}  // namespace luaembed::doctor
