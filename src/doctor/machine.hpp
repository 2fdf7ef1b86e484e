// Machines: each architecture the doctor knows, once. Its ELF number, the name messages give
// it, and for the machines whose Debian and Rust names fixes and searches need, those.
#pragma once

#include <elf.h>

#include <iterator>
#include <string>
#include <string_view>

namespace luaembed::doctor::detail {

// Whether the compiler builds for the architecture whose predefined macro this is: a defined
// one expands to 1, an undefined one stays its own name.
#define LUAEMBED_SPELLED(macro) #macro
#define LUAEMBED_EXPANDED(macro) LUAEMBED_SPELLED(macro)
#define LUAEMBED_BUILDING_FOR(macro) (std::string_view(LUAEMBED_EXPANDED(macro)) != #macro)

struct Machine {
  unsigned elf_machine;          // e_machine of its programs and shared objects
  bool native;                   // the doctor is built for it
  std::string_view name;         // "AArch64 (64-bit ARM)", for messages
  std::string_view multiarch;    // Debian's triplet (/usr/lib/<multiarch>); empty when unknown
  std::string_view rust_target;  // Cargo's target triple; empty when unknown
};

inline constexpr Machine machines[] = {
    {EM_X86_64, LUAEMBED_BUILDING_FOR(__x86_64__), "x86-64", "x86_64-linux-gnu", "x86_64-unknown-linux-gnu"},
    {EM_386, LUAEMBED_BUILDING_FOR(__i386__), "Intel 80386 (32-bit x86)", "", ""},
    {EM_AARCH64, LUAEMBED_BUILDING_FOR(__aarch64__), "AArch64 (64-bit ARM)", "aarch64-linux-gnu",
     "aarch64-unknown-linux-gnu"},
    {EM_ARM, LUAEMBED_BUILDING_FOR(__arm__), "ARM (32-bit)", "", ""},
    {EM_RISCV, LUAEMBED_BUILDING_FOR(__riscv), "RISC-V", "", ""},
    {EM_PPC64, LUAEMBED_BUILDING_FOR(__powerpc64__), "PowerPC 64", "", ""},
    {EM_PPC, false, "PowerPC", "", ""},
    {EM_S390, LUAEMBED_BUILDING_FOR(__s390x__), "IBM S/390", "", ""},
    {EM_MIPS, false, "MIPS", "", ""},
    {EM_SPARCV9, false, "SPARC V9", "", ""},
    {EM_LOONGARCH, false, "LoongArch", "", ""},
};

// The machine of that ELF number; null when the table lacks it.
constexpr const Machine *find_machine(unsigned elf_machine) {
  for (const Machine &machine : machines)
    if (machine.elf_machine == elf_machine) return &machine;
  return nullptr;
}

// Where the machine the doctor is built for stands in the table; -1 when it lacks it.
constexpr int native_index() {
  for (int i = 0; i < static_cast<int>(std::size(machines)); ++i)
    if (machines[i].native) return i;
  return -1;
}
static_assert(native_index() >= 0, "luaembed-doctor: add this machine to the table above");

// The machine the doctor was built for: a module of another can never load into a program of
// this one, and the fixes and the library search speak of this one.
inline constexpr const Machine &native_machine = machines[native_index()];

// "x86-64", "AArch64 (64-bit ARM)"...; "e_machine 1234" for one the table lacks.
std::string machine_name(unsigned elf_machine);

}  // namespace luaembed::doctor::detail
