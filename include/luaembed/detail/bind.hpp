// Binding C++ callables as Lua C functions.
//
// The trampoline is split in two so that Lua errors and C++ exceptions never cross:
//   run_callable   C++ land: converts the arguments, calls, pushes the results. It catches
//                  every C++ exception and turns it into an error object on the stack.
//   trampoline     calls run_callable and, only after every C++ object of the call is
//                  destroyed, raises the pending Lua error (a longjmp when Lua is C).
// Pushing results that allocate runs protected (Lua compiled as C), so an out-of-memory error
// cannot longjmp over the live result either.
#pragma once

#include <luaembed/detail/protect.hpp>
#include <luaembed/values.hpp>

#include <functional>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>

namespace luaembed {
class StateView;
class Variadic;
}  // namespace luaembed

namespace luaembed::detail {

// ---- what a callable takes and returns ---------------------------------------------------
template <class F> struct callable_traits;  // not a callable luaembed can bind

template <class R, class... A> struct callable_traits<R (*)(A...)> {
  using result = R;
  using parameters = std::tuple<A...>;
};
template <class R, class... A> struct callable_traits<R (*)(A...) noexcept> : callable_traits<R (*)(A...)> {};
template <class R, class... A> struct callable_traits<R(A...)> : callable_traits<R (*)(A...)> {};

// Member functions take the object as their first Lua argument.
#define LUAEMBED_MEMBER_TRAITS(qualifiers, object)                                              \
  template <class R, class C, class... A> struct callable_traits<R (C::*)(A...) qualifiers> {  \
    using result = R;                                                                          \
    using parameters = std::tuple<object, A...>;                                               \
    using lambda_parameters = std::tuple<A...>;                                                \
  };
LUAEMBED_MEMBER_TRAITS(, C &)
LUAEMBED_MEMBER_TRAITS(const, const C &)
LUAEMBED_MEMBER_TRAITS(noexcept, C &)
LUAEMBED_MEMBER_TRAITS(const noexcept, const C &)
LUAEMBED_MEMBER_TRAITS(&, C &)
LUAEMBED_MEMBER_TRAITS(const &, const C &)
#undef LUAEMBED_MEMBER_TRAITS

// A lambda or function object: its operator() minus the object.
template <class F>
  requires requires { &F::operator(); }
struct callable_traits<F> {
  using result = typename callable_traits<decltype(&F::operator())>::result;
  using parameters = typename callable_traits<decltype(&F::operator())>::lambda_parameters;
};

template <class F>
concept Bindable = std::is_function_v<std::remove_pointer_t<F>> || std::is_member_function_pointer_v<F> ||
                   requires { &F::operator(); };

// ---- arguments --------------------------------------------------------------------------
template <class P> using bare = std::remove_cvref_t<P>;

// How a parameter is stored during the call: by value, or as a pointer for references to
// types that convert only by pointer (userdata).
template <class P>
using stored_argument =
    std::conditional_t<!Gettable<bare<P>> && std::is_reference_v<P>, bare<P> *, bare<P>>;

template <class P>
stored_argument<P> read_argument(lua_State *L, int &position, int &current) {
  if constexpr (std::is_same_v<bare<P>, StateView>) {
    return bare<P>(L);  // the state itself: takes no Lua argument
  } else if constexpr (std::is_same_v<bare<P>, Variadic>) {
    return bare<P>(L, position);  // every remaining argument
  } else {
    current = position++;
    return luaembed::get<stored_argument<P>>(L, current);
  }
}

template <class P>
decltype(auto) pass_argument(stored_argument<P> &stored) {
  if constexpr (std::is_pointer_v<stored_argument<P>> && !std::is_pointer_v<bare<P>>) return (*stored);
  else if constexpr (std::is_lvalue_reference_v<P>) return (stored);
  else return std::move(stored);
}

// Converts the arguments, calls, pushes the results; returns how many. current names the
// argument being converted while that happens, and is 0 while the callable runs.
template <class F>
int call_with_arguments(lua_State *L, F &callable, int &current) {
  using Parameters = typename callable_traits<F>::parameters;
  using Result = typename callable_traits<F>::result;
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    int position = 1;
    std::tuple<stored_argument<std::tuple_element_t<I, Parameters>>...> arguments{
        read_argument<std::tuple_element_t<I, Parameters>>(L, position, current)...};
    current = 0;
    if constexpr (std::is_void_v<Result>) {
      std::invoke(callable, pass_argument<std::tuple_element_t<I, Parameters>>(std::get<I>(arguments))...);
      return 0;
    } else {
      Result result = std::invoke(callable, pass_argument<std::tuple_element_t<I, Parameters>>(std::get<I>(arguments))...);
      if (!lua_checkstack(L, value_count<Result>())) throw_stack_overflow();
      if constexpr (lua_errors_unwind || !values_push_may_raise<Result>()) {
        return push_values(L, result);
      } else {
        protect(L, 0, value_count<Result>(), [&result](lua_State *L) { return push_values(L, result); });
        return value_count<Result>();
      }
    }
  }(std::make_index_sequence<std::tuple_size_v<Parameters>>{});
}

