// Coroutines: a script that waits on its host, a C++ question answered later, and a generator.
#include <luaembed/luaembed.hpp>

#include <iostream>

int main() {
  luaembed::State lua;
  // wait(n) hands n to whoever resumes the script, and returns what they resume it with.
  lua["wait"] = [](int ticks) { return luaembed::yield(ticks); };
  // ask(q) yields the question; the answer is checked in C++ before the script gets it.
  lua["ask"] = [](std::string question) {
    return luaembed::yield_then([](std::string answer) { return answer.empty() ? "(no answer)" : answer; },
                                question);
  };

  luaembed::Thread script = lua.create_thread(lua.load(R"(
    local now = wait(3)
    print("woke up at tick " .. now)
    local name = ask("what is your name?")
    return "hello, " .. name
  )", "=script"));

  int ticks = script.resume<int>();
  std::cout << "script waits " << ticks << " ticks\n";
  std::string question = script.resume<std::string>(ticks);
  std::cout << "script asks: " << question << '\n';
  std::cout << script.resume<std::string>("Ada") << '\n';
  std::cout << "script is " << luaembed::status_name(script.status()) << '\n';

  for (int n : luaembed::Generator<int>(lua.load("local a, b = 0, 1 for i = 1, 10 do coroutine.yield(a) a, b = b, a + b end")))
    std::cout << n << ' ';
  std::cout << '\n';
}
