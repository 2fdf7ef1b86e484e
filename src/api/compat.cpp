// The out-of-line half of compat.hpp: Lua 5.4's API written with an older Lua's.
//
// Inside namespace luaembed::compat an unqualified lua_rawgetp is compat's own when the Lua
// lacks it; ::lua_x names the Lua's function itself.
#include <luaembed/detail/compat.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace luaembed::inline compat {  // inline, as compat.hpp declares it

namespace {
const char main_thread_key = 0;
const char closed_threads_key = 0;

#if LUA_VERSION_NUM < 502
// Runs under lua_cpcall, since storing in the registry may raise. The first luaembed call on
// a state usually comes from its main thread; when it comes from a coroutine, a new thread
// stands in, one that no Lua code resumes and whose end no one waits for.
int remember_main_thread(lua_State *L) {
  auto *main = static_cast<lua_State **>(::lua_touserdata(L, 1));
  if (::lua_pushthread(L)) {
    *main = L;
  } else {
    lua_pop(L, 1);
    *main = ::lua_newthread(L);
  }
  lua_rawsetp(L, LUA_REGISTRYINDEX, &main_thread_key);
  return 0;
}
#endif
}  // namespace

lua_State *main_thread(lua_State *L) {
#if LUA_VERSION_NUM >= 502
  ::lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
#else
  lua_rawgetp(L, LUA_REGISTRYINDEX, &main_thread_key);
#endif
  lua_State *main = ::lua_tothread(L, -1);
  lua_pop(L, 1);
#if LUA_VERSION_NUM < 502
  if (main == nullptr && ::lua_cpcall(L, remember_main_thread, &main) != 0) {
    lua_pop(L, 1);  // out of memory: the caller reports it
    return nullptr;
  }
#endif
  return main;
}

void close_thread(lua_State *L, int index) {
  index = lua_absindex(L, index);
  lua_State *thread = ::lua_tothread(L, index);
#if LUA_VERSION_NUM >= 504  // version: lua_resetthread
  int status = ::lua_resetthread(thread);
  if (status != LUA_OK && status != LUA_YIELD) lua_pop(thread, 1);  // the error of a __close
#else
  // A weak set: a closed thread still goes when nothing else refers to it.
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &closed_threads_key) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    ::lua_setfield(L, -2, "__mode");
    ::lua_setmetatable(L, -2);
    ::lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &closed_threads_key);
  }
  ::lua_pushvalue(L, index);
  ::lua_pushboolean(L, 1);
  ::lua_rawset(L, -3);
  lua_pop(L, 1);
  ::lua_settop(thread, 0);
#endif
}

bool thread_closed(lua_State *L, int index) {
#if LUA_VERSION_NUM >= 504
  (void)L, (void)index;
  return false;
#else
  index = lua_absindex(L, index);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &closed_threads_key) != LUA_TTABLE) {
    lua_pop(L, 1);
    return false;
  }
  ::lua_pushvalue(L, index);
  ::lua_rawget(L, -2);
  bool closed = ::lua_toboolean(L, -1);
  lua_pop(L, 2);
  return closed;
#endif
}

// ---- Lua 5.1 and LuaJIT ---------------------------------------------------------------------

#if LUA_VERSION_NUM < 502
namespace {
// Under lua_cpcall: makes the closure of the function passed and keeps it in the registry.
int keep_cfunction(lua_State *L) {
  void *key = ::lua_touserdata(L, 1);
  lua_pushcfunction(L, reinterpret_cast<lua_CFunction>(key));
  lua_rawsetp(L, LUA_REGISTRYINDEX, key);
  return 0;
}
}  // namespace

// The function's own address is its key: no other registry key of luaembed's is code.
bool push_cfunction(lua_State *L, lua_CFunction f) {
  void *key = reinterpret_cast<void *>(f);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TFUNCTION) return true;
  lua_pop(L, 1);
  if (::lua_cpcall(L, keep_cfunction, key) != 0) {
    lua_pop(L, 1);  // the error object: no memory
    return false;
  }
  lua_rawgetp(L, LUA_REGISTRYINDEX, key);
  return true;
}

void lua_len(lua_State *L, int index) {
  index = lua_absindex(L, index);
  if (::luaL_callmeta(L, index, "__len")) return;
  int type = ::lua_type(L, index);
  if (type != LUA_TTABLE && type != LUA_TSTRING)
    ::luaL_error(L, "attempt to get length of a %s value", luaL_typename(L, index));
  ::lua_pushinteger(L, static_cast<lua_Integer>(::lua_objlen(L, index)));
}

lua_Integer luaL_len(lua_State *L, int index) {
  lua_len(L, index);
  int is_number = 0;
  lua_Integer length = lua_tointegerx(L, -1, &is_number);
  if (!is_number) ::luaL_error(L, "object length is not an integer");
  lua_pop(L, 1);
  return length;
}

