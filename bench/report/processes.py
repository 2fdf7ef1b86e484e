"""Whole-process figures: cold `require` of native modules, and the interpreter's VM speed
against Debian's lua5.4 on a fixed mix of scripts."""

import os
import shutil
import statistics
import subprocess

MODULES = ["cjson", "lpeg", "lfs"]
REQUIRE_HOSTS = [("luaembed (C++ API, static Lua)", "luaembed_bench_require"),
                 ("plain C API, same static Lua", "luaembed_bench_require_c"),
                 ("plain C API, Debian's shared liblua5.4.so", "luaembed_bench_require_shared")]
VM_SCRIPTS = ["fib.lua", "tables.lua", "strings.lua", "closures.lua"]


def cold_require(bin_dir, runs):
    """Median microseconds of the first `require` in a fresh process, per host and module; the
    hosts take turns, so that a busy moment of the machine is shared among them."""
    hosts = [(label, name, os.path.join(bin_dir, name)) for label, name in REQUIRE_HOSTS
             if os.path.exists(os.path.join(bin_dir, name))]
    samples = {(name, module): [] for _, name, _ in hosts for module in MODULES}
    for _ in range(runs):
        for module in MODULES:
            for _, name, path in hosts:
                samples[(name, module)].append(float(run([path, module])))
    return [{"label": label, "binary": name,
             "microseconds": {module: statistics.median(samples[(name, module)]) for module in MODULES}}
            for label, name, _ in hosts]


def run(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout.strip()


def vm_speed(interpreter, scripts_dir, runs, reference="lua5.4"):
    """Median CPU seconds (user + system) of each script under both interpreters, run alternately."""
    reference = shutil.which(reference)
    if reference is None:
        return None
    rows = []
    for script in VM_SCRIPTS:
        path = os.path.join(scripts_dir, script)
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(timed([interpreter, path]))
            theirs.append(timed([reference, path]))
        if len({output for _, output in ours + theirs}) != 1:
            raise RuntimeError(f"{script}: the two interpreters print different results")
        rows.append({"script": script, "luaembed": statistics.median(t for t, _ in ours),
                     "lua5.4": statistics.median(t for t, _ in theirs)})
    return {"reference": reference, "rows": rows}


def timed(argv):
    """CPU seconds of the whole process, and what it printed. CPU time, not wall time: on a
    loaded machine the wait for a processor is not the interpreter's."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed")
    return usage.ru_utime + usage.ru_stime, output.strip()
