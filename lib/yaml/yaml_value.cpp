#include "yaml/yaml_value.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>

namespace ztlint::yaml {

namespace {

using value::Value;

constexpr int kMaxDepth = 200;

Value to_value(const YAML::Node& node, source::Span span, int depth) {
  if (depth > kMaxDepth) return Value::unknown("YAML nested too deeply", span);
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      value::List items;
      for (const auto& item : node) items.push_back(to_value(item, span, depth + 1));
      return Value::list(std::move(items), span);
    }
    case YAML::NodeType::Map: {
      value::Map entries;
      for (const auto& item : node) {
        entries.emplace_back(item.first.as<std::string>(), to_value(item.second, span, depth + 1));
      }
      return Value::map(std::move(entries), span);
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return Value::string(s, span);  // quoted
      if (s == "true" || s == "True" || s == "TRUE") return Value::boolean(true, span);
      if (s == "false" || s == "False" || s == "FALSE") return Value::boolean(false, span);
      if (s == "null" || s == "~" || s.empty()) return Value::null(span);
      char* end = nullptr;
      const double number = std::strtod(s.c_str(), &end);
      if (end == s.c_str() + s.size() && s.find_first_not_of("0123456789+-.eE") == std::string::npos) {
        return Value::number(number, span);
      }
      return Value::string(s, span);
    }
    default: return Value::null(span);
  }
}

}  // namespace

std::optional<value::Value> parse(std::string_view text, source::Span span, std::string* error) {
  try {
    return to_value(YAML::Load(std::string(text)), span, 0);
  } catch (const YAML::Exception& exception) {  // yaml-cpp reports bad input by throwing
    if (error) {
      *error = fmt::format("YAML line {}, column {}: {}", exception.mark.line + 1,
                           exception.mark.column + 1, exception.msg);
    }
    return std::nullopt;
  }
}

}  // namespace ztlint::yaml
