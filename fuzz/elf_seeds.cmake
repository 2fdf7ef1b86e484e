# Seeds for fuzz_elf: tiny real ELF files (2-3 KB each) compiled at configure time from
# elf_seeds/, rather than binaries kept in the repository. Hosts with and without a dynamic
# loader, modules of Lua 5.4 and 5.1, stripped, with DT_NEEDED, DT_RPATH and DT_RUNPATH.
set(seeds "${CMAKE_CURRENT_BINARY_DIR}/seeds/fuzz_elf")
set(sources "${CMAKE_CURRENT_SOURCE_DIR}/elf_seeds")
file(MAKE_DIRECTORY "${seeds}")
# Small files: no separate code segment, no build id, no RELRO padding, no C runtime.
set(small -nostdlib -Wl,-z,noseparate-code -Wl,--build-id=none -Wl,-z,norelro -Wl,--hash-style=gnu)

function(_luaembed_elf_seed output)
  execute_process(COMMAND "${CMAKE_C_COMPILER}" ${small} ${ARGN} -o "${seeds}/${output}"
    WORKING_DIRECTORY "${seeds}" RESULT_VARIABLE status ERROR_VARIABLE error)
  if(NOT status EQUAL 0)
    message(STATUS "luaembed fuzzers: seed ${output} not built: ${error}")
  endif()
endfunction()

_luaembed_elf_seed(module.so -shared -fPIC "${sources}/module.c")
_luaembed_elf_seed(module_stripped.so -shared -fPIC -s "${sources}/module.c")
_luaembed_elf_seed(module51.so -shared -fPIC "${sources}/module51.c")
_luaembed_elf_seed(module_rpath.so -shared -fPIC "${sources}/module51.c" "-Wl,-rpath,$ORIGIN:/nowhere"
  -Wl,--disable-new-dtags -L. -l:module.so)
_luaembed_elf_seed(module_runpath.so -shared -fPIC "${sources}/module.c" "-Wl,-rpath,$ORIGIN"
  -Wl,--enable-new-dtags -L. -l:module51.so)
_luaembed_elf_seed(host -fPIE -pie -Wl,--export-dynamic "${sources}/host.c")
_luaembed_elf_seed(host_static -static -fno-PIE -no-pie "${sources}/host.c")
_luaembed_elf_seed(host_stripped -fPIE -pie -s "${sources}/host.c")
