// The fixture every API test shares: a fresh State with the standard libraries.
#pragma once

#include <luaembed/luaembed.hpp>

#include <gtest/gtest.h>

#include <string>

// The linked Lua, for the few expectations that differ between versions (docs/versions.md).
constexpr int version_num = LUA_VERSION_NUM;  // 501 for LuaJIT too
constexpr bool luajit = luaembed::compat::is_luajit;

// What the linked Lua says where versions word it differently. LuaJIT speaks as Lua 5.1
// unless it has its own wording.
inline std::string by_version(std::string lua51, std::string lua52, std::string lua53, std::string lua54,
                              const char *luajit_text = nullptr) {
  if (luajit && luajit_text != nullptr) return luajit_text;
  switch (version_num) {
    case 501: return lua51;
    case 502: return lua52;
    case 503: return lua53;
    default: return lua54;
  }
}

class Api : public ::testing::Test {
protected:
  luaembed::State lua;
};

// Runs statement and returns the message of the luaembed::Error type it throws.
#define EXPECT_ERROR(statement, Type, expected_message)                                   \
  do {                                                                                    \
    try {                                                                                 \
      statement;                                                                          \
      ADD_FAILURE() << #statement " did not throw";                                       \
    } catch (const Type &error) {                                                         \
      EXPECT_EQ(std::string(error.what()), std::string(expected_message));                \
    }                                                                                     \
  } while (false)
