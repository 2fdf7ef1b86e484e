# Native modules a bundle can link in: which static archive holds each, found through its
# pkg-config file, and which luaopen_* functions it provides.
#
# luaembed_bundle_declare_module(<name>
#     PKG_CONFIG <pc-module>...     pkg-config modules whose Libs name the static archives
#     DEBIAN_PACKAGE <package>      what to install when one of them is missing
#     OPENS <require-name>...       what `require` finds; each is opened by luaopen_<name with
#                                   dots as underscores>, which the archives must define
#     [LUA_FILES <file>...]         the module's Lua parts, relative to Lua's module directory
#                                   (pkg-config variable INSTALL_LMOD of lua<version>.pc)
#     [NOT_STATIC <reason>])        why the module cannot go into a fully static bundle
#
# Declares a module that luaembed_bundle(... MODULES <name>) can use. The modules Debian ships
# with static archives (its -dev packages) are declared below.

include_guard(GLOBAL)

function(luaembed_bundle_declare_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "DEBIAN_PACKAGE;NOT_STATIC" "PKG_CONFIG;OPENS;LUA_FILES")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_PKG_CONFIG OR NOT arg_OPENS)
    message(FATAL_ERROR "luaembed_bundle_declare_module(${name}): usage: luaembed_bundle_declare_module("
      "<name> PKG_CONFIG <pc-module>... DEBIAN_PACKAGE <package> OPENS <require-name>... "
      "[LUA_FILES <file>...] [NOT_STATIC <reason>])")
  endif()
  set_property(GLOBAL APPEND PROPERTY LUAEMBED_BUNDLE_MODULES ${name})
  foreach(field PKG_CONFIG DEBIAN_PACKAGE OPENS LUA_FILES NOT_STATIC)
    set_property(GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULE_${name}_${field} "${arg_${field}}")
  endforeach()
endfunction()

# Debian's Lua 5.4 modules with static archives. lua-socket-dev's holds socket.core and
# mime.core; its Lua half (socket.http, ltn12, ...) is embedded with them.
set(_v ${LUAEMBED_LUA_ABI})  # LuaJIT uses the modules of Lua 5.1
luaembed_bundle_declare_module(cjson PKG_CONFIG lua${_v}-cjson DEBIAN_PACKAGE lua-cjson-dev
  OPENS cjson cjson.safe)
luaembed_bundle_declare_module(lpeg PKG_CONFIG lua${_v}-lpeg DEBIAN_PACKAGE lua-lpeg-dev
  OPENS lpeg)
luaembed_bundle_declare_module(lfs PKG_CONFIG lua${_v}-filesystem DEBIAN_PACKAGE lua-filesystem-dev
  OPENS lfs)
luaembed_bundle_declare_module(socket PKG_CONFIG lua${_v}-socket lua${_v}-mime DEBIAN_PACKAGE lua-socket-dev
  OPENS socket.core mime.core
  LUA_FILES socket.lua socket/ftp.lua socket/headers.lua socket/http.lua socket/mbox.lua
    socket/smtp.lua socket/tp.lua socket/url.lua ltn12.lua mime.lua
  NOT_STATIC "glibc resolves host names (getaddrinfo) by loading its NSS libraries at run time, which a fully static program cannot do")
unset(_v)

# Stops the configure step; each further argument is a line of the message. The lines are
# indented, which keeps CMake from re-wrapping them: each says one thing, whole.
function(_luaembed_bundle_module_error target name)
  string(JOIN "\n  " text ${ARGN})
  message(FATAL_ERROR "luaembed_bundle(${target}): native module '${name}':\n  ${text}")
endfunction()

# Finds the module's pkg-config file; stops with the Debian package to install when missing.
function(_luaembed_bundle_pkg_config target name pc_module prefix_var)
  find_package(PkgConfig QUIET)
  if(NOT PKG_CONFIG_FOUND)
    _luaembed_bundle_module_error(${target} ${name} "pkg-config is needed to find its static archive."
      "Install it with: sudo apt-get install pkg-config")
  endif()
  string(MAKE_C_IDENTIFIER "LUAEMBED_BUNDLE_PC_${pc_module}" prefix)
  pkg_check_modules(${prefix} QUIET ${pc_module})
  if(NOT ${prefix}_FOUND)
    get_property(package GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULE_${name}_DEBIAN_PACKAGE)
    _luaembed_bundle_module_error(${target} ${name}
      "pkg-config finds no ${pc_module}.pc, which describes its static archive."
      "Install it with: sudo apt-get install ${package}")
  endif()
  set(${prefix_var} ${prefix} PARENT_SCOPE)
endfunction()

