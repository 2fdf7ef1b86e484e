// State: owns a Lua interpreter. StateView: the same operations on a lua_State* that someone
// else owns (a module's state, a callback's thread).
//
//   luaembed::State lua;                             // all standard libraries
//   lua["greet"] = [](std::string_view who) { return "hello " + std::string(who); };
//   lua.exec("print(greet('lua'))");
//   int answer = lua.eval<int>("6 * 7");
#pragma once

#include <luaembed/function.hpp>
#include <luaembed/limits.hpp>
#include <luaembed/result.hpp>
#include <luaembed/table.hpp>
#include <luaembed/value.hpp>

#include <any>
#include <cstddef>
#include <optional>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>

namespace luaembed {

// The standard libraries a State opens. All is what luaL_openlibs opens; a library the linked
// Lua does not have is left out (Lua 5.1 and LuaJIT open coroutine with Base).
enum class Libraries : unsigned {
  None = 0,
  Base = 1 << 0,
  Package = 1 << 1,
  Coroutine = 1 << 2,
  Table = 1 << 3,
  IO = 1 << 4,
  OS = 1 << 5,
  String = 1 << 6,
  Math = 1 << 7,
  UTF8 = 1 << 8,     // Lua 5.3 and later
  Debug = 1 << 9,
  Bit = 1 << 10,     // bit32 (Lua 5.2, and 5.3 as Debian builds it), LuaJIT's bit
  Jit = 1 << 11,     // LuaJIT's jit (and string.buffer, which require finds)
  FFI = 1 << 12,     // LuaJIT's ffi, for require
  All = (1 << 13) - 1,
};
constexpr Libraries operator|(Libraries a, Libraries b) {
  return static_cast<Libraries>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(Libraries set, Libraries library) {
  return (static_cast<unsigned>(set) & static_cast<unsigned>(library)) != 0;
}

// Precompiled chunks can crash the interpreter when malformed: they load only when asked for.
enum class ChunkMode { Text, Binary, TextOrBinary };

// What require does with a native module that would bring a second Lua core into the process
// (it links a Lua library, or contains Lua): two interpreters corrupt each other's memory.
enum class SecondLuaCore { Refuse, Warn, Allow };

struct StateOptions {
  Libraries libraries = Libraries::All;
  // Where memory comes from; realloc/free when null. luaembed counts and limits on top of it.
  lua_Alloc allocator = nullptr;
  void *allocator_data = nullptr;
  // Allocations beyond this many bytes fail with MemoryError; 0 means no limit.
  std::size_t memory_limit = 0;
  // With the package library: refuse modules that bring their own Lua, and make failed loads
  // explain themselves (see guard_native_modules).
  SecondLuaCore second_lua_core = SecondLuaCore::Refuse;
  // For scripts the host does not trust (sandbox.cpp; docs/safety.md): only safe library
  // functions, text chunks only, no C modules unless allowed, files only through read_file.
  bool sandbox = false;
  bool sandbox_c_modules = false;
  // The virtual filesystem of a sandbox: the text of a Lua file (dofile, loadfile, require of
  // Lua modules), or nothing when it does not exist.
  std::function<std::optional<std::string>(std::string_view path)> read_file;
};

// lua["name"]: a global, read with get<T>() or by conversion, written with =, nested with [].
using GlobalProxy = TableProxy<std::string_view>;
class Scope;
enum class ClassTable { Global, NotGlobal };
class Thread;
template <class T> class Class;

class StateView {
public:
  explicit StateView(lua_State *L) noexcept : L_(L) {}

  // The lua_State*; throws StateClosedError for a closed or moved-from State.
  lua_State *lua_state() const {
    if (L_ == nullptr) detail::throw_state_closed();
    return L_;
  }

  // Runs a chunk. The name appears in messages: "=name" literally, "@file" as a file; by
  // default the code itself, as Lua's own [string "..."].
  void exec(std::string_view code, std::string_view chunk_name = {}) const;
  void exec_file(const std::string &path) const;
  Result<void> try_exec(std::string_view code, std::string_view chunk_name = {}) const;
  // Evaluates an expression ("6 * 7") or runs statements ("return 1, 2"), converting the
  // results to R (void, a type, or a std::tuple of types).
  template <class R = Value> R eval(std::string_view code, std::string_view chunk_name = {}) const;
  template <class R = Value> Result<R> try_eval(std::string_view code, std::string_view chunk_name = {}) const;
  // Compiles without running.
  Function load(std::string_view code, std::string_view chunk_name = {}, ChunkMode mode = ChunkMode::Text) const;
  Function load_file(const std::string &path, ChunkMode mode = ChunkMode::Text) const;

  // lua["name"] reads and writes globals, with conversion.
  GlobalProxy operator[](std::string_view name) const {
    return GlobalProxy(detail::PathRoot(lua_state(), data_), name);
  }
  Table globals() const;
  Table registry() const;
  Table create_table(int array_size = 0, int hash_size = 0) const;
  // Any callable as a Lua function.
  template <class F> Function function(F &&callable) const;
  // Registers the C++ class T under name (class.hpp); its class table (Name.new, static
  // functions) becomes the global `name`, unless NotGlobal (a module returns it instead).
  template <class T> Class<T> new_class(std::string name, ClassTable placement = ClassTable::Global) const;
  // Runs body(Scope&); what the scope lends to Lua dies with it (scope.hpp).
  template <class F> decltype(auto) scope(F &&body) const;
  // A coroutine running function (thread.hpp).
  Thread create_thread(const Function &function) const;
  // Raises a Lua error from inside a callback, unwinding C++ frames first: throws.
  [[noreturn]] void raise(std::string message) const { luaembed::raise(std::move(message)); }

  // Typed data of the application, stored with the state (one value per type).
  template <class T> T &set_app_data(T value) const;
  template <class T> T *app_data() const;
  template <class T> bool remove_app_data() const;

  // Routes Lua warnings (warn "..." in Lua 5.4) to handler, one whole message at a time.
  // "@off" and "@on" switch them off and on again; an empty handler restores the default.
  void set_warning_handler(std::function<void(std::string_view)> handler) const;

  // Wraps the C searchers of package.searchers: a module bringing a second Lua core is handled
  // by policy, and a module that fails to load gets an explanation added to the error (its
  // Lua version, or the API this program lacks). Returns false when there is nothing to wrap
  // (no package library) or luaembed was built without LUAEMBED_REQUIRE_GUARD.
  bool guard_native_modules(SecondLuaCore policy = SecondLuaCore::Refuse) const;

  // A fresh environment for one script of a sandboxed state (or any state): the globals, with
  // copies of the library tables, so that scripts see neither each other's globals nor each
  // other's changes to string, table, math... Run code in it with exec(code, name, env).
  Table new_environment() const;
  void exec(std::string_view code, std::string_view chunk_name, const Table &environment) const;

  // Bytes in use by Lua, as the collector counts them.
  std::size_t memory_in_use() const;
  void collect_garbage() const;

protected:
  lua_State *L_;
  detail::StateData *data_ = nullptr;  // known to a State; a view looks it up when needed

private:
  Function load_checked(std::string_view code, std::string_view chunk_name, ChunkMode mode) const;
  std::any &app_data_slot(std::type_index type, bool create) const;
};

namespace detail {
class Allocator;
struct CallBudget;
}

class State : public StateView {
public:
  explicit State(StateOptions options = {});
  State(State &&other) noexcept;
  State &operator=(State &&other) noexcept;
  State(const State &) = delete;
  State &operator=(const State &) = delete;
  ~State();

  // Closes the interpreter now; handles still around then throw StateClosedError.
  void close() noexcept;

  // What the allocator saw: bytes in use now, and how many allocations (including growing
  // reallocations) it has served since the state was created.
  std::size_t memory_used() const;
  std::size_t allocation_count() const;
  // Allocations that would go past this many bytes fail (MemoryError); 0 lifts the limit.
  void set_memory_limit(std::size_t bytes);
  // Instruction and time budgets for each call into Lua (limits.hpp); {} lifts them.
  void set_call_limits(CallLimits limits);

private:
  std::unique_ptr<detail::Allocator> allocator_;
  std::unique_ptr<detail::CallBudget> budget_;
};

// ---- templates ----------------------------------------------------------------------------

template <class R>
R StateView::eval(std::string_view code, std::string_view chunk_name) const {
  Function chunk = load_checked(code, chunk_name, ChunkMode::Text);
  return chunk.call<R>();
}

template <class R>
Result<R> StateView::try_eval(std::string_view code, std::string_view chunk_name) const {
  Function chunk;
#if defined(__cpp_exceptions)
  try {
    chunk = load_checked(code, chunk_name, ChunkMode::Text);
  } catch (const SyntaxError &error) {
    return ErrorInfo{ErrorKind::Syntax, error.message(), {}, error.incomplete()};
  }
#else
  chunk = load_checked(code, chunk_name, ChunkMode::Text);
#endif
  return chunk.try_call<R>();
}

template <class F>
Function StateView::function(F &&callable) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::protect(L, 0, 1, [&](lua_State *L) {
    detail::push_callable(L, std::forward<F>(callable));
    return 1;
  });
  detail::StackGuard pop(L, base);
  return Function(L, -1);
}

template <class T>
T &StateView::set_app_data(T value) const {
  std::any &slot = app_data_slot(typeid(T), true);
  slot = std::move(value);
  return *std::any_cast<T>(&slot);
}

template <class T>
T *StateView::app_data() const {
  std::any &slot = app_data_slot(typeid(T), false);
  return std::any_cast<T>(&slot);
}

template <class T>
bool StateView::remove_app_data() const {
  std::any &slot = app_data_slot(typeid(T), false);
  bool had = slot.has_value();
  slot.reset();
  return had;
}

}  // namespace luaembed
