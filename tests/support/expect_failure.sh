#!/usr/bin/env bash
# expect_failure.sh <regex> <command> [args...]
# Passes when the command exits with status 1 (an error, not a crash) and what it printed
# (stdout and stderr together) matches the extended regular expression, which may span lines.
# Negative controls use it: a host built the wrong way must fail the way the dynamic loader
# makes it fail, and a checker fed a wrong answer must reject it for that reason, not another.
set -u
pattern=$1; shift
output=$("$@" 2>&1); status=$?
if [[ $status -ne 1 ]]; then
  printf 'FAIL: %s exited with %d, expected 1\n%s\n' "$*" "$status" "$output"; exit 1
fi
if ! grep -qzE -- "$pattern" <<<"$output"; then
  printf 'FAIL: the output of %s does not match /%s/:\n%s\n' "$*" "$pattern" "$output"; exit 1
fi
printf 'PASS: %s failed as expected:\n%s\n' "$*" "$output"
