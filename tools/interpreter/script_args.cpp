#include "script_args.hpp"

#include <algorithm>

namespace luaembed::interpreter {

void create_arg_table(lua_State* L, int argc, char** argv, int script) {
  int zero = script < argc ? script : 0;  // the argv index that becomes arg[0]
  int positive_count = std::max(argc - zero - 1, 0);
  lua_createtable(L, positive_count, zero + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - zero);
  }
  lua_setglobal(L, "arg");
}

int push_script_arguments(lua_State* L) {
  if (lua_getglobal(L, "arg") != LUA_TTABLE) luaL_error(L, "'arg' is not a table");
  // #arg honours __len; a length beyond what the stack can hold fails the check below.
  lua_Integer length = std::clamp<lua_Integer>(luaL_len(L, -1), 0, LUAI_MAXSTACK);
  int count = static_cast<int>(length);
  luaL_checkstack(L, count + 3, "too many arguments to script");
  for (int i = 1; i <= count; i++) lua_rawgeti(L, -i, i);
  lua_remove(L, -count - 1);  // the table, now below its elements
  return count;
}

}  // namespace luaembed::interpreter
