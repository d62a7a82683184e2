#include "cli/policy_commands.h"

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "policy/policy_set.h"
#include "report/location.h"

namespace ztlint::cli {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Loads the built-in library plus --policies folders; false after printing config errors.
bool load_policies(const PolicyCommandOptions& options, policy::PolicySet* out) {
  source::Diagnostics errors;
  *out = policy::PolicySet::builtin(errors);
  for (const std::string& dir : options.policy_dirs) out->load_directory(dir, errors);
  for (const source::Diagnostic& error : errors) {
    std::cerr << fmt::format("{}: error[{}] {}\n", report::display_path(error.path),
                             source::to_string(error.kind), error.message);
  }
  return errors.empty();
}

void add_policy_dirs(CLI::App* command, PolicyCommandOptions& options) {
  command->add_option("--policies", options.policy_dirs,
                      "Folder of extra policy YAML files (repeatable)");
}

}  // namespace

CLI::App* add_policies_command(CLI::App& app, PolicyCommandOptions& options) {
  CLI::App* command = app.add_subcommand("policies", "List the policies");
  command->add_option("--format", options.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_policy_dirs(command, options);
  return command;
}

CLI::App* add_explain_command(CLI::App& app, PolicyCommandOptions& options) {
  CLI::App* command = app.add_subcommand("explain", "Print one policy's documentation");
  command->add_option("id", options.id, "Policy ID, e.g. ZT-NET-001, or its name")->required();
  add_policy_dirs(command, options);
  return command;
}

int run_policies(const PolicyCommandOptions& options) {
  policy::PolicySet policies;
  if (!load_policies(options, &policies)) return 2;
  if (options.format == "json") {
    auto list = nlohmann::json::array();
    for (const auto& entry : policies.policies()) {
      const policy::PolicyInfo& info = entry.info;
      list.push_back({{"id", info.id},
                      {"name", info.name},
                      {"severity", policy::to_string(info.severity)},
                      {"principles", info.principles},
                      {"summary", info.docs.summary}});
    }
    std::cout << list.dump(2) << "\n";
    return 0;
  }
  for (const auto& entry : policies.policies()) {
    const policy::PolicyInfo& info = entry.info;
    std::cout << fmt::format("{:<12} {:<9} {:<44} {}\n", info.id, policy::to_string(info.severity),
                             info.name, info.docs.summary);
  }
  return 0;
}

int run_explain(const PolicyCommandOptions& options) {
  policy::PolicySet policies;
  if (!load_policies(options, &policies)) return 2;
  const policy::PolicyInfo* found = nullptr;
  for (const auto& entry : policies.policies()) {
    if (value::iequals(entry.info.id, options.id) || value::iequals(entry.info.name, options.id)) {
      found = &entry.info;
    }
  }
  if (found == nullptr) {
    std::cerr << fmt::format("ztlint: no policy '{}' (see `ztlint policies`)\n", options.id);
    return 2;
  }
  const policy::PolicyInfo& info = *found;
  std::string out = fmt::format("{} {}\n", info.id, info.name);
  out += fmt::format("severity: {}; Zero Trust principles: {}\n\n", policy::to_string(info.severity),
                     join(info.principles, ", "));
  out += info.docs.summary + "\n";
  auto section = [&](std::string_view title, const std::string& body) {
    if (!body.empty()) out += fmt::format("\n## {}\n\n{}\n", title, body);
  };
  section("What it checks", info.docs.what);
  section("Why it matters", info.docs.why);
  section("Example", info.docs.example);
  section("Fix", info.docs.fix);
  if (!info.docs.references.empty()) {
    out += "\n## References\n\n";
    for (const std::string& reference : info.docs.references) out += "- " + reference + "\n";
  }
  std::cout << out;
  return 0;
}

}  // namespace ztlint::cli
