#!/usr/bin/env bash
# openresty_luajit.sh <dir> <command...>
# matrix.luajit2 links OpenResty's LuaJIT, whose Debian packages (libluajit2-5.1-dev, luajit2)
# cannot be installed next to Debian's LuaJIT: scripts/install-dependencies unpacks them in
# <dir> instead, and writes <dir>/packages last. Stops saying so when they are not there;
# otherwise runs the command (build_and_test.sh, with options pointing into <dir>).
set -euo pipefail
dir=$1
shift
if [[ ! -f $dir/packages || ! -x $dir/usr/bin/luajit || ! -f $dir/usr/include/luajit-2.1/luajit.h ]]; then
  echo "matrix.luajit2: OpenResty's LuaJIT is not unpacked in $dir." >&2
  echo "Run scripts/install-dependencies: it downloads libluajit2-5.1-dev, libluajit2-5.1-2 and luajit2" >&2
  echo "and unpacks them in /opt/luaembed/openresty-luajit (they conflict with Debian's LuaJIT, so they" >&2
  echo "are not installed), the default of LUAEMBED_OPENRESTY_LUAJIT_DIR." >&2
  exit 1
fi
echo "OpenResty's LuaJIT in $dir: $(paste -sd ' ' "$dir/packages")"
exec "$@"
