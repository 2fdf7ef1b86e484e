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
#   LUAEMBED_LUA_VERSION      the Lua to link: 5.1, 5.2, 5.3, 5.4 (default), luajit (Debian's
#                             libluajit-5.1-dev) or luajit2 (OpenResty's libluajit2-5.1-dev)
#   LUAEMBED_LUA_CXX          link Lua compiled as C++ (liblua5.X-c++.a: errors are C++
#                             exceptions); 5.1 to 5.4 only, LuaJIT has no such build
#   LUAEMBED_LUA_ARCHIVE      the static archive; found in Debian's paths when empty
#   LUAEMBED_LUA_INCLUDE_DIR  the directory holding lua.h, lauxlib.h, lualib.h
#                             (set both for a Lua Debian does not install where it is asked
#                             for, such as OpenResty's LuaJIT next to Debian's)
#   LUAEMBED_LUA_SOURCE_DIR   a Lua release's source tree to build Lua from instead
#                             (LuaembedLuaSource.cmake)
#   LUAEMBED_LUA_TARGET       a static library target of the program's own that is Lua
#                             (LuaembedLuaTarget.cmake)
#
# Results (internal cache)
#   LUAEMBED_LUA_NAME         lua5.X or luajit: the name files of this build carry
#   LUAEMBED_LUA_ABI          the Lua version modules are built for: 5.X, and 5.1 for LuaJIT
#   LUAEMBED_LUA_MODULE_DIR   where Debian installs native modules for that version

include_guard(GLOBAL)

include(${CMAKE_CURRENT_LIST_DIR}/LuaembedApiList.cmake)

set(LUAEMBED_LUA_VERSION "5.4" CACHE STRING "Lua to link statically: 5.1, 5.2, 5.3, 5.4, luajit or luajit2")
set_property(CACHE LUAEMBED_LUA_VERSION PROPERTY STRINGS 5.1 5.2 5.3 5.4 luajit luajit2)
option(LUAEMBED_LUA_CXX "Link Lua compiled as C++ (liblua<version>-c++.a)" OFF)
set(LUAEMBED_LUA_SOURCE_DIR "" CACHE PATH "A Lua release's source tree (with src/lapi.c) to build Lua from")
set(LUAEMBED_LUA_TARGET "" CACHE STRING "A static library target of the program's own that is Lua")
# What the rest of the build knows of a Lua luaembed did not find in Debian's paths (built from
# source, or a target of the program's own): its version (5.X), the folder of lua.h, the export
# list, the switches its headers are read with. Debian's directory of modules for that version
# is where the tests find the modules they load.
function(_luaembed_set_lua_results version include_dir api_list definitions)
  set(LUAEMBED_LUA_VERSION "${version}" CACHE STRING "Lua to link statically" FORCE)
  set(LUAEMBED_LUA_INCLUDE_DIR "${include_dir}" CACHE PATH "Directory holding lua.h, lauxlib.h and lualib.h" FORCE)
  set(LUAEMBED_LUA_ARCHIVE "" CACHE FILEPATH "Static archive of Lua (none: built in this project)" FORCE)
  set(LUAEMBED_LUA_NAME "lua${version}" CACHE INTERNAL "lua5.X or luajit")
  set(LUAEMBED_LUA_ABI "${version}" CACHE INTERNAL "The Lua version native modules are built for")
  set(LUAEMBED_LUA_MODULE_DIR "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/lua/${version}"
    CACHE INTERNAL "Debian's directory of native Lua modules for this Lua")
  set(LUAEMBED_LUA_API_LIST "${api_list}" CACHE INTERNAL "Generated dynamic list of the Lua C API")
  set(LUAEMBED_LUA_DEFINITIONS "${definitions}" CACHE INTERNAL "What Lua's headers must be read with")
endfunction()

# The export list of a Lua built in this project (from source, or the program's own target),
# read from its headers and from the library once it is built: at configure time it does not
# exist yet. luaembed::lua depends on the list (see _luaembed_define_lua_targets), so it is
# written before anything that links Lua. Sets out_var to the list's path.
function(_luaembed_api_list_of_built_lua out_var target include_dir version)
  set(api_list "${CMAKE_BINARY_DIR}/luaembed/lua${version}-api.dynlist")
  add_custom_command(OUTPUT "${api_list}"
    COMMAND "${CMAKE_COMMAND}" "-DINCLUDE_DIR=${include_dir}" "-DARCHIVE=$<TARGET_FILE:${target}>"
      "-DOUTPUT=${api_list}" -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/LuaembedApiList.cmake"
    DEPENDS ${target} "$<TARGET_FILE:${target}>"
    COMMENT "Writing the export list of the Lua ${version} C API of ${target}" VERBATIM)
  add_custom_target(luaembed_lua_api_list DEPENDS "${api_list}")
  set(${out_var} "${api_list}" PARENT_SCOPE)
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/LuaembedLuaSource.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/LuaembedLuaTarget.cmake)

