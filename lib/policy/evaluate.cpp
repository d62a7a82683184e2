#include "policy/evaluate.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>
#include <tuple>

#include "analysis/analyses.h"
#include "analysis/property.h"
#include "parallel/parallel_for.h"
#include "timing/stage_timings.h"

namespace ztlint::policy {

namespace {

using analysis::Tri;
using graph::ResourceIndex;
using value::Value;

// What the facts that held contributed to a verdict.
struct Evidence {
  source::Span span;  // the first span a fact about the subject gave
  std::string detail;
  Value value;  // the first fact value about the subject
  bool has_value = false;
  // Attributes of the subject whose tests made the verdict a violation: tests that held,
  // and tests under `not` that failed.
  std::vector<std::string> contributing;
  std::vector<RelatedLocation> related;
  std::string unknown_reason;
};

class Evaluator {
 public:
  Evaluator(const graph::ResourceGraph& graph, const FactContext& facts)
      : graph_(graph), facts_(facts) {}

  Tri evaluate(const Condition& condition, ResourceIndex subject, ResourceIndex resource,
               bool positive, Evidence& evidence, int depth = 0) const {
    if (depth > 32) return Tri::kUnknown;
    switch (condition.kind) {
      case Condition::Kind::kAll: {
        Tri result = Tri::kTrue;
        for (const Condition& child : condition.children) {
          result = analysis::tri_and(
              result, evaluate(child, subject, resource, positive, evidence, depth + 1));
          if (result == Tri::kFalse) break;
        }
        return result;
      }
      case Condition::Kind::kAny: {
        Tri result = Tri::kFalse;
        for (const Condition& child : condition.children) {
          result = analysis::tri_or(
              result, evaluate(child, subject, resource, positive, evidence, depth + 1));
          if (result == Tri::kTrue) break;
        }
        return result;
      }
      case Condition::Kind::kNot:
        return analysis::tri_not(evaluate(condition.children.front(), subject, resource, !positive,
                                          evidence, depth + 1));
      case Condition::Kind::kType:
        return analysis::tri(std::any_of(
            condition.types.begin(), condition.types.end(), [&](const std::string& type) {
              return value::iequals(graph_.resource(resource).type, type);
            }));
      case Condition::Kind::kParent: {
        auto parent = graph_.parent(resource);
        if (!parent) {
          // A child whose parent is not in the estate: what the parent is, is unknown.
          return graph_.resource(resource).parent.is_null() ? Tri::kFalse : Tri::kUnknown;
        }
        return evaluate(condition.children.front(), subject, *parent, positive, evidence,
                        depth + 1);
      }
      case Condition::Kind::kIncoming:
      case Condition::Kind::kOutgoing:
        return evaluate_edges(condition, subject, resource, positive, evidence, depth);
      case Condition::Kind::kAttribute:
        return evaluate_attribute(condition, subject, resource, positive, evidence);
      case Condition::Kind::kFact:
        return evaluate_fact(condition, subject, resource, positive, evidence);
    }
    return Tri::kUnknown;
  }

 private:
  Tri evaluate_edges(const Condition& condition, ResourceIndex subject, ResourceIndex resource,
                     bool positive, Evidence& evidence, int depth) const {
    const bool incoming = condition.kind == Condition::Kind::kIncoming;
    Tri result = Tri::kFalse;
    const auto edges = incoming ? graph_.in_edges(resource) : graph_.out_edges(resource);
    for (std::uint32_t edge_index : edges) {
      const graph::Edge& edge = graph_.edges()[edge_index];
      if (!condition.path.empty() && edge.path.rfind(condition.path, 0) != 0) continue;
      const ResourceIndex other = incoming ? edge.from : edge.to;
      if (!condition.types.empty() &&
          std::none_of(condition.types.begin(), condition.types.end(), [&](const std::string& t) {
            return value::iequals(graph_.resource(other).type, t);
          })) {
        continue;
      }
      Tri matched = Tri::kTrue;
      if (!condition.children.empty()) {
        matched =
            evaluate(condition.children.front(), subject, other, positive, evidence, depth + 1);
      }
      if (matched == Tri::kTrue && positive) {
        evidence.related.push_back(
            RelatedLocation{analysis::resource_span(graph_, other),
                            incoming ? "a resource referring to it" : "a resource it refers to"});
      }
      result = analysis::tri_or(result, matched);
      if (result == Tri::kTrue) return result;
    }
    if (result == Tri::kFalse && !incoming && !condition.path.empty()) {
      // A reference that is written but cannot be resolved or known might match.
      const analysis::Lookup found = analysis::lookup(graph_.resource(resource), condition.path);
      if (found.unknown) return Tri::kUnknown;
      for (const Value* v : found.values) {
        if (!v->is_null() && !v->is_wholly_known()) return Tri::kUnknown;
      }
    }
    return result;
  }

