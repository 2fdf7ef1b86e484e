"""The cases of the suite, in the order of the report: the cases of the lua-bindings-shootout.

Each row: benchmark name (before the "/"), the variant timed against plain C, and its label.
A variant other than "luaembed" is another spelling of the same case in luaembed.
"""

GOAL = 1.10

ROWS = [
    ("global_get", "luaembed", "global get"),
    ("global_set", "luaembed", "global set"),
    ("table_get", "luaembed", "table get, `t.get(\"value\")`"),
    ("table_get", "luaembed_proxy", "table get, `t[\"value\"]`"),
    ("table_set", "luaembed", "table set, `t.set(\"value\", i)`"),
    ("table_set", "luaembed_proxy", "table set, `t[\"value\"] = i`"),
    ("table_chained_get", "luaembed", "chained table get, `a.b.c`"),
    ("table_chained_set", "luaembed", "chained table set, `a.b.c = i`"),
    ("c_function", "luaembed", "Lua calling a C++ function"),
    ("c_through_lua", "luaembed", "C++ function called through Lua from C++"),
    ("lua_function", "luaembed", "Lua function called from C++"),
    ("member_function_call", "luaembed", "member function call, `o:set(i) o:get()`"),
    ("field_get_small", "luaembed", "userdata field get, small class"),
    ("field_set_small", "luaembed", "userdata field set, small class"),
    ("field_get_wide_first", "luaembed", "userdata field get, 50-field class, first field"),
    ("field_get_wide_last", "luaembed", "userdata field get, 50-field class, last field"),
    ("field_set_wide_first", "luaembed", "userdata field set, 50-field class, first field"),
    ("field_set_wide_last", "luaembed", "userdata field set, 50-field class, last field"),
    ("multi_return", "luaembed", "multiple return, from C++"),
    ("multi_return_lua", "luaembed", "multiple return, from Lua"),
    ("stateful_function", "luaembed", "stateful function object"),
    ("return_userdata", "luaembed", "returning a userdata"),
    ("implicit_inheritance", "luaembed", "implicit inheritance (base method, derived object)"),
    ("base_from_derived", "luaembed", "base pointer from derived object (multiple inheritance)"),
    ("optional_success", "luaembed", "optional lookup, success"),
    ("optional_half_failure", "luaembed", "optional lookup, half failure"),
    ("optional_failure", "luaembed", "optional lookup, failure"),
]

# Host-side cases also have "c_each": plain C with one lua_pcall per operation.
EXTRA_ROWS = [("state_open", "luaembed", "state creation + standard libraries + close")]


def key(case, variant):
    return f"{case}/{variant}"
