"""What binding costs in the program file: stripped bytes per bound function, and the export
footprint (dynamic symbols) of luaembed hosts against the same host linked --export-dynamic."""

import os
import re
import subprocess
import tempfile


def stripped_size(path):
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "stripped")
        subprocess.run(["strip", "--strip-all", "-o", copy, path], check=True)
        return os.path.getsize(copy)


def size_per_function(bin_dir, count=100):
    """For luaembed and plain C: stripped sizes with 0 and `count` bound functions."""
    result = {}
    for kind in ("luaembed", "c"):
        empty = stripped_size(os.path.join(bin_dir, f"luaembed_bench_size_{kind}_0"))
        full = stripped_size(os.path.join(bin_dir, f"luaembed_bench_size_{kind}_{count}"))
        result[kind] = {"empty": empty, "full": full, "per_function": (full - empty) / count, "count": count}
    return result


def dynamic_symbols(path):
    output = subprocess.run(["nm", "-D", "--defined-only", path], check=True, capture_output=True, text=True).stdout
    return [line.split()[-1] for line in output.splitlines() if line.strip()]


def classify(symbols):
    """Counts by kind: the Lua C API, C library data, C++ runtime instantiations, the rest."""
    kinds = {"api": 0, "libc": 0, "libstdcxx": 0, "own": 0}
    for name in symbols:
        if re.match(r"^(lua_|luaL_|luaopen_)", name):
            kinds["api"] += 1
        elif name.split("@")[0] in ("stdin", "stdout", "stderr"):
            kinds["libc"] += 1
        elif name.startswith("_ZNSt") or name.startswith("_ZSt"):
            kinds["libstdcxx"] += 1
        else:
            kinds["own"] += 1
    return kinds


def export_footprint(bin_dir):
    hosts = [("benchmark suite (`luaembed_bench`)", "luaembed_bench"),
             ("same suite linked with `-Wl,--export-dynamic`", "luaembed_bench_export_dynamic"),
             ("interpreter (`luaembed`)", "luaembed"),
             ("100 bound functions (`luaembed_bench_size_luaembed_100`)", "luaembed_bench_size_luaembed_100")]
    rows = []
    for label, name in hosts:
        path = os.path.join(bin_dir, name)
        if not os.path.exists(path):
            continue
        symbols = dynamic_symbols(path)
        rows.append({"label": label, "binary": name, "count": len(symbols), "kinds": classify(symbols),
                     "stripped": stripped_size(path)})
    return rows