# What each choice means in Debian: header directory, archive stem and -dev package.
function(_luaembed_lua_choice version)
  set(is_luajit FALSE)
  if(version MATCHES "^5\\.[1-4]$")
    set(suffix "lua${version}")
    set(archive "lua${version}")
    set(package "liblua${version}-dev")
    if(version STREQUAL "5.1")
      set(package "liblua5.1-0-dev")  # Debian's name for it
    endif()
    set(abi ${version})
  elseif(version STREQUAL "luajit" OR version STREQUAL "luajit2")
    set(is_luajit TRUE)
    set(suffix "luajit-2.1")
    set(archive "luajit-5.1")
    set(package "libluajit-5.1-dev")
    if(version STREQUAL "luajit2")
      set(package "libluajit2-5.1-dev")
    endif()
    set(abi "5.1")  # LuaJIT runs Lua 5.1 modules
  else()
    message(FATAL_ERROR "luaembed: LUAEMBED_LUA_VERSION is ${version}; choose 5.1, 5.2, 5.3, 5.4, "
      "luajit (Debian's libluajit-5.1-dev) or luajit2 (OpenResty's libluajit2-5.1-dev).")
  endif()
  if(is_luajit AND LUAEMBED_LUA_CXX)
    message(FATAL_ERROR "luaembed: LuaJIT has no build compiled as C++ (LUAEMBED_LUA_CXX=ON). It does "
      "not need one: its errors already unwind through C++ frames and run their destructors.\n"
      "Configure with -DLUAEMBED_LUA_CXX=OFF, or choose Lua 5.1 to 5.4 for a -c++ archive.")
  endif()
  if(LUAEMBED_LUA_CXX)
    string(APPEND archive "-c++")
  endif()
  foreach(field suffix archive package abi is_luajit)
    set(lua_${field} "${${field}}" PARENT_SCOPE)
  endforeach()
endfunction()

# The version lua.h declares, as 5.X: LUA_VERSION_NUM from 5.1 (501) to 5.4 (504); from 5.5 on,
# LUA_VERSION_MAJOR_N and LUA_VERSION_MINOR_N, of which LUA_VERSION_NUM is made. Lua 5.0 has
# neither, only the string LUA_VERSION.
function(_luaembed_header_version include_dir out_var)
  file(STRINGS "${include_dir}/lua.h" lines REGEX "#define[ \t]+LUA_VERSION(_NUM|_MAJOR_N|_MINOR_N)?[ \t]")
  if(lines MATCHES "LUA_VERSION_NUM[ \t]+([0-9])0*([0-9]+)")
    set(${out_var} "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}" PARENT_SCOPE)
  elseif(lines MATCHES "LUA_VERSION_MAJOR_N[ \t]+([0-9]+).*LUA_VERSION_MINOR_N[ \t]+([0-9]+)")
    set(${out_var} "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}" PARENT_SCOPE)
  elseif(lines MATCHES "LUA_VERSION[ \t]+\"Lua ([0-9]+\\.[0-9]+)")
    message(FATAL_ERROR "luaembed: ${include_dir}/lua.h is Lua ${CMAKE_MATCH_1}, older than any luaembed "
      "works with (5.1 to 5.4).\nUse a newer Lua.")
  else()
    message(FATAL_ERROR "luaembed: ${include_dir}/lua.h does not define LUA_VERSION_NUM; is it Lua's?")
  endif()
endfunction()

