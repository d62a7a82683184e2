// Fuzz target: the template expression language alone (parser and function library), then
// the same text as expressions of a template the ARM evaluator deploys.
#include <nlohmann/json.hpp>

#include "arm/arm_front_end.h"
#include "arm/expression.h"
#include "arm/template_functions.h"
#include "entry_points.h"
#include "fuzz_support.h"
#include "value/value.h"

namespace ztlint::fuzz {
namespace {

using value::Value;

// Parameters and variables the expressions may name, of every kind.
std::optional<Value> scope(std::string_view name, std::span<const Value> args) {
  if (!value::iequals(name, "parameters") && !value::iequals(name, "variables")) {
    return std::nullopt;
  }
  if (args.size() != 1 || !args[0].is_string()) return Value::unknown("no such name");
  const std::string key = value::to_lower(args[0].as_string());
  if (key == "s") return Value::string("hub");
  if (key == "n") return Value::number(3);
  if (key == "b") return Value::boolean(true);
  if (key == "l") return Value::list({Value::string("10.0.0.0/16"), Value::number(-1)});
  if (key == "o") {
    return Value::map({{"a", Value::map({{"b", Value::list({Value::number(1)})}})},
                       {"id", Value::string("/subscriptions/s/resourceGroups/r/providers/"
                                            "Microsoft.Network/virtualNetworks/hub")}});
  }
  if (key == "u") return Value::symbolic("deployment", "resourceGroup().id");
  return Value::unknown("no such name");
}

// The function library over the parsed tree, the way the template evaluator applies it.
Value evaluate(const arm::Expression& e, arm::FunctionContext& context, source::Span span) {
  using Kind = arm::Expression::Kind;
  switch (e.kind) {
    case Kind::kString: return Value::string(e.text, span);
    case Kind::kNumber: return Value::number(e.number, span);
    case Kind::kBool: return Value::boolean(e.number != 0, span);
    case Kind::kNull: return Value::null(span);
    case Kind::kMember:
      if (e.operands.empty()) fail("member access without a target");
      return arm::access_member(evaluate(e.operands[0], context, span), e.text, span);
    case Kind::kIndex:
      if (e.operands.size() != 2) fail("index access without target and index");
      return arm::access_index(evaluate(e.operands[0], context, span),
                               evaluate(e.operands[1], context, span), span);
    case Kind::kCall: break;
  }
  std::vector<Value> args;
  for (const arm::Expression& operand : e.operands)
    args.push_back(evaluate(operand, context, span));
  return arm::call_function(e.text, args, context);
}

// A template whose variable, resource name, property and copy count are the expression.
std::string template_around(std::string_view expression) {
  const std::string text = "[" + std::string(expression) + "]";
  nlohmann::json root = {
      {"$schema",
       "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"},
      {"contentVersion", "1.0.0.0"},
      {"parameters",
       {{"s", {{"type", "string"}, {"defaultValue", "hub"}}},
        {"n", {{"type", "int"}, {"defaultValue", 3}}},
        {"o", {{"type", "object"}, {"defaultValue", {{"a", {{"b", {1, 2}}}}}}}}}},
      {"variables", {{"v", text}}},
      {"resources",
       {{{"type", "Microsoft.Network/virtualNetworks"},
         {"apiVersion", "2023-04-01"},
         {"name", text},
         {"location", "[variables('v')]"},
         {"properties", {{"addressSpace", {{"addressPrefixes", {text}}}}}}},
        {{"type", "Microsoft.Network/networkSecurityGroups"},
         {"apiVersion", "2023-04-01"},
         {"name", "[concat('nsg-', copyIndex())]"},
         {"copy", {{"name", "c"}, {"count", text}}},
         {"properties",
          {{"securityRules",
            {{{"name", "r"}, {"properties", {{"sourceAddressPrefix", text}}}}}}}}}}}};
  return root.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int arm_expression_entry(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  (void)arm::string_form(text);
  const arm::ParsedExpression parsed = arm::parse_expression(text);
  if (!parsed.expression && parsed.error.empty()) fail("no expression and no error");
  if (parsed.error_offset > text.size()) fail("expression error offset past the end");
  if (parsed.expression) {
    source::Diagnostics diagnostics;
    std::set<std::string> reported;
    arm::FunctionContext context{scope, &diagnostics, &reported, {}};
    const Value result = evaluate(*parsed.expression, context, {});
    (void)arm::symbol_text(result);
    (void)arm::is_computable(result);
    (void)result.to_display();
    (void)result.identity_key();
  }

  source::SourceSet sources;
  source::Diagnostics diagnostics;
  arm::Inputs inputs;
  inputs.json_files.push_back(
      sources.add("/nonexistent/ztlint-fuzz/main.json", template_around(text)));
  graph::Fragment fragment;
  arm::load(sources, inputs, fragment, diagnostics);
  link_and_evaluate(sources, fragment, diagnostics);
  return 0;
}

}  // namespace ztlint::fuzz
