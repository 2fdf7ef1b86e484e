#!/usr/bin/env bash
# static_binary.sh <probe> <probe_static> [<other static bundle>...]
# A STATIC bundle is a static executable: no program interpreter, no dynamic section, nothing
# for ldd to list; and it runs with an empty environment from an empty directory. The normal
# bundle is the control: the same checks must see its dynamic parts.
set -uo pipefail
normal=$1
shift
failures=0
pass() { echo "ok: $1"; }
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}
work=$(mktemp -d "${TMPDIR:-/tmp}/luaembed-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# The control: ldd lists libc, readelf finds NEEDED entries.
# (ldd's output is taken whole: grep -q would stop reading early, and pipefail then see ldd die
# of SIGPIPE.)
normal_libraries=$(ldd "$normal" 2>&1)
if grep -q 'libc\.so\.6' <<<"$normal_libraries"; then pass "ldd lists libc for $normal"; else fail "ldd lists no libc for $normal"; fi
if readelf -d "$normal" | grep -q '(NEEDED)'; then pass "$normal has NEEDED entries"; else fail "$normal has no NEEDED entry"; fi

for bundle in "$@"; do
  [[ -n $bundle ]] || continue
  libraries=$(ldd "$bundle" 2>&1)
  if grep -q 'not a dynamic executable' <<<"$libraries"; then
    pass "ldd: $bundle is not a dynamic executable"
  else
    fail "ldd lists for $bundle: $libraries"
  fi
  dynamic=$(readelf -d "$bundle")
  if [[ $dynamic == *"There is no dynamic section in this file."* ]] && ! grep -q NEEDED <<<"$dynamic"; then
    pass "readelf: $bundle has no dynamic section"
  else
    fail "readelf -d $bundle: $dynamic"
  fi
  if readelf -l "$bundle" | grep -q 'program interpreter'; then
    fail "$bundle requests a program interpreter"
  else
    pass "$bundle requests no program interpreter"
  fi
done

output=$(env -i "$1" run 'print("ran", (require("cjson").encode { 1 }))' 2>&1)
if [[ $output == "ran	[1]" ]]; then
  pass "$1 runs with an empty environment"
else
  fail "$1 with an empty environment printed: $output"
fi

if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
