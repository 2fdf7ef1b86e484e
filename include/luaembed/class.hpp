// C++ classes in Lua.
//
//   lua.new_class<Vec2>("Vec2")
//       .constructor<>()
//       .constructor<double, double>()
//       .property("x", &Vec2::x)
//       .method("length", &Vec2::length)
//       .meta(luaembed::Meta::Add, [](const Vec2 &a, const Vec2 &b) { return a + b; });
//
// Objects live in userdata: by value (a copy or one constructed in place), by std::shared_ptr,
// by std::unique_ptr (moved into Lua), or borrowed for a Scope. Methods see `self` by pointer
// comparison on the hot path; derived objects pass where a base is expected.
#pragma once

#include <luaembed/detail/userdata.hpp>
#include <luaembed/function.hpp>
#include <luaembed/state.hpp>

#include <string>
#include <tuple>

namespace luaembed {

// The metamethods a class can define. Index and NewIndex are fallbacks: they run for names
// that are neither methods nor properties.
enum class Meta {
  Add, Sub, Mul, Div, Mod, Pow, Unm, IDiv,
  BAnd, BOr, BXor, Shl, Shr, BNot,
  Concat, Len, Eq, Lt, Le, Call, ToString, Close, Pairs,
  Index, NewIndex,
};

// Picks one overload of an overloaded function: select<int(int) const>(&Counter::add).
template <class Signature, class C>
constexpr auto select(Signature C::*member) { return member; }
template <class Signature>
constexpr Signature *select(Signature *function) { return function; }

namespace detail {

// A value constructed in place inside a new userdata.
template <class T, class... Arguments>
struct ConstructInPlace {
  std::tuple<Arguments...> arguments;
};

// Registration, out of line: each takes the value on top of the stack (a function) and files
// it in the class's tables. All run inside protected operations.
void create_class(lua_State *L, const ClassInfo &info, const std::string &name, bool as_global);
// Pushes the class table (methods, Name.new, static functions).
void push_class_table(lua_State *L, const ClassInfo &info);
void add_to_class(lua_State *L, const ClassInfo &info, const void *table_key, const char *name);
void add_constructor(lua_State *L, const ClassInfo &info, int arity, bool (*matches)(lua_State *));
void add_metamethod(lua_State *L, const ClassInfo &info, Meta event);
void inherit(lua_State *L, const ClassInfo &derived, const ClassInfo &base);
extern const char methods_table;
extern const char getters_table;
extern const char setters_table;

// A data member, read and written by the class's __index and __newindex themselves: no
// function to call, no second check of the object. A userdata (no finalizer needed) in the
// getters table, and in the setters table unless read-only. header: the object's header
// when __index or __newindex proved it is one of the class (or null: check the value at 1).
// Both return 1 (read) or 0 (write), or a code of push_pending_error.
struct FieldAccessor {
  int (*read)(lua_State *L, UserdataHeader *header, const FieldAccessor *self);
  int (*write)(lua_State *L, UserdataHeader *header, const FieldAccessor *self);
};

template <class T, class M>
struct MemberAccessor {
  FieldAccessor functions;
  M T::*member;
};

// The T of the object at index 1: the header's, or checked as an argument would be.
template <class T>
T *field_owner(lua_State *L, UserdataHeader *header, bool needs_mutable) {
  if (header == nullptr) return object_pointer<T>(L, 1, false, needs_mutable);
  if (header->destroyed) throw_destroyed();
  if (needs_mutable && header->is_const) throw_const_object(*header->type);
  const ClassInfo *wanted = &class_info<T>();
  void *object = header->type == wanted ? header->object : cast_object(header->type, header->object, wanted);
  if (object == nullptr) throw_not_an_object(L, 1, *wanted);
  return static_cast<T *>(object);
}

// Runs body (C++ land): a C++ exception becomes a pending error; argument: which argument of
// a bound setter(self, value) was being converted, as its error message says.
template <class Body>
int run_field_access(lua_State *L, Body &&body) {
  int argument = 1;
#if defined(__cpp_exceptions)
  try {
    return body(argument);
  } catch (...) {
    if (is_lua_unwind()) throw;
    return push_pending_error(L, argument);
  }
#else
  return body(argument);
#endif
}

template <class T, class M>
int read_member(lua_State *L, UserdataHeader *header, const FieldAccessor *self) {
  return run_field_access(L, [&](int &argument) {
    const T *object = field_owner<T>(L, header, false);
    argument = 0;
    const M &field = object->*reinterpret_cast<const MemberAccessor<T, M> *>(self)->member;
    if (!lua_checkstack(L, 2)) throw_stack_overflow();
    // Pushed straight from the member: protected unless a Lua error there skips nothing.
    if constexpr (lua_errors_unwind || push_raises_cleanly<M>()) {
      luaembed::push(L, field);
    } else {
      protect(L, 0, 1, [&field](lua_State *L) {
        luaembed::push(L, field);
        return 1;
      });
    }
    return 1;
  });
}

template <class T, class M>
int write_member(lua_State *L, UserdataHeader *header, const FieldAccessor *self) {
  return run_field_access(L, [&](int &argument) {
    T *object = field_owner<T>(L, header, true);
    argument = 2;  // the value, at index 3 of __newindex
    object->*reinterpret_cast<const MemberAccessor<T, M> *>(self)->member = luaembed::get<M>(L, 3);
    return 0;
  });
}

template <class... Arguments>
bool arguments_match(lua_State *L) {
  int index = 0;
  return (Converter<std::remove_cvref_t<Arguments>>::is(L, ++index) && ...);
}

}  // namespace detail

template <class T, class... Arguments>
struct Converter<detail::ConstructInPlace<T, Arguments...>> {
  static constexpr bool push_may_raise = true;
  static constexpr bool push_raises_cleanly = true;  // the allocation comes before the object
  static void push(lua_State *L, const detail::ConstructInPlace<T, Arguments...> &value) {
    auto &arguments = const_cast<std::tuple<Arguments...> &>(value.arguments);
    std::apply([L](Arguments &...each) { detail::push_object<T>(L, std::move(each)...); }, arguments);
  }
};

template <class T>
class Class {
public:
  Class(StateView state, std::string name, ClassTable placement = ClassTable::Global) : state_(state) {
    register_step([&](lua_State *L) { detail::create_class(L, info(), name, placement == ClassTable::Global); });
  }

