#!/usr/bin/env bash
# dynamic_list.sh <doctor> <build's generated lua5.4-api.dynlist>
# --dynamic-list 5.4 prints the very list luaembed links with; every version has its own;
# an unknown version is bad input.
set -u
doctor=$1 generated=$2
failures=0
fail() { printf 'FAIL: %s\n' "$1"; failures=$((failures + 1)); }
names() { grep -oE '^  [A-Za-z_][A-Za-z0-9_]*;$' | tr -d ' ;'; }

printed=$("$doctor" --dynamic-list 5.4) || fail "--dynamic-list 5.4 failed"
if diff <(names <<<"$printed") <(names <"$generated"); then
  echo "PASS: the names of --dynamic-list 5.4 are those of $generated ($(names <<<"$printed" | wc -l))"
else
  fail "the names differ from $generated"
fi
diff <(printf '%s\n' "$printed") "$generated" >/dev/null && echo "PASS: byte for byte the same file" || fail "the text differs from $generated"

# declared <version> <count> <name that only some versions have>
declared() {
  local list count
  list=$("$doctor" --dynamic-list "$1") || { fail "--dynamic-list $1 failed"; return; }
  count=$(names <<<"$list" | wc -l)
  [[ $count -eq $2 ]] || fail "--dynamic-list $1 has $count names, expected $2"
  [[ $list == *"/* The Lua C API: $2 symbols declared in "* ]] || fail "--dynamic-list $1: header does not say $2 symbols"
  grep -qx "  $3;" <<<"$list" || fail "--dynamic-list $1 lacks $3"
  [[ $(tail -1 <<<"$list") == "};" ]] || fail "--dynamic-list $1 does not end the list"
  echo "PASS: --dynamic-list $1: $count names, $3 among them"
}
declared 5.1 123 luaL_openlib
declared 5.2 150 lua_pcallk
declared 5.3 147 lua_rotate
declared 5.4 154 lua_newuserdatauv
declared luajit 147 luaJIT_setmode
if "$doctor" --dynamic-list 5.4 | grep -qx '  lua_newuserdata;'; then fail "5.4's list holds lua_newuserdata, a macro in 5.4"; fi

for bad in 5.9 lua 6; do
  err=$("$doctor" --dynamic-list "$bad" 2>&1 >/dev/null); status=$?
  if [[ $status -eq 2 && $err == *"unknown Lua version '$bad'; give 5.1, 5.2, 5.3, 5.4 or luajit"* ]]; then
    echo "PASS: --dynamic-list $bad is bad input"
  else
    fail "--dynamic-list $bad: status $status, stderr: $err"
  fi
done
err=$("$doctor" --dynamic-list 5.4 /bin/true 2>&1 >/dev/null); status=$?
[[ $status -eq 2 && $err == *"--dynamic-list takes no host or module"* ]] && echo "PASS: --dynamic-list with a host is bad input" ||
  fail "--dynamic-list with a host: status $status, stderr: $err"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
