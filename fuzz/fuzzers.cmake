# The fuzz project: luaembed and its doctor compiled with clang for libFuzzer, under
# AddressSanitizer and UndefinedBehaviorSanitizer, and the four fuzz targets.
#
#   cmake -S fuzz -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
#   cmake --build build-fuzz -j2
#   build-fuzz/fuzz_chunks -max_total_time=600 corpus-dir fuzz/corpus/fuzz_chunks
#
# Lua itself is Debian's static archive, as in every luaembed host: it is not instrumented,
# so the fuzzers are guided by the coverage of luaembed's code (and find Lua's own crashes
# only as crashes).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "luaembed fuzzers: libFuzzer needs clang; configure with "
    "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ (this is ${CMAKE_CXX_COMPILER_ID})")
endif()
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# Everything below, the library included, is instrumented for coverage and checked. UB aborts
# (no recovery) so that libFuzzer sees it as a crash.
set(sanitize -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_compile_options(-fsanitize=fuzzer-no-link ${sanitize})
add_link_options(${sanitize})

set(LUAEMBED_BUILD_DOCTOR ON CACHE BOOL "" FORCE)   # fuzz_elf reads files with it
add_subdirectory("${CMAKE_CURRENT_SOURCE_DIR}/.." luaembed)

function(luaembed_add_fuzzer name)
  add_executable(${name} ${ARGN})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
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
