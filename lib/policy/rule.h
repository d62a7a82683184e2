// The checkable part of a policy: the resource types it applies to, its condition tree,
// its message, and where its findings point.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/cidr.h"
#include "policy/fact.h"
#include "value/value.h"

namespace re2 {
class RE2;
}

namespace ztlint::policy {

// What a test asks of the value it reads (an attribute or a fact).
enum class TestOperator {
  kTruthy,             // no operator: the value is true (facts) / present and not false
  kExists,             // exists: true|false
  kEquals,             // equals: scalar (ignore_case: true by default for strings)
  kIn,                 // in: [scalars]
  kMatches,            // matches: RE2 pattern (full match)
  kPrefixLongerThan,   // cidr_prefix_longer_than: N (a network smaller than /N)
  kPrefixShorterThan,  // cidr_prefix_shorter_than: N (a network larger than /N)
  kWithin,             // cidr_within: [CIDRs]
  kGreaterThan,        // greater_than: number
  kLessThan,           // less_than: number
  kAtLeast,            // at_least: number
  kAtMost,             // at_most: number
  kIncludesAnyPort,    // includes_any_port: [ports] (port facts)
  kCoversAllPorts,     // covers_all_ports: true (port facts)
};

struct Test {
  TestOperator op = TestOperator::kTruthy;
  value::Value operand;  // scalar, list of scalars, or number
  bool expected = true;  // exists: false / covers_all_ports: false
  bool ignore_case = true;
  std::shared_ptr<const re2::RE2> regex;  // matches
  std::vector<analysis::Cidr> cidrs;      // cidr_within
  // Used when the attribute is absent: Azure's documented default.
  std::optional<value::Value> default_value;
};

// One node of a condition tree. Evaluates to true, false or unknown on a resource.
struct Condition {
  enum class Kind {
    kAll,        // all: [conditions]
    kAny,        // any: [conditions]
    kNot,        // not: condition
    kAttribute,  // attribute: path + test
    kFact,       // fact: name + test
    kParent,     // parent: condition on the parent resource
    kIncoming,   // incoming: {path, from_type, where}: some edge into the resource
    kOutgoing,   // outgoing: {path, to_type, where}: some edge out of the resource
    kType,       // type: [ARM types]: the resource is of one of these types
  };
  Kind kind = Kind::kAll;
  std::vector<Condition> children;  // all/any; not, parent, where hold one
  std::string path;                 // attribute path, or edge path prefix
  const FactDefinition* fact = nullptr;
  std::vector<std::string> types;  // from_type / to_type / type
  Test test;
  int line = 0;  // 1-based line in the policy file
};

struct Rule {
  std::vector<std::string> resource_types;  // canonical ARM types, compared ignoring case
  Condition condition;
  // Placeholders: {resource.name} (last name segment), {resource.full_name},
  // {resource.address}, {resource.type}, {value} (the value at the location), {detail}
  // (the words of the facts that held).
  std::string message;
  // Where a finding points, first match wins: attribute paths, or `fact` for the span of
  // the facts that held; the resource's declaring range otherwise.
  std::vector<std::string> location;
  // Extra related locations: `parent`.
  std::vector<std::string> related;
};

}  // namespace ztlint::policy
