// C++ objects inside Lua userdata.
//
// Every luaembed userdata starts with a UserdataHeader: the dynamic class of the object, a
// pointer to it, how it is held (by value inside the block, by shared_ptr, by unique_ptr, or
// borrowed for a scope) and whether it was destroyed. The metatable of each registered class
// carries a marker, so a header is only ever read from luaembed's own userdata.
//
// Classes are identified by the address of a per-type ClassInfo, so the hot path compares
// pointers, never strings. Base classes are links with a pointer adjustment each, which makes
// multiple inheritance come out right.
#pragma once

#include <luaembed/convert.hpp>
#include <luaembed/detail/protect.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace luaembed::detail {

struct ClassInfo;
struct UserdataHeader;

struct BaseLink {
  const ClassInfo *base;
  void *(*upcast)(void *);  // derived pointer to base pointer, adjusted
};

enum class Holding : unsigned char { Value, Shared, Unique, Borrowed };

// What a block of a class holds besides its object, one record per stored type (the object
// itself, a shared_ptr or a unique_ptr to it): how to destroy it, and for a shared_ptr how to
// share the owner.
struct HeldOps {
  void (*destroy)(UserdataHeader *);
  std::shared_ptr<void> (*share)(UserdataHeader *);
};

// One per C++ class and process, shared by every state (and thread) that registers the class:
// written only under its mutex, and read without locks: the name is set once, before `named`
// says so, and a base link is published by the release of base_count after it is in place.
// Constant-initialized (class_info), so that finding it costs nothing.
struct ClassInfo {
  constexpr explicit ClassInfo(std::string_view cpp_name) : cpp_name(cpp_name) {}

  // The name of the first registration; the C++ name until then.
  std::string_view name_view() const noexcept {
    return named.load(std::memory_order_acquire) ? std::string_view(*registered_name) : cpp_name;
  }
  std::string name() const { return std::string(name_view()); }

  std::string_view cpp_name;
  // Null until named. Held by pointer: a std::string member is not constant-initialized with
  // every compiler (clang 14 with libstdc++ 12 refuses it).
  std::unique_ptr<const std::string> registered_name;
  std::atomic<bool> named{false};
  std::array<BaseLink, 8> bases{};
  std::atomic<int> base_count{0};
  std::mutex writing;
  // The registry keys of the class's metatables in each state: `this` for the one with __gc,
  // &unfinalized for its copy without, for objects that need no finalizer (src/classes/registration.cpp).
  const char unfinalized = 0;
  // The user values each object carries: the most any registration asked for (none unless
  // asked: a user value makes the collector traverse every object of the class).
  std::atomic<int> user_values{0};
  // How to destroy (and share) what a block holds, by Holding (not Borrowed): published by the
  // first object held that way, so that the header of each object need not carry it.
  std::array<std::atomic<const HeldOps *>, 3> held_ops{};
};

template <class T>
constinit inline ClassInfo class_record{type_name<T>()};

template <class T>
ClassInfo &class_info() {
  return class_record<T>;
}

// Records that derived derives from base (at most bases.size() bases per class).
void add_base(ClassInfo &derived, const ClassInfo &base, void *(*upcast)(void *));
// Sets the name at the first registration of the class.
void name_class(ClassInfo &info, const std::string &name);
// Objects of the class carry at least count user values from now on; throws for a count this
// Lua cannot give.
void ask_user_values(ClassInfo &info, int count);

// The start of every luaembed userdata block; the stored value (the object, or the smart
// pointer that owns it) follows, aligned (stored_in).
struct UserdataHeader {
  const ClassInfo *type;
  void *object;
  Holding holding;  // with type, finds what destroys the block (ClassInfo::held_ops)
  bool destroyed;  // collected, closed, or out of its scope: never touch object again
  bool is_const;   // borrowed as const: only const methods
};

// The object adjusted to the class `to`, or null when `from` does not derive from it.
void *cast_object(const ClassInfo *from, void *object, const ClassInfo *to) noexcept;
// The header of the luaembed userdata at index, or null for any other value.
UserdataHeader *userdata_header(lua_State *L, int index) noexcept;
// Pushes the metatable registered for info in this state (finalized: the one with __gc);
// throws when there is none.
void push_class_metatable(lua_State *L, const ClassInfo &info, bool finalized = true);
// Registers the metatable on top (left there) under its registry key for push_class_metatable's
// quick path. May raise.
void remember_class_metatable(lua_State *L, const void *key);
// Creates a userdata block of size bytes whose header is marked destroyed until the object
// is in place, with its class metatable: without __gc unless finalized (when destroying
// what the block will hold does nothing, Lua need not finalize it). May raise (it
// allocates): call it protected, or where a Lua error skips no destructor. Throws when the
// class is not registered.
UserdataHeader *new_userdata(lua_State *L, const ClassInfo &info, std::size_t size, int user_values,
                             bool finalized = true);