  // The class table: Name.new, the static functions and the methods.
  Table table() const {
    lua_State *L = state_.lua_state();
    int base = lua_gettop(L);
    detail::protect(L, 0, 1, [](lua_State *L) {
      detail::push_class_table(L, info());
      return 1;
    });
    detail::StackGuard pop(L, base);
    return Table(L, -1);
  }

  // Lua: Name.new(arguments); overloads are chosen by number and types of the arguments.
  template <class... Arguments>
  Class &constructor() {
    auto make = [](Arguments... arguments) {
      return detail::ConstructInPlace<T, Arguments...>{std::tuple<Arguments...>(std::move(arguments)...)};
    };
    return add_function(make, [](lua_State *L) {
      detail::add_constructor(L, info(), sizeof...(Arguments), &detail::arguments_match<Arguments...>);
    });
  }

  // Lua: object:name(...). A member function pointer, or any callable whose first parameter
  // is T& or const T&.
  template <class F>
  Class &method(const char *name, F &&function) {
    return add_function(std::forward<F>(function), [name](lua_State *L) {
      detail::add_to_class(L, info(), &detail::methods_table, name);
    });
  }

  // Lua: Name.name(...), no object.
  template <class F>
  Class &static_function(const char *name, F &&function) { return method(name, std::forward<F>(function)); }

  // A data member, read and written as object.name.
  template <class M>
    requires std::is_member_object_pointer_v<M T::*>
  Class &property(const char *name, M T::*member) {
    return field(name, member, &detail::write_member<T, M>);
  }

  template <class M>
    requires std::is_member_object_pointer_v<M T::*>
  Class &readonly_property(const char *name, M T::*member) {
    return field(name, member, nullptr);
  }

  // A property read through getter (a const member function or a callable taking const T&);
  // read-only unless a setter is given.
  template <class Getter>
    requires(!std::is_member_object_pointer_v<Getter>)
  Class &property(const char *name, Getter getter_function) {
    return getter(name, std::move(getter_function));
  }

  template <class Getter, class Setter>
  Class &property(const char *name, Getter getter_function, Setter setter_function) {
    getter(name, std::move(getter_function));
    return add_function(std::move(setter_function), [name](lua_State *L) {
      detail::add_to_class(L, info(), &detail::setters_table, name);
    });
  }

  template <class F>
  Class &meta(Meta event, F &&function) {
    return add_function(std::forward<F>(function), [event](lua_State *L) { detail::add_metamethod(L, info(), event); });
  }

  // T derives from Base (registered before in this state): Base's methods, properties and
  // metamethods apply to T, and a T passes wherever a Base is expected.
  template <class Base>
  Class &base() {
    static_assert(std::is_base_of_v<Base, T>, "luaembed: base<B>() needs a base class of T");
    const detail::ClassInfo *base_info = &detail::class_info<Base>();
    detail::add_base(info(), *base_info, [](void *object) -> void * {
      return static_cast<Base *>(static_cast<T *>(object));
    });
    register_step([base_info](lua_State *L) { detail::inherit(L, info(), *base_info); });
    return *this;
  }

  // Every object of T carries count user values (Value::user_value), from this call on: none
  // unless asked, since a user value makes the collector traverse each object. Lua 5.4 gives
  // up to 65535, earlier versions 1.
  Class &user_values(int count) {
    detail::ask_user_values(info(), count);
    return *this;
  }

private:
  static detail::ClassInfo &info() { return detail::class_info<T>(); }

  template <class Step>
  void register_step(Step &&step) {
    detail::protect(state_.lua_state(), 0, 0, [&](lua_State *L) {
      step(L);
      return 0;
    });
  }

  template <class F, class File>
  Class &add_function(F &&function, File &&file) {
    register_step([&](lua_State *L) {
      detail::push_callable(L, std::forward<F>(function));
      file(L);
    });
    return *this;
  }

  template <class M>
  Class &field(const char *name, M T::*member,
               int (*write)(lua_State *, detail::UserdataHeader *, const detail::FieldAccessor *)) {
    using Accessor = detail::MemberAccessor<T, M>;
    static_assert(std::is_trivially_destructible_v<Accessor>);
    register_step([&](lua_State *L) {
      auto *accessor = static_cast<Accessor *>(lua_newuserdatauv(L, sizeof(Accessor), 0));
      *accessor = Accessor{{&detail::read_member<T, M>, write}, member};
      if (write != nullptr) {
        lua_pushvalue(L, -1);
        detail::add_to_class(L, info(), &detail::setters_table, name);
      }
      detail::add_to_class(L, info(), &detail::getters_table, name);
    });
    return *this;
  }

  template <class Getter>
  Class &getter(const char *name, Getter &&function) {
    return add_function(std::forward<Getter>(function), [name](lua_State *L) {
      detail::add_to_class(L, info(), &detail::getters_table, name);
    });
  }

  StateView state_;
};

template <class T>
Class<T> StateView::new_class(std::string name, ClassTable placement) const {
  return Class<T>(*this, std::move(name), placement);
}

}  // namespace luaembed
