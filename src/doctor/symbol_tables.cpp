// The symbols a file offers others and the ones it expects from them (.dynsym), and every
// symbol it defines (.symtab, when not stripped).
#include "readers.hpp"

#include <algorithm>
#include <unordered_set>

namespace luaembed::doctor::detail {

namespace {

struct SymbolTable {
  const Section *section = nullptr;
  Elf_Data *data = nullptr;
  std::size_t count = 0;
};

SymbolTable open_table(const ElfImage &image, const Section *section) {
  SymbolTable table;
  if (section == nullptr || section->header.sh_entsize == 0) return table;
  table.section = section;
  table.data = image.data(*section);
  table.count = section->header.sh_size / section->header.sh_entsize;
  return table;
}

bool symbol_at(const SymbolTable &table, std::size_t index, GElf_Sym &symbol) {
  return index < table.count && gelf_getsym(table.data, static_cast<int>(index), &symbol) != nullptr;
}

bool binds_globally(const GElf_Sym &symbol) {
  int binding = GELF_ST_BIND(symbol.st_info);
  return binding == STB_GLOBAL || binding == STB_WEAK || binding == STB_GNU_UNIQUE;
}

// Other objects can bind to a defined symbol of default or protected visibility.
bool exported(const GElf_Sym &symbol) {
  int visibility = GELF_ST_VISIBILITY(symbol.st_other);
  return symbol.st_shndx != SHN_UNDEF && binds_globally(symbol) &&
         (visibility == STV_DEFAULT || visibility == STV_PROTECTED);
}

void sort_unique(std::vector<std::string> &names) {
  std::ranges::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

// The order in which the dynamic loader meets the required imports: relocation sections
// bound to .dynsym, in file order (.rela.dyn before .rela.plt, as DT_RELA before DT_JMPREL).
// With RTLD_NOW, the first import it cannot resolve is the one its error names.
std::vector<std::string> imports_in_relocation_order(const ElfImage &image, const std::vector<Section> &sections,
                                                     const SymbolTable &dynsym) {
  std::vector<std::string> order;
  std::unordered_set<std::size_t> seen;
  for (const Section &section : sections) {
    GElf_Word type = section.header.sh_type;
    if ((type != SHT_RELA && type != SHT_REL) || section.header.sh_link != dynsym.section->index) continue;
    if (section.header.sh_entsize == 0) continue;
    Elf_Data *data = image.data(section);
    std::size_t count = section.header.sh_size / section.header.sh_entsize;
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Rela rela{};
      GElf_Rel rel{};
      std::size_t index = 0;
      if (type == SHT_RELA && gelf_getrela(data, static_cast<int>(i), &rela)) index = GELF_R_SYM(rela.r_info);
      if (type == SHT_REL && gelf_getrel(data, static_cast<int>(i), &rel)) index = GELF_R_SYM(rel.r_info);
      GElf_Sym symbol{};
      if (index == 0 || !symbol_at(dynsym, index, symbol) || !seen.insert(index).second) continue;
      if (symbol.st_shndx == SHN_UNDEF && GELF_ST_BIND(symbol.st_info) == STB_GLOBAL)
        order.emplace_back(image.string_at(dynsym.section->header.sh_link, symbol.st_name));
    }
  }
  return order;
}

void read_dynamic_symbols(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts) {
  SymbolTable dynsym = open_table(image, image.find_section(sections, SHT_DYNSYM));
  std::vector<std::string> required;
  for (std::size_t i = 1; i < dynsym.count; ++i) {
    GElf_Sym symbol{};
    if (!symbol_at(dynsym, i, symbol)) break;
    std::string name(image.string_at(dynsym.section->header.sh_link, symbol.st_name));
    if (name.empty()) continue;
    if (exported(symbol)) facts.exports.push_back(name);
    else if (symbol.st_shndx == SHN_UNDEF && GELF_ST_BIND(symbol.st_info) == STB_WEAK) facts.weak_imports.push_back(name);
    else if (symbol.st_shndx == SHN_UNDEF && GELF_ST_BIND(symbol.st_info) == STB_GLOBAL) required.push_back(name);
  }
  sort_unique(facts.exports);
  sort_unique(facts.weak_imports);
  sort_unique(required);
  if (dynsym.section == nullptr) return;
  // Relocation order first, then any import no relocation names, in name order.
  facts.required_imports = imports_in_relocation_order(image, sections, dynsym);
  std::vector<std::string> ordered = facts.required_imports;
  sort_unique(ordered);
  for (const std::string &name : required)
    if (!std::ranges::binary_search(ordered, name)) facts.required_imports.push_back(name);
}

// Locals too: a linker told to hide the Lua API (a version script's "local: *") makes it local.
void read_full_symbols(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts) {
  SymbolTable symtab = open_table(image, image.find_section(sections, SHT_SYMTAB));
  facts.has_symbol_table = symtab.section != nullptr;
  for (std::size_t i = 1; i < symtab.count; ++i) {
    GElf_Sym symbol{};
    if (!symbol_at(symtab, i, symbol)) break;
    int type = GELF_ST_TYPE(symbol.st_info);
    if (symbol.st_shndx == SHN_UNDEF || type == STT_SECTION || type == STT_FILE) continue;
    std::string_view name = image.string_at(symtab.section->header.sh_link, symbol.st_name);
    if (!name.empty()) facts.defined_symbols.emplace_back(name);
  }
  sort_unique(facts.defined_symbols);
}

}  // namespace

void read_symbol_tables(const ElfImage &image, const std::vector<Section> &sections, BinaryFacts &facts) {
  read_dynamic_symbols(image, sections, facts);
  read_full_symbols(image, sections, facts);
}

}  // namespace luaembed::doctor::detail