  Tri evaluate_attribute(const Condition& condition, ResourceIndex subject, ResourceIndex resource,
                         bool positive, Evidence& evidence) const {
    const graph::Resource& target = graph_.resource(resource);
    if (target.body.is_unknown()) {
      note_unknown(evidence,
                   fmt::format("the properties of '{}' are not known offline", target.address));
      return Tri::kUnknown;
    }
    const analysis::Lookup found = analysis::lookup(target, condition.path);
    std::vector<const Value*> values;
    for (const Value* v : found.values) {
      if (!v->is_null()) values.push_back(v);
    }
    const Test& test = condition.test;
    Tri result = Tri::kFalse;
    if (test.op == TestOperator::kExists) {
      result = !values.empty() ? Tri::kTrue : (found.unknown ? Tri::kUnknown : Tri::kFalse);
      if (!test.expected) result = analysis::tri_not(result);
    } else if (values.empty()) {
      if (found.unknown) {
        result = Tri::kUnknown;
      } else if (test.default_value) {
        result = apply(test, *test.default_value);
      } else {
        result = Tri::kFalse;
      }
    } else {
      for (const Value* v : values) result = analysis::tri_or(result, apply(test, *v));
    }
    if (result == Tri::kUnknown) {
      note_unknown(evidence, fmt::format("'{}' of '{}' is not known offline", condition.path,
                                         target.address));
    }
    if (result == Tri::kTrue && positive && resource == subject && !values.empty() &&
        !evidence.has_value) {
      evidence.value = *values.front();
      evidence.has_value = true;
    }
    if (resource == subject &&
        ((positive && result == Tri::kTrue) || (!positive && result == Tri::kFalse))) {
      evidence.contributing.push_back(condition.path);
    }
    return result;
  }

  Tri evaluate_fact(const Condition& condition, ResourceIndex subject, ResourceIndex resource,
                    bool positive, Evidence& evidence) const {
    const FactResult fact = condition.fact->compute(facts_, resource);
    const Test& test = condition.test;
    Tri result = Tri::kUnknown;
    if (test.op == TestOperator::kIncludesAnyPort || test.op == TestOperator::kCoversAllPorts) {
      if (fact.ports) {
        if (test.op == TestOperator::kCoversAllPorts) {
          result = analysis::tri(fact.ports->covers_all() == test.expected);
        } else {
          bool any = false;
          for (const Value& port : test.operand.as_list()) {
            auto wanted = analysis::PortSet::parse(port.as_string());
            analysis::PortSet overlap = *wanted;
            analysis::PortSet outside = *wanted;
            outside.subtract(*fact.ports);
            any = any || outside != overlap;
          }
          result = analysis::tri(any);
        }
      }
    } else if (fact.value.is_unknown()) {
      result = Tri::kUnknown;
    } else if (test.op == TestOperator::kExists) {
      result = analysis::tri(!fact.value.is_null() == test.expected);
    } else {
      result = apply(test, fact.value);
    }
    if (result == Tri::kUnknown) {
      note_unknown(evidence,
                   fact.value.is_unknown() && !fact.value.as_unknown().reason.empty()
                       ? fmt::format("{}: {}", condition.fact->name, fact.value.as_unknown().reason)
                       : fmt::format("{} is not known offline", condition.fact->name));
    }
    // A fact about the subject locates and words the finding whichever way it was tested
    // (`not: {fact: firewall.threat_intel_mode, equals: Deny}` points at the mode).
    if (result != Tri::kUnknown && resource == subject && !fact.value.is_unknown()) {
      if (!evidence.span.valid() && fact.span.valid()) evidence.span = fact.span;
      if (!evidence.has_value && !fact.value.is_bool()) {
        evidence.value = fact.value;
        evidence.has_value = true;
      }
    }
    if (result == Tri::kTrue && positive) {
      if (resource == subject && evidence.detail.empty()) evidence.detail = fact.detail;
      evidence.related.insert(evidence.related.end(), fact.related.begin(), fact.related.end());
    }
    return result;
  }

