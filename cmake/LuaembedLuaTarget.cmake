# Lua from a CMake target the program already has: LUAEMBED_LUA_TARGET, its own
# add_library(lua STATIC ...) of vendored sources or what a package manager's CMake config
# provides (an IMPORTED static library).
#
# _luaembed_use_lua_target()
#   Checks that the target exists and is a static library, finds lua.h in its include
#   directories, reads the version from it, and sets what LuaembedLua.cmake sets for Debian's
#   Lua. luaembed links the target whole, and its usage requirements (the switches Lua's headers
#   are read with) reach luaembed's own code.
#
# The export list is written once the library is built (_luaembed_api_list_of_built_lua).

include_guard(GLOBAL)

# The first of the target's include directories (build-tree ones, or plain paths) holding lua.h.
function(_luaembed_lua_target_headers target out_var)
  get_target_property(directories ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT directories)
    set(directories "")
  endif()
  foreach(directory IN LISTS directories)
    string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" directory "${directory}")
    if(NOT directory MATCHES "^\\$<" AND EXISTS "${directory}/lua.h")
      set(${out_var} "${directory}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "luaembed: LUAEMBED_LUA_TARGET is ${target}, and none of its include directories "
    "holds lua.h (INTERFACE_INCLUDE_DIRECTORIES: '${directories}').\n"
    "Give it the folder of Lua's headers: target_include_directories(${target} PUBLIC <folder of lua.h>).")
endfunction()

function(_luaembed_use_lua_target)
  set(target "${LUAEMBED_LUA_TARGET}")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "luaembed: LUAEMBED_LUA_TARGET is ${target}, which is not a target.\n"
      "Define it before luaembed is added (add_library(${target} STATIC ...), or find_package of the "
      "package that provides it), then add_subdirectory(luaembed).")
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "STATIC_LIBRARY")
    message(FATAL_ERROR "luaembed: LUAEMBED_LUA_TARGET is ${target}, a ${type}; luaembed links Lua "
      "statically and whole, so that the program exports Lua's API for the modules it loads.\n"
      "Build Lua as a static library: add_library(${target} STATIC ...), or choose the static "
      "variant of the package that provides it.")
  endif()
  _luaembed_lua_target_headers(${target} include_dir)
  _luaembed_header_version("${include_dir}" version)
  if(NOT version MATCHES "^5\\.[1-4]$")
    message(FATAL_ERROR "luaembed: ${include_dir}/lua.h, of LUAEMBED_LUA_TARGET ${target}, is Lua "
      "${version}; luaembed works with Lua 5.1 to 5.4.\nHand it a target of one of those.")
  endif()

  _luaembed_api_list_of_built_lua(api_list ${target} "${include_dir}" ${version})

  _luaembed_set_lua_results(${version} "${include_dir}" "${api_list}"
    "$<TARGET_PROPERTY:${target},INTERFACE_COMPILE_DEFINITIONS>")
endfunction()
