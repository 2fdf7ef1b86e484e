// Turns fuzzer bytes into one Lua value, pushed with the C API: nil, booleans, integers and
// floats (the extremes, NaN, infinities, -0.0), strings with zeros and numeric strings, nested
// tables with holes, shared parts and cycles, metatables with the well-known fields, weak
// tables, functions that misbehave, userdata and coroutines.
//
// Each value starts with an operation byte; what follows depends on it. Running out of bytes
// reads zeros, so every input decodes to some value, and small mutations stay small changes.
#pragma once

#include <luaembed/lua.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace fuzz {

class ValueDecoder {
public:
  // Values of the palette are at stack indices [palette, palette + palette_size): functions
  // and userdata the decoder copies instead of creating.
  ValueDecoder(lua_State *L, std::span<const std::uint8_t> bytes, int palette, int palette_size);

  // Pushes exactly one value. The decoder keeps one table of its own on the stack, below it.
  void push_value();

private:
  std::uint8_t byte();
  std::uint64_t word();
  void push_number(std::uint8_t operation);
  void push_string(std::uint8_t operation);
  void push_table(std::uint8_t operation);
  void push_shared();
  void push_from_palette();
  void set_fields(int count);
  void set_array(int count, bool holes);
  void set_metatable();
  void remember();

  lua_State *L_;
  std::span<const std::uint8_t> bytes_;
  std::size_t position_ = 0;
  int palette_;
  int palette_size_;
  int depth_ = 0;
  int budget_ = 512;            // values left to create: bounds the work per input
  std::vector<int> open_;       // stack indices of the tables being filled, outermost first
  int pool_;                    // stack index of a table of every table made, for sharing
  lua_Integer pooled_ = 0;
};

}  // namespace fuzz
