// The record of a C++ class (ClassInfo), one per process: its name, its bases and the casts
// along them, and how many user values its objects carry. Shared by every state, hence the
// lock for writers and the atomics for readers (detail/userdata.hpp).
#include "api/message_pieces.hpp"

#include <luaembed/detail/userdata.hpp>
#include <luaembed/error.hpp>

namespace luaembed::detail {

void *cast_object(const ClassInfo *from, void *object, const ClassInfo *to) noexcept {
  if (from == to) return object;
  int count = from->base_count.load(std::memory_order_acquire);
  for (int i = 0; i < count; ++i) {
    const BaseLink &link = from->bases[i];
    if (void *adjusted = cast_object(link.base, link.upcast(object), to)) return adjusted;
  }
  return nullptr;
}

void add_base(ClassInfo &derived, const ClassInfo &base, void *(*upcast)(void *)) {
  std::lock_guard<std::mutex> lock(derived.writing);
  int count = derived.base_count.load(std::memory_order_relaxed);
  for (int i = 0; i < count; ++i)
    if (derived.bases[i].base == &base) return;
  if (count == static_cast<int>(derived.bases.size()))
    throw ConversionError(join({"luaembed: ", derived.name_view(), " has too many base classes (at most ",
                                Number(static_cast<int>(derived.bases.size())), ")"}),
                          "too many base classes");
  derived.bases[count] = BaseLink{&base, upcast};
  derived.base_count.store(count + 1, std::memory_order_release);
}

void name_class(ClassInfo &info, const std::string &name) {
  std::lock_guard<std::mutex> lock(info.writing);
  if (info.named.load(std::memory_order_relaxed)) return;
  info.registered_name = std::make_unique<const std::string>(name);
  info.named.store(true, std::memory_order_release);
}

void ask_user_values(ClassInfo &info, int count) {
  // Lua 5.4 gives a userdata up to USHRT_MAX user values; earlier Luas one, of their own.
  constexpr int most = compat::version >= 504 ? 65535 : 1;
  if (count < 0 || count > most)
    throw ConversionError(join({"luaembed: ", info.name_view(), " cannot have ", Number(count),
                                " user values: " LUA_VERSION " gives a userdata from 0 to ", Number(most)}),
                          "too many user values");
  int asked = info.user_values.load(std::memory_order_relaxed);
  while (asked < count && !info.user_values.compare_exchange_weak(asked, count, std::memory_order_relaxed)) {
  }
}

}  // namespace luaembed::detail
