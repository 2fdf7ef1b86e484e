// One Lua C API for luaembed, whichever Lua it links: 5.1, 5.2, 5.3, 5.4 or LuaJIT.
//
// luaembed is written against Lua 5.4's API. For an older Lua this header supplies what that
// Lua lacks (lua_absindex, lua_rawgetp, lua_rotate, lua_newuserdatauv, luaL_tolstring, ...)
// and gives 5.4's meaning to what it has in another form: lua_getfield returns the type of
// what it pushed, lua_tointegerx accepts only numbers with an exact integer value, lua_resume
// reports how many values the coroutine passed back.
//
// The replacements live in luaembed::compat, an inline namespace: inside luaembed they hide
// the global declarations of the same name, while a program's own code keeps its Lua's API
// untouched. Version tests belong here and in a few places marked "version:"; everything
// else asks the constants below.
#pragma once

extern "C" {
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
}
// lua.h does not include LuaJIT's own header; LuaJIT's luaconf.h gives it away.
#if defined(LUA_LJDIR)
extern "C" {
#include <luajit.h>
}
#endif

#include <cstddef>
#include <cstdint>

namespace luaembed {
inline namespace compat {

#if defined(LUAJIT_VERSION)
inline constexpr bool is_luajit = true;
#else
inline constexpr bool is_luajit = false;
#endif
inline constexpr int version = LUA_VERSION_NUM;  // 501 ... 504; LuaJIT is 501
// Integers distinct from floats, as a subtype of number (5.3).
inline constexpr bool has_integers = version >= 503;
// lua_yieldk: a C function can continue after a yield (5.2; LuaJIT has none).
inline constexpr bool has_continuations = version >= 502 && !is_luajit;
// warn() and lua_setwarnf (5.4): older Luas get luaembed's own warn (warnings.cpp).
inline constexpr bool has_warnings = version >= 504;
// To-be-closed variables and __close (5.4).
inline constexpr bool has_close = version >= 504;
// __gc on tables (5.2); every version calls it for userdata.
inline constexpr bool has_table_gc = version >= 502 && !is_luajit;

// The integers Lua holds exactly. Without an integer subtype a number is a double, exact
// from -2^53 to 2^53; luaembed refuses the integers beyond, both ways, rather than round them.
#if LUA_VERSION_NUM >= 503
inline constexpr lua_Integer max_integer = LUA_MAXINTEGER;
inline constexpr lua_Integer min_integer = LUA_MININTEGER;
#else
inline constexpr lua_Integer max_integer = lua_Integer(1) << 53;
inline constexpr lua_Integer min_integer = -max_integer;
#endif

// The linked Lua, for messages: "Lua 5.4", "LuaJIT".
#if defined(LUAJIT_VERSION)
inline constexpr const char *lua_name = "LuaJIT";
#else
inline constexpr const char *lua_name = LUA_VERSION;
#endif

// Where the package library keeps require's searchers: package.loaders in Lua 5.1.
inline constexpr const char *package_searchers = version >= 502 ? "searchers" : "loaders";

// The main thread of L's state. Lua 5.1 and LuaJIT keep none in the registry: luaembed
// records the main thread when it first sees it (a State is created there), and otherwise
// dedicates a thread of its own to the role.
lua_State *main_thread(lua_State *L);

// Pushes f; false, having pushed nothing, when there is no memory for it. Lua 5.1 and
// LuaJIT allocate a closure for every lua_pushcfunction: there it is made once, protected
// (lua_cpcall), and kept in the registry, so that the calls luaembed makes through protected
// functions allocate nothing, as with later Luas, and never raise.
#if LUA_VERSION_NUM < 502
bool push_cfunction(lua_State *L, lua_CFunction f);
#else
inline bool push_cfunction(lua_State *L, lua_CFunction f) {
  lua_pushcfunction(L, f);
  return true;
}
#endif

// Closes the coroutine at index of L. Lua 5.4 runs its pending to-be-closed variables; older
// Luas cannot end a coroutine from outside, so luaembed marks it closed (thread_closed) and
// drops its stack. May raise: call it protected.
void close_thread(lua_State *L, int index);
bool thread_closed(lua_State *L, int index);

// ---- continuations (C functions that go on after a yield) -------------------------------

#if LUA_VERSION_NUM < 503
using lua_KContext = std::intptr_t;
using lua_KFunction = int (*)(lua_State *L, int status, lua_KContext context);
#endif

#if LUA_VERSION_NUM == 502
// Lua 5.2 calls a continuation without arguments; it asks lua_getctx for them.
template <lua_KFunction k>
int continue_52(lua_State *L) {
  int context = 0;
  int status = lua_getctx(L, &context);
  return k(L, status, context);
}
#endif

// Yields nresults values; when resumed, k(L, LUA_YIELD, context) finishes the C function.
template <lua_KFunction k>
int yieldk(lua_State *L, int nresults, lua_KContext context) {
  static_assert(has_continuations || k == nullptr, "luaembed: continuations (lua_yieldk) need Lua 5.2 or later");
#if LUA_VERSION_NUM == 502
  return ::lua_yieldk(L, nresults, static_cast<int>(context), &continue_52<k>);
#elif LUA_VERSION_NUM >= 503
  return ::lua_yieldk(L, nresults, context, k);
#else
  (void)L, (void)nresults, (void)context;
  return 0;
#endif
}

// Calls like lua_call; when a yield interrupts the call, k(L, LUA_YIELD, context) finishes
// the C function on resume. Lua 5.1 and LuaJIT cannot yield across a C function: there this
// is lua_call, and a yield inside is the usual error.
template <lua_KFunction k>
void callk(lua_State *L, int nargs, int nresults, lua_KContext context) {
#if LUA_VERSION_NUM == 502
  ::lua_callk(L, nargs, nresults, static_cast<int>(context), &continue_52<k>);
#elif LUA_VERSION_NUM >= 503
  ::lua_callk(L, nargs, nresults, context, k);
#else
  (void)context;
  ::lua_call(L, nargs, nresults);
#endif
}

// ---- what Lua 5.1 and LuaJIT lack ---------------------------------------------------------

#if LUA_VERSION_NUM < 502
#if !defined(LUA_OK)
inline constexpr int LUA_OK = 0;
#endif
inline int lua_absindex(lua_State *L, int index) {
  return index > 0 || index <= LUA_REGISTRYINDEX ? index : ::lua_gettop(L) + index + 1;
}
inline std::size_t lua_rawlen(lua_State *L, int index) { return ::lua_objlen(L, index); }
inline void lua_pushglobaltable(lua_State *L) { ::lua_pushvalue(L, LUA_GLOBALSINDEX); }
inline void luaL_checkversion(lua_State *) {}

inline int lua_rawgetp(lua_State *L, int index, const void *key) {
  index = lua_absindex(L, index);
  ::lua_pushlightuserdata(L, const_cast<void *>(key));
  ::lua_rawget(L, index);
  return ::lua_type(L, -1);
}
inline void lua_rawsetp(lua_State *L, int index, const void *key) {
  index = lua_absindex(L, index);
  ::lua_pushlightuserdata(L, const_cast<void *>(key));
  ::lua_insert(L, -2);
  ::lua_rawset(L, index);
}

// # with __len, as Lua 5.2 defines it: tables honour __len too.
void lua_len(lua_State *L, int index);
lua_Integer luaL_len(lua_State *L, int index);
const char *luaL_tolstring(lua_State *L, int index, std::size_t *length);
void luaL_requiref(lua_State *L, const char *name, lua_CFunction open, int global);
int luaL_getsubtable(lua_State *L, int index, const char *name);
#endif

#if LUA_VERSION_NUM < 502 && !defined(LUAJIT_VERSION)  // LuaJIT has these
inline lua_Number lua_tonumberx(lua_State *L, int index, int *is_number) {
  lua_Number number = ::lua_tonumber(L, index);
  if (is_number != nullptr) *is_number = number != 0 || ::lua_isnumber(L, index);
  return number;
}
void luaL_traceback(lua_State *L, lua_State *thread, const char *message, int level);
int luaL_loadbufferx(lua_State *L, const char *buffer, std::size_t size, const char *name, const char *mode);
int luaL_loadfilex(lua_State *L, const char *path, const char *mode);
#endif

// ---- what Lua 5.2 has in another form -----------------------------------------------------
//
// These are function objects, not functions: a lua_State* argument makes argument-dependent
// lookup find Lua's own function of the same name, and a call between the two ambiguous.

#if LUA_VERSION_NUM < 503
inline constexpr const char *LUA_LOADED_TABLE = "_LOADED";
inline constexpr const char *LUA_PRELOAD_TABLE = "_PRELOAD";

// These return the type of the value they pushed from Lua 5.3 on.
inline constexpr struct {
  int operator()(lua_State *L, int index, const char *key) const {
    ::lua_getfield(L, index, key);
    return ::lua_type(L, -1);
  }
} lua_getfield;
inline constexpr struct {
  int operator()(lua_State *L, int index) const {
    ::lua_gettable(L, index);
    return ::lua_type(L, -1);
  }
} lua_gettable;
inline constexpr struct {
  int operator()(lua_State *L, int index) const {
    ::lua_rawget(L, index);
    return ::lua_type(L, -1);
  }
} lua_rawget;
inline constexpr struct {
  int operator()(lua_State *L, int index, lua_Integer n) const {
    ::lua_rawgeti(L, index, static_cast<int>(n));
    return ::lua_type(L, -1);
  }
} lua_rawgeti;
inline constexpr struct {
  int operator()(lua_State *L, int index, const char *field) const {
    return ::luaL_getmetafield(L, index, field) ? ::lua_type(L, -1) : LUA_TNIL;
  }
} luaL_getmetafield;
#if LUA_VERSION_NUM == 502
inline constexpr struct {
  int operator()(lua_State *L, const char *name) const {
    ::lua_getglobal(L, name);
    return ::lua_type(L, -1);
  }
} lua_getglobal;
inline constexpr struct {
  int operator()(lua_State *L, int index, const void *key) const {
    ::lua_rawgetp(L, index, key);
    return ::lua_type(L, -1);
  }
} lua_rawgetp;
#endif

// lua_callk with Lua 5.3's signature, for code that passes its continuation at run time.
// Lua 5.2's continuations take no arguments, so a run-time one cannot be adapted: there, as
// in 5.1, the call is made without it (callk<k> above adapts one known at compile time).
#if LUA_VERSION_NUM == 502
inline constexpr struct {
  void operator()(lua_State *L, int nargs, int nresults, lua_KContext context, lua_KFunction k) const {
    if (k == nullptr) ::lua_callk(L, nargs, nresults, static_cast<int>(context), nullptr);
    else ::lua_call(L, nargs, nresults);
  }
} lua_callk;
#else
inline void lua_callk(lua_State *L, int nargs, int nresults, lua_KContext, lua_KFunction) {
  ::lua_call(L, nargs, nresults);
}
#endif

// Only a number with an exact integer value converts (3.0 does, 3.5 and 2^70 do not), as
// from Lua 5.3 on; before, lua_tointegerx truncated whatever it got.
lua_Integer exact_integer(lua_State *L, int index, int *is_number);
inline constexpr struct {
  lua_Integer operator()(lua_State *L, int index, int *is_number) const { return exact_integer(L, index, is_number); }
} lua_tointegerx;

// Moves the top n values to index (n > 0), or the n values at index to the top (n < 0).
inline void lua_rotate(lua_State *L, int index, int n) {
  index = lua_absindex(L, index);
  int count = ::lua_gettop(L) - index + 1;
  if (count <= 0) return;
  n %= count;
  for (int i = n < 0 ? n + count : n; i > 0; i--) ::lua_insert(L, index);
}

// A pointer-sized slot per state. Lua 5.3 gives each thread a copy before its lua_State;
// here the whole state shares one, kept in a registry userdata.
void *lua_getextraspace(lua_State *L);
#endif

#if LUA_VERSION_NUM < 504
// The status lua_resume returns, and in nresults how many values the coroutine yielded or
// returned: before 5.4 they are its whole stack.
inline int lua_resume(lua_State *L, lua_State *from, int nargs, int *nresults) {
#if LUA_VERSION_NUM >= 502
  int status = ::lua_resume(L, from, nargs);
#else
  (void)from;
  int status = ::lua_resume(L, nargs);
#endif
  *nresults = status == LUA_OK || status == LUA_YIELD ? ::lua_gettop(L) : 0;
  return status;
}

// User values: Lua 5.4 gives a userdata any number; 5.3 has one, of any type; 5.2 one table,
// and 5.1 an environment table. luaembed gives every version one user value of any type (for
// 5.1 and 5.2 it sits in a small table of luaembed's). Setting one may raise (it allocates).
void *lua_newuserdatauv(lua_State *L, std::size_t size, int user_values);
int lua_getiuservalue(lua_State *L, int index, int n);
int lua_setiuservalue(lua_State *L, int index, int n);
#endif

}  // namespace compat
}  // namespace luaembed
