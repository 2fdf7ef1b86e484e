// Warnings (Lua 5.4's warn): assembled from their pieces and handed to the application.
//
// Lua 5.1 to 5.3 have no warn. When the application sets a handler there, luaembed provides
// the global function warn itself, with 5.4's rules (strings only; "@on" or "@off" alone is a
// control message), so that scripts and handlers behave the same on every version.
#include "state_record.hpp"

#include <luaembed/state.hpp>

#include <cstdio>
#include <cstring>

namespace luaembed {

namespace {

// Control messages ("@on", "@off") arrive whole; others may come in pieces (to_continue).
void deliver_warning(void *user_data, const char *piece, int to_continue) {
  auto *data = static_cast<detail::StateRecord *>(user_data);
  if (data->warning_pieces.empty() && !to_continue && piece[0] == '@') {
    if (std::strcmp(piece, "@on") == 0) data->warnings_on = true;
    if (std::strcmp(piece, "@off") == 0) data->warnings_on = false;
    return;
  }
  try {
    data->warning_pieces += piece;
    if (to_continue) return;
    std::string message = std::move(data->warning_pieces);
    data->warning_pieces.clear();
    if (!data->warnings_on) return;
    if (data->warning_handler) data->warning_handler(message);
    else std::fprintf(stderr, "Lua warning: %s\n", message.c_str());
  } catch (...) {
    // A warning must not raise: Lua calls this from C frames. The message is dropped.
    data->warning_pieces.clear();
  }
}

#if LUA_VERSION_NUM < 504  // version: warn
// warn(piece, ...): the pieces of one message. Upvalue: the state's record.
int warn(lua_State *L) {
  int count = lua_gettop(L);
  luaL_checkstring(L, 1);
  for (int i = 2; i <= count; i++) luaL_checkstring(L, i);
  void *data = lua_touserdata(L, lua_upvalueindex(1));
  for (int i = 1; i <= count; i++) deliver_warning(data, lua_tostring(L, i), i < count);
  return 0;
}
#endif

}  // namespace

void StateView::set_warning_handler(std::function<void(std::string_view)> handler) const {
  lua_State *L = lua_state();
  detail::StateRecord *data = detail::state_data(L);
  // A handler asked for warnings; Lua's own default starts with them off.
  data->warnings_on = static_cast<bool>(handler);
  bool provide_warn = !compat::has_warnings && handler;
  data->warning_handler = std::move(handler);
#if LUA_VERSION_NUM >= 504
  (void)provide_warn;
  lua_setwarnf(L, deliver_warning, data);
#else
  if (!provide_warn) return;
  detail::protect(L, 0, 0, [data](lua_State *L) {
    lua_pushlightuserdata(L, data);
    lua_pushcclosure(L, warn, 1);
    lua_setglobal(L, "warn");
    return 0;
  });
#endif
}

}  // namespace luaembed
