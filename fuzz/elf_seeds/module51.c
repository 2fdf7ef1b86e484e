/* A module of Lua 5.1 or LuaJIT: it imports names only their API has. */
void luaL_register(void *L, const char *name, const void *functions);
unsigned long lua_objlen(void *L, int index);

int luaopen_old(void *L) {
  luaL_register(L, "old", 0);
  return (int)lua_objlen(L, -1);
}