[[noreturn]] void throw_not_an_object(lua_State *L, int index, const ClassInfo &expected);
[[noreturn]] void throw_destroyed();
[[noreturn]] void throw_const_object(const ClassInfo &info);
[[noreturn]] void throw_not_shared(const ClassInfo &info);

// The T inside the value at index: null for nil when nil_allowed; throws for anything else
// that is not a live T (or a class derived from T).
template <class T>
T *object_pointer(lua_State *L, int index, bool nil_allowed, bool needs_mutable) {
  UserdataHeader *header = userdata_header(L, index);
  if (header == nullptr) {
    if (nil_allowed && lua_isnoneornil(L, index)) return nullptr;
    throw_not_an_object(L, index, class_info<T>());
  }
  if (header->destroyed) throw_destroyed();
  if (needs_mutable && header->is_const) throw_const_object(*header->type);
  const ClassInfo *wanted = &class_info<T>();
  void *object = header->type == wanted ? header->object : cast_object(header->type, header->object, wanted);
  if (object == nullptr) throw_not_an_object(L, index, *wanted);
  return static_cast<T *>(object);
}

// Lua aligns a userdata block for any of its own types: a Stored that asks no more starts
// right after the header.
template <class Stored>
inline constexpr std::size_t stored_padding = alignof(Stored) <= alignof(UserdataHeader) ? 0 : alignof(Stored);
static_assert(sizeof(UserdataHeader) % alignof(UserdataHeader) == 0);
static_assert(sizeof(UserdataHeader) <= 3 * sizeof(void *), "luaembed: the header is three words");

// Where the block of header keeps its Stored.
template <class Stored>
void *stored_in(UserdataHeader *header) {
  void *space = header + 1;
  if constexpr (stored_padding<Stored> != 0) {
    std::size_t room = sizeof(Stored) + stored_padding<Stored>;
    space = std::align(alignof(Stored), sizeof(Stored), space, room);
  }
  return space;
}

template <class Stored>
void destroy_stored(UserdataHeader *header) {
  static_cast<Stored *>(stored_in<Stored>(header))->~Stored();
}

template <class T>
std::shared_ptr<void> share_stored(UserdataHeader *header) {
  return *static_cast<std::shared_ptr<T> *>(stored_in<std::shared_ptr<T>>(header));
}

template <class T, class Stored>
inline constexpr HeldOps held_ops_of{&destroy_stored<Stored>,
                                     std::is_same_v<Stored, std::shared_ptr<T>> ? &share_stored<T> : nullptr};

// What destroys and shares the block of header (held by value, shared_ptr or unique_ptr).
inline const HeldOps &held_ops(const UserdataHeader *header) {
  return *header->type->held_ops[static_cast<int>(header->holding)].load(std::memory_order_acquire);
}

// Constructs Stored in place. An aggregate (a struct without constructors) is initialized with
// braces where the compiler has no aggregate initialization from parentheses (clang before 16).
template <class Stored, class... Arguments>
Stored *construct_in_place(void *where, Arguments &&...arguments) {
  if constexpr (std::is_constructible_v<Stored, Arguments...>)
    return new (where) Stored(std::forward<Arguments>(arguments)...);
  else
    return new (where) Stored{std::forward<Arguments>(arguments)...};
}

// Pushes a new userdata holding Stored (constructed from arguments) as an object of class T.
// T* comes from the stored value through object_of. May raise, before anything is
// constructed (see new_userdata).
template <class T, class Stored, class ObjectOf, class... Arguments>
void push_held(lua_State *L, Holding holding, ObjectOf object_of, Arguments &&...arguments) {
  ClassInfo &info = class_info<T>();
  std::size_t size = sizeof(UserdataHeader) + sizeof(Stored) + stored_padding<Stored>;
  UserdataHeader *header = new_userdata(L, info, size, info.user_values.load(std::memory_order_relaxed),
                                        !std::is_trivially_destructible_v<Stored>);
  // Lua code cannot reach the new userdata yet; if construction throws, the caller's
  // exception handling pops it and __gc, if any, finds it marked destroyed.
  Stored *stored = construct_in_place<Stored>(stored_in<Stored>(header), std::forward<Arguments>(arguments)...);
  header->object = const_cast<std::remove_const_t<T> *>(object_of(*stored));
  header->holding = holding;
  std::atomic<const HeldOps *> &published = info.held_ops[static_cast<int>(holding)];
  if (published.load(std::memory_order_relaxed) == nullptr)
    published.store(&held_ops_of<T, Stored>, std::memory_order_release);
  header->destroyed = header->object == nullptr;
}

template <class T, class... Arguments>
void push_object(lua_State *L, Arguments &&...arguments) {
  push_held<T, T>(L, Holding::Value, [](T &object) { return &object; }, std::forward<Arguments>(arguments)...);
}

// A borrowed object: Lua gets a reference that dies with its scope. Runs protected.
UserdataHeader *push_borrowed(lua_State *L, const ClassInfo &info, void *object, bool is_const);

