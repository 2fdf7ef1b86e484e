"""Time and peak memory to compile one translation unit: the 50-field class bound with luaembed,
the same class bound with the plain C API, and a unit that only includes luaembed.hpp.

The compiler command is the build's own (compile_commands.json), so the flags are the
benchmark build's. Peak memory is the largest resident set of the compiler's processes."""

import json
import os
import shlex
import statistics
import subprocess
import tempfile

UNITS = [
    ("50-field class bound with luaembed", "bench/wide_binding_luaembed.cpp"),
    ("the same class bound with the plain C API", "bench/wide_binding_c.cpp"),
    ("only `#include <luaembed/luaembed.hpp>`", None),
]


def measure(build_dir, root, runs):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    template = find_entry(entries, os.path.join(root, "bench/wide_binding_luaembed.cpp"))
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        header_only = os.path.join(scratch, "header_only.cpp")
        with open(header_only, "w") as f:
            f.write("#include <luaembed/luaembed.hpp>\nint header_only() { return 0; }\n")
        for label, source in UNITS:
            entry = find_entry(entries, os.path.join(root, source)) if source else template
            argv = command_for(entry, header_only if source is None else None, os.path.join(scratch, "unit.o"))
            samples = [compile_once(argv, entry["directory"]) for _ in range(runs)]
            results.append({"label": label, "source": source,
                            "seconds": statistics.median(s[0] for s in samples),
                            "peak_mib": max(s[1] for s in samples)})
    return results


def find_entry(entries, path):
    for entry in entries:
        if os.path.realpath(entry["file"]) == os.path.realpath(path):
            return entry
    raise RuntimeError(f"{path} is not in compile_commands.json: configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON")


def command_for(entry, replacement_source, output):
    argv = entry.get("arguments") or shlex.split(entry["command"])
    argv = list(argv)
    argv[argv.index("-o") + 1] = output
    if replacement_source:
        argv[argv.index(entry["file"])] = replacement_source
    return argv


def compile_once(argv, directory):
    """CPU seconds (user + system) and peak resident MiB of one compilation, the compiler
    driver and its children together. CPU time, not wall time: on a loaded machine the wait
    for a processor is not the compiler's."""
    process = subprocess.Popen(argv, cwd=directory)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"compilation failed: {shlex.join(argv)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
