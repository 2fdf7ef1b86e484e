// Warnings (Lua 5.4's warn): assembled from their pieces and handed to the application.
#include <luaembed/state.hpp>

#include <cstdio>
#include <cstring>

namespace luaembed {

#if LUA_VERSION_NUM >= 504
namespace {

// Control messages ("@on", "@off") arrive whole; others may come in pieces (to_continue).
void deliver_warning(void *user_data, const char *piece, int to_continue) {
  auto *data = static_cast<detail::StateData *>(user_data);
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

}  // namespace
#endif

void StateView::set_warning_handler(std::function<void(std::string_view)> handler) const {
#if LUA_VERSION_NUM >= 504
  lua_State *L = lua_state();
  detail::StateData *data = detail::state_data(L);
  // A handler asked for warnings; Lua's own default starts with them off.
  data->warnings_on = static_cast<bool>(handler);
  data->warning_handler = std::move(handler);
  lua_setwarnf(L, deliver_warning, data);
#else
  (void)handler;
#endif
}

}  // namespace luaembed
