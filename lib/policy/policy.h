// A policy's identity and documentation; the condition it checks lives in policy/rule.h.
#pragma once

#include <string>
#include <vector>

#include "policy/rule.h"
#include "policy/severity.h"

namespace ztlint::policy {

// The documentation of a policy, written once in its YAML file and shown by `ztlint
// explain`, SARIF rule descriptions and LSP hovers.
struct PolicyDocs {
  std::string summary;         // one line: the short description
  std::string what;            // What it checks
  std::string why;             // Why it matters
  std::string example;         // Example (a violating snippet)
  std::string fix;             // Fix
  std::vector<std::string> references;  // URLs of Azure documentation
};

struct PolicyInfo {
  std::string id;    // "ZT-NET-001"; never reused
  std::string name;  // kebab-case name of the bad pattern
  Severity severity = Severity::kInfo;
  std::vector<std::string> principles;  // verify-explicitly, least-privilege, assume-breach
  std::string source_path;              // the YAML file it was loaded from ("builtin:...")
  // The ARM types the policy judges (JUnit reports one test case per policy × resource).
  std::vector<std::string> resource_types;
  PolicyDocs docs;
  // The primary documentation page, for SARIF helpUri and LSP codeDescription (empty when
  // the policy names no reference).
  std::string help_uri() const {
    // The policy's primary reference in the Azure documentation: a real page that explains
    // the control, reachable from SARIF viewers and editors.
    return docs.references.empty() ? std::string() : docs.references.front();
  }
};

// A loaded policy: who it is and what it checks. A value type.
struct Policy {
  PolicyInfo info;
  Rule rule;
};

}  // namespace ztlint::policy
