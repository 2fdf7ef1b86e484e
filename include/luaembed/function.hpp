// Function: an owning handle to a Lua function, and the binding of C++ callables to Lua.
//
//   luaembed::Function f = lua.load("return ...");
//   auto [a, b] = f.call<std::tuple<int, std::string>>(1, "two");
//
// Any callable converts to a Lua function: free functions, lambdas (with captures, move-only
// ones too), std::function and member function pointers (the object is the first argument).
#pragma once

#include <luaembed/detail/bind.hpp>
#include <luaembed/detail/multiple_values.hpp>
#include <luaembed/reference.hpp>
#include <luaembed/result.hpp>
#include <luaembed/value.hpp>

#include <functional>

namespace luaembed {

class Function : public Reference {
public:
  Function() noexcept = default;
  // References the function at index; throws ConversionError when it is not one.
  Function(lua_State *L, int index);

  // Calls the function, protected: Lua errors become exceptions. R is void, one type, or a
  // std::tuple / std::pair of the results.
  template <class R = void, class... Args>
  R call(const Args &...args) const;
  // The same without exceptions for Lua errors: the error comes back in the Result.
  template <class R = void, class... Args>
  Result<R> try_call(const Args &...args) const;

private:
  // call and try_call: Throwing, or the Lua error as a Result.
  template <class R, bool Throwing, class... Args>
  std::conditional_t<Throwing, R, Result<R>> invoke(const Args &...args) const;
  // Calls with nresults results; returns the lua_pcall status. On success the results are at
  // first and up; on failure the error object is on top. The caller restores the top.
  template <class... Args>
  int call_raw(lua_State *L, int base, int nresults, int &first, std::exception_ptr &exception,
               const Args &...args) const;
};

template <class... Args>
int Function::call_raw(lua_State *L, int base, int nresults, int &first, std::exception_ptr &exception,
                       const Args &...args) const {
  constexpr int nargs = static_cast<int>(sizeof...(Args));
  // Room for the handler, the function and the arguments, then for the results and one more
  // value (conversions of the results may push one).
  detail::ensure_stack(L, (nargs + 1 > nresults ? nargs + 1 : nresults) + 2);
  if constexpr ((!detail::push_may_raise<Args>() && ...)) {
    // Nothing to push can raise: one lua_pcall of the function itself, with the handler.
    if (lua_gethook(L) != nullptr) detail::start_call_budget(L);
    struct UndoUnlessCalled {  // a conversion that throws before the call leaves nothing behind
      lua_State *L;
      int top;
      bool called = false;
      ~UndoUnlessCalled() {
        if (!called) lua_settop(L, top);
      }
    } undo{L, base};
    detail::push_message_handler(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref_);  // push(L), less the checks lua_state() made
    (luaembed::push(L, args), ...);
    undo.called = true;
    first = base + 2;  // above the handler
    return lua_pcall(L, nargs, nresults, base + 1);
  } else {
    auto call = [&](lua_State *L) {
      detail::ensure_stack(L, nargs + 1);
      push(L);
      (luaembed::push(L, args), ...);
      lua_call(L, nargs, nresults);
      return nresults;
    };
    first = base + 1;
    return detail::call_protected(L, 0, nresults, call, exception);
  }
}

template <class R, bool Throwing, class... Args>
std::conditional_t<Throwing, R, Result<R>> Function::invoke(const Args &...args) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  int first = base + 1;
  std::exception_ptr exception;
  int status = call_raw(L, base, detail::value_count<R>(), first, exception, args...);
  if (exception) {
    lua_settop(L, base);
    detail::rethrow(exception);
  }
  if (status != LUA_OK) {
    if constexpr (Throwing) detail::throw_call_error(L, status, base);
    else return detail::take_call_error(L, status, base);
  }
  detail::StackGuard pop_results(L, base);
  if constexpr (std::is_void_v<R>) {
    if constexpr (!Throwing) return {};
  } else {
    return detail::read_values<R>(L, first);
  }
}

template <class R, class... Args>
R Function::call(const Args &...args) const {
  return invoke<R, true>(args...);
}

template <class R, class... Args>
Result<R> Function::try_call(const Args &...args) const {
  return invoke<R, false>(args...);
}

template <>
struct Converter<Function> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const Function &value) { value.push(L); }
  static Function get(lua_State *L, int index) { return Function(L, index); }
  static bool is(lua_State *L, int index) { return lua_isfunction(L, index); }
};

// std::function converts both ways: to Lua as a bound callable, from Lua as a wrapper that
// calls the Lua function (holding it in a Function handle).
template <class R, class... Args>
struct Converter<std::function<R(Args...)>> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, const std::function<R(Args...)> &value) {
    if (!value) return lua_pushnil(L);
    detail::push_callable(L, value);
  }
  static std::function<R(Args...)> get(lua_State *L, int index) {
    if (lua_isnil(L, index)) return {};
    return [function = Function(L, index)](Args... args) -> R { return function.call<R>(args...); };
  }
  static bool is(lua_State *L, int index) { return lua_isfunction(L, index) || lua_isnil(L, index); }
};

// Plain function pointers and member function pointers push as Lua functions too.
template <class F>
  requires(std::is_pointer_v<F> && std::is_function_v<std::remove_pointer_t<F>>) || std::is_member_function_pointer_v<F>
struct Converter<F> {
  static constexpr bool push_may_raise = true;
  static void push(lua_State *L, F value) { detail::push_callable(L, value); }
};

}  // namespace luaembed
