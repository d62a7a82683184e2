#include "cli/output_targets.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace ztlint::cli {

std::vector<OutputTarget> pair_outputs(const CLI::App& command, const CLI::Option* format_option,
                                       const CLI::Option* output_option, std::string* error) {
  const std::vector<std::string> formats = format_option->as<std::vector<std::string>>();
  const std::vector<std::string> outputs = output_option->as<std::vector<std::string>>();
  std::vector<OutputTarget> targets;
  std::size_t next_format = 0;
  std::size_t next_output = 0;
  bool pending_format = false;
  for (const CLI::Option* option : command.parse_order()) {
    if (option == format_option) {
      targets.push_back({formats.at(next_format++), ""});
      pending_format = true;
    } else if (option == output_option) {
      if (targets.empty()) {
        // `--output FILE` without --format: the default text format goes there.
        targets.push_back({"text", ""});
      } else if (!pending_format) {
        *error = "--output must follow the --format it belongs to";
        return {};
      }
      targets.back().path = outputs.at(next_output++);
      pending_format = false;
    }
  }
  if (targets.empty()) targets.push_back({"text", ""});
  int to_stdout = 0;
  for (const OutputTarget& target : targets) to_stdout += target.path.empty() ? 1 : 0;
  if (to_stdout > 1) {
    *error = "only one --format may write to standard output; give the others an --output FILE";
    return {};
  }
  return targets;
}

bool write_output(const OutputTarget& target, const std::string& text, std::string* error) {
  if (target.path.empty() || target.path == "-") {
    std::cout << text << std::flush;
    return true;
  }
  std::ofstream out(target.path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = fmt::format("cannot write {}: {}", target.path, std::strerror(errno));
    return false;
  }
  out << text;
  out.close();
  if (!out) {
    *error = fmt::format("cannot write {}: {}", target.path, std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace ztlint::cli
