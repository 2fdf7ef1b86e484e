// Finding shared libraries as the dynamic loader does (ld.so(8)): for each DT_NEEDED name,
//   1. DT_RPATH of the object that needs it, when it has no DT_RUNPATH, then the executable's
//   2. LD_LIBRARY_PATH
//   3. DT_RUNPATH of the object that needs it
//   4. the system's directories (/etc/ld.so.conf, then the defaults)
// skipping files of another class or architecture, as the loader does.
#include <luaembed/doctor/load_scope.hpp>

#include "machine.hpp"

#include <luaembed/doctor/error.hpp>

#include <algorithm>
#include <deque>
#include <fstream>

namespace luaembed::doctor {

namespace {

constexpr std::string_view multiarch = detail::native_machine.multiarch;  // empty: not known

constexpr std::size_t most_libraries = 512;   // a bound against dependency cycles gone wrong

std::vector<std::string> split(std::string_view text, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The directories of /etc/ld.so.conf, following its "include <dir>/*.conf" lines.
void read_ld_so_conf(const std::filesystem::path &file, std::vector<std::filesystem::path> &directories, int depth) {
  std::ifstream input(file);
  std::string line;
  while (depth < 4 && std::getline(input, line)) {
    line = line.substr(0, line.find('#'));
    std::vector<std::string> words = split(line, " \t");
    if (words.empty()) continue;
    if (words[0] != "include") {
      directories.emplace_back(words[0]);
      continue;
    }
    for (std::size_t i = 1; i < words.size(); ++i) {
      std::filesystem::path pattern(words[i]);
      std::error_code error;
      std::vector<std::filesystem::path> included;
      for (const auto &entry : std::filesystem::directory_iterator(pattern.parent_path(), error))
        if (entry.path().extension() == pattern.extension()) included.push_back(entry.path());
      std::ranges::sort(included);
      for (const auto &path : included) read_ld_so_conf(path, directories, depth + 1);
    }
  }
}

std::string expand_origin(std::string directory, const BinaryFacts &requester) {
  std::error_code error;
  std::string origin = std::filesystem::weakly_canonical(requester.path, error).parent_path().string();
  for (std::string_view token : {"${ORIGIN}", "$ORIGIN"}) {
    for (std::size_t at = directory.find(token); at != std::string::npos; at = directory.find(token, at + origin.size()))
      directory.replace(at, token.size(), origin);
  }
  return directory;
}

std::vector<std::string> directories_for(const BinaryFacts &requester, const LibrarySearch &search,
                                         const BinaryFacts *executable) {
  std::vector<std::string> directories;
  auto add = [&](const std::vector<std::string> &list, const BinaryFacts &owner) {
    for (const std::string &directory : list) directories.push_back(expand_origin(directory, owner));
  };
  if (requester.runpath.empty()) {
    add(requester.rpath, requester);
    if (executable && executable != &requester && executable->runpath.empty()) add(executable->rpath, *executable);
  }
  directories.insert(directories.end(), search.library_path.begin(), search.library_path.end());
  add(requester.runpath, requester);
  for (const auto &directory : search.system_directories) directories.push_back(directory.string());
  return directories;
}

// The first candidate that is an ELF file of this machine, read; empty when none is.
std::optional<LoadedLibrary> find_and_read(std::string_view name, const BinaryFacts &requester,
                                           const LibrarySearch &search, const BinaryFacts *executable) {
  std::vector<std::string> candidates;
  if (name.find('/') != std::string_view::npos) candidates.emplace_back(name);
  else
    for (const std::string &directory : directories_for(requester, search, executable))
      candidates.push_back((std::filesystem::path(directory) / name).lexically_normal().string());
  for (const std::string &candidate : candidates) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(candidate, error)) continue;
    try {
      return LoadedLibrary{std::string(name), candidate, read_binary(candidate)};
    } catch (const Error &) {
      continue;   // another architecture, or not a library: the loader skips it too
    }
  }
  return std::nullopt;
}

bool same_file(const std::filesystem::path &a, const std::filesystem::path &b) {
  std::error_code error;
  return std::filesystem::equivalent(a, b, error);
}

}  // namespace

LibrarySearch system_library_search(std::optional<std::string> ld_library_path) {
  LibrarySearch search;
  if (ld_library_path) search.library_path = split(*ld_library_path, ":;");
  read_ld_so_conf("/etc/ld.so.conf", search.system_directories, 0);
  std::vector<std::string> defaults;
  if (!multiarch.empty())
    defaults = {"/lib/" + std::string(multiarch), "/usr/lib/" + std::string(multiarch)};
  for (const char *directory : {"/lib", "/usr/lib", "/lib64", "/usr/lib64"}) defaults.emplace_back(directory);
  for (const std::string &directory : defaults) search.system_directories.emplace_back(directory);
  return search;
}

const LoadedLibrary *LoadScope::exporter_of(std::string_view symbol) const {
  for (const LoadedLibrary &library : libraries)
    if (library.facts.exports_symbol(symbol)) return &library;
  return nullptr;
}

bool LoadScope::holds(const std::filesystem::path &path, std::string_view needed_name) const {
  return std::ranges::any_of(libraries, [&](const LoadedLibrary &library) {
    return library.needed_name == needed_name || library.facts.soname == needed_name ||
           same_file(library.path, path);
  });
}

std::optional<std::filesystem::path> find_library(std::string_view needed_name, const BinaryFacts &requester,
                                                  const LibrarySearch &search, const BinaryFacts *executable) {
  auto found = find_and_read(needed_name, requester, search, executable);
  return found ? std::optional(found->path) : std::nullopt;
}

// Breadth first, as the loader builds the search list. A name already loaded, by its
// DT_NEEDED name or its DT_SONAME, is not loaded again.
LoadScope load_dependencies(const BinaryFacts &root, const LibrarySearch &search,
                            const BinaryFacts *executable, const LoadScope *loaded) {
  LoadScope scope;
  std::deque<std::pair<std::string, std::size_t>> queue;   // name, index of the requester (npos: root)
  for (const std::string &name : root.needed) queue.emplace_back(name, std::string::npos);
  while (!queue.empty() && scope.libraries.size() < most_libraries) {
    std::string name = queue.front().first;
    std::size_t requester_index = queue.front().second;
    queue.pop_front();
    auto known = [&](const LoadedLibrary &library) { return library.needed_name == name || library.facts.soname == name; };
    if (name == root.soname || std::ranges::any_of(scope.libraries, known)) continue;
    if (loaded && std::ranges::any_of(loaded->libraries, known)) continue;
    if (std::ranges::find(scope.not_found, name) != scope.not_found.end()) continue;
    const BinaryFacts &requester = requester_index == std::string::npos ? root : scope.libraries[requester_index].facts;
    auto library = find_and_read(name, requester, search, executable);
    if (!library) {
      scope.not_found.push_back(name);
      continue;
    }
    if (loaded && loaded->holds(library->path, name)) continue;
    scope.libraries.push_back(std::move(*library));
    for (const std::string &next : scope.libraries.back().facts.needed)
      queue.emplace_back(next, scope.libraries.size() - 1);
  }
  return scope;
}

}  // namespace luaembed::doctor
