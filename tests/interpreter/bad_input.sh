#!/usr/bin/env bash
# Input that cannot work must fail cleanly: status 1, a message saying why, never a signal.
source "$(dirname "$0")/lib.sh" "$@"

mkdir a_directory
same "a directory as the script" a_directory
expect_status 1
expect_err_line 1 "lua-under-test: cannot read a_directory: Is a directory"

echo 'print("secret")' >unreadable.lua
chmod 000 unreadable.lua
if [[ $(id -u) -ne 0 ]]; then
  same "an unreadable script" unreadable.lua
  expect_status 1
  expect_err_line 1 "lua-under-test: cannot open unreadable.lua: Permission denied"
else
  echo "skip: an unreadable script (root reads any file; the directory case stands in)"
fi

printf '\033Lua' >truncated.luac
same "a truncated precompiled chunk" truncated.luac
expect_status 1
lua_is 54 && expect_err_line 1 "lua-under-test: truncated.luac: bad binary format (truncated chunk)"
printf '\033Lua\x54\x00garbage' >corrupted.luac
same "a corrupted precompiled chunk" corrupted.luac
expect_status 1
head -c 4096 "$REFERENCE" >binary.lua
same "an executable's bytes as the script" binary.lua
expect_status 1
lua_at_least 53 && expect_err_line 1 "lua-under-test: binary.lua:1: unexpected symbol near '<\\127>'"

mkdir broken
echo 'this is not an ELF file' >broken/notelf.so
same "a .so that is not an ELF file" -e 'package.cpath = "./broken/?.so" require("notelf")'
expect_status 1
expect_err_line 1 "lua-under-test: error loading module 'notelf' from file './broken/notelf.so':"
expect_err_line 2 $'\t./broken/notelf.so: file too short'
: >broken/empty.so
same "an empty .so" -e 'package.cpath = "./broken/?.so" require("empty")'
expect_status 1
# A real shared library, but not a Lua module: the reference interpreter's libm.
cp "$(ldd "$REFERENCE" | awk '/libm\.so/ { print $3 }')" broken/noentry.so
same "an ELF .so without luaopen_" -e 'package.cpath = "./broken/?.so" require("noentry")'
expect_status 1
expect_err_line 1 "lua-under-test: error loading module 'noentry' from file './broken/noentry.so':"

same "a module whose luaopen_ raises an error" -e "package.cpath = '$MODULE_DIR/?.so' require('raising')"
expect_status 1
expect_err_line 1 "lua-under-test: raising: this module refuses to load"
same "the same module through -l" -e "package.cpath = '$MODULE_DIR/?.so'" -l raising
expect_status 1
same "the loader's error caught with pcall" -e "package.cpath = '$MODULE_DIR/?.so' print(pcall(require, 'raising'))"
expect_status 0
expect_out $'false\traising: this module refuses to load'

finish
