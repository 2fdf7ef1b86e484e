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

#include <luaembed/detail/multiple_values.hpp>
#include <luaembed/detail/protect.hpp>

#include <functional>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>

namespace luaembed {
class StateView;
class Variadic;
template <class... Values> struct Yield;
template <class Continuation, class... Values> struct YieldThen;
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

// A reference to an object Lua holds in a userdata (a registered class): passed by pointer
// into the userdata, never copied.
template <class P>
concept ObjectReference = std::is_lvalue_reference_v<P> && requires {
  Converter<bare<P>>::is_userdata;
  Converter<bare<P> *>::is_userdata_pointer;
};

// A reference to a type the application converts by pointer (its own Converter<T*>).
template <class P>
concept PointerReference = std::is_lvalue_reference_v<P> && !ObjectReference<P> && Gettable<bare<P> *> &&
                           !requires { Converter<bare<P> *>::is_userdata_pointer; };

// How a parameter is stored during the call: by value, or as a pointer for references to
// objects and to types that convert by pointer.
template <class P>
using stored_argument = std::conditional_t<ObjectReference<P> || PointerReference<P>, std::remove_reference_t<P> *, bare<P>>;

template <class P>
stored_argument<P> read_argument(lua_State *L, int &position, int &current) {
  if constexpr (std::is_same_v<bare<P>, StateView>) {
    return bare<P>(L);  // the state itself: takes no Lua argument
  } else if constexpr (std::is_same_v<bare<P>, Variadic>) {
    return bare<P>(L, position);  // every remaining argument
  } else if constexpr (ObjectReference<P>) {
    current = position++;
    return Converter<bare<P>>::template reference<std::is_const_v<std::remove_reference_t<P>>>(L, current);
  } else if constexpr (PointerReference<P>) {
    current = position++;
    return luaembed::get<bare<P> *>(L, current);
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

// What a callable returns besides plain values: a request to yield.
template <class R> struct yield_request : std::false_type {};
template <class... V> struct yield_request<Yield<V...>> : std::true_type {
  using values = std::tuple<V...>;
};
template <class C, class... V> struct yield_request<YieldThen<C, V...>> : std::true_type {
  using values = std::tuple<V...>;
  using continuation = C;
};

// Codes run_callable returns besides a result count: yields, and pending errors (< 0).
inline constexpr int yield_code = 1 << 24;
inline constexpr int yield_then_code = 1 << 25;

template <class C>
void push_callable_object(lua_State *L, C &&callable);

// Pushes results; protected when pushing can raise and a longjmp would skip a destructor: of
// the results or the arguments (unless trivial_frame says they have none), or of the push.
template <bool trivial_frame, class Values>
int push_results(lua_State *L, Values &values) {
  if (!lua_checkstack(L, value_count<Values>() + 1)) throw_stack_overflow();
  if constexpr (lua_errors_unwind || !values_push_may_raise<Values>() ||
                (trivial_frame && values_push_raises_cleanly<Values>())) {
    return push_values(L, values);
  } else {
    protect(L, 0, value_count<Values>(), [&values](lua_State *L) { return push_values(L, values); });
    return value_count<Values>();
  }
}

template <bool trivial_frame, class Result>
int push_result_or_yield(lua_State *L, Result &result) {
  if constexpr (!yield_request<Result>::value) {
    return push_results<trivial_frame>(L, result);
  } else if constexpr (!requires { typename yield_request<Result>::continuation; }) {
    return yield_code + push_results<trivial_frame>(L, result.values);
  } else {
    // The continuation waits on the stack, below the yielded values, for the resume.
    if (!lua_checkstack(L, 1)) throw_stack_overflow();
    protect(L, 0, 1, [&result](lua_State *L) {
      push_callable_object(L, std::move(result.continuation));
      return 1;
    });
    return yield_then_code + push_results<false>(L, result.values);
  }
}

// Converts the arguments (from stack position first on), calls, pushes the results; returns
// how many, or a yield code. current names the argument being converted while that happens,
// and is 0 while the callable runs.
template <class F>
int call_with_arguments(lua_State *L, F &callable, int &current, int first) {
  using Parameters = typename callable_traits<F>::parameters;
  using Result = typename callable_traits<F>::result;
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    int position = first;
    std::tuple<stored_argument<std::tuple_element_t<I, Parameters>>...> arguments{
        read_argument<std::tuple_element_t<I, Parameters>>(L, position, current)...};
    current = 0;
    if constexpr (std::is_void_v<Result>) {
      std::invoke(callable, pass_argument<std::tuple_element_t<I, Parameters>>(std::get<I>(arguments))...);
      return 0;
    } else {
      // Nothing in these frames has a destructor: a Lua error while pushing may leave them.
      constexpr bool trivial_frame =
          std::is_trivially_destructible_v<Result> &&
          (std::is_trivially_destructible_v<stored_argument<std::tuple_element_t<I, Parameters>>> && ...);
      Result result = std::invoke(callable, pass_argument<std::tuple_element_t<I, Parameters>>(std::get<I>(arguments))...);
      return push_result_or_yield<trivial_frame>(L, result);
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
int run_callable(lua_State *L, F &callable, int first) {
  int current = 0;
#if defined(__cpp_exceptions)
  try {
    return call_with_arguments(L, callable, current, first);
  } catch (...) {
    if (is_lua_unwind()) throw;
    return push_pending_error(L, current > 0 ? current - first + 1 : 0);
  }
#else
  return call_with_arguments(L, callable, current, first);
#endif
}

template <class F> int finish_call(lua_State *L, int results);

// Resumes a callback that yielded with yield_then: its continuation is at stack index
// context, the resume arguments above it.
template <class C>
int continue_callable(lua_State *L, int, lua_KContext context) {
  int results = run_callable(L, *static_cast<C *>(lua_touserdata(L, static_cast<int>(context))),
                             static_cast<int>(context) + 1);
  return finish_call<C>(L, results);
}

// Returns the results, or raises the pending error, or yields: in a frame where no C++
// object of the call is alive any more (lua_error and lua_yield longjmp when Lua is C).
template <class F>
int finish_call(lua_State *L, int results) {
  using Result = typename callable_traits<F>::result;
  if (results < 0) raise_pending_error(L, results);
  if constexpr (yield_request<Result>::value) {
    if constexpr (!requires { typename yield_request<Result>::continuation; }) {
      return lua_yield(L, results - yield_code);
    } else if constexpr (compat::has_continuations) {  // else YieldThen said why (thread.hpp)
      int count = results - yield_then_code;
      lua_KContext continuation = lua_gettop(L) - count;
      return compat::yieldk<&continue_callable<typename yield_request<Result>::continuation>>(L, count, continuation);
    }
  }
  return results;
}

template <class F>
int trampoline(lua_State *L) {
  return finish_call<F>(L, run_callable(L, callable_of<F>(L), 1));
}

template <class F>
int destroy_callable(lua_State *L) {
  static_cast<F *>(lua_touserdata(L, 1))->~F();
  return 0;
}

// Pushes the shared metatable whose __gc destroys callables of type F. May raise.
void push_callable_metatable(lua_State *L, const void *key, lua_CFunction destroy);

// Pushes a userdata holding callable (destroyed by __gc). May raise: call it protected.
template <class C>
void push_callable_object(lua_State *L, C &&callable) {
  using Stored = std::decay_t<C>;
  static_assert(alignof(Stored) <= alignof(void *) || alignof(Stored) <= alignof(lua_Number),
                "luaembed: the callable is over-aligned for Lua userdata");
  void *memory = lua_newuserdatauv(L, sizeof(Stored), 0);
  new (memory) Stored(std::forward<C>(callable));
  if constexpr (!std::is_trivially_destructible_v<Stored>) {
    push_callable_metatable(L, reinterpret_cast<const void *>(&destroy_callable<Stored>), &destroy_callable<Stored>);
    lua_setmetatable(L, -2);
  }
}

// Pushes callable as a Lua function. May raise (it allocates): call it protected.
template <class F>
void push_callable(lua_State *L, F &&callable) {
  using Stored = std::decay_t<F>;
  if constexpr (std::is_empty_v<Stored> && std::is_default_constructible_v<Stored>) {
    lua_pushcfunction(L, &trampoline<Stored>);
  } else {
    push_callable_object(L, std::forward<F>(callable));
    lua_pushcclosure(L, &trampoline<Stored>, 1);
  }
}

}  // namespace luaembed::detail
