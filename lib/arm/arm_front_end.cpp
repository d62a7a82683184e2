// TEMPORARY scaffold so the tree links while the front end is written; replaced by it.
#include "arm/arm_front_end.h"

namespace ztlint::arm {

void load(source::SourceSet&, const Inputs&, graph::Fragment&, source::Diagnostics&) {}

}  // namespace ztlint::arm
