// Limits for untrusted scripts: a budget of VM instructions and of wall-clock time for each
// call from C++ into Lua, and a host callback that can stop a call.
//
//   lua.set_call_limits({.instructions = 10'000'000, .time = std::chrono::milliseconds(100)});
//   lua.exec("while true do end");   // RuntimeError: time limit of 100 ms exceeded
//
// A call is what C++ starts: exec, eval, Function::call, Thread::resume, a metamethod run by
// Table::get... Calls made from inside callbacks belong to the call that is running. When a
// limit is reached, every further Lua instruction of that call raises the same error, so code
// that catches it (pcall, coroutines, error handlers) cannot keep running. The state stays
// usable: the next call starts with a fresh budget.
//
// The limits are checked between VM instructions, and inside the string functions that can
// work long in C: with limits on, string.find, match, gmatch, gsub and rep are luaembed's own,
// which behave exactly as the linked Lua's but count their work against the budget and stop
// with the same error (docs/safety.md).
//
// Memory is limited separately: StateOptions::memory_limit, State::set_memory_limit.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace luaembed {

struct CallLimits {
  std::uint64_t instructions = 0;            // VM instructions per call; 0: no limit
  std::chrono::milliseconds time{0};         // wall-clock time per call; 0: no limit
  std::function<bool()> interrupt;           // asked regularly during a call: true stops it
};

}  // namespace luaembed
