// The Lua versions a native module can be built for, and sets of them.
//
// A module says which Lua it was built for only through the API functions it calls, and
// several versions often share all of them: a judgement is a set of versions, not one.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luaembed::doctor {

enum class LuaVersion : unsigned char { lua51, lua52, lua53, lua54, luajit };

inline constexpr std::array<LuaVersion, 5> all_lua_versions = {
    LuaVersion::lua51, LuaVersion::lua52, LuaVersion::lua53, LuaVersion::lua54, LuaVersion::luajit};

// "5.1" ... "5.4", "luajit": how versions are named on the command line and in JSON.
std::string_view short_name(LuaVersion version);

// "Lua 5.1" ... "Lua 5.4", "LuaJIT 2.1": how versions are named in sentences.
std::string_view display_name(LuaVersion version);

// The inverse of short_name; also accepts "lua5.4" and "luajit-2.1". Empty when unknown.
std::optional<LuaVersion> parse_lua_version(std::string_view text);

// The file name the fixes use for a version's dynamic list: "lua54.dynlist", "luajit.dynlist".
std::string dynamic_list_file_name(LuaVersion version);

class VersionSet {
 public:
  VersionSet() = default;
  static VersionSet all();
  static VersionSet of(LuaVersion version);

  void add(LuaVersion version) { bits_ |= bit(version); }
  bool contains(LuaVersion version) const { return (bits_ & bit(version)) != 0; }
  bool empty() const { return bits_ == 0; }
  std::size_t size() const;
  std::vector<LuaVersion> members() const;   // in the order of all_lua_versions
  std::optional<LuaVersion> single() const;  // the version, when the set holds exactly one
  VersionSet intersection(VersionSet other) const;
  bool operator==(const VersionSet &) const = default;

 private:
  static unsigned bit(LuaVersion version) { return 1u << static_cast<unsigned>(version); }
  unsigned bits_ = 0;
};

// "Lua 5.4", "Lua 5.1 or LuaJIT 2.1", "Lua 5.2, 5.3 or 5.4"; "no known Lua" when empty.
std::string describe(VersionSet versions);

}  // namespace luaembed::doctor
