// What a file is when it is not what the doctor reads: a compiled program or shared object of
// the machine it runs on. The messages name the file, say what it is, and what to give instead.
#include "file_checks.hpp"

#include "machine.hpp"

#include <luaembed/doctor/error.hpp>

#include <elf.h>

#include <cstdio>
#include <string>

namespace luaembed::doctor::detail {

namespace {

// The ELF identity of the machine the doctor was built for (its architecture: machine.hpp): a
// module of another class or architecture can never load into a program of this one.
constexpr unsigned char native_class = sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32;
constexpr unsigned char native_byte_order =
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;

[[noreturn]] void fail(const std::filesystem::path &path, const std::string &what) {
  throw Error(path.string() + " " + what);
}

std::string bits(unsigned char elf_class) { return elf_class == ELFCLASS64 ? "64-bit" : "32-bit"; }

// The first line of a text file, cut short: enough to recognise it.
std::string first_line(std::string_view bytes) {
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  std::string shown(line.substr(0, 40));
  for (char &c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
  return shown + (line.size() > 40 ? "..." : "");
}

bool is_text(std::string_view bytes) {
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return false;
  }
  return true;
}

std::string hex_bytes(std::string_view bytes) {
  std::string text;
  for (std::size_t i = 0; i < bytes.size() && i < 4; ++i) {
    char byte[4];
    std::snprintf(byte, sizeof byte, "%02x", static_cast<unsigned char>(bytes[i]));
    text += (i ? " " : "") + std::string(byte);
  }
  return text;
}

[[noreturn]] void not_elf(const std::filesystem::path &path, std::string_view bytes) {
  if (bytes.starts_with("#!"))
    fail(path, "is a script (" + first_line(bytes) + "), not a compiled program: give the "
               "executable it runs (a libtool or launcher script wraps the real one)");
  if (bytes.starts_with("!<arch>\n"))
    fail(path, "is a static archive (.a), not a linked program or module: give the program "
               "linked from it, or the shared object (.so)");
  if (is_text(bytes))
    fail(path, "is a text file (\"" + first_line(bytes) + "\"), not an ELF program or module: "
               "give a compiled executable or shared object (.so)");
  fail(path, "is not an ELF file (it starts with bytes " + hex_bytes(bytes) + "): give a "
             "compiled executable or shared object (.so) of this machine");
}

// e_machine, read before libelf, in the file's own byte order.
unsigned raw_machine(std::string_view bytes) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
  if (bytes[EI_DATA] == ELFDATA2MSB) return byte(18) << 8 | byte(19);
  return byte(19) << 8 | byte(18);
}

}  // namespace

void check_regular_file(const std::filesystem::path &path) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status))
    fail(path, "does not exist: give the path of a program or module (a name such as cjson "
               "is looked up in the cpath only for modules)");
  if (std::filesystem::is_directory(status))
    fail(path, "is a directory, not a program or module: give the executable or .so file in it");
  if (!std::filesystem::is_regular_file(status))
    fail(path, "is not a regular file (a device, pipe or socket): give a program or module file");
  if (std::filesystem::file_size(path, error) == 0)
    fail(path, "is an empty file, not a program or module: was its build interrupted? Build it again");
}

void check_elf_identity(const std::filesystem::path &path, std::string_view bytes,
                        std::size_t file_size) {
  if (bytes.size() < SELFMAG || bytes.substr(0, SELFMAG) != std::string_view(ELFMAG, SELFMAG))
    not_elf(path, bytes);
  if (bytes.size() < 20)
    fail(path, "is truncated: it ends after " + std::to_string(file_size) +
                   " bytes, inside its ELF header; build or copy it again");
  auto elf_class = static_cast<unsigned char>(bytes[EI_CLASS]);
  auto byte_order = static_cast<unsigned char>(bytes[EI_DATA]);
  unsigned machine = raw_machine(bytes);
  if (elf_class != ELFCLASS32 && elf_class != ELFCLASS64)
    fail(path, "is corrupt: its ELF class byte is " + std::to_string(elf_class) + ", neither 32- nor 64-bit");
  if (elf_class != native_class)
    fail(path, "is a " + bits(elf_class) + " ELF file for " + machine_name(machine) + "; this "
               "doctor examines " + bits(native_class) + " " + std::string(native_machine.name) +
               " files, and a " + bits(elf_class) + " module never loads into a " +
               bits(native_class) + " program (nor the other way round)");
  if (byte_order != native_byte_order)
    fail(path, "is an ELF file of the other byte order (" + machine_name(machine) + "); it cannot "
               "load on this machine: examine it on the machine it was built for");
  if (machine != native_machine.elf_machine)
    fail(path, "is an ELF file for " + machine_name(machine) + ", not " +
                   std::string(native_machine.name) + ": it cannot load on this machine; examine it "
                   "with a luaembed-doctor built for " + machine_name(machine));
}

}  // namespace luaembed::doctor::detail
