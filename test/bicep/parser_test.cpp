#include "bicep/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bicep/annotations.h"

namespace ztlint::bicep {
namespace {

using testing::annotate;

std::vector<NodeKind> declaration_kinds(const SyntaxTree& tree) {
  std::vector<NodeKind> kinds;
  for (const Node* node : tree.root->items) kinds.push_back(node->kind);
  return kinds;
}

std::string errors_of(const SyntaxTree& tree) {
  std::string out;
  for (const SyntaxError& error : tree.errors) {
    out += error.message + " @" + std::to_string(error.range.begin) + "\n";
  }
  return out;
}

// Shape of an expression as S-expression text, to check precedence and associativity.
std::string shape(const Node* node) {
  if (!node) return "_";
  switch (node->kind) {
    case NodeKind::kIdentifier: return node->name;
    case NodeKind::kNumber: return node->text;
    case NodeKind::kString: return "'" + node->text + "'";
    case NodeKind::kBool: return node->flag ? "true" : "false";
    case NodeKind::kNull: return "null";
    case NodeKind::kBinary:
      return "(" + shape(node->target) + " " + node->text + " " + shape(node->value) + ")";
    case NodeKind::kUnary: return "(" + node->text + shape(node->value) + ")";
    case NodeKind::kTernary:
      return "(" + shape(node->target) + " ? " + shape(node->items[0]) + " : " +
             shape(node->items[1]) + ")";
    case NodeKind::kMember: return shape(node->target) + (node->flag ? ".?" : ".") + node->name;
    case NodeKind::kIndex:
      return shape(node->target) + (node->flag ? "[?" : "[") + shape(node->value) + "]";
    case NodeKind::kResourceAccess: return shape(node->target) + "::" + node->name;
    case NodeKind::kNonNull: return shape(node->value) + "!";
    case NodeKind::kParen: return shape(node->value);
    case NodeKind::kCall: {
      std::string out = (node->target ? shape(node->target) + "." : "") + node->name + "(";
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        out += (i ? ", " : "") + shape(node->items[i]);
      }
      return out + ")";
    }
    case NodeKind::kLambda: {
      std::string out = "(";
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        out += (i ? ", " : "") + node->items[i]->name;
      }
      return out + ") => " + shape(node->value);
    }
    case NodeKind::kFor: {
      std::string out = "[for ";
      for (const Node* variable : node->items) out += variable->name + " ";
      out += "in " + shape(node->target) + ": ";
      if (node->value->kind == NodeKind::kIf) {
        out += "if " + shape(node->value->target) + " " + shape(node->value->value);
      } else {
        out += shape(node->value);
      }
      return out + "]";
    }
    case NodeKind::kArray: {
      std::string out = "[";
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        out += (i ? ", " : "") + shape(node->items[i]);
      }
      return out + "]";
    }
    case NodeKind::kObject: {
      std::string out = "{";
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        const Node* item = node->items[i];
        out += i ? ", " : "";
        if (item->kind == NodeKind::kSpread) {
          out += "..." + shape(item->value);
        } else if (item->kind == NodeKind::kObjectProperty) {
          out += shape(item->key) + ": " + shape(item->value);
        } else {
          out += std::string(to_string(item->kind)) + " " + item->name;
        }
      }
      return out + "}";
    }
    default: return std::string(to_string(node->kind));
  }
}

const Node* value_of(const std::string& expression, SyntaxTree& holder) {
  holder = parse("var x = " + expression + "\n");
  EXPECT_EQ(errors_of(holder), "") << expression;
  if (holder.root->items.empty() || holder.root->items[0]->kind != NodeKind::kVar) return nullptr;
  return holder.root->items[0]->value;
}

std::string expression_shape(const std::string& expression) {
  SyntaxTree tree;
  return shape(value_of(expression, tree));
}

