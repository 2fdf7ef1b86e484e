// Running a command from a test, for its exit status and standard output.
#pragma once

#include <string>
#include <vector>

namespace doctor_test {

struct CommandResult {
  int status = -1;     // the exit status; -1 when it did not exit normally
  std::string output;  // standard output
};

CommandResult run_command(const std::vector<std::string> &arguments);

// Paths of the fixtures built by tests/doctor/CMakeLists.txt.
std::string host(const std::string &name);            // a fixture host
std::string module(const std::string &name);          // a fixture module, <name>.so
std::string debian_module(const std::string &name);   // "5.4/cjson" -> .../lua/5.4/cjson.so

}  // namespace doctor_test
