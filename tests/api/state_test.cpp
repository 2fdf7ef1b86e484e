// State: ownership, options, moves, running code.
#include "fixture.hpp"

using namespace luaembed;

TEST_F(Api, ExecRunsCodeAndEvalReturnsTypedValues) {
  lua.exec("x = 6 * 7");
  EXPECT_EQ(lua["x"].get<int>(), 42);
  EXPECT_EQ(lua.eval<int>("x + 1"), 43);
  EXPECT_EQ(lua.eval<std::string>("return 'a' .. 'b'"), "ab");
  auto [a, b] = lua.eval<std::tuple<int, std::string>>("return 1, 'two'");
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, "two");
}

TEST_F(Api, ChunkNamesAppearInMessages) {
  EXPECT_ERROR(lua.exec("error('boom')", "=demo"), RuntimeError, "demo:1: boom");
  EXPECT_ERROR(lua.exec("error('boom')"), RuntimeError, "[string \"error('boom')\"]:1: boom");
}

TEST_F(Api, LoadCompilesWithoutRunning) {
  lua.exec("counter = 0");
  Function increment = lua.load("counter = counter + 1 return counter", "=increment");
  EXPECT_EQ(lua["counter"].get<int>(), 0);
  EXPECT_EQ(increment.call<int>(), 1);
  EXPECT_EQ(increment.call<int>(), 2);
}

TEST_F(Api, ExecFileRunsAFileAndReportsAMissingOne) {
  std::string path = ::testing::TempDir() + "luaembed_exec_file.lua";
  FILE *file = fopen(path.c_str(), "w");
  fputs("from_file = 'yes'", file);
  fclose(file);
  lua.exec_file(path);
  EXPECT_EQ(lua["from_file"].get<std::string>(), "yes");
  remove(path.c_str());
  EXPECT_ERROR(lua.exec_file("/nonexistent/script.lua"), RuntimeError,
               "cannot open /nonexistent/script.lua: No such file or directory");
}

TEST_F(Api, BinaryChunksLoadOnlyWhenAskedFor) {
  std::string bytecode = lua.eval<std::string>("string.dump(function() return 7 end)");
  const char *luajit_says = "attempt to load chunk with wrong mode";
  EXPECT_ERROR(lua.load(bytecode, "=dumped"), SyntaxError, luajit ? luajit_says : "attempt to load a binary chunk (mode is 't')");
  EXPECT_EQ(lua.load(bytecode, "=dumped", ChunkMode::Binary).call<int>(), 7);
  EXPECT_ERROR(lua.load("return 1", "=text", ChunkMode::Binary), SyntaxError,
               luajit ? luajit_says : "attempt to load a text chunk (mode is 'b')");
}

TEST(State, OpensOnlyTheLibrariesAskedFor) {
  State lua(StateOptions{.libraries = Libraries::Base | Libraries::String});
  EXPECT_EQ(lua.eval<std::string>("type(string)"), "table");
  EXPECT_EQ(lua.eval<std::string>("type(io)"), "nil");
  EXPECT_EQ(lua.eval<std::string>("type(require)"), "nil");
  State bare(StateOptions{.libraries = Libraries::None});
  EXPECT_EQ(bare.eval<Value>("print").type(), Type::Nil);
}

TEST(State, MovesOwnershipAndAMovedFromStateSaysSo) {
  State first;
  first.exec("x = 1");
  State second = std::move(first);
  EXPECT_EQ(second["x"].get<int>(), 1);
  EXPECT_THROW(first.exec("x = 2"), StateClosedError);
  first = std::move(second);
  EXPECT_EQ(first["x"].get<int>(), 1);
  EXPECT_THROW(second.eval<int>("1"), StateClosedError);
}

TEST(State, CustomAllocatorIsUsed) {
  struct Counts { int calls = 0; };
  Counts counts;
  auto allocate = [](void *data, void *block, size_t, size_t new_size) -> void * {
    static_cast<Counts *>(data)->calls++;
    if (new_size == 0) { free(block); return nullptr; }
    return realloc(block, new_size);
  };
  {
    State lua(StateOptions{.allocator = allocate, .allocator_data = &counts});
    lua.exec("local t = {} for i = 1, 100 do t[i] = tostring(i) end");
  }
  EXPECT_GT(counts.calls, 100);
}

TEST(State, MemoryLimitRaisesMemoryError) {
  State lua;
  lua.set_memory_limit(lua.memory_used() + 64 * 1024);
  EXPECT_ERROR(lua.exec("local t = {} for i = 1, 1e6 do t[i] = i end"), MemoryError, "not enough memory");
  lua.set_memory_limit(0);
  lua.exec("local t = {} for i = 1, 1e5 do t[i] = i end");
}

TEST(State, AStateTooSmallForItsLibrariesIsAMemoryError) {
  EXPECT_THROW(State(StateOptions{.memory_limit = 2048}), MemoryError);
}