TEST(BicepParserTest, ParsesEveryDeclarationKind) {
  const SyntaxTree tree = parse(R"(metadata description = 'all kinds'
targetScope = 'resourceGroup'
extension microsoftGraphV1
extension kubernetes with { namespace: 'default' } as k8s
provider 'br:mcr.microsoft.com/bicep/providers/kubernetes@1.0.0' as k8sLegacy
import { subnetType, makeName as nameOf } from 'shared/types.bicep'
import * as shared from 'br/public:avm/utl/types/avm-common-types:0.5.1'
type tier = 'Standard' | 'Premium'
func prefixed(name string) string => 'p-${name}'
param location string = resourceGroup().location
var names = ['a', 'b']
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet'
}
module hub './hub.bicep' = {
  name: 'hub'
}
output vnetId string = vnet.id
assert nameIsShort = length(names) < 3
)");
  EXPECT_EQ(errors_of(tree), "");
  EXPECT_EQ(declaration_kinds(tree),
            (std::vector<NodeKind>{
                NodeKind::kMetadata, NodeKind::kTargetScope, NodeKind::kExtension,
                NodeKind::kExtension, NodeKind::kExtension, NodeKind::kImport, NodeKind::kImport,
                NodeKind::kTypeDecl, NodeKind::kFunc, NodeKind::kParam, NodeKind::kVar,
                NodeKind::kResource, NodeKind::kModule, NodeKind::kOutput, NodeKind::kAssert}));
  const Node* named_import = tree.root->items[5];
  EXPECT_EQ(named_import->text, "shared/types.bicep");
  ASSERT_EQ(named_import->items.size(), 2u);
  EXPECT_EQ(named_import->items[1]->text, "makeName");
  EXPECT_EQ(named_import->items[1]->name, "nameOf");
  EXPECT_EQ(tree.root->items[6]->name, "shared");
  EXPECT_EQ(tree.root->items[3]->name, "k8s");
  EXPECT_EQ(tree.root->items[11]->text, "Microsoft.Network/virtualNetworks@2023-11-01");
}

TEST(BicepParserTest, ParsesCurrentParameterTypes) {
  const SyntaxTree tree =
      parse(R"(param tags resourceInput<'Microsoft.Compute/virtualMachines@2024-11-01'>.tags?
param subnet subnetType?
param sizes int[] = [1, 2]
param mode ('a' | 'b')[]
param props resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>.properties.subnets[*].properties
param legacyStorage resource 'Microsoft.Storage/storageAccounts@2023-01-01'
param negative int = -1
param tuple [string, int]
param shaped {
  @description('The name.')
  name: string
  size: int?
  *: string
}
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 9u);
  const Node* tags = tree.root->items[0]->type;
  ASSERT_EQ(tags->kind, NodeKind::kTypeNullable);
  ASSERT_EQ(tags->value->kind, NodeKind::kTypeMember);
  EXPECT_EQ(tags->value->name, "tags");
  EXPECT_EQ(tags->value->target->name, "resourceInput");
  EXPECT_EQ(tags->value->target->items[0]->text, "Microsoft.Compute/virtualMachines@2024-11-01");
  EXPECT_EQ(tree.root->items[1]->type->kind, NodeKind::kTypeNullable);
  EXPECT_EQ(tree.root->items[2]->type->kind, NodeKind::kTypeArray);
  EXPECT_EQ(tree.root->items[3]->type->kind, NodeKind::kTypeArray);
  EXPECT_EQ(tree.root->items[3]->type->value->kind, NodeKind::kTypeUnion);
  EXPECT_EQ(tree.root->items[5]->type->name, "resource");
  EXPECT_EQ(tree.root->items[7]->type->kind, NodeKind::kTypeTuple);
  const Node* shaped = tree.root->items[8]->type;
  ASSERT_EQ(shaped->kind, NodeKind::kTypeObject);
  ASSERT_EQ(shaped->items.size(), 3u);
  EXPECT_EQ(shaped->items[0]->decorators.size(), 1u);
  EXPECT_EQ(shaped->items[1]->type->kind, NodeKind::kTypeNullable);
  EXPECT_EQ(shaped->items[2]->key->name, "*");
}

TEST(BicepParserTest, ParsesTypeDeclarationsWithUnionsAcrossLines) {
  const SyntaxTree tree = parse(R"(@export()
@sealed()
type network = {
  name: string
  kind: 'hub' | 'spoke'
  peers: {
    id: string
  }[]?
}
@discriminator('kind')
type shape =
  | { kind: 'a', size: int }
  | { kind: 'b' }
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 2u);
  EXPECT_EQ(tree.root->items[0]->decorators.size(), 2u);
  EXPECT_EQ(tree.root->items[1]->type->kind, NodeKind::kTypeUnion);
  EXPECT_EQ(tree.root->items[1]->type->items.size(), 2u);
}