  static void note_unknown(Evidence& evidence, std::string reason) {
    if (evidence.unknown_reason.empty()) evidence.unknown_reason = std::move(reason);
  }

  static bool scalar_equals(const Test& test, const Value& actual, const Value& wanted) {
    if (actual.is_string() && wanted.is_string()) {
      return test.ignore_case ? value::iequals(actual.as_string(), wanted.as_string())
                              : actual.as_string() == wanted.as_string();
    }
    if (actual.is_string() && (wanted.is_bool() || wanted.is_number())) {
      // Front ends may keep "true" or "22" as strings; compare their text.
      return value::iequals(actual.as_string(), wanted.to_display());
    }
    return actual == wanted;
  }

  static std::optional<double> as_number(const Value& v) {
    if (v.is_number()) return v.as_number();
    if (v.is_string()) {
      char* end = nullptr;
      const std::string& text = v.as_string();
      const double parsed = std::strtod(text.c_str(), &end);
      if (!text.empty() && end == text.c_str() + text.size()) return parsed;
    }
    return std::nullopt;
  }

  // One test against one value; lists satisfy it when an item does.
  static Tri apply(const Test& test, const Value& actual) {
    if (actual.is_unknown() || actual.is_ref()) {
      return Tri::kUnknown;
    }
    if (actual.is_list() && test.op != TestOperator::kTruthy) {
      Tri result = Tri::kFalse;
      for (const Value& item : actual.as_list())
        result = analysis::tri_or(result, apply(test, item));
      return result;
    }
    switch (test.op) {
      case TestOperator::kTruthy:
        if (actual.is_bool()) return analysis::tri(actual.as_bool());
        if (actual.is_string()) return analysis::tri(!actual.as_string().empty());
        return analysis::tri(!actual.is_null());
      case TestOperator::kExists: return analysis::tri(!actual.is_null() == test.expected);
      case TestOperator::kEquals: return analysis::tri(scalar_equals(test, actual, test.operand));
      case TestOperator::kIn:
        for (const Value& wanted : test.operand.as_list()) {
          if (scalar_equals(test, actual, wanted)) return Tri::kTrue;
        }
        return Tri::kFalse;
      case TestOperator::kMatches:
        if (!actual.is_string() && !actual.is_number()) return Tri::kFalse;
        return analysis::tri(RE2::FullMatch(actual.to_display(), *test.regex));
      case TestOperator::kPrefixLongerThan:
      case TestOperator::kPrefixShorterThan:
      case TestOperator::kWithin: {
        if (!actual.is_string()) return Tri::kFalse;
        auto cidr = analysis::parse_cidr(actual.as_string());
        if (!cidr) return Tri::kFalse;
        if (test.op == TestOperator::kWithin) {
          return analysis::tri(std::any_of(
              test.cidrs.begin(), test.cidrs.end(),
              [&](const auto& outer) { return analysis::cidr_contains(outer, *cidr); }));
        }
        const double limit = test.operand.as_number();
        return analysis::tri(test.op == TestOperator::kPrefixLongerThan ? cidr->prefix > limit
                                                                        : cidr->prefix < limit);
      }
      case TestOperator::kGreaterThan:
      case TestOperator::kLessThan:
      case TestOperator::kAtLeast:
      case TestOperator::kAtMost: {
        auto number = as_number(actual);
        if (!number) return Tri::kFalse;
        const double limit = test.operand.as_number();
        switch (test.op) {
          case TestOperator::kGreaterThan: return analysis::tri(*number > limit);
          case TestOperator::kLessThan: return analysis::tri(*number < limit);
          case TestOperator::kAtLeast: return analysis::tri(*number >= limit);
          default: return analysis::tri(*number <= limit);
        }
      }
      case TestOperator::kIncludesAnyPort:
      case TestOperator::kCoversAllPorts: return Tri::kUnknown;
    }
    return Tri::kUnknown;
  }