# The static archive of a library the .pc file names, as a full path: a bundle links the
# module's own code, never its shared object (which Debian links against liblua5.4.so).
function(_luaembed_bundle_find_archive target name library directories out_var)
  string(MAKE_C_IDENTIFIER "LUAEMBED_BUNDLE_ARCHIVE_${library}" cache_var)
  find_library(${cache_var} NAMES "lib${library}.a" HINTS ${directories}
    DOC "Static archive of the Lua module library ${library}")
  if(NOT ${cache_var})
    get_property(package GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULE_${name}_DEBIAN_PACKAGE)
    _luaembed_bundle_module_error(${target} ${name} "the static archive lib${library}.a was not found."
      "Install it with: sudo apt-get install ${package}")
  endif()
  set(${out_var} "${${cache_var}}" PARENT_SCOPE)
endfunction()

# Checks that the archives define luaopen_<name> for every name the module opens: a wrong
# declaration then stops the configure step instead of failing at link time.
function(_luaembed_bundle_check_opens target name archives opens)
  find_program(LUAEMBED_NM NAMES ${CMAKE_NM} nm)
  if(NOT LUAEMBED_NM)
    return()
  endif()
  execute_process(COMMAND "${LUAEMBED_NM}" -g --defined-only ${archives}
    OUTPUT_VARIABLE symbols ERROR_QUIET)
  foreach(require_name IN LISTS opens)
    string(REPLACE "." "_" function "luaopen_${require_name}")
    if(NOT symbols MATCHES " T ${function}\n")
      _luaembed_bundle_module_error(${target} ${name} "no ${function} in ${archives}.")
    endif()
  endforeach()
endfunction()

# The Lua parts of a module as <file>=<path> pairs, <file> relative to Lua's module directory.
function(_luaembed_bundle_module_lua_files target name files out_var)
  set(pairs "")
  if(files)
    pkg_get_variable(lua_directory lua${LUAEMBED_LUA_ABI} INSTALL_LMOD)
  endif()
  foreach(file IN LISTS files)
    set(path "${lua_directory}/${file}")
    if(NOT lua_directory OR NOT EXISTS "${path}")
      get_property(package GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULE_${name}_DEBIAN_PACKAGE)
      _luaembed_bundle_module_error(${target} ${name} "its Lua file ${path} does not exist."
        "Install it with: sudo apt-get install ${package}")
    endif()
    list(APPEND pairs "${file}=${path}")
  endforeach()
  set(${out_var} "${pairs}" PARENT_SCOPE)
endfunction()

# _luaembed_bundle_resolve_module(<target> <name> <static> <opens-var> <link-var> <scripts-var>)
#   What bundling the module <name> takes: the require names it opens, what to link (its
#   static archives, then the system libraries their .pc files name), and its Lua files.
function(_luaembed_bundle_resolve_module target name static opens_var link_var scripts_var)
  get_property(known GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULES)
  if(NOT name IN_LIST known)
    string(JOIN ", " known_list ${known})
    _luaembed_bundle_module_error(${target} ${name} "unknown module. The known ones are ${known_list}."
      "Declare others with luaembed_bundle_declare_module().")
  endif()
  foreach(field PKG_CONFIG OPENS LUA_FILES NOT_STATIC)
    get_property(${field} GLOBAL PROPERTY LUAEMBED_BUNDLE_MODULE_${name}_${field})
  endforeach()
  if(static AND NOT_STATIC)
    _luaembed_bundle_module_error(${target} ${name} "cannot go into a fully static (STATIC) bundle:"
      "${NOT_STATIC}." "Build this bundle without STATIC.")
  endif()
  # Lua itself comes from luaembed::lua, linked once and whole; the .pc files also name it.
  set(lua_libraries lua${LUAEMBED_LUA_ABI} lua${LUAEMBED_LUA_ABI}-c++)
  set(archives "")
  set(system_libraries "")
  foreach(pc_module IN LISTS PKG_CONFIG)
    _luaembed_bundle_pkg_config(${target} ${name} ${pc_module} pc)
    foreach(library IN LISTS ${pc}_LIBRARIES)
      if(NOT library IN_LIST lua_libraries)
        _luaembed_bundle_find_archive(${target} ${name} ${library} "${${pc}_LIBRARY_DIRS}" archive)
        list(APPEND archives "${archive}")
      endif()
    endforeach()
    # Libs.private: what the archives need from the system, linked by name.
    foreach(library IN LISTS ${pc}_STATIC_LIBRARIES)
      if(NOT library IN_LIST lua_libraries AND NOT library IN_LIST ${pc}_LIBRARIES)
        list(APPEND system_libraries "${library}")
      endif()
    endforeach()
  endforeach()
  _luaembed_bundle_check_opens(${target} ${name} "${archives}" "${OPENS}")
  _luaembed_bundle_module_lua_files(${target} ${name} "${LUA_FILES}" scripts)
  list(REMOVE_DUPLICATES system_libraries)
  set(${opens_var} "${OPENS}" PARENT_SCOPE)
  set(${link_var} ${archives} ${system_libraries} PARENT_SCOPE)
  set(${scripts_var} "${scripts}" PARENT_SCOPE)
endfunction()
