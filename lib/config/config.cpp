#include "config/config.h"

#include <fmt/format.h>
#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ztlint::config {

namespace fs = std::filesystem;

namespace {

// A diagnostic at a YAML node, with the position spelled out in the message: config files
// are not part of the estate's SourceSet.
void report(source::Diagnostics& diagnostics, const std::string& path, const YAML::Mark& mark,
            const std::string& message) {
  diagnostics.push_back({source::DiagnosticKind::kConfig,
                         fmt::format("{}:{}:{}: {}", path, mark.line + 1, mark.column + 1, message),
                         source::Span{}, path});
}

source::LineColumn position_of(const YAML::Mark& mark) {
  return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

std::vector<std::string> string_list(const YAML::Node& node, const std::string& key,
                                     const std::string& path, source::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) {
    report(diagnostics, path, node.Mark(), fmt::format("'{}' must be a list of strings", key));
    return out;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      report(diagnostics, path, item.Mark(), fmt::format("'{}' must be a list of strings", key));
      continue;
    }
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::optional<policy::Severity> severity_value(const YAML::Node& node, const std::string& key,
                                               const std::string& path,
                                               source::Diagnostics& diagnostics) {
  if (node.IsScalar()) {
    if (auto severity = policy::parse_severity(node.as<std::string>())) return severity;
  }
  report(diagnostics, path, node.Mark(),
         fmt::format("'{}' must be one of info, low, medium, high, critical", key));
  return std::nullopt;
}

std::optional<bool> bool_value(const YAML::Node& node, const std::string& key,
                               const std::string& path, source::Diagnostics& diagnostics) {
  bool value = false;
  if (node.IsScalar() && YAML::convert<bool>::decode(node, value)) return value;
  report(diagnostics, path, node.Mark(), fmt::format("'{}' must be true or false", key));
  return std::nullopt;
}

void parse_policies_section(const YAML::Node& section, const std::string& path, Config& config,
                            source::Diagnostics& diagnostics) {
  if (!section.IsMap()) {
    report(diagnostics, path, section.Mark(),
           "'policies' must be a map with enable, disable and severity");
    return;
  }
  for (const auto& entry : section) {
    const std::string key = entry.first.as<std::string>();
    if (key == "enable" || key == "disable") {
      auto& target = key == "enable" ? config.enable : config.disable;
      for (std::string& id : string_list(entry.second, "policies." + key, path, diagnostics)) {
        target.insert(std::move(id));
      }
      // Where each ID is written, for reporting unknown ones at their line and column.
      const auto remember = [&](const YAML::Node& item) {
        if (!item.IsScalar()) return;
        config.id_positions.emplace(std::pair("policies." + key, item.Scalar()),
                                    position_of(item.Mark()));
      };
      if (entry.second.IsSequence()) {
        for (const YAML::Node& item : entry.second) remember(item);
      } else {
        remember(entry.second);
      }
    } else if (key == "severity") {
      if (!entry.second.IsMap()) {
        report(diagnostics, path, entry.second.Mark(),
               "'policies.severity' must map policy IDs to severities");
        continue;
      }
      for (const auto& override_entry : entry.second) {
        const std::string id = override_entry.first.as<std::string>();
        config.id_positions.emplace(std::pair(std::string("policies.severity"), id),
                                    position_of(override_entry.first.Mark()));
        if (auto severity = severity_value(override_entry.second, "policies.severity." + id, path,
                                           diagnostics)) {
          config.severity[id] = *severity;
        }
      }
    } else {
      report(diagnostics, path, entry.first.Mark(),
             fmt::format("unknown key 'policies.{}' (expected enable, disable or severity)", key));
    }
  }
}

}  // namespace

bool Config::is_enabled(const std::string& policy_id) const {
  if (disable.count(policy_id)) return false;
  return enable.empty() || enable.count(policy_id) > 0;
}

bool Config::is_excluded(const std::string& given_path) const {
  if (exclude.empty()) return false;
  // Patterns are written relative to the folder holding the configuration file.
  std::string file_path = fs::path(given_path).lexically_normal().generic_string();
  if (!path.empty()) {
    std::error_code ec;
    const fs::path base = fs::absolute(fs::path(path).parent_path(), ec).lexically_normal();
    const fs::path relative =
        fs::absolute(given_path, ec).lexically_normal().lexically_relative(base);
    if (!relative.empty()) file_path = relative.generic_string();
  }
  for (const std::string& pattern : exclude) {
    if (fnmatch(pattern.c_str(), file_path.c_str(), 0) == 0) return true;
    // A folder excludes everything below it.
    std::string folder = pattern;
    while (!folder.empty() && folder.back() == '/') folder.pop_back();
    if (!folder.empty() && file_path.size() > folder.size() &&
        file_path.compare(0, folder.size(), folder) == 0 && file_path[folder.size()] == '/') {
      return true;
    }
  }
  return false;
}

Config parse_config(const std::string& path, const std::string& text,
                    source::Diagnostics& diagnostics) {
  Config config;
  config.path = path;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    report(diagnostics, path, error.mark, error.msg);
    return config;
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) {
    report(diagnostics, path, root.Mark(), "the configuration must be a map of settings");
    return config;
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    const YAML::Node& node = entry.second;
    if (key == "policies") {
      parse_policies_section(node, path, config, diagnostics);
    } else if (key == "exclude") {
      config.exclude = string_list(node, key, path, diagnostics);
    } else if (key == "fail-on") {
      config.fail_on = severity_value(node, key, path, diagnostics);
    } else if (key == "strict") {
      config.strict = bool_value(node, key, path, diagnostics);
    } else if (key == "var-files") {
      config.var_files = string_list(node, key, path, diagnostics);
    } else if (key == "parameters") {
      config.parameter_files = string_list(node, key, path, diagnostics);
    } else {
      report(diagnostics, path, entry.first.Mark(),
             fmt::format("unknown key '{}' (expected policies, exclude, fail-on, strict, "
                         "var-files or parameters)",
                         key));
    }
  }
  return config;
}

Config load_config(const std::optional<std::string>& file, const std::string& start_dir,
                   source::Diagnostics& diagnostics) {
  std::string path;
  if (file) {
    path = *file;
  } else {
    std::error_code ec;
    fs::path dir = fs::absolute(start_dir, ec);
    for (; !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_regular_file(dir / ".ztlint.yaml", ec)) {
        path = (dir / ".ztlint.yaml").string();
        break;
      }
      if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    }
    if (path.empty()) return Config{};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({source::DiagnosticKind::kConfig, "cannot read the configuration file",
                           source::Span{}, path});
    return Config{};
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_config(path, text.str(), diagnostics);
}

void validate_policy_ids(const Config& config, const std::set<std::string>& known_ids,
                         source::Diagnostics& diagnostics) {
  auto check = [&](const std::string& id, std::string_view where) {
    if (!known_ids.count(id)) {
      std::string message = fmt::format("{} names unknown policy '{}'", where, id);
      // Spelled out as the other configuration errors are: path:line:column: message.
      if (const auto at = config.id_positions.find(std::pair(std::string(where), id));
          at != config.id_positions.end()) {
        message = fmt::format("{}:{}:{}: {}", config.path, at->second.line, at->second.column,
                              message);
      }
      diagnostics.push_back({source::DiagnosticKind::kConfig, std::move(message), source::Span{},
                             config.path});
    }
  };
  for (const std::string& id : config.enable) check(id, "policies.enable");
  for (const std::string& id : config.disable) check(id, "policies.disable");
  for (const auto& [id, severity] : config.severity) check(id, "policies.severity");
}

}  // namespace ztlint::config
