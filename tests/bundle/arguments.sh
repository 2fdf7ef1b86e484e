#!/usr/bin/env bash
# The command line reaches the main script as `arg` (the program at 0) and as `...`.
source "$(dirname "$0")/lib.sh" "$@"

run args one "two words" "" '*' -e
expect_status 0
expect_no_err
expect_out <<'OUT'
#arg 6, arg[0] probe
arg[1] args
arg[2] one
arg[3] two words
arg[4] 
arg[5] *
arg[6] -e
... holds 5 values after the command
1	one
2	two words
3	
4	*
5	-e
OUT

run args
expect_status 0
expect_out <<'OUT'
#arg 1, arg[0] probe
arg[1] args
... holds 0 values after the command
OUT

# Options of lua5.4 mean nothing to a bundle: they are arguments of its script.
run run 'print(select("#", ...), ...)' -v -- -i
expect_status 0
expect_out <<'OUT'
3	-v	--	-i
OUT

PROGNAME=/some/where/probe-tool
run run 'print(arg[0], arg[-1])'
expect_out <<'OUT'
/some/where/probe-tool	nil
OUT

finish
