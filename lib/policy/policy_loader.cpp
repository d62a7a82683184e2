#include "policy/policy_loader.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "value/value.h"

namespace ztlint::policy {

namespace {

// A problem in the policy file; caught at the top of parse_policy.
struct PolicyError {
  int line = 0;
  int column = 0;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message) {
  const YAML::Mark mark = node.Mark();
  // An empty document has no mark (-1): its problem is at the start of the file.
  throw PolicyError{std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1, std::move(message)};
}

// `key:` with nothing after it: YAML gives the empty value the mark of whatever follows, so
// the problem is reported at the key. `default` may be null on purpose.
void fail_on_empty_values(const YAML::Node& map) {
  for (const auto& entry : map) {
    if (entry.second.IsNull() && entry.first.IsScalar() && entry.first.Scalar() != "default") {
      fail(entry.first, fmt::format("'{}' has no value", entry.first.Scalar()));
    }
  }
}

constexpr std::array<std::string_view, 10> kTopLevelKeys = {
    "id",        "name",    "severity", "principles", "resource_types",
    "condition", "message", "location", "related",    "docs"};
constexpr std::array<std::string_view, 6> kDocsKeys = {"summary", "what", "why",
                                                       "example", "fix",  "references"};
constexpr std::array<std::string_view, 3> kPrinciples = {"verify-explicitly", "least-privilege",
                                                         "assume-breach"};
constexpr std::array<std::string_view, 9> kHeads = {
    "all", "any", "not", "attribute", "fact", "parent", "incoming", "outgoing", "type"};

struct OperatorName {
  std::string_view key;
  TestOperator op;
};
constexpr std::array<OperatorName, 13> kOperators = {{
    {"exists", TestOperator::kExists},
    {"equals", TestOperator::kEquals},
    {"in", TestOperator::kIn},
    {"matches", TestOperator::kMatches},
    {"cidr_prefix_longer_than", TestOperator::kPrefixLongerThan},
    {"cidr_prefix_shorter_than", TestOperator::kPrefixShorterThan},
    {"cidr_within", TestOperator::kWithin},
    {"greater_than", TestOperator::kGreaterThan},
    {"less_than", TestOperator::kLessThan},
    {"at_least", TestOperator::kAtLeast},
    {"at_most", TestOperator::kAtMost},
    {"includes_any_port", TestOperator::kIncludesAnyPort},
    {"covers_all_ports", TestOperator::kCoversAllPorts},
}};
constexpr std::array<std::string_view, 2> kTestModifiers = {"ignore_case", "default"};

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& items, std::string_view key) {
  return std::find(items.begin(), items.end(), key) != items.end();
}

std::string scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) fail(node, fmt::format("{} must be a string", what));
  return node.Scalar();
}

bool boolean(const YAML::Node& node, std::string_view what) {
  const std::string text = node.IsScalar() ? node.Scalar() : std::string();
  if (text == "true") return true;
  if (text == "false") return false;
  fail(node, fmt::format("{} must be true or false", what));
}

double number(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size()) return parsed;
  }
  fail(node, fmt::format("{} must be a number", what));
}

std::vector<std::string> string_list(const YAML::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) fail(node, fmt::format("{} must be a string or a list of strings", what));
  for (const auto& item : node) out.push_back(scalar(item, what));
  return out;
}

// A plain scalar is a bool, number or string as YAML reads it; a quoted one is a string.
value::Value scalar_value(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) {
    value::List items;
    for (const auto& item : node) items.push_back(scalar_value(item, what));
    return value::Value::list(std::move(items));
  }
  if (!node.IsScalar()) fail(node, fmt::format("{} must be a scalar or a list of scalars", what));
  const std::string& text = node.Scalar();
  if (node.Tag() != "!") {
    if (text == "true" || text == "false") return value::Value::boolean(text == "true");
    if (text == "null" || text == "~") return value::Value::null();
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() &&
        (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) {
      return value::Value::number(parsed);
    }
  }
  return value::Value::string(text);
}

Condition parse_condition(const YAML::Node& node);

