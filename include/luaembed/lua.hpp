// The Lua C API of the Lua luaembed links, for C++.
//
// Debian builds both of its Lua archives (C and C++) with unmangled API names, so the headers
// are included with C linkage either way. LUAEMBED_LUA_CXX is defined when the linked Lua was
// compiled as C++: its errors then unwind as C++ exceptions instead of longjmp.
#pragma once

extern "C" {
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
}
