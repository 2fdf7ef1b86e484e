// The fixture every API test shares: a fresh State with the standard libraries.
#pragma once

#include <luaembed/luaembed.hpp>

#include <gtest/gtest.h>

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
