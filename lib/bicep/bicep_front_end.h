// Entry point of the Bicep front end: .bicep files (and .bicepparam) into graph fragments.
#pragma once

#include <string>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::bicep {

struct Inputs {
  // Every .bicep file of the run. A file that another file of the run uses as a module is
  // evaluated only through those module declarations.
  std::vector<source::FileId> bicep_files;
  // .bicepparam files; each supplies values to the template its `using` names.
  std::vector<source::FileId> bicepparam_files;
  // --parameters files (JSON parameter files or .bicepparam), applied to every template.
  std::vector<std::string> parameter_files;
};

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics);

}  // namespace ztlint::bicep