# Whether the LuaJIT headers in include_dir are OpenResty's: its luajit.h defines OPENRESTY_LUAJIT.
function(_luaembed_is_openresty include_dir out_var)
  file(STRINGS "${include_dir}/luajit.h" openresty REGEX "#define[ \t]+OPENRESTY_LUAJIT")
  if(openresty)
    set(${out_var} TRUE PARENT_SCOPE)
  else()
    set(${out_var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# Checks that the headers are those of the chosen Lua.
function(_luaembed_check_headers version)
  set(dir "${LUAEMBED_LUA_INCLUDE_DIR}")
  _luaembed_header_version("${dir}" header_version)
  set(luajit_h "${dir}/luajit.h")
  if(lua_is_luajit)
    if(NOT EXISTS "${luajit_h}")
      message(FATAL_ERROR "luaembed: ${dir} holds the headers of Lua ${header_version}, not LuaJIT (no luajit.h).\n"
        "Set LUAEMBED_LUA_INCLUDE_DIR to LuaJIT's headers (Debian: /usr/include/${lua_suffix}).")
    endif()
    _luaembed_is_openresty("${dir}" openresty)
    if(version STREQUAL "luajit2" AND NOT openresty)
      set(unpacked "/opt/luaembed/openresty-luajit")
      set(unpacked_archive "${unpacked}/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/libluajit-5.1.a")
      set(hint "")
      if(EXISTS "${unpacked}/usr/include/luajit-2.1/luajit.h" AND EXISTS "${unpacked_archive}")
        string(CONCAT hint "\nOpenResty's LuaJIT is unpacked in ${unpacked}: configure with\n"
          "  -DLUAEMBED_LUA_INCLUDE_DIR=${unpacked}/usr/include/luajit-2.1 -DLUAEMBED_LUA_ARCHIVE=${unpacked_archive}")
      endif()
      message(FATAL_ERROR "luaembed: the LuaJIT in ${dir} is not OpenResty's (luajit.h does not define "
        "OPENRESTY_LUAJIT).\nInstall it with: sudo apt-get install ${lua_package}\n"
        "(it replaces Debian's libluajit-5.1-dev), or point LUAEMBED_LUA_INCLUDE_DIR and "
        "LUAEMBED_LUA_ARCHIVE at OpenResty's LuaJIT installed elsewhere, or choose "
        "LUAEMBED_LUA_VERSION=luajit.${hint}")
    endif()
  elseif(EXISTS "${luajit_h}" OR NOT header_version STREQUAL version)
    set(found "Lua ${header_version}")
    if(EXISTS "${luajit_h}")
      set(found "LuaJIT")
    endif()
    message(FATAL_ERROR
      "luaembed: ${dir}/lua.h is ${found}, not ${version}.\n"
      "Set LUAEMBED_LUA_INCLUDE_DIR to the headers of Lua ${version} (Debian: /usr/include/lua${version}).")
  endif()
endfunction()

# LuaJIT: the archive must be of the LuaJIT whose headers are used. OpenResty's lua.h declares
# C functions of its own (lua_resetthread, lua_setexdata, ...) that only its archive defines; with
# OpenResty's headers and Debian's archive (which the system's paths find when only
# LUAEMBED_LUA_INCLUDE_DIR is set), or the other way round, the build would link the wrong
# LuaJIT or fail to link.
function(_luaembed_check_luajit_archive)
  _luaembed_archive_symbols(symbols "${LUAEMBED_LUA_ARCHIVE}")
  if(symbols STREQUAL "NOTFOUND")
    return()
  endif()
  _luaembed_is_openresty("${LUAEMBED_LUA_INCLUDE_DIR}" headers_openresty)
  if(symbols MATCHES " T lua_resetthread\n")
    set(archive_openresty TRUE)
  else()
    set(archive_openresty FALSE)
  endif()
  if(headers_openresty AND NOT archive_openresty)
    message(FATAL_ERROR "luaembed: ${LUAEMBED_LUA_ARCHIVE} is not OpenResty's LuaJIT, whose headers are in "
      "${LUAEMBED_LUA_INCLUDE_DIR} (luajit.h defines OPENRESTY_LUAJIT, the archive does not define "
      "lua_resetthread).\nSet LUAEMBED_LUA_ARCHIVE to the libluajit-5.1.a of the same LuaJIT as the headers.")
  elseif(archive_openresty AND NOT headers_openresty)
    message(FATAL_ERROR "luaembed: ${LUAEMBED_LUA_ARCHIVE} is OpenResty's LuaJIT (it defines lua_resetthread), "
      "and the headers in ${LUAEMBED_LUA_INCLUDE_DIR} are not (luajit.h does not define OPENRESTY_LUAJIT).\n"
      "Set LUAEMBED_LUA_INCLUDE_DIR to the headers of the same LuaJIT as the archive.")
  endif()
endfunction()

# Finds the archive and headers of the selected Lua; stops the configure step with what to
# install when they are missing.
function(_luaembed_find_lua)
  set(version ${LUAEMBED_LUA_VERSION})
  _luaembed_lua_choice(${version})
  set(archive_name "lib${lua_archive}.a")
  find_path(LUAEMBED_LUA_INCLUDE_DIR lua.h
    PATH_SUFFIXES "${lua_suffix}"
    DOC "Directory holding lua.h, lauxlib.h and lualib.h of Lua ${version}")
  find_library(LUAEMBED_LUA_ARCHIVE NAMES "${archive_name}"
    DOC "Static archive of Lua ${version}")
  if(NOT LUAEMBED_LUA_INCLUDE_DIR OR NOT LUAEMBED_LUA_ARCHIVE)
    message(FATAL_ERROR
      "luaembed: Lua ${version} was not found (headers: ${LUAEMBED_LUA_INCLUDE_DIR}, "
      "archive ${archive_name}: ${LUAEMBED_LUA_ARCHIVE}).\n"
      "Install it with: sudo apt-get install ${lua_package}\n"
      "or point LUAEMBED_LUA_INCLUDE_DIR and LUAEMBED_LUA_ARCHIVE at another build of Lua.")
  endif()
  if(NOT EXISTS "${LUAEMBED_LUA_INCLUDE_DIR}/lua.h")
    message(FATAL_ERROR
      "luaembed: LUAEMBED_LUA_INCLUDE_DIR is ${LUAEMBED_LUA_INCLUDE_DIR}, which holds no lua.h.\n"
      "Point it at the headers of Lua ${version} (Debian: /usr/include/${lua_suffix}, package ${lua_package}).")
  endif()
  if(NOT EXISTS "${LUAEMBED_LUA_ARCHIVE}" OR IS_DIRECTORY "${LUAEMBED_LUA_ARCHIVE}")
    message(FATAL_ERROR
      "luaembed: LUAEMBED_LUA_ARCHIVE is ${LUAEMBED_LUA_ARCHIVE}, which does not exist.\n"
      "Point it at the static archive of Lua ${version} (Debian: ${archive_name}, package ${lua_package}).")
  endif()
  _luaembed_check_headers(${version})
  if(NOT LUAEMBED_LUA_ARCHIVE MATCHES "\\.a$")
    message(FATAL_ERROR
      "luaembed: LUAEMBED_LUA_ARCHIVE is ${LUAEMBED_LUA_ARCHIVE}, which is not a static archive.\n"
      "luaembed links Lua statically; give it the .a file (Debian: ${lua_package}).")
  endif()
  if(lua_is_luajit)
    _luaembed_check_luajit_archive()
  endif()
  set(name "lua${version}")
  if(lua_is_luajit)
    set(name "luajit")
  endif()
  set(LUAEMBED_LUA_NAME "${name}" CACHE INTERNAL "lua5.X or luajit")
  set(LUAEMBED_LUA_DEFINITIONS "" CACHE INTERNAL "What Lua's headers must be read with")
  set(LUAEMBED_LUA_ABI "${lua_abi}" CACHE INTERNAL "The Lua version native modules are built for")
  set(LUAEMBED_LUA_MODULE_DIR "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/lua/${lua_abi}"
    CACHE INTERNAL "Debian's directory of native Lua modules for this Lua")
endfunction()

# Creates luaembed::lua_archive and luaembed::lua. GLOBAL makes them visible to the whole
# build (luaembed's own tree); a find_package consumer gets directory-scoped targets.
# (A Lua built in this project brings its library and export list: LuaembedLuaSource.cmake,
# LuaembedLuaTarget.cmake.)
function(_luaembed_define_lua_targets scope)
  set(archive_target luaembed::lua_archive)
  if(LUAEMBED_LUA_TARGET)
    set(archive_target ${LUAEMBED_LUA_TARGET})
  elseif(NOT LUAEMBED_LUA_SOURCE_DIR)
    _luaembed_define_archive_target("${scope}")
  endif()
  set(api_list "${LUAEMBED_LUA_API_LIST}")

  add_library(luaembed::lua INTERFACE IMPORTED ${scope})
  set_target_properties(luaembed::lua PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${LUAEMBED_LUA_INCLUDE_DIR}"
    # Whole: a host that never calls luaL_openlibs still carries every API function a module
    # may need. The export applies to executables only: a shared library exports by default.
    INTERFACE_LINK_LIBRARIES "$<LINK_LIBRARY:WHOLE_ARCHIVE,${archive_target}>"
    INTERFACE_LINK_OPTIONS
      "$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:LINKER:--dynamic-list=${api_list}>"
    INTERFACE_COMPILE_DEFINITIONS "${LUAEMBED_LUA_DEFINITIONS};$<$<BOOL:${LUAEMBED_LUA_CXX}>:LUAEMBED_LUA_CXX=1>")
  if(TARGET luaembed_lua_api_list)   # the list of a Lua built in this project, written once it is
    add_dependencies(luaembed::lua luaembed_lua_api_list)
  endif()
endfunction()

function(_luaembed_define_archive_target scope)
  set(api_list "${CMAKE_BINARY_DIR}/luaembed/${LUAEMBED_LUA_NAME}-api.dynlist")
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
  if(LUAEMBED_LUA_TARGET AND LUAEMBED_LUA_SOURCE_DIR)
    message(FATAL_ERROR "luaembed: LUAEMBED_LUA_TARGET and LUAEMBED_LUA_SOURCE_DIR are both set; "
      "they are two ways to give luaembed a Lua. Set one.")
  elseif(LUAEMBED_LUA_TARGET)
    _luaembed_use_lua_target()
  elseif(LUAEMBED_LUA_SOURCE_DIR)
    _luaembed_build_lua_from_source()
  else()
    _luaembed_find_lua()
  endif()
  if(PROJECT_NAME STREQUAL "luaembed")
    _luaembed_define_lua_targets(GLOBAL)
  else()
    _luaembed_define_lua_targets("")
  endif()
endif()
