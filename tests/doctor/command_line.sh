#!/usr/bin/env bash
# command_line.sh <doctor> <host_plain> <host_luaembed> <dir of Debian's modules>
# The command line: help, version, exit statuses, the exact text report, module names looked
# up in the cpath (option, environment, the host's own default), narrowing the fixes.
set -u
doctor=$1 plain=$2 luaembed=$3 debian=$4
failures=0
fail() { printf 'FAIL: %s\n' "$1"; failures=$((failures + 1)); }
pass() { printf 'PASS: %s\n' "$1"; }

# run <expected status> <doctor arguments...>: sets $out.
run() {
  local want=$1; shift
  out=$("$doctor" "$@" 2>&1); local status=$?
  [[ $status -eq $want ]] || fail "luaembed-doctor $* exited with $status, expected $want:
$out"
}

run 0 --help
[[ $out == "usage: luaembed-doctor [options] <host> [<module>...]"* ]] && pass "--help" || fail "--help: $out"
run 0 --version
[[ $out =~ ^luaembed-doctor\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && pass "--version: $out" || fail "--version: $out"

# The exact report of the usual problem: a host linking Lua without exporting it.
run 1 "$plain" "$debian/5.4/cjson.so"
expected=$(cat <<EOF2
host   $plain: Lua 5.4.4 linked statically; exports 0 of 154 Lua 5.4 API symbols
module $debian/5.4/cjson.so: built for Lua 5.4; luaopen_cjson, luaopen_cjson_safe; needs 35 API symbols; links no Lua core (good)
verdict: FAILS — undefined symbol lua_checkstack (and 34 more)
fix (CMake): target_link_libraries(<app> PRIVATE luaembed::luaembed)   # Lua 5.4 linked whole, its API exported
  or, for a Lua linked another way (link it whole): luaembed_export_lua_api(<app>)
fix (Make/ld): link with: -Wl,--whole-archive /usr/lib/x86_64-linux-gnu/liblua5.4.a -Wl,--no-whole-archive -Wl,--dynamic-list=lua54.dynlist
fix (Cargo): in .cargo/config.toml, with the list's absolute path:
  [target.x86_64-unknown-linux-gnu]
  rustflags = ["-C", "link-arg=-Wl,--dynamic-list=/path/to/lua54.dynlist"]
  and link Lua whole, in build.rs: println!("cargo:rustc-link-lib=static:+whole-archive=lua5.4");
fix (Meson): executable(..., link_args: ['-Wl,--whole-archive', '/usr/lib/x86_64-linux-gnu/liblua5.4.a', '-Wl,--no-whole-archive', '-Wl,--dynamic-list=' + (meson.current_source_dir() / 'lua54.dynlist')])
write lua54.dynlist: luaembed-doctor --dynamic-list 5.4 > lua54.dynlist
EOF2
)
diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$out") && pass "the exact report for a host without export" ||
  fail "the report differs (- expected, + printed)"

# Narrowed to one build system.
run 1 --build-system cargo "$plain" "$debian/5.4/cjson.so"
titles=$(grep -oE '^(fix \([^)]*\)|write [^:]*):' <<<"$out" | tr '\n' ' ')
[[ $titles == "fix (Cargo): write lua54.dynlist: " ]] && pass "--build-system cargo: $titles" || fail "--build-system cargo gave: $titles"
run 1 --build-system=cmake --build-system make "$plain" "$debian/5.4/cjson.so"
titles=$(grep -oE '^(fix \([^)]*\)|write [^:]*):' <<<"$out" | tr '\n' ' ')
[[ $titles == "fix (CMake): fix (Make/ld): write lua54.dynlist: " ]] && pass "two --build-system: $titles" || fail "two --build-system gave: $titles"

# The host alone.
run 0 "$luaembed"
[[ $out == *"verdict: READY — all 154 Lua 5.4 API symbols are exported"* ]] && pass "a luaembed host is READY" || fail "luaembed host alone: $out"
run 1 "$plain"
[[ $out == *"verdict: NOT READY — 154 of 154 Lua 5.4 API symbols are not exported"* ]] && pass "a plain host is NOT READY" || fail "plain host alone: $out"

# Module names: the host's own default cpath, the environment, --cpath; "--" ends the options.
run 0 -v "$luaembed" socket.core
[[ $out == *"module socket.core ($debian/5.4/socket/core.so): built for Lua 5.4"* &&
   $out == *"(the default built into the host's Lua)"* ]] && pass "socket.core found through the host's own cpath" || fail "socket.core: $out"
out=$(LUA_CPATH_5_4="/nowhere/?.so;$debian/5.3/?.so" "$doctor" -v "$luaembed" cjson 2>&1)
[[ $out == *"(LUA_CPATH_5_4)"* && $out == *"verdict: VERSION MISMATCH — the host runs Lua 5.4.4, the module is built for Lua 5.3"* ]] &&
  pass "LUA_CPATH_5_4 is searched first" || fail "LUA_CPATH_5_4: $out"
out=$(LUA_CPATH="$debian/5.1/?.so" "$doctor" -v "$luaembed" cjson 2>&1)
[[ $out == *"(LUA_CPATH)"* && $out == *"module cjson ($debian/5.1/cjson.so)"* ]] && pass "LUA_CPATH" || fail "LUA_CPATH: $out"
run 0 "$luaembed" --cpath "$debian/5.4/?.so" -- lpeg
[[ $out == *"module lpeg ($debian/5.4/lpeg.so)"* ]] && pass "--cpath, options after the host, --" || fail "--cpath: $out"
# "cjson.safe" is luaopen_cjson_safe inside cjson.so (require's all-in-one searcher).
run 0 "$luaembed" --cpath "$debian/5.4/?.so" cjson.safe
[[ $out == *"module cjson.safe ($debian/5.4/cjson.so)"* && $out == *"verdict: LOADS"* ]] && pass "cjson.safe" || fail "cjson.safe: $out"
run 1 "$luaembed" --cpath "$debian/5.4/?.so" lpeg.nothing
[[ $out == *"verdict: FAILS — the module has no luaopen_lpeg_nothing, the function require calls for 'lpeg.nothing'"* ]] &&
  pass "a name whose entry point the module lacks" || fail "lpeg.nothing: $out"

# One problem among several modules: exit status 1, each module judged.
run 1 "$luaembed" "$debian/5.4/cjson.so" "$debian/5.1/cjson.so" "$debian/5.4/lfs.so"
verdicts=$(grep -oE '^verdict: [A-Z ]+' <<<"$out" | sed 's/ *$//' | tr '\n' '|')
[[ $verdicts == "verdict: LOADS|verdict: VERSION MISMATCH|verdict: LOADS|" ]] && pass "three modules: $verdicts" || fail "three modules: $verdicts"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
