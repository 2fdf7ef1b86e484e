// read_binary: the facts of real files, and a sentence (an Error, never a crash) for every
// kind of file that is not a program or module of this machine.
#include <luaembed/doctor/binary.hpp>
#include <luaembed/doctor/error.hpp>

#include "doctor_fixtures.hpp"
#include "run_command.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

using namespace luaembed::doctor;
using doctor_test::debian_module;
using doctor_test::host;
using ::testing::Contains;
using ::testing::Not;

namespace {

// A scratch directory for the bad files, removed with the test.
class BadFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("doctor-binary-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string &name, const std::string &bytes) {
    std::filesystem::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string cjson_bytes() {
    std::ifstream input(debian_module("5.4/cjson"), std::ios::binary);
    return {std::istreambuf_iterator<char>(input), {}};
  }
  // The sentence read_binary throws for the file.
  std::string error_for(const std::filesystem::path &path) {
    try {
      read_binary(path);
    } catch (const Error &error) {
      return error.what();
    }
    return "no error";
  }

  std::filesystem::path directory_;
};

}  // namespace

TEST(Binary, DebiansCjsonModule) {
  BinaryFacts cjson = read_binary(debian_module("5.4/cjson"));
  EXPECT_EQ(cjson.type, ElfType::shared_object);
  EXPECT_EQ(cjson.soname, "liblua5.4-cjson.so.0");
  EXPECT_EQ(cjson.needed, std::vector<std::string>{"libc.so.6"});
  EXPECT_TRUE(cjson.interpreter.empty());
  EXPECT_THAT(cjson.exports, Contains("luaopen_cjson"));
  EXPECT_THAT(cjson.exports, Contains("luaopen_cjson_safe"));
  EXPECT_THAT(cjson.required_imports, Contains("lua_checkstack"));
  EXPECT_THAT(cjson.weak_imports, Contains("__cxa_finalize"));
  EXPECT_FALSE(cjson.has_symbol_table);   // Debian strips its libraries
  EXPECT_TRUE(cjson.lua_releases.empty());
}

TEST(Binary, ProgramsAndTheirLoader) {
  BinaryFacts luaembed = read_binary(host("host_luaembed"));
  EXPECT_EQ(luaembed.type, ElfType::position_independent_executable);
  EXPECT_EQ(luaembed.interpreter, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_TRUE(luaembed.has_symbol_table);
  BinaryFacts static_program = read_binary(host("host_static"));
  EXPECT_TRUE(static_program.interpreter.empty());
  EXPECT_FALSE(static_program.has_dynamic_section);
  EXPECT_TRUE(static_program.exports.empty());
}

TEST(Binary, StrippedProgramKeepsLuasStrings) {
  BinaryFacts stripped = read_binary(host("host_plain_stripped"));
  EXPECT_FALSE(stripped.has_symbol_table);
  EXPECT_TRUE(stripped.defined_symbols.empty());
  ASSERT_EQ(stripped.lua_releases.size(), 1u);
  EXPECT_TRUE(std::regex_match(stripped.lua_releases[0], std::regex(R"(Lua 5\.4\.[0-9]+)"))) << stripped.lua_releases[0];
  EXPECT_EQ(stripped.cpath_defaults.size(), 1u);
}

TEST(Binary, LuaJitVersionString) {
  BinaryFacts luajit = read_binary(host("host_luajit"));
  ASSERT_EQ(luajit.lua_releases.size(), 1u);
  EXPECT_TRUE(luajit.lua_releases[0].starts_with("LuaJIT 2.1.")) << luajit.lua_releases[0];
}

TEST_F(BadFiles, EachGetsASentence) {
  EXPECT_NE(error_for(directory_ / "nothing").find("does not exist"), std::string::npos);
  EXPECT_NE(error_for(directory_).find("is a directory"), std::string::npos);
  EXPECT_NE(error_for(write("empty", "")).find("is an empty file"), std::string::npos);
  EXPECT_NE(error_for(write("script", "#!/bin/sh\nexec ./app \"$@\"\n")).find("is a script (#!/bin/sh)"), std::string::npos);
  EXPECT_NE(error_for(write("text", "hello\n")).find("is a text file"), std::string::npos);
  EXPECT_NE(error_for(write("archive", "!<arch>\nrest")).find("is a static archive"), std::string::npos);
  EXPECT_NE(error_for(write("short", "\x7f" "ELF\2\1")).find("is truncated"), std::string::npos);
  EXPECT_NE(error_for(write("truncated", cjson_bytes().substr(0, 100))).find("is truncated or corrupt: its program header table"),
            std::string::npos);
  EXPECT_NE(error_for(fixtures::i386_program).find("is a 32-bit ELF file for Intel 80386"), std::string::npos);
}

TEST_F(BadFiles, PatchedHeaders) {
  std::string bytes = cjson_bytes();
  std::string aarch64 = bytes;
  aarch64[18] = static_cast<char>(183);   // e_machine: EM_AARCH64
  aarch64[19] = 0;
  EXPECT_NE(error_for(write("aarch64.so", aarch64)).find("is an ELF file for AArch64 (64-bit ARM), not x86-64"), std::string::npos);
  std::string far_sections = bytes;
  std::uint64_t past_end = bytes.size() + 4096;   // e_shoff at byte 40, little-endian
  for (int i = 0; i < 8; ++i) far_sections[40 + i] = static_cast<char>(past_end >> (8 * i));
  EXPECT_NE(error_for(write("far.so", far_sections)).find("its section header table"), std::string::npos);
  std::string object = bytes;
  object[16] = 1;   // e_type: ET_REL
  EXPECT_NE(error_for(write("object.o", object)).find("is an object file (.o)"), std::string::npos);
}
