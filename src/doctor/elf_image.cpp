// Opening an ELF file with libelf, after checking that it is one the doctor can read, and
// reading its tables only where they lie inside the file: a corrupt file gets a sentence,
// never a crash.
#include "elf_image.hpp"

#include "file_checks.hpp"

#include <luaembed/doctor/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace luaembed::doctor::detail {

namespace {

std::string libelf_message() {
  const char *message = elf_errmsg(-1);
  return message ? message : "unknown libelf error";
}

std::string_view type_problem(GElf_Half type) {
  switch (type) {
    case ET_EXEC:
    case ET_DYN: return {};
    case ET_REL: return "is an object file (.o), not yet linked: give the program or shared object linked from it";
    case ET_CORE: return "is a core dump, not a program: give the program that dumped it";
    default: return "is an ELF file of an unknown type, neither a program nor a shared object";
  }
}

// Whether [offset, offset + count * entry_size) lies inside a file of the given size.
bool inside(std::uint64_t offset, std::uint64_t count, std::uint64_t entry_size, std::uint64_t size) {
  if (offset > size) return false;
  return entry_size == 0 || count <= (size - offset) / entry_size;
}

}  // namespace

ElfImage::ElfImage(const std::filesystem::path &path) : path_(path) {
  check_regular_file(path);
  descriptor_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor_ < 0)
    throw Error(path.string() + " cannot be opened: " + std::strerror(errno) +
                (errno == EACCES ? " (check its permissions)" : ""));
  try {
    char first[64];
    struct stat status {};
    ::fstat(descriptor_, &status);
    auto size = static_cast<std::size_t>(status.st_size);
    ssize_t count = ::pread(descriptor_, first, sizeof first, 0);
    if (count < 0) throw Error(path.string() + " cannot be read: " + std::strerror(errno));
    check_elf_identity(path, std::string_view(first, static_cast<std::size_t>(count)), size);
    if (size < sizeof(Elf64_Ehdr) && first[EI_CLASS] == ELFCLASS64)
      throw Error(path.string() + " is truncated: it ends after " + std::to_string(size) +
                  " bytes, inside its ELF header; build or copy it again");
    elf_version(EV_CURRENT);
    elf_ = elf_begin(descriptor_, ELF_C_READ_MMAP, nullptr);
    if (elf_ == nullptr || elf_kind(elf_) != ELF_K_ELF || gelf_getehdr(elf_, &header_) == nullptr)
      corrupt("libelf cannot read its header (" + libelf_message() + ")");
    if (auto problem = type_problem(header_.e_type); !problem.empty())
      throw Error(path.string() + " " + std::string(problem));
    std::size_t raw_size = 0;
    const char *raw = elf_rawfile(elf_, &raw_size);
    if (raw == nullptr) corrupt("libelf cannot map it (" + libelf_message() + ")");
    bytes_ = std::string_view(raw, raw_size);
    check_tables();
  } catch (...) {
    if (elf_) elf_end(elf_);
    ::close(descriptor_);
    throw;
  }
}

ElfImage::~ElfImage() {
  elf_end(elf_);
  ::close(descriptor_);
}

void ElfImage::corrupt(const std::string &what) const {
  throw Error(path_.string() + " is truncated or corrupt: " + what +
              "; build or copy it again");
}

// Both header tables must lie inside the file before libelf is asked for an entry.
void ElfImage::check_tables() const {
  std::uint64_t size = bytes_.size();
  if (!inside(header_.e_phoff, header_.e_phnum, header_.e_phentsize, size))
    corrupt("its program header table (" + std::to_string(header_.e_phnum) + " entries at byte " +
            std::to_string(header_.e_phoff) + ") goes beyond the end of the file (" +
            std::to_string(size) + " bytes)");
  // Checked on the raw header first: libelf reports a table past the end as no table at all.
  std::uint64_t raw_count = header_.e_shnum == 0 ? 1 : header_.e_shnum;   // 0: the count is in entry 0
  if (header_.e_shoff != 0 && !inside(header_.e_shoff, raw_count, header_.e_shentsize, size))
    corrupt("its section header table (" + std::to_string(header_.e_shnum) + " entries at byte " +
            std::to_string(header_.e_shoff) + ") goes beyond the end of the file (" +
            std::to_string(size) + " bytes)");
  std::size_t count = 0;
  if (elf_getshdrnum(elf_, &count) != 0)
    corrupt("its section header table (at byte " + std::to_string(header_.e_shoff) +
            ") lies beyond the end of the file (" + std::to_string(size) + " bytes)");
  if (count == 0)
    throw Error(path_.string() + " has no section headers (stripped with sstrip or a similar tool): "
                "the doctor reads symbols through them; examine the file before that step");
  if (!inside(header_.e_shoff, count, header_.e_shentsize, size))
    corrupt("its section header table (" + std::to_string(count) + " entries at byte " +
            std::to_string(header_.e_shoff) + ") goes beyond the end of the file (" +
            std::to_string(size) + " bytes)");
  std::size_t names = 0;
  if (elf_getshdrstrndx(elf_, &names) != 0 || names >= count)
    corrupt("its section name table index is invalid (" + libelf_message() + ")");
}

std::vector<GElf_Phdr> ElfImage::program_headers() const {
  std::vector<GElf_Phdr> headers;
  for (int i = 0; i < header_.e_phnum; ++i) {
    GElf_Phdr header{};
    if (gelf_getphdr(elf_, i, &header) == nullptr)
      corrupt("program header " + std::to_string(i) + " cannot be read (" + libelf_message() + ")");
    headers.push_back(header);
  }
  return headers;
}

std::vector<Section> ElfImage::sections() const {
  std::vector<Section> all;
  for (Elf_Scn *scn = elf_nextscn(elf_, nullptr); scn; scn = elf_nextscn(elf_, scn)) {
    Section section;
    section.handle = scn;
    section.index = elf_ndxscn(scn);
    if (gelf_getshdr(scn, &section.header) == nullptr)
      corrupt("section header " + std::to_string(section.index) + " cannot be read");
    all.push_back(section);
  }
  return all;
}

const Section *ElfImage::find_section(const std::vector<Section> &all, GElf_Word type) const {
  for (const Section &section : all)
    if (section.header.sh_type == type) return &section;
  return nullptr;
}

std::string ElfImage::section_name(const Section &section) const {
  std::size_t names = 0;
  elf_getshdrstrndx(elf_, &names);
  return std::string(string_at(names, section.header.sh_name));
}

Elf_Data *ElfImage::data(const Section &section) const {
  const GElf_Shdr &header = section.header;
  if (header.sh_type != SHT_NOBITS && !inside(header.sh_offset, 1, header.sh_size, bytes_.size()))
    corrupt("section " + std::to_string(section.index) + " (" + std::to_string(header.sh_size) +
            " bytes at byte " + std::to_string(header.sh_offset) + ") goes beyond the end of the file");
  Elf_Data *data = elf_getdata(section.handle, nullptr);
  if (data == nullptr)
    corrupt("section " + std::to_string(section.index) + " cannot be read (" + libelf_message() + ")");
  return data;
}

std::string_view ElfImage::string_at(std::size_t table_index, std::size_t offset) const {
  const char *text = elf_strptr(elf_, table_index, offset);
  return text ? std::string_view(text) : std::string_view();
}

}  // namespace luaembed::doctor::detail
