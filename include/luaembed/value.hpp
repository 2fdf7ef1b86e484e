// Value: an owning handle to any Lua value; StackValue: a view of a stack slot, the cheap
// form for callbacks (no registry traffic).
#pragma once

#include <luaembed/convert.hpp>
#include <luaembed/detail/protect.hpp>
#include <luaembed/reference.hpp>

#include <string>

namespace luaembed {

enum class Type {
  None = LUA_TNONE,
  Nil = LUA_TNIL,
  Boolean = LUA_TBOOLEAN,
  LightUserdata = LUA_TLIGHTUSERDATA,
  Number = LUA_TNUMBER,
  String = LUA_TSTRING,
  Table = LUA_TTABLE,
  Function = LUA_TFUNCTION,
  Userdata = LUA_TUSERDATA,
  Thread = LUA_TTHREAD,
};

// "nil", "number", ... as Lua names them.
const char *type_name(Type type) noexcept;

// A view of the value at one slot of a Lua stack; valid while that slot is.
class StackValue {
public:
  StackValue(lua_State *L, int index) noexcept : L_(L), index_(lua_absindex(L, index)) {}

  Type type() const noexcept { return static_cast<Type>(lua_type(L_, index_)); }
  bool is_nil() const noexcept { return lua_isnoneornil(L_, index_); }
  template <class T> bool is() const { return Converter<T>::is(L_, index_); }
  template <class T> T get() const { return luaembed::get<T>(L_, index_); }
  lua_State *lua_state() const noexcept { return L_; }
  int index() const noexcept { return index_; }

private:
  lua_State *L_;
  int index_;
};

// The arguments of a callback from a position on: declare a last parameter of this type to
// accept any number of arguments.
class Variadic {
public:
  Variadic(lua_State *L, int first) noexcept : L_(L), first_(first), count_(lua_gettop(L) - first + 1) {
    if (count_ < 0) count_ = 0;
  }
  int size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  StackValue operator[](int position) const noexcept { return {L_, first_ + position}; }
  template <class T> T get(int position) const { return luaembed::get<T>(L_, first_ + position); }

private:
  lua_State *L_;
  int first_;
  int count_;
};

class Value : public Reference {
public:
  Value() noexcept = default;  // nil
  Value(lua_State *L, int index) : Reference(L, index) {}
  // Any handle (Table, Function, Thread) is a Value too.
  Value(const Reference &handle) : Reference(handle) {}
  Value(Reference &&handle) noexcept : Reference(std::move(handle)) {}

  Type type() const;
  bool is_nil() const { return type() == Type::Nil; }
  template <class T> bool is() const;
  template <class T> T get() const;
  // luaL_tolstring's text of the value, __tostring included.
  std::string to_string() const;
  // The n-th user value of a userdata: any Lua value the application keeps with it. Each
  // luaembed object has one, on every Lua version (compat.hpp).
  Value user_value(int n = 1) const;
  void set_user_value(const Value &value, int n = 1) const;
};

template <class T>
bool Value::is() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  push(L);
  bool result = Converter<T>::is(L, -1);
  lua_pop(L, 1);
  return result;
}

template <class T>
T Value::get() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  detail::StackGuard guard(L);
  push(L);
  return luaembed::get<T>(L, -1);
}

template <>
struct Converter<Value> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const Value &value) { value.push(L); }
  static Value get(lua_State *L, int index) { return Value(L, index); }
  static bool is(lua_State *, int) { return true; }
};

template <>
struct Converter<StackValue> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const StackValue &value) { lua_pushvalue(L, value.index()); }
  static StackValue get(lua_State *L, int index) { return StackValue(L, index); }
  static bool is(lua_State *, int) { return true; }
};

}  // namespace luaembed