TEST(BicepParserTest, ParsesDecoratorsOnEveryDeclarationKind) {
  const SyntaxTree tree = parse(R"(@description('a')
@allowed([
  'x'
  'y'
])
param p string
@sys.description('b')
var v = 1
@batchSize(2)
resource r 'Microsoft.Network/networkSecurityGroups@2023-11-01' = [for i in range(0, 2): {
  name: 'nsg${i}'
}]
@description('c')
module m 'm.bicep' = {
  name: 'm'
}
@secure()
output o string = p
@export()
func f() string => 'f'
@description('t')
type t = string
@description('meta')
metadata owner = 'me'
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 8u);
  EXPECT_EQ(tree.root->items[0]->decorators.size(), 2u);
  for (const Node* node : tree.root->items) EXPECT_FALSE(node->decorators.empty());
  const Node* namespaced = tree.root->items[1]->decorators[0]->value;
  EXPECT_EQ(namespaced->kind, NodeKind::kCall);
  EXPECT_EQ(namespaced->name, "description");
  EXPECT_EQ(namespaced->target->name, "sys");
}

TEST(BicepParserTest, OperatorsFollowBicepPrecedence) {
  EXPECT_EQ(expression_shape("a || b && c == d + e * f"), "(a || (b && (c == (d + (e * f)))))");
  EXPECT_EQ(expression_shape("a < b == c >= d"), "((a < b) == (c >= d))");
  EXPECT_EQ(expression_shape("a ?? b || c"), "(a ?? (b || c))");
  EXPECT_EQ(expression_shape("a ? b : c ? d : e"), "(a ? b : (c ? d : e))");
  EXPECT_EQ(expression_shape("!a && -b > 1"), "((!a) && ((-b) > 1))");
  EXPECT_EQ(expression_shape("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(expression_shape("a =~ 'X' || b !~ 'y'"), "((a =~ 'X') || (b !~ 'y'))");
  EXPECT_EQ(expression_shape("x % 2 != 0"), "((x % 2) != 0)");
}

TEST(BicepParserTest, ParsesAccessOperators) {
  EXPECT_EQ(expression_shape("fw.properties.ipConfigurations[0].properties.privateIPAddress"),
            "fw.properties.ipConfigurations[0].properties.privateIPAddress");
  EXPECT_EQ(expression_shape("a.?b.?c"), "a.?b.?c");
  EXPECT_EQ(expression_shape("a[?0]"), "a[?0]");
  EXPECT_EQ(expression_shape("virtualHubParameters!.name"), "virtualHubParameters!.name");
  EXPECT_EQ(expression_shape("vnet::subnet.id"), "vnet::subnet.id");
  EXPECT_EQ(expression_shape("sys.concat('a', az.resourceGroup().name)"),
            "sys.concat('a', az.resourceGroup().name)");
  EXPECT_EQ(expression_shape("a.b!.c ?? 'd'"), "(a.b!.c ?? 'd')");
}

TEST(BicepParserTest, ParsesLambdasAndForExpressions) {
  EXPECT_EQ(expression_shape("map(items, x => x.name)"), "map(items, (x) => x.name)");
  EXPECT_EQ(expression_shape("reduce(items, 0, (acc, x) => acc + x)"),
            "reduce(items, 0, (acc, x) => (acc + x))");
  EXPECT_EQ(expression_shape("sort(items, (a, b) => a < b)"), "sort(items, (a, b) => (a < b))");
  EXPECT_EQ(expression_shape("[for s in subnets: s.name]"), "[for s in subnets: s.name]");
  EXPECT_EQ(expression_shape("[for (s, i) in subnets: if (i > 0) { n: s }]"),
            "[for s i in subnets: if (i > 0) {n: s}]");
  EXPECT_EQ(expression_shape("[for i in range(0, 3): i]"), "[for i in range(0, 3): i]");
}

TEST(BicepParserTest, ParsesObjectsAndArraysWithEitherSeparator) {
  EXPECT_EQ(expression_shape("{ a: 1, b: 'x', 'c-d': true }"), "{a: 1, b: 'x', 'c-d': true}");
  EXPECT_EQ(expression_shape("{\n  a: 1\n  b: {\n    c: null\n  },\n}"), "{a: 1, b: {c: null}}");
  EXPECT_EQ(expression_shape("[\n  1\n  2, 3\n]"), "[1, 2, 3]");
  EXPECT_EQ(expression_shape("{ ...base, a: 1 }"), "{...base, a: 1}");
  EXPECT_EQ(expression_shape("[...xs, 1]"), "[spread, 1]");
  EXPECT_EQ(expression_shape("{}"), "{}");
  EXPECT_EQ(expression_shape("[]"), "[]");
}

TEST(BicepParserTest, ParsesMultiLineConditionsAndCallArguments) {
  EXPECT_EQ(expression_shape("a\n  ? b\n  : c"), "(a ? b : c)");
  EXPECT_EQ(expression_shape("a\n  && b\n  || c"), "((a && b) || c)");
  EXPECT_EQ(expression_shape("concat(\n  'a',\n  'b'\n)"), "concat('a', 'b')");
}

TEST(BicepParserTest, DecodesStringsInterpolationAndEscapes) {
  SyntaxTree tree;
  const Node* plain = value_of(R"('it\'s a \\ path\n\u{41}\$')", tree);
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->text, "it's a \\ path\nA$");

  const Node* interpolated = value_of("'vnet-${name}-${toLower('X${y}')}'", tree);
  ASSERT_NE(interpolated, nullptr);
  EXPECT_EQ(interpolated->segments, (std::vector<std::string>{"vnet-", "-", ""}));
  ASSERT_EQ(interpolated->items.size(), 2u);
  EXPECT_EQ(interpolated->items[1]->kind, NodeKind::kCall);
  EXPECT_EQ(interpolated->items[1]->items[0]->segments, (std::vector<std::string>{"X", ""}));

  const Node* braces = value_of("'${ { a: 1 }.a }'", tree);
  ASSERT_NE(braces, nullptr);
  EXPECT_EQ(braces->items[0]->kind, NodeKind::kMember);

  const Node* multiline = value_of("'''\nline ${not} interpolated\\n\n'''", tree);
  ASSERT_NE(multiline, nullptr);
  EXPECT_EQ(multiline->text, "line ${not} interpolated\\n\n");
}

TEST(BicepParserTest, ParsesResourceForms) {
  const SyntaxTree tree =
      parse(R"(resource hub 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'hub'
  scope: resourceGroup('rg-hub')
  resource fwSubnet 'subnets' existing = {
    name: 'AzureFirewallSubnet'
  }
}
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = if (deploy) {
  name: 'nsg'
}
resource rules 'Microsoft.Network/networkSecurityGroups/securityRules@2023-11-01' = [for (rule, i) in rules: if (rule.enabled) {
  parent: nsg
  name: rule.name
}]
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 3u);
  const Node* hub = tree.root->items[0];
  EXPECT_TRUE(hub->flag);
  const Node* nested = hub->value->items[2];
  EXPECT_EQ(nested->kind, NodeKind::kResource);
  EXPECT_EQ(nested->name, "fwSubnet");
  EXPECT_EQ(nested->text, "subnets");
  EXPECT_TRUE(nested->flag);
  EXPECT_EQ(tree.root->items[1]->value->kind, NodeKind::kIf);
  EXPECT_EQ(tree.root->items[2]->value->kind, NodeKind::kFor);
  EXPECT_EQ(tree.root->items[2]->value->value->kind, NodeKind::kIf);
}

