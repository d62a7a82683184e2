// TEMPORARY scaffold so the tree links while the front end is written; replaced by it.
#include "bicep/bicep_front_end.h"

namespace ztlint::bicep {

void load(source::SourceSet&, const Inputs&, graph::Fragment&, source::Diagnostics&) {}

}  // namespace ztlint::bicep
