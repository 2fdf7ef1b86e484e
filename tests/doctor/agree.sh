#!/usr/bin/env bash
# agree.sh <doctor> <host> <module.so> <luaopen_name> <expected verdict>
#
# The doctor's verdict on the pair must be the expected one, and must agree with what happens
# when the host really loads the module (fixtures/load_host.c):
#   LOADS             the host loads it and calls it, with no second Lua core
#   FAILS             the host fails with the dynamic loader's error, and the loader names the
#                     symbol (or library) the doctor names first
#   VERSION MISMATCH  the host fails to load it or to run it (when the doctor also predicts
#                     an undefined symbol, the loader names that one), or it misbehaves
#   SECOND LUA CORE   the host loads it and finds a second lua_newstate in the module's scope
set -u
doctor=$1 host=$2 module=$3 entry=$4 expected=$5

report=$("$doctor" --verbose "$host" "$module"); doctor_status=$?
verdict_line=$(grep -m1 '^verdict: ' <<<"$report")
verdict=${verdict_line#verdict: }
verdict=${verdict%% —*}
run=$("$host" "$module" "$entry" 2>&1); host_status=$?

fail() {
  printf 'FAIL: %s\n--- doctor (exit %d):\n%s\n--- host (exit %d):\n%s\n' "$1" "$doctor_status" "$report" "$host_status" "$run"
  exit 1
}

[[ $verdict == "$expected" ]] || fail "the doctor says '$verdict', expected '$expected'"
if [[ $expected == LOADS ]]; then want_status=0; else want_status=1; fi
[[ $doctor_status -eq $want_status ]] || fail "the doctor exited with $doctor_status, expected $want_status"

# The first symbol or library the doctor predicts the loader will report, if any.
predicted_symbol=$(grep -oE 'undefined symbol [A-Za-z_][A-Za-z0-9_]*' <<<"$verdict_line" | head -1 | cut -d' ' -f3)
predicted_library=$(grep -oE 'needs [^ ,]+, which the loader finds nowhere' <<<"$verdict_line" | cut -d' ' -f2 | tr -d ,)

case $expected in
  LOADS)
    [[ $host_status -eq 0 && $run == *"loaded: "* ]] || fail "the doctor says LOADS, the host could not load it"
    [[ $run != *"second Lua core"* ]] || fail "the doctor says LOADS, the host found a second Lua core" ;;
  FAILS)
    [[ $host_status -eq 1 ]] || fail "the doctor says FAILS, the host loaded it"
    if [[ -n $predicted_symbol ]]; then
      [[ $run == *"undefined symbol: $predicted_symbol"* ]] || fail "the loader does not report $predicted_symbol first"
    elif [[ -n $predicted_library ]]; then
      [[ $run == *"$predicted_library: cannot open shared object file"* ]] || fail "the loader does not report $predicted_library"
    else
      fail "the FAILS verdict names neither a symbol nor a library"
    fi ;;
  "VERSION MISMATCH")
    if [[ -n $predicted_symbol ]]; then
      [[ $host_status -eq 1 && $run == *"undefined symbol: $predicted_symbol"* ]] ||
        fail "the doctor predicts undefined symbol $predicted_symbol, the host says otherwise"
    else
      [[ $host_status -ne 0 || $run != "loaded: table" ]] || fail "the doctor says VERSION MISMATCH, the module loaded and worked"
    fi ;;
  "SECOND LUA CORE")
    [[ $host_status -eq 0 && $run == *"second Lua core: "* ]] || fail "the doctor says SECOND LUA CORE, the host found none" ;;
  *) fail "unknown expected verdict '$expected'" ;;
esac
printf 'PASS: %s + %s: %s\n%s\n--- host:\n%s\n' "${host##*/}" "${module##*/}" "$verdict" "$report" "$run"
