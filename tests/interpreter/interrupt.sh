#!/usr/bin/env bash
# SIGINT (Ctrl-C) while a script runs stops it with "interrupted!" and a traceback, status 1,
# as the reference interpreter does; the process does not die of the signal.
source "$(dirname "$0")/lib.sh" "$@"

cat >busy.lua <<'LUA'
io.write("ready\n") io.flush()
while true do end
LUA

# cpu_ticks <pid>: the CPU time the process has used so far, in clock ticks (user + system).
cpu_ticks() {
  local fields
  read -ra fields <"/proc/$1/stat" 2>/dev/null || { echo 0; return; }
  # Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
  local rest="${fields[*]}"
  rest=${rest##*) }
  read -ra fields <<<"$rest"
  echo $((fields[11] + fields[12]))
}

# wait_until_looping <pid>: "ready" is written from inside io.write and io.flush; a signal that
# arrives before they return makes the hook fire on their return, one level off, and the
# message says "busy.lua:1: interrupted!". Both interpreters do that; whether they do depends
# on the scheduler. Once the script has run for a few ticks of CPU time after "ready", it is
# in the loop, the few microseconds from the flush to the loop long past.
wait_until_looping() {
  local pid=$1 start deadline=$((SECONDS + 10))
  start=$(cpu_ticks "$pid")
  while (($(cpu_ticks "$pid") < start + 3)) && ((SECONDS < deadline)); do
    sleep 0.01
  done
}

# interrupt <label> <interpreter> [args...]: starts it, waits until the script runs, sends
# SIGINT, and records the results like `run`.
interrupt() {
  local label=$1 interpreter=$2 pid deadline=$((SECONDS + 10))
  shift 2
  # The previous run's output must be gone before the wait for "ready" starts: the child
  # truncates it only once it runs, and a stale "ready" would send the signal too early.
  rm -f "$WORK/$label.out"
  (exec -a "$PROGNAME" "$interpreter" "$@") </dev/null >"$WORK/$label.out" 2>"$WORK/$label.err" &
  pid=$!
  until grep -q ready "$WORK/$label.out" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid"
      fail "$label never started the script"
      break
    fi
    sleep 0.02
  done
  wait_until_looping "$pid"
  kill -INT "$pid"
  wait "$pid"
  echo $? >"$WORK/$label.status"
  normalize "$label"
}

# same, for a run that must be interrupted.
same_interrupted() {
  local description=$1
  shift
  interrupt luaembed "$LUAEMBED" "$@"
  interrupt reference "$REFERENCE" "$@"
  compare_runs "$description"
}

# LuaJIT checks for the interrupt only while it interprets: a loop it has compiled to machine
# code runs on (in luajit as in luaembed). These runs turn its compiler off.
JIT_OFF=()
if lua_is jit; then JIT_OFF=(-joff); fi

# luajit says where the running code was.
WHERE=""
if lua_is jit; then WHERE="busy.lua:2: "; fi

same_interrupted "Ctrl-C stops a script" "${JIT_OFF[@]}" busy.lua
expect_status 1
expect_err_line 1 "lua-under-test: ${WHERE}interrupted!"
expect_err_line 2 "stack traceback:"
same_interrupted "Ctrl-C stops an -e chunk" "${JIT_OFF[@]}" -e 'dofile("busy.lua")'
expect_status 1
same_interrupted "the script can catch it" "${JIT_OFF[@]}" -e 'print(pcall(dofile, "busy.lua")) print("went on")'
expect_status 0
expect_out $'ready\nfalse\t'"$WHERE"$'interrupted!\nwent on'

finish