  const graph::ResourceGraph& graph_;
  const FactContext& facts_;
};

std::string format_message(const std::string& pattern, const graph::Resource& resource,
                           const Evidence& evidence, const Value* location_value) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::size_t open = std::min(pattern.find('{', i), pattern.size());
    out.append(pattern, i, open - i);
    i = open;
    if (i == pattern.size()) break;
    const auto close = pattern.find('}', i);
    if (close == std::string::npos) {
      out += pattern.substr(i);
      break;
    }
    const std::string_view key(pattern.data() + i + 1, close - i - 1);
    if (key == "resource.name") {
      const std::string leaf = analysis::leaf_name(resource);
      out += leaf.empty() ? resource.address : leaf;
    } else if (key == "resource.full_name") {
      out += resource.name.is_string() ? resource.name.as_string() : resource.address;
    } else if (key == "resource.address") {
      out += resource.address;
    } else if (key == "resource.type") {
      out += resource.type;
    } else if (key == "value") {
      if (location_value) {
        out += location_value->to_display();
      } else if (evidence.has_value) {
        out += evidence.value.to_display();
      }
    } else if (key == "detail") {
      out += evidence.detail;
    } else {
      out += pattern.substr(i, close - i + 1);
    }
    i = close;
  }
  return out;
}

// The resources `policy` judges, in the order its types list them.
std::vector<ResourceIndex> judged_by(const Policy& policy, const graph::ResourceGraph& graph) {
  std::vector<ResourceIndex> judged;
  const std::vector<std::string>& types = policy.rule.resource_types;
  for (auto type = types.begin(); type != types.end(); ++type) {
    // A resource has one type: a type listed twice (in any case) would judge it twice.
    if (std::any_of(types.begin(), type,
                    [&](const std::string& earlier) { return value::iequals(earlier, *type); })) {
      continue;
    }
    for (ResourceIndex index : graph.of_type(*type)) {
      const graph::Resource& resource = graph.resource(index);
      // Only what the estate declares is judged; references stand for declared resources.
      if (resource.reference_only || graph.canonical(index) != index) continue;
      judged.push_back(index);
    }
  }
  return judged;
}

void evaluate_policy(const Policy& policy, std::span<const ResourceIndex> judged,
                     const graph::ResourceGraph& graph, const Evaluator& evaluator,
                     const EvaluationOptions& options, std::vector<Finding>& findings) {
  for (ResourceIndex index : judged) {
    const graph::Resource& resource = graph.resource(index);
    Evidence evidence;
    const Tri verdict = evaluator.evaluate(policy.rule.condition, index, index, true, evidence);
    if (verdict == Tri::kFalse || (verdict == Tri::kUnknown && !options.strict)) continue;
    Finding finding;
    finding.rule_id = policy.info.id;
    finding.rule_name = policy.info.name;
    finding.principles = policy.info.principles;
    finding.resource_address = resource.address;
    finding.resource_type = resource.type;
    finding.span = analysis::resource_span(graph, index);
    if (verdict == Tri::kUnknown) {
      finding.severity = Severity::kInfo;
      finding.cannot_verify = true;
      finding.message =
          fmt::format("cannot verify {} ({}) for '{}': {}", policy.info.id, policy.info.name,
                      format_message("{resource.name}", resource, evidence, nullptr),
                      evidence.unknown_reason.empty() ? "a value is not known offline"
                                                      : evidence.unknown_reason);
      findings.push_back(std::move(finding));
      continue;
    }
    finding.severity = policy.info.severity;
    const Value* location_value = nullptr;
    // The listed attributes that made this a violation are the places to fix; the others
    // (a value that was fine) come after them.
    std::vector<std::string> locations = policy.rule.location;
    std::stable_partition(locations.begin(), locations.end(), [&](const std::string& location) {
      return std::find(evidence.contributing.begin(), evidence.contributing.end(), location) !=
             evidence.contributing.end();
    });
    for (const std::string& location : locations) {
      if (location == "fact") {
        if (evidence.span.valid()) {
          finding.span = evidence.span;
          break;
        }
        continue;
      }
      const analysis::Lookup found = analysis::lookup(resource, location);
      const Value* v = found.first();
      if (v && v->span().valid()) {
        finding.span = v->span();
        location_value = v;
        break;
      }
    }
    finding.message = format_message(policy.rule.message, resource, evidence, location_value);
    for (const std::string& related : policy.rule.related) {
      if (related == "parent") {
        if (auto parent = graph.parent(index)) {
          evidence.related.push_back(
              RelatedLocation{analysis::resource_span(graph, *parent), "the parent resource"});
        }
      }
    }
    for (RelatedLocation& related : evidence.related) {
      if (!related.span.valid() || related.span == finding.span) continue;
      const bool seen =
          std::any_of(finding.related.begin(), finding.related.end(),
                      [&](const RelatedLocation& r) { return r.span == related.span; });
      if (!seen) finding.related.push_back(std::move(related));
    }
    findings.push_back(std::move(finding));
  }
}

