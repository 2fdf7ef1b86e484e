// Table handles: length, metatables and iteration.
#include <luaembed/table.hpp>

namespace luaembed {

lua_Integer Table::length() const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  with_table(1, [](lua_State *L) {
    lua_len(L, -1);
    return 1;
  });
  detail::StackGuard pop(L, base);
  return luaembed::get<lua_Integer>(L, -1);
}

std::size_t Table::raw_length() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 1);
  push(L);
  std::size_t length = lua_rawlen(L, -1);
  lua_pop(L, 1);
  return length;
}

std::optional<Table> Table::metatable() const {
  lua_State *L = lua_state();
  detail::ensure_stack(L, 2);
  int base = lua_gettop(L);
  push(L);
  if (!lua_getmetatable(L, -1)) {
    lua_settop(L, base);
    return std::nullopt;
  }
  detail::StackGuard pop(L, base);
  return Table(L, -1);
}

void Table::set_metatable(const std::optional<Table> &metatable) const {
  with_table(0, [&](lua_State *L) {
    if (metatable) metatable->push(L);
    else lua_pushnil(L);
    lua_setmetatable(L, -2);
    return 0;
  });
}

Table::PairIterator Table::Pairs::begin() const { return PairIterator(table); }
Table::PairIterator Table::Pairs::end() const { return PairIterator(); }

Table::PairIterator::PairIterator(const Table &table) : table_(table), done_(false) { ++*this; }

// lua_next raises for a key that left the table: run it protected. Leaves key and value, or
// nil and nil at the end.
Table::PairIterator &Table::PairIterator::operator++() {
  lua_State *L = table_.lua_state();
  int base = lua_gettop(L);
  detail::protect(L, 0, 2, [this](lua_State *L) {
    table_.push(L);
    pair_.first.push(L);
    if (lua_next(L, -2) == 0) {
      lua_pushnil(L);
      lua_pushnil(L);
    }
    return 2;
  });
  detail::StackGuard pop(L, base);
  done_ = lua_isnil(L, -2);
  pair_ = done_ ? value_type{} : value_type{Value(L, -2), Value(L, -1)};
  return *this;
}

}  // namespace luaembed
