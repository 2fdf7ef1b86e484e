// Table: an owning handle to a Lua table.
//
//   luaembed::Table config = lua.create_table();
//   config["window"] = lua.create_table();
//   config["window"]["width"] = 640;               // nested access through proxies
//   int width = config["window"]["width"].get<int>();
//   for (auto [key, value] : config.pairs()) ...    // every pair, raw (no __pairs)
//   for (int n : numbers.array<int>()) ...           // 1..#t, raw
//
// get/set and length honour metamethods and run protected; raw_get/raw_set/raw_length do not.
#pragma once

#include <luaembed/detail/bind.hpp>
#include <luaembed/value.hpp>

#include <optional>
#include <utility>

namespace luaembed {

namespace detail {
// Pushes a value, or binds a callable (a lambda, a function pointer) as a Lua function.
template <class V>
void push_any(lua_State *L, V &&value) {
  using Bare = std::remove_cvref_t<V>;
  if constexpr (Pushable<Bare>) luaembed::push(L, value);
  else if constexpr (Bindable<Bare>) push_callable(L, std::forward<V>(value));
  else static_assert(Pushable<Bare>, "luaembed: this type has no conversion to Lua; specialize luaembed::Converter<T>");
}
}  // namespace detail

template <class Key> class TableProxy;

class Table : public Reference {
public:
  class PairIterator;
  template <class T> class ArrayRange;

  Table() noexcept = default;
  // References the table at index; throws ConversionError when it is not one.
  Table(lua_State *L, int index);

  template <class V = Value, class K> V get(const K &key) const;
  template <class K, class V> void set(const K &key, V &&value) const;
  template <class V = Value, class K> V raw_get(const K &key) const;
  template <class K, class V> void raw_set(const K &key, V &&value) const;
  template <class K> TableProxy<K> operator[](K key) const { return TableProxy<K>(*this, std::move(key)); }

  // #t with __len; raw_length is lua_rawlen.
  lua_Integer length() const;
  std::size_t raw_length() const;

  std::optional<Table> metatable() const;
  void set_metatable(const std::optional<Table> &metatable) const;

  // Every key/value pair, in lua_next order.
  struct Pairs;
  Pairs pairs() const;
  // The sequence 1..raw_length(), converted to T.
  template <class T = Value> ArrayRange<T> array() const { return ArrayRange<T>(*this); }

private:
  template <class Operation> void with_table(int nresults, Operation &&operation) const;
};

class Table::PairIterator {
public:
  using value_type = std::pair<Value, Value>;
  using difference_type = std::ptrdiff_t;

  PairIterator() = default;
  explicit PairIterator(const Table &table);
  const value_type &operator*() const { return pair_; }
  const value_type *operator->() const { return &pair_; }
  PairIterator &operator++();
  bool operator==(const PairIterator &other) const { return done_ == other.done_; }

private:
  Table table_;
  value_type pair_;
  bool done_ = true;
};

struct Table::Pairs {
  Table table;  // a copy: `for (auto pair : make_table().pairs())` must not dangle
  PairIterator begin() const;
  PairIterator end() const;
};

inline Table::Pairs Table::pairs() const { return Pairs{*this}; }

template <class T>
class Table::ArrayRange {
public:
  explicit ArrayRange(const Table &table) : table_(table), length_(table.raw_length()) {}
  class Iterator {
  public:
    Iterator(const Table *table, lua_Integer position) : table_(table), position_(position) {}
    T operator*() const { return table_->raw_get<T>(position_); }
    Iterator &operator++() { return ++position_, *this; }
    bool operator==(const Iterator &other) const { return position_ == other.position_; }

  private:
    const Table *table_;
    lua_Integer position_;
  };
  Iterator begin() const { return {&table_, 1}; }
  Iterator end() const { return {&table_, static_cast<lua_Integer>(length_) + 1}; }
  std::size_t size() const { return length_; }

private:
  Table table_;
  std::size_t length_;
};

// t[key]: reads with get<T>() (or by conversion), writes with =, nests with [].
template <class Key>
class TableProxy {
public:
  TableProxy(Table table, Key key) : table_(std::move(table)), key_(std::move(key)) {}

  template <class T> T get() const { return table_.get<T>(key_); }
  template <class T> operator T() const { return get<T>(); }
  template <class T> bool is() const { return table_.get<Value>(key_).template is<T>(); }
  Type type() const { return table_.get<Value>(key_).type(); }
  template <class V> TableProxy &operator=(V &&value) {
    table_.set(key_, std::forward<V>(value));
    return *this;
  }
  template <class K> TableProxy<K> operator[](K key) const { return TableProxy<K>(get<Table>(), std::move(key)); }

private:
  Table table_;
  Key key_;
};

template <class Operation>
void Table::with_table(int nresults, Operation &&operation) const {
  detail::protect(lua_state(), 0, nresults, [&](lua_State *L) {
    push(L);
    return operation(L);
  });
}

template <class V, class K>
V Table::get(const K &key) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  with_table(1, [&](lua_State *L) {
    luaembed::push(L, key);
    lua_gettable(L, -2);
    return 1;
  });
  detail::StackGuard pop(L, base);
  return luaembed::get<V>(L, -1);
}

template <class K, class V>
void Table::set(const K &key, V &&value) const {
  with_table(0, [&](lua_State *L) {
    luaembed::push(L, key);
    detail::push_any(L, std::forward<V>(value));
    lua_settable(L, -3);
    return 0;
  });
}

template <class V, class K>
V Table::raw_get(const K &key) const {
  lua_State *L = lua_state();
  int base = lua_gettop(L);
  if constexpr (detail::push_may_raise<K>()) {
    with_table(1, [&](lua_State *L) {
      luaembed::push(L, key);
      lua_rawget(L, -2);
      return 1;
    });
  } else {  // a key that does not allocate: a raw read cannot raise
    detail::ensure_stack(L, 2);
    push(L);
    luaembed::push(L, key);
    lua_rawget(L, -2);
  }
  detail::StackGuard pop(L, base);
  return luaembed::get<V>(L, -1);
}

template <class K, class V>
void Table::raw_set(const K &key, V &&value) const {
  with_table(0, [&](lua_State *L) {
    luaembed::push(L, key);
    detail::push_any(L, std::forward<V>(value));
    lua_rawset(L, -3);
    return 0;
  });
}

template <>
struct Converter<Table> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const Table &value) { value.push(L); }
  static Table get(lua_State *L, int index) { return Table(L, index); }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

}  // namespace luaembed
