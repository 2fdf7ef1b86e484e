// The layout of the generated catalog (api_catalog_data.cpp, written at configure time).
#pragma once

#include <span>
#include <string_view>

namespace luaembed::doctor::detail {

struct CatalogData {
  std::string_view include_dir;    // where lua.h was read
  std::string_view archive;        // the static library the names were checked against
  std::string_view dev_package;    // the Debian package holding both
  std::string_view default_cpath;  // package.cpath compiled into that library
  std::span<const std::string_view> names;   // sorted
};

// One entry per LuaVersion, in the enum's order.
extern const CatalogData catalog_data[];

}  // namespace luaembed::doctor::detail
