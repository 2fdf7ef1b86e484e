// fuzz_chunks: the input is a Lua chunk, as an untrusted script would be. It runs in a fresh
// State with a memory limit and call limits, next to C++ functions and classes it may call
// (chunk_bindings.cpp). Every Lua error is an expected outcome; only crashes, leaks, sanitizer
// reports and inputs that run away from the limits are findings.
//
// The state is State's sandbox when this luaembed has one (StateOptions::sandbox); otherwise
// the harness makes the same restrictions itself: no io, os, package or debug, no precompiled
// chunks (malformed bytecode crashes Lua by design), no files, no finalizers.
#include "chunk_bindings.hpp"

#include <luaembed/limits.hpp>
#include <luaembed/luaembed.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <tuple>

namespace {

using luaembed::Libraries;

const bool verbose = std::getenv("LUAEMBED_FUZZ_VERBOSE") != nullptr;

// Small on purpose: besides memory errors, the limit bounds what no call limit can stop. A
// table whose __call is itself makes Lua 5.4 extend a chain of calls in C, shifting its stack
// for each link until the stack reaches the memory limit: quadratic in that limit, 3 s at 2 MiB
// (a minute at 8 MiB). docs/safety.md lists it with the other known limits.
constexpr std::size_t memory_limit = 2 << 20;
constexpr std::uint64_t instruction_limit = 1'000'000;
constexpr std::chrono::milliseconds time_limit{200};

// Used only while State has no set_call_limits: a count hook that stops a call after the
// same number of instructions, and keeps stopping it (pcall cannot swallow the error).
int fallback_budget = 0;
void fallback_hook(lua_State *L, lua_Debug *) {
  if (--fallback_budget > 0) return;
  lua_sethook(L, fallback_hook, LUA_MASKCOUNT, 1);
  luaL_error(L, "instruction limit exceeded");
}

template <class S>
void limit_calls(S &lua) {
  if constexpr (requires { lua.set_call_limits(luaembed::CallLimits{}); }) {
    lua.set_call_limits({.instructions = instruction_limit, .time = time_limit});
  } else {
    fallback_budget = static_cast<int>(instruction_limit / 1000);
    lua_sethook(lua.lua_state(), fallback_hook, LUA_MASKCOUNT, 1000);
  }
}

// Before each call from C++: a fresh budget for the fallback (set_call_limits does it itself).
template <class S>
void new_call(S &lua) {
  if constexpr (!requires { lua.set_call_limits(luaembed::CallLimits{}); }) limit_calls(lua);
}

// Applied in every state, sandboxed or not: quiet print, and the restrictions of the sandbox
// for a luaembed without one. print prints, and the errors scripts end with are shown, when
// LUAEMBED_FUZZ_VERBOSE is set (to study an input).
constexpr std::string_view restrict_base = R"(
  local verbose = ...
  if not verbose then print = function() end end
  dofile, loadfile = nil, nil
  local load, select, setmetatable, rawget, type, error = load, select, setmetatable, rawget, type, error
  _G.load = function(chunk, name, mode, ...)
    if select('#', ...) > 0 then return load(chunk, name, 't', (...)) end
    return load(chunk, name, 't')
  end
  -- A finalizer runs with hooks off, where no call limit reaches it.
  _G.setmetatable = function(t, mt)
    if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then error('no __gc here', 2) end
    return setmetatable(t, mt)
  end
)";

template <class Options>
Options state_options() {
  Options options;
  options.memory_limit = memory_limit;
  if constexpr (requires(Options &o) { o.sandbox = true; })
    options.sandbox = true;
  else
    options.libraries = Libraries::Base | Libraries::Coroutine | Libraries::Table | Libraries::String |
                        Libraries::Math | Libraries::UTF8;
  return options;
}

luaembed::State new_state() {
  luaembed::State lua(state_options<luaembed::StateOptions>());
  lua.set_warning_handler([](std::string_view) {});
  lua.load(restrict_base, "=restrict").call(verbose);
  fuzz::add_bindings(lua);
  limit_calls(lua);
  return lua;
}

// What C++ does with a script's results: converts them, and resumes a returned function as a
// coroutine a few times, each resume a call of its own.
void use_results(luaembed::State &lua, const luaembed::Value &first, const luaembed::Value &second) {
  try {
    (void)first.to_string();
    (void)second.get<std::optional<std::string>>();
  } catch (const luaembed::Error &) {
  }
  if (first.type() != luaembed::Type::Function) return;
  luaembed::Thread thread = lua.create_thread(first.get<luaembed::Function>());
  for (int i = 0; i < 4 && thread.status() == luaembed::ThreadStatus::Suspended; ++i) {
    try {
      new_call(lua);
      (void)thread.resume<luaembed::Value>(second);
    } catch (const luaembed::Error &) {
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  luaembed::State lua = new_state();
  std::string_view code(reinterpret_cast<const char *>(data), size);
  try {
    luaembed::Function chunk = lua.load(code, "=fuzz");
    new_call(lua);
    auto [first, second] = chunk.call<std::tuple<luaembed::Value, luaembed::Value>>();
    use_results(lua, first, second);
  } catch (const luaembed::Error &error) {
    // a syntax error, a runtime error, a limit reached: what scripts are allowed to do
    if (verbose) std::fprintf(stderr, "fuzz_chunks: %s\n", error.what());
  }
  // The state must still work after whatever the script did (unless the script holds on to
  // all the memory it may have).
  try {
    new_call(lua);
    if (lua.eval<int>("1 + 1") != 2) __builtin_trap();
  } catch (const luaembed::MemoryError &) {
  }
  return 0;
}
