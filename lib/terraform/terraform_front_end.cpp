#include "terraform/terraform_front_end.h"

#include <iterator>

#include "parallel/parallel_for.h"
#include "terraform/azurerm_mapping.h"
#include "terraform/module_evaluator.h"

namespace ztlint::terraform {

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics) {
  Evaluation evaluation = evaluate_modules(sources, inputs, diagnostics);
  // Each resource lowers on its own: on several threads, merged back in order.
  struct Lowered {
    graph::Fragment fragment;
    source::Diagnostics diagnostics;
  };
  std::vector<Lowered> lowered(evaluation.resources.size());
  parallel::parallel_for(lowered.size(), inputs.jobs, [&](std::size_t i) {
    lower_to_arm(evaluation.resources[i], lowered[i].fragment, lowered[i].diagnostics);
  });
  for (Lowered& piece : lowered) {
    std::move(piece.fragment.resources.begin(), piece.fragment.resources.end(),
              std::back_inserter(out.resources));
    std::move(piece.fragment.patches.begin(), piece.fragment.patches.end(),
              std::back_inserter(out.patches));
    std::move(piece.diagnostics.begin(), piece.diagnostics.end(), std::back_inserter(diagnostics));
  }
  out.files.insert(out.files.end(), evaluation.files.begin(), evaluation.files.end());
}

}  // namespace ztlint::terraform
