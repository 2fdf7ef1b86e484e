// The readers that fill BinaryFacts from an opened ELF file, one table each.
#pragma once

#include "elf_image.hpp"

#include <luaembed/doctor/binary.hpp>

#include <vector>

namespace luaembed::doctor::detail {

// PT_INTERP, PT_DYNAMIC, the file's type, and the dynamic section's entries.
void read_dynamic_section(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts);

// .dynsym (exports and imports, imports in relocation order) and .symtab (definitions).
void read_symbol_tables(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts);

// Lua's version strings, package.cpath defaults, and the marks of Rust and Go.
void read_embedded_strings(std::string_view bytes, BinaryFacts &facts);

}  // namespace luaembed::doctor::detail
