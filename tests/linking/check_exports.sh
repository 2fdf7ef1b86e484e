#!/usr/bin/env bash
# check_exports.sh <host> <api.dynlist> <minimum-own-functions>
# The host's dynamic symbol table must hold exactly the Lua C API of the dynamic list, plus
# only data the C runtime places in the executable by copy relocation (stdout@GLIBC_2.2.5 and
# the like: owned by a shared library, so versioned). None of the host's own functions - at
# least <minimum-own-functions> of them, counted in its full symbol table - may be exported.
set -euo pipefail
host=$1 list=$2 minimum_own=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

grep -oE '^  [A-Za-z_][A-Za-z0-9_]*;' "$list" | tr -d ' ;' | sort >"$work/api"
nm -D --defined-only --format=posix "$host" | awk '{print $1}' | sort >"$work/exported"
grep -v '@' "$work/exported" >"$work/exported_unversioned" || true
own=$(nm --defined-only "$host" | grep -c 'luaembed_test_host_function' || true)

if ! diff -u "$work/api" "$work/exported_unversioned"; then
  echo "FAIL: the unversioned exports of $host differ from the Lua C API in $list (- missing, + extra)"; exit 1
fi
if (( own < minimum_own )); then
  echo "FAIL: $host defines only $own functions of its own, the test needs $minimum_own"; exit 1
fi
echo "PASS: $host exports the $(wc -l <"$work/api") API symbols and nothing of its $own own functions"
echo "      runtime copy relocations: $(grep '@' "$work/exported" | tr '\n' ' ')"
