// Loading an estate: discovery, every front end, and one linked resource graph.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/language.h"
#include "graph/resource_graph.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::terraform {
struct EvaluationCache;
}

namespace ztlint::estate {

struct LoadOptions {
  std::vector<std::string> paths;            // files and folders; the estate is all of them
  std::vector<std::string> var_files;        // Terraform --var-file
  std::vector<std::string> parameter_files;  // ARM / Bicep --parameters
  // Discovered files for which this returns true are not read (configured excludes).
  std::function<bool(const std::string&)> exclude;
  // Texts that take precedence over the disk (an editor's open buffers), keyed by the path
  // as discovery spells it. A path here that discovery does not find is added too.
  std::map<std::string, std::string> overlays;
  // Threads for parsing (`-j`); 0 means one per core. The result does not depend on it.
  unsigned jobs = 0;
  // Parses kept between runs (the language server's); null: parse everything.
  class SyntaxCache* cache = nullptr;
  // Texts of unchanged files kept between runs (the language server's); null: read all.
  class FileTextCache* texts = nullptr;
  // Terraform evaluations kept between runs (the language server's); null: evaluate all.
  terraform::EvaluationCache* evaluations = nullptr;
};

// One input file as the JSON contract's `files` lists it.
struct FileSummary {
  source::FileId file = 0;
  graph::Language language = graph::Language::kTerraform;
  int resources = 0;  // resources declared in this file that reached the graph
};

// Everything read in one run. Owns its sources; the graph's spans point into them.
struct Estate {
  source::SourceSet sources;
  graph::ResourceGraph graph;
  source::Diagnostics diagnostics;  // every input problem, in a stable order
  std::vector<FileSummary> files;   // sorted by path
};

// Reads the estate. Never throws on user input: unreadable or broken files become
// diagnostics, and everything else is still read.
std::unique_ptr<Estate> load_estate(const LoadOptions& options);

}  // namespace ztlint::estate
