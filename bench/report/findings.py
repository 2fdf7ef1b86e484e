"""Why a case is above the goal, and what would bring it down: the diagnosis behind each slow
case, from callgrind profiles of the suite. The report prints the finding of every case whose
ratio is above the goal; a case above it without a finding is flagged as undiagnosed."""

API_CALLS = {
    "reason": (
        "No `lua_pcall`: a field that is present (or a nil from a table whose metatable, if any, has no "
        "`__index`) is read, and a present one overwritten, without one (`src/api/path.cpp`), with string keys "
        "pushed from the state's string cache (a registry reference per string, found by the key's content "
        "when it is up to 16 bytes long, by the address of its text otherwise), so that nothing can allocate "
        "or raise. What remains is the number of Lua API calls. A global read is `lua_gettop`, "
        "`lua_checkstack`, `lua_rawgeti` of the globals, `lua_rawgeti` of the cached key, `lua_rawget`, "
        "`lua_tointegerx` and `lua_settop`, where plain C makes three: `lua_getglobal` finds the globals, "
        "interns the key through `luaS_new`'s cache and looks it up in one call. Those seven calls cost some "
        "230 instructions by themselves (callgrind, per operation), as much as the whole plain C read (220); "
        "luaembed's own code adds about 140 (the proxy, the string cache lookup, some 50, and the checks). A write costs more: it must find the key "
        "present first (`lua_rawget`, then `lua_rawset`: two lookups where `lua_setglobal` makes one), because "
        "`lua_rawset` of a new key may allocate, hence raise, and `lua_settable` of an absent one may run "
        "`__newindex`; the public API has no single call that only overwrites. Against plain C that protects "
        "each access with its own `lua_pcall` (the last column), luaembed is faster on every read."),
    "plan": [
        "Done: one string key (`lua[\"x\"]`, `t.get(\"x\")`, `t[\"x\"] = v`) is read and written by short "
        "functions of its own, and the quiet walk of longer paths is kept apart from the protected retry, so "
        "that the common case sets up no exception frame. Callgrind, instructions per operation, before → "
        "after: global get 408 → 378, global set 551 → 508, table get 404 → 381, table set 555 → 509, "
        "chained get 805 → 742, chained set 953 → 900, optional success / half failure / failure "
        "617 / 609 / 429 → 588 / 580 / 421. (Earlier: the quiet walk inlined, short keys compared as two "
        "words: global get 447 → 408.)",
        "Writes keep their presence check: without it a write could raise outside `lua_pcall`, which the "
        "safety rules forbid. Within the API the price of a write is two lookups; below 1.10× against "
        "`lua_setglobal` needs an API that overwrites only (a `lua_rawset` that fails instead of inserting), "
        "which no Lua has.",
        "What is left is the price of doing each access on its own, as a C++ API must: the plain C host keeps "
        "its state on the stack across a batch. Only a different API could go further: a scope that keeps the "
        "globals (or a table) on the stack for several accesses would save the push of the table and the stack "
        "bookkeeping of each. Not done: it would be a second way to do what `lua[\"x\"]` does.",
    ],
}

PROTECTED_CALL = {
    "reason": (
        "`Function::call` makes one `lua_pcall` of the function itself (arguments that cannot raise are "
        "pushed first; results are read where `lua_pcall` leaves them, with a fixed result count), plus "
        "the push of the message handler that records the traceback, `lua_checkstack`, `lua_gethook` (the "
        "call limits start a fresh budget) and `lua_settop`. Against a plain C host that protects each call "
        "itself (the last column) a Lua function called from C++ costs 521 instructions against 429 "
        "(callgrind; 533 before the handle checked its state once per call): about 60 of the 92 are those calls (the handler's push and its index in `lua_pcall` "
        "some 30, `lua_checkstack` 20, `lua_gettop` and `lua_gethook` 10), the rest luaembed's own code. The plain C host of the main column calls with `lua_call` inside its "
        "batch's one `lua_pcall`, which no C++ API can do for its callers (see the plan)."),
    "plan": [
        "Below 1.10× of an unprotected `lua_call` needs several calls to share one protected call. With Lua "
        "compiled as C a Lua error is a `longjmp`, which must not cross the C++ code between the calls (it "
        "would skip destructors): only with Lua compiled as C++ (`LUAEMBED_LUA_CXX`) or LuaJIT, where Lua "
        "errors unwind, could a scope run C++ code inside one `lua_pcall` and call with `lua_call`. Not done: "
        "the figures here are for Lua built as C, the default, where such a scope is unsound.",
        "Such a scope would also push the message handler once; per call it is about 30 instructions.",
    ],
}

