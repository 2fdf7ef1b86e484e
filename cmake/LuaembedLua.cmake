# Static Lua, linked whole, exporting exactly the Lua C API.
#
# Defines
#   luaembed::lua          link this: Debian's static Lua archive, linked --whole-archive, with
#                          include directories, libm/libdl, and (for executables) the export of
#                          exactly the Lua C API through a generated --dynamic-list.
#   luaembed::lua_archive  the bare archive (an IMPORTED STATIC library), for those who need it.
#   luaembed_export_lua_api(<target> ...)
#                          the same export for an executable that links Lua some other way.
#
# Why: an executable puts none of its symbols in its dynamic symbol table unless told to, so a
# native module (cjson.so, lpeg.so, ...) that leaves the Lua API undefined cannot load in a host
# that links Lua statically. --export-dynamic exports everything; a version script alone exports
# nothing from an executable. A dynamic list naming the API works with GNU ld, gold and lld.
#
# Cache settings
#   LUAEMBED_LUA_VERSION      Lua version to link ("5.4")
#   LUAEMBED_LUA_CXX          link liblua5.4-c++.a (Lua compiled as C++, errors are C++ exceptions)
#   LUAEMBED_LUA_ARCHIVE      the static archive; found in Debian's paths when empty
#   LUAEMBED_LUA_INCLUDE_DIR  the directory holding lua.h, lauxlib.h, lualib.h

include_guard(GLOBAL)

include(${CMAKE_CURRENT_LIST_DIR}/LuaembedApiList.cmake)

set(LUAEMBED_LUA_VERSION "5.4" CACHE STRING "Lua version to link statically")
option(LUAEMBED_LUA_CXX "Link Lua compiled as C++ (liblua<version>-c++.a)" OFF)

# Finds the archive and headers of the selected Lua; stops the configure step with what to
# install when they are missing.
function(_luaembed_find_lua)
  set(version ${LUAEMBED_LUA_VERSION})
  set(archive_name "liblua${version}.a")
  set(debian_package "liblua${version}-dev")
  if(LUAEMBED_LUA_CXX)
    set(archive_name "liblua${version}-c++.a")
  endif()
  find_path(LUAEMBED_LUA_INCLUDE_DIR lua.h
    PATH_SUFFIXES "lua${version}"
    DOC "Directory holding lua.h, lauxlib.h and lualib.h of Lua ${version}")
  find_library(LUAEMBED_LUA_ARCHIVE NAMES "${archive_name}"
    DOC "Static archive of Lua ${version}")
  if(NOT LUAEMBED_LUA_INCLUDE_DIR OR NOT LUAEMBED_LUA_ARCHIVE)
    message(FATAL_ERROR
      "luaembed: Lua ${version} was not found (headers: ${LUAEMBED_LUA_INCLUDE_DIR}, "
      "archive ${archive_name}: ${LUAEMBED_LUA_ARCHIVE}).\n"
      "Install it with: sudo apt-get install ${debian_package}\n"
      "or point LUAEMBED_LUA_INCLUDE_DIR and LUAEMBED_LUA_ARCHIVE at another build of Lua.")
  endif()
  # A lua.h straight under an include directory may belong to any version: read it.
  file(STRINGS "${LUAEMBED_LUA_INCLUDE_DIR}/lua.h" version_lines REGEX "#define LUA_VERSION_(MAJOR|MINOR)[ \t]")
  string(REGEX REPLACE ".*MAJOR[ \t]+\"?([0-9]+).*MINOR[ \t]+\"?([0-9]+).*" "\\1.\\2" header_version "${version_lines}")
  if(NOT header_version STREQUAL version)
    message(FATAL_ERROR
      "luaembed: ${LUAEMBED_LUA_INCLUDE_DIR}/lua.h is Lua ${header_version}, not ${version}.\n"
      "Set LUAEMBED_LUA_INCLUDE_DIR to the headers of Lua ${version} (Debian: /usr/include/lua${version}).")
  endif()
  if(NOT LUAEMBED_LUA_ARCHIVE MATCHES "\\.a$")
    message(FATAL_ERROR
      "luaembed: LUAEMBED_LUA_ARCHIVE is ${LUAEMBED_LUA_ARCHIVE}, which is not a static archive.\n"
      "luaembed links Lua statically; give it the .a file (Debian: ${debian_package}).")
  endif()
endfunction()

