// The catalog of the Lua C API: for each Lua version, the names of the functions (and the
// lua_ident data) its headers declare and its library defines.
//
// Generated when luaembed is configured, from Debian's headers and archives, with the same
// function that writes the export list luaembed links with (cmake/LuaembedApiList.cmake).
#pragma once

#include <luaembed/doctor/lua_version.hpp>

#include <span>
#include <string>
#include <string_view>

namespace luaembed::doctor {

// The API of one version, sorted by byte value.
std::span<const std::string_view> lua_api(LuaVersion version);

bool in_lua_api(LuaVersion version, std::string_view name);

// The versions whose API holds the name.
VersionSet versions_declaring(std::string_view name);

// Whether a symbol name has the shape of a Lua API name: lua_*, luaL_*, luaopen_*, luaJIT_*.
// Lua's internal functions (luaV_execute, luaH_get, ...) have another shape.
bool looks_like_lua_api(std::string_view name);

// Where the catalog of a version was read: the directory of lua.h and the static archive.
std::string_view catalog_include_dir(LuaVersion version);
std::string_view catalog_archive(LuaVersion version);

// The Debian package that installs that version's headers and archive.
std::string_view debian_dev_package(LuaVersion version);

// The package.cpath default compiled into that version's Debian library.
std::string_view debian_default_cpath(LuaVersion version);

// The API as a linker dynamic list (-Wl,--dynamic-list=<file>), in the format
// cmake/LuaembedApiList.cmake writes.
std::string dynamic_list(LuaVersion version);

}  // namespace luaembed::doctor
