// Keys in class metatables (class_keys.hpp): only their addresses matter.
#include "class_keys.hpp"

namespace luaembed::detail {

const char class_marker = 0;
const char methods_table = 0;
const char getters_table = 0;
const char setters_table = 0;
const char constructors_table = 0;
const char index_fallback = 0;
const char newindex_fallback = 0;
const char unfinalized_metatable = 0;

}  // namespace luaembed::detail
