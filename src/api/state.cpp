// States: creating and closing them, running code, globals, app data.
#include <luaembed/state.hpp>

#include "allocator.hpp"
#include "state_record.hpp"
#include "safety/limits.hpp"

#include <cstdio>
#include <cstdlib>

namespace luaembed {

namespace {

const char *mode_string(ChunkMode mode) {
  switch (mode) {
    case ChunkMode::Binary: return "b";
    case ChunkMode::TextOrBinary: return "bt";
    default: return "t";
  }
}

// An error with no protected call around it: nothing can be recovered, say why and stop.
int report_unprotected_error(lua_State *L) {
  const char *message = lua_tostring(L, -1);
  std::fprintf(stderr, "luaembed: unprotected error in a Lua call (%s); the process stops\n",
               message ? message : "error object is not a string");
  std::fflush(stderr);
  return 0;  // Lua aborts
}

struct LibraryEntry {
  Libraries library;
  const char *name;
  lua_CFunction open;
};

// What luaL_openlibs opens, in its order. version: each Lua has its own set.
const LibraryEntry library_entries[] = {
    {Libraries::Base, "_G", luaopen_base},
    {Libraries::Package, LUA_LOADLIBNAME, luaopen_package},
#if LUA_VERSION_NUM >= 502
    {Libraries::Coroutine, LUA_COLIBNAME, luaopen_coroutine},
#endif
    {Libraries::Table, LUA_TABLIBNAME, luaopen_table},
    {Libraries::IO, LUA_IOLIBNAME, luaopen_io},
    {Libraries::OS, LUA_OSLIBNAME, luaopen_os},
    {Libraries::String, LUA_STRLIBNAME, luaopen_string},
#if LUA_VERSION_NUM == 502 || LUA_VERSION_NUM == 503
    {Libraries::Bit, LUA_BITLIBNAME, luaopen_bit32},
#endif
    {Libraries::Math, LUA_MATHLIBNAME, luaopen_math},
#if LUA_VERSION_NUM >= 503
    {Libraries::UTF8, LUA_UTF8LIBNAME, luaopen_utf8},
#endif
    {Libraries::Debug, LUA_DBLIBNAME, luaopen_debug},
#if defined(LUAJIT_VERSION)
    {Libraries::Bit, LUA_BITLIBNAME, luaopen_bit},
    {Libraries::Jit, LUA_JITLIBNAME, luaopen_jit},
#endif
};

// LuaJIT's luaL_openlibs leaves these to require.
const LibraryEntry preloaded_entries[] = {
#if defined(LUAJIT_VERSION)
    {Libraries::FFI, LUA_FFILIBNAME, luaopen_ffi},
    {Libraries::Jit, LUA_STRLIBNAME ".buffer", luaopen_string_buffer},
#endif
    {Libraries::None, nullptr, nullptr},
};

void open_libraries(lua_State *L, Libraries libraries) {
  detail::protect(L, 0, 0, [libraries](lua_State *L) {
    for (const LibraryEntry &entry : library_entries) {
      if (!has(libraries, entry.library)) continue;
      luaL_requiref(L, entry.name, entry.open, 1);
      lua_pop(L, 1);
    }
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    for (const LibraryEntry &entry : preloaded_entries) {
      if (!has(libraries, entry.library)) continue;
      lua_pushcfunction(L, entry.open);
      lua_setfield(L, -2, entry.name);
    }
    return 0;
  });
}

}  // namespace

// ---- State ----------------------------------------------------------------------------------

State::State(StateOptions options)
    : StateView(nullptr),
      allocator_(std::make_unique<detail::Allocator>(options.allocator, options.allocator_data, options.memory_limit)) {
  L_ = lua_newstate(&detail::Allocator::allocate, allocator_.get());
  if (L_ == nullptr) throw MemoryError("not enough memory to create a Lua state");
  lua_atpanic(L_, report_unprotected_error);
  *static_cast<void **>(lua_getextraspace(L_)) = nullptr;  // no call limits yet (limits.cpp)
  try {
    data_ = detail::state_data(L_);
    set_warning_handler({});
    open_libraries(L_, options.libraries);
    if (has(options.libraries, Libraries::Package)) guard_native_modules(options.second_lua_core);
    if (options.sandbox) detail::make_sandbox(*this, options);
  } catch (...) {
    close();
    throw;
  }
}

State::State(State &&other) noexcept
    : StateView(other.L_), allocator_(std::move(other.allocator_)), budget_(std::move(other.budget_)) {
  data_ = other.data_;
  other.L_ = nullptr;
  other.data_ = nullptr;
}

State &State::operator=(State &&other) noexcept {
  if (this != &other) {
    close();
    L_ = other.L_;
    data_ = other.data_;
    allocator_ = std::move(other.allocator_);
    budget_ = std::move(other.budget_);
    other.L_ = nullptr;
    other.data_ = nullptr;
  }
  return *this;
}

State::~State() { close(); }  // before budget_ goes: finalizers may still run Lua code

void State::close() noexcept {
  if (L_ == nullptr) return;
  lua_close(L_);
  L_ = nullptr;
  data_ = nullptr;
}

std::size_t State::memory_used() const {
  lua_state();
  return allocator_->in_use();
}

std::size_t State::allocation_count() const {
  lua_state();
  return allocator_->allocations();
}

void State::set_memory_limit(std::size_t bytes) {
  lua_state();
  allocator_->set_limit(bytes);
}

void State::set_call_limits(CallLimits limits) { detail::install_call_limits(lua_state(), budget_, std::move(limits)); }

// ---- running code ---------------------------------------------------------------------------

Function StateView::load(std::string_view code, std::string_view chunk_name, ChunkMode mode) const {
  lua_State *L = lua_state();
  std::string name(chunk_name.empty() ? code : chunk_name);
  detail::ensure_stack(L, 1);
  int status = luaL_loadbufferx(L, code.data(), code.size(), name.c_str(), mode_string(mode));
  if (status != LUA_OK) detail::throw_lua_error(L, status);
  detail::StackGuard pop(L, lua_gettop(L) - 1);
  return Function(L, -1);
}

Function StateView::load_file(const std::string &path, ChunkMode mode) const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  int status = luaL_loadfilex(L, path.c_str(), mode_string(mode));
  if (status != LUA_OK) detail::throw_lua_error(L, status);
  detail::StackGuard pop(L, lua_gettop(L) - 1);
  return Function(L, -1);
}

