#!/usr/bin/env bash
# rust_host.sh <doctor> <crate> <work dir> <cjson.so> <dir of liblua5.4.a>
# A Rust program linking Lua statically (fixtures/rust_host, built offline with cargo): the
# doctor recognises it as Rust and gives the Cargo fix alone; applied as printed, cjson loads.
# Skipped (exit status 77) when cargo is not installed.
set -u
doctor=$1 crate=$2 work=$3 cjson=$4 lua_lib_dir=$5
command -v cargo >/dev/null || { echo "SKIP: cargo is not installed"; exit 77; }

rm -rf "$work" && mkdir -p "$work" && cp -r "$crate/." "$work/" && cd "$work" || exit 1
export CARGO_TARGET_DIR="$work/target" LUA_LIB_DIR="$lua_lib_dir"
cargo build --offline --quiet || { echo "FAIL: cargo build"; exit 1; }
host="$work/target/debug/rust_host"

before=$("$doctor" "$host" "$cjson"); status=$?
run=$("$host" "$cjson" luaopen_cjson 2>&1); run_status=$?
first=$(grep -oE '^verdict: FAILS — undefined symbol [a-zA-Z_]+' <<<"$before" | awk '{print $NF}')
if [[ $status -ne 1 || -z $first || $run_status -ne 1 || $run != *"undefined symbol: $first"* ]]; then
  printf 'FAIL: before the fix the doctor and the host disagree:\n%s\n--- host:\n%s\n' "$before" "$run"; exit 1
fi
titles=$(grep -oE '^(fix \([^)]*\)|write [^:]*):' <<<"$before" | tr '\n' ' ')
[[ $titles == "fix (Cargo): write lua54.dynlist: " ]] || { printf 'FAIL: a Rust host should get the Cargo fix alone, got: %s\n' "$titles"; exit 1; }

# The fix, as printed: the list, .cargo/config.toml, and build.rs when it says so.
"$doctor" --dynamic-list 5.4 >lua54.dynlist
mkdir -p .cargo
sed -n '/^fix (Cargo)/,/^[^ ]/p' <<<"$before" | sed -n 's/^  \(\[target\..*\]\)$/\1/p; s/^  \(rustflags = .*\)$/\1/p' |
  sed "s|/path/to/|$work/|" >.cargo/config.toml
whole=$(sed -n 's/^  and link Lua whole, in build.rs: \(.*\)$/\1/p' <<<"$before")
[[ -n $whole ]] && sed -i "s|println!(\"cargo:rustc-link-lib=static=lua5.4\");|$whole|" build.rs
echo "--- .cargo/config.toml:"; cat .cargo/config.toml
cargo build --offline --quiet || { echo "FAIL: cargo build with the fix"; exit 1; }

after=$("$doctor" "$host" "$cjson"); status=$?
run=$("$host" "$cjson" luaopen_cjson 2>&1); run_status=$?
if [[ $status -ne 0 || $after != *"verdict: LOADS"* || $run_status -ne 0 || $run != "loaded: table" ]]; then
  printf 'FAIL: after the fix:\n%s\n--- host (exit %d):\n%s\n' "$after" "$run_status" "$run"; exit 1
fi
printf 'PASS: the Cargo fix works\n--- before:\n%s\n--- after:\n%s\n--- host:\n%s\n' "$before" "$after" "$run"
