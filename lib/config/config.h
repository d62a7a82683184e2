// `.ztlint.yaml`: which policies run, at what severity, on which paths.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "policy/severity.h"
#include "source/diagnostic.h"
#include "source/source_file.h"

namespace ztlint::config {

// The project configuration. Every field is optional in the file; the defaults run every
// policy at its catalog severity on every discovered file and fail on any finding.
struct Config {
  std::string path;                        // the file it came from; empty for defaults
  std::set<std::string> enable;            // when non-empty, only these policy IDs run
  std::set<std::string> disable;           // these never run
  std::map<std::string, policy::Severity> severity;  // per-ID override
  std::vector<std::string> exclude;        // path globs (fnmatch, relative to the config's folder)
  std::optional<policy::Severity> fail_on; // lowest severity that fails the run
  std::optional<bool> strict;              // report "cannot verify" findings
  std::vector<std::string> var_files;      // Terraform --var-file equivalents
  std::vector<std::string> parameter_files;  // ARM/Bicep --parameters equivalents
  // Where each policy ID of policies.enable/disable/severity is written: (section, ID).
  std::map<std::pair<std::string, std::string>, source::LineColumn> id_positions;

  bool is_enabled(const std::string& policy_id) const;
  // True when the path (as discovered, relative to the current directory or absolute)
  // matches an exclude glob, or lies below an excluded folder.
  bool is_excluded(const std::string& path) const;
};

// Parses configuration text. Unknown keys, wrong types and bad values are kConfig
// diagnostics at their line:column in `path`; what is valid is still applied. Unknown
// policy IDs are checked later against the loaded library (see validate_policy_ids).
Config parse_config(const std::string& path, const std::string& text,
                    source::Diagnostics& diagnostics);

// Reads FILE, or finds `.ztlint.yaml` in `start_dir` or its parents up to the repository
// root (the first folder holding .git). Returns defaults when there is none.
Config load_config(const std::optional<std::string>& file, const std::string& start_dir,
                   source::Diagnostics& diagnostics);

// Reports config entries naming policies that do not exist.
void validate_policy_ids(const Config& config, const std::set<std::string>& known_ids,
                         source::Diagnostics& diagnostics);

}  // namespace ztlint::config
