#!/usr/bin/env bash
# MODULES socket bundles the whole of LuaSocket: socket.core and mime.core from Debian's static
# archives, and its Lua half (socket, socket.url, socket.http, ltn12, mime, ...) embedded.
source "$(dirname "$0")/lib.sh" "$@"

run run 'local socket, from = require "socket"
local url = require "socket.url"
local mime = require "mime"
local ltn12 = require "ltn12"
print(socket._VERSION, from, select(2, require "socket.http"))
print(url.parse("http://example.org:8080/path?q=1").port, (mime.b64("bundle")), type(ltn12.pump.all))
print(math.type(socket.gettime()), type(socket.tcp()))
for _, name in ipairs { "socket.core", "mime.core" } do print(name, package.preload[name] ~= nil) end'
expect_status 0
expect_no_err
expect_out <<'OUT'
LuaSocket 3.0.0	socket.lua	socket/http.lua
8080	YnVuZGxl	function
float	userdata
socket.core	true
mime.core	true
OUT

finish
