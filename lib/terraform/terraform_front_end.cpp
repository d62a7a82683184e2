// TEMPORARY scaffold so the tree links while the front end is written; replaced by it.
#include "terraform/terraform_front_end.h"

namespace ztlint::terraform {

void load(source::SourceSet&, const Inputs&, graph::Fragment&, source::Diagnostics&) {}

}  // namespace ztlint::terraform
