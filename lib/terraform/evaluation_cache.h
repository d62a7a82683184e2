// Evaluations of root-module resources, locals and variables, and lowerings of resource
// instances, kept from one run to the next, so the language server re-evaluates and
// re-lowers only what an edit can have changed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/text_range.h"
#include "terraform/evaluated_resource.h"
#include "terraform/parsed_file.h"
#include "terraform/resource_instance.h"
#include "value/value.h"

namespace ztlint::terraform {

// What evaluating one resource, local or variable of a root module produced. Only
// evaluations that were clean are kept: no diagnostic, no failed expression, no module
// output, no file read, no cycle, no limit reached. A clean evaluation is a function of its
// declaration and of the evaluations it read, so it holds again while they all hold.
struct CachedEvaluation {
  // The declaration: a block (resource, variable) or an attribute (local), in its file.
  source::Span declared;
  std::string text;  // the declaration's text
  // The parse it was read from: while that parse lives, the same parse means the same text.
  // Not owned, so kept evaluations do not keep old parses of an edited file alive.
  std::weak_ptr<const ParsedFile> parsed;
  // Keys ("resource:azurerm_subnet.a", "local:x", "variable:y") of what it read.
  std::vector<std::string> dependencies;

  value::Value value;  // a local's or a variable's value
  // A resource's instances and the value references to the whole resource see.
  int repetition = 0;
  std::shared_ptr<const std::vector<ResourceInstance>> instances;  // shared with the evaluator
  value::Value whole;

  // Bookkeeping of the run that uses the cache: the run that made this evaluation, the
  // last run that checked whether it still holds and what that found, the last run that
  // kept it.
  std::uint64_t made_in = 0;
  mutable std::uint64_t checked_in = 0;
  mutable bool holds = false;
  mutable std::uint64_t kept_in = 0;
};

// The cached evaluations of one root module (its folder and address prefix).
struct CachedUnit {
  // The texts of the .tfvars and --var-file files the variables were set from.
  std::string inputs;
  std::unordered_map<std::string, std::shared_ptr<const CachedEvaluation>> evaluations;
};

// A resource instance lowered to ARM shape, with what it was lowered from: lowering is a
// function of the evaluated resource alone.
struct CachedLowering {
  EvaluatedResource from;
  graph::Fragment fragment;
  source::Diagnostics diagnostics;
  mutable std::uint64_t used_in = 0;  // the last run that lowered or kept it
};

// Kept by the caller between runs over the same files; one run at a time. Each run keeps
// what it evaluated, lowered or reused and drops the rest.
struct EvaluationCache {
  std::map<std::string, CachedUnit> units;
  // By address and declaring block (root modules of one estate may share addresses).
  std::unordered_map<std::string, std::shared_ptr<const CachedLowering>> lowerings;
  std::uint64_t runs = 0;     // numbers the runs, for the evaluations' and lowerings' bookkeeping
  std::size_t reused = 0;     // evaluations taken from the cache in the last run
  std::size_t evaluated = 0;  // evaluations made in the last run where a cache was given
  std::size_t lowered = 0;    // resource instances lowered in the last run
};

}  // namespace ztlint::terraform
