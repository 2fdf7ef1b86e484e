# Shared by the bundle tests. A test script starts with
#
#   source "$(dirname "$0")/lib.sh" "$@"
#
# and gets the arguments every test receives: the variant (dynamic or static), the bundle to
# run and the directory of Debian's native Lua modules. It then runs in an empty scratch
# directory, with LUA_PATH and LUA_CPATH pointing at nothing: what works, works from inside the
# executable. `run` starts the bundle with argv[0] "probe", so messages are the same for every
# build; the expect_* checks compare what it printed exactly.

set -uo pipefail

VARIANT=$1
BUNDLE=$(realpath -- "$2") || exit 1
DEBIAN_MODULES=${3:-}
PROGNAME=probe
failures=0

unset LUA_INIT LUA_INIT_5_4 LUA_PATH_5_4 LUA_CPATH_5_4
export LUA_PATH="/nonexistent/?.lua" LUA_CPATH="/nonexistent/?.so"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/luaembed-bundle.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
mkdir .results

# run [args...]: stdout, stderr and exit status of the bundle go to .results/.
run() {
  (exec -a "$PROGNAME" "$BUNDLE" "$@") </dev/null >.results/out 2>.results/err
  echo $? >.results/status
  last_run="$PROGNAME $*"
}

pass() { echo "ok: $1"; }
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# expect_status <n>
expect_status() {
  local status
  status=$(<.results/status)
  if [[ $status == "$1" ]]; then pass "exit status $1: $last_run"; else fail "exit status $status, expected $1: $last_run"; fi
}

# expect_<out|err>: the standard output or error is exactly the text on stdin.
expect_stream() {
  local stream=$1 expected
  expected=$(cat)
  [[ -n $expected ]] && expected+=$'\n'   # nothing expected: an empty stream, not a newline
  if diff -u <(printf '%s' "$expected") ".results/$stream" >.results/diff; then
    pass "std$stream of: $last_run"
  else
    fail "std$stream of: $last_run (- expected, + actual)"
    cat .results/diff
  fi
}
expect_out() { expect_stream out; }
expect_err() { expect_stream err; }
expect_no_out() { expect_stream out </dev/null; }
expect_no_err() { expect_stream err </dev/null; }

# expect_err_start: the first lines of stderr are the text on stdin (a traceback follows).
expect_err_start() {
  local expected lines
  expected=$(cat)
  lines=$(printf '%s\n' "$expected" | wc -l)
  if diff -u <(printf '%s\n' "$expected") <(head -n "$lines" .results/err) >.results/diff; then
    pass "stderr begins as expected: $last_run"
  else
    fail "stderr of: $last_run (- expected, + actual)"
    cat .results/diff
  fi
}

finish() {
  if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