FIELDS = {
    "reason": (
        "A property access is one C call, as in the plain binding: `__index` is `index_dispatch`, which looks "
        "the key up in the getters table, where a data member is a `FieldAccessor` that the dispatch calls "
        "directly: the object is proven by comparing its metatable with the dispatch's upvalues (two "
        "`lua_rawequal`, then `lua_touserdata`), and the member is pushed from the object. The plain binding "
        "checks its object with `luaL_checkudata` and looks in one table of fields: the same work, give or "
        "take a call."),
    "plan": [
        "Prove the object with one comparison: a class whose objects all need a finalizer, or none, has one "
        "metatable, and its dispatch needs no second `lua_rawequal`.",
    ],
}

RETURN_USERDATA = {
    "reason": (
        "Returning an object is one allocation and no protected call: when the results and the arguments are "
        "trivially destructible and the push of the object raises before anything is constructed, a Lua error "
        "there skips no destructor, so the push runs in the callback's own frame; and an object with nothing "
        "to destroy gets the class metatable without `__gc`, so Lua keeps no finalizer for it. Since the last "
        "report: objects carry no user value unless their class asks (`user_values(n)`: a user value made the "
        "collector traverse every object), the header is 24 bytes instead of 48 (the destroy and share hooks "
        "are reached through the class record, one per way of holding), the object follows the header without padding, the "
        "class metatable is found through an integer registry reference the state keeps from the registration "
        "(instead of `lua_rawgetp`, Lua's generic hash lookup), and the class record is constant-initialized. "
        "Callgrind, instructions per operation: 1,247 → 946 (plain C: 868). What remains is the larger block "
        "(the 24-byte header: one allocator size class above plain C's block), the state's allocator counting "
        "each block, and the call that finds the state's record (`lua_getallocf`)."),
    "plan": [
        "The header could lose its object pointer for objects held by value (the object follows it), at the "
        "price of a branch on every method call; not worth it while the header keeps the block within one "
        "size class of plain C's.",
    ],
}

TRAMPOLINE = {
    "reason": (
        "The trampoline does a little more than the hand-written C function: `lua_checkstack` before "
        "pushing results (`push_results`), the argument tuple and the `try` region of `run_callable` — "
        "some 20 instructions a call."),
    "plan": [
        "Skipping `lua_checkstack` in `push_results` when the results fit in the `LUA_MINSTACK` slots Lua "
        "guarantees every C function would save some 20 instructions, but a callback that left values of its "
        "own on the stack (through the raw API) would then overflow it. Not done: the instructions are within "
        "the goal already.",
    ],
}

METHOD = {
    "reason": (
        "Each method call checks `self` through `object_pointer` → `userdata_header`: `lua_getmetatable`, "
        "a `lua_rawgetp` of the class marker and a pop, then the `destroyed` and `is_const` flags."),
    "plan": [
        "Give each method closure the class metatables as upvalues, as `index_dispatch` has them, so that the "
        "exact-class case is `lua_getmetatable` + `lua_rawequal`; the marker lookup remains for derived objects.",
    ],
}

FINDINGS = {
    "global_get": API_CALLS, "global_set": API_CALLS,
    "table_get": API_CALLS, "table_set": API_CALLS,
    "table_chained_get": API_CALLS, "table_chained_set": API_CALLS,
    "optional_success": API_CALLS, "optional_half_failure": API_CALLS, "optional_failure": API_CALLS,
    "c_through_lua": PROTECTED_CALL, "lua_function": PROTECTED_CALL, "multi_return_lua": PROTECTED_CALL,
    "field_get_small": FIELDS, "field_set_small": FIELDS,
    "field_get_wide_first": FIELDS, "field_get_wide_last": FIELDS,
    "field_set_wide_first": FIELDS, "field_set_wide_last": FIELDS,
    "return_userdata": RETURN_USERDATA,
    "c_function": TRAMPOLINE, "multi_return": TRAMPOLINE, "stateful_function": TRAMPOLINE,
    "member_function_call": METHOD,
}


def finding(case, variant):
    return FINDINGS.get(f"{case}/{variant}") or FINDINGS.get(case)
