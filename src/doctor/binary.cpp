// read_binary: one pass over an ELF file, filling BinaryFacts.
#include <luaembed/doctor/binary.hpp>

#include "elf_image.hpp"
#include "readers.hpp"

#include <algorithm>

namespace luaembed::doctor {

bool BinaryFacts::exports_symbol(std::string_view name) const {
  return std::ranges::binary_search(exports, name, std::less<>());
}

bool BinaryFacts::defines_symbol(std::string_view name) const {
  return exports_symbol(name) || std::ranges::binary_search(defined_symbols, name, std::less<>());
}

BinaryFacts read_binary(const std::filesystem::path &path) {
  detail::ElfImage image(path);
  std::vector<detail::Section> sections = image.sections();
  BinaryFacts facts;
  facts.path = path;
  facts.has_section_headers = !sections.empty();
  detail::read_dynamic_section(image, sections, facts);
  detail::read_symbol_tables(image, sections, facts);
  detail::read_embedded_strings(image.bytes(), facts);
  facts.built_with_rust = facts.built_with_rust || facts.defines_symbol("rust_eh_personality");
  return facts;
}

}  // namespace luaembed::doctor
