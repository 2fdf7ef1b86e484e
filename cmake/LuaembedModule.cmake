# luaembed_add_module(<target> [NAME <module.name>] SOURCES <files>...)
#
# Builds a native Lua module written in C++ (see include/luaembed/module.hpp): a shared object
# that `require "<module.name>"` finds (a.b becomes a/b.so), which
#   - links no Lua: the Lua C API stays undefined, to be provided by the program loading it
#     (lua5.4, the luaembed interpreter, any host exporting the API);
#   - exports only its luaopen_* functions: everything else, the C++ template instantiations
#     and luaembed's own code included, is hidden, so two modules never clash.
# Linux is built and tested. macOS (-undefined dynamic_lookup) and Windows (link the Lua
# import library) are written as documented, untested.
include_guard(GLOBAL)

function(luaembed_add_module target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "NAME" "SOURCES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "luaembed_add_module(${target}): SOURCES is empty")
  endif()
  if(NOT arg_NAME)
    set(arg_NAME "${target}")
  endif()
  if(NOT arg_NAME MATCHES "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")
    message(FATAL_ERROR "luaembed_add_module(${target}): '${arg_NAME}' is not a Lua module name (letters, digits, _ and dots)")
  endif()
  string(REPLACE "." "/" relative_path "${arg_NAME}")
  get_filename_component(file_name "${relative_path}" NAME)
  get_filename_component(directory "${relative_path}" DIRECTORY)

  add_library(${target} MODULE ${arg_SOURCES})
  target_link_libraries(${target} PRIVATE luaembed::module)
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME "${file_name}"
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/modules/${directory}"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON POSITION_INDEPENDENT_CODE ON)
  set_property(TARGET ${target} PROPERTY LUAEMBED_MODULE_NAME "${arg_NAME}")

  if(APPLE)
    target_link_options(${target} PRIVATE "LINKER:-undefined,dynamic_lookup")   # untested
  elseif(WIN32)
    message(WARNING "luaembed_add_module: on Windows link ${target} with the Lua import library (lua54.lib); untested")
  else()
    # Only luaopen_* leaves the module; static libraries linked in stay hidden too.
    set(map "${CMAKE_CURRENT_BINARY_DIR}/luaembed/module-exports.map")
    if(NOT EXISTS "${map}")
      file(WRITE "${map}" "/* A luaembed module exports its entry points only. */\n{ global: luaopen_*; local: *; };\n")
    endif()
    target_link_options(${target} PRIVATE "LINKER:--version-script=${map}" "LINKER:--exclude-libs,ALL")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${map}")
  endif()
endfunction()
