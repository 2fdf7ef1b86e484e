// What one ELF file tells about linking: its kind, the libraries it needs, the symbols it
// defines for others and the ones it expects from them, and the Lua strings compiled into it.
//
// These are facts read from the file, without judgement; lua_core.hpp, host.hpp and module.hpp
// interpret them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

enum class ElfType { executable, position_independent_executable, shared_object };

struct BinaryFacts {
  std::filesystem::path path;
  ElfType type = ElfType::executable;
  std::string interpreter;    // PT_INTERP, the dynamic loader; empty for a static program or a library
  bool has_dynamic_section = false;  // PT_DYNAMIC: the file takes part in dynamic linking
  bool has_section_headers = false;
  std::string soname;                // DT_SONAME
  std::vector<std::string> needed;   // DT_NEEDED, in the file's order
  std::vector<std::string> rpath;    // DT_RPATH, split at ':' ($ORIGIN not expanded)
  std::vector<std::string> runpath;  // DT_RUNPATH, likewise

  // The dynamic symbol table. exports: defined symbols other objects can bind to, sorted.
  // required_imports: undefined symbols with global binding, in the order the dynamic loader
  // meets them in the relocations (so the first one it cannot resolve is the one it reports).
  // weak_imports: undefined weak symbols, which may stay unresolved. Versions are not kept.
  std::vector<std::string> exports;
  std::vector<std::string> required_imports;
  std::vector<std::string> weak_imports;

  // The full symbol table (.symtab), absent from stripped files: every symbol the file defines,
  // sorted, whether exported or not.
  bool has_symbol_table = false;
  std::vector<std::string> defined_symbols;

  // Strings compiled into the file: Lua's version ("Lua 5.4.4", "LuaJIT 2.1.0-beta3", from
  // lua_ident or LuaJIT's version string) and package.cpath defaults ("/usr/local/lib/lua/...").
  std::vector<std::string> lua_releases;
  std::vector<std::string> cpath_defaults;

  // Whether the toolchain left its mark: Rust's runtime, Go's build information.
  bool built_with_rust = false;
  bool built_with_go = false;

  bool exports_symbol(std::string_view name) const;
  // Exported, or defined in the symbol table without being exported.
  bool defines_symbol(std::string_view name) const;
};

// Reads a host program or a module. Throws Error when the file cannot be read or is not an
// ELF program or shared object of this machine, saying which and what to give instead.
BinaryFacts read_binary(const std::filesystem::path &path);

}  // namespace luaembed::doctor