// An expression first ("return 6 * 7"), then the code as statements, as lua.c's REPL does.
Function StateView::load_checked(std::string_view code, std::string_view chunk_name, ChunkMode mode) const {
  lua_State *L = lua_state();
  std::string name(chunk_name.empty() ? code : chunk_name);
  std::string expression = "return " + std::string(code);
  detail::ensure_stack(L, 1);
  if (luaL_loadbufferx(L, expression.data(), expression.size(), name.c_str(), mode_string(mode)) == LUA_OK) {
    detail::StackGuard pop(L, lua_gettop(L) - 1);
    return Function(L, -1);
  }
  lua_pop(L, 1);
  return load(code, chunk_name, mode);
}

void StateView::exec(std::string_view code, std::string_view chunk_name) const {
  load(code, chunk_name).call<void>();
}

void StateView::exec_file(const std::string &path) const { load_file(path).call<void>(); }

Result<void> StateView::try_exec(std::string_view code, std::string_view chunk_name) const {
  lua_State *L = lua_state();
  std::string name(chunk_name.empty() ? code : chunk_name);
  detail::ensure_stack(L, 1);
  int status = luaL_loadbufferx(L, code.data(), code.size(), name.c_str(), "t");
  if (status != LUA_OK) return detail::take_lua_error(L, status);
  Function chunk(L, -1);
  lua_pop(L, 1);
  return chunk.try_call<void>();
}

// ---- globals, tables, data ------------------------------------------------------------------

Table StateView::globals() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  lua_pushglobaltable(L);
  detail::StackGuard pop(L, lua_gettop(L) - 1);
  return Table(L, -1);
}

Table StateView::registry() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  detail::StackGuard pop(L, lua_gettop(L) - 1);
  return Table(L, -1);
}

Table StateView::create_table(int array_size, int hash_size) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::protect(L, 0, 1, [=](lua_State *L) {
    lua_createtable(L, array_size, hash_size);
    return 1;
  });
  detail::StackGuard pop(L, base);
  return Table(L, -1);
}

std::any &StateView::app_data_slot(std::type_index type, bool create) const {
  detail::StateRecord *data = detail::state_data(lua_state());
  if (create) return data->app_data[type];
  auto found = data->app_data.find(type);
  static thread_local std::any none;
  none.reset();
  return found == data->app_data.end() ? none : found->second;
}

std::size_t StateView::memory_in_use() const {
  lua_State *L = lua_state();
  return static_cast<std::size_t>(lua_gc(L, LUA_GCCOUNT, 0)) * 1024 + static_cast<std::size_t>(lua_gc(L, LUA_GCCOUNTB, 0));
}

void StateView::collect_garbage() const { lua_gc(lua_state(), LUA_GCCOLLECT, 0); }

}  // namespace luaembed
