// fuzz_patterns: the budgeted string functions of limited states against Lua's own, on
// arbitrary input. Any difference in results, captures, replacement calls or error messages
// is a finding (the target aborts with both answers), as is any crash or sanitizer report.
//
// The input: a byte of options, then the subject, the pattern and the replacement (or
// string.rep's separator), separated by 0xFF bytes. The options choose the function, init,
// gsub's maximum, find's plain flag and the kind of replacement.
//
// Lua's own functions cannot be stopped. Each case therefore runs through the budgeted ones
// first, under an instruction budget, and reaches Lua's only if it ended within it: the
// budgeted matcher does the work Lua's does, so Lua's ends too.
#include <luaembed/luaembed.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

constexpr std::size_t longest_subject = 256;
constexpr std::size_t longest_pattern = 64;

// describe(functions, name, subject, pattern, init, extra, kind): the call's results, or its
// error, and the calls made to a replacement function, as one string. The description itself
// is the differential corpus's (tests/versions/pattern_calls.lua), loaded as `calls`.
constexpr std::string_view harness = R"lua(
local calls = ...
local lookup = {a = "A", b = false, ["1"] = "one", [1] = 1, [2] = {}}
return function(functions, name, subject, pattern, init, extra, kind)
  local log = {}
  local replacement = extra
  if kind == 1 then replacement = lookup
  elseif kind == 2 then replacement = 7
  elseif kind >= 3 then
    replacement = function(...)
      log[#log + 1] = calls.describe(...)
      local first = ...
      if kind == 3 then return first end
      if kind == 4 then return nil end
      return first ~= nil and tostring(first) .. "!"
    end
  end
  local result
  if name == "find" then
    result = calls.call(functions, name, subject, pattern, init, kind % 2 == 1)
  elseif name == "gsub" then
    result = calls.call(functions, name, subject, pattern, replacement, init)
  elseif name == "rep" then
    result = calls.call(functions, name, subject, init, extra)
  else
    result = calls.call(functions, name, subject, pattern, init)
  end
  return result .. " " .. table.concat(log, " ")
end
)lua";

std::string read_file(const char *path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "fuzz_patterns: cannot read %s\n", path);
    std::exit(1);
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

struct Fuzzer {
  luaembed::State lua;
  luaembed::Function describe;
  luaembed::Table original;
  luaembed::Table budgeted;

  Fuzzer() {
    lua.exec("original = {find = string.find, match = string.match, gmatch = string.gmatch, gsub = string.gsub,"
             "            rep = string.rep}");
    lua.set_call_limits({.instructions = 200'000});
    auto calls = lua.load(read_file(LUAEMBED_PATTERN_CALLS), "@pattern_calls.lua").call<luaembed::Table>();
    describe = lua.load(harness, "=harness").call<luaembed::Function>(calls);
    original = lua["original"].get<luaembed::Table>();
    budgeted = lua["string"].get<luaembed::Table>();
  }
};

std::string_view next_field(std::string_view &input) {
  std::size_t end = input.find('\xff');
  std::string_view field = input.substr(0, end);
  input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
  return field;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static Fuzzer fuzzer;
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
  std::uint8_t options = data[0];
  std::string subject(next_field(input).substr(0, longest_subject));
  std::string pattern(next_field(input).substr(0, longest_pattern));
  std::string extra(next_field(input).substr(0, longest_pattern));
  static const char *const names[] = {"find", "match", "gmatch", "gsub", "find", "gsub", "gmatch", "rep"};
  const char *name = names[options & 7];
  int kind = (options >> 3) & 7;
  std::optional<int> init;
  if (options & 0x40) init = static_cast<int>(options >> 3) % 11 - 5;  // -5 .. 5
  if (std::string_view(name) == "rep") init = (options >> 3) % 8 - 1;  // the count: -1 .. 6

  std::string ours;
  try {
    ours = fuzzer.describe.call<std::string>(fuzzer.budgeted, name, subject, pattern, init, extra, kind);
  } catch (const luaembed::Error &) {
    return 0;  // the budget stopped it: too much work to ask Lua's own
  }
  std::string theirs;
  try {
    theirs = fuzzer.describe.call<std::string>(fuzzer.original, name, subject, pattern, init, extra, kind);
  } catch (const luaembed::Error &error) {
    theirs = std::string("harness failed: ") + error.what();
  }
  if (ours != theirs) {
    std::fprintf(stderr, "string.%s differs\n  Lua:      %s\n  budgeted: %s\n", name, theirs.c_str(), ours.c_str());
    std::abort();
  }
  return 0;
}
