"""Why a case is above the goal, and what would bring it down: the diagnosis behind each slow
case, from callgrind profiles of the suite. The report prints the finding of every case whose
ratio is above the goal; a case above it without a finding is flagged as undiagnosed."""

API_CALLS = {
    "reason": (
        "No `lua_pcall` any more: a field that is present (or a nil from a table whose metatable, if any, has "
        "no `__index`) is read, and a present one overwritten, without one (`src/api/path.cpp`), with string keys pushed from the "
        "state's string cache (a registry reference per string, found by the key's content when it is up to "
        "16 bytes long, by the address of its text otherwise), so that nothing can allocate or raise. What remains is the number of Lua API "
        "calls. A global read is `lua_checkstack`, `lua_gettop`, `lua_rawgeti` of the globals, `lua_rawgeti` "
        "of the cached key, `lua_rawget`, `lua_tointegerx` and `lua_settop`, where plain C makes three: "
        "`lua_getglobal` finds the globals, interns the key through `luaS_new`'s cache and looks it up in one "
        "call. Around them luaembed spends some 150 instructions of its own: the proxy and its root, the "
        "path's slots, the cache lookup (the key read as two words from each end, hashed, compared with "
        "two entries), the stack room and the restoring of the stack on an exception. A write costs more: it must find the key present first (`lua_rawget`, "
        "then `lua_rawset`: two lookups where `lua_setglobal` makes one), because `lua_rawset` of a new key may "
        "allocate, hence raise, and `lua_settable` of an absent one may run `__newindex`; the public API has no "
        "single call that only overwrites."),
    "plan": [
        "Done in part: the quiet walk is inlined into its callers and a short key is compared as two words, "
        "which took 50-90 instructions off each read (callgrind, per operation: global get 447 → 398, "
        "table get 452 → 403, optional failure 503 → 428). Next, a one-key path compiled for its key type "
        "(`lua[\"x\"]`, `t.get(k)`, `t.set(k, v)`): no slot array, no switch on the slot's kind; some 50 "
        "instructions more.",
        "Writes keep their presence check: without it a write could raise outside `lua_pcall`, which the "
        "safety rules forbid. Within the API the price of a write is two lookups; below 1.10× against "
        "`lua_setglobal` needs an API that overwrites only (a `lua_rawset` that fails instead of inserting), "
        "which no Lua has.",
        "What is left is the price of doing each access on its own, as a C++ API must: the plain C host keeps "
        "its state on the stack across a batch. A scope that keeps the globals (or a table) on the stack for "
        "several accesses would save the push of the table and the stack bookkeeping of each.",
    ],
}

PROTECTED_CALL = {
    "reason": (
        "`Function::call` makes one `lua_pcall` of the function itself (arguments that cannot raise are "
        "pushed first; results are read where `lua_pcall` leaves them, with a fixed result count), plus "
        "the push of the message handler that records the traceback, `lua_checkstack`, `lua_gethook` and "
        "`lua_settop`: the last column compares with a plain C host that protects each call itself, and the "
        "difference is those few calls. The plain C host of the main column calls with `lua_call` inside its "
        "batch's one `lua_pcall`, which no C++ API can do for its callers (see the plan)."),
    "plan": [
        "Below 1.10× of an unprotected `lua_call` needs several calls to share one protected call. With Lua "
        "compiled as C a Lua error is a `longjmp`, which must not cross the C++ code between the calls (it "
        "would skip destructors): only with Lua compiled as C++ (`LUAEMBED_LUA_CXX`) or LuaJIT, where Lua "
        "errors unwind, could a scope run C++ code inside one `lua_pcall` and call with `lua_call`.",
        "The message handler could be pushed once per scope as well; per call it is about 35 instructions.",
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
        "Returning an object is now one allocation and no protected call: when the results and the arguments "
        "are trivially destructible and the push of the object raises before anything is constructed, a Lua "
        "error there skips no destructor, so the push runs in the callback's own frame; and an object with "
        "nothing to destroy gets the class metatable without `__gc`, so Lua keeps no finalizer for it. What "
        "remains is the size of the block and what comes with it: a 48-byte `UserdataHeader` before the "
        "16-byte `Point`, and one user value (every luaembed object has one, for `Value::user_value`), which "
        "makes the collector traverse the userdata instead of marking it at once; the class metatable is "
        "found with `lua_rawgetp` (a light-userdata key: Lua's generic hash lookup) where `luaL_setmetatable` "
        "finds its string key through `luaS_new`'s cache; and the state's allocator counts each block."),
    "plan": [
        "A 24-byte header: the class, the object and the holding with its flags; the destroy and share hooks "
        "reached through the class record instead of stored in each object.",
        "User values on request (a `Class` option) instead of on every object.",
        "The class metatable kept in an upvalue of the bound function's closure, filled at its first call.",
    ],
}

TRAMPOLINE = {
    "reason": (
        "The trampoline does a little more than the hand-written C function: `lua_checkstack` before "
        "pushing results (`push_results`), the argument tuple and the `try` region of `run_callable` — "
        "some 20 instructions a call."),
    "plan": [
        "Skip `lua_checkstack` in `push_results` when the results fit in the `LUA_MINSTACK` slots Lua "
        "guarantees every C function (count known at compile time), for calls that are not continuations.",
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
