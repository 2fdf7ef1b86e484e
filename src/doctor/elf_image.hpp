// An ELF file opened with libelf, after checks that turn every way a file can be wrong into
// a sentence: missing, a directory, empty, a script, truncated, another architecture...
// Only files the rest of the doctor can read safely get past the constructor.
#pragma once

#include <gelf.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor::detail {

struct Section {
  Elf_Scn *handle = nullptr;
  std::size_t index = 0;
  GElf_Shdr header{};
};

class ElfImage {
 public:
  explicit ElfImage(const std::filesystem::path &path);
  ~ElfImage();
  ElfImage(const ElfImage &) = delete;
  ElfImage &operator=(const ElfImage &) = delete;

  const std::filesystem::path &path() const { return path_; }
  std::string_view bytes() const { return bytes_; }   // the whole file
  const GElf_Ehdr &header() const { return header_; }

  std::vector<GElf_Phdr> program_headers() const;
  std::vector<Section> sections() const;
  const Section *find_section(std::vector<Section> const &all, GElf_Word type) const;
  std::string section_name(const Section &section) const;
  // The contents of a section, checked to lie inside the file.
  Elf_Data *data(const Section &section) const;
  // A string of a string table section; empty when the offset is out of it.
  std::string_view string_at(std::size_t table_index, std::size_t offset) const;

  // Throws Error: "<path> is truncated or corrupt: <what>".
  [[noreturn]] void corrupt(const std::string &what) const;

 private:
  void check_tables() const;

  std::filesystem::path path_;
  int descriptor_ = -1;
  Elf *elf_ = nullptr;
  GElf_Ehdr header_{};
  std::string_view bytes_;
};

}  // namespace luaembed::doctor::detail
