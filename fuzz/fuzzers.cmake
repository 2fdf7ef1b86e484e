# The fuzz targets, built in the fuzz configuration: luaembed and its doctor compiled with
# clang for libFuzzer, under AddressSanitizer and UndefinedBehaviorSanitizer (UB aborts, no
# recovery, so that libFuzzer sees it as a crash). CMakePresets.json sets the compiler and
# the flags for the whole build, the library included:
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   build-fuzz/bin/fuzz_chunks -max_total_time=600 corpus-dir fuzz/corpus/fuzz_chunks
#
# Lua itself is Debian's static archive, as in every luaembed host: it is not instrumented,
# so the fuzzers are guided by the coverage of luaembed's code (and find Lua's own crashes
# only as crashes).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize=fuzzer-no-link")
  message(FATAL_ERROR "luaembed fuzzers: libFuzzer needs clang and the whole build compiled for it "
    "(-fsanitize=fuzzer-no-link); configure with the preset: cmake --preset fuzz "
    "(this is ${CMAKE_CXX_COMPILER_ID}, with CMAKE_CXX_FLAGS '${CMAKE_CXX_FLAGS}')")
endif()
if(NOT TARGET luaembed::doctor)
  message(FATAL_ERROR "luaembed fuzzers: fuzz_elf reads files with the doctor; configure with "
    "-DLUAEMBED_BUILD_DOCTOR=ON (the fuzz preset does)")
endif()

function(luaembed_add_fuzzer name)
  add_executable(${name} ${ARGN})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endfunction()

luaembed_add_fuzzer(fuzz_chunks fuzz_chunks.cpp chunk_bindings.cpp)
target_link_libraries(fuzz_chunks PRIVATE luaembed::luaembed)

luaembed_add_fuzzer(fuzz_conversions fuzz_conversions.cpp value_decoder.cpp round_trip.cpp)
target_link_libraries(fuzz_conversions PRIVATE luaembed::luaembed)

luaembed_add_fuzzer(fuzz_patterns fuzz_patterns.cpp)
target_link_libraries(fuzz_patterns PRIVATE luaembed::luaembed)
target_compile_definitions(fuzz_patterns PRIVATE
  "LUAEMBED_PATTERN_CALLS=\"${CMAKE_CURRENT_LIST_DIR}/../tests/versions/pattern_calls.lua\"")

luaembed_add_fuzzer(fuzz_elf fuzz_elf.cpp)
target_link_libraries(fuzz_elf PRIVATE luaembed::doctor)

include("${CMAKE_CURRENT_SOURCE_DIR}/elf_seeds.cmake")
