// The 50-field class bound with the plain C API: the counterpart of wide_binding_luaembed.cpp
// in the compile-cost figures.
#include "field_class.hpp"
#include "wide_class.hpp"

namespace bench {

void bind_wide_c(lua_State *L) { register_fields_c<Wide>(L); }

}  // namespace bench
