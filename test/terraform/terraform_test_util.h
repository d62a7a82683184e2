// Helpers for the Terraform front-end tests: evaluate in-memory modules.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "source/source_set.h"
#include "terraform/module_evaluator.h"

namespace ztlint::terraform::testing {

struct Run {
  source::SourceSet sources;
  source::Diagnostics diagnostics;
  Evaluation evaluation;

  const EvaluatedResource* find(std::string_view address) const {
    for (const auto& r : evaluation.resources) {
      if (r.address == address) return &r;
    }
    return nullptr;
  }
  // The argument `name` of the resource at `address` (null Value when absent).
  value::Value argument(std::string_view address, std::string_view name) const {
    const EvaluatedResource* r = find(address);
    if (r == nullptr || !r->arguments.is_map()) return {};
    for (const auto& [k, v] : r->arguments.as_map()) {
      if (k == name) return v;
    }
    return {};
  }
  bool has_diagnostic(source::DiagnosticKind kind, std::string_view text) const {
    for (const auto& d : diagnostics) {
      if (d.kind == kind && d.message.find(text) != std::string::npos) return true;
    }
    return false;
  }
  std::vector<std::string> addresses() const {
    std::vector<std::string> out;
    for (const auto& r : evaluation.resources) out.push_back(r.address);
    return out;
  }
};

using Files = std::vector<std::pair<std::string, std::string>>;

// Evaluates files given as (path, text); paths ending in .tfvars/.tfvars.json are tfvars.
inline std::unique_ptr<Run> evaluate(const Files& files, std::vector<std::string> var_files = {}) {
  auto run = std::make_unique<Run>();
  Inputs inputs;
  for (const auto& [path, text] : files) {
    const source::FileId id = run->sources.add(path, text);
    if (path.ends_with(".tf")) {
      inputs.tf_files.push_back(id);
    } else {
      inputs.tfvars_files.push_back(id);
    }
  }
  inputs.var_files = std::move(var_files);
  run->evaluation = evaluate_modules(run->sources, inputs, run->diagnostics);
  return run;
}

// The value of `expr` as the attribute `v` of a resource, with `prelude` beside it.
inline value::Value eval_expression(const std::string& expr, const std::string& prelude = "",
                                    source::Diagnostics* diagnostics = nullptr) {
  auto run =
      evaluate({{"/m/main.tf", prelude + "\nresource \"t\" \"r\" {\n  v = " + expr + "\n}\n"}});
  if (diagnostics != nullptr) *diagnostics = run->diagnostics;
  return run->argument("t.r", "v");
}

}  // namespace ztlint::terraform::testing
