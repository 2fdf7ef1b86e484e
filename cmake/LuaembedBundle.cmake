# Single-binary bundles: Lua scripts and native modules linked into one executable, which
# `require` finds without a file on disk and without dlopen.
#
# luaembed_bundle(<target>
#     [MAIN <script.lua>]        the script the program runs, with the command line as `arg`
#                                and `...`; luaembed_bundle then creates the executable <target>
#     [SCRIPTS <file.lua>...]    Lua modules to embed; the name require takes is the path below
#                                SCRIPT_ROOT: text/wrap.lua is "text.wrap", text/init.lua "text"
#     [SCRIPT_ROOT <dir>]        where module names start; the current source directory by default
#     [MODULES <name>...]        native modules linked from their static archives (cjson, lpeg,
#                                lfs, socket, or declared with luaembed_bundle_declare_module)
#     [STATIC])                  link a fully static executable (-static): no dynamic loader
#
# Without MAIN, <target> must be an executable that already exists and has a main() of its own;
# it calls luaembed::bundle::install(L) (<luaembed/bundle.hpp>) on its Lua states.
#
# The scripts are turned into C++ sources at build time (LuaembedBundleEmbed.cmake), so editing
# one rebuilds the bundle. Error messages name them as they are named below SCRIPT_ROOT
# ("text/wrap.lua:12: ..."), and no path of the build machine goes into the program.
#
# A bundle links luaembed::luaembed like any host: Lua whole, its C API exported, so a bundle
# that is not STATIC still loads native modules from files. A STATIC one cannot, and says so.

include_guard(GLOBAL)

include(${CMAKE_CURRENT_LIST_DIR}/LuaembedLua.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/LuaembedBundleModules.cmake)

set_property(GLOBAL PROPERTY LUAEMBED_BUNDLE_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/LuaembedBundleEmbed.cmake")

# The name require takes for a file below the script root: jsonpick/path.lua -> jsonpick.path.
function(_luaembed_bundle_module_name file out_var)
  string(REGEX REPLACE "\\.lua$" "" name "${file}")
  string(REGEX REPLACE "(^|/)init$" "" name "${name}")  # Lua's ?/init.lua convention
  string(REPLACE "/" "." name "${name}")
  if(NOT name MATCHES "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$")
    message(FATAL_ERROR "luaembed_bundle: ${file} gives the module name '${name}'; a module name is "
      "made of letters, digits, '_' and '-' between dots (rename the file or change SCRIPT_ROOT).")
  endif()
  set(${out_var} "${name}" PARENT_SCOPE)
endfunction()

# <file>=<path> pairs for the scripts, <file> being the path below the script root.
function(_luaembed_bundle_script_pairs target root scripts out_var)
  set(pairs "")
  foreach(script IN LISTS scripts)
    get_filename_component(path "${script}" ABSOLUTE)
    file(RELATIVE_PATH file "${root}" "${path}")
    if(file MATCHES "^\\.\\./" OR IS_ABSOLUTE "${file}")
      message(FATAL_ERROR "luaembed_bundle(${target}): ${script} is not below SCRIPT_ROOT ${root}.")
    endif()
    if(NOT file MATCHES "\\.lua$")
      message(FATAL_ERROR "luaembed_bundle(${target}): ${script} is not a .lua file.")
    endif()
    if(NOT EXISTS "${path}")
      message(FATAL_ERROR "luaembed_bundle(${target}): ${script} does not exist.")
    endif()
    list(APPEND pairs "${file}=${path}")
  endforeach()
  set(${out_var} "${pairs}" PARENT_SCOPE)
endfunction()

# value as a C++ string literal.
function(_luaembed_bundle_c_string value out_var)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out_var} "\"${value}\"" PARENT_SCOPE)
endfunction()

