// Finding a module by name, as require's C searcher does: each template of package.cpath with
// '?' replaced by the name, dots turned into directory separators.
#pragma once

#include <luaembed/doctor/lua_version.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

// Reads an environment variable; the doctor never reads the environment itself, so a host
// can give its own.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct ModuleSearchPath {
  std::string cpath;
  std::string origin;   // "--cpath", "LUA_CPATH_5_4", "the host's built-in default", ...
};

// The cpath a host of that version searches: the option when given; else LUA_CPATH_5_x
// (Lua 5.2 and later) or LUA_CPATH from the environment, ";;" standing for the default;
// else the default compiled into the host (host_default), else Debian's for the version.
ModuleSearchPath choose_cpath(std::optional<std::string> option, LuaVersion version,
                              std::string_view host_default, const EnvironmentLookup &environment);

// Whether a command-line argument names a module ("cjson", "socket.core") rather than a file.
bool looks_like_module_name(std::string_view argument);

// The luaopen_ function require calls for a module name: "socket.core" -> luaopen_socket_core.
// A hyphen marks a version suffix (Lua 5.2 and later) or prefix (5.1): both are tried.
std::vector<std::string> entry_points_for(std::string_view module_name);

struct FoundModule {
  std::filesystem::path path;
  std::vector<std::string> tried;   // the files looked at before it
};

// The file require loads for the name: the first template of the cpath giving a readable
// file; failing that, for "a.b", the library of "a" (require's all-in-one searcher, which then
// looks for luaopen_a_b in it). Throws Error listing every file tried when none is found.
FoundModule find_module(std::string_view name, const ModuleSearchPath &search);

}  // namespace luaembed::doctor
