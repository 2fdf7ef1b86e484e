# The Lua C API as a linker dynamic list, generated from a Lua's own headers.
#
# luaembed_lua_api_names(<out-var> INCLUDE_DIR <dir> [ARCHIVE <archive.a>])
#   The names of the functions lua.h, lauxlib.h and lualib.h declare with LUA_API, LUALIB_API
#   or LUAMOD_API, and the data symbol lua_ident: the lua_*, luaL_* and luaopen_* API. LuaJIT's
#   luajit.h adds its public luaJIT_* functions.
#   With ARCHIVE, names the archive does not define are dropped (an API a header declares under
#   a compatibility switch the archive was built without), so the list is exactly what exists.
#
# luaembed_write_api_list(INCLUDE_DIR <dir> [ARCHIVE <archive.a>] OUTPUT <file>)
#   Writes the names as a dynamic list; the file changes only when its content does.
#
# Script mode, for builds that do not use CMake:
#   cmake -DINCLUDE_DIR=/usr/include/lua5.4 -DOUTPUT=lua54.dynlist -P LuaembedApiList.cmake

include_guard(GLOBAL)
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_minimum_required(VERSION 3.25)  # script mode starts with no policies set
endif()

function(luaembed_lua_api_names out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "INCLUDE_DIR;ARCHIVE" "")
  set(names "")
  set(headers lua.h lauxlib.h lualib.h)
  if(EXISTS "${arg_INCLUDE_DIR}/luajit.h")
    list(APPEND headers luajit.h)
  endif()
  foreach(header IN LISTS headers)
    set(path "${arg_INCLUDE_DIR}/${header}")
    if(NOT EXISTS "${path}")
      message(FATAL_ERROR "luaembed: ${path} does not exist; INCLUDE_DIR must hold the Lua headers.")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${path}")
    file(READ "${path}" text)
    # LUA_API int (lua_gettop) (lua_State *L);  -- PUC Lua parenthesises the name;
    # LUA_API int luaJIT_setmode(lua_State *L, ...);  -- luajit.h does not.
    string(REGEX MATCHALL
      "LUA(LIB|MOD)?_API[^;(]*[ \t*]\\(?lua[A-Za-z0-9]*_[A-Za-z0-9_]+\\)?[ \t\r\n]*\\("
      declarations "${text}")
    foreach(declaration IN LISTS declarations)
      string(REGEX REPLACE ".*[ \t*(](lua[A-Za-z0-9]*_[A-Za-z0-9_]+)\\)?[ \t\r\n]*\\($" "\\1" name "${declaration}")
      list(APPEND names "${name}")
    endforeach()
    # A declared name renamed by a macro (5.1: #define luaI_openlib luaL_openlib) is linked
    # under the new name.
    string(REGEX MATCHALL "#define[ \t]+lua[A-Za-z0-9]*_[A-Za-z0-9_]+[ \t]+lua[A-Za-z0-9]*_[A-Za-z0-9_]+[ \t]*\n"
      aliases "${text}")
    foreach(alias IN LISTS aliases)
      string(REGEX REPLACE "#define[ \t]+([A-Za-z0-9_]+)[ \t]+([A-Za-z0-9_]+).*" "\\1;\\2" pair "${alias}")
      list(GET pair 0 declared)
      list(GET pair 1 target)
      if(declared IN_LIST names)
        list(APPEND names "${target}")
      endif()
    endforeach()
    # LuaJIT's version check symbol, which its C modules reference.
    if(text MATCHES "#define[ \t]+LUAJIT_VERSION_SYM[ \t]+(luaJIT_[A-Za-z0-9_]+)")
      list(APPEND names "${CMAKE_MATCH_1}")
    endif()
    if(text MATCHES "lua_ident\\[\\]")
      list(APPEND names lua_ident)
    endif()
  endforeach()
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  if(NOT names)
    message(FATAL_ERROR "luaembed: found no Lua API declarations in ${arg_INCLUDE_DIR}.")
  endif()
  if(arg_ARCHIVE)
    _luaembed_keep_defined(names "${arg_ARCHIVE}")
  endif()
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

# Sets out_var to the global symbols the archive defines, as nm prints them (one
# "<address> <type> <name>" a line), or to NOTFOUND when there is no nm to read them with.
function(_luaembed_archive_symbols out_var archive)
  find_program(LUAEMBED_NM NAMES ${CMAKE_NM} nm)
  if(NOT LUAEMBED_NM)
    set(${out_var} NOTFOUND PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND "${LUAEMBED_NM}" --defined-only -g "${archive}"
    OUTPUT_VARIABLE symbols ERROR_QUIET RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "luaembed: cannot read the symbols of ${archive} with ${LUAEMBED_NM}.")
  endif()
  set(${out_var} "${symbols}" PARENT_SCOPE)
endfunction()

# Drops from the list named by names_var the names the archive does not define.
function(_luaembed_keep_defined names_var archive)
  _luaembed_archive_symbols(symbols "${archive}")
  if(symbols STREQUAL "NOTFOUND")
    return()
  endif()
  set(kept "")
  set(dropped "")
  foreach(name IN LISTS ${names_var})
    if(symbols MATCHES " [A-Z] ${name}\n")
      list(APPEND kept ${name})
    else()
      list(APPEND dropped ${name})
    endif()
  endforeach()
  if(dropped)
    message(STATUS "luaembed: declared but not in ${archive}, not exported: ${dropped}")
  endif()
  set(${names_var} "${kept}" PARENT_SCOPE)
endfunction()

function(luaembed_write_api_list)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "INCLUDE_DIR;ARCHIVE;OUTPUT" "")
  luaembed_lua_api_names(names INCLUDE_DIR "${arg_INCLUDE_DIR}" ARCHIVE "${arg_ARCHIVE}")
  list(LENGTH names count)
  set(headers "lua,lauxlib,lualib")
  if(EXISTS "${arg_INCLUDE_DIR}/luajit.h")
    string(APPEND headers ",luajit")
  endif()
  set(content "/* The Lua C API: ${count} symbols declared in ${arg_INCLUDE_DIR}/{${headers}}.h.\n")
  string(APPEND content "   Generated by luaembed; pass to the linker with -Wl,--dynamic-list=<this file>. */\n{\n")
  foreach(name IN LISTS names)
    string(APPEND content "  ${name};\n")
  endforeach()
  string(APPEND content "};\n")
  file(WRITE "${arg_OUTPUT}.new" "${content}")
  file(COPY_FILE "${arg_OUTPUT}.new" "${arg_OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${arg_OUTPUT}.new")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT INCLUDE_DIR OR NOT OUTPUT)
    message(FATAL_ERROR "usage: cmake -DINCLUDE_DIR=<dir of lua.h> [-DARCHIVE=<liblua.a>] -DOUTPUT=<file> -P ${CMAKE_CURRENT_LIST_FILE}")
  endif()
  luaembed_write_api_list(INCLUDE_DIR "${INCLUDE_DIR}" ARCHIVE "${ARCHIVE}" OUTPUT "${OUTPUT}")
endif()
