#!/usr/bin/env bash
# Lua is linked into the interpreter, not loaded: no liblua among its shared libraries. The
# Lua C API is in its dynamic symbol table for native modules to bind to, and nothing else of
# its own is: only the API and what its runtime libraries define too (see
# tests/linking/check_exports.sh).
source "$(dirname "$0")/lib.sh" "$@"

libraries=$(ldd "$LUAEMBED") || fail "ldd failed on $LUAEMBED"
# ldd must have listed something real, or "no liblua" would prove nothing.
if grep -q 'libc\.so\.6' <<<"$libraries"; then
  pass "ldd lists the shared libraries"
else
  fail "ldd lists no libc: $libraries"
fi
if grep -qi 'liblua' <<<"$libraries"; then
  fail "a shared Lua library is linked: $(grep -i liblua <<<"$libraries")"
else
  pass "no liblua among the shared libraries"
fi

nm -D --defined-only --format=posix "$LUAEMBED" | awk '{ print $1 }' | grep -v '@' | sort >exported
grep -oE '^  [A-Za-z_][A-Za-z0-9_]*;' "$API_LIST" | tr -d ' ;' | sort >api
PCALL=lua_pcallk  # lua_pcall is a macro from Lua 5.2 on
if lua_is 51 jit; then PCALL=lua_pcall; fi
SYMBOLS=(lua_pushstring "$PCALL" luaL_checklstring luaL_newmetatable luaopen_base)
if lua_is jit; then SYMBOLS+=(luaJIT_setmode luaJIT_profile_start); fi
for symbol in "${SYMBOLS[@]}"; do
  if grep -qx "$symbol" exported; then pass "exports $symbol"; else fail "does not export $symbol"; fi
done
if "$(dirname "$0")/../linking/check_exports.sh" "$LUAEMBED" "$API_LIST" 0; then
  pass "exports exactly the $(wc -l <api) functions of the Lua C API, nothing of its own"
else
  fail "the exports differ from the Lua C API"
fi

finish
