// The searcher for the scripts embedded in the program. It behaves as Lua's own searcher for
// Lua files: it returns the loaded chunk and the file name, which require passes to the chunk
// and returns as its second result, and its chunk names make messages point at the original
// file ("jsonpick/path.lua:12: ...").
#include "runtime.hpp"

#include <cstring>

namespace luaembed::bundle {

namespace {

const Script *find_script(const char *module_name) {
  for (const Script &script : manifest.scripts) {
    if (std::strcmp(script.module_name, module_name) == 0) return &script;
  }
  return nullptr;
}

const char *file_name(const Script &script) {
  return script.chunk_name + 1;  // without the '@' that marks a chunk name as a file name
}

}  // namespace

int load_script(lua_State *L, const Script &script) {
  // Text only: the embedded files are Lua sources, and a binary chunk is never trusted.
  return luaL_loadbufferx(L, reinterpret_cast<const char *>(script.text->bytes), script.text->size,
                          script.chunk_name, "t");
}

int embedded_script_searcher(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const Script *script = find_script(name);
  if (script == nullptr) {
    lua_pushfstring(L, "no embedded module '%s'", name);
    return 1;
  }
  if (load_script(L, *script) != LUA_OK) {
    return luaL_error(L, "error loading module '%s' from embedded file '%s':\n\t%s", name,
                      file_name(*script), lua_tostring(L, -1));
  }
  lua_pushstring(L, file_name(*script));
  return 2;
}

}  // namespace luaembed::bundle