// tostring's text: __tostring, else the value, else its type (or __name) and address.
const char *luaL_tolstring(lua_State *L, int index, std::size_t *length) {
  index = lua_absindex(L, index);
  if (::luaL_callmeta(L, index, "__tostring")) {
    if (!::lua_isstring(L, -1)) ::luaL_error(L, "'__tostring' must return a string");
    return ::lua_tolstring(L, -1, length);
  }
  switch (::lua_type(L, index)) {
    case LUA_TNUMBER:
    case LUA_TSTRING: ::lua_pushvalue(L, index); break;  // a copy: numbers convert in place
    case LUA_TBOOLEAN: ::lua_pushstring(L, ::lua_toboolean(L, index) ? "true" : "false"); break;
    case LUA_TNIL: lua_pushliteral(L, "nil"); break;
    default: {
      int name_type = luaL_getmetafield(L, index, "__name");
      const char *kind = name_type == LUA_TSTRING ? ::lua_tostring(L, -1) : luaL_typename(L, index);
      ::lua_pushfstring(L, "%s: %p", kind, ::lua_topointer(L, index));
      if (name_type != LUA_TNIL) ::lua_remove(L, -2);
    }
  }
  return ::lua_tolstring(L, -1, length);
}

// Lua 5.1's and LuaJIT's openers register their library in package.loaded themselves, and
// expect to be called by Lua with the library's name; what they return means nothing (LuaJIT's
// luaopen_jit returns another table), so the library is read back from package.loaded.
void luaL_requiref(lua_State *L, const char *name, lua_CFunction open, int global) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, "_LOADED");
  if (lua_getfield(L, -1, name) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_pushcfunction(L, open);
    ::lua_pushstring(L, name);
    ::lua_call(L, 1, 0);
    lua_getfield(L, -1, name);
  }
  ::lua_remove(L, -2);
  if (global) {
    ::lua_pushvalue(L, -1);
    ::lua_setfield(L, LUA_GLOBALSINDEX, name);
  }
}

int luaL_getsubtable(lua_State *L, int index, const char *name) {
  index = lua_absindex(L, index);
  if (lua_getfield(L, index, name) == LUA_TTABLE) return 1;
  lua_pop(L, 1);
  lua_newtable(L);
  ::lua_pushvalue(L, -1);
  ::lua_setfield(L, index, name);
  return 0;
}
#endif

#if LUA_VERSION_NUM < 502 && !defined(LUAJIT_VERSION)
namespace {
// Lua 5.4's layout of a traceback: the first 10 levels, the last 11, a line for those between.
constexpr int traceback_head = 10;
constexpr int traceback_tail = 11;

int stack_depth(lua_State *thread) {
  lua_Debug frame;
  int depth = 0;
  while (::lua_getstack(thread, depth, &frame)) depth++;
  return depth;
}

void push_frame(lua_State *L, lua_State *thread, lua_Debug &frame) {
  ::lua_getinfo(thread, "Sln", &frame);
  if (frame.currentline > 0) ::lua_pushfstring(L, "\n\t%s:%d: in ", frame.short_src, frame.currentline);
  else ::lua_pushfstring(L, "\n\t%s: in ", frame.short_src);
  if (*frame.namewhat != '\0') ::lua_pushfstring(L, "function '%s'", frame.name);
  else if (*frame.what == 'm') lua_pushliteral(L, "main chunk");
  else if (*frame.what == 'C') lua_pushliteral(L, "?");
  else ::lua_pushfstring(L, "function <%s:%d>", frame.short_src, frame.linedefined);
  ::lua_concat(L, 2);
}
}  // namespace

void luaL_traceback(lua_State *L, lua_State *thread, const char *message, int level) {
  int top = ::lua_gettop(L);
  int last = stack_depth(thread) - 1;
  bool elide = last - level > traceback_head + traceback_tail;
  if (message != nullptr) ::lua_pushfstring(L, "%s\n", message);
  lua_pushliteral(L, "stack traceback:");
  lua_Debug frame;
  for (; ::lua_getstack(thread, level, &frame); level++) {
    if (elide && level == traceback_head) {
      int skipped = last - traceback_tail - level + 1;
      ::lua_pushfstring(L, "\n\t...\t(skipping %d levels)", skipped);
      level += skipped - 1;
    } else {
      push_frame(L, thread, frame);
    }
    ::lua_concat(L, ::lua_gettop(L) - top);
  }
  ::lua_concat(L, ::lua_gettop(L) - top);
}

