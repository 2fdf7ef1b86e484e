#!/usr/bin/env bash
# expect_output.sh <expected-stdout-file> <command> [args...]
# Passes when the command exits 0 and prints exactly the expected file on stdout.
set -u
expected=$1; shift
actual=$("$@" 2>/tmp/expect_output.$$.err); status=$?
errors=$(cat /tmp/expect_output.$$.err); rm -f /tmp/expect_output.$$.err
if [[ $status -ne 0 ]]; then
  printf 'FAIL: %s exited with %d\nstderr:\n%s\n' "$*" "$status" "$errors"; exit 1
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  printf 'FAIL: output of %s differs from %s\n' "$*" "$expected"; exit 1
fi
echo "PASS: $* printed $expected"
