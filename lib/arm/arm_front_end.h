// Entry point of the ARM front end: deployment templates into graph fragments.
#pragma once

#include <string>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::arm {

struct Inputs {
  // Every .json file of the run. Those whose top-level $schema names deploymentTemplate
  // are templates, deploymentParameters are parameter files; other JSON is ignored.
  std::vector<source::FileId> json_files;
  // --parameters files, applied to every template of the run.
  std::vector<std::string> parameter_files;
};

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics);

}  // namespace ztlint::arm
