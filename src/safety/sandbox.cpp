// The sandbox: what a state for untrusted scripts keeps of Lua's standard library.
//
// Kept: the base functions but dofile/loadfile (unless a virtual filesystem is given), load
// (text chunks only), collectgarbage (count, collect, step, isrunning); string without dump,
// with the budgeted find, match, gmatch, gsub and rep (strings/);
// table, math, utf8, coroutine; os.time, os.clock, os.date, os.difftime; require, for Lua
// modules from the virtual filesystem and, when allowed, C modules.
// Gone: io, debug, os.execute/exit/getenv/remove/rename/tmpname/setlocale, package.loadlib,
// the C searchers, string.dump, getmetatable("") (the string metatable is sealed), and
// __gc metamethods (setmetatable refuses them: finalizers run where no limit can stop them).
// Where they exist (Lua 5.1, LuaJIT, 5.2's compatibility functions) also getfenv, setfenv,
// newproxy, module, package.seeall, jit and ffi; loadstring is the text-only load.
#include "limits.hpp"

#include "strings/string_functions.hpp"

#include <luaembed/std_types.hpp>

#include <cstring>

namespace luaembed::detail {

namespace {

// Lua code run once with the original functions; what it returns replaces them.
constexpr const char *sandbox_lua = R"lua(
local load, select, error, type, read_file, emulate_load = load, select, error, type, ...

-- Lua 5.1's load takes a reader function only, and neither it nor loadstring knows modes or
-- environments: there load is Lua 5.2's, made of loadstring, which sees a chunk as bytecode
-- by its first byte (taken here before any script can change string.byte), and setfenv.
if emulate_load then
  local loadstring, setfenv, byte, concat = loadstring, setfenv, string.byte, table.concat
  load = function(chunk, name, mode, env)
    if type(chunk) == "function" then
      local pieces = {}
      while true do
        local piece = chunk()
        if piece == nil or piece == "" then break end
        if type(piece) ~= "string" then return nil, "reader function must return a string" end
        pieces[#pieces + 1] = piece
      end
      chunk, name = concat(pieces), name or "=(load)"
    elseif type(chunk) ~= "string" then
      error("bad argument #1 to 'load' (string expected, got " .. type(chunk) .. ")", 2)
    end
    if byte(chunk, 1) == 27 then return nil, "attempt to load a binary chunk (mode is '" .. mode .. "')" end
    local f, message = loadstring(chunk, name)
    if f and env ~= nil then setfenv(f, env) end
    return f, message
  end
end

local function load_text(chunk, name, mode, ...)  -- mode is always "t": no bytecode
  if select("#", ...) > 0 then return load(chunk, name, "t", ...) end
  return load(chunk, name, "t")
end

local gc_options = {collect = true, count = true, step = true, isrunning = true}
local collect = collectgarbage
local function collectgarbage_safe(option, ...)
  option = option or "collect"
  if not gc_options[option] then error("collectgarbage '" .. tostring(option) .. "' is not allowed here", 2) end
  return collect(option, ...)
end

local loadfile_safe, dofile_safe, searcher
-- A searcher's "not found" lines: Lua 5.4 puts "\n\t" between them, 5.1 to 5.3 take them as
-- they come.
local prefix = _VERSION:match("5%.[123]$") and "\n\t" or ""
if read_file then
  loadfile_safe = function(path, mode, ...)
    if type(path) ~= "string" then return nil, "loadfile needs a file name here" end
    local text = read_file(path)
    if not text then return nil, "cannot open " .. path end
    return load_text(text, "@" .. path, mode, ...)
  end
  dofile_safe = function(path)
    local chunk, message = loadfile_safe(path)
    if not chunk then error(message, 2) end
    return chunk()
  end
  searcher = function(name)
    local tried = {}
    for template in package.path:gmatch("[^;]+") do
      local path = template:gsub("%?", (name:gsub("%.", "/")))
      local text = read_file(path)
      if text then
        local chunk, message = load_text(text, "@" .. path)
        if not chunk then error("error loading module '" .. name .. "' from file '" .. path .. "':\n\t" .. message, 2) end
        return chunk, path
      end
      tried[#tried + 1] = "no file '" .. path .. "'"
    end
    return prefix .. table.concat(tried, "\n\t")
  end
end
-- A finalizer runs with hooks off, where no limit could stop it: no __gc here.
local set_metatable, rawget = setmetatable, rawget
local function setmetatable_safe(t, mt)
  if type(t) ~= "table" then error("bad argument #1 to 'setmetatable' (table expected, got " .. type(t) .. ")", 2) end
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("__gc metamethods are not allowed here", 2)
  end
  return set_metatable(t, mt)
end
return load_text, collectgarbage_safe, loadfile_safe, dofile_safe, searcher, setmetatable_safe
)lua";

void remove_fields(lua_State *L, int table, std::initializer_list<const char *> names) {
  for (const char *name : names) {
    lua_pushnil(L);
    lua_setfield(L, table, name);
  }
}

void keep_fields(lua_State *L, int table, std::initializer_list<const char *> names) {
  lua_newtable(L);
  for (const char *name : names) {
    lua_getfield(L, table, name);
    lua_setfield(L, -2, name);
  }
  lua_replace(L, table);
}

// package: no loadlib; the Lua searcher reads the virtual filesystem (or is gone); the C
// searchers only when C modules are allowed. Expects the replacement searcher at index top.
void restrict_package(lua_State *L, int searcher, bool c_modules) {
  if (lua_getglobal(L, "package") != LUA_TTABLE) return lua_pop(L, 1);
  int package = lua_gettop(L);
  remove_fields(L, package, {"loadlib", "seeall"});  // seeall: Lua 5.1's, and 5.2's for compatibility
  lua_getfield(L, package, compat::package_searchers);  // package.loaders in Lua 5.1
  int searchers = lua_gettop(L);
  lua_createtable(L, 4, 0);
  lua_rawgeti(L, searchers, 1);  // package.preload
  lua_rawseti(L, -2, 1);
  int next = 2;
  if (!lua_isnil(L, searcher)) {
    lua_pushvalue(L, searcher);
    lua_rawseti(L, -2, next++);
  }
  if (!lua_isnil(L, searcher)) {  // virtual file names, relative to the virtual filesystem
    lua_pushliteral(L, "?.lua;?/init.lua");
    lua_setfield(L, package, "path");
  }
  if (c_modules) {
    for (int position = 3; position <= 4; ++position) {
      lua_rawgeti(L, searchers, position);
      lua_rawseti(L, -2, next++);
    }
  } else {
    lua_pushliteral(L, "");
    lua_setfield(L, package, "cpath");
  }
  if (lua_getfield(L, package, "loaders") == LUA_TTABLE) {  // Lua 5.2's alias of the searchers
    lua_pushvalue(L, -2);
    lua_setfield(L, package, "loaders");
  }
  lua_pop(L, 1);
  lua_setfield(L, package, compat::package_searchers);
  lua_settop(L, package - 1);
}

// Libraries the sandbox takes away, from the globals and from package.loaded and
// package.preload, so that require cannot bring them back: io, debug, and LuaJIT's jit and ffi
// (the machine itself).
void remove_libraries(lua_State *L, int globals) {
  static constexpr const char *libraries[] = {"io", "debug", "jit", "jit.util", "jit.profile", "ffi"};
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  int loaded = lua_gettop(L);
  if (lua_getfield(L, globals, "package") == LUA_TTABLE) lua_getfield(L, -1, "preload");
  else lua_pushnil(L);
  int preload = lua_gettop(L);
  for (const char *library : libraries) {
    remove_fields(L, globals, {library});
    remove_fields(L, loaded, {library});
    if (lua_istable(L, preload)) remove_fields(L, preload, {library});
  }
  lua_settop(L, loaded - 1);
}

// What Lua 5.1 and LuaJIT add to the ways out, and Lua 5.2 keeps for compatibility (Debian
// builds it with LUA_COMPAT_ALL): loadstring (which reads bytecode: replaced by the text-only
// load), getfenv and setfenv (the globals of any function, the environment of the running
// thread), newproxy (userdata with finalizers) and module (the globals; package.seeall goes
// with the package library's restrictions). Expects load at index load.
void close_compatibility_ways_out(lua_State *L, int globals, int load) {
  if (lua_getfield(L, globals, "loadstring") != LUA_TNIL) {
    lua_pushvalue(L, load);
    lua_setfield(L, globals, "loadstring");
  }
  lua_pop(L, 1);
  remove_fields(L, globals, {"getfenv", "setfenv", "newproxy", "module"});
}

}  // namespace

void make_sandbox(const StateView &state, const StateOptions &options) {
  lua_State *L = state.lua_state();
  auto read_file = options.read_file;
  protect(L, 0, 0, [&](lua_State *L) {
    if (luaL_loadbufferx(L, sandbox_lua, std::strlen(sandbox_lua), "=sandbox", "t") != LUA_OK) lua_error(L);
    if (read_file) push_callable(L, [read_file](std::string path) { return read_file(path); });
    else lua_pushnil(L);
    lua_pushboolean(L, compat::version < 502 && !compat::is_luajit);  // LuaJIT's load is 5.2's
    lua_call(L, 2, 6);
    int base = lua_gettop(L) - 5;  // load, collectgarbage, loadfile, dofile, searcher, setmetatable
    lua_pushglobaltable(L);
    int globals = lua_gettop(L);
    lua_pushvalue(L, base + 5);
    lua_setfield(L, globals, "setmetatable");
    const char *replaced[] = {"load", "collectgarbage", "loadfile", "dofile"};
    for (int i = 0; i < 4; ++i) {
      lua_pushvalue(L, base + i);
      lua_setfield(L, globals, replaced[i]);
    }
    close_compatibility_ways_out(L, globals, base);
    remove_libraries(L, globals);
    if (lua_getfield(L, globals, "os") == LUA_TTABLE) {
      keep_fields(L, lua_gettop(L), {"time", "clock", "date", "difftime"});
      lua_pushvalue(L, -1);
      lua_setfield(L, globals, "os");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, globals, "string") == LUA_TTABLE) remove_fields(L, lua_gettop(L), {"dump"});
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {  // seal the string metatable: getmetatable("") is false
      lua_pushboolean(L, 0);
      lua_setfield(L, -2, "__metatable");
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    restrict_package(L, base + 4, options.sandbox_c_modules);
    strings::install(L);  // budgeted by the call limits, once they are set
    guard_xpcall(L, globals);  // likewise
    return 0;
  });
}

namespace {

#if LUA_VERSION_NUM < 502
// Lua 5.1 and LuaJIT load a chunk into the globals: the load and loadstring of an environment
// give it theirs (or the one load was given). Upvalues: the original function, the environment.
int load_into_environment(lua_State *L) {
  int environment = lua_gettop(L) >= 4 ? 4 : lua_upvalueindex(2);
  lua_settop(L, 4);  // chunk, name, mode, environment (or nil)
  bool settable = lua_istable(L, environment);
  if (settable) lua_pushvalue(L, environment);
  else lua_pushnil(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 4);
  lua_call(L, 4, 2);  // the chunk (or nil) and the message
  if (settable && !lua_isnil(L, -2)) {
    lua_pushvalue(L, -3);
    lua_setfenv(L, -3);
  }
  return 2;
}
#endif

// The environment's load (and loadstring, before Lua 5.2) load into it by default.
void bind_loaders(lua_State *L, int environment) {
#if LUA_VERSION_NUM < 502
  for (const char *name : {"load", "loadstring"}) {
    if (lua_getfield(L, environment, name) != LUA_TFUNCTION) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushvalue(L, environment);
    lua_pushcclosure(L, load_into_environment, 2);
    lua_setfield(L, environment, name);
  }
#else
  static const char bind_load[] =
      "local load, environment, select = ... "
      "return function(chunk, name, mode, ...) "
      "  if select('#', ...) > 0 then return load(chunk, name, mode, ...) end "
      "  return load(chunk, name, mode, environment) end";
  luaL_loadbufferx(L, bind_load, sizeof bind_load - 1, "=environment", "t");
  lua_getfield(L, environment, "load");
  lua_pushvalue(L, environment);
  lua_getfield(L, environment, "select");
  lua_call(L, 3, 1);
  lua_setfield(L, environment, "load");
#endif
}

}  // namespace

}  // namespace luaembed::detail

namespace luaembed {

// Each environment gets its own copies of the globals and of the library tables, and a load
// whose chunks run in this environment by default.
Table StateView::new_environment() const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  detail::protect(L, 0, 1, [](lua_State *L) {
    lua_newtable(L);
    int environment = lua_gettop(L);
    lua_pushglobaltable(L);
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
      if (lua_type(L, -1) == LUA_TTABLE && lua_type(L, -2) == LUA_TSTRING &&
          std::string_view(lua_tostring(L, -2)) != "_G" && std::string_view(lua_tostring(L, -2)) != "package") {
        lua_newtable(L);  // a shallow copy: changes stay in this environment
        lua_pushnil(L);
        while (lua_next(L, -3) != 0) {
          lua_pushvalue(L, -2);
          lua_insert(L, -2);
          lua_rawset(L, -4);
        }
        lua_replace(L, -2);
      }
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, environment);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, environment);
    lua_setfield(L, environment, "_G");
    detail::bind_loaders(L, environment);
    // Its copies of xpcall and string.find... are those that limits need, set now or later.
    detail::guard_xpcall(L, environment);
    if (lua_getfield(L, environment, "string") == LUA_TTABLE) detail::strings::install_in(L, -1);
    lua_pop(L, 1);
    return 1;
  });
  detail::StackGuard pop(L, base);
  return Table(L, -1);
}

void StateView::exec(std::string_view code, std::string_view chunk_name, const Table &environment) const {
  lua_State *L = lua_state();
  std::string name(chunk_name.empty() ? code : chunk_name);
  detail::ensure_stack(L, 2);
  int status = luaL_loadbufferx(L, code.data(), code.size(), name.c_str(), "t");
  if (status != LUA_OK) detail::throw_lua_error(L, status);
  environment.push(L);
#if LUA_VERSION_NUM < 502
  lua_setfenv(L, -2);  // the chunk's environment
#else
  lua_setupvalue(L, -2, 1);  // the chunk's _ENV
#endif
  Function chunk(L, -1);
  lua_pop(L, 1);
  chunk.call<void>();
}

}  // namespace luaembed
