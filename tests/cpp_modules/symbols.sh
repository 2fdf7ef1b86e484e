#!/usr/bin/env bash
# symbols.sh <module.so> <luaopen name>
# A luaembed module links no Lua (no DT_NEEDED liblua, no Lua API function defined inside)
# and exports its luaopen_ function only.
set -u
module=$1 entry=$2 failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
[[ -f $module ]] || { echo "FAIL: $module does not exist"; exit 1; }

needed=$(readelf -d "$module" | grep NEEDED)
if grep -qi 'liblua' <<<"$needed"; then fail "$module needs a Lua library: $needed"; else echo "PASS: no DT_NEEDED Lua library"; fi

defined_api=$(nm --defined-only "$module" | awk '$3 ~ /^lua(L|open)?_/ && $3 !~ /^luaopen_/ {print $3}')
[[ -z $defined_api ]] && echo "PASS: defines no Lua API function" || fail "defines Lua API functions: $defined_api"

undefined_api=$(nm -D --undefined-only "$module" | grep -c ' lua_' || true)
(( undefined_api > 0 )) && echo "PASS: leaves $undefined_api Lua API functions to the host" || fail "uses no Lua API at all?"

exported=$(nm -D --defined-only --format=posix "$module" | awk '{print $1}')
if [[ $exported == "$entry" ]]; then
  echo "PASS: exports $entry only"
else
  fail "exports more than $entry: $(tr '\n' ' ' <<<"$exported")"
fi
exit $((failures > 0))
