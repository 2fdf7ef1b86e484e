// The allocator every State uses: it counts what Lua allocates and enforces the memory limit,
// on top of realloc/free or the application's own lua_Alloc.
#pragma once

#include <luaembed/lua.hpp>

#include <cstddef>
#include <cstdlib>

namespace luaembed::detail {

struct StateRecord;

class Allocator {
public:
  Allocator(lua_Alloc next, void *next_data, std::size_t limit) : next_(next), next_data_(next_data), limit_(limit) {}

  static void *allocate(void *self, void *block, std::size_t old_size, std::size_t new_size) {
    return static_cast<Allocator *>(self)->reallocate(block, old_size, new_size);
  }

  std::size_t in_use() const { return in_use_; }
  std::size_t allocations() const { return allocations_; }
  void set_limit(std::size_t bytes) { limit_ = bytes; }
  // The allocator of L's state when it is luaembed's, else null: the one per-state C++ object
  // reachable from any thread without a lookup (lua_getallocf).
  static Allocator *of(lua_State *L) noexcept {
    void *self = nullptr;
    return lua_getallocf(L, &self) == &allocate ? static_cast<Allocator *>(self) : nullptr;
  }
  // The state's luaembed record, kept here so that it is found without a registry lookup
  // (state_data), null before it exists and once the state closes.
  StateRecord *record = nullptr;

private:
  void *reallocate(void *block, std::size_t old_size, std::size_t new_size) {
    std::size_t held = block == nullptr ? 0 : old_size;  // without a block, old_size is a type tag
    if (new_size == 0) {
      release(block, old_size);
      in_use_ -= held;
      return nullptr;
    }
    if (limit_ != 0 && new_size > held && in_use_ - held + new_size > limit_) return nullptr;
    void *result = next_ != nullptr ? next_(next_data_, block, old_size, new_size) : std::realloc(block, new_size);
    if (result == nullptr) return nullptr;
    in_use_ = in_use_ - held + new_size;
    if (new_size > held) ++allocations_;
    return result;
  }

  void release(void *block, std::size_t old_size) {
    if (next_ != nullptr) next_(next_data_, block, old_size, 0);
    else std::free(block);
  }

  lua_Alloc next_;
  void *next_data_;
  std::size_t limit_;
  std::size_t in_use_ = 0;
  std::size_t allocations_ = 0;
};

}  // namespace luaembed::detail
