"""Why a case is above the goal, and what would bring it down: the diagnosis behind each slow
case, from callgrind profiles of the suite. The report prints the finding of every case whose
ratio is above the goal; a case above it without a finding is flagged as undiagnosed."""

PROTECTED_ACCESS = {
    "reason": (
        "Each operation runs in a `lua_pcall` of its own (`detail::protect` → `call_protected`): it "
        "pushes the traceback handler, a C function and the job, moves them under the arguments with "
        "`lua_rotate`, enters `lua_pcall` (a `setjmp`), calls `run_protected_job`, which drops its job "
        "slot with `lua_remove` (a second rotate), and afterwards removes the handler (a third). Under "
        "callgrind that is about 650 of the ~800 instructions a global get costs beyond plain C. The plain "
        "C host pays one `lua_pcall` per batch of 100 operations; the table's last column compares with "
        "the same C paying one `lua_pcall` per operation. Global names are also pushed with `lua_pushlstring`, which "
        "hashes the name on every call, where `lua_getglobal` goes through `luaS_new`'s cache keyed by the "
        "string's address."),
    "plan": [
        "`protect()` without arguments (`nargs == 0`: every get and set): push handler, function and job in "
        "that order, so nothing rotates; `run_protected_job` leaves its job slot in place (the results are "
        "the top values) and the handler is dropped with `lua_replace`/`lua_settop` instead of `lua_remove`.",
        "A path without `lua_pcall` when the operation cannot raise, in `Table::get/set` and "
        "`GlobalProxy::get/operator=`: the table has no metatable (`lua_getmetatable` returns 0, so raw "
        "access is the same access), the key is pushed without allocating (a number, a boolean, or a string "
        "key found in a per-state cache of interned keys — keyed by the address of the key's text and "
        "checked with `memcmp`, as `luaS_new`'s own cache is, holding registry references, filled on the "
        "protected path the first time), the value pushed does not allocate, and for a set the key is "
        "already present (`lua_rawget` first), so `lua_rawset` cannot grow the table. Everything else keeps "
        "the protected path. This is the change that reaches the goal.",
        "Keys given as `const char*`: `lua_getfield`/`lua_setfield`/`lua_getglobal`, whose interning is "
        "cached by address, instead of `lua_pushlstring`.",
    ],
}

PROTECTED_CALL = {
    "reason": (
        "`Function::call` goes through `call_protected`: a `lua_pcall` of `run_protected_job`, which then "
        "`lua_call`s the function — two calls for one, plus the three `lua_rotate`s of `protect`. The plain "
        "C host calls with `lua_call` inside its batch's one `lua_pcall`."),
    "plan": [
        "When no argument's push can raise (`push_may_raise` false: numbers, booleans, handles, "
        "`StackValue`), push the handler, the function and the arguments, and `lua_pcall` the function "
        "itself: one call, no `run_protected_job` frame, no rotation. Arguments that allocate keep the "
        "present path.",
        "What remains is one `lua_pcall` per call — what any host pays to survive an error in the called "
        "function and carry on, and what the last column compares with (plain C calling with `lua_pcall`). "
        "Against plain C calling unprotected inside one batch, ≤ 1.10× is out of reach as long as every "
        "call of the C++ API is protected on its own; a scope that protects several calls at once would "
        "need Lua compiled as C++ (`LUAEMBED_LUA_CXX`), where a Lua error unwinds C++ frames properly.",
    ],
}

HANDLES = {
    "reason": (
        "Every step that yields a table makes a `Table` handle: `GlobalProxy::operator[]` calls "
        "`get<Table>()` — a protected lookup, then `Reference::Reference`: `state_data()` (a registry "
        "lookup), `lua_pushvalue` and a protected `luaL_ref` — and the handle's destructor calls "
        "`luaL_unref`. `lua[\"a\"][\"b\"][\"c\"]` makes two handles and runs five protected calls "
        "where the plain C version runs none per operation. `t[\"value\"]` copies the `Table` into its "
        "`TableProxy`: a new registry reference, and a second protected call, for every access."),
    "plan": [
        "Proxies as paths: `GlobalProxy::operator[]` and `TableProxy::operator[]` return a proxy holding "
        "its keys (a tuple of the key types) that resolves the whole path in one protected operation on "
        "`get`/`=`: push the globals or the table, `lua_gettable` per key, convert the last value. No "
        "registry reference at all.",
        "A proxy made from an lvalue `Table` borrows it (`operator[](K) const &` keeps a pointer, "
        "`operator[](K) &&` keeps the moved handle), so `t[\"value\"]` costs what `t.get(\"value\")` costs.",
        "`std::optional<T>` reads through a path give `std::nullopt` for a nil anywhere on the path, so the "
        "optional lookup becomes `lua[\"warble\"][\"value\"].get<std::optional<lua_Integer>>()`, one "
        "protected call; with the raw path of the global and table cases, none.",
    ],
}

