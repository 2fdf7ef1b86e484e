// Finding modules by name as require does: package.cpath, from the option, the environment
// or the default, then each template with '?' replaced.
#include <luaembed/doctor/module_search.hpp>

#include <luaembed/doctor/api_catalog.hpp>
#include <luaembed/doctor/error.hpp>

#include <unistd.h>

#include <algorithm>
#include <optional>

namespace luaembed::doctor {

namespace {

// Lua's setpath: ";;" in the variable stands for the default path.
std::string with_default(const std::string &path, std::string_view default_path) {
  std::size_t mark = path.find(";;");
  if (mark == std::string::npos) return path;
  std::string result = path.substr(0, mark);
  if (!result.empty()) result += ';';
  result += default_path;
  if (mark + 2 < path.size()) result += ";" + path.substr(mark + 2);
  return result;
}

std::vector<std::string> environment_names(LuaVersion version) {
  if (version == LuaVersion::lua51 || version == LuaVersion::luajit) return {"LUA_CPATH"};
  std::string suffix(short_name(version));
  std::ranges::replace(suffix, '.', '_');
  return {"LUA_CPATH_" + suffix, "LUA_CPATH"};
}

std::string replace_all(std::string text, char from, std::string_view to) {
  std::string result;
  for (char c : text) {
    if (c == from) result += to;
    else result += c;
  }
  return result;
}

}  // namespace

ModuleSearchPath choose_cpath(std::optional<std::string> option, LuaVersion version,
                              std::string_view host_default, const EnvironmentLookup &environment) {
  if (option) return {*option, "--cpath"};
  std::string_view default_path = host_default.empty() ? debian_default_cpath(version) : host_default;
  for (const std::string &name : environment_names(version))
    if (auto value = environment(name)) return {with_default(*value, default_path), name};
  if (!host_default.empty()) return {std::string(host_default), "the default built into the host's Lua"};
  return {std::string(default_path), "Debian's default for " + std::string(display_name(version))};
}

bool looks_like_module_name(std::string_view argument) {
  return argument.find('/') == std::string_view::npos && !argument.ends_with(".so") &&
         argument.find(".so.") == std::string_view::npos && !argument.empty();
}

std::vector<std::string> entry_points_for(std::string_view module_name) {
  auto entry = [](std::string_view name) { return "luaopen_" + replace_all(std::string(name), '.', "_"); };
  std::size_t hyphen = module_name.find('-');
  if (hyphen == std::string_view::npos) return {entry(module_name)};
  return {entry(module_name.substr(0, hyphen)), entry(module_name.substr(hyphen + 1))};
}

// searchpath: the first template giving a readable file, the files tried appended to `tried`.
std::optional<std::filesystem::path> search_path(std::string_view name, std::string_view cpath,
                                                 std::vector<std::string> &tried) {
  std::string file_name = replace_all(std::string(name), '.', "/");
  while (!cpath.empty()) {
    std::size_t end = std::min(cpath.find(';'), cpath.size());
    std::string candidate = replace_all(std::string(cpath.substr(0, end)), '?', file_name);
    cpath.remove_prefix(std::min(end + 1, cpath.size()));
    if (candidate.empty()) continue;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error) && ::access(candidate.c_str(), R_OK) == 0) return candidate;
    tried.push_back(candidate);
  }
  return std::nullopt;
}

FoundModule find_module(std::string_view name, const ModuleSearchPath &search) {
  FoundModule found;
  if (auto path = search_path(name, search.cpath, found.tried)) {
    found.path = *path;
    return found;
  }
  // require's all-in-one searcher: "a.b.c" may be luaopen_a_b_c inside the library of "a".
  if (std::size_t dot = name.find('.'); dot != std::string_view::npos) {
    if (auto path = search_path(name.substr(0, dot), search.cpath, found.tried)) {
      found.path = *path;
      return found;
    }
  }
  std::string message = "module '" + std::string(name) + "' not found in the cpath (" + search.origin + "); tried:";
  for (const std::string &candidate : found.tried) message += "\n  " + candidate;
  throw Error(message + "\ngive the module's path instead, or the right path with --cpath");
}

}  // namespace luaembed::doctor
