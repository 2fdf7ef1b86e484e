// luaembed: Lua for C++. Include this one header for everything.
#pragma once

#include <luaembed/class.hpp>
#include <luaembed/convert.hpp>
#include <luaembed/error.hpp>
#include <luaembed/function.hpp>
#include <luaembed/lua.hpp>
#include <luaembed/result.hpp>
#include <luaembed/scope.hpp>
#include <luaembed/state.hpp>
#include <luaembed/std_types.hpp>
#include <luaembed/table.hpp>
#include <luaembed/thread.hpp>
#include <luaembed/value.hpp>
