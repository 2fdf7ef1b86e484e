// Coroutines: Thread handles, C++ callbacks that yield, and generators.
//
//   luaembed::Thread counter = lua.create_thread(lua.load("for i = 1, 3 do coroutine.yield(i) end"));
//   int first = counter.resume<int>();                // 1
//
//   lua["wait"] = [](int ticks) { return luaembed::yield(ticks); };        // yields to the resumer
//   lua["ask"] = [] { return luaembed::yield_then([](std::string answer) { return answer + "!"; },
//                                                 "question"); };         // continues in C++
//
//   for (int n : luaembed::Generator<int>(lua.load("for i = 1, 3 do coroutine.yield(i) end")))
#pragma once

#include <luaembed/detail/bind.hpp>
#include <luaembed/function.hpp>
#include <luaembed/reference.hpp>
#include <luaembed/state.hpp>

#include <optional>
#include <tuple>

namespace luaembed {

enum class ThreadStatus { Suspended, Running, Normal, Dead };

// "suspended", "running", "normal", "dead": coroutine.status's words.
const char *status_name(ThreadStatus status) noexcept;

class Thread : public Reference {
public:
  Thread() noexcept = default;
  // References the thread at index; throws ConversionError when it is not one.
  Thread(lua_State *L, int index);

  // Resumes with arguments; returns what the coroutine yields or, at the end, returns. An error
  // inside it throws, with the coroutine's own traceback.
  template <class R = void, class... Args>
  R resume(const Args &...args) const;
  // As the main thread sees it (running is then only the main thread itself).
  ThreadStatus status() const;
  // As seen from the thread `current` runs on, a callback's StateView: running when it is
  // this thread, normal when this thread resumed the one running.
  ThreadStatus status_from(const StateView &current) const;
  // Closes the coroutine (its pending to-be-closed variables run); it is dead afterwards.
  void close() const;
  lua_State *thread_state() const;

private:
  // Resumes with nargs values from the top of the main thread's stack; leaves the results
  // there and returns how many.
  int resume_raw(int nargs) const;
};

template <class R, class... Args>
R Thread::resume(const Args &...args) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::protect(L, 0, static_cast<int>(sizeof...(Args)), [&](lua_State *L) {
    detail::ensure_stack(L, static_cast<int>(sizeof...(Args)));
    (luaembed::push(L, args), ...);
    return static_cast<int>(sizeof...(Args));
  });
  resume_raw(static_cast<int>(sizeof...(Args)));
  detail::StackGuard pop_results(L, base);
  return detail::get_values<R>(L, base + 1);
}

namespace detail {
// A new coroutine whose body is function.
Thread new_thread(const Function &function);
}  // namespace detail

template <>
struct Converter<Thread> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const Thread &value) { value.push(L); }
  static Thread get(lua_State *L, int index) { return Thread(L, index); }
  static bool is(lua_State *L, int index) { return lua_isthread(L, index); }
};

// ---- yielding from C++ callbacks ----------------------------------------------------------

// A callback returns yield(values...) to yield them to the resumer. When the coroutine is
// resumed, the Lua code that called the callback continues and receives the resume arguments.
template <class... Values>
struct Yield {
  std::tuple<Values...> values;
};

template <class... Values>
Yield<std::decay_t<Values>...> yield(Values &&...values) {
  return {{std::forward<Values>(values)...}};
}

// yield_then(continuation, values...): yields the values; when resumed, continuation runs
// with the resume arguments (converted to its parameters) and its results are the callback's
// results. A continuation may itself return yield or yield_then. Needs Lua 5.2 or later:
// Lua 5.1 and LuaJIT cannot continue a C function after a yield (they have no lua_yieldk).
template <class Continuation, class... Values>
struct YieldThen {
  static_assert(compat::has_continuations || sizeof(Continuation) == 0,
                "luaembed: yield_then needs continuations (lua_yieldk), which Lua 5.1 and LuaJIT do not "
                "have: return luaembed::yield(values...) and let the Lua code that called the callback go "
                "on with the resume arguments");
  Continuation continuation;
  std::tuple<Values...> values;
};

template <class Continuation, class... Values>
YieldThen<std::decay_t<Continuation>, std::decay_t<Values>...> yield_then(Continuation &&continuation,
                                                                          Values &&...values) {
  return {std::forward<Continuation>(continuation), {std::forward<Values>(values)...}};
}

// ---- generators ---------------------------------------------------------------------------

// The values a Lua function yields, one by one, in a coroutine of its own. The function's
// final return values are not part of the sequence.
template <class T>
class Generator {
public:
  explicit Generator(const Function &function);

  class Iterator {
  public:
    explicit Iterator(const Generator *generator) : generator_(generator) { advance(); }
    Iterator() = default;
    const T &operator*() const { return *current_; }
    Iterator &operator++() { return advance(), *this; }
    bool operator==(const Iterator &other) const { return current_.has_value() == other.current_.has_value(); }

  private:
    void advance() {
      current_.reset();
      if (generator_ == nullptr) return;
      Value value = generator_->thread_.template resume<Value>();
      if (generator_->thread_.status() != ThreadStatus::Dead) current_ = value.get<T>();
    }
    const Generator *generator_ = nullptr;
    std::optional<T> current_;
  };

  Iterator begin() const { return Iterator(this); }
  Iterator end() const { return Iterator(); }

private:
  Thread thread_;
};

template <class T>
Generator<T>::Generator(const Function &function) : thread_(detail::new_thread(function)) {}

}  // namespace luaembed
