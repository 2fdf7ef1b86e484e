// The translation unit that compiles the test programs' precompiled header
// (luaembed_test_pch in tests/CMakeLists.txt); it has nothing of its own.
