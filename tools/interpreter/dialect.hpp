// Which stand-alone interpreter luaembed stands in for: Debian's lua5.1, lua5.2, lua5.3 or
// lua5.4 (lua.c of each release), or luajit (LuaJIT's luajit.c). They differ in options,
// messages and the order of events; the rest of the interpreter asks the constants here.
// version: the one place of the interpreter that looks at the Lua version.
#pragma once

#include <luaembed/lua.hpp>

namespace luaembed::interpreter::dialect {

inline constexpr int lua = LUA_VERSION_NUM;
inline constexpr bool luajit = compat::is_luajit;
inline constexpr bool lua51 = lua == 501 && !luajit;  // plain 5.1; LuaJIT is 501 too

// -v: the version line, and where it goes (lua5.1 writes it with its error messages).
#if defined(LUAJIT_VERSION)
inline constexpr const char *version_line = LUAJIT_VERSION " -- " LUAJIT_COPYRIGHT ". " LUAJIT_URL;
#elif LUA_VERSION_NUM == 501
inline constexpr const char *version_line = LUA_RELEASE "  " LUA_COPYRIGHT;
#else
inline constexpr const char *version_line = LUA_COPYRIGHT;
#endif
inline constexpr bool version_on_stderr = lua51;

// LUA_INIT_5_X is tried before LUA_INIT from 5.2 on; the variable's name is the chunk name.
#if LUA_VERSION_NUM >= 502
inline constexpr const char *versioned_init = "LUA_INIT_" LUA_VERSION_MAJOR "_" LUA_VERSION_MINOR;
#else
inline constexpr const char *versioned_init = nullptr;
#endif

// ---- the command line -----------------------------------------------------------------------
inline constexpr bool has_E = !lua51;          // ignore the environment
inline constexpr bool has_W = lua >= 504;      // warnings on
inline constexpr bool has_jit_options = luajit;  // -j cmd, -O[opt], -b ...
// "-Ex" is an error from 5.3 on; lua5.2 and luajit take it as -E.
inline constexpr bool E_takes_tail = lua == 502 || luajit;
// An -e or -l argument may look like an option in 5.1 and LuaJIT ("-e -v" runs "-v").
inline constexpr bool argument_may_be_option = lua51 || luajit;
// A bad command line is named before the usage text from 5.2 on; lua5.2 names argv[1] when
// an option has extra characters (its collectargs returns -1 there).
inline constexpr bool names_bad_option = !lua51 && !luajit;
inline constexpr bool tail_error_names_first = lua == 502;
// -l mod sets the global mod from 5.2 on; 5.4.4 adds -l g=mod.
inline constexpr bool require_sets_global = lua >= 502 && !luajit;
inline constexpr bool require_alias = lua >= 504;

// The usage text, word for word; %s is the program name.
#if defined(LUAJIT_VERSION)
inline constexpr const char *usage =
    "usage: %s [options]... [script [args]...].\n"
    "Available options are:\n"
    "  -e chunk  Execute string 'chunk'.\n"
    "  -l name   Require library 'name'.\n"
    "  -b ...    Save or list bytecode.\n"
    "  -j cmd    Perform LuaJIT control command.\n"
    "  -O[opt]   Control LuaJIT optimizations.\n"
    "  -i        Enter interactive mode after executing 'script'.\n"
    "  -v        Show version information.\n"
    "  -E        Ignore environment variables.\n"
    "  --        Stop handling options.\n"
    "  -         Execute stdin and stop handling options.\n";
#elif LUA_VERSION_NUM == 501
inline constexpr const char *usage =
    "usage: %s [options] [script [args]].\n"
    "Available options are:\n"
    "  -e stat  execute string 'stat'\n"
    "  -l name  require library 'name'\n"
    "  -i       enter interactive mode after executing 'script'\n"
    "  -v       show version information\n"
    "  --       stop handling options\n"
    "  -        execute stdin and stop handling options\n";
#elif LUA_VERSION_NUM <= 503
inline constexpr const char *usage =
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat  execute string 'stat'\n"
    "  -i       enter interactive mode after executing 'script'\n"
#if LUA_VERSION_NUM == 502
    "  -l name  require library 'name'\n"
#else
    "  -l name  require library 'name' into global 'name'\n"
#endif
    "  -v       show version information\n"
    "  -E       ignore environment variables\n"
    "  --       stop handling options\n"
    "  -        stop handling options and execute stdin\n";
#else
inline constexpr const char *usage =
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n";
#endif


// The program name when argv[0] is missing or empty.
inline constexpr const char *default_program_name = luajit ? "luajit" : "lua";

// ---- order of events ------------------------------------------------------------------------
// lua5.1 runs LUA_INIT before it reads the command line; luajit prints -v after LUA_INIT.
inline constexpr bool init_before_options = lua51;
inline constexpr bool version_after_init = luajit;
// The collector runs scripts in generational mode in lua5.4.
inline constexpr bool generational_gc = lua >= 504;
// lua5.1 and luajit collect garbage after each failed call, lua5.2 after reporting an error.
inline constexpr bool collect_after_failed_call = lua51 || luajit;
inline constexpr bool collect_after_report = lua == 502;

// ---- arg -------------------------------------------------------------------------------------
// When the table arg exists: from the start (5.3, 5.4, LuaJIT), or from the script on (5.1,
// 5.2), whose arguments then come from the command line rather than from arg.
inline constexpr bool arg_before_init = lua >= 503 || luajit;
// Without a script, arg[0] is the interpreter in 5.3 and 5.4; in LuaJIT every index is negative.
inline constexpr bool arg_zero_without_script = lua >= 503;
// The script's arguments: arg[1] .. arg[#arg] (5.3+), or up to the first nil (LuaJIT).
inline constexpr bool arguments_up_to_nil = luajit;

// ---- errors --------------------------------------------------------------------------------
// How the message handler treats an error object that is not a string.
enum class Handler {
  Lua51,   // strings get debug.traceback; anything else passes untouched
  Lua52,   // __tostring, else "(no error message)"; no traceback for them
  LuaJIT,  // __tostring giving a string gets a traceback; anything else passes untouched
  Lua53,   // __tostring, else "(error object is a X value)" with a traceback
};
inline constexpr Handler handler = lua51    ? Handler::Lua51
                                   : luajit ? Handler::LuaJIT
                                   : lua == 502 ? Handler::Lua52
                                                : Handler::Lua53;
// Before 5.3 an error object nil is not reported, and one that is no string is reported as
// "(error object is not a string)".
inline constexpr bool reports_every_error = lua >= 503;

// ---- the REPL -------------------------------------------------------------------------------
// From 5.3 on a line is tried as an expression first ("1+1" shows 2); before, "=1+1" does.
inline constexpr bool repl_tries_expression = lua >= 503;
// _PROMPT: any value through tostring (5.4), or only a string or number (before).
inline constexpr bool prompt_any_value = lua >= 504;
// luajit reads lines with fgets: a piped session shows the prompts, not the lines.
inline constexpr bool echoes_piped_lines = !luajit;
// luajit shows "JIT: ON ..." before its REPL.
inline constexpr bool shows_jit_status = luajit;
// The REPL takes LC_CTYPE from the environment, as GNU readline makes Debian's lua5.X do;
// luajit, without readline, stays in the "C" locale.
inline constexpr bool repl_adopts_locale = !luajit;
// Input that ends inside a statement ends the REPL quietly before 5.3; from 5.3 on it is an
// error the REPL reports.
inline constexpr bool repl_reports_unfinished = lua >= 503;

// Ctrl-C: the error "interrupted!", with the position of level 1 (luaL_error), or of the
// running function itself in luajit.
inline constexpr int interrupt_level = luajit ? 0 : 1;

// ---- calls only some versions have -------------------------------------------------------

// The collector mode lua5.4 runs scripts with.
inline void prepare_collector(lua_State *L) {
#if LUA_VERSION_NUM >= 504
  lua_gc(L, LUA_GCGEN, 0, 0);
#else
  (void)L;
#endif
}

// -W.
inline void turn_warnings_on(lua_State *L) {
#if LUA_VERSION_NUM >= 504
  lua_warning(L, "@on", 0);
#else
  (void)L;
#endif
}

}  // namespace luaembed::interpreter::dialect
