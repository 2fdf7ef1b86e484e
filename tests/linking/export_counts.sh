#!/usr/bin/env bash
# export_counts.sh <host-linked-with-export-dynamic> <host-linked-with-luaembed> <own-functions>
# --export-dynamic makes module loading work by exporting every global symbol of the host,
# its own functions included; luaembed exports the Lua C API only. Prints both counts.
set -euo pipefail
everything=$1 luaembed=$2 own=$3
count() { nm -D --defined-only "$1" | wc -l; }
own_exported=$(nm -D --defined-only "$everything" | grep -c luaembed_test_host_function || true)
echo "exported dynamic symbols: --export-dynamic $(count "$everything"), luaembed $(count "$luaembed")"
echo "host functions exported: --export-dynamic $own_exported of $own, luaembed 0"
if (( own_exported < own )); then
  echo "FAIL: --export-dynamic was expected to export all $own host functions"; exit 1
fi