FIELDS = {
    "reason": (
        "A property access is two C calls where the plain C binding makes one: `__index` is "
        "`index_dispatch`, which looks the key up in the methods table (a miss), then in the getters "
        "table, then `lua_call`s the getter — a bound lambda whose trampoline checks the object again "
        "through `userdata_header` (`lua_getmetatable` and a `lua_rawgetp` of the class marker). A write "
        "goes through `newindex_dispatch`, which also fetches the setters table from the metatable on "
        "every write, then `lua_call`s the setter. Both bindings find a field by hashing its name, so the "
        "first and the fiftieth field cost the same."),
    "plan": [
        "Data members without a C++ call of their own: file them in the getters/setters tables as a light "
        "userdata pointing to a static accessor (`read`/`write` function pointers instantiated per member "
        "pointer), which `index_dispatch`/`newindex_dispatch` recognise by type and call directly — no "
        "`lua_call`, no trampoline. A conversion failure on write raises after the C++ frame ends, as the "
        "trampoline does.",
        "Check the object once, in the dispatch, by comparing its metatable with the one in the "
        "dispatch's upvalue (`lua_rawequal`; each class, derived ones too, has its own dispatch, so "
        "equality proves the dynamic class); the marker lookup stays for the slow path.",
        "Give `newindex_dispatch` the setters table as an upvalue, and look up getters before methods "
        "when the class has properties.",
    ],
}

OPTIONAL = {
    "reason": (
        "The lookup reads `warble` as `std::optional<Table>` (a protected global read), then, when it is "
        "a table, makes a `Table` handle of it (a protected `luaL_ref`, released with `luaL_unref`) and "
        "reads `value` (a third protected call). Failure stops after the first read, so it costs one "
        "protected call — the price of the global get above — against plain C's `lua_getglobal`."),
    "plan": [HANDLES["plan"][0], HANDLES["plan"][2], PROTECTED_ACCESS["plan"][1]],
}

RETURN_USERDATA = {
    "reason": (
        "Returning an object takes two nested `lua_pcall`s and a finalizer. `push_results` protects the "
        "push because `Converter<T>::push_may_raise` is true, and inside it `push_object` → `new_userdata` "
        "protects again. The class metatable has `__gc` (`collect_userdata`), so `lua_setmetatable` puts "
        "every object on the finalizer list and the collector later calls `__gc` for each through a "
        "protected call (`GCTM`). The plain C version has one allocation, `luaL_setmetatable`, and no "
        "`__gc` for a trivially destructible type."),
    "plan": [
        "`new_userdata` without its own `protect` when the caller is already protected (a `push_object` "
        "variant for use inside `protect`, used by `push_results` and `Converter<T>::push`).",
        "`push_results` unprotected when the result and every stored argument are trivially "
        "destructible: a longjmp that skips only trivially destructible objects is defined behaviour "
        "([csetjmp.syn]).",
        "For a class whose `T` is trivially destructible, objects held by value get a second metatable, "
        "the class's without `__gc` (same marker and tables, created with the class): nothing to "
        "finalize. Shared, unique and borrowed holdings keep `__gc`.",
    ],
}

TRAMPOLINE = {
    "reason": (
        "The trampoline does a little more than the hand-written C function: `lua_checkstack` before "
        "pushing results (`push_results`), the argument tuple and the `try` region of `run_callable` — "
        "some 20 instructions a call."),
    "plan": [
        "Skip `lua_checkstack` in `push_results` when the results fit in the `LUA_MINSTACK` slots Lua "
        "guarantees every C function (count known at compile time).",
    ],
}

METHOD = {
    "reason": (
        "Each method call checks `self` through `object_pointer` → `userdata_header`: `lua_getmetatable`, "
        "a `lua_rawgetp` of the class marker and a pop, then the `destroyed` and `is_const` flags."),
    "plan": [
        "Give each method closure the class metatable as a second upvalue, so that the exact-class case "
        "is `lua_getmetatable` + `lua_rawequal`; the marker lookup remains for derived objects.",
    ],
}

FINDINGS = {
    "global_get": PROTECTED_ACCESS, "global_set": PROTECTED_ACCESS,
    "table_get": PROTECTED_ACCESS, "table_set": PROTECTED_ACCESS,
    "c_through_lua": PROTECTED_CALL, "lua_function": PROTECTED_CALL, "multi_return_lua": PROTECTED_CALL,
    "table_chained_get": HANDLES, "table_chained_set": HANDLES,
    "table_get/luaembed_proxy": HANDLES, "table_set/luaembed_proxy": HANDLES,
    "optional_success": OPTIONAL, "optional_half_failure": OPTIONAL, "optional_failure": OPTIONAL,
    "field_get_small": FIELDS, "field_set_small": FIELDS,
    "field_get_wide_first": FIELDS, "field_get_wide_last": FIELDS,
    "field_set_wide_first": FIELDS, "field_set_wide_last": FIELDS,
    "return_userdata": RETURN_USERDATA,
    "c_function": TRAMPOLINE, "multi_return": TRAMPOLINE, "stateful_function": TRAMPOLINE,
    "member_function_call": METHOD,
}


def finding(case, variant):
    return FINDINGS.get(f"{case}/{variant}") or FINDINGS.get(case)
