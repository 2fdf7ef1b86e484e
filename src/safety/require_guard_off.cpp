// Built without the require guard (LUAEMBED_REQUIRE_GUARD off, and inside C++ modules, which
// load into someone else's program): require stays Lua's own.
#include <luaembed/state.hpp>

namespace luaembed {

bool StateView::guard_native_modules(SecondLuaCore) const { return false; }

}  // namespace luaembed
