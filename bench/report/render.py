"""Writes docs/benchmarks.md from the measurements."""

import cases
import findings


def ns(value):
    if value is None:
        return "–"
    if value >= 1e6:
        return f"{value / 1e6:.2f} ms"
    if value >= 1e3:
        return f"{value / 1e3:.1f} µs"
    return f"{value:.1f} ns"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def times_text(value, goal=None):
    if value is None:
        return "–"
    text = f"{value:.2f}×"
    return f"**{text}**" if goal is not None and value > goal else text


def rows(times, counts):
    """Every row of the table: labels, absolute medians and ratios."""
    result = []
    for case, variant, label in cases.ROWS:
        c, ours, each = (times.get(cases.key(case, v)) for v in ("c", variant, "c_each"))
        instructions = None
        if counts:
            instructions = ratio(counts.get(cases.key(case, variant)), counts.get(cases.key(case, "c")))
        result.append({"case": case, "variant": variant, "label": label, "c": c, "ours": ours,
                       "ratio": ratio(ours, c), "each": ratio(ours, each), "instructions": instructions})
    return result


def finding_groups(table):
    """The slow rows grouped by their finding, in the order of the table."""
    groups, undiagnosed = [], []
    for row in table:
        if row["ratio"] is None or row["ratio"] <= cases.GOAL:
            continue
        found = findings.finding(row["case"], row["variant"])
        if found is None:
            undiagnosed.append(row)
            continue
        for group in groups:
            if group["finding"] is found:
                group["rows"].append(row)
                break
        else:
            groups.append({"finding": found, "rows": [row]})
    for number, group in enumerate(groups, 1):
        group["anchor"] = f"f{number}"
        for row in group["rows"]:
            row["anchor"] = group["anchor"]
    return groups, undiagnosed


def results_table(table):
    lines = ["| case | plain C | luaembed | **luaembed / C** | instructions, luaembed / C "
             "| luaembed / C with a `lua_pcall` each |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in table:
        mark = f" [↓](#{row['anchor']})" if row.get("anchor") else ""
        lines.append(f"| {row['label']} | {ns(row['c'])} | {ns(row['ours'])} | "
                     f"{times_text(row['ratio'], cases.GOAL)}{mark} | {times_text(row['instructions'])} | "
                     f"{times_text(row['each'])} |")
    return lines


def findings_section(groups, undiagnosed):
    lines = []
    for group in groups:
        found = group["finding"]
        names = "; ".join(f"{row['label']} ({times_text(row['ratio'])})" for row in group["rows"])
        lines += [f'<a id="{group["anchor"]}"></a>', "", f"### {names}", ""]
        quiet = [row for row in group["rows"] if row["instructions"] is not None and row["instructions"] <= cases.GOAL]
        if quiet:
            lines += ["Instruction counts are within the goal for "
                      + ", ".join(row["label"] for row in quiet)
                      + ": the time ratio there is mostly the noise of the machine.", ""]
        lines += [f"**Why.** {found['reason']}", "", "**Plan.**", ""]
        lines += [f"{number}. {step}" for number, step in enumerate(found["plan"], 1)]
        lines.append("")
    for row in undiagnosed:
        lines += [f"### {row['label']} ({times_text(row['ratio'])})", "",
                  "No diagnosis recorded yet: profile it (see *Method*) and add it to `bench/report/findings.py`.", ""]
    return lines


def machine_section(info, params):
    load = ", ".join(f"{x:.2f}" for x in info["load"]) if info.get("load") else "unknown"
    memory = f"{info['memory_gib']:.1f} GiB" if info.get("memory_gib") else "unknown"
    lua_build = ("compiled as C++ (`LUAEMBED_LUA_CXX=ON`)" if info["lua_as_cxx"]
                 else "compiled as C (errors are `longjmp`)")
    return [
        f"- CPU: {info['cpu']}, {info['cpus']} logical CPUs at {info['mhz']} MHz; memory {memory}",
        f"- System: {info['os']}, Linux {info['kernel']}; load average at the start: {load}",
        f"- Compiler: {info['compiler']}, `{info['build_type']}` build (`{info['flags']}`)",
        f"- Lua: {info['lua_release']}, Debian's static `{info['lua_archive']}` "
        f"({info['lua_package'] or 'unknown package'}), {lua_build}, linked whole into each program",
        f"- Google Benchmark: {info['benchmark']} (its library reports a `{info['benchmark_build']}` build; "
        "the timed code is ours, built as above)",
        f"- Runs: {params['repetitions']} repetitions of every benchmark, at least {params['min_time']} s each, "
        "interleaved in random order; the figure is the median of the CPU time per operation. Instructions: one "
        f"run of {params['operations']} operations per benchmark under callgrind.",
    ]


def write(path, data):
    table = rows(data["times"], data["counts"])
    groups, undiagnosed = finding_groups(table)
    over = [row for row in table if row["ratio"] is not None and row["ratio"] > cases.GOAL]
    lines = ["# Benchmarks", "",
             "luaembed against the plain Lua C API, case by case, on the cases of the lua-bindings-shootout, "
             "with the figures of what binding costs besides time. Generated by `scripts/run-benchmarks` "
             "(the only command to run; it builds what it measures) — do not edit by hand.", "",
             "```sh", data["command"], "```", "",
             "## Machine and build", ""]
    lines += machine_section(data["info"], data["params"])
    lines += ["", "## Results", "",
              f"The goal is **≤ {cases.GOAL:.2f}×** on every case. "
              f"{len(over)} of {len(table)} rows are above it.", "",
              "*luaembed / C* is the ratio of the medians of the times (the absolute times are context: "
              "they depend on the machine and its load). *Instructions* is the same ratio counted by "
              "callgrind, which does not depend on the load. The last column, for the cases the host "
              "drives, compares with plain C that protects each operation with its own `lua_pcall`, as "
              "luaembed does.", ""]
    lines += results_table(table)
    lines += ["", "## Cases above the goal", ""]
    lines += findings_section(groups, undiagnosed) or ["None.", ""]
    lines += data["extras_lines"]
    lines += data["method_lines"]
    with open(path, "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")
    return over, undiagnosed
