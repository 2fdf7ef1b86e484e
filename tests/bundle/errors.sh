#!/usr/bin/env bash
# Errors of a bundle: "<program>: <message>" and the traceback on stderr, exit status 1, and
# every position named after the embedded file it is in, as it was named in the source tree.
source "$(dirname "$0")/lib.sh" "$@"

run fail
expect_status 1
expect_no_out
expect_err <<'ERR'
probe: main.lua:20: expected a positive number, got -1
stack traceback:
	[C]: in function 'error'
	main.lua:20: in upvalue 'check_positive'
	main.lua:25: in local 'handler'
	main.lua:34: in main chunk
	[C]: in ?
ERR

run run 'error("plain")'
expect_status 1
expect_err <<'ERR'
probe: (command line):1: plain
stack traceback:
	[C]: in function 'error'
	(command line):1: in local 'chunk'
	main.lua:16: in local 'handler'
	main.lua:34: in main chunk
	[C]: in ?
ERR

# Error objects as lua5.4 shows them: described by __tostring, or by their type.
run run 'error(setmetatable({}, { __tostring = function() return "described" end }))'
expect_status 1
expect_err <<'ERR'
probe: described
ERR
run run 'error({})'
expect_status 1
expect_err_start <<'ERR'
probe: (error object is a table value)
stack traceback:
ERR

# An embedded module that does not compile, and one that fails while it loads.
run run 'require "probe.syntax_error"'
expect_status 1
expect_err_start <<'ERR'
probe: error loading module 'probe.syntax_error' from embedded file 'probe/syntax_error.lua':
	probe/syntax_error.lua:3: unexpected symbol near <eof>
stack traceback:
ERR
run run 'require "probe.raises"'
expect_status 1
expect_err <<'ERR'
probe: probe/raises.lua:3: raised while loading
stack traceback:
	[C]: in function 'error'
	probe/raises.lua:3: in local 'explode'
	probe/raises.lua:5: in main chunk
	[C]: in function 'require'
	(command line):1: in local 'chunk'
	main.lua:16: in local 'handler'
	main.lua:34: in main chunk
	[C]: in ?
ERR

# os.exit and a script that ends normally.
run run 'io.write("bye\n") os.exit(7)'
expect_status 7
expect_out <<'OUT'
bye
OUT
run run 'print("done")'
expect_status 0
expect_no_err

finish
