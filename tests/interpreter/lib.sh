# Shared by the interpreter tests. A test script starts with
#
#   source "$(dirname "$0")/lib.sh" "$@"
#
# and gets the arguments every test receives: the luaembed interpreter, the reference lua5.4,
# the directory holding the test's C module and the generated list of the Lua C API. It then
# runs in a fresh scratch directory.
#
# `same` is the heart of it: luaembed and lua5.4 run with the same arguments, stdin and
# environment, and stdout, stderr and exit status must be identical, byte for byte. Both get
# the same argv[0], so messages that start with the program name, and arg[-n], agree without
# any rewriting. The expect_* checks then pin what luaembed printed, so that a comparison
# cannot pass just because both sides failed the same uninteresting way.

set -uo pipefail

LUAEMBED=$(realpath -- "$1") || exit 1
REFERENCE=$(realpath -- "$(command -v -- "$2")") || exit 1
MODULE_DIR=${3:+$(realpath -- "$3")}
API_LIST=${4:+$(realpath -- "$4")}
PROGNAME=lua-under-test   # argv[0] for both interpreters; tests may change it
INPUT=/dev/null           # stdin for both interpreters; tests may change it
COMPARED="out err status" # what `same` compares; tests may leave a part out
failures=0

# The tests set the environment themselves; nothing from the caller's may leak in.
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4 TMUX

WORK=$(mktemp -d "${TMPDIR:-/tmp}/luaembed-interpreter.XXXXXX")
extra_cleanup() { :; }    # tests that start servers redefine this
trap 'extra_cleanup; chmod -R u+rwx "$WORK"; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

# run <label> <interpreter> [args...]: results in $WORK/<label>.out, .err and .status.
run() {
  local label=$1 interpreter=$2
  shift 2
  (exec -a "$PROGNAME" "$interpreter" "$@") <"$INPUT" >"$WORK/$label.out" 2>"$WORK/$label.err"
  echo $? >"$WORK/$label.status"
}

pass() { echo "ok: $1"; }
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# compare_runs <description>: the last runs labelled luaembed and reference must agree.
compare_runs() {
  local description=$1 part differs=0
  for part in $COMPARED; do
    if ! cmp -s "$WORK/luaembed.$part" "$WORK/reference.$part"; then
      echo "--- $description: $part differs (< luaembed, > lua5.4)"
      diff "$WORK/luaembed.$part" "$WORK/reference.$part" | head -n 40
      differs=1
    fi
  done
  if ((differs)); then fail "$description"; else pass "$description"; fi
}

# same <description> [args...]: luaembed and lua5.4 must agree exactly.
same() {
  local description=$1
  shift
  run luaembed "$LUAEMBED" "$@"
  run reference "$REFERENCE" "$@"
  compare_runs "$description"
}

# Checks on the last run of luaembed.
expect_status() {
  local status
  status=$(<"$WORK/luaembed.status")
  [[ $status == "$1" ]] || fail "exit status is $status, expected $1"
}
# expect_out <text>: stdout is exactly <text> and a newline.
expect_out() {
  cmp -s "$WORK/luaembed.out" <(printf '%s\n' "$1") ||
    fail "stdout is '$(<"$WORK/luaembed.out")', expected '$1'"
}
# expect_err_line <n> <text>: line n of stderr is exactly <text>.
expect_err_line() {
  local line
  line=$(sed -n "$1p" "$WORK/luaembed.err")
  [[ $line == "$2" ]] || fail "stderr line $1 is '$line', expected '$2'"
}
expect_no_out() {
  [[ ! -s $WORK/luaembed.out ]] || fail "unexpected stdout: $(<"$WORK/luaembed.out")"
}
expect_no_err() {
  [[ ! -s $WORK/luaembed.err ]] || fail "unexpected stderr: $(<"$WORK/luaembed.err")"
}

finish() {
  if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
