#include "terraform/terraform_front_end.h"

#include <iterator>

#include "parallel/parallel_for.h"
#include "terraform/azurerm_mapping.h"
#include "terraform/evaluation_cache.h"
#include "terraform/module_evaluator.h"

namespace ztlint::terraform {
namespace {

std::string lowering_key(const EvaluatedResource& resource) {
  return resource.address + "\n" + std::to_string(resource.range.file) + ":" +
         std::to_string(resource.range.range.begin);
}

// Whether `now` is what `then` was lowered from. Arguments are compared as copies: a
// resource whose evaluation was reused hands on the very same value.
bool lowers_like(const EvaluatedResource& now, const EvaluatedResource& then) {
  return now.is_data_source == then.is_data_source && now.type == then.type &&
         now.address == then.address && now.range == then.range &&
         now.azurerm_major_version == then.azurerm_major_version &&
         now.arguments.is_copy_of(then.arguments);
}

}  // namespace

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics) {
  Evaluation evaluation = evaluate_modules(sources, inputs, diagnostics);
  EvaluationCache* cache = inputs.evaluation_cache;
  // Each resource lowers on its own: on several threads, merged back in order. With a
  // cache, a resource lowered the same way in the last run is not lowered again.
  const std::size_t count = evaluation.resources.size();
  std::vector<std::shared_ptr<const CachedLowering>> kept(count);
  std::vector<std::string> keys(cache != nullptr ? count : 0);
  if (cache != nullptr) {
    for (std::size_t i = 0; i < count; ++i) {
      keys[i] = lowering_key(evaluation.resources[i]);
      const auto found = cache->lowerings.find(keys[i]);
      if (found != cache->lowerings.end() &&
          lowers_like(evaluation.resources[i], found->second->from)) {
        kept[i] = found->second;
      }
    }
  }
  // Only what is lowered again gets a piece: after an edit, that is a few resources.
  std::vector<std::unique_ptr<CachedLowering>> fresh(count);
  parallel::parallel_for(count, inputs.jobs, [&](std::size_t i) {
    if (kept[i] != nullptr) return;
    fresh[i] = std::make_unique<CachedLowering>();
    lower_to_arm(evaluation.resources[i], fresh[i]->fragment, fresh[i]->diagnostics);
  });
  if (cache != nullptr) {
    // The kept map is updated in place: rebuilding it would allocate a node per resource.
    cache->lowered = 0;
    const std::uint64_t run = cache->runs;  // numbered by the evaluation above
    for (std::size_t i = 0; i < count; ++i) {
      if (kept[i] == nullptr) {
        ++cache->lowered;
        fresh[i]->from = std::move(evaluation.resources[i]);
        kept[i] = std::make_shared<const CachedLowering>(std::move(*fresh[i]));
        cache->lowerings.insert_or_assign(std::move(keys[i]), kept[i]);
      }
      kept[i]->used_in = run;
    }
    std::erase_if(cache->lowerings,
                  [run](const auto& entry) { return entry.second->used_in != run; });
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (kept[i] == nullptr) {  // no cache: the pieces are moved
      CachedLowering& piece = *fresh[i];
      std::move(piece.fragment.resources.begin(), piece.fragment.resources.end(),
                std::back_inserter(out.resources));
      std::move(piece.fragment.patches.begin(), piece.fragment.patches.end(),
                std::back_inserter(out.patches));
      std::move(piece.diagnostics.begin(), piece.diagnostics.end(),
                std::back_inserter(diagnostics));
      continue;
    }
    // Kept pieces are copied; their values share storage with the kept ones.
    const CachedLowering& piece = *kept[i];
    out.resources.insert(out.resources.end(), piece.fragment.resources.begin(),
                         piece.fragment.resources.end());
    out.patches.insert(out.patches.end(), piece.fragment.patches.begin(),
                       piece.fragment.patches.end());
    diagnostics.insert(diagnostics.end(), piece.diagnostics.begin(), piece.diagnostics.end());
  }
  out.files.insert(out.files.end(), evaluation.files.begin(), evaluation.files.end());
}

}  // namespace ztlint::terraform
