#!/usr/bin/env bash
# make_fix.sh <doctor> <C compiler> <load_host.c> <Lua 5.4 include dir> <host_plain> <cjson.so>
# The Make/ld fix, applied as printed: a host built plainly fails to load cjson; rebuilt with
# the flags the doctor prints and the list it writes, the doctor says LOADS and cjson loads.
set -u
doctor=$1 cc=$2 source=$3 include_dir=$4 plain=$5 cjson=$6
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

report=$("$doctor" --build-system make "$plain" "$cjson")
flags=$(sed -n 's/^fix (Make\/ld): link with: //p' <<<"$report")
write_list=$(sed -n 's/^write lua54.dynlist: //p' <<<"$report")
[[ -n $flags && $write_list == "luaembed-doctor --dynamic-list 5.4 > lua54.dynlist" ]] ||
  { printf 'FAIL: no Make/ld fix in:\n%s\n' "$report"; exit 1; }

cd "$work"
"$doctor" --dynamic-list 5.4 >lua54.dynlist
# shellcheck disable=SC2086  # the flags are words, as make would pass them
"$cc" -I"$include_dir" "$source" -o fixed_host $flags -lm -ldl || { echo "FAIL: the fixed host does not link"; exit 1; }

after=$("$doctor" ./fixed_host "$cjson"); status=$?
[[ $status -eq 0 && $after == *"exports 154 of 154 Lua 5.4 API symbols"* && $after == *"verdict: LOADS"* ]] ||
  { printf 'FAIL: after the fix the doctor says (exit %d):\n%s\n' "$status" "$after"; exit 1; }
run=$(./fixed_host "$cjson" luaopen_cjson 2>&1) || { printf 'FAIL: the fixed host cannot load cjson:\n%s\n' "$run"; exit 1; }
[[ $run == "loaded: table" ]] || { printf 'FAIL: the fixed host printed:\n%s\n' "$run"; exit 1; }
printf 'PASS: linked with %s\n%s\n%s\n' "$flags" "$after" "$run"
