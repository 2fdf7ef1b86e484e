#!/usr/bin/env bash
# Embedded scripts are found by require under their module names, with dots; they come before
# the file system; the bundled native modules come from package.preload.
source "$(dirname "$0")/lib.sh" "$@"

run run 'local m, file = require "probe.deep.module"
print(m.name, m.file, file, package.loaded["probe.deep.module"] == m)'
expect_status 0
expect_no_err
expect_out <<'OUT'
probe.deep.module	probe/deep/module.lua	probe/deep/module.lua	true
OUT

run run 'local probe, file = require "probe"
print(probe.name, probe.loaded_as[1], probe.loaded_as[2], file, (require "lone"))'
expect_out <<'OUT'
probe	probe	probe/init.lua	probe/init.lua	the module lone, from lone.lua
OUT

# A file of the same name next to the program does not shadow the embedded module; a module
# that only exists as a file still loads from package.path. require's second result says
# where each came from.
printf 'return "lone.lua from the disk"\n' >lone.lua
printf 'return "disk_only.lua from the disk"\n' >disk_only.lua
run run 'package.path = "./?.lua"; print(require "lone"); print(require "disk_only")'
expect_status 0
expect_out <<'OUT'
the module lone, from lone.lua	lone.lua
disk_only.lua from the disk	./disk_only.lua
OUT

# The native modules: all luaopen_ functions of an archive (cjson and cjson.safe), each from
# package.preload, working.
run run 'for _, name in ipairs { "cjson", "cjson.safe", "lpeg", "lfs" } do
  print(name, select(2, require(name)))
end
local lpeg = require "lpeg"
print(require("cjson").encode { 1, 2 }, require("cjson.safe").decode "[", lpeg.match(lpeg.C(lpeg.R "az" ^ 1), "bundle!"),
  require("lfs").attributes(".", "mode"))'
expect_status 0
expect_no_err
expect_out <<'OUT'
cjson	:preload:
cjson.safe	:preload:
lpeg	:preload:
lfs	:preload:
[1,2]	nil	bundle	directory
OUT

# Where require looks, in order; a fully static bundle has no C searchers but its own.
run run 'require "nosuch.sub"'
expect_status 1
if [[ $VARIANT == static ]]; then
  expect_err_start <<'ERR'
probe: (command line):1: module 'nosuch.sub' not found:
	no field package.preload['nosuch.sub']
	no embedded module 'nosuch.sub'
	no file '/nonexistent/nosuch/sub.lua'
	no native module 'nosuch.sub' (this program is fully static: native modules must be bundled with luaembed_bundle(... MODULES ...))
stack traceback:
ERR
else
  expect_err_start <<'ERR'
probe: (command line):1: module 'nosuch.sub' not found:
	no field package.preload['nosuch.sub']
	no embedded module 'nosuch.sub'
	no file '/nonexistent/nosuch/sub.lua'
	no file '/nonexistent/nosuch/sub.so'
	no file '/nonexistent/nosuch.so'
stack traceback:
ERR
fi

finish
