#!/usr/bin/env bash
# expect_match.sh <stdout-regex> <command> [args...]
# Passes when the command exits 0, prints nothing on stderr (a sanitizer's or the loader's
# complaint lands there), and its stdout matches the extended regular expression, which may
# span lines. For output that varies from run to run; expect_output.sh compares exactly.
set -u
pattern=$1; shift
errors_file=$(mktemp); trap 'rm -f "$errors_file"' EXIT
output=$("$@" 2>"$errors_file"); status=$?
errors=$(cat "$errors_file")
if [[ $status -ne 0 ]]; then
  printf 'FAIL: %s exited with %d\nstdout:\n%s\nstderr:\n%s\n' "$*" "$status" "$output" "$errors"; exit 1
fi
if [[ -n $errors ]]; then
  printf 'FAIL: %s wrote on stderr:\n%s\n' "$*" "$errors"; exit 1
fi
if ! grep -qzE -- "$pattern" <<<"$output"; then
  printf 'FAIL: the output of %s does not match /%s/:\n%s\n' "$*" "$pattern" "$output"; exit 1
fi
printf 'PASS: %s printed what was expected:\n%s\n' "$*" "$output"
