// Inheritance across the boundary:
//   implicit_inheritance  a base class's method called on a derived object, d:get()
//   base_from_derived     a function taking the second base of a class with two bases,
//                         called with the derived object: the pointer must be adjusted
//
// Plain C has no inheritance: a function that takes a base accepts each metatable that may
// stand for it (luaL_testudata in turn) and casts the pointer itself.
#include "harness.hpp"

#include <new>

namespace {

struct Base {
  lua_Integer value = 7;
  lua_Integer get() const { return value; }
};
struct Derived : Base {
  lua_Integer extra = 0;
};

struct Left {
  lua_Integer left = 1;
};
struct Right {
  lua_Integer right = 2;
};
struct Both : Left, Right {
  lua_Integer both = 3;
};

template <class T>
int construct(lua_State *L) {
  new (lua_newuserdatauv(L, sizeof(T), 0)) T;
  luaL_setmetatable(L, lua_tostring(L, lua_upvalueindex(1)));
  return 1;
}

// A metatable named name whose methods are `methods`, and a global name.new.
void register_c(lua_State *L, const char *name, lua_CFunction make, const luaL_Reg *methods) {
  luaL_newmetatable(L, name);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, name);
  lua_pushcclosure(L, make, 1);
  lua_setfield(L, -2, "new");
  lua_setglobal(L, name);
}

// ---- implicit inheritance ------------------------------------------------------------------

const Base *to_base(lua_State *L, int index) {
  if (void *object = luaL_testudata(L, index, "Base")) return static_cast<Base *>(object);
  if (void *object = luaL_testudata(L, index, "Derived")) return static_cast<Derived *>(object);
  luaL_typeerror(L, index, "Base");
  return nullptr;
}

int base_get(lua_State *L) {
  lua_pushinteger(L, to_base(L, 1)->get());
  return 1;
}

const char *const derived_setup = "d = Derived.new() local d = d";
const char *const derived_check = "assert(d:get() == 7)";

void implicit_inheritance_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  const luaL_Reg methods[] = {{"get", base_get}, {nullptr, nullptr}};
  register_c(L, "Base", construct<Base>, methods);
  register_c(L, "Derived", construct<Derived>, methods);
  bench::time_plain_loop(state, L, derived_setup, "local v = d:get()");
  bench::run_plain(L, derived_check);
  lua_close(L);
}

void implicit_inheritance_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.new_class<Base>("Base").constructor<>().method("get", &Base::get);
  lua.new_class<Derived>("Derived").constructor<>().base<Base>();
  bench::time_luaembed_loop(state, lua, derived_setup, "local v = d:get()");
  lua.exec(derived_check);
}

// ---- a base pointer from a derived object (multiple inheritance) ---------------------------

const Right *to_right(lua_State *L, int index) {
  if (void *object = luaL_testudata(L, index, "Right")) return static_cast<Right *>(object);
  if (void *object = luaL_testudata(L, index, "Both")) return static_cast<Both *>(object);
  luaL_typeerror(L, index, "Right");
  return nullptr;
}

int right_of(lua_State *L) {
  lua_pushinteger(L, to_right(L, 1)->right);
  return 1;
}

const char *const both_setup = "b = Both.new() local b = b";
const char *const both_check = "assert(right_of(b) == 2)";

void base_from_derived_c(benchmark::State &state) {
  lua_State *L = bench::open_plain();
  const luaL_Reg none[] = {{nullptr, nullptr}};
  register_c(L, "Left", construct<Left>, none);
  register_c(L, "Right", construct<Right>, none);
  register_c(L, "Both", construct<Both>, none);
  lua_register(L, "right_of", right_of);
  bench::time_plain_loop(state, L, both_setup, "local v = right_of(b)");
  bench::run_plain(L, both_check);
  lua_close(L);
}

void base_from_derived_luaembed(benchmark::State &state) {
  luaembed::State lua;
  lua.new_class<Left>("Left");
  lua.new_class<Right>("Right");
  lua.new_class<Both>("Both").constructor<>().base<Left>().base<Right>();
  lua["right_of"] = [](const Right &right) { return right.right; };
  bench::time_luaembed_loop(state, lua, both_setup, "local v = right_of(b)");
  lua.exec(both_check);
}

}  // namespace

BENCH_CASE(implicit_inheritance);
BENCH_CASE(base_from_derived);
