// Entry point of the Terraform front end: .tf folders (modules) into graph fragments.
#pragma once

#include <string>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/source_set.h"
#include "terraform/parsed_file.h"

namespace ztlint::terraform {

struct EvaluationCache;

struct Inputs {
  // Every .tf file of the run. Files of one folder form one module; a folder that another
  // folder of the run calls as a local module is evaluated only through those calls.
  std::vector<source::FileId> tf_files;
  // terraform.tfvars, *.auto.tfvars (and .json forms) found beside root modules.
  std::vector<source::FileId> tfvars_files;
  // --var-file paths, applied to every root module, after the automatic ones.
  std::vector<std::string> var_files;
  // Files already parsed (in parallel, or in an earlier run of the language server). Any
  // other file is parsed when it is needed.
  const ParsedFiles* parsed = nullptr;
  unsigned jobs = 0;  // threads for lowering; 0: one per core
  // Evaluations kept from an earlier run over the same files (the language server's);
  // null: evaluate everything.
  EvaluationCache* evaluation_cache = nullptr;
};

// Parses, evaluates and lowers the modules to ARM-shaped resources. Never throws on user
// input: problems become diagnostics and the rest is still lowered.
void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics);

}  // namespace ztlint::terraform
