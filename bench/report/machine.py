"""What the figures were measured on: the machine, the compiler, and the Lua build."""

import os
import platform
import re
import subprocess


def cmake_cache(build_dir):
    values = {}
    with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
        for line in f:
            match = re.match(r"^([A-Za-z_0-9]+):[A-Z]+=(.*)$", line.rstrip("\n"))
            if match:
                values[match.group(1)] = match.group(2)
    return values


def first_line(argv):
    try:
        result = subprocess.run(argv, capture_output=True, text=True)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def debian_package_of(path):
    """'package version' of the Debian package that installed path, or None."""
    try:
        owner = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True, check=True).stdout
        package = owner.split(":")[0]
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                 capture_output=True, text=True, check=True).stdout
        return f"{package} {version}"
    except (OSError, subprocess.CalledProcessError):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gib():
    try:
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        return kib / 1024 / 1024
    except (OSError, AttributeError):
        return None


def os_name():
    try:
        with open("/etc/os-release") as f:
            return re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M).group(1)
    except (OSError, AttributeError):
        return platform.system()


def lua_release(include_dir):
    try:
        with open(os.path.join(include_dir, "lua.h")) as f:
            text = f.read()
        parts = [re.search(rf'#define LUA_VERSION_{p}\s+"(\d+)"', text).group(1) for p in ("MAJOR", "MINOR", "RELEASE")]
        return ".".join(parts)
    except (OSError, AttributeError):
        return "unknown"


def describe(build_dir, context):
    cache = cmake_cache(build_dir)
    compiler = cache.get("CMAKE_CXX_COMPILER", "c++")
    build_type = cache.get("CMAKE_BUILD_TYPE", "")
    archive = cache.get("LUAEMBED_LUA_ARCHIVE", "")
    return {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "mhz": context.get("mhz_per_cpu"),
        "memory_gib": memory_gib(),
        "os": os_name(),
        "kernel": platform.release(),
        "load": context.get("load_avg"),
        "compiler": first_line([compiler, "--version"]),
        "build_type": build_type,
        "flags": cache.get(f"CMAKE_CXX_FLAGS_{build_type.upper()}", "").strip(),
        "benchmark": debian_package_of("/usr/include/benchmark/benchmark.h") or "Google Benchmark",
        "benchmark_build": context.get("library_build_type", "unknown"),
        "lua_release": lua_release(cache.get("LUAEMBED_LUA_INCLUDE_DIR", "")),
        "lua_archive": os.path.basename(archive),
        "lua_package": debian_package_of(archive) if archive else None,
        "lua_as_cxx": cache.get("LUAEMBED_LUA_CXX", "OFF").upper() in ("ON", "1", "TRUE", "YES"),
        "reference_lua": first_line(["lua5.4", "-v"]),
        "reference_package": debian_package_of("/usr/bin/lua5.4"),
    }
