// Separate States on separate threads at the same time, under ThreadSanitizer. Each thread owns
// its state and does everything an application does with one: runs code, calls bound C++
// functions (which call back into Lua), converts values both ways, registers classes, uses
// coroutines, scopes, errors, application data, warnings and require. The states share no Lua
// data, but they do share luaembed's process-wide data (the per-type class records, the type
// names) and whatever the C++ and C runtimes keep: that is what this test checks.
//
// Then one state used by two threads one after the other, handed over with a join: the rule
// for a single state is one thread at a time, with the hand-over synchronized.
//
// Exit status: 0 when every thread computed what it should; TSan's own exit status (66) when it
// reported a race.
#include <luaembed/luaembed.hpp>

#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int thread_count = 4;
constexpr int rounds = 40;

std::atomic<int> failures{0};

void expect(bool condition, const char *what, int thread) {
  if (condition) return;
  std::fprintf(stderr, "threads: thread %d: %s\n", thread, what);
  ++failures;
}

struct Vec {
  double x = 0, y = 0;
  Vec() = default;
  Vec(double x_, double y_) : x(x_), y(y_) {}
  double dot(const Vec &other) const { return x * other.x + y * other.y; }
};

struct Tagged : Vec {
  std::string tag = "tagged";
};

struct Settings {
  int thread = 0;
};

// Registers the same C++ classes every other thread registers, in this thread's state.
void register_classes(const luaembed::State &lua) {
  lua.new_class<Vec>("Vec")
      .constructor<>()
      .constructor<double, double>()
      .property("x", &Vec::x)
      .property("y", &Vec::y)
      .method("dot", &Vec::dot)
      .meta(luaembed::Meta::Add, [](const Vec &a, const Vec &b) { return Vec(a.x + b.x, a.y + b.y); })
      .meta(luaembed::Meta::ToString, [](const Vec &v) { return "Vec(" + std::to_string(int(v.x)) + ")"; });
  lua.new_class<Tagged>("Tagged").base<Vec>().constructor<>().property("tag", &Tagged::tag);
}

void bind_functions(const luaembed::State &lua, int thread, int &calls) {
  lua["thread_id"] = thread;
  lua["count"] = [&calls](luaembed::Variadic rest) { return calls += rest.size(); };
  lua["twice"] = [](std::function<int(int)> f, int x) { return f(f(x)); };
  lua["sum"] = [](std::vector<double> values) {
    double total = 0;
    for (double value : values) total += value;
    return total;
  };
  lua["invert"] = [](std::map<std::string, int> map) {
    std::map<int, std::string> inverted;
    for (const auto &[key, value] : map) inverted[value] = key;
    return inverted;
  };
  lua["fail"] = [](std::string message) -> int { throw std::runtime_error(message); };
  lua["wait"] = [](int ticks) { return luaembed::yield(ticks); };
  lua["settings"] = [](luaembed::StateView state) { return state.app_data<Settings>()->thread; };
}

constexpr std::string_view script = R"(
  local v = Vec.new(thread_id, 2) + Vec.new(1, 1)
  local t = Tagged.new()
  t.x = 3
  local n = count(1, 2, 3) + count()
  local doubled = twice(function(x) return x * 2 end, thread_id)
  local total = sum({ 1, 2, 3.5 })
  local names = invert({ a = 1, b = 2 })
  local ok, message = pcall(fail, "expected")
  local co = coroutine.wrap(function() local got = wait(5) return got + 1 end)
  local first = co()
  local second = co(41)
  warn("@on")
  warn("thread ", tostring(thread_id))
  local json = package.searchpath("cjson", package.cpath) and require("cjson").encode({ 1 }) or "[1]"
  return v:dot(t) + doubled + total + #names + first + second + settings() + (ok and 1000 or 0) + n * 0,
         tostring(v), tostring(message), json
)";

// One thread's work: a state of its own, used in every way, many times.
void work(int thread) {
  for (int round = 0; round < rounds; ++round) {
    luaembed::State lua({.memory_limit = std::size_t{32} << 20});
    int calls = 0;
    std::string warnings;
    lua.set_warning_handler([&warnings](std::string_view message) { warnings += message; });
    lua.set_app_data(Settings{thread});
    register_classes(lua);
    bind_functions(lua, thread, calls);
    auto [number, text, message, json] = lua.eval<std::tuple<double, std::string, std::string, std::string>>(script);
    double expected = (thread + 1) * 3 + thread * 4 + 6.5 + 2 + 5 + 42 + thread;
    expect(number == expected, "the script computed another number", thread);
    expect(text == "Vec(" + std::to_string(thread + 1) + ")", "__tostring of the class", thread);
    expect(message.find("expected") != std::string::npos, "the C++ exception's message", thread);
    expect(json == "[1]", "require", thread);
    expect(warnings == "thread " + std::to_string(thread), "the warning handler", thread);
    expect(calls == 3, "the capturing callback", thread);
    luaembed::Table table = lua.create_table();
    for (int i = 1; i <= 50; ++i) table.set(i, i * thread);
    lua["filled"] = table;
    std::vector<int> values = lua["filled"].get<std::vector<int>>();
    expect(values.size() == 50 && values.back() == 50 * thread, "a table filled from C++", thread);
    std::vector<int> back = lua.eval<std::vector<int>>("return {1, 2, 3}");
    expect(back.size() == 3, "a vector from Lua", thread);
    lua.scope([&](luaembed::Scope &scope) {
      Vec lent(7, 0);
      lua["lent"] = scope.borrow(lent);
      expect(lua.eval<double>("lent.x") == 7, "a borrowed object", thread);
    });
    expect(!lua.try_exec("return lent.x").ok(), "a borrowed object after its scope", thread);
  }
}

// One state, two threads, one after the other.
void hand_over() {
  auto lua = std::make_unique<luaembed::State>();
  register_classes(*lua);
  std::thread first([&] { lua->exec("shared = Vec.new(1, 2) total = 0 for i = 1, 100 do total = total + i end"); });
  first.join();
  std::thread second([&] { expect(lua->eval<double>("total + shared.y") == 5052, "the handed-over state", -1); });
  second.join();
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int thread = 0; thread < thread_count; ++thread) threads.emplace_back(work, thread);
  for (std::thread &thread : threads) thread.join();
  hand_over();
  if (failures != 0) {
    std::fprintf(stderr, "threads: %d failures\n", failures.load());
    return 1;
  }
  std::printf("threads: %d threads x %d states each, and a handed-over state: all results right\n",
              thread_count, rounds);
  return 0;
}