Test parse_test(const YAML::Node& node, const std::string& head) {
  Test test;
  const OperatorName* chosen = nullptr;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == head) continue;
    auto op = std::find_if(kOperators.begin(), kOperators.end(),
                           [&](const OperatorName& candidate) { return candidate.key == key; });
    if (op != kOperators.end()) {
      if (chosen) {
        fail(entry.first, fmt::format("a test has one operator; '{}' and '{}' are both given",
                                      chosen->key, key));
      }
      chosen = &*op;
      continue;
    }
    if (contains(kTestModifiers, key)) continue;
    fail(entry.first, fmt::format(
                          "unknown key '{}' in a {} test (operators: {}; modifiers: {})", key, head,
                          [] {
                            std::string out;
                            for (const auto& op : kOperators) {
                              if (!out.empty()) out += ", ";
                              out += op.key;
                            }
                            return out;
                          }(),
                          join(kTestModifiers)));
  }
  if (const YAML::Node ignore = node["ignore_case"])
    test.ignore_case = boolean(ignore, "ignore_case");
  if (const YAML::Node fallback = node["default"])
    test.default_value = scalar_value(fallback, "default");
  if (!chosen) return test;
  test.op = chosen->op;
  const YAML::Node operand = node[std::string(chosen->key)];
  const std::string what(chosen->key);
  switch (test.op) {
    case TestOperator::kExists:
    case TestOperator::kCoversAllPorts: test.expected = boolean(operand, what); break;
    case TestOperator::kEquals:
      if (!operand.IsScalar()) fail(operand, "equals takes one scalar (use `in` for a list)");
      test.operand = scalar_value(operand, what);
      break;
    case TestOperator::kIn:
      if (!operand.IsSequence()) fail(operand, "in takes a list of scalars");
      test.operand = scalar_value(operand, what);
      break;
    case TestOperator::kMatches: {
      const std::string pattern = scalar(operand, what);
      auto regex = std::make_shared<const re2::RE2>(pattern, re2::RE2::Quiet);
      if (!regex->ok()) {
        fail(operand, fmt::format("invalid regular expression '{}': {}", pattern, regex->error()));
      }
      test.regex = std::move(regex);
      break;
    }
    case TestOperator::kWithin:
      for (const std::string& text : string_list(operand, what)) {
        auto cidr = analysis::parse_cidr(text);
        if (!cidr) fail(operand, fmt::format("'{}' is not a CIDR prefix", text));
        test.cidrs.push_back(*cidr);
      }
      break;
    case TestOperator::kIncludesAnyPort: {
      value::List ports;
      for (const std::string& text : string_list(operand, what)) {
        auto parsed = analysis::PortSet::parse(text);
        if (!parsed) fail(operand, fmt::format("'{}' is not a port or port range", text));
        ports.push_back(value::Value::string(text));
      }
      test.operand = value::Value::list(std::move(ports));
      break;
    }
    default: test.operand = value::Value::number(number(operand, what)); break;
  }
  return test;
}

std::vector<Condition> parse_condition_list(const YAML::Node& node, std::string_view head) {
  if (!node.IsSequence() || node.size() == 0) {
    fail(node, fmt::format("{} takes a non-empty list of conditions", head));
  }
  std::vector<Condition> out;
  for (const auto& item : node) out.push_back(parse_condition(item));
  return out;
}

void parse_edge(const YAML::Node& node, Condition& condition, std::string_view head) {
  if (!node.IsMap())
    fail(node, fmt::format("{} takes a map with path, {}, where", head,
                           head == "incoming" ? "from_type" : "to_type"));
  const std::string type_key = head == "incoming" ? "from_type" : "to_type";
  fail_on_empty_values(node);
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key != "path" && key != type_key && key != "where") {
      fail(entry.first,
           fmt::format("unknown key '{}' in {} (expected path, {}, where)", key, head, type_key));
    }
  }
  if (const YAML::Node path = node["path"]) condition.path = scalar(path, "path");
  if (const YAML::Node types = node[type_key]) condition.types = string_list(types, type_key);
  if (const YAML::Node where = node["where"]) condition.children.push_back(parse_condition(where));
}

Condition parse_condition(const YAML::Node& node) {
  if (!node.IsMap()) {
    fail(node, fmt::format("a condition must be a map with one of: {}", join(kHeads)));
  }
  fail_on_empty_values(node);
  Condition condition;
  condition.line = node.Mark().line + 1;
  std::string head;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (!contains(kHeads, key)) continue;
    if (!head.empty()) {
      fail(entry.first, fmt::format("a condition has one of {}; '{}' and '{}' are both given",
                                    join(kHeads), head, key));
    }
    head = key;
  }
  if (head.empty()) {
    fail(node, fmt::format("a condition needs one of: {}", join(kHeads)));
  }
  const YAML::Node body = node[head];
  auto only_head = [&] {
    for (const auto& entry : node) {
      if (entry.first.Scalar() != head) {
        fail(entry.first,
             fmt::format("unknown key '{}' beside '{}' (operators belong to attribute and fact "
                         "tests)",
                         entry.first.Scalar(), head));
      }
    }
  };
  if (head == "all" || head == "any") {
    only_head();
    condition.kind = head == "all" ? Condition::Kind::kAll : Condition::Kind::kAny;
    condition.children = parse_condition_list(body, head);
  } else if (head == "not" || head == "parent") {
    only_head();
    condition.kind = head == "not" ? Condition::Kind::kNot : Condition::Kind::kParent;
    condition.children.push_back(parse_condition(body));
  } else if (head == "incoming" || head == "outgoing") {
    only_head();
    condition.kind = head == "incoming" ? Condition::Kind::kIncoming : Condition::Kind::kOutgoing;
    parse_edge(body, condition, head);
  } else if (head == "type") {
    only_head();
    condition.kind = Condition::Kind::kType;
    condition.types = string_list(body, "type");
  } else if (head == "attribute") {
    condition.kind = Condition::Kind::kAttribute;
    condition.path = scalar(body, "attribute");
    if (condition.path.empty()) fail(body, "attribute needs a property path");
    condition.test = parse_test(node, head);
    if (condition.test.op == TestOperator::kIncludesAnyPort ||
        condition.test.op == TestOperator::kCoversAllPorts) {
      fail(node, "port operators apply to port facts (fact: nsg_rule.internet_inbound_ports)");
    }
  } else {
    condition.kind = Condition::Kind::kFact;
    const std::string name = scalar(body, "fact");
    condition.fact = find_fact(name);
    if (!condition.fact) {
      std::string known;
      for (const FactDefinition& fact : fact_table()) {
        if (!known.empty()) known += ", ";
        known += fact.name;
      }
      fail(body, fmt::format("unknown fact '{}' (known facts: {})", name, known));
    }
    condition.test = parse_test(node, head);
  }
  return condition;
}

