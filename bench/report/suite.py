"""Runs the Google Benchmark suite: timed (medians of repetitions) and counted (instructions
per operation under callgrind, which does not depend on the load of the machine)."""

import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile


def run_timed(binary, repetitions, min_time):
    """Returns ({benchmark: median CPU ns per operation}, the run's context)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "suite.json")
        run_quietly([binary, f"--benchmark_repetitions={repetitions}", f"--benchmark_min_time={min_time}",
                     # repetitions of all cases in random order: a slow minute of the machine
                     # lands on every case a little, not on one case entirely
                     "--benchmark_enable_random_interleaving=true",
                     f"--benchmark_out={out}", "--benchmark_out_format=json"])
        with open(out) as f:
            data = json.load(f)
    times = {}
    for run in data["benchmarks"]:
        if run.get("run_type") == "iteration":
            times.setdefault(run["run_name"], []).append(to_ns(run["cpu_time"], run["time_unit"]))
    return {name: statistics.median(values) for name, values in times.items()}, data["context"]


def run_quietly(argv, env=None):
    """Runs argv; shows what it printed on stderr only when it fails."""
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({result.returncode}):\n{result.stderr}")


def to_ns(value, unit):
    return value * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


def run_counted(binary, operations):
    """Returns {benchmark: instructions per operation}, or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        env = dict(os.environ, BENCH_ITERATIONS=str(operations))
        run_quietly([valgrind, "--tool=callgrind", "--collect-atstart=no", f"--callgrind-out-file={out}", binary],
                    env=env)
        return read_dumps(glob.glob(out + ".*"))


def read_dumps(paths):
    """Each dump is one benchmark: "desc: Trigger: Client Request: <name> <operations>", totals."""
    counts = {}
    for path in paths:
        with open(path) as f:
            text = f.read()
        label = re.search(r"^desc: Trigger: Client Request: (\S+) (\d+)$", text, re.M)
        totals = re.search(r"^totals: (\d+)", text, re.M)
        if label and totals and int(label.group(2)) > 0:
            counts[label.group(1)] = int(totals.group(1)) / int(label.group(2))
    return counts
