// The text report. Short on purpose: what the host is, what each module is, the verdict,
// and what to write in the build; -v adds the symbol lists behind the counts.
#include "text_report.hpp"

#include <string>

namespace luaembed::doctor::cli {

namespace {

constexpr std::size_t line_width = 100;

// "  label: a b c" wrapped at line_width, continuation lines indented under the first name.
void print_names(std::ostream &out, std::string_view label, const std::vector<std::string> &names) {
  if (names.empty()) return;
  std::string indent(label.size() + 4, ' ');
  std::string line = "  " + std::string(label) + ":";
  for (const std::string &name : names) {
    if (line.size() + 1 + name.size() > line_width && line.size() > indent.size()) {
      out << line << '\n';
      line = indent.substr(0, indent.size() - 1);
    }
    line += " " + name;
  }
  out << line << '\n';
}

std::string count_phrase(const HostReport &host) {
  if (!host.version) return {};
  return std::to_string(host.api_exported.size()) + " of " + std::to_string(host.api_size) + " " +
         std::string(display_name(*host.version)) + " API symbols";
}

std::string host_phrase(const HostReport &host) {
  std::string text;
  if (!host.dynamically_linked) text = "a static program (no dynamic loader, so no module can be loaded into it); ";
  if (host.linkage == LuaLinkage::none)
    return text + "no Lua core found, neither in the program nor in the " +
           std::to_string(host.libraries.libraries.size()) + " libraries it loads";
  text += host.core.describe();
  if (host.linkage == LuaLinkage::shared_library)
    return text + " from the shared library " + host.core_library->string() + ", which exports " + count_phrase(host);
  bool library = host.binary.type == ElfType::shared_object;   // a plugin or a Lua library given as host
  text += (library ? " inside this shared library; exports " : " linked statically; exports ") + count_phrase(host);
  if (!host.binary.has_symbol_table && host.core.evidence == CoreEvidence::version_string)
    text += " (stripped: Lua known from its version string)";
  return text;
}

std::string entries_phrase(const std::vector<std::string> &entries) {
  if (entries.empty()) return "no luaopen_ entry point";
  std::string text = entries.front();
  for (std::size_t i = 1; i < entries.size() && i < 3; ++i) text += ", " + entries[i];
  if (entries.size() > 3) text += " and " + std::to_string(entries.size() - 3) + " more";
  return text;
}

std::string core_phrase(const ModuleReport &module) {
  if (module.contained_core.found()) return "contains a Lua core of its own (" + module.contained_core.describe() + ")";
  if (!module.linked_lua.empty())
    return "links the Lua core " + module.linked_lua.front().needed_name + " (" + module.linked_lua.front().core.describe() + ")";
  return "links no Lua core (good)";
}

std::string module_phrase(const ModuleDiagnosis &module) {
  const ModuleReport &report = module.report;
  std::string name = module.argument;
  if (module.found_by_name) name += " (" + report.binary.path.string() + ")";
  std::size_t needed = report.api_needed.size();
  return name + ": built for " + report.describe_built_for() + "; " + entries_phrase(report.entry_points) + "; needs " +
         std::to_string(needed) + (needed == 1 ? " API symbol; " : " API symbols; ") + core_phrase(report);
}

void print_verdict(std::ostream &out, const Verdict &verdict, bool verbose) {
  out << "verdict: " << verdict_name(verdict.kind);
  if (!verdict.reason.empty()) out << " \u2014 " << verdict.reason;
  out << '\n';
  if (verbose) {
    print_names(out, "missing", verdict.missing_symbols);
    print_names(out, "libraries not found", verdict.missing_libraries);
  }
}

void print_module(std::ostream &out, const ModuleDiagnosis &module, bool verbose) {
  out << "module " << module_phrase(module) << '\n';
  print_names(out, "in no Lua's API", module.report.unknown_api);
  if (verbose) print_names(out, "needs", module.report.api_needed);
  print_verdict(out, module.verdict, verbose);
}

void print_fix(std::ostream &out, const Fix &fix) {
  out << fix.title << ": " << (fix.lines.empty() ? "" : fix.lines.front()) << '\n';
  for (std::size_t i = 1; i < fix.lines.size(); ++i) out << "  " << fix.lines[i] << '\n';
}

}  // namespace

void print_text(const Diagnosis &diagnosis, bool verbose, std::ostream &out) {
  const HostReport &host = diagnosis.host;
  out << "host   " << host.binary.path.string() << ": " << host_phrase(host) << '\n';
  if (verbose) {
    print_names(out, "not exported", host.api_missing);
    print_names(out, "linked in but not exported", host.missing_but_linked);
    print_names(out, "libraries not found", host.libraries.not_found);
  }
  if (diagnosis.cpath && verbose) out << "cpath  " << diagnosis.cpath->cpath << " (" << diagnosis.cpath->origin << ")\n";
  for (const ModuleDiagnosis &module : diagnosis.modules) print_module(out, module, verbose);
  if (diagnosis.readiness)
    out << "verdict: " << (diagnosis.readiness->ready ? "READY" : "NOT READY") << " \u2014 " << diagnosis.readiness->reason << '\n';
  for (const Fix &fix : diagnosis.fixes) print_fix(out, fix);
}

}  // namespace luaembed::doctor::cli
