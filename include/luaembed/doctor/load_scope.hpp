// The shared libraries the dynamic loader loads with an object, found the way it finds them:
// DT_RPATH, LD_LIBRARY_PATH, DT_RUNPATH, then the system's directories.
//
// A module's undefined symbols are resolved in the program's global scope (the executable and
// every library loaded at its start, breadth first) and then in the module's own dependencies.
#pragma once

#include <luaembed/doctor/binary.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

struct LibrarySearch {
  std::vector<std::string> library_path;               // LD_LIBRARY_PATH, in order
  std::vector<std::filesystem::path> system_directories;  // what ld.so.cache and the defaults give
};

// The search of this machine: the directories of the multiarch triplet and the classic ones.
// ld_library_path is the value of LD_LIBRARY_PATH the host runs with, if any.
LibrarySearch system_library_search(std::optional<std::string> ld_library_path = std::nullopt);

struct LoadedLibrary {
  std::string needed_name;        // as DT_NEEDED names it
  std::filesystem::path path;     // where it was found
  BinaryFacts facts;
};

struct LoadScope {
  std::vector<LoadedLibrary> libraries;   // breadth first, each once
  std::vector<std::string> not_found;     // DT_NEEDED names no directory holds

  // The library defining the symbol for others, first in load order; null when none does.
  const LoadedLibrary *exporter_of(std::string_view symbol) const;
  bool holds(const std::filesystem::path &path, std::string_view needed_name) const;
};

// The libraries loaded with root, recursively. Libraries already in `loaded` (the program's
// scope when root is a module) are not loaded twice and are not part of the result. The
// executable, when given, lends its DT_RPATH to the search as the loader does.
LoadScope load_dependencies(const BinaryFacts &root, const LibrarySearch &search,
                            const BinaryFacts *executable = nullptr,
                            const LoadScope *loaded = nullptr);

// Where the loader finds one DT_NEEDED name of requester; empty when nowhere.
std::optional<std::filesystem::path> find_library(std::string_view needed_name,
                                                  const BinaryFacts &requester,
                                                  const LibrarySearch &search,
                                                  const BinaryFacts *executable = nullptr);

}  // namespace luaembed::doctor
