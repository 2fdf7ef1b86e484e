# Shared by the interpreter tests. A test script starts with
#
#   source "$(dirname "$0")/lib.sh" "$@"
#
# and gets the arguments every test receives: the luaembed interpreter, the reference (lua5.X
# or luajit: Debian's interpreter of the Lua luaembed links), the directory holding the test's
# C module and the generated list of the Lua C API. It then runs in a fresh scratch directory.
#
# `same` is the heart of it: luaembed and the reference run with the same arguments, stdin and
# environment, and stdout, stderr and exit status must be identical, byte for byte. Both get
# the same argv[0], so messages that start with the program name, and arg[-n], agree without
# any rewriting. The expect_* checks then pin what luaembed printed, so that a comparison
# cannot pass just because both sides failed the same uninteresting way.

set -uo pipefail

LUAEMBED=$(realpath -- "$1") || exit 1
REFERENCE=$(realpath -- "$(command -v -- "$2")") || exit 1
# The Lua under test, named by its reference interpreter: 51, 52, 53, 54 or jit. Expectations
# that differ between versions ask it (lua_is 53 54, lua_at_least 53).
case $(basename -- "$2") in
  lua5.1) LUA=51 ;;
  lua5.2) LUA=52 ;;
  lua5.3) LUA=53 ;;
  luajit*) LUA=jit ;;
  *) LUA=54 ;;
esac
lua_is() { [[ " $* " == *" $LUA "* ]]; }
lua_at_least() { [[ $LUA != jit && $LUA -ge $1 ]]; }
# What the reference says for -v (lua5.1 writes it on stderr), and its name without argv[0].
VERSION_LINE=$("$REFERENCE" -v 2>&1 </dev/null | head -n 1)
DEFAULT_NAME=lua
if lua_is jit; then DEFAULT_NAME=luajit; fi
# LUA_INIT_5_X and the other versioned variables (none in Lua 5.1 and LuaJIT).
VERSUFFIX=""
if lua_at_least 52; then VERSUFFIX="_5_${LUA#5}"; fi
MODULE_DIR=${3:+$(realpath -- "$3")}
API_LIST=${4:+$(realpath -- "$4")}
PROGNAME=lua-under-test   # argv[0] for both interpreters; tests may change it
INPUT=/dev/null           # stdin for both interpreters; tests may change it
COMPARED="out err status" # what `same` compares; tests may leave a part out
failures=0

# The tests set the environment themselves; nothing from the caller's may leak in.
for variable in LUA_INIT LUA_PATH LUA_CPATH; do
  unset "$variable" "${variable}_5_2" "${variable}_5_3" "${variable}_5_4"
done
unset TMUX

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
  normalize "$label"
}

# normalize <label>: makes the stderr of a run comparable where the reference itself varies.
normalize() {
  # LuaJIT's tracebacks name a C function by its address, which differs between programs.
  if lua_is jit; then sed -i 's/\[C\]: at 0x[0-9a-f]*/[C]: at 0xADDRESS/' "$WORK/$1.err"; fi
  # lua5.2 names a C function by the first path to it in _G, in hash order, which its random
  # string seed changes from run to run: 'require' or '_G.require'.
  if lua_is 52; then sed -i "s/function '_G\./function '/" "$WORK/$1.err"; fi
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
      echo "--- $description: $part differs (< luaembed, > $(basename "$REFERENCE"))"
      diff "$WORK/luaembed.$part" "$WORK/reference.$part" | head -n 40
      differs=1
    fi
  done
  if ((differs)); then fail "$description"; else pass "$description"; fi
}

# same <description> [args...]: luaembed and the reference must agree exactly.
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
