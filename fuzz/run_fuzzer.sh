#!/usr/bin/env bash
# run_fuzzer.sh <fuzzer> [libFuzzer options and corpus folders...]
# Runs one fuzzer and ends with a line saying how many inputs it ran, and whether it found
# anything; libFuzzer's exit status is the test's (non-zero on a crash, leak or timeout).
set -uo pipefail
fuzzer=$1; shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$fuzzer" "$@" 2>&1 | tee "$log" | grep -aE '^(==[0-9]+==|SUMMARY|artifact_prefix|Test unit|stat::)' 
status=${PIPESTATUS[0]}
runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}')
if [[ $status -eq 0 ]]; then
  echo "$(basename "$fuzzer"): ${runs:-?} inputs, nothing found"
else
  tail -n 60 "$log"
  echo "$(basename "$fuzzer"): FOUND a problem after ${runs:-?} inputs (exit status $status); the input is in the artifacts folder named above"
fi
exit "$status"
