// string.rep: n copies of a string, with a separator between them from Lua 5.2 (and LuaJIT).
// The result is written a piece at a time, asking the budget between pieces: a few gigabytes
// take seconds.
//
// C-style functions: nothing in their frames has a destructor (see find.cpp).
#include "string_functions.hpp"

#include "arguments.hpp"
#include "lua_side.hpp"

#include <chrono>
#include <climits>
#include <cstring>
#include <type_traits>

namespace luaembed::detail::strings {

namespace {

// How much is written between two questions to the budget.
constexpr std::size_t piece = std::size_t{1} << 20;

// Lua 5.4 frees the buffer of a string.rep that fails as the error unwinds (it is a
// to-be-closed variable), page by page, which takes about a seventh of the time the writing
// took (measured on 256 MB to 2 GB). The writing stops early enough for the freeing to end by
// the deadline too. Earlier Luas leave the buffer to the collector, after the call.
constexpr bool frees_on_error = version >= 504 && !luajit;

using Clock = std::chrono::steady_clock;

// The writing's account: its work against the budget and, where Lua frees the buffer on
// error, its time against the deadline.
struct Writer {
  WorkMeter meter;
  CallBudget *budget;
  Clock::time_point started;

  bool wrote(std::size_t bytes) noexcept {
    if (!meter.spend_bytes(bytes)) return false;
    if (!frees_on_error || budget == nullptr) return true;
    return budget_leaves_time(*budget, (Clock::now() - started) / 6);
  }
};
static_assert(std::is_trivially_destructible_v<Writer>);  // its frame may be unwound by longjmp

// Copies length bytes from source to destination (which do not overlap), a piece at a time.
bool copy_metered(char *destination, const char *source, std::size_t length, Writer &writer) {
  while (length > 0) {
    std::size_t now = length < piece ? length : piece;
    std::memcpy(destination, source, now);
    destination += now, source += now, length -= now;
    if (!writer.wrote(now)) return false;
  }
  return true;
}

// Writes count copies of text separated by separator to out. After the first copy the rest is
// one unit (separator and text) over and over: each pass copies what is written so far.
bool write_repetitions(char *out, const char *text, std::size_t length, const char *separator,
                       std::size_t separator_length, std::uint64_t count, Writer &writer) {
  std::memcpy(out, text, length);
  if (count == 1) return true;
  char *units = out + length;
  std::size_t unit = separator_length + length;
  std::memcpy(units, separator, separator_length);
  std::memcpy(units + separator_length, text, length);
  std::size_t written = unit;
  std::size_t left = static_cast<std::size_t>(count - 2) * unit;
  while (left > 0) {
    std::size_t now = left < written ? left : written;
    if (!copy_metered(units + written, units, now, writer)) return false;
    written += now, left -= now;
  }
  return true;
}

// Lua makes the string from what was written in one copy that nothing can stop, which takes
// about as long as the writing did (up to half as long again, measured on 2 GB): it begins
// only if the budget leaves room for it. Otherwise the call stops now rather than run on past
// its deadline.
bool may_copy(Writer &writer, std::size_t total) {
  if (!writer.meter.spend_bytes(total)) return false;
  return writer.budget == nullptr || budget_leaves_time(*writer.budget, (Clock::now() - writer.started) * 3 / 2);
}

// The size of the result, or raises the error the Lua gives for one too large.
std::size_t result_size(lua_State *L, std::size_t length, std::size_t separator_length, std::uint64_t count) {
  std::size_t unit = length + separator_length;
  if (version >= 503 && (unit < length || unit > static_cast<std::size_t>(INT_MAX) / count))
    luaL_error(L, "resulting string too large");
  if (version == 502 && (unit < length || unit >= (~std::size_t{0} >> 1) / count))
    luaL_error(L, "resulting string too large");
  std::uint64_t total = count * length + (count - 1) * separator_length;
  if (luajit && total > luajit_max_string) {  // LuaJIT fails as if out of memory
    lua_pushliteral(L, "not enough memory");
    lua_error(L);
  }
  return static_cast<std::size_t>(total);
}

}  // namespace

int rep(lua_State *L) {
  std::size_t length, separator_length;
  const char *text = luaL_checklstring(L, 1, &length);
  RepetitionCount count = read_repetition_count(L, 2);
  const char *separator = read_separator(L, 3, &separator_length);
  if (count <= 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  std::size_t total = result_size(L, length, separator_length, static_cast<std::uint64_t>(count));
  if (total == 0) {  // Lua would still copy nothing count times
    lua_pushliteral(L, "");
    return 1;
  }
  CallBudget *budget = open_budget(L);
  Writer writer{WorkMeter(budget), budget, Clock::now()};
#if LUA_VERSION_NUM >= 502 && !defined(LUAJIT_VERSION)  // version: luaL_buffinitsize
  luaL_Buffer buffer;
  char *out = luaL_buffinitsize(L, &buffer, total);
#else  // written in a userdata, then copied into the string
  char *out = static_cast<char *>(lua_newuserdata(L, total));
#endif
  if (!write_repetitions(out, text, length, separator, separator_length, static_cast<std::uint64_t>(count), writer) ||
      !may_copy(writer, total))
    return raise_limit_error(L, *budget);
#if LUA_VERSION_NUM >= 502 && !defined(LUAJIT_VERSION)
  luaL_pushresultsize(&buffer, total);
#else
  lua_pushlstring(L, out, total);
#endif
  writer.meter.finish();
  return 1;
}

}  // namespace luaembed::detail::strings
