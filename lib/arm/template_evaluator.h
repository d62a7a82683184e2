// Evaluating one ARM deployment template (and the deployments nested in it) into resources.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/resource.h"
#include "json/json_reader.h"
#include "source/diagnostic.h"
#include "source/limits.h"
#include "source/source_set.h"
#include "value/value.h"

namespace ztlint::arm {

// Parameter values supplied to a template: lower-cased name -> value.
using ParameterValues = std::map<std::string, value::Value>;

// Reads `{"parameters": {"name": {"value": v}}}` (a parameters file, or the `parameters`
// of a nested deployment). Key Vault references become Unknown (secrets are not offline).
ParameterValues parameter_values_of(const value::Value& parameters_object);

// True when the JSON document's top-level $schema names a deployment template.
bool is_template_document(const value::Value& root);
// True when the JSON document's top-level $schema names a parameters file.
bool is_parameters_document(const value::Value& root);

// The identity key (value::Value::identity_key) of the name part of a resource ID whose
// segments may be symbolic ("{symbol}"), so an ID built by resourceId() over a symbolic
// name matches the resource declared with that name.
std::string id_name_key(std::string_view name);

// The symbol of reference() to a resource not declared in the same template:
// "@ref{<resource ID>}" then the accessed path (".properties.ipConfigurations[0]...").
inline constexpr std::string_view kReferencePrefix = "@ref{";

// Evaluates templates into resources. One instance per run: it caches parsed linked
// templates and remembers which files were followed through templateLink.relativePath.
// Not thread-safe.
class TemplateLoader {
 public:
  TemplateLoader(source::SourceSet& sources, source::Diagnostics& diagnostics)
      : sources_(sources), diagnostics_(diagnostics) {}

  // Evaluates a template file as a deployment of its own and appends its resources
  // (including nested and linked deployments') to `out`.
  void load(source::FileId file, const value::Value& root, const ParameterValues& parameters,
            std::vector<graph::Resource>& out);

  // Files reached through templateLink.relativePath from some template.
  const std::set<source::FileId>& linked_files() const { return linked_files_; }

  // The parsed JSON of a file (cached); null when it does not read as JSON.
  const value::Value* parse_file(source::FileId file, bool report_errors);
  // The file at `path`, reusing one already read under another spelling of the path.
  std::optional<source::FileId> open(const std::string& path, source::Diagnostic* error);
  // Reports the syntax error of a file parse_file() could not read (once).
  void report_parse_error(source::FileId file);

 private:
  friend class TemplateEvaluator;

  source::SourceSet& sources_;
  source::Diagnostics& diagnostics_;
  std::unordered_map<source::FileId, json::ReadResult> parsed_;
  std::set<source::FileId> linked_files_;
  std::unordered_map<std::string, source::FileId> by_canonical_path_;
  std::size_t indexed_ = 0;
  // Unsupported functions and constructs are reported once per root template.
  std::set<std::string> reported_;
  // The budgets of the root template being loaded (source/limits.h, source/confinement.h).
  source::Deadline deadline_;
  std::size_t unit_instances_ = 0;
  bool out_of_time_reported_ = false;
  std::filesystem::path unit_root_;
  std::optional<std::filesystem::path> linted_;  // the folder linted (source/confinement.h)
};

}  // namespace ztlint::arm
