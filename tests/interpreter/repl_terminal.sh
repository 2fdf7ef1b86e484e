#!/usr/bin/env bash
# The REPL in a real terminal: tmux gives the interpreter a pseudo-terminal, the test types
# into it and reads the screen. Covers the banner, expressions, continuation lines, errors,
# history (up arrow), non-ASCII input, Ctrl-C while code runs, and Ctrl-D. The same session is
# played on lua5.4, and the two final screens must match.
source "$(dirname "$0")/lib.sh" "$@"

SOCKET="luaembed-test-$$-$RANDOM"
# The pane outlives the interpreter, so the screen can still be read when it has ended.
printf 'set -g remain-on-exit on\nset -g history-limit 5000\n' >tmux.conf
tmux_() { tmux -u -L "$SOCKET" -f "$WORK/tmux.conf" "$@"; }
# The server leaves its socket behind; remove it too.
extra_cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
}

session=""  # the tmux session being played

# -J joins wrapped lines but keeps trailing blanks: drop them, as a reader would.
screen() { tmux_ capture-pane -p -J -S - -t "$session" | sed 's/[[:blank:]]*$//'; }
last_line() { screen | sed '/^$/d' | tail -n 1; }
shows_line() { screen | grep -Eq -- "$1"; }
shows_lines() { [[ $(screen | grep -Ec -- "$1") -eq $2 ]]; }
prompt_is() { [[ $(last_line) == "$1" ]]; }
# until_ <description> <command...>: polls the command for up to 10 s. On a timeout, shows
# the screen and ends the test: every later step depends on this one.
until_() {
  local description="$session: $1" deadline=$((SECONDS + 10))
  shift
  until "$@"; do
    if ((SECONDS >= deadline)); then
      fail "timed out waiting for: $description"
      echo "--- screen:"
      screen
      finish
    fi
    sleep 0.05
  done
  pass "$description"
}

# Typing waits for the prompt first: line editing discards what is typed before it starts.
type_line() {
  until_ "prompt '$1' before typing $2" prompt_is "$1"
  tmux_ send-keys -t "$session" -l "$2"
  tmux_ send-keys -t "$session" Enter
}

# play <session> <interpreter>: the whole session; leaves the final screen in <session>.screen.
play() {
  session=$1
  tmux_ new-session -d -x 120 -y 50 -s "$session" \
    -e HOME="$WORK" -e EDITRC="$WORK/no-editrc" -e INPUTRC="$WORK/no-inputrc" \
    -e LC_ALL=C.UTF-8 "$(printf '%q' "$2"); echo \"[exit status \$?]\"" ||
    { fail "tmux could not start"; finish; }

  until_ "the version banner" shows_line '^Lua 5\.4\.4  Copyright \(C\) 1994-2022 Lua\.org, PUC-Rio$'
  type_line ">" "1 + 1"
  until_ "an expression prints its value" shows_line '^2$'

  type_line ">" "function square(x)"
  type_line ">>" "  return x * x"
  type_line ">>" "end"
  type_line ">" "square(12)"
  until_ "a function defined over three lines works" shows_line '^144$'

  type_line ">" 'error("boom")'
  until_ "an error prints its message" shows_line '^stdin:1: boom$'
  type_line ">" "2 + 3"
  until_ "the session goes on after an error" shows_line '^5$'

  type_line ">" "10 * 10"
  until_ "a first result" shows_lines '^100$' 1
  until_ "the prompt is back" prompt_is ">"
  tmux_ send-keys -t "$session" Up
  until_ "the up arrow recalls the previous line" prompt_is "> 10 * 10"
  tmux_ send-keys -t "$session" Enter
  until_ "the recalled line runs again" shows_lines '^100$' 2

  type_line ">" 'print("héllo wörld")'
  until_ "non-ASCII input" shows_line '^héllo wörld$'

  type_line ">" 'print("looping") while true do end'
  until_ "a loop runs" shows_line '^looping$'
  tmux_ send-keys -t "$session" C-c
  until_ "Ctrl-C interrupts it" shows_line 'interrupted!$'
  type_line ">" "6 * 7"
  until_ "the session goes on after Ctrl-C" shows_line '^42$'

  until_ "the prompt before Ctrl-D" prompt_is ">"
  tmux_ send-keys -t "$session" C-d
  # The shell that ran the interpreter reports its status (tmux's own report can lag).
  until_ "Ctrl-D ends the session with status 0" shows_line '^\[exit status 0\]$'
  # libedit echoes the Ctrl-D that ends input as "^D"; GNU readline, in lua5.4, does not.
  # What tmux writes after the status line (its own notice, with the time) is not compared.
  screen | sed -e 's/^> ^D$/>/' -e '/^\[exit status/q' >"$WORK/$session.screen"
}

play luaembed "$LUAEMBED"
play reference "$REFERENCE"
if diff "$WORK/luaembed.screen" "$WORK/reference.screen"; then
  pass "the screen is lua5.4's"
else
  fail "the screens differ (< luaembed, > lua5.4)"
fi

finish
