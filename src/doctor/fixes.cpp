// The fixes: what to write in the build of the host or of the module. Each names the real
// files (the archive, the headers, the list) of the Lua version at hand.
#include <luaembed/doctor/fixes.hpp>

#include "machine.hpp"

#include <luaembed/doctor/api_catalog.hpp>

#include <algorithm>

namespace luaembed::doctor {

namespace {

constexpr std::string_view rust_target =
    detail::native_machine.rust_target.empty() ? "<target triple>" : detail::native_machine.rust_target;

// What a fix for version v refers to.
struct ExportNames {
  std::string version;     // "5.4"
  std::string list;        // "lua54.dynlist"
  std::string archive;     // "/usr/lib/x86_64-linux-gnu/liblua5.4.a"
  std::string headers;     // "/usr/include/lua5.4"
  std::string library;     // "lua5.4", as -l and cargo name it
  bool link_whole = true;  // some missing functions are not in the program at all
};

ExportNames export_names(const HostReport &host) {
  LuaVersion version = *host.version;
  ExportNames names{std::string(short_name(version)), dynamic_list_file_name(version),
                    std::string(catalog_archive(version)), std::string(catalog_include_dir(version)),
                    std::filesystem::path(catalog_archive(version)).stem().string().substr(3), true};
  // With a symbol table the doctor can tell: if every missing function is linked in, only
  // the export is missing. Without one (stripped), both parts of the fix are given.
  names.link_whole = !host.binary.has_symbol_table || host.missing_but_linked.size() < host.api_missing.size();
  return names;
}

Fix cmake_fix(const ExportNames &names) {
  if (names.version == "5.4")
    return {"fix (CMake)",
            {"target_link_libraries(<app> PRIVATE luaembed::luaembed)   # Lua 5.4 linked whole, its API exported",
             "or, for a Lua linked another way (link it whole): luaembed_export_lua_api(<app>)"}};
  return {"fix (CMake)",
          {"luaembed_export_lua_api(<app> INCLUDE_DIR " + names.headers + " ARCHIVE " + names.archive + ")",
           "target_link_libraries(<app> PRIVATE \"$<LINK_LIBRARY:WHOLE_ARCHIVE," + names.archive + ">\")"}};
}

Fix make_fix(const ExportNames &names) {
  std::string whole = "-Wl,--whole-archive " + names.archive + " -Wl,--no-whole-archive ";
  return {"fix (Make/ld)", {"link with: " + (names.link_whole ? whole : "") + "-Wl,--dynamic-list=" + names.list}};
}

Fix cargo_fix(const ExportNames &names) {
  Fix fix{"fix (Cargo)",
          {"in .cargo/config.toml, with the list's absolute path:",
           "[target." + std::string(rust_target) + "]",
           "rustflags = [\"-C\", \"link-arg=-Wl,--dynamic-list=/path/to/" + names.list + "\"]"}};
  if (names.link_whole)
    fix.lines.push_back("and link Lua whole, in build.rs: println!(\"cargo:rustc-link-lib=static:+whole-archive=" +
                        names.library + "\");");
  return fix;
}

Fix meson_fix(const ExportNames &names) {
  std::string whole = "'-Wl,--whole-archive', '" + names.archive + "', '-Wl,--no-whole-archive', ";
  return {"fix (Meson)",
          {"executable(..., link_args: [" + (names.link_whole ? whole : "") + "'-Wl,--dynamic-list=' + (meson.current_source_dir() / '" +
           names.list + "')])"}};
}

Fix write_list_fix(const ExportNames &names) {
  return {"write " + names.list, {"luaembed-doctor --dynamic-list " + names.version + " > " + names.list}};
}

// The same module built for the host's Lua, where Debian installs it ("/lua/5.1/" to "/lua/5.4/").
std::optional<std::filesystem::path> module_for(const ModuleReport &module, LuaVersion version) {
  std::string path = std::filesystem::absolute(module.binary.path).lexically_normal().string();
  std::string wanted = "/lua/" + std::string(version == LuaVersion::luajit ? "5.1" : short_name(version)) + "/";
  for (LuaVersion other : all_lua_versions) {
    std::string directory = "/lua/" + std::string(other == LuaVersion::luajit ? "5.1" : short_name(other)) + "/";
    if (auto at = path.find(directory); at != std::string::npos) {
      std::filesystem::path sibling = path.replace(at, directory.size(), wanted);
      std::error_code error;
      if (std::filesystem::exists(sibling, error)) return sibling;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

Fix version_fix(const HostReport &host, const ModuleReport &module) {
  LuaVersion version = *host.version;
  std::string lua(display_name(version));
  if (auto sibling = module_for(module, version)) return {"fix (the module)", {"use the one built for " + lua + ": " + sibling->string()}};
  return {"fix (the module)",
          {"rebuild it against " + lua + "'s headers (" + std::string(catalog_include_dir(version)) + "), e.g. luarocks --lua-version " +
           std::string(version == LuaVersion::luajit ? "5.1" : short_name(version)) + " install <rock>"}};
}

Fix unlink_core_fix(const ModuleReport &module) {
  std::string what = module.contained_core.found() ? "the Lua archive (liblua*.a) or Lua's sources"
                                                   : module.linked_lua.front().needed_name + " (-llua...)";
  return {"fix (the module)",
          {"build it without Lua: take " + what + " out of its link and leave the lua_* symbols undefined,",
           "as Debian's modules do; the host's Lua provides them when the module is loaded"}};
}

// The missing symbols the host's Lua has in its API (an export fixes them), those that look
// like Lua API but are not in it (the module is built for another Lua), and the others.
struct MissingKinds {
  std::vector<std::string> in_host_api, other_lua, foreign;
};

MissingKinds sort_missing(const HostReport &host, const std::vector<std::string> &symbols) {
  MissingKinds kinds;
  for (const std::string &name : symbols) {
    if (host.version && in_lua_api(*host.version, name)) kinds.in_host_api.push_back(name);
    else if (looks_like_lua_api(name)) kinds.other_lua.push_back(name);
    else kinds.foreign.push_back(name);
  }
  return kinds;
}

Fix other_lua_fix(const HostReport &host, const std::string &name) {
  if (!host.version) return {"fix (the module)", {"it calls " + name + ", which the host's Lua does not define"}};
  LuaVersion version = *host.version;
  return {"fix (the module)", {"it calls " + name + ", which " + std::string(display_name(version)) +
                               " does not have: rebuild it against " + std::string(catalog_include_dir(version))}};
}

void append(std::vector<Fix> &fixes, std::vector<Fix> more) {
  fixes.insert(fixes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

std::optional<BuildSystem> parse_build_system(std::string_view text) {
  for (BuildSystem system : all_build_systems)
    if (text == short_name(system)) return system;
  return std::nullopt;
}

std::string_view short_name(BuildSystem system) {
  switch (system) {
    case BuildSystem::cmake: return "cmake";
    case BuildSystem::make: return "make";
    case BuildSystem::cargo: return "cargo";
    case BuildSystem::meson: return "meson";
  }
  return "?";
}

std::string_view display_name(BuildSystem system) {
  switch (system) {
    case BuildSystem::cmake: return "CMake";
    case BuildSystem::make: return "Make/ld";
    case BuildSystem::cargo: return "Cargo";
    case BuildSystem::meson: return "Meson";
  }
  return "?";
}

std::vector<BuildSystem> likely_build_systems(const HostReport &host) {
  if (host.binary.built_with_rust) return {BuildSystem::cargo};
  return {std::begin(all_build_systems), std::end(all_build_systems)};
}

std::vector<Fix> export_fixes(const HostReport &host, std::span<const BuildSystem> systems) {
  if (!host.version || host.linkage != LuaLinkage::linked_statically) return {};
  ExportNames names = export_names(host);
  std::vector<Fix> fixes;
  for (BuildSystem system : systems) {
    switch (system) {
      case BuildSystem::cmake: fixes.push_back(cmake_fix(names)); break;
      case BuildSystem::make: fixes.push_back(make_fix(names)); break;
      case BuildSystem::cargo: fixes.push_back(cargo_fix(names)); break;
      case BuildSystem::meson: fixes.push_back(meson_fix(names)); break;
    }
  }
  if (std::ranges::any_of(systems, [](BuildSystem system) { return system != BuildSystem::cmake; }))
    fixes.push_back(write_list_fix(names));
  return fixes;
}

std::vector<Fix> fixes_for(const HostReport &host, const ModuleReport *module, const Verdict &verdict,
                           std::span<const BuildSystem> systems) {
  std::vector<Fix> fixes;
  if (!host.dynamically_linked)
    fixes.push_back({"fix (the host)", {"link it dynamically: drop -static (Rust: remove -C target-feature=+crt-static),",
                                        "then export its Lua API as below"}});
  else if (!host.core.found())
    fixes.push_back({"fix (the host)", {"no Lua was found in it: give the program that embeds Lua"}});
  if (module && verdict.kind == VerdictKind::version_mismatch && host.version) fixes.push_back(version_fix(host, *module));
  if (module && verdict.kind == VerdictKind::second_lua_core) fixes.push_back(unlink_core_fix(*module));
  if (!verdict.missing_libraries.empty())
    fixes.push_back({"fix (the module)", {"install " + verdict.missing_libraries.front() +
                                          ", or add its directory to the module's RUNPATH or to LD_LIBRARY_PATH"}});
  MissingKinds missing = sort_missing(host, verdict.missing_symbols);
  bool mismatch = verdict.kind == VerdictKind::version_mismatch;
  if (!missing.other_lua.empty() && !mismatch) fixes.push_back(other_lua_fix(host, missing.other_lua.front()));
  if (!missing.foreign.empty() && verdict.missing_libraries.empty())
    fixes.push_back({"fix (the module)", {"link it with the library defining " + missing.foreign.front() +
                                          ": neither the host nor the module's libraries do"}});
  // The host must export its API when the module misses some of it, and before a module
  // rebuilt without its own Lua can load.
  if ((verdict.kind == VerdictKind::fails && !missing.in_host_api.empty()) ||
      (verdict.kind == VerdictKind::second_lua_core && !host.exports_whole_api()))
    append(fixes, export_fixes(host, systems));
  return fixes;
}

}  // namespace luaembed::doctor