# Adds the build step that turns path (<file> below the script root) into <generated>,
# defining embedded::<symbol>.
function(_luaembed_bundle_embed target file path generated symbol)
  get_property(embed_script GLOBAL PROPERTY LUAEMBED_BUNDLE_EMBED_SCRIPT)
  add_custom_command(OUTPUT "${generated}"
    COMMAND "${CMAKE_COMMAND}" "-DINPUT=${path}" "-DOUTPUT=${generated}" "-DSYMBOL=${symbol}"
      -P "${embed_script}"
    DEPENDS "${path}" "${embed_script}"
    COMMENT "Embedding ${file} in ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE "${generated}")
endfunction()

# Embeds every <file>=<path> pair; appends their Script entries to the variable entries_var
# and the declarations of their texts to declarations_var.
function(_luaembed_bundle_embed_scripts target pairs entries_var declarations_var)
  set(entries "${${entries_var}}")
  set(declarations "${${declarations_var}}")
  set(names "")
  set(index 0)
  foreach(pair IN LISTS pairs)
    string(FIND "${pair}" "=" split)
    string(SUBSTRING "${pair}" 0 ${split} file)
    math(EXPR path_start "${split} + 1")
    string(SUBSTRING "${pair}" ${path_start} -1 path)
    _luaembed_bundle_module_name("${file}" name)
    if(name IN_LIST names)
      message(FATAL_ERROR "luaembed_bundle(${target}): two scripts give the module name '${name}'.")
    endif()
    list(APPEND names "${name}")
    math(EXPR index "${index} + 1")
    _luaembed_bundle_embed(${target} "${file}" "${path}"
      "${CMAKE_CURRENT_BINARY_DIR}/${target}.bundle/embedded/${file}.cpp" text_${index})
    _luaembed_bundle_c_string("@${file}" chunk_name)
    string(APPEND entries "    {\"${name}\", ${chunk_name}, &embedded::text_${index}},\n")
    string(APPEND declarations "extern const Text text_${index};\n")
  endforeach()
  set(${entries_var} "${entries}" PARENT_SCOPE)
  set(${declarations_var} "${declarations}" PARENT_SCOPE)
endfunction()

# Embeds the main script; its chunk name is its path below the script root, or its file name.
function(_luaembed_bundle_embed_main target root main out_var)
  get_filename_component(path "${main}" ABSOLUTE)
  file(RELATIVE_PATH file "${root}" "${path}")
  if(file MATCHES "^\\.\\./" OR IS_ABSOLUTE "${file}")
    get_filename_component(file "${path}" NAME)
  endif()
  _luaembed_bundle_embed(${target} "${file}" "${path}"
    "${CMAKE_CURRENT_BINARY_DIR}/${target}.bundle/main/${file}.cpp" main_text)
  _luaembed_bundle_c_string("@${file}" chunk_name)
  set(${out_var} "{\"\", ${chunk_name}, &embedded::main_text}" PARENT_SCOPE)
endfunction()

# Writes content to file when it differs, so an unchanged bundle does not recompile.
function(_luaembed_bundle_write file content)
  file(WRITE "${file}.new" "${content}")
  file(COPY_FILE "${file}.new" "${file}" ONLY_IF_DIFFERENT)
  file(REMOVE "${file}.new")
endfunction()

# The manifest: what the runtime installs (luaembed::bundle::manifest, <luaembed/bundle.hpp>).
function(_luaembed_bundle_write_manifest target opens script_entries text_declarations main_entry static)
  set(open_declarations "")
  set(module_entries "")
  foreach(require_name IN LISTS opens)
    string(REPLACE "." "_" function "luaopen_${require_name}")
    string(APPEND open_declarations "int ${function}(lua_State *L);\n")
    string(APPEND module_entries "    {\"${require_name}\", ${function}},\n")
  endforeach()
  set(modules "std::span<const NativeModule>{}")
  if(module_entries)
    set(modules "native_modules")
  endif()
  set(scripts "std::span<const Script>{}")
  if(script_entries)
    set(scripts "scripts")
  endif()
  set(main "nullptr")
  if(main_entry)
    set(main "&main_script")
  endif()
  set(searcher "nullptr")
  if(static)
    set(searcher "static_program_searcher")
  endif()
  set(content "// Generated by luaembed_bundle(${target}): what the bundle carries.\n")
  string(APPEND content "#include <luaembed/bundle.hpp>\n\n")
  string(APPEND content "extern \"C\" {\n${open_declarations}}\n\n")
  string(APPEND content "namespace luaembed::bundle {\n\n")
  string(APPEND content "namespace embedded {\n${text_declarations}}  // namespace embedded\n\n")
  string(APPEND content "namespace {\n")
  if(module_entries)
    string(APPEND content "const NativeModule native_modules[] = {\n${module_entries}};\n")
  endif()
  if(script_entries)
    string(APPEND content "const Script scripts[] = {\n${script_entries}};\n")
  endif()
  if(main_entry)
    string(APPEND content "const Script main_script = ${main_entry};\n")
  endif()
  string(APPEND content "}  // namespace\n\n")
  string(APPEND content "const Manifest manifest = {${modules}, ${scripts}, ${main}, ${searcher}};\n\n")
  string(APPEND content "}  // namespace luaembed::bundle\n")
  set(manifest "${CMAKE_CURRENT_BINARY_DIR}/${target}.bundle/manifest.cpp")
  _luaembed_bundle_write("${manifest}" "${content}")
  target_sources(${target} PRIVATE "${manifest}")
endfunction()

# Creates the executable for a bundle with a main script, or checks the one it is added to.
function(_luaembed_bundle_target target main)
  if(NOT TARGET luaembed::bundle_runtime)
    message(FATAL_ERROR "luaembed_bundle(${target}): luaembed::bundle_runtime is not defined: "
      "call luaembed_bundle after add_subdirectory(luaembed) or find_package(luaembed).")
  endif()
  if(TARGET ${target})
    get_target_property(type ${target} TYPE)
    get_target_property(bundled ${target} LUAEMBED_BUNDLE)
    get_target_property(directory ${target} SOURCE_DIR)
    if(NOT type STREQUAL "EXECUTABLE")
      message(FATAL_ERROR "luaembed_bundle(${target}): ${target} is a ${type}; a bundle is an executable.")
    elseif(bundled)
      message(FATAL_ERROR "luaembed_bundle(${target}): ${target} is a bundle already; a program holds one.")
    elseif(main)
      message(FATAL_ERROR "luaembed_bundle(${target}): ${target} exists and has a main() of its own: "
        "drop MAIN and call luaembed::bundle::install(L), or let luaembed_bundle create the target.")
    elseif(NOT directory STREQUAL CMAKE_CURRENT_SOURCE_DIR)
      # The build steps that embed the scripts belong to this directory, as must the target.
      message(FATAL_ERROR "luaembed_bundle(${target}): call it in ${directory}, where ${target} is created.")
    endif()
  elseif(NOT main)
    message(FATAL_ERROR "luaembed_bundle(${target}): MAIN <script.lua> is needed to create ${target}; "
      "to add a bundle to a program with a main() of its own, create the executable first.")
  else()
    set(generated_main "${CMAKE_CURRENT_BINARY_DIR}/${target}.bundle/main.cpp")
    string(CONCAT content
      "// Generated by luaembed_bundle(${target}): the program runs its main script.\n"
      "#include <luaembed/bundle.hpp>\n\n"
      "int main(int argc, char **argv) { return luaembed::bundle::run_main(argc, argv); }\n")
    _luaembed_bundle_write("${generated_main}" "${content}")
    add_executable(${target} "${generated_main}")
  endif()
  set_target_properties(${target} PROPERTIES LUAEMBED_BUNDLE ON)
endfunction()

# -static, and Lua's calls of dlopen & co. sent to the refusals in static_program.cpp, so that
# glibc's static dlopen (usable only with the exact glibc of the build) is never called and
# the linker never warns about it.
function(_luaembed_bundle_make_static target)
  target_link_options(${target} PRIVATE -static
    "LINKER:--wrap=dlopen,--wrap=dlsym,--wrap=dlerror,--wrap=dlclose")
endfunction()

function(luaembed_bundle target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "STATIC" "MAIN;SCRIPT_ROOT" "SCRIPTS;MODULES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "luaembed_bundle(${target}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(root "${CMAKE_CURRENT_SOURCE_DIR}")
  if(arg_SCRIPT_ROOT)
    get_filename_component(root "${arg_SCRIPT_ROOT}" ABSOLUTE)
  endif()
  get_filename_component(main_path "${arg_MAIN}" ABSOLUTE)
  if(arg_MAIN AND NOT EXISTS "${main_path}")
    message(FATAL_ERROR "luaembed_bundle(${target}): MAIN ${arg_MAIN} does not exist.")
  endif()
  _luaembed_bundle_script_pairs(${target} "${root}" "${arg_SCRIPTS}" script_pairs)

  set(opens "")
  set(links "")
  foreach(module IN LISTS arg_MODULES)
    _luaembed_bundle_resolve_module(${target} ${module} "${arg_STATIC}" module_opens module_links module_scripts)
    list(APPEND opens ${module_opens})
    list(APPEND links ${module_links})
    list(APPEND script_pairs ${module_scripts})
  endforeach()
  list(REMOVE_DUPLICATES opens)

  _luaembed_bundle_target(${target} "${arg_MAIN}")
  set(entries "")
  set(declarations "")
  _luaembed_bundle_embed_scripts(${target} "${script_pairs}" entries declarations)
  set(main_entry "")
  if(arg_MAIN)
    _luaembed_bundle_embed_main(${target} "${root}" "${arg_MAIN}" main_entry)
    string(APPEND declarations "extern const Text main_text;\n")
  endif()
  _luaembed_bundle_write_manifest(${target} "${opens}" "${entries}" "${declarations}"
    "${main_entry}" "${arg_STATIC}")

  target_link_libraries(${target} PRIVATE luaembed::bundle_runtime ${links})
  if(arg_STATIC)
    _luaembed_bundle_make_static(${target})
  endif()
endfunction()
