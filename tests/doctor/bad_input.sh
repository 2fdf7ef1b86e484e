#!/usr/bin/env bash
# bad_input.sh <doctor> <good host> <good module.so> <32-bit program>
# Every kind of bad input, given as the host and as a module, makes the doctor exit with
# status 2 and one sentence on stderr saying what the file is - never a crash, never a report.
set -u
doctor=$1 good_host=$2 good_module=$3 i386_program=$4
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0

# patch <file> <offset> <bytes as \xNN...>: overwrite bytes in place.
patch() { printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
# le64 <value>: the 8 bytes of a little-endian 64-bit number, as \xNN escapes.
le64() { local i; for i in 0 1 2 3 4 5 6 7; do printf '\\x%02x' $(( ($1 >> (8 * i)) & 255 )); done; }

mkdir "$work/directory"
: >"$work/empty"
printf '#!/bin/sh\nexec ./real-program "$@"\n' >"$work/launcher.sh"
head -c 100 "$good_module" >"$work/truncated.so"
cp "$good_module" "$work/aarch64.so"; chmod u+w "$work/aarch64.so"
patch "$work/aarch64.so" 18 '\xb7\x00'                      # e_machine = EM_AARCH64 (183)
cp "$good_module" "$work/far-sections.so"; chmod u+w "$work/far-sections.so"
patch "$work/far-sections.so" 40 "$(le64 $(( $(stat -L -c %s "$good_module") + 4096 )))"   # e_shoff past the end
head -c 3000 /dev/zero >"$work/zeros.bin"

# expect <label> <stderr pattern> <doctor arguments...>
expect() {
  local label=$1 pattern=$2; shift 2
  local out err status
  out=$("$doctor" "$@" 2>"$work/stderr"); status=$?; err=$(cat "$work/stderr")
  if [[ $status -ne 2 ]]; then
    printf 'FAIL: %s: exit status %d, expected 2\n  stderr: %s\n' "$label" "$status" "$err"; failures=$((failures + 1))
  elif [[ -n $out ]]; then
    printf 'FAIL: %s: printed a report on stdout:\n%s\n' "$label" "$out"; failures=$((failures + 1))
  elif ! grep -qE -- "$pattern" <<<"$err"; then
    printf 'FAIL: %s: stderr does not match /%s/:\n  %s\n' "$label" "$pattern" "$err"; failures=$((failures + 1))
  else
    printf 'PASS: %s\n  %s\n' "$label" "$err"
  fi
}

# Each file as the host, then as a module of a good host.
check_file() {
  local label=$1 file=$2 pattern=$3
  expect "$label (host)" "^luaembed-doctor: $file $pattern" "$file"
  expect "$label (module)" "^luaembed-doctor: $file $pattern" "$good_host" "$file"
}

check_file "missing file" "$work/nothing.so" "does not exist"
check_file "directory" "$work/directory" "is a directory, not a program or module"
check_file "empty file" "$work/empty" "is an empty file"
check_file "script" "$work/launcher.sh" "is a script \(#!/bin/sh\), not a compiled program"
check_file "truncated ELF" "$work/truncated.so" "is truncated or corrupt: its program header table .* goes beyond the end of the file \(100 bytes\)"
check_file "32-bit ELF" "$i386_program" "is a 32-bit ELF file for Intel 80386 \(32-bit x86\); this doctor examines 64-bit x86-64 files"
check_file "other architecture" "$work/aarch64.so" "is an ELF file for AArch64 \(64-bit ARM\), not x86-64"
check_file "section headers past the end" "$work/far-sections.so" "is truncated or corrupt: its section header table \(.*\) goes beyond the end of the file"
check_file "static archive" /usr/lib/x86_64-linux-gnu/liblua5.4.a "is a static archive \(\.a\)"
check_file "binary data" "$work/zeros.bin" "is not an ELF file \(it starts with bytes 00 00 00 00\)"

expect "module name found nowhere" "module 'no_such_module' not found in the cpath \(--cpath\); tried:" \
  --cpath "$work/?.so" "$good_host" no_such_module
expect "no host" "no host given" --json
expect "unknown option" "unknown option --frobnicate" --frobnicate "$good_host"
expect "unknown build system" "unknown build system 'scons'" --build-system scons "$good_host"
expect "option without its value" "--cpath needs a value" "$good_host" --cpath

# --json: bad input is a JSON object on stdout as well, exit status 2.
json=$("$doctor" --json "$work/empty" 2>/dev/null); status=$?
if [[ $status -eq 2 && $json == *'"error": "'"$work"'/empty is an empty file'* && $json == *'"exit_code": 2'* ]]; then
  echo "PASS: --json reports bad input as an error object"
else
  printf 'FAIL: --json with bad input: status %d, output:\n%s\n' "$status" "$json"; failures=$((failures + 1))
fi

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