# Creates luaembed::lua_archive and luaembed::lua. GLOBAL makes them visible to the whole
# build (luaembed's own tree); a find_package consumer gets directory-scoped targets.
function(_luaembed_define_lua_targets scope)
  set(api_list "${CMAKE_BINARY_DIR}/luaembed/lua${LUAEMBED_LUA_VERSION}-api.dynlist")
  luaembed_write_api_list(
    INCLUDE_DIR "${LUAEMBED_LUA_INCLUDE_DIR}"
    ARCHIVE "${LUAEMBED_LUA_ARCHIVE}"
    OUTPUT "${api_list}")
  set(LUAEMBED_LUA_API_LIST "${api_list}" CACHE INTERNAL "Generated dynamic list of the Lua C API")

  add_library(luaembed::lua_archive STATIC IMPORTED ${scope})
  set_target_properties(luaembed::lua_archive PROPERTIES
    IMPORTED_LOCATION "${LUAEMBED_LUA_ARCHIVE}"
    IMPORTED_LINK_INTERFACE_LANGUAGES "$<IF:$<BOOL:${LUAEMBED_LUA_CXX}>,CXX,C>"
    INTERFACE_INCLUDE_DIRECTORIES "${LUAEMBED_LUA_INCLUDE_DIR}"
    # Lua's math library needs libm, package.loadlib needs dlopen. Lua compiled as C++ also
    # needs the C++ runtime when the host itself is linked as C.
    INTERFACE_LINK_LIBRARIES "m;${CMAKE_DL_LIBS};$<$<AND:$<BOOL:${LUAEMBED_LUA_CXX}>,$<LINK_LANGUAGE:C>>:stdc++>")

  add_library(luaembed::lua INTERFACE IMPORTED ${scope})
  set_target_properties(luaembed::lua PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${LUAEMBED_LUA_INCLUDE_DIR}"
    # Whole: a host that never calls luaL_openlibs still carries every API function a module
    # may need. The export applies to executables only: a shared library exports by default.
    INTERFACE_LINK_LIBRARIES "$<LINK_LIBRARY:WHOLE_ARCHIVE,luaembed::lua_archive>"
    INTERFACE_LINK_OPTIONS
      "$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:LINKER:--dynamic-list=${api_list}>"
    INTERFACE_COMPILE_DEFINITIONS "$<$<BOOL:${LUAEMBED_LUA_CXX}>:LUAEMBED_LUA_CXX=1>")
endfunction()

# luaembed_export_lua_api(<executable> [INCLUDE_DIR <dir>] [ARCHIVE <archive.a>])
#
# Exports exactly the Lua C API from an executable that links Lua by other means (its own
# build of Lua, a vendored copy, a pkg-config target). INCLUDE_DIR names the headers the list
# is generated from; by default those of the Lua luaembed found. ARCHIVE, when given, drops
# declared names the archive does not define. The executable should link Lua whole
# (--whole-archive, or $<LINK_LIBRARY:WHOLE_ARCHIVE,...>) so every exported function is present.
function(luaembed_export_lua_api target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "INCLUDE_DIR;ARCHIVE" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "luaembed_export_lua_api: unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "luaembed_export_lua_api: ${target} is not a target")
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "EXECUTABLE")
    message(FATAL_ERROR
      "luaembed_export_lua_api: ${target} is a ${type}; the export is for executables "
      "(a shared library already exports its global symbols).")
  endif()
  set(api_list "${LUAEMBED_LUA_API_LIST}")
  if(arg_INCLUDE_DIR)
    set(api_list "${CMAKE_CURRENT_BINARY_DIR}/luaembed/${target}-lua-api.dynlist")
    luaembed_write_api_list(INCLUDE_DIR "${arg_INCLUDE_DIR}" ARCHIVE "${arg_ARCHIVE}" OUTPUT "${api_list}")
  elseif(NOT api_list)
    message(FATAL_ERROR "luaembed_export_lua_api: no Lua was found; pass INCLUDE_DIR <dir of lua.h>")
  endif()
  target_link_options(${target} PRIVATE "LINKER:--dynamic-list=${api_list}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${api_list}")
endfunction()

if(NOT TARGET luaembed::lua)
  _luaembed_find_lua()
  if(PROJECT_NAME STREQUAL "luaembed")
    _luaembed_define_lua_targets(GLOBAL)
  else()
    _luaembed_define_lua_targets("")
  endif()
endif()
