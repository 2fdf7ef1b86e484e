// The Lua C API of the Lua luaembed links, for C++: 5.1, 5.2, 5.3, 5.4 or LuaJIT.
//
// Debian builds both of its Lua archives (C and C++) with unmangled API names, so the headers
// are included with C linkage either way. LUAEMBED_LUA_CXX is defined when the linked Lua was
// compiled as C++: its errors then unwind as C++ exceptions instead of longjmp. Inside
// namespace luaembed, detail/compat.hpp fills in what an older Lua lacks of Lua 5.4's API.
#pragma once

#include <luaembed/detail/compat.hpp>
