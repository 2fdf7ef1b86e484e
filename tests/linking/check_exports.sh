#!/usr/bin/env bash
# check_exports.sh <host> <api.dynlist> <minimum-own-functions>
# The host's dynamic symbol table must hold exactly the Lua C API of the dynamic list, plus
# only symbols that belong to the runtime libraries it links:
#   - data placed in the executable by copy relocation (stdout@GLIBC_2.2.5: versioned), and
#   - C++ template code the program and libstdc++ both define (std::string members, ...): the
#     linker exports the program's copy because a shared library defines the same symbol.
# None of the host's own functions - at least <minimum-own-functions> of them, counted in
# its full symbol table - may be exported.
set -euo pipefail
host=$1 list=$2 minimum_own=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

grep -oE '^  [A-Za-z_][A-Za-z0-9_]*;' "$list" | tr -d ' ;' | sort >"$work/api"
nm -D --defined-only --format=posix "$host" | awk '{print $1}' | sort >"$work/exported"
own=$(nm --defined-only "$host" | grep -c 'luaembed_test_host_function' || true)

# What the shared libraries the host needs define themselves.
for library in $(ldd "$host" | awk '$3 ~ /^\// {print $3}'); do
  nm -D --defined-only --format=posix "$library" | awk '{print $1}' | sed 's/@.*//'
done | sort -u >"$work/runtime"

missing=$(comm -23 "$work/api" "$work/exported")
extra=$(comm -13 "$work/api" "$work/exported" | grep -v '@' | comm -23 - "$work/runtime" || true)
if [[ -n $missing || -n $extra ]]; then
  echo "FAIL: the exports of $host are not exactly the Lua C API of $list"
  [[ -n $missing ]] && printf 'missing API symbols:\n%s\n' "$missing"
  [[ -n $extra ]] && printf 'exported symbols of the host itself:\n%s\n' "$extra"
  exit 1
fi
if (( own < minimum_own )); then
  echo "FAIL: $host defines only $own functions of its own, the test needs $minimum_own"; exit 1
fi
runtime_count=$(( $(wc -l <"$work/exported") - $(wc -l <"$work/api") ))
echo "PASS: $host exports the $(wc -l <"$work/api") API symbols and nothing of its $own own functions"
echo "      plus $runtime_count symbols its runtime libraries define too:" \
  "$(comm -13 "$work/api" "$work/exported" | head -5 | tr '\n' ' ')..."
