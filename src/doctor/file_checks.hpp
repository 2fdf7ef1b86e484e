// The checks made before libelf sees a file: what it is when it is not an ELF file of this
// machine. Each throws Error with a sentence saying what the file is and what to give instead.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace luaembed::doctor::detail {

// That the path names a regular, non-empty file.
void check_regular_file(const std::filesystem::path &path);

// That the first bytes of the file (at most 64) start an ELF file of this machine's class,
// byte order and architecture.
void check_elf_identity(const std::filesystem::path &path, std::string_view first_bytes,
                        std::size_t file_size);

}  // namespace luaembed::doctor::detail
