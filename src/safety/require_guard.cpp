// require that explains itself, and refuses a second Lua core.
//
// The C searchers of package.searchers (package.loaders in Lua 5.1) are wrapped. Before a native module is loaded, its
// file is read (with the doctor's library): a module that links a Lua library or contains a
// Lua core of its own would put two interpreters in one process, which Lua 5.4 no longer
// detects — it is refused (or loaded with a warning, or allowed, as the host chooses). When
// loading fails, the error says what the module needs that this program lacks and what to do.
#include <luaembed/state.hpp>
#include <luaembed/std_types.hpp>

#include <luaembed/doctor/doctor.hpp>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <tuple>

namespace luaembed {

namespace {

doctor::LuaVersion running_lua() {
#if defined(LUAJIT_VERSION)
  return doctor::LuaVersion::luajit;
#elif LUA_VERSION_NUM == 501
  return doctor::LuaVersion::lua51;
#elif LUA_VERSION_NUM == 502
  return doctor::LuaVersion::lua52;
#elif LUA_VERSION_NUM == 503
  return doctor::LuaVersion::lua53;
#else
  return doctor::LuaVersion::lua54;
#endif
}

std::optional<doctor::ModuleReport> examine(const std::string &path) {
  try {
    const char *library_path = std::getenv("LD_LIBRARY_PATH");
    auto search = doctor::system_library_search(library_path ? std::optional<std::string>(library_path) : std::nullopt);
    return doctor::examine_module(path, search);
  } catch (...) {
    return std::nullopt;  // not a module the doctor can read: the loader will say why
  }
}

// Why loading the module would bring a second Lua core; empty when it would not.
std::string second_core_reason(const doctor::ModuleReport &module) {
  if (module.contained_core.found())
    return "it contains a Lua core of its own (" + module.contained_core.describe() + ")";
  for (const doctor::LinkedLua &linked : module.linked_lua) {
    // The same library already in the process (a host using shared Lua) is one core, not two.
    if (void *loaded = dlopen(linked.path.c_str(), RTLD_LAZY | RTLD_NOLOAD)) {
      dlclose(loaded);
      continue;
    }
    return "it links " + linked.needed_name + " (" + linked.path.string() + "), a Lua core of its own";
  }
  return {};
}

std::string loading_error(const std::string &name, const std::string &path) {
  return "error loading module '" + name + "' from file '" + path + "':\n\t";
}

void check_second_core(const std::string &name, const std::string &path, SecondLuaCore policy) {
  if (policy == SecondLuaCore::Allow) return;
  std::optional<doctor::ModuleReport> module = examine(path);
  if (!module) return;
  std::string reason = second_core_reason(*module);
  if (reason.empty()) return;
  if (policy == SecondLuaCore::Warn) {
    std::fprintf(stderr, "luaembed: warning: module '%s' (%s) brings a second Lua core into this program: %s\n",
                 name.c_str(), path.c_str(), reason.c_str());
    return;
  }
  raise(loading_error(name, path) + "refused: " + reason +
        ".\n\tTwo Lua cores in one process corrupt each other's memory. Rebuild the module so that it "
        "links no Lua\n\t(it must leave the Lua API undefined), or load it anyway with "
        "StateOptions::second_lua_core = SecondLuaCore::Warn.");
}

// What the doctor says about a module that failed to load in this process.
std::string explain_failure(const std::string &path) {
  std::optional<doctor::ModuleReport> module = examine(path);
  if (!module) return {};
  doctor::LuaVersion running = running_lua();
  if (!module->built_for.empty() && !module->built_for.contains(running)) {
    // LuaJIT runs the modules built for Lua 5.1.
    doctor::LuaVersion wanted = running == doctor::LuaVersion::luajit ? doctor::LuaVersion::lua51 : running;
    return "\n\tluaembed: the module was built for " + doctor::describe(module->built_for) + ", and this program runs " +
           std::string(doctor::display_name(running)) + ": use the module's " +
           std::string(doctor::display_name(wanted)) + " build (Debian installs it under /usr/lib/" +
           "x86_64-linux-gnu/lua/" + std::string(doctor::short_name(wanted)) + "/).";
  }
  std::vector<std::string> missing;
  for (const std::string &symbol : module->api_needed)
    if (dlsym(RTLD_DEFAULT, symbol.c_str()) == nullptr) missing.push_back(symbol);
  if (missing.empty()) return {};
  std::string names;
  for (std::size_t i = 0; i < missing.size() && i < 5; ++i) names += (i ? ", " : "") + missing[i];
  if (missing.size() > 5) names += " and " + std::to_string(missing.size() - 5) + " more";
  return "\n\tluaembed: this program does not provide " + std::to_string(missing.size()) +
         " Lua API function(s) the module needs (" + names +
         "): link it with luaembed::luaembed, which links Lua whole and exports its C API "
         "(luaembed-doctor <program> <module> tells more).";
}

// The file the C searcher would load for name (the root of a dotted name for the all-in-one
// searcher), or nothing: the first readable one of package.cpath's templates, with the name's
// dots as directory separators, as package.searchpath finds it (Lua 5.1 has no searchpath).
std::optional<std::string> module_file(StateView state, const std::string &name, bool root_only) {
  std::string searched = name.substr(0, root_only ? name.find('.') : std::string::npos);
  if (root_only && searched == name) return std::nullopt;  // that searcher skips plain names
  for (char &c : searched)
    if (c == '.') c = LUA_DIRSEP[0];
  std::string cpath = state["package"]["cpath"];
  for (std::size_t start = 0; start <= cpath.size();) {
    std::size_t end = std::min(cpath.find(';', start), cpath.size());
    std::string path = cpath.substr(start, end - start);
    for (std::size_t mark = path.find('?'); mark != std::string::npos; mark = path.find('?', mark + searched.size()))
      path.replace(mark, 1, searched);
    if (!path.empty() && access(path.c_str(), R_OK) == 0) return path;
    start = end + 1;
  }
  return std::nullopt;
}

void wrap_searcher(StateView state, const Table &searchers, int position, SecondLuaCore policy) {
  Function original = searchers.raw_get<Function>(position);
  bool root_only = position == 4;
  searchers.raw_set(position, [state, original, policy, root_only](std::string name) {
    std::optional<std::string> path = module_file(state, name, root_only);
    if (path) check_second_core(name, *path, policy);
    try {
      return original.call<std::tuple<Value, Value>>(name);
    } catch (const RuntimeError &error) {
      if (!path) throw;
      raise(error.message() + explain_failure(*path));
    }
  });
}

}  // namespace

bool StateView::guard_native_modules(SecondLuaCore policy) const {
  Value package = (*this)["package"];
  if (package.type() != Type::Table) return false;  // no package library: no native modules
  Table searchers = package.get<Table>()[compat::package_searchers];
  if (searchers.raw_length() < 4) return false;
  wrap_searcher(*this, searchers, 3, policy);
  wrap_searcher(*this, searchers, 4, policy);
  return true;
}

}  // namespace luaembed
