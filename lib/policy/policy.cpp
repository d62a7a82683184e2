#include "policy/policy.h"

namespace ztlint::policy {

std::string PolicyInfo::help_uri() const {
  // The policy's primary reference in the Azure documentation: a real page that explains
  // the control, reachable from SARIF viewers and editors.
  return docs.references.empty() ? std::string() : docs.references.front();
}

}  // namespace ztlint::policy
