// luaembed-doctor: does this native Lua module load in this program, and if not, what to
// change in the build. Exit status 0: all load; 1: a problem found; 2: bad input.
#include "diagnosis.hpp"
#include "json_report.hpp"
#include "options.hpp"
#include "text_report.hpp"

#include <cstdlib>
#include <iostream>

namespace {

using namespace luaembed::doctor;

constexpr int exit_bad_input = 2;

std::optional<std::string> from_environment(std::string_view name) {
  const char *value = std::getenv(std::string(name).c_str());
  return value ? std::optional<std::string>(value) : std::nullopt;
}

int report_bad_input(const std::string &message, bool json) {
  std::cerr << "luaembed-doctor: " << message << '\n';
  if (json) cli::print_json_error(message, std::cout);
  return exit_bad_input;
}

int run(const cli::Options &options) {
  if (options.help) {
    std::cout << cli::usage_text;
    return 0;
  }
  if (options.version) {
    std::cout << "luaembed-doctor " LUAEMBED_VERSION "\n";
    return 0;
  }
  if (options.dynamic_list) {
    std::cout << dynamic_list(*options.dynamic_list);
    return 0;
  }
  cli::Diagnosis diagnosis = cli::diagnose(options, from_environment);
  if (options.json) cli::print_json(diagnosis, std::cout);
  else cli::print_text(diagnosis, options.verbose, std::cout);
  return diagnosis.exit_code();
}

}  // namespace

int main(int argc, char **argv) {
  bool json = false;
  try {
    cli::Options options = cli::parse_options(argc, argv);
    json = options.json;
    return run(options);
  } catch (const cli::UsageError &error) {
    std::cerr << "luaembed-doctor: " << error.what() << " (luaembed-doctor --help shows the usage)\n";
    return exit_bad_input;
  } catch (const Error &error) {
    return report_bad_input(error.what(), json);
  } catch (const std::exception &error) {
    return report_bad_input(std::string("unexpected error: ") + error.what(), json);
  }
}
