// Terraform modules evaluated into resource instances: variables, locals, count/for_each,
// module calls, outputs.
#pragma once

#include <utility>
#include <vector>

#include "graph/language.h"
#include "source/diagnostic.h"
#include "source/source_set.h"
#include "terraform/evaluated_resource.h"
#include "terraform/terraform_front_end.h"

namespace ztlint::terraform {

// Limits that keep hostile or broken input from hanging a run.
inline constexpr int kMaxInstancesPerBlock = 10'000;
inline constexpr int kMaxModuleDepth = 16;
inline constexpr int kMaxEvaluationDepth = 400;

struct Evaluation {
  // Every resource and data source instance of every module instance, in source order
  // (a module's own resources, then those of the modules it calls).
  std::vector<EvaluatedResource> resources;
  // Every .tf / .tfvars file read (including local module folders loaded from disk).
  std::vector<std::pair<source::FileId, graph::Language>> files;
};

// Parses and evaluates the modules of `inputs`. Never throws on user input.
Evaluation evaluate_modules(source::SourceSet& sources, const Inputs& inputs,
                            source::Diagnostics& diagnostics);

}  // namespace ztlint::terraform