TEST(BicepParserTest, ParsesModuleReferences) {
  const SyntaxTree tree = parse(R"(module a './a.bicep' = { name: 'a' }
module b 'br/public:avm/res/network/virtual-network:0.5.0' = { name: 'b' }
module c 'br:contoso.azurecr.io/bicep/c:v1' = { name: 'c' }
module d 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = { name: 'd' }
module e 'e.bicep' = [for x in xs: { name: x }]
module f 'f.bicep' = if (on) { name: 'f' }
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 6u);
  EXPECT_EQ(tree.root->items[1]->text, "br/public:avm/res/network/virtual-network:0.5.0");
}

TEST(BicepParserTest, ParsesBicepParamFiles) {
  const SyntaxTree tree = parse(R"(using './main.bicep'
extends 'base.bicepparam'
param location = 'westeurope'
param subnets = [
  { name: 'a' }
]
var suffix = 'x'
param name = 'app-${suffix}'
param secret = readEnvironmentVariable('SECRET', 'none')
)");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 7u);
  EXPECT_EQ(tree.root->items[0]->kind, NodeKind::kUsing);
  EXPECT_EQ(tree.root->items[0]->text, "./main.bicep");
  EXPECT_EQ(tree.root->items[2]->type, nullptr);
  EXPECT_EQ(parse("using none\n").root->items[0]->kind, NodeKind::kUsing);
}

