// Parsing the command line: options may come anywhere, "--" ends them, values follow their
// option as the next argument or after '='.
#include "options.hpp"

#include <luaembed/doctor/api_catalog.hpp>

#include <span>
#include <string_view>

namespace luaembed::doctor::cli {

const char *const usage_text =
    "usage: luaembed-doctor [options] <host> [<module>...]\n"
    "       luaembed-doctor --dynamic-list <version>\n"
    "\n"
    "Tells whether native Lua modules load in a host program, and how to fix its build when\n"
    "they do not. <host> is the program that embeds Lua; each <module> is a shared object\n"
    "(cjson.so, ./build/mymod.so) or a module name (cjson, socket.core) looked up in the cpath.\n"
    "Without a module, tells whether the host exports the whole Lua C API of its version.\n"
    "\n"
    "options:\n"
    "  --cpath <path>          where module names are looked up (default: LUA_CPATH_5_x or\n"
    "                          LUA_CPATH, else the default built into the host's Lua)\n"
    "  --build-system <name>   show fixes for cmake, make, cargo or meson only (repeatable)\n"
    "  --json                  print the diagnosis as JSON\n"
    "  -v, --verbose           list every missing and needed symbol\n"
    "  --dynamic-list <ver>    print the linker dynamic list exporting the C API of Lua 5.1,\n"
    "                          5.2, 5.3, 5.4 or luajit (-Wl,--dynamic-list=<file>)\n"
    "  --version               print the version of luaembed-doctor\n"
    "  -h, --help              print this help\n"
    "\n"
    "exit status: 0 every module loads (without a module: the host exports its whole API),\n"
    "1 a problem was found, 2 bad input (usage, a missing or unreadable file, not ELF...)\n";

namespace {

class Arguments {
 public:
  explicit Arguments(std::span<char *> arguments) : arguments_(arguments) {}
  bool done() const { return next_ >= arguments_.size(); }
  std::string_view take() { return arguments_[next_++]; }

  // The value of an option: after '=' in the same argument, else the next argument.
  std::string value_of(std::string_view option, std::string_view argument) {
    if (auto equals = argument.find('='); equals != std::string_view::npos) return std::string(argument.substr(equals + 1));
    if (done()) throw UsageError(std::string(option) + " needs a value");
    return std::string(take());
  }

 private:
  std::span<char *> arguments_;
  std::size_t next_ = 0;
};

LuaVersion parse_version_value(const std::string &value) {
  if (auto version = parse_lua_version(value)) return *version;
  throw UsageError("--dynamic-list: unknown Lua version '" + value + "'; give 5.1, 5.2, 5.3, 5.4 or luajit");
}

BuildSystem parse_system_value(const std::string &value) {
  if (auto system = parse_build_system(value)) return *system;
  throw UsageError("--build-system: unknown build system '" + value + "'; give cmake, make, cargo or meson");
}

bool is(std::string_view argument, std::string_view option) {
  return argument == option || (argument.starts_with(option) && argument.size() > option.size() && argument[option.size()] == '=');
}

void check_consistency(const Options &options) {
  if (options.help || options.version) return;
  if (options.dynamic_list) {
    if (!options.host.empty()) throw UsageError("--dynamic-list takes no host or module");
    return;
  }
  if (options.host.empty()) throw UsageError("no host given: name the program that embeds Lua");
}

}  // namespace

Options parse_options(int argc, char **argv) {
  Options options;
  Arguments arguments(std::span<char *>(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0)));
  bool options_ended = false;
  std::vector<std::string> files;
  while (!arguments.done()) {
    std::string_view argument = arguments.take();
    if (options_ended || !argument.starts_with("-") || argument == "-") files.emplace_back(argument);
    else if (argument == "--") options_ended = true;
    else if (argument == "-h" || argument == "--help") options.help = true;
    else if (argument == "--version") options.version = true;
    else if (argument == "--json") options.json = true;
    else if (argument == "-v" || argument == "--verbose") options.verbose = true;
    else if (is(argument, "--cpath")) options.cpath = arguments.value_of("--cpath", argument);
    else if (is(argument, "--build-system"))
      options.build_systems.push_back(parse_system_value(arguments.value_of("--build-system", argument)));
    else if (is(argument, "--dynamic-list"))
      options.dynamic_list = parse_version_value(arguments.value_of("--dynamic-list", argument));
    else throw UsageError("unknown option " + std::string(argument));
  }
  if (!files.empty()) {
    options.host = files.front();
    options.modules.assign(files.begin() + 1, files.end());
  }
  check_consistency(options);
  return options;
}

}  // namespace luaembed::doctor::cli