// The findings `order` points to, moved out in that order. Sorting pointers and moving
// each finding once costs far less than sorting the findings themselves.
std::vector<Finding> take_in_order(const std::vector<Finding*>& order) {
  std::vector<Finding> taken;
  taken.reserve(order.size());
  for (Finding* finding : order) taken.push_back(std::move(*finding));
  return taken;
}

// Every policy's findings, policy by policy, in runs.
std::vector<std::vector<Finding>> run(const graph::ResourceGraph& graph, const PolicySet& policies,
                                      const EvaluationOptions& options) {
  if (!graph.linked()) return {};
  std::optional<timing::ScopedStage> stage(timing::Stage::kAnalyse);
  const analysis::Analyses analyses = analysis::analyse(graph);
  stage.reset();
  timing::ScopedStage evaluating(timing::Stage::kEvaluate);
  const FactContext facts(graph, analyses);
  const Evaluator evaluator(graph, facts);
  // Resources are judged independently over immutable analyses. The work is cut into runs
  // of one policy's resources: a policy over every subnet would otherwise keep one thread
  // busy while the others are done.
  constexpr std::size_t kRun = 128;
  struct Piece {
    std::size_t policy;
    std::span<const ResourceIndex> judged;
    std::vector<Finding> findings;
  };
  const std::vector<Policy>& list = policies.policies();
  std::vector<std::vector<ResourceIndex>> judged(list.size());
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < list.size(); ++i) {
    judged[i] = judged_by(list[i], graph);
    const std::span<const ResourceIndex> all(judged[i]);
    for (std::size_t start = 0; start < all.size(); start += kRun) {
      pieces.push_back(Piece{i, all.subspan(start, std::min(kRun, all.size() - start)), {}});
    }
  }
  parallel::parallel_for(pieces.size(), options.jobs, [&](std::size_t i) {
    Piece& piece = pieces[i];
    evaluate_policy(list[piece.policy], piece.judged, graph, evaluator, options, piece.findings);
  });
  std::vector<std::vector<Finding>> runs;
  runs.reserve(pieces.size());
  for (Piece& piece : pieces) runs.push_back(std::move(piece.findings));
  return runs;
}

// All findings in the order `less` gives, each moved once.
template <typename Less>
std::vector<Finding> ordered(std::vector<std::vector<Finding>> runs, Less less) {
  std::vector<Finding*> order;
  for (std::vector<Finding>& found : runs) {
    for (Finding& finding : found) order.push_back(&finding);
  }
  std::sort(order.begin(), order.end(),
            [&](const Finding* a, const Finding* b) { return less(*a, *b); });
  return take_in_order(order);
}

}  // namespace

std::vector<Finding> evaluate_graph(const graph::ResourceGraph& graph, const PolicySet& policies,
                                    const EvaluationOptions& options) {
  return ordered(run(graph, policies, options), [](const Finding& a, const Finding& b) {
    return std::tie(a.span.file, a.span.range.begin, a.rule_id, a.resource_address) <
           std::tie(b.span.file, b.span.range.begin, b.rule_id, b.resource_address);
  });
}

std::vector<Finding> evaluate(const estate::Estate& estate, const PolicySet& policies,
                              const EvaluationOptions& options) {
  // Sorted by path through each file's rank, worked out once: comparing paths, or looking
  // them up, per comparison costs more than all the rest of the sort. Files of the same path
  // share a rank, so ties fall to the next key.
  const std::vector<std::uint32_t> rank = estate.sources.path_ranks();
  const auto key = [&](const Finding& f) {
    const std::uint32_t r = f.span.valid() && f.span.file < rank.size() ? rank[f.span.file] : 0;
    return std::make_tuple(r, f.span.range.begin, std::string_view(f.rule_id),
                           std::string_view(f.resource_address));
  };
  return ordered(run(estate.graph, policies, options),
                 [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace ztlint::policy
