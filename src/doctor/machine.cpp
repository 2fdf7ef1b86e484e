// Machines by name (machine.hpp).
#include "machine.hpp"

namespace luaembed::doctor::detail {

std::string machine_name(unsigned elf_machine) {
  if (const Machine *machine = find_machine(elf_machine)) return std::string(machine->name);
  return "e_machine " + std::to_string(elf_machine);
}

}  // namespace luaembed::doctor::detail
