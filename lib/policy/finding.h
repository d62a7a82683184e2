// A policy violation found in the estate: what every output format renders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/severity.h"
#include "source/text_range.h"

namespace ztlint::policy {

// A place that explains a finding: the hub firewall a route bypasses, the other peering.
struct RelatedLocation {
  source::Span span;
  std::string message;
};

// Why a finding is not counted: an inline `ztlint:ignore` comment or ARM metadata entry.
struct Suppression {
  std::string reason;
  source::Span span;  // the directive
};

// One violation of one policy by one resource. Knows nothing of output formats: emitters
// in report/ and lsp/ convert it.
struct Finding {
  std::string rule_id;    // "ZT-NET-001"
  std::string rule_name;  // "subnet-without-nsg"
  Severity severity = Severity::kInfo;
  std::vector<std::string> principles;
  std::string message;
  // What a person would fix: the offending attribute where one is written, otherwise the
  // declaring block.
  source::Span span;
  std::string resource_address;
  std::string resource_type;
  std::vector<RelatedLocation> related;
  // Under --strict: Unknown values blocked a verdict; severity is then info.
  bool cannot_verify = false;
  // Set when a directive with a reason suppresses it: still reported in JSON and SARIF,
  // never counted for the exit code or shown in text.
  std::optional<Suppression> suppressed;
};

}  // namespace ztlint::policy
