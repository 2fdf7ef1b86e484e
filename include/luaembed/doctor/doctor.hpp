// luaembed::doctor: judges whether native Lua modules load in a host program, and says how
// to fix the build when they do not. Everything works on files, so it is usable from a
// command-line tool and from inside a running host alike.
//
//   LibrarySearch search = system_library_search();
//   HostReport host = examine_host("./app", search);
//   ModuleReport cjson = examine_module("/usr/lib/x86_64-linux-gnu/lua/5.4/cjson.so", search);
//   Verdict verdict = judge(host, cjson);   // FAILS: undefined symbol lua_checkstack ...
#pragma once

#include <luaembed/doctor/api_catalog.hpp>
#include <luaembed/doctor/binary.hpp>
#include <luaembed/doctor/error.hpp>
#include <luaembed/doctor/fixes.hpp>
#include <luaembed/doctor/host.hpp>
#include <luaembed/doctor/load_scope.hpp>
#include <luaembed/doctor/lua_core.hpp>
#include <luaembed/doctor/lua_version.hpp>
#include <luaembed/doctor/module.hpp>
#include <luaembed/doctor/module_search.hpp>
#include <luaembed/doctor/verdict.hpp>
