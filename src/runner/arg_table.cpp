// The global `arg` (runner.hpp).
#include "runner.hpp"

namespace luaembed::runner {

void create_arg_table(lua_State *L, int argc, char **argv, int zero) {
  int positive_count = argc - zero - 1 > 0 ? argc - zero - 1 : 0;
  lua_createtable(L, positive_count, zero + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - zero);
  }
  lua_setglobal(L, "arg");
}

}  // namespace luaembed::runner
