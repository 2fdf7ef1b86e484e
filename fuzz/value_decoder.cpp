// The byte format of fuzz_conversions' values. It runs unprotected on a state without a
// memory limit: nothing here raises except on a real out-of-memory, and keys Lua refuses
// (nil, NaN) are skipped rather than set.
#include "value_decoder.hpp"

#include <bit>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>

namespace fuzz {

namespace {

// Operations: the low five bits of the first byte of a value.
enum Operation : std::uint8_t {
  Nil, False, True,
  Integer, SmallInteger, SpecialInteger, Float, SpecialFloat,
  ShortString, LongString, NumericString, WellKnownString,
  Fields, Array, ArrayWithHoles, WithMetatable,
  Ancestor, Shared, Palette,
  OperationCount
};

constexpr int most_depth = 6;
constexpr int most_entries = 8;

using Limits64 = std::numeric_limits<std::int64_t>;

// The integers conversions get wrong first: the edges of every C++ integer type and of the
// doubles that still hold integers exactly.
constexpr std::int64_t special_integers[] = {
    Limits64::min(), Limits64::max(), Limits64::max() - 1, 0, -1, 1, 3,
    127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
    2147483647, 2147483648, -2147483648, -2147483649LL, 4294967295, 4294967296,
    9007199254740992, 9007199254740993, -9007199254740993};

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double special_floats[] = {
    std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::quiet_NaN(),
    infinity, -infinity, 0.0, -0.0, 0.5, 3.0, -3.0, 1e308, -1e308, 5e-324,
    9223372036854775808.0, -9223372036854775808.0, 18446744073709551616.0,
    9007199254740994.0, 3.4028234663852886e38, 3.5e38, 2147483648.0, -2147483649.0,
    255.0, 256.0, 65536.5};

// Strings that Lua reads as numbers, or nearly: conversions to numbers follow Lua's rules.
constexpr std::string_view numeric_strings[] = {
    "0", "-0", "10", " 10 ", "0x10", "0xffffffffffffffff", "9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "1e2", "1e400", "-1e400", "nan", "inf",
    "0x1p4", "3.0", "3.5", "", std::string_view("\0", 1), std::string_view("12\0", 3), "1 2", "0x"};

// Field names that change how tables behave, and values for __mode and __name.
constexpr std::string_view well_known_strings[] = {
    "__index", "__newindex", "__len", "__tostring", "__name", "__gc", "__eq", "__close",
    "__pairs", "__metatable", "__call", "__concat", "__mode", "k", "v", "kv", "n", "1"};

template <class T, std::size_t N>
const T &pick(const T (&table)[N], std::uint8_t choice) {
  return table[choice % N];
}

}  // namespace

ValueDecoder::ValueDecoder(lua_State *L, std::span<const std::uint8_t> bytes, int palette, int palette_size)
    : L_(L), bytes_(bytes), palette_(palette), palette_size_(palette_size) {
  lua_newtable(L_);
  pool_ = lua_gettop(L_);
}

std::uint8_t ValueDecoder::byte() { return position_ < bytes_.size() ? bytes_[position_++] : 0; }

std::uint64_t ValueDecoder::word() {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = value << 8 | byte();
  return value;
}

void ValueDecoder::push_value() {
  luaL_checkstack(L_, 8, "fuzz decoder");
  std::uint8_t operation = byte();
  std::uint8_t kind = operation % OperationCount;
  if (--budget_ < 0 && kind >= Fields) kind = Nil;   // out of budget: only leaves from now on
  switch (kind) {
    case Nil: return lua_pushnil(L_);
    case False: return lua_pushboolean(L_, 0);
    case True: return lua_pushboolean(L_, 1);
    case Integer: case SmallInteger: case SpecialInteger: case Float: case SpecialFloat:
      return push_number(kind);
    case ShortString: case LongString: case NumericString: case WellKnownString:
      return push_string(kind);
    case Fields: case Array: case ArrayWithHoles: case WithMetatable:
      return push_table(kind);
    case Ancestor:
      if (open_.empty()) return lua_newtable(L_);
      return lua_pushvalue(L_, open_[byte() % open_.size()]);
    case Shared: return push_shared();
    default: return push_from_palette();
  }
}

void ValueDecoder::push_number(std::uint8_t operation) {
  switch (operation) {
    case Integer: return lua_pushinteger(L_, static_cast<lua_Integer>(word()));
    case SmallInteger: return lua_pushinteger(L_, static_cast<std::int8_t>(byte()));
    case SpecialInteger: return lua_pushinteger(L_, pick(special_integers, byte()));
    case Float: return lua_pushnumber(L_, std::bit_cast<double>(word()));
    default: return lua_pushnumber(L_, pick(special_floats, byte()));
  }
}

void ValueDecoder::push_string(std::uint8_t operation) {
  if (operation == NumericString) {
    std::string_view text = pick(numeric_strings, byte());
    return (void)lua_pushlstring(L_, text.data(), text.size());
  }
  if (operation == WellKnownString) {
    std::string_view text = pick(well_known_strings, byte());
    return (void)lua_pushlstring(L_, text.data(), text.size());
  }
  std::string text;
  if (operation == ShortString) {
    std::size_t length = byte() % 32;
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(byte());
  } else {   // long: a repeated pattern, zeros included, past Lua's short-string size
    std::size_t length = 40 + std::size_t{byte()} * 37;
    std::uint8_t a = byte(), b = byte();
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(i % 3 ? a : b);
  }
  lua_pushlstring(L_, text.data(), text.size());
}

// Tables: the table is open (a possible target of Ancestor) while its contents are decoded.
void ValueDecoder::push_table(std::uint8_t operation) {
  int count = byte() % (most_entries + 1);
  lua_createtable(L_, operation == Array ? count : 0, operation == Fields ? count : 0);
  if (depth_ >= most_depth) return remember();
  ++depth_;
  open_.push_back(lua_gettop(L_));
  if (operation == Fields) set_fields(count);
  else if (operation == Array || operation == ArrayWithHoles) set_array(count, operation == ArrayWithHoles);
  else {
    set_fields(count);
    set_metatable();
  }
  open_.pop_back();
  --depth_;
  remember();
}

void ValueDecoder::set_fields(int count) {
  int table = lua_gettop(L_);
  for (int i = 0; i < count; ++i) {
    push_value();
    push_value();
    bool nan = lua_type(L_, -2) == LUA_TNUMBER && !lua_isinteger(L_, -2) && std::isnan(lua_tonumber(L_, -2));
    if (lua_isnil(L_, -2) || nan) lua_pop(L_, 2);   // keys Lua refuses
    else lua_rawset(L_, table);
  }
}

void ValueDecoder::set_array(int count, bool holes) {
  int table = lua_gettop(L_);
  lua_Integer key = 0;
  for (int i = 0; i < count; ++i) {
    key += holes ? 1 + byte() % 4 : 1;
    push_value();
    lua_rawseti(L_, table, key);
  }
}

// A metatable of well-known fields, each with a value from the input. __call is a function or
// nothing: Lua 5.4 follows a chain of callable tables without end (a table whose __call is
// itself hangs the caller for minutes, in C), a known limit of Lua that docs/safety.md lists.
void ValueDecoder::set_metatable() {
  int count = 1 + byte() % 4;
  lua_createtable(L_, 0, count);
  int metatable = lua_gettop(L_);
  for (int i = 0; i < count; ++i) {
    std::string_view name = pick(well_known_strings, byte() % 13);   // the metafields only
    lua_pushlstring(L_, name.data(), name.size());
    push_value();
    if (name == "__call" && !lua_isfunction(L_, -1)) {
      lua_pop(L_, 1);
      lua_pushnil(L_);
    }
    lua_rawset(L_, metatable);
  }
  lua_setmetatable(L_, -2);
}

// Every table goes into the pool, so that later values can share it.
void ValueDecoder::remember() {
  lua_pushvalue(L_, -1);
  lua_rawseti(L_, pool_, ++pooled_);
}

void ValueDecoder::push_shared() {
  if (pooled_ == 0) return lua_newtable(L_);
  lua_rawgeti(L_, pool_, 1 + static_cast<lua_Integer>(byte()) % pooled_);
}

void ValueDecoder::push_from_palette() {
  if (palette_size_ == 0) return lua_pushnil(L_);
  lua_pushvalue(L_, palette_ + byte() % palette_size_);
}

}  // namespace fuzz
