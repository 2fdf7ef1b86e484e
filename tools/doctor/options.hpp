// The command line of luaembed-doctor.
#pragma once

#include <luaembed/doctor/fixes.hpp>
#include <luaembed/doctor/lua_version.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace luaembed::doctor::cli {

struct Options {
  bool help = false;
  bool version = false;
  bool json = false;
  bool verbose = false;
  std::optional<LuaVersion> dynamic_list;    // --dynamic-list: print it and do nothing else
  std::optional<std::string> cpath;
  std::vector<BuildSystem> build_systems;    // --build-system; empty: those likely for the host
  std::string host;
  std::vector<std::string> modules;          // paths or module names
};

// A command line that cannot be obeyed; its message says what to type instead.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

Options parse_options(int argc, char **argv);

extern const char *const usage_text;

}  // namespace luaembed::doctor::cli