// Turns the exception being handled into a pending error; returns the code trampoline gives
// raise_pending_error. Out of line: it inspects the exception and pushes protected.
int push_pending_error(lua_State *L, int current_argument) noexcept;
// Raises the pending error that push_pending_error left on the stack.
[[noreturn]] void raise_pending_error(lua_State *L, int code);

template <class F>
F &callable_of(lua_State *L) {
  if constexpr (std::is_empty_v<F> && std::is_default_constructible_v<F>) {
    static F stateless{};  // a lambda without captures: no userdata needed
    return stateless;
  } else {
    return *static_cast<F *>(lua_touserdata(L, lua_upvalueindex(1)));
  }
}

template <class F>
int run_callable(lua_State *L) {
  int current = 0;
#if defined(__cpp_exceptions)
  try {
    return call_with_arguments(L, callable_of<F>(L), current);
  } catch (...) {
    if (is_lua_unwind()) throw;
    return push_pending_error(L, current);
  }
#else
  return call_with_arguments(L, callable_of<F>(L), current);
#endif
}

template <class F>
int trampoline(lua_State *L) {
  int results = run_callable<F>(L);
  if (results < 0) raise_pending_error(L, results);  // no C++ object of the call is alive here
  return results;
}

template <class F>
int destroy_callable(lua_State *L) {
  static_cast<F *>(lua_touserdata(L, 1))->~F();
  return 0;
}

// Pushes the shared metatable whose __gc destroys callables of type F. May raise.
void push_callable_metatable(lua_State *L, const void *key, lua_CFunction destroy);

// Pushes callable as a Lua function. May raise (it allocates): call it protected.
template <class F>
void push_callable(lua_State *L, F &&callable) {
  using Stored = std::decay_t<F>;
  static_assert(alignof(Stored) <= alignof(void *) || alignof(Stored) <= alignof(lua_Number),
                "luaembed: the callable is over-aligned for Lua userdata");
  if constexpr (std::is_empty_v<Stored> && std::is_default_constructible_v<Stored>) {
    lua_pushcfunction(L, &trampoline<Stored>);
  } else {
    void *memory = lua_newuserdatauv(L, sizeof(Stored), 0);
    new (memory) Stored(std::forward<F>(callable));
    if constexpr (!std::is_trivially_destructible_v<Stored>) {
      push_callable_metatable(L, reinterpret_cast<const void *>(&destroy_callable<Stored>), &destroy_callable<Stored>);
      lua_setmetatable(L, -2);
    }
    lua_pushcclosure(L, &trampoline<Stored>, 1);
  }
}

}  // namespace luaembed::detail
