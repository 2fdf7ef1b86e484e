/* A C host that calls no luaL_ function at all, and does not open Lua's standard libraries:
 * only lua_newstate and a few lua_ calls. It loads modules the way package.loadlib does
 * (dlopen with RTLD_NOW, then luaopen_<name>), so every API symbol a module needs must be in
 * the executable and exported, although the host itself never references it.
 *   minimal_host <fresh_state.so> <cjson.so>
 */
#include <lua.h>

#ifndef LUA_OK
#define LUA_OK 0  /* Lua 5.1 does not name it */
#endif

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

static void *allocate(void *ud, void *block, size_t old_size, size_t new_size) {
  (void)ud; (void)old_size;
  if (new_size == 0) { free(block); return NULL; }
  return realloc(block, new_size);
}

/* Pushes what luaopen_<name> of the shared object at path returns; exits on failure. */
static void open_module(lua_State *L, const char *path, const char *name) {
  char entry[128];
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) { fprintf(stderr, "minimal_host: %s\n", dlerror()); exit(1); }
  snprintf(entry, sizeof entry, "luaopen_%s", name);
  lua_CFunction open = (lua_CFunction)(void (*)(void))dlsym(library, entry);
  if (open == NULL) { fprintf(stderr, "minimal_host: %s has no %s\n", path, entry); exit(1); }
  lua_pushcfunction(L, open);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
}

static void call_and_print(lua_State *L, const char *label) {
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    fprintf(stderr, "minimal_host: %s: %s\n", label, lua_tostring(L, -1));
    exit(1);
  }
  printf("%s\t%s\n", label, lua_tostring(L, -1));
  lua_pop(L, 1);
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: minimal_host <fresh_state.so> <cjson.so>\n"); return 2; }
  lua_State *L = lua_newstate(allocate, NULL);

  open_module(L, argv[1], "fresh_state");  /* needs luaL_newstate, luaL_openlibs, ... */
  lua_pushstring(L, "return string.rep('ab', 3) .. ' ' .. math.max(4, 9)");
  call_and_print(L, "fresh_state");

  open_module(L, argv[2], "cjson");        /* Debian's lua-cjson */
  lua_getfield(L, -1, "encode");
  lua_createtable(L, 3, 0);
  for (int i = 1; i <= 3; i++) { lua_pushinteger(L, i * 10); lua_rawseti(L, -2, i); }
  call_and_print(L, "cjson");

  lua_close(L);
  return 0;
}
