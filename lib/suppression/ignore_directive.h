// Inline suppressions: `ztlint:ignore` comments (HCL, Bicep) and ARM metadata entries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "estate/estate.h"
#include "graph/resource_graph.h"
#include "source/text_range.h"

namespace ztlint::suppression {

// One suppression as written:
//   HCL    `# ztlint:ignore ZT-NET-001 -- reason` (or `//`), on the line before the block or
//          at the end of its declaring line;
//   Bicep  `// ztlint:ignore ZT-NET-001, ZT-NET-004 -- reason`, likewise (decorators between
//          the comment and the declaration are allowed);
//   ARM    "metadata": {"ztlint": {"ignore": ["ZT-NET-001 -- reason"]}} on a resource, or
//          entries {"id": "ZT-NET-001", "reason": "..."}.
struct IgnoreDirective {
  source::Span span;              // the comment or metadata entry
  std::vector<std::string> ids;   // policy IDs it names
  std::string reason;             // empty when none was given
  // The resources whose declaration it is attached to; empty when it precedes no resource.
  std::vector<graph::ResourceIndex> targets;
};

// Finds every directive in the estate's Terraform, Bicep and ARM files.
std::vector<IgnoreDirective> collect_directives(const estate::Estate& estate);

// Parses the text after `ztlint:ignore`: IDs separated by commas or spaces, then
// optionally `--` and a reason.
void parse_directive_text(std::string_view text, IgnoreDirective& directive);

}  // namespace ztlint::suppression
