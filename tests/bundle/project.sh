#!/usr/bin/env bash
# project.sh <luaembed source> <cmake> <scratch directory>
# A project of its own that uses luaembed through add_subdirectory and bundles two scripts,
# once normally and once STATIC with cjson, lpeg and lfs. The static link gives no warning
# (glibc warns about dlopen in static programs unless the bundle keeps Lua away from it).
# Editing a script rebuilds the bundles with the new text, embedding that script again and
# only it; a build with nothing changed embeds nothing.
set -uo pipefail
source_dir=$1
cmake=$2
work=$3
failures=0
pass() { echo "ok: $1"; }
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

rm -rf "$work"
mkdir -p "$work/project/greet"
cat >"$work/project/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(rebuild LANGUAGES C CXX)
add_subdirectory("$source_dir" luaembed)
luaembed_bundle(greeter MAIN main.lua SCRIPTS greet/words.lua)
luaembed_bundle(greeter_static MAIN main.lua SCRIPTS greet/words.lua MODULES cjson lpeg lfs STATIC)
CMAKE
printf 'print(require("greet.words").greeting)\n' >"$work/project/main.lua"
printf 'return { greeting = "hello" }\n' >"$work/project/greet/words.lua"

build() { "$cmake" --build "$work/build" -j1 2>&1; }  # ctest runs two tests at once: one compiler each
"$cmake" -S "$work/project" -B "$work/build" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; echo "FAIL: configure"; exit 1; }
build >"$work/build1.log" || { cat "$work/build1.log"; echo "FAIL: first build"; exit 1; }
greeter=$work/build/greeter
greeter_static=$work/build/greeter_static
[[ $("$greeter") == hello && $("$greeter_static") == hello ]] && pass "first build says hello" ||
  fail "first build: $("$greeter" 2>&1) / $("$greeter_static" 2>&1)"
if grep -qi 'warning:' "$work/build1.log"; then
  fail "the build warned:"
  grep -i -B2 'warning:' "$work/build1.log"
else
  pass "no warning, the static link included"
fi

# A second later: a new modification time even on file systems with coarse timestamps.
sleep 1
printf 'return { greeting = "hello again" }\n' >"$work/project/greet/words.lua"
build >"$work/build2.log" || { cat "$work/build2.log"; echo "FAIL: second build"; exit 1; }
[[ $("$greeter") == "hello again" && $("$greeter_static") == "hello again" ]] &&
  pass "the edit is in the programs" || fail "after the edit: $("$greeter" 2>&1) / $("$greeter_static" 2>&1)"
embedded=$(grep -o 'Embedding .*' "$work/build2.log" | sort | tr '\n' ' ')
[[ $embedded == "Embedding greet/words.lua in greeter Embedding greet/words.lua in greeter_static " ]] &&
  pass "only the edited script was embedded again" || fail "embedded again: ${embedded:-nothing}"

build >"$work/build3.log" || { cat "$work/build3.log"; echo "FAIL: third build"; exit 1; }
grep -q 'Embedding' "$work/build3.log" && fail "a build with nothing changed embedded: $(grep Embedding "$work/build3.log")" ||
  pass "a build with nothing changed embeds nothing"

if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
