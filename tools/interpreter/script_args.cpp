#include "script_args.hpp"

#include "dialect.hpp"

#include "runner.hpp"

#include <algorithm>

namespace luaembed::interpreter {

void create_arg_table(lua_State* L, int argc, char** argv, int script) {
  int zero = script < argc || !dialect::arg_zero_without_script ? script : 0;  // becomes arg[0]
  runner::create_arg_table(L, argc, argv, zero);
}

namespace {

// The deepest a C function's stack may grow: the arguments must fit below it.
#if defined(LUAI_MAXSTACK)
constexpr lua_Integer stack_limit = LUAI_MAXSTACK;
#else
constexpr lua_Integer stack_limit = LUAI_MAXCSTACK;  // version: Lua 5.1 names it so
#endif

int push_from_arg_table(lua_State* L) {
  if (lua_getglobal(L, "arg") != LUA_TTABLE) luaL_error(L, "'arg' is not a table");
  // #arg honours __len; a length beyond what the stack can hold fails the check below.
  lua_Integer length = std::clamp<lua_Integer>(luaL_len(L, -1), 0, stack_limit);
  int count = static_cast<int>(length);
  luaL_checkstack(L, count + 3, "too many arguments to script");
  for (int i = 1; i <= count; i++) lua_rawgeti(L, -i, i);
  lua_remove(L, -count - 1);  // the table, now below its elements
  return count;
}

int push_up_to_nil(lua_State* L) {
  if (lua_getglobal(L, "arg") != LUA_TTABLE) return lua_pop(L, 1), 0;
  int count = 0;
  for (;;) {
    luaL_checkstack(L, 2, "too many arguments to script");
    if (lua_rawgeti(L, -1 - count, count + 1) == LUA_TNIL) break;
    count++;
  }
  lua_pop(L, 1);              // the nil
  lua_remove(L, -count - 1);  // the table
  return count;
}

int push_words(lua_State* L, int argc, char** argv, int script) {
  int count = argc - script - 1;
  luaL_checkstack(L, count + 3, "too many arguments to script");
  for (int i = script + 1; i < argc; i++) lua_pushstring(L, argv[i]);
  return count;
}

}  // namespace

int push_script_arguments(lua_State* L, int argc, char** argv, int script) {
  if (!dialect::arg_before_init) return push_words(L, argc, argv, script);
  if (dialect::arguments_up_to_nil) return push_up_to_nil(L);
  return push_from_arg_table(L);
}

}  // namespace luaembed::interpreter
