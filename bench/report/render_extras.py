"""The extra figures of docs/benchmarks.md, and the notes on method."""

import render


def compile_lines(rows, runs):
    lines = ["### Compiling a binding", "",
             f"One translation unit compiled alone with the build's own command and flags (from "
             f"`compile_commands.json`): median CPU time (user + system) of {runs} runs, and the largest "
             "resident set of the compiler.", "",
             "| translation unit | CPU time | peak memory |", "|---|---:|---:|"]
    for row in rows:
        source = f" (`{row['source']}`)" if row["source"] else ""
        lines.append(f"| {row['label']}{source} | {row['seconds']:.2f} s | {row['peak_mib']:.0f} MiB |")
    return lines + [""]


def size_lines(sizes):
    count = sizes["luaembed"]["count"]
    lines = ["### Program size per bound function", "",
             f"`bench/hosts/bound_functions.cpp` built with 0 and with {count} bound functions, each a "
             "`(lua_Integer, double) -> double` of a type of its own (a lambda, or a C function), then stripped "
             "(`strip --strip-all`).", "",
             f"| binding | 0 functions | {count} functions | per function |", "|---|---:|---:|---:|"]
    for kind, label in (("luaembed", "luaembed"), ("c", "plain C API")):
        row = sizes[kind]
        lines.append(f"| {label} | {row['empty']:,} B | {row['full']:,} B | {row['per_function']:.0f} B |")
    return lines + [""]


def startup_lines(times, counts):
    c, ours = times.get("state_open/c"), times.get("state_open/luaembed")
    instructions = ""
    if counts and counts.get("state_open/c"):
        instructions = (f"; instructions {counts['state_open/luaembed']:,.0f} against {counts['state_open/c']:,.0f} "
                        f"({counts['state_open/luaembed'] / counts['state_open/c']:.2f}×)")
    return ["### State creation", "",
            f"A state with every standard library, then closed: `luaembed::State` takes {render.ns(ours)}, "
            f"`luaL_newstate` + `luaL_openlibs` + `lua_close` {render.ns(c)} "
            f"({render.times_text(render.ratio(ours, c))}{instructions}). luaembed also creates its per-state "
            "record (with the registry references of its string cache) and warning handler, and counts "
            "allocations.", ""]


def require_lines(rows, runs):
    lines = ["### Cold `require` of native modules", "",
             f"The first `require` in a fresh process — `dlopen`, binding the module's undefined Lua C API "
             f"symbols, `luaopen_*` — timed inside the process; median of {runs} processes, in µs. "
             "Run one yourself: `build-bench/bin/luaembed_bench_require cjson`.", "",
             "| host | cjson | lpeg | lfs |", "|---|---:|---:|---:|"]
    for row in rows:
        t = row["microseconds"]
        lines.append(f"| {row['label']} (`{row['binary']}`) | {t['cjson']:.0f} | {t['lpeg']:.0f} | {t['lfs']:.0f} |")
    return lines + [""]


def export_lines(rows):
    lines = ["### Export footprint", "",
             "Dynamic symbols defined by each program (`nm -D --defined-only <program> | wc -l`), and its "
             "stripped size.", "",
             "| program | dynamic symbols | Lua C API | C library data | libstdc++ | program's own | stripped |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        k = row["kinds"]
        lines.append(f"| {row['label']} | {row['count']:,} | {k['api']} | {k['libc']} | {k['libstdcxx']} | "
                     f"{k['own']:,} | {row['stripped']:,} B |")
    lines += ["", "The libstdc++ entries are `std::string` members the program instantiated and libstdc++.so also "
              "defines: the linker exports them so that the library binds to one copy. Nothing of the program's "
              "own is exported by luaembed; `--export-dynamic` exports all of it.", ""]
    return lines


def vm_lines(vm, runs):
    if vm is None:
        return ["### Interpreter speed", "", "Debian's `lua5.4` is not installed: not measured.", ""]
    lines = ["### Interpreter speed", "",
             f"`build-bench/bin/luaembed` (static Lua) against `{vm['reference']}` (Debian's, on the shared "
             f"liblua5.4.so) on the scripts of `bench/vm/`, run alternately; median CPU time (user + system) "
             f"of {runs} runs of each, whole process. Both print the same results (checked).", "",
             "| script | luaembed | lua5.4 | luaembed / lua5.4 |", "|---|---:|---:|---:|"]
    product = 1.0
    for row in vm["rows"]:
        r = row["luaembed"] / row["lua5.4"]
        product *= r
        lines.append(f"| `{row['script']}` | {row['luaembed'] * 1e3:.0f} ms | {row['lua5.4'] * 1e3:.0f} ms "
                     f"| {r:.2f}× |")
    geomean = product ** (1 / len(vm["rows"]))
    lines += [f"| geometric mean | | | {geomean:.2f}× |", ""]
    return lines


def method_lines(params):
    return [
        "## Method", "",
        "- Every case is written twice in the same program, `bench/<concept>.cpp`: once with the plain Lua "
        "C API as a careful C programmer writes it (`luaL_check*` for every argument, `luaL_checkudata` for "
        "objects), once with luaembed. Both compute the same thing and check it after the run.",
        "- Cases where Lua calls C++ run the same Lua loop, `for i = 1, n do <body> end`, for both versions.",
        "- Cases the host drives (globals, tables, calls from C++, optional lookups) run the plain version "
        "inside one `lua_pcall` per batch of 100 operations — the way a C host runs its code, as `lua.c` "
        "does — which is what makes `luaL_check*` safe to use there. luaembed has no enclosing call: each "
        "operation stands alone, and protects itself when it can raise (reading or overwriting a field that "
        "is present cannot). `<case>/c_each` is the plain version with one `lua_pcall` per operation (for "
        "calls into Lua, the `lua_pcall` of the function itself).",
        "- Times: Google Benchmark, 100 operations per batch (`KeepRunningBatch`), CPU time per operation, "
        "median of the repetitions; the ratio is luaembed's median over plain C's.",
        "- Instructions: `BENCH_ITERATIONS=" + str(params["operations"]) + " valgrind --tool=callgrind "
        "--collect-atstart=no build-bench/bin/luaembed_bench` runs every benchmark for exactly that many "
        "operations, counts only the batches, and dumps each benchmark's count under its name. Add "
        "`--compress-strings=no --benchmark_filter=<name>` and read the dump with `callgrind_annotate` to "
        "profile one case.",
        "- CI runs the suite only as a smoke test (`ctest -R bench.smoke`: every benchmark once, with "
        "`--benchmark_min_time=0.001`), never as a timed test.",
    ]