template <class T> struct is_shared_ptr : std::false_type {};
template <class T> struct is_shared_ptr<std::shared_ptr<T>> : std::true_type {};
template <class T> struct is_unique_ptr : std::false_type {};
template <class T, class D> struct is_unique_ptr<std::unique_ptr<T, D>> : std::true_type {};
template <class T> struct is_tuple_like : std::false_type {};
template <class... T> struct is_tuple_like<std::tuple<T...>> : std::true_type {};
template <class A, class B> struct is_tuple_like<std::pair<A, B>> : std::true_type {};

}  // namespace luaembed::detail

namespace luaembed {

class StateView;
class Variadic;

// A class type converts as userdata unless something else claims it: a callable binds as a
// function, tuples are several values, and explicit Converter specializations win.
template <class T>
concept UserdataClass = std::is_class_v<T> && !requires { &T::operator(); } && !detail::is_tuple_like<T>::value &&
                        !detail::is_shared_ptr<T>::value && !detail::is_unique_ptr<T>::value &&
                        !std::is_same_v<T, std::nullopt_t> && !std::is_same_v<T, StateView> &&
                        !std::is_same_v<T, Variadic>;

template <class T>
  requires UserdataClass<T>
struct Converter<T> {
  static constexpr bool is_userdata = true;
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // the allocation comes before the copy
  static void push(lua_State *L, const T &value) { detail::push_object<T>(L, value); }
  static T get(lua_State *L, int index) { return *detail::object_pointer<T>(L, index, false, false); }
  // The object itself, for T& and const T& parameters.
  template <bool is_const>
  static std::conditional_t<is_const, const T, T> *reference(lua_State *L, int index) {
    return detail::object_pointer<T>(L, index, false, !is_const);
  }
  static bool is(lua_State *L, int index) {
    detail::UserdataHeader *header = detail::userdata_header(L, index);
    return header != nullptr && !header->destroyed &&
           detail::cast_object(header->type, header->object, &detail::class_info<T>()) != nullptr;
  }
};

// Pointers to registered objects: nil is nullptr. Pushing a raw pointer would give Lua an
// object it cannot keep alive: pass a copy, a smart pointer, or borrow it with a Scope.
template <class T>
  requires UserdataClass<std::remove_const_t<T>>
struct Converter<T *> {
  static constexpr bool is_userdata_pointer = true;
  static constexpr bool push_may_raise = true;
  static T *get(lua_State *L, int index) {
    return detail::object_pointer<std::remove_const_t<T>>(L, index, true, !std::is_const_v<T>);
  }
  static bool is(lua_State *L, int index) {
    return lua_isnoneornil(L, index) || Converter<std::remove_const_t<T>>::is(L, index);
  }
};

// References to the object inside a userdata: valid while Lua keeps the userdata alive.
template <class T>
  requires UserdataClass<std::remove_const_t<T>>
struct Converter<T &> {
  static T &get(lua_State *L, int index) {
    return *detail::object_pointer<std::remove_const_t<T>>(L, index, false, !std::is_const_v<T>);
  }
  static bool is(lua_State *L, int index) { return Converter<std::remove_const_t<T>>::is(L, index); }
};

template <class T>
  requires UserdataClass<T>
struct Converter<std::shared_ptr<T>> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const std::shared_ptr<T> &value) {
    if (!value) return lua_pushnil(L);
    detail::push_held<T, std::shared_ptr<T>>(
        L, detail::Holding::Shared, [](std::shared_ptr<T> &held) { return held.get(); }, value);
  }
  // The shared owner of an object Lua holds by shared_ptr (also as a base class).
  static std::shared_ptr<T> get(lua_State *L, int index) {
    T *object = detail::object_pointer<T>(L, index, true, false);
    if (object == nullptr) return nullptr;
    detail::UserdataHeader *header = detail::userdata_header(L, index);
    if (header->holding != detail::Holding::Shared) detail::throw_not_shared(*header->type);
    return std::shared_ptr<T>(detail::held_ops(header).share(header), object);
  }
  static bool is(lua_State *L, int index) {
    detail::UserdataHeader *header = detail::userdata_header(L, index);
    return lua_isnil(L, index) || (header != nullptr && header->holding == detail::Holding::Shared &&
                                   Converter<T>::is(L, index));
  }
};

// A unique_ptr pushed to Lua gives its object away: the pointer is released into the userdata.
template <class T>
  requires UserdataClass<T>
struct Converter<std::unique_ptr<T>> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const std::unique_ptr<T> &value) {
    if (!value) return lua_pushnil(L);
    auto &owner = const_cast<std::unique_ptr<T> &>(value);
    detail::push_held<T, std::unique_ptr<T>>(
        L, detail::Holding::Unique, [](std::unique_ptr<T> &held) { return held.get(); }, std::move(owner));
  }
};

}  // namespace luaembed
