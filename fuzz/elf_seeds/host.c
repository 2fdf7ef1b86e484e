/* A host reduced to what the doctor reads: Lua's version string, a package.cpath default and
   a few API functions in its dynamic symbol table. It is never run. */
const char lua_ident[] = "$LuaVersion: Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio $";
const char lua_cpath_default[] = "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;./?.so";

int lua_gettop(void *L) { return L != 0; }
void lua_pushinteger(void *L, long long n) { (void)L; (void)n; }
void *lua_newstate(void *allocator, void *data) { (void)allocator; return data; }
void *lua_newuserdatauv(void *L, unsigned long size, int user_values) {
  (void)size; (void)user_values;
  return L;
}

void _start(void) {
  for (;;) {
  }
}
