// Registry references, and the per-state record that tells handles whether their state lives.
#include "allocator.hpp"
#include "state_record.hpp"

#include <luaembed/detail/protect.hpp>
#include <luaembed/error.hpp>
#include <luaembed/reference.hpp>

#include <new>

namespace luaembed {

namespace detail {

namespace {

const char state_data_key = 0;

// The state is closing: its record outlives it only as long as handles point at it.
int close_on_collect(lua_State *L) {
  if (Allocator *allocator = Allocator::of(L)) allocator->record = nullptr;
  close_state_data(*static_cast<StateRecord **>(lua_touserdata(L, 1)));
  return 0;
}

StateRecord *keep_known(lua_State *L, StateRecord *data) noexcept {
  if (Allocator *allocator = Allocator::of(L); allocator != nullptr && data->alive) allocator->record = data;
  return data;
}

}  // namespace

StateRecord *state_data(lua_State *L) {
  // A state luaembed created keeps its record with its allocator: no registry lookup.
  if (Allocator *allocator = Allocator::of(L); allocator != nullptr && allocator->record != nullptr)
    return allocator->record;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &state_data_key) == LUA_TUSERDATA) {
    auto *data = *static_cast<StateRecord **>(lua_touserdata(L, -1));
    lua_pop(L, 1);
    return keep_known(L, data);
  }
  lua_pop(L, 1);
  lua_State *main = compat::main_thread(L);
  if (main == nullptr) throw MemoryError();
  auto *data = new StateRecord;
  data->main = main;
  try {
    protect(L, 0, 0, [data](lua_State *L) {
      // The string cache's references, made now: filling one later allocates nothing.
      for (StringCache::Entry &entry : data->strings.entries) {
        lua_pushboolean(L, 0);
        entry.ref = luaL_ref(L, LUA_REGISTRYINDEX);
      }
      lua_pushliteral(L, "__index");
      data->strings.index_event = luaL_ref(L, LUA_REGISTRYINDEX);
      // The record's userdata gets its __gc last, with lua_setmetatable, which cannot raise:
      // when anything before fails, no finalizer frees the record that the caller deletes.
      lua_createtable(L, 0, 1);
      lua_pushcfunction(L, close_on_collect);
      lua_setfield(L, -2, "__gc");
      *static_cast<StateRecord **>(lua_newuserdatauv(L, sizeof(StateRecord *), 0)) = data;
      lua_pushvalue(L, -1);
      lua_rawsetp(L, LUA_REGISTRYINDEX, &state_data_key);
      lua_insert(L, -2);
      lua_setmetatable(L, -2);
      return 0;
    });
  } catch (...) {
    delete data;
    throw;
  }
  return keep_known(L, data);
}

void close_state_data(StateRecord *data) noexcept {
  data->alive = false;
  data->app_data.clear();
  data->warning_handler = nullptr;
  if (data->handles == 0) delete data;
}

void release_state_data(StateRecord *data) noexcept {
  if (--data->handles == 0 && !data->alive) delete data;
}

}  // namespace detail

Reference::Reference(lua_State *L, int index) {
  index = lua_absindex(L, index);
  detail::StateRecord *data = detail::state_data(L);
  if (lua_isnoneornil(L, index)) {
    ref_ = LUA_REFNIL;
  } else {
    detail::ensure_stack(L, 1);
    lua_pushvalue(L, index);
    detail::protect(L, 1, 0, [this](lua_State *L) {
      ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
      return 0;
    });
  }
  data_ = data;
  ++data->handles;
}

Reference::Reference(const Reference &other) {
  if (other.data_ == nullptr) return;
  if (other.data_->alive) {
    lua_State *L = other.data_->main;
    detail::ensure_stack(L, 1);
    other.push(L);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      ref_ = LUA_REFNIL;
    } else {
      detail::protect(L, 1, 0, [this](lua_State *L) {
        ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
        return 0;
      });
    }
  }
  data_ = other.data_;
  ++detail::record_of(data_)->handles;
}

Reference::Reference(Reference &&other) noexcept : data_(other.data_), ref_(other.ref_) {
  other.data_ = nullptr;
  other.ref_ = LUA_NOREF;
}

Reference &Reference::operator=(const Reference &other) {
  if (this != &other) *this = Reference(other);
  return *this;
}

Reference &Reference::operator=(Reference &&other) noexcept {
  if (this != &other) {
    reset();
    data_ = other.data_;
    ref_ = other.ref_;
    other.data_ = nullptr;
    other.ref_ = LUA_NOREF;
  }
  return *this;
}

Reference::~Reference() { reset(); }

void Reference::reset() noexcept {
  if (data_ == nullptr) return;
  if (data_->alive && ref_ > 0) luaL_unref(data_->main, LUA_REGISTRYINDEX, ref_);
  detail::release_state_data(detail::record_of(data_));
  data_ = nullptr;
  ref_ = LUA_NOREF;
}

}  // namespace luaembed