TEST(BicepParserTest, ParsesUserFunctions) {
  const SyntaxTree tree = parse(
      "func join3(a string, b string, c string) string => '${a}-${b}-${c}'\n"
      "func pick(items array) object? => first(filter(items, x => x.enabled))\n");
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 2u);
  const Node* join3 = tree.root->items[0];
  ASSERT_EQ(join3->items.size(), 3u);
  EXPECT_EQ(join3->items[2]->name, "c");
  EXPECT_EQ(join3->type->name, "string");
  EXPECT_EQ(tree.root->items[1]->type->kind, NodeKind::kTypeNullable);
}

TEST(BicepParserTest, RangesCoverDeclarationsAndProperties) {
  const auto marked = annotate(
      "«@description('x')\n"
      "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {\n"
      "  «name: 'nsg'»\n"
      "  «properties: «{\n"
      "    securityRules: []\n"
      "  }»»\n"
      "}»\n");
  const SyntaxTree tree = parse(marked.text);
  ASSERT_EQ(errors_of(tree), "");
  const Node* resource = tree.root->items[0];
  EXPECT_EQ(resource->range, marked.ranges[0]);
  EXPECT_EQ(resource->value->items[0]->range, marked.ranges[1]);
  EXPECT_EQ(resource->value->items[1]->range, marked.ranges[2]);
  EXPECT_EQ(resource->value->items[1]->value->range, marked.ranges[3]);
}

TEST(BicepParserTest, ReportsMissingNameAtItsPositionAndRecovers) {
  const auto marked = annotate(
      "param ok string\n"
      "param« »= 'x'\n"
      "var next = 1\n");
  const SyntaxTree tree = parse(marked.text);
  ASSERT_EQ(tree.errors.size(), 1u);
  EXPECT_EQ(tree.errors[0].message, "expected a parameter name after 'param'");
  EXPECT_EQ(tree.errors[0].range.begin, marked.ranges[0].end);
  EXPECT_EQ(declaration_kinds(tree),
            (std::vector<NodeKind>{NodeKind::kParam, NodeKind::kError, NodeKind::kVar}));
  EXPECT_EQ(tree.root->items[2]->name, "next");
}

TEST(BicepParserTest, ReportsUnclosedObjectAndResumesAtNextDeclaration) {
  const auto marked = annotate(
      "resource a 'Microsoft.Network/virtualNetworks@2023-11-01' = {\n"
      "  name: 'a'«»\n"
      "\n"
      "resource b 'Microsoft.Network/virtualNetworks@2023-11-01' = {\n"
      "  name: 'b'\n"
      "}\n");
  const SyntaxTree tree = parse(marked.text);
  ASSERT_EQ(tree.errors.size(), 1u);
  EXPECT_EQ(tree.errors[0].message, "expected '}' after a string");
  EXPECT_EQ(tree.errors[0].range, marked.ranges[0]);
  ASSERT_EQ(declaration_kinds(tree),
            (std::vector<NodeKind>{NodeKind::kError, NodeKind::kResource}));
  EXPECT_EQ(tree.root->items[1]->name, "b");
}

TEST(BicepParserTest, ReportsMissingValueAfterOperator) {
  const auto marked = annotate("var a = 1 +«»\nvar b = 2\n");
  const SyntaxTree tree = parse(marked.text);
  ASSERT_EQ(tree.errors.size(), 1u);
  EXPECT_EQ(tree.errors[0].message, "expected an expression after '+'");
  EXPECT_EQ(tree.errors[0].range.begin, marked.ranges[0].begin);
  EXPECT_EQ(tree.root->items.back()->name, "b");
}

TEST(BicepParserTest, ReportsTrailingTokensAfterDeclaration) {
  const auto marked = annotate("var a = 1 «2»\noutput o int = a\n");
  const SyntaxTree tree = parse(marked.text);
  ASSERT_EQ(tree.errors.size(), 1u);
  EXPECT_EQ(tree.errors[0].message, "expected a new line after '1'");
  EXPECT_EQ(tree.errors[0].range, marked.ranges[0]);
  EXPECT_EQ(tree.root->items.back()->kind, NodeKind::kOutput);
}

