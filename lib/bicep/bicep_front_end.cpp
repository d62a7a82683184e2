#include "bicep/bicep_front_end.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "bicep/evaluator.h"
#include "json/json_reader.h"
#include "source/confinement.h"

namespace ztlint::bicep {
namespace {

namespace fs = std::filesystem;

std::string canonical(const std::string& path) {
  std::error_code error;
  return fs::weakly_canonical(fs::absolute(path), error).generic_string();
}

// Where a .bicepparam file's `using` path is written: errors about that template point there.
source::TextRange using_range(const SyntaxTree& tree) {
  for (const Node* node : tree.root->items) {
    if (node->kind != NodeKind::kUsing) continue;
    return node->name_range.end > node->name_range.begin ? node->name_range : node->range;
  }
  return {};
}

// Values of an ARM JSON parameter file: {"parameters": {"name": {"value": ...}}}.
ParameterValues json_parameters(source::SourceSet& sources, source::FileId id,
                                source::Diagnostics& diagnostics) {
  ParameterValues values;
  const source::SourceFile& file = sources.file(id);
  json::ReadResult read =
      json::read(file.text().substr(file.content_begin()), id, file.content_begin());
  if (!read.ok()) {
    diagnostics.push_back({source::DiagnosticKind::kSyntax,
                           read.error->message,
                           source::Span{id, read.error->range},
                           {}});
    return values;
  }
  const value::Value* parameters = read.value.get("parameters");
  if (!parameters || !parameters->is_map()) return values;
  for (const auto& [name, entry] : parameters->as_map()) {
    if (const value::Value* supplied = entry.get("value")) {
      values[name] = *supplied;
    } else if (entry.get("reference")) {
      values[name] = value::Value::unknown(
          fmt::format("parameter '{}' is a Key Vault reference", name), entry.span());
    }
  }
  return values;
}

}  // namespace

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics) {
  Evaluator evaluator(sources, out, diagnostics);
  std::map<std::string, source::FileId> templates;  // canonical path -> file of the run
  for (source::FileId id : inputs.bicep_files) {
    evaluator.tree(id);
    templates.emplace(canonical(sources.file(id).path()), id);
  }

  // --parameters: applied to every template of the run.
  ParameterValues common;
  for (const std::string& path : inputs.parameter_files) {
    // A JSON parameter file that cannot be read is reported once, by the ARM front end.
    const auto id = std::filesystem::path(path).extension() == ".json"
                        ? sources.load(path, nullptr)
                        : evaluator.load(path, {});
    if (!id) continue;
    ParameterValues values = path.ends_with(".bicepparam")
                                 ? evaluator.evaluate_parameter_file(*id, nullptr)
                                 : json_parameters(sources, *id, diagnostics);
    for (auto& [name, value] : values) common[name] = std::move(value);
  }

  // A template another file of the run uses as a module is evaluated only through it.
  std::set<source::FileId> modules;
  std::map<source::FileId, std::vector<source::FileId>> uses;
  for (source::FileId id : inputs.bicep_files) {
    for (const std::string& path : evaluator.local_module_paths(id)) {
      auto target = templates.find(canonical(path));
      if (target == templates.end()) continue;
      uses[id].push_back(target->second);
      if (target->second != id) modules.insert(target->second);
    }
  }
  // Files that only modules in a cycle use are reached from no root: they are evaluated on
  // their own, which reports the cycle.
  std::set<source::FileId> reached;
  std::vector<source::FileId> pending;
  for (source::FileId id : inputs.bicep_files) {
    if (!modules.contains(id)) pending.push_back(id);
  }
  while (!pending.empty()) {
    const source::FileId id = pending.back();
    pending.pop_back();
    if (!reached.insert(id).second) continue;
    for (source::FileId used : uses[id]) pending.push_back(used);
  }
  for (source::FileId id : inputs.bicep_files) {
    if (!reached.contains(id)) {
      modules.erase(id);
      pending.push_back(id);
      while (!pending.empty()) {
        const source::FileId next = pending.back();
        pending.pop_back();
        if (!reached.insert(next).second) continue;
        for (source::FileId used : uses[next]) pending.push_back(used);
      }
    }
  }

  // Each .bicepparam file is a deployment of the template its `using` names.
  std::map<source::FileId, std::vector<std::pair<source::FileId, ParameterValues>>> deployments;
  std::vector<source::FileId> outside_run;
  for (source::FileId id : inputs.bicepparam_files) {
    std::string template_path;
    ParameterValues values = evaluator.evaluate_parameter_file(id, &template_path);
    if (template_path.empty()) continue;
    auto target = templates.find(canonical(template_path));
    source::FileId template_id;
    if (target != templates.end()) {
      template_id = target->second;
    } else {
      const std::string why = source::confinement_violation(
          source::confinement_root(sources.file(id).path(), source::linted_folder(sources)),
          template_path);
      if (!why.empty()) {
        evaluator.report(source::DiagnosticKind::kIo,
                         fmt::format("the template of 'using' is not read: {}", why),
                         source::Span{id, using_range(evaluator.tree(id))});
        continue;
      }
      const auto loaded =
          evaluator.load(template_path, source::Span{id, using_range(evaluator.tree(id))});
      if (!loaded) continue;
      template_id = *loaded;
      if (!deployments.contains(template_id)) outside_run.push_back(template_id);
    }
    deployments[template_id].emplace_back(id, std::move(values));
  }

  auto evaluate = [&](source::FileId id) {
    auto found = deployments.find(id);
    if (found == deployments.end()) {
      evaluator.evaluate_root(id, common);
      return;
    }
    const bool several = found->second.size() > 1;
    for (const auto& [parameter_file, values] : found->second) {
      ParameterValues merged = common;
      for (const auto& [name, value] : values) merged[name] = value;
      evaluator.evaluate_root(id, merged,
                              several ? sources.file(parameter_file).path() + ">" : std::string());
    }
  };
  for (source::FileId id : inputs.bicep_files) {
    if (!modules.contains(id)) evaluate(id);
  }
  for (source::FileId id : outside_run) evaluate(id);
}

}  // namespace ztlint::bicep
