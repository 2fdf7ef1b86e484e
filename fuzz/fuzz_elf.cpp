// fuzz_elf: the doctor reading arbitrary bytes as an ELF file, as the host program and as a
// module, then judging the pair and writing the fixes. The doctor reads files (libelf maps
// them), so the input is written to a file of its own first. A file it cannot read must give
// a doctor::Error with a sentence; anything else (a crash, another exception, a sanitizer
// report) is a finding.
//
// The library search is empty: dependencies are found only through paths the file itself
// names (DT_NEEDED with a slash, $ORIGIN in DT_RPATH and DT_RUNPATH), which keeps runs
// independent of the machine. $ORIGIN is a directory that holds nothing but the input.
#include <luaembed/doctor/doctor.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace {

namespace doctor = luaembed::doctor;

std::filesystem::path directory;

void remove_directory() {
  std::error_code ignored;
  std::filesystem::remove_all(directory, ignored);
}

// The file every input is written to, in a private directory removed at exit. In memory when
// the machine has /dev/shm: rewriting a file thousands of times a second on a disk file system
// can wait for the disk (ext4 flushes a file truncated and rewritten, at each close).
const std::filesystem::path &input_path() {
  static const std::filesystem::path path = [] {
    std::error_code error;
    std::filesystem::path base = std::filesystem::is_directory("/dev/shm", error)
                                     ? std::filesystem::path("/dev/shm")
                                     : std::filesystem::temp_directory_path();
    std::string pattern = (base / "luaembed-fuzz-elf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    directory = pattern;
    std::atexit(remove_directory);
    return directory / "input.so";
  }();
  return path;
}

void write_input(const std::uint8_t *data, std::size_t size) {
  int file = ::open(input_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (file < 0) std::abort();
  while (size > 0) {
    ssize_t written = ::write(file, data, size);
    if (written <= 0) std::abort();
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  ::close(file);
}

template <class Examine>
auto examine(Examine &&examine) -> std::optional<decltype(examine())> {
  try {
    return examine();
  } catch (const doctor::Error &) {   // the file is not one the doctor reads: expected
    return std::nullopt;
  }
}

// Everything the doctor says about a host, a module and the pair, as luaembed-doctor says it.
void judge_everything(const doctor::HostReport *host, const doctor::ModuleReport *module) {
  if (module) {
    (void)module->describe_built_for();
    (void)module->brings_lua_core();
  }
  if (host) {
    (void)doctor::judge_host(*host);
    (void)doctor::export_fixes(*host, doctor::all_build_systems);
    (void)doctor::likely_build_systems(*host);
    (void)host->core.describe();
  }
  if (host && module) {
    doctor::Verdict verdict = doctor::judge(*host, *module);
    (void)doctor::verdict_name(verdict.kind);
    (void)doctor::judge_require(*host, *module, "input");
    (void)doctor::fixes_for(*host, module, verdict, doctor::all_build_systems);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  write_input(data, size);
  const std::filesystem::path &path = input_path();
  const doctor::LibrarySearch search{};
  auto facts = examine([&] { return doctor::read_binary(path); });
  if (facts) (void)doctor::find_lua_core(*facts);
  auto module = examine([&] { return doctor::examine_module(path, search); });
  auto host = examine([&] { return doctor::examine_host(path, search); });
  judge_everything(host ? &*host : nullptr, module ? &*module : nullptr);
  return 0;
}
