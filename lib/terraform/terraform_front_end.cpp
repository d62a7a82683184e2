#include "terraform/terraform_front_end.h"

#include "terraform/azurerm_mapping.h"
#include "terraform/module_evaluator.h"

namespace ztlint::terraform {

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics) {
  Evaluation evaluation = evaluate_modules(sources, inputs, diagnostics);
  for (const EvaluatedResource& resource : evaluation.resources) {
    lower_to_arm(resource, out, diagnostics);
  }
  out.files.insert(out.files.end(), evaluation.files.begin(), evaluation.files.end());
}

}  // namespace ztlint::terraform
