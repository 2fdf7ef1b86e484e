// A fully static program (luaembed_bundle(... STATIC)) has no dynamic loader and no dynamic
// symbol table: a native module file could not bind to the Lua C API even if it were loaded.
// Everything here makes that a clear Lua error instead of a crash or a glibc warning. The
// generated manifest of a static bundle names static_program_searcher, which also links in
// the dlopen replacements below.
#include "runtime.hpp"

#include <cstring>

namespace luaembed::bundle {

namespace {

constexpr const char static_program_note[] =
    "this program is fully static: native modules must be bundled with "
    "luaembed_bundle(... MODULES ...)";

// The file Lua's C searcher would have loaded for name, or nullptr: package.searchpath over
// package.cpath, both read from the package table (the searcher's upvalue) as Lua does.
const char *find_native_file(lua_State *L, const char *name) {
  lua_getfield(L, lua_upvalueindex(1), "searchpath");
  lua_pushstring(L, name);
  if (lua_getfield(L, lua_upvalueindex(1), "cpath") != LUA_TSTRING) {
    luaL_error(L, "'package.cpath' must be a string");
  }
  lua_call(L, 2, 1);
  return lua_tostring(L, -1);
}

// For "a.b.c", the root "a": Lua's all-in-one searcher looks for luaopen_a_b_c in a's file.
const char *find_native_root_file(lua_State *L, const char *name) {
  const char *dot = std::strchr(name, '.');
  if (dot == nullptr) return nullptr;
  lua_pushlstring(L, name, static_cast<size_t>(dot - name));
  return find_native_file(L, lua_tostring(L, -1));
}

}  // namespace

int static_program_searcher(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *file = find_native_file(L, name);
  if (file == nullptr) file = find_native_root_file(L, name);
  if (file != nullptr) {
    // The file exists: fail as Lua does for a module that does not load, saying why.
    return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file,
                      static_program_note);
  }
  lua_pushfstring(L, "no native module '%s' (%s)", name, static_program_note);
  return 1;
}

}  // namespace luaembed::bundle

// Lua's package library calls dlopen, dlsym, dlerror and dlclose (package.loadlib and the C
// searchers). In a -static program glibc's dlopen can only load libraries of the very glibc
// the program was linked with, and the linker warns about it at every link. A static bundle
// links with --wrap=dlopen (and the three others): Lua's calls come to the functions below
// instead, so no call of Lua can reach glibc's dlopen and the linker has nothing to warn
// about; package.loadlib returns nil and the reason. The names are those --wrap requires.
extern "C" {

void *__wrap_dlopen(const char *, int) { return nullptr; }

void *__wrap_dlsym(void *, const char *) { return nullptr; }

char *__wrap_dlerror(void) {
  return const_cast<char *>(luaembed::bundle::static_program_note);
}

int __wrap_dlclose(void *) { return 0; }

}  // extern "C"
