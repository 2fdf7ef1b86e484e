// The C++ side a hostile script can reach in fuzz_chunks. Every function is written so that
// its own C++ is defined for any argument (wrapping arithmetic, bounded loops): whatever goes
// wrong is then luaembed's, or Lua's.
#include "chunk_bindings.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace fuzz {

namespace {

using luaembed::Function;
using luaembed::Meta;
using luaembed::StackValue;
using luaembed::StateView;
using luaembed::Table;
using luaembed::Value;
using luaembed::Variadic;

// Two's complement sum without signed overflow.
std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

struct Counter {
  std::int64_t value = 0;
  Counter() = default;
  explicit Counter(std::int64_t start) : value(start) {}
  virtual ~Counter() = default;
  void add(std::int64_t amount) { value = wrap_add(value, amount); }
  std::int64_t get() const { return value; }
};

// A derived class: base<Counter>() makes a Named pass wherever a Counter is expected.
struct Named : Counter {
  std::string label;
  explicit Named(std::string text) : label(std::move(text)) {}
};

void add_counter_class(const luaembed::State &lua) {
  lua.new_class<Counter>("Counter")
      .constructor<>()
      .constructor<std::int64_t>()
      .property("value", &Counter::value)
      .method("add", &Counter::add)
      .method("get", &Counter::get)
      .static_function("shared", [](std::int64_t start) { return std::make_shared<Counter>(start); })
      .static_function("unique", [](std::int64_t start) { return std::make_unique<Counter>(start); })
      .meta(Meta::Add, [](const Counter &a, const Counter &b) { return Counter(wrap_add(a.value, b.value)); })
      .meta(Meta::Eq, [](const Counter &a, const Counter &b) { return a.value == b.value; })
      .meta(Meta::Lt, [](const Counter &a, const Counter &b) { return a.value < b.value; })
      .meta(Meta::Len, [](const Counter &a) { return a.value; })
      .meta(Meta::Call, [](Counter &a, std::optional<std::int64_t> amount) {
        a.add(amount.value_or(1));
        return a.value;
      })
      .meta(Meta::ToString, [](const Counter &a) { return "Counter(" + std::to_string(a.value) + ")"; })
      .meta(Meta::Index, [](const Counter &a, std::string_view key) -> std::optional<std::int64_t> {
        if (key == "twice") return wrap_add(a.value, a.value);
        return std::nullopt;
      })
      .meta(Meta::Close, [](Counter &a) { a.value = -1; });
  lua.new_class<Named>("Named")
      .base<Counter>()
      .constructor<std::string>()
      .property("label", &Named::label)
      .meta(Meta::Concat, [](const Named &a, std::string_view b) { return a.label + std::string(b); });
}

// Conversions of arguments: every standard type, from whatever the script passes. Most are
// taken by value; lines and keys by const reference, the other way a parameter converts.
void add_conversion_functions(Table &host) {
  host["add"] = [](std::int64_t a, std::int64_t b) { return wrap_add(a, b); };
  host["narrow"] = [](std::int8_t a, std::uint8_t b, std::int16_t c, std::uint16_t d, std::int32_t e,
                      std::uint32_t f, std::uint64_t g) {
    return std::to_string(a) + std::to_string(b) + std::to_string(c) + std::to_string(d) + std::to_string(e) +
           std::to_string(f) + std::to_string(g);
  };
  host["real"] = [](double a, float b) { return a * static_cast<double>(b); };
  host["join"] = [](std::string_view a, std::optional<std::string> b) { return std::string(a) + b.value_or("?"); };
  host["sum"] = [](std::vector<double> values) {
    double total = 0;
    for (double value : values) total += value;
    return total;
  };
  host["lines"] = [](const std::vector<std::optional<std::string>> &lines) { return lines.size(); };
  host["keys"] = [](const std::map<std::string, int> &map) {
    std::string keys;
    for (const auto &[key, value] : map) keys += key;
    return keys;
  };
  host["weights"] = [](std::unordered_map<int, double> map) { return map; };
  host["triple"] = [](std::array<int, 3> values) { return std::vector<int>(values.begin(), values.end()); };
  host["pick"] = [](std::variant<int, double, std::string> choice) { return choice; };
  host["flag"] = [](bool value) { return !value; };
  host["count"] = [](Variadic rest) { return rest.size(); };
  host["types"] = [](Variadic rest) {
    std::string names;
    for (int i = 0; i < rest.size(); ++i) names += luaembed::type_name(rest[i].type());
    return names;
  };
  host["same"] = [](StackValue value) { return value; };
  host["keep"] = [](Value value) { return value; };
  host["pair"] = [](std::int64_t a) { return std::make_tuple(a, std::to_string(a), std::nullopt); };
}

// Calls that come back into Lua, errors in both directions, handles and scopes.
void add_reentrant_functions(Table &host) {
  host["apply"] = [](Function f, Value argument) { return f.call<Value>(argument); };
  host["map"] = [](std::function<std::int64_t(std::int64_t)> f, std::int64_t x) { return f(x); };
  host["fail"] = [](std::string message) -> int { throw std::runtime_error(message); };
  host["raise"] = [](std::string message) -> int { luaembed::raise(std::move(message)); };
  host["length"] = [](Table t) { return t.length(); };
  host["rawlength"] = [](Table t) { return t.raw_length(); };
  host["pairs"] = [](Table t) {
    std::size_t count = 0;
    for (const auto &pair : t.pairs())
      if (++count > 10000) break;
    return count;
  };
  host["field"] = [](Table t, Value key) { return t.get<Value>(key); };
  host["store"] = [](Table t, Value key, Value value) { t.set(key, value); };
  host["tostring"] = [](Value value) { return value.to_string(); };
  host["meta"] = [](Table t) { return t.metatable(); };
  host["eval"] = [](StateView state, std::string_view code) { return state.eval<Value>(code, "=eval"); };
  host["collect"] = [](StateView state) { state.collect_garbage(); };
  host["global"] = [](StateView state, std::string name) { return state[name].get<Value>(); };
  // A Counter lent to f for the call only: a script that keeps it must get an error later.
  host["lend"] = [](StateView state, Function f) {
    Counter counter(7);
    return state.scope([&](luaembed::Scope &scope) { return f.call<Value>(scope.borrow(counter)); });
  };
  host["wait"] = [](std::int64_t ticks) { return luaembed::yield(ticks); };
  host["ask"] = [](std::string question) {
    return luaembed::yield_then([](std::optional<std::string> answer) { return answer.value_or("none"); },
                                std::move(question));
  };
}

}  // namespace

void add_bindings(const luaembed::State &lua) {
  add_counter_class(lua);
  Table host = lua.create_table();
  add_conversion_functions(host);
  add_reentrant_functions(host);
  lua["host"] = host;
}

}  // namespace fuzz
