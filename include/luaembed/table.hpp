// Table: an owning handle to a Lua table.
//
//   luaembed::Table config = lua.create_table();
//   config["window"] = lua.create_table();
//   config["window"]["width"] = 640;               // nested access through proxies
//   int width = config["window"]["width"].get<int>();
//   for (auto [key, value] : config.pairs()) ...    // every pair, raw (no __pairs)
//   for (int n : numbers.array<int>()) ...           // 1..#t, raw
//
// get/set and length honour metamethods and run protected when they can raise (a field that
// is present is read and overwritten without lua_pcall: detail/path.hpp); raw_get/raw_set/
// raw_length do not use metamethods.
#pragma once

#include <luaembed/detail/bind.hpp>
#include <luaembed/detail/path.hpp>
#include <luaembed/value.hpp>

#include <array>
#include <new>
#include <optional>
#include <tuple>
#include <utility>

namespace luaembed {

template <class... Keys> class TableProxy;

namespace detail {
template <class T> inline constexpr bool is_table_proxy = false;
template <class... Keys> inline constexpr bool is_table_proxy<TableProxy<Keys...>> = true;
}  // namespace detail

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
  // t[key]: a proxy that refers to this handle (keep it alive while the proxy is used), or
  // that keeps the table when the handle is a temporary.
  template <class K> TableProxy<K> operator[](K key) const & { return TableProxy<K>(*this, std::move(key)); }
  template <class K> TableProxy<K> operator[](K key) && { return TableProxy<K>(std::move(*this), std::move(key)); }

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
  detail::PathStart path_start() const { return {lua_state(), data_, this}; }
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

namespace detail {
// Where a proxy's path starts: the globals, a table handle it borrows, or one it keeps.
class PathRoot {
public:
  PathRoot(lua_State *L, StateData *data) noexcept : L_(L), data_(data) {}
  explicit PathRoot(const Table &table) noexcept : borrowed_(&table) {}
  explicit PathRoot(Table &&table) noexcept : owns_(true) { new (&owned_) Table(std::move(table)); }
  PathRoot(const PathRoot &other) : L_(other.L_), data_(other.data_), borrowed_(other.borrowed_) {
    if (other.owns_) new (&owned_) Table(other.owned_);
    owns_ = other.owns_;
  }
  PathRoot(PathRoot &&other) noexcept : L_(other.L_), data_(other.data_), borrowed_(other.borrowed_), owns_(other.owns_) {
    if (owns_) new (&owned_) Table(std::move(other.owned_));
  }
  PathRoot &operator=(const PathRoot &) = delete;
  ~PathRoot() {
    if (owns_) owned_.~Table();
  }

  PathStart start() const {
    const Table *table = owns_ ? &owned_ : borrowed_;
    if (table == nullptr) return {L_, data_, nullptr};
    return {table->lua_state(), table->state_record(), table};
  }

private:
  lua_State *L_ = nullptr;
  StateData *data_ = nullptr;
  const Table *borrowed_ = nullptr;
  union {
    Table owned_;  // only when owns_: most roots are the globals or a borrowed handle
  };
  bool owns_ = false;
};
}  // namespace detail

// t[k1][k2]... and lua["name"][k]...: reads with get<T>() (or by conversion), writes with =,
// nests with []. The path is resolved when it is read or written, in one go; a nil on the way
// is an error (ConversionError: a table is expected) except for a std::optional read, which
// gives std::nullopt. A proxy made from a Table lvalue refers to it: use the proxy while the
// handle lives.
template <class... Keys>
class TableProxy {
public:
  TableProxy(detail::PathRoot root, Keys... keys) : root_(std::move(root)), keys_(std::move(keys)...) {}
  TableProxy(const Table &table, Keys... keys) : root_(table), keys_(std::move(keys)...) {}
  TableProxy(Table &&table, Keys... keys) : root_(std::move(table)), keys_(std::move(keys)...) {}

  template <class T> T get() const {
    auto slots = key_slots();
    return detail::read_path<T>(root_.start(), slots.data(), count, detail::read_mode<T>());
  }
  template <class T> operator T() const { return get<T>(); }
  template <class T> bool is() const {
    return read([](lua_State *L) { return Converter<T>::is(L, -1); });
  }
  Type type() const {
    return read([](lua_State *L) { return static_cast<Type>(lua_type(L, -1)); });
  }
  template <class V> TableProxy &operator=(V &&value) {
    if constexpr (detail::is_table_proxy<std::remove_cvref_t<V>>) {
      return *this = value.template get<Value>();  // lua["a"] = lua["b"]: the value, not the path
    } else {
      auto slots = key_slots();
      detail::Slot slot = detail::value_slot(std::forward<V>(value));
      detail::assign_path(root_.start(), slots.data(), count, slot, false);
      return *this;
    }
  }
  TableProxy &operator=(const TableProxy &other) { return *this = other.template get<Value>(); }
  template <class K> TableProxy<Keys..., K> operator[](K key) const & {
    return std::apply([&](const Keys &...keys) { return TableProxy<Keys..., K>(root_, keys..., std::move(key)); },
                      keys_);
  }
  template <class K> TableProxy<Keys..., K> operator[](K key) && {
    return std::apply(
        [&](Keys &...keys) { return TableProxy<Keys..., K>(std::move(root_), std::move(keys)..., std::move(key)); },
        keys_);
  }

  TableProxy(const TableProxy &) = default;
  TableProxy(TableProxy &&) = default;

private:
  static constexpr int count = static_cast<int>(sizeof...(Keys));

  std::array<detail::Slot, sizeof...(Keys)> key_slots() const {
    return std::apply([](const Keys &...keys) { return std::array<detail::Slot, sizeof...(Keys)>{detail::key_slot(keys)...}; },
                      keys_);
  }
  template <class Inspect> auto read(Inspect inspect) const {
    detail::PathStart start = root_.start();
    auto slots = key_slots();
    detail::StackGuard pop(start.L, detail::push_path(start, slots.data(), count, detail::PathRead::Get));
    return inspect(start.L);
  }

  detail::PathRoot root_;
  std::tuple<Keys...> keys_;
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
  detail::Slot slot = detail::key_slot(key);
  return detail::read_path<V>(path_start(), &slot, 1, detail::read_mode<V>());
}

template <class K, class V>
void Table::set(const K &key, V &&value) const {
  detail::Slot slot = detail::key_slot(key);
  detail::Slot stored = detail::value_slot(std::forward<V>(value));
  detail::assign_path(path_start(), &slot, 1, stored, false);
}

template <class V, class K>
V Table::raw_get(const K &key) const {
  detail::Slot slot = detail::key_slot(key);
  return detail::read_path<V>(path_start(), &slot, 1, detail::PathRead::Raw);
}

template <class K, class V>
void Table::raw_set(const K &key, V &&value) const {
  detail::Slot slot = detail::key_slot(key);
  detail::Slot stored = detail::value_slot(std::forward<V>(value));
  detail::assign_path(path_start(), &slot, 1, stored, true);
}

template <>
struct Converter<Table> {
  static constexpr bool push_may_raise = false;
  static void push(lua_State *L, const Table &value) { value.push(L); }
  static Table get(lua_State *L, int index) { return Table(L, index); }
  static bool is(lua_State *L, int index) { return lua_istable(L, index); }
};

}  // namespace luaembed
