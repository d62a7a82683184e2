// What one front end contributes to the estate before linking.
#pragma once

#include <utility>
#include <vector>

#include "graph/language.h"
#include "graph/patch.h"
#include "graph/resource.h"
#include "source/text_range.h"

namespace ztlint::graph {

// A front end's output: its resources, the patches its association resources make, and
// the files it read with the language it read them as (the JSON contract's `files`). A
// front end fills one Fragment; the estate merges them and links once.
struct Fragment {
  std::vector<Resource> resources;
  std::vector<Patch> patches;
  std::vector<std::pair<source::FileId, Language>> files;
};

}  // namespace ztlint::graph
