#!/usr/bin/env bash
# example.sh <jsonpick bundle> <examples/bundle/sample>
# jsonpick, the example bundle, does its job from an empty directory with no Lua module
# anywhere it could find one: its scripts and cjson, lpeg and lfs are inside it.
sample=$(realpath -- "$2") || exit 1
source "$(dirname "$0")/lib.sh" example "$1"
PROGNAME=jsonpick
cp -r "$sample" sample

run --version
expect_status 0
expect_out <<'OUT'
jsonpick 1.0 (Lua 5.4, cjson 2.1.0, LPeg 1.0.2, LuaFileSystem 1.8.0)
OUT

run .name sample
expect_status 0
expect_no_err
expect_out <<'OUT'
sample/alpha.json: "alpha"
sample/beta.json: "beta"
OUT

run '.servers[1]' sample/alpha.json sample/
expect_status 0
expect_out <<'OUT'
sample/alpha.json: {"host":"alpha-1","port":8080}
sample/alpha.json: {"host":"alpha-1","port":8080}
sample/beta.json: {"host":"beta-1","port":9090}
OUT

run '.owner["on call"]' sample/alpha.json
expect_out <<'OUT'
sample/alpha.json: true
OUT

run . sample/beta.json
expect_out <<'OUT'
sample/beta.json: {"name":"beta","owner":null,"servers":[{"host":"beta-1","port":9090}],"tags":["red"]}
OUT

run '.servers[2].port' sample no_such.json sample/README.txt
expect_status 1
expect_out <<'OUT'
sample/alpha.json: 8081
OUT
expect_err <<'ERR'
jsonpick: no_such.json: no such file or directory
jsonpick: sample/beta.json: nothing at .servers[2]
jsonpick: sample/README.txt: not JSON: Expected value but found invalid token at character 1
ERR

run 'servers' sample
expect_status 2
expect_err <<'ERR'
jsonpick: bad path 'servers': expected .name, [index], ["key"] or .
ERR

run .name
expect_status 2
expect_err <<'ERR'
usage: jsonpick <path> <file-or-directory>...
       jsonpick --version
  <path> is where to look in each document: .name, .servers[1].host, ["a key"], or . for
  the whole document; indexes count from 1. A directory stands for its *.json files.
ERR

finish