namespace {
// Lua 5.2's mode check: "b" allows precompiled chunks, "t" text, NULL both.
bool mode_allows(lua_State *L, bool binary, const char *mode) {
  if (mode == nullptr || std::strchr(mode, binary ? 'b' : 't') != nullptr) return true;
  ::lua_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", binary ? "binary" : "text", mode);
  return false;
}

// Whether the file starts, after a first line that starts with '#', with Lua's signature.
bool file_is_binary(const char *path) {
  std::FILE *file = std::fopen(path, "rb");
  if (file == nullptr) return false;  // luaL_loadfile reports why
  int c = std::getc(file);
  if (c == '#')
    while (c != EOF && c != '\n') c = std::getc(file);
  if (c == '\n') c = std::getc(file);
  std::fclose(file);
  return c == LUA_SIGNATURE[0];
}
}  // namespace

int luaL_loadbufferx(lua_State *L, const char *buffer, std::size_t size, const char *name, const char *mode) {
  if (!mode_allows(L, size > 0 && buffer[0] == LUA_SIGNATURE[0], mode)) return LUA_ERRSYNTAX;
  return ::luaL_loadbuffer(L, buffer, size, name);
}

int luaL_loadfilex(lua_State *L, const char *path, const char *mode) {
  if (path != nullptr && !mode_allows(L, file_is_binary(path), mode)) return LUA_ERRSYNTAX;
  return ::luaL_loadfile(L, path);
}
#endif

// ---- before Lua 5.3 -------------------------------------------------------------------------

#if LUA_VERSION_NUM < 503
lua_Integer exact_integer(lua_State *L, int index, int *is_number) {
  int number = 0;
  lua_Number value = lua_tonumberx(L, index, &number);
  // lua_Integer's range as doubles: its smallest value is one, its largest plus one another.
  constexpr lua_Number lowest = static_cast<lua_Number>(std::numeric_limits<lua_Integer>::min());
  bool exact = number && std::floor(value) == value && value >= lowest && value < -lowest;
  if (is_number != nullptr) *is_number = exact;
  return exact ? static_cast<lua_Integer>(value) : 0;
}

namespace {
const char extra_space_key = 0;
}

void *lua_getextraspace(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &extra_space_key) != LUA_TUSERDATA) {
    lua_pop(L, 1);
    *static_cast<void **>(::lua_newuserdata(L, sizeof(void *))) = nullptr;
    ::lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &extra_space_key);
  }
  void *space = ::lua_touserdata(L, -1);
  lua_pop(L, 1);
  return space;
}
#endif

// ---- before Lua 5.4 -------------------------------------------------------------------------

#if LUA_VERSION_NUM < 504
void *lua_newuserdatauv(lua_State *L, std::size_t size, int) { return ::lua_newuserdata(L, size); }

#if LUA_VERSION_NUM == 503
int lua_getiuservalue(lua_State *L, int index, int n) {
  if (n != 1) {
    ::lua_pushnil(L);
    return LUA_TNONE;
  }
  return ::lua_getuservalue(L, index);
}

int lua_setiuservalue(lua_State *L, int index, int n) {
  if (n != 1) {
    lua_pop(L, 1);
    return 0;
  }
  ::lua_setuservalue(L, index);
  return 1;
}
#else
namespace {
// The user value sits at [1] of a table that carries this mark: a userdata of someone else's
// may have an environment (5.1) or user value (5.2) of its own, which is not luaembed's.
const char user_value_mark = 0;

void push_holder(lua_State *L, int index) {
#if LUA_VERSION_NUM == 502
  ::lua_getuservalue(L, index);
#else
  ::lua_getfenv(L, index);
#endif
}
}  // namespace

int lua_getiuservalue(lua_State *L, int index, int n) {
  if (n != 1) {
    ::lua_pushnil(L);
    return LUA_TNONE;
  }
  push_holder(L, index);
  if (::lua_type(L, -1) == LUA_TTABLE) {
    bool ours = lua_rawgetp(L, -1, &user_value_mark) != LUA_TNIL;
    lua_pop(L, 1);
    if (!ours) ::lua_pushnil(L);  // above the holder, as the value would be
  } else {
    ::lua_pushnil(L);
  }
  if (::lua_type(L, -1) == LUA_TNIL) {
    ::lua_remove(L, -2);
    return LUA_TNIL;
  }
  int type = lua_rawgeti(L, -1, 1);
  ::lua_remove(L, -2);
  return type;
}

int lua_setiuservalue(lua_State *L, int index, int n) {
  index = lua_absindex(L, index);
  if (n != 1) {
    lua_pop(L, 1);
    return 0;
  }
  lua_createtable(L, 1, 1);
  ::lua_pushboolean(L, 1);
  lua_rawsetp(L, -2, &user_value_mark);
  ::lua_insert(L, -2);
  ::lua_rawseti(L, -2, 1);
#if LUA_VERSION_NUM == 502
  ::lua_setuservalue(L, index);
#else
  ::lua_setfenv(L, index);
#endif
  return 1;
}
#endif
#endif

}  // namespace luaembed::compat
