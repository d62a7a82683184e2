// Evaluation of parsed Bicep templates (and .bicepparam files) into graph resources.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bicep/syntax.h"
#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/limits.h"
#include "source/source_set.h"
#include "value/value.h"

namespace ztlint::bicep {

// Parameter values by name, as a deployment supplies them.
using ParameterValues = std::map<std::string, value::Value>;

// Maximum module nesting: deeper chains are reported, not followed.
inline constexpr int kMaxModuleDepth = 32;
// Items of one resource or module loop (Azure's copy limit).
inline constexpr std::size_t kMaxLoopCount = 800;

class TemplateEvaluation;

// The run-wide state of Bicep evaluation: parsed files (each parsed once, its syntax errors
// reported once), resolved module paths, and the fragment being filled. Single-threaded.
class Evaluator {
 public:
  Evaluator(source::SourceSet& sources, graph::Fragment& out, source::Diagnostics& diagnostics);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // The parsed file (parsing it on first use and recording it in the fragment's files).
  const SyntaxTree& tree(source::FileId file);

  // Evaluates a template that no other file of the run uses as a module. `address_prefix`
  // distinguishes several deployments of one template (one per .bicepparam file).
  void evaluate_root(source::FileId file, const ParameterValues& parameters,
                     const std::string& address_prefix = {});

  // The values a .bicepparam file assigns, and the template its `using` names (resolved
  // against the file's folder; empty when there is none).
  ParameterValues evaluate_parameter_file(source::FileId file, std::string* template_path);

  // Local module targets of a template (resolved paths), for deciding which files of the
  // run are modules.
  std::vector<std::string> local_module_paths(source::FileId file);

  // Resolves `relative` against the folder of `file`, lexically normalized.
  std::string resolve_path(source::FileId file, const std::string& relative) const;
  // The FileId of a path, loading it if needed (a kIo diagnostic at `span` when unreadable).
  std::optional<source::FileId> load(const std::string& path, source::Span span);

  void report(source::DiagnosticKind kind, std::string message, source::Span span);
  // Reports once per key (registry modules, unsupported functions).
  void report_once(const std::string& key, source::DiagnosticKind kind, std::string message,
                   source::Span span);

  // The budgets of the root template being evaluated with its modules: its deadline, the
  // resource and module instances made so far, and the folder its files must stay inside.
  struct Unit {
    source::Deadline deadline;
    std::size_t instances = 0;
    bool out_of_time_reported = false;
    std::filesystem::path root;
  };
  Unit& unit() { return unit_; }
  // Starts the budgets of a root template (or parameter file).
  void begin_unit(source::FileId file);

  source::SourceSet& sources() { return sources_; }
  graph::Fragment& out() { return out_; }
  source::Diagnostics& diagnostics() { return diagnostics_; }
  std::set<std::string>& reported_functions() { return reported_functions_; }

  // Facts about every resource instance emitted so far, by address (for `.name` of a Ref).
  struct InstanceFacts {
    std::string type;
    std::string api_version;
    value::Value declared_name;  // the `name:` as written (last segment for children)
    value::Value full_name;      // "vnet/subnet" when the parent's name is known
  };
  std::map<std::string, InstanceFacts>& instances() { return instances_; }

 private:
  source::SourceSet& sources_;
  graph::Fragment& out_;
  source::Diagnostics& diagnostics_;
  std::map<source::FileId, std::unique_ptr<SyntaxTree>> trees_;
  std::map<std::string, source::FileId> canonical_paths_;
  std::set<std::string> reported_;
  std::set<std::string> reported_functions_;
  std::map<std::string, InstanceFacts> instances_;
  Unit unit_;
  std::optional<std::filesystem::path> linted_;  // the folder linted (source/confinement.h)
};

}  // namespace ztlint::bicep
