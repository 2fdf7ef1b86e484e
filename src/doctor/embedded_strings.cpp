// Strings compiled into a file that tell about its Lua, even when its symbols are stripped:
//   lua_ident (lapi.c)      "$LuaVersion: Lua 5.4.4  Copyright ..." (5.2 and later)
//                           "$Lua: Lua 5.1.5 Copyright ..." (5.1)
//   LuaJIT's version        "LuaJIT 2.1.0-beta3", a string of its own
//   package.cpath default   "/usr/local/lib/lua/5.4/?.so;...", compiled into loadlib.c
// and the marks of toolchains whose programs need their own form of the fix.
#include "readers.hpp"

#include <algorithm>
#include <cctype>

namespace luaembed::doctor::detail {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

void add_once(std::vector<std::string> &list, std::string text) {
  if (std::ranges::find(list, text) == list.end()) list.push_back(std::move(text));
}

// "Lua 5.4.4" right after a lua_ident prefix; empty when what follows is not a release.
std::string release_after(std::string_view bytes, std::size_t start) {
  std::string_view rest = bytes.substr(start, 24);
  if (!rest.starts_with("Lua ") || rest.size() < 5 || !is_digit(rest[4])) return {};
  std::size_t end = 4;
  while (end < rest.size() && (is_digit(rest[end]) || rest[end] == '.')) ++end;
  return std::string(rest.substr(0, end));
}

void find_lua_idents(std::string_view bytes, BinaryFacts &facts) {
  for (std::string_view prefix : {"$LuaVersion: ", "$Lua: "}) {
    for (std::size_t at = bytes.find(prefix); at != std::string_view::npos; at = bytes.find(prefix, at + 1)) {
      std::string release = release_after(bytes, at + prefix.size());
      if (!release.empty()) add_once(facts.lua_releases, release);
    }
  }
}

// A whole string "LuaJIT 2.1.0" or "LuaJIT 2.1.0-beta3": three numbers, so that prose naming
// "LuaJIT 2.1" in some program is not taken for a LuaJIT core.
void find_luajit_versions(std::string_view bytes, BinaryFacts &facts) {
  constexpr std::string_view prefix = "LuaJIT ";
  for (std::size_t at = bytes.find(prefix); at != std::string_view::npos; at = bytes.find(prefix, at + 1)) {
    if (at > 0 && bytes[at - 1] != '\0') continue;
    std::size_t end = at + prefix.size();
    int dots = 0;
    while (end < bytes.size() && (is_digit(bytes[end]) || bytes[end] == '.')) dots += bytes[end++] == '.';
    if (dots != 2 || !is_digit(bytes[end - 1])) continue;
    while (end < bytes.size() && (std::isalnum(static_cast<unsigned char>(bytes[end])) || bytes[end] == '-')) ++end;
    if (end < bytes.size() && bytes[end] == '\0') add_once(facts.lua_releases, std::string(bytes.substr(at, end - at)));
  }
}

bool is_path_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_./?;!+-~").find(c) != std::string_view::npos;
}

// Whole strings made of path characters, holding "?.so" and a ';' between templates.
void find_cpath_defaults(std::string_view bytes, BinaryFacts &facts) {
  constexpr std::string_view marker = "?.so";
  for (std::size_t at = bytes.find(marker); at != std::string_view::npos; at = bytes.find(marker, at + 1)) {
    std::size_t begin = at, end = at;
    while (begin > 0 && is_path_character(bytes[begin - 1])) --begin;
    while (end < bytes.size() && is_path_character(bytes[end])) ++end;
    bool whole = (begin == 0 || bytes[begin - 1] == '\0') && end < bytes.size() && bytes[end] == '\0';
    std::string_view text = bytes.substr(begin, end - begin);
    if (whole && text.find(';') != std::string_view::npos) add_once(facts.cpath_defaults, std::string(text));
    at = end;
  }
}

}  // namespace

void read_embedded_strings(std::string_view bytes, BinaryFacts &facts) {
  find_lua_idents(bytes, facts);
  find_luajit_versions(bytes, facts);
  find_cpath_defaults(bytes, facts);
  // Rust's standard library leaves its source paths in every program (panic locations); Go
  // starts its build information with this magic.
  facts.built_with_rust = bytes.find("/rustc/") != std::string_view::npos;
  facts.built_with_go = bytes.find("\xff Go buildinf:") != std::string_view::npos;
}

}  // namespace luaembed::doctor::detail
