// Reading the arguments of the string functions (arguments.hpp).
#include "arguments.hpp"

#include <cstring>

namespace luaembed::detail::strings {

namespace {

// LuaJIT: a 32-bit init, negative from the end, clamped to the subject.
Start luajit_start(lua_State *L, int arg, std::size_t subject_length) {
  std::int32_t init = lua_isnoneornil(L, arg) ? 1 : luajit_int32(luaL_checknumber(L, arg));
  std::int64_t offset = init < 0 ? std::int64_t{init} + static_cast<std::int64_t>(subject_length) : init - 1;
  if (offset < 0) offset = 0;
  if (static_cast<std::uint64_t>(offset) > subject_length) offset = static_cast<std::int64_t>(subject_length);
  return {static_cast<std::size_t>(offset), false};
}

// Lua 5.1: negative from the end, then clamped to the subject.
Start clamped_start(lua_State *L, int arg, std::size_t subject_length) {
  lua_Integer init = luaL_optinteger(L, arg, 1);
  if (init < 0) init += static_cast<lua_Integer>(subject_length) + 1;
  if (init <= 0) return {0, false};
  std::size_t offset = static_cast<std::size_t>(init) - 1;
  return {offset > subject_length ? subject_length : offset, false};
}

// Lua 5.2 and later: 0 and anything before the start mean the start; beyond the end, nil.
Start checked_start(lua_State *L, int arg, std::size_t subject_length) {
  lua_Integer init = luaL_optinteger(L, arg, 1);
  std::size_t position;  // from 1
  if (init > 0)
    position = static_cast<std::size_t>(init);
  else if (init == 0 || static_cast<std::size_t>(0) - static_cast<std::size_t>(init) > subject_length)
    position = 1;
  else
    position = subject_length - (static_cast<std::size_t>(0) - static_cast<std::size_t>(init)) + 1;
  return {position - 1, position - 1 > subject_length};
}

}  // namespace

Start read_start(lua_State *L, int arg, std::size_t subject_length) {
  if (int32_start) return luajit_start(L, arg, subject_length);
  if (!start_past_end_fails) return clamped_start(L, arg, subject_length);
  return checked_start(L, arg, subject_length);
}

ReplacementCount read_replacement_limit(lua_State *L, int arg, std::size_t subject_length) {
  return static_cast<ReplacementCount>(luaL_optinteger(L, arg, static_cast<lua_Integer>(subject_length + 1)));
}

void check_replacement_type(lua_State *L, int arg) {
  int type = lua_type(L, arg);
  if (type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION || type == LUA_TTABLE) return;
#if LUA_VERSION_NUM >= 504  // version: 5.4 names the type it got
  luaL_typeerror(L, arg, "string/function/table");
#else
  luaL_argerror(L, arg, "string/function/table expected");
#endif
}

RepetitionCount read_repetition_count(lua_State *L, int arg) {
  if (luajit) return luajit_int32(luaL_checknumber(L, arg));
  return static_cast<RepetitionCount>(luaL_checkinteger(L, arg));
}

const char *read_separator(lua_State *L, int arg, std::size_t *length) {
  *length = 0;
  if (!rep_has_separator) return "";
  if (luajit && lua_isnoneornil(L, arg)) return "";
  return luaL_optlstring(L, arg, "", length);
}

bool has_no_specials(const char *pattern, std::size_t length) {
  if (version < 502 && !luajit) length = strnlen(pattern, length);
  for (std::size_t i = 0; i < length; ++i) {
    switch (pattern[i]) {
      case '^': case '$': case '*': case '+': case '?': case '.': case '(': case '[': case '%': case '-':
        return false;
    }
  }
  return true;
}

}  // namespace luaembed::detail::strings
