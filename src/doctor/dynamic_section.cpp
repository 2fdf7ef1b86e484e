// How a file takes part in dynamic linking: the loader that starts it, the libraries it
// needs, where it asks them to be searched, and the name it is known by.
#include "readers.hpp"

#include <algorithm>

namespace luaembed::doctor::detail {

namespace {

std::vector<std::string> split_path(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    auto colon = text.find(':');
    if (colon != 0) parts.emplace_back(text.substr(0, colon));
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
  }
  return parts;
}

// The PT_INTERP string, bounded by its segment and by the file.
std::string interpreter_of(const ElfImage &image, const GElf_Phdr &header) {
  std::string_view bytes = image.bytes();
  if (header.p_offset >= bytes.size()) image.corrupt("its PT_INTERP segment lies beyond the end of the file");
  std::string_view text = bytes.substr(header.p_offset, header.p_filesz);
  return std::string(text.substr(0, text.find('\0')));
}

void read_program_headers(const ElfImage &image, BinaryFacts &facts) {
  for (const GElf_Phdr &header : image.program_headers()) {
    if (header.p_type == PT_INTERP) facts.interpreter = interpreter_of(image, header);
    if (header.p_type == PT_DYNAMIC) facts.has_dynamic_section = true;
  }
}

void read_dynamic_entries(const ElfImage &image, const Section &dynamic, BinaryFacts &facts,
                          bool &flagged_pie) {
  Elf_Data *data = image.data(dynamic);
  std::size_t count = dynamic.header.sh_entsize ? dynamic.header.sh_size / dynamic.header.sh_entsize : 0;
  std::size_t strings = dynamic.header.sh_link;
  for (std::size_t i = 0; i < count; ++i) {
    GElf_Dyn entry{};
    if (gelf_getdyn(data, static_cast<int>(i), &entry) == nullptr) break;
    if (entry.d_tag == DT_NULL) break;
    auto text = [&] { return image.string_at(strings, entry.d_un.d_val); };
    switch (entry.d_tag) {
      case DT_NEEDED: facts.needed.emplace_back(text()); break;
      case DT_SONAME: facts.soname = text(); break;
      case DT_RPATH: facts.rpath = split_path(text()); break;
      case DT_RUNPATH: facts.runpath = split_path(text()); break;
      case DT_FLAGS_1: flagged_pie = (entry.d_un.d_val & DF_1_PIE) != 0; break;
      default: break;
    }
  }
}

}  // namespace

void read_dynamic_section(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts) {
  read_program_headers(image, facts);
  bool flagged_pie = false;
  if (const Section *dynamic = image.find_section(sections, SHT_DYNAMIC))
    read_dynamic_entries(image, *dynamic, facts, flagged_pie);
  if (image.header().e_type == ET_EXEC)
    facts.type = ElfType::executable;
  else if (!facts.interpreter.empty() || flagged_pie)   // static-pie programs have no PT_INTERP
    facts.type = ElfType::position_independent_executable;
  else
    facts.type = ElfType::shared_object;
}

}  // namespace luaembed::doctor::detail
