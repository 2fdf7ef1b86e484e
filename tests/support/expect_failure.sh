#!/usr/bin/env bash
# expect_failure.sh <stderr-regex> <command> [args...]
# Passes when the command exits with status 1 (an error, not a crash) and its stderr matches
# the extended regular expression. Negative controls use it: a host built the wrong way must
# fail the way the dynamic loader makes it fail.
set -u
pattern=$1; shift
errors=$("$@" 2>&1 >/dev/null); status=$?
if [[ $status -ne 1 ]]; then
  printf 'FAIL: %s exited with %d, expected 1\n%s\n' "$*" "$status" "$errors"; exit 1
fi
if ! grep -qE -- "$pattern" <<<"$errors"; then
  printf 'FAIL: stderr of %s does not match /%s/:\n%s\n' "$*" "$pattern" "$errors"; exit 1
fi
printf 'PASS: %s failed as expected:\n%s\n' "$*" "$errors"
