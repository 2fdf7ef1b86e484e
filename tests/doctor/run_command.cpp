// popen with every argument quoted for the shell; stderr is left to the test's log.
#include "run_command.hpp"

#include "doctor_fixtures.hpp"

#include <sys/wait.h>

#include <cstdio>

namespace doctor_test {

namespace {

std::string quoted(const std::string &argument) {
  std::string text = "'";
  for (char c : argument) text += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return text + "'";
}

}  // namespace

CommandResult run_command(const std::vector<std::string> &arguments) {
  std::string command;
  for (const std::string &argument : arguments) command += quoted(argument) + " ";
  CommandResult result;
  FILE *pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t count;
  while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, count);
  int status = pclose(pipe);
  if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
  return result;
}

std::string host(const std::string &name) { return std::string(fixtures::hosts) + "/" + name; }
std::string module(const std::string &name) { return std::string(fixtures::modules) + "/" + name + ".so"; }
std::string debian_module(const std::string &name) { return std::string(fixtures::debian_modules) + "/" + name + ".so"; }

}  // namespace doctor_test