TEST(BicepParserTest, ReportsUnknownDeclarationKeyword) {
  const SyntaxTree tree = parse("parm x string\nparam y string\n");
  ASSERT_EQ(tree.errors.size(), 1u);
  EXPECT_EQ(tree.errors[0].message,
            "expected a declaration (param, var, resource, module, output, ...) after the start "
            "of the file");
  EXPECT_EQ(tree.errors[0].range, (source::TextRange{0, 4}));
  EXPECT_EQ(tree.root->items.back()->name, "y");
}

TEST(BicepParserTest, ReportsLexicalErrors) {
  const SyntaxTree tree = parse("var a = 'open\nvar b = 'bad \\q escape'\nvar c = 1\n");
  ASSERT_EQ(tree.errors.size(), 2u);
  EXPECT_EQ(tree.errors[0].message, "unterminated string");
  EXPECT_EQ(tree.errors[1].message, "invalid escape sequence");
  EXPECT_EQ(tree.root->items.back()->name, "c");
}

TEST(BicepParserTest, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "var x = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const SyntaxTree tree = parse(deep);
  ASSERT_FALSE(tree.errors.empty());
  EXPECT_NE(tree.errors[0].message.find("nesting limit"), std::string::npos);
  const std::string parens = "var y = " + std::string(50000, '(') + "1" + std::string(50000, ')');
  EXPECT_FALSE(parse(parens).errors.empty());
}

TEST(BicepParserTest, NeverFailsOnArbitraryBytes) {
  std::string noise;
  for (int i = 0; i < 4000; ++i)
    noise += static_cast<char>("{}[]()'$:=?.!@ab1\n\t#/*|"[i * 7 % 24]);
  const SyntaxTree tree = parse(noise);
  EXPECT_FALSE(tree.errors.empty());
  EXPECT_NE(tree.root, nullptr);
}

TEST(BicepParserTest, KeepsCommentsWithTheirRanges) {
  const auto marked = annotate(
      "«// expect: ZT-NET-002»\n"
      "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = { «/* inline */»\n"
      "  name: 'nsg' «// ztlint:ignore ZT-NET-001 reason»\n"
      "}\n"
      "«#disable-next-line no-unused-params»\n");
  const SyntaxTree tree = parse(marked.text);
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.comments.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(tree.comments[i].range, marked.ranges[i]);
  EXPECT_EQ(tree.comments[0].text, "// expect: ZT-NET-002");
}

TEST(BicepParserTest, SkipsByteOrderMark) {
  const SyntaxTree tree = parse("\xEF\xBB\xBFparam a string\n", 3);
  EXPECT_EQ(errors_of(tree), "");
  ASSERT_EQ(tree.root->items.size(), 1u);
  EXPECT_EQ(tree.root->items[0]->range.begin, 3u);
}

TEST(BicepLexerTest, ProducesLongestOperators) {
  const LexResult lexed = lex("a.?b ?? c !~ d => ... :: != =~ >= <= && ||");
  std::vector<TokenKind> kinds;
  for (const Token& token : lexed.tokens) kinds.push_back(token.kind);
  EXPECT_EQ(
      kinds,
      (std::vector<TokenKind>{
          TokenKind::kIdentifier, TokenKind::kQuestionDot, TokenKind::kIdentifier,
          TokenKind::kDoubleQuestion, TokenKind::kIdentifier, TokenKind::kNotEqualsInsensitive,
          TokenKind::kIdentifier, TokenKind::kArrow, TokenKind::kEllipsis, TokenKind::kDoubleColon,
          TokenKind::kNotEquals, TokenKind::kEqualsInsensitive, TokenKind::kGreaterOrEquals,
          TokenKind::kLessOrEquals, TokenKind::kAnd, TokenKind::kOr, TokenKind::kEnd}));
  EXPECT_TRUE(lexed.errors.empty());
}

TEST(BicepLexerTest, SplitsInterpolatedStringsIntoPieces) {
  const LexResult lexed = lex("'a${b}c${d}e'");
  std::vector<TokenKind> kinds;
  for (const Token& token : lexed.tokens) kinds.push_back(token.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::kStringLeft, TokenKind::kIdentifier,
                                           TokenKind::kStringMiddle, TokenKind::kIdentifier,
                                           TokenKind::kStringRight, TokenKind::kEnd}));
  EXPECT_EQ(lexed.tokens[0].text, "a");
  EXPECT_EQ(lexed.tokens[2].text, "c");
  EXPECT_EQ(lexed.tokens[4].text, "e");
}

}  // namespace
}  // namespace ztlint::bicep