bool kebab_case(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Policy parse(const YAML::Node& root) {
  if (!root.IsMap()) {
    fail(root, root.IsNull() ? "a policy file must be a YAML map, and this one is empty"
                             : "a policy file must be a YAML map");
  }
  fail_on_empty_values(root);
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (!contains(kTopLevelKeys, key)) {
      fail(entry.first,
           fmt::format("unknown key '{}' (expected one of: {})", key, join(kTopLevelKeys)));
    }
  }
  for (std::string_view required :
       {"id", "name", "severity", "resource_types", "condition", "message", "docs"}) {
    if (!root[std::string(required)]) {
      fail(root, fmt::format("missing required key '{}'", required));
    }
  }
  Policy policy;
  PolicyInfo& info = policy.info;
  info.id = scalar(root["id"], "id");
  if (!RE2::FullMatch(info.id, "[A-Z][A-Z0-9]*(-[A-Z0-9]+)+")) {
    fail(root["id"], fmt::format("id '{}' must look like ZT-NET-001", info.id));
  }
  info.name = scalar(root["name"], "name");
  if (!kebab_case(info.name))
    fail(root["name"], fmt::format("name '{}' must be kebab-case", info.name));
  const std::string severity = scalar(root["severity"], "severity");
  auto parsed = parse_severity(severity);
  if (!parsed) {
    fail(root["severity"], fmt::format("unknown severity '{}' (expected info, low, medium, high "
                                       "or critical)",
                                       severity));
  }
  info.severity = *parsed;
  if (const YAML::Node principles = root["principles"]) {
    for (const std::string& principle : string_list(principles, "principles")) {
      if (!contains(kPrinciples, principle)) {
        fail(principles,
             fmt::format("unknown principle '{}' (expected {})", principle, join(kPrinciples)));
      }
      info.principles.push_back(principle);
    }
  }
  policy.rule.resource_types = string_list(root["resource_types"], "resource_types");
  for (const std::string& type : policy.rule.resource_types) {
    if (type.find('/') == std::string::npos) {
      fail(root["resource_types"],
           fmt::format("'{}' is not an ARM resource type (Microsoft.Network/virtualNetworks)",
                       type));
    }
  }
  info.resource_types = policy.rule.resource_types;
  policy.rule.condition = parse_condition(root["condition"]);
  policy.rule.message = scalar(root["message"], "message");
  if (const YAML::Node location = root["location"]) {
    policy.rule.location = string_list(location, "location");
  }
  if (const YAML::Node related = root["related"]) {
    policy.rule.related = string_list(related, "related");
    for (const std::string& item : policy.rule.related) {
      if (item != "parent")
        fail(related, fmt::format("unknown related '{}' (expected parent)", item));
    }
  }
  const YAML::Node docs = root["docs"];
  if (!docs.IsMap()) fail(docs, "docs must be a map");
  fail_on_empty_values(docs);
  for (const auto& entry : docs) {
    const std::string key = entry.first.Scalar();
    if (!contains(kDocsKeys, key)) {
      fail(entry.first,
           fmt::format("unknown key '{}' in docs (expected one of: {})", key, join(kDocsKeys)));
    }
  }
  auto text = [&](std::string_view key) {
    const YAML::Node node = docs[std::string(key)];
    return node ? scalar(node, fmt::format("docs.{}", key)) : std::string();
  };
  info.docs.summary = text("summary");
  info.docs.what = text("what");
  info.docs.why = text("why");
  info.docs.example = text("example");
  info.docs.fix = text("fix");
  if (const YAML::Node references = docs["references"]) {
    info.docs.references = string_list(references, "docs.references");
  }
  return policy;
}

}  // namespace

std::optional<Policy> parse_policy(std::string_view text, const std::string& path,
                                   source::Diagnostics& errors) {
  auto report = [&](int line, int column, const std::string& message) {
    source::Diagnostic diagnostic;
    diagnostic.kind = source::DiagnosticKind::kConfig;
    diagnostic.path = path;
    diagnostic.message = fmt::format("{}:{}:{}: {}", path, line, column, message);
    errors.push_back(std::move(diagnostic));
  };
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    Policy policy = parse(root);
    policy.info.source_path = path;
    return policy;
  } catch (const PolicyError& error) {
    report(error.line, error.column, error.message);
  } catch (const YAML::Exception& error) {
    report(error.mark.line + 1, error.mark.column + 1, error.msg);
  }
  return std::nullopt;
}

}  // namespace ztlint::policy
