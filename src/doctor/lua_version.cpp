// Lua versions: their names, and sets of them in sentences.
#include <luaembed/doctor/lua_version.hpp>

#include <bit>

namespace luaembed::doctor {

std::string_view short_name(LuaVersion version) {
  switch (version) {
    case LuaVersion::lua51: return "5.1";
    case LuaVersion::lua52: return "5.2";
    case LuaVersion::lua53: return "5.3";
    case LuaVersion::lua54: return "5.4";
    case LuaVersion::luajit: return "luajit";
  }
  return "?";
}

std::string_view display_name(LuaVersion version) {
  switch (version) {
    case LuaVersion::lua51: return "Lua 5.1";
    case LuaVersion::lua52: return "Lua 5.2";
    case LuaVersion::lua53: return "Lua 5.3";
    case LuaVersion::lua54: return "Lua 5.4";
    case LuaVersion::luajit: return "LuaJIT 2.1";
  }
  return "?";
}

std::optional<LuaVersion> parse_lua_version(std::string_view text) {
  if (text.starts_with("lua5")) text.remove_prefix(3);   // "lua5.4"
  if (text == "luajit-2.1" || text == "luajit2.1") return LuaVersion::luajit;
  for (LuaVersion version : all_lua_versions)
    if (text == short_name(version)) return version;
  return std::nullopt;
}

std::string dynamic_list_file_name(LuaVersion version) {
  if (version == LuaVersion::luajit) return "luajit.dynlist";
  std::string digits;
  for (char c : short_name(version))
    if (c != '.') digits += c;
  return "lua" + digits + ".dynlist";
}

VersionSet VersionSet::all() {
  VersionSet set;
  for (LuaVersion version : all_lua_versions) set.add(version);
  return set;
}

VersionSet VersionSet::of(LuaVersion version) {
  VersionSet set;
  set.add(version);
  return set;
}

std::size_t VersionSet::size() const { return static_cast<std::size_t>(std::popcount(bits_)); }

std::vector<LuaVersion> VersionSet::members() const {
  std::vector<LuaVersion> versions;
  for (LuaVersion version : all_lua_versions)
    if (contains(version)) versions.push_back(version);
  return versions;
}

std::optional<LuaVersion> VersionSet::single() const {
  if (size() != 1) return std::nullopt;
  return members().front();
}

VersionSet VersionSet::intersection(VersionSet other) const {
  VersionSet set;
  set.bits_ = bits_ & other.bits_;
  return set;
}

// Puc-Rio versions share the word "Lua": "Lua 5.2, 5.3 or 5.4", then "or LuaJIT 2.1".
std::string describe(VersionSet versions) {
  std::vector<std::string> words;
  bool lua_said = false;
  for (LuaVersion version : versions.members()) {
    if (version == LuaVersion::luajit) {
      words.emplace_back(display_name(version));
    } else {
      words.emplace_back(lua_said ? short_name(version) : display_name(version));
      lua_said = true;
    }
  }
  if (words.empty()) return "no known Lua";
  std::string text = words.front();
  for (std::size_t i = 1; i < words.size(); ++i)
    text += (i + 1 == words.size() ? " or " : ", ") + words[i];
  return text;
}

}  // namespace luaembed::doctor
