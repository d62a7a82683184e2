#include "report/fingerprint.h"

#include <fmt/format.h>

#include <cstdint>

namespace ztlint::report {

namespace {

// FNV-1a, 64 bits: stable across platforms and releases, which is all a fingerprint needs.
class Fnv1a {
 public:
  void add(std::string_view text) {
    for (char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xFF;  // separator, so ("ab","c") and ("a","bc") differ
    hash_ *= 0x100000001b3ULL;
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::string fold_whitespace(std::string_view text) {
  std::string out;
  bool in_space = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      in_space = !out.empty();
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string finding_fingerprint(const source::SourceSet& sources, const policy::Finding& finding) {
  Fnv1a hash;
  hash.add(finding.rule_id);
  hash.add(finding.resource_address);
  if (finding.span.valid() && finding.span.file < sources.size()) {
    hash.add(fold_whitespace(sources.file(finding.span.file).slice(finding.span.range)));
  }
  return fmt::format("{:016x}", hash.value());
}

}  // namespace ztlint::report
