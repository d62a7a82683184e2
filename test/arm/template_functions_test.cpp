#include "arm/template_functions.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

namespace ztlint::arm {
namespace {

using value::Value;

class TemplateFunctionsTest : public ::testing::Test {
 protected:
  Value call(std::string_view name, std::initializer_list<Value> args) {
    std::vector<Value> list(args);
    return call_function(name, list, context_);
  }
  static Value s(std::string text) { return Value::string(std::move(text)); }
  static Value n(double number) { return Value::number(number); }
  static Value list(std::initializer_list<Value> items) { return Value::list(value::List(items)); }

  source::Diagnostics diagnostics_;
  std::set<std::string> reported_;
  FunctionContext context_{nullptr, &diagnostics_, &reported_, {}};
};

TEST_F(TemplateFunctionsTest, UniqueStringMatchesAzure) {
  // The value Azure's own function library returns for this resource ID, as asserted by
  // the tests of microsoft/commercial-marketplace-offer-deploy.
  EXPECT_EQ(call("uniqueString", {s("/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/"
                                    "resourceGroups/rg-modm201-20230913120256/providers/"
                                    "Microsoft.Compute/virtualMachines/bobjacmodm201")})
                .as_string(),
            "yvjxno3je5on2");
  const Value result = call("UNIQUESTRING", {s("a"), s("b")});
  ASSERT_TRUE(result.is_string());
  EXPECT_EQ(result.as_string().size(), 13u);
  const std::string joined[] = {"a-b"};
  EXPECT_EQ(result.as_string(), unique_string(joined));
}

TEST_F(TemplateFunctionsTest, GuidIsVersion5UuidInAzureNamespace) {
  // Reference values from RFC 4122 uuid5(11fb06fb-712d-4ddd-98c7-e71bbd588830, "a-b-c").
  EXPECT_EQ(call("guid", {s("a"), s("b"), s("c")}).as_string(),
            "a98fa280-e03f-5afa-8d8e-92d0a9c201e8");
  EXPECT_EQ(call("guid", {s("/subscriptions/00000000-0000-0000-0000-000000000000")}).as_string(),
            "b6af2640-793e-5e23-87ed-3a1ed155add8");
}

TEST_F(TemplateFunctionsTest, StringFunctions) {
  EXPECT_EQ(call("concat", {s("vnet-"), s("hub"), n(1)}).as_string(), "vnet-hub1");
  EXPECT_EQ(call("format", {s("{0}-{1}-{0}"), s("a"), n(2)}).as_string(), "a-2-a");
  EXPECT_EQ(call("format", {s("{0:D3}"), n(7)}).as_string(), "007");
  EXPECT_EQ(call("format", {s("{{x}}")}).as_string(), "{x}");
  EXPECT_EQ(call("toLower", {s("AbC")}).as_string(), "abc");
  EXPECT_EQ(call("toUpper", {s("AbC")}).as_string(), "ABC");
  EXPECT_EQ(call("trim", {s("  x ")}).as_string(), "x");
  EXPECT_EQ(call("replace", {s("a-b-c"), s("-"), s("")}).as_string(), "abc");
  EXPECT_EQ(call("split", {s("a,b,,c"), s(",")}).as_list().size(), 4u);
  EXPECT_EQ(call("substring", {s("hello"), n(1), n(3)}).as_string(), "ell");
  EXPECT_EQ(call("indexOf", {s("Hello"), s("LL")}).as_number(), 2);
  EXPECT_EQ(call("lastIndexOf", {s("abcabc"), s("b")}).as_number(), 4);
  EXPECT_TRUE(call("startsWith", {s("Microsoft.Network"), s("microsoft")}).as_bool());
  EXPECT_TRUE(call("endsWith", {s("abc"), s("BC")}).as_bool());
  EXPECT_EQ(call("padLeft", {s("7"), n(3), s("0")}).as_string(), "007");
  EXPECT_EQ(call("string", {list({n(1), s("a")})}).as_string(), "[1,\"a\"]");
  EXPECT_EQ(call("base64", {s("hello")}).as_string(), "aGVsbG8=");
  EXPECT_EQ(call("base64ToString", {s("aGVsbG8=")}).as_string(), "hello");
  EXPECT_EQ(call("uri", {s("https://a.b/c/d.json"), s("e.json")}).as_string(),
            "https://a.b/c/e.json");
  EXPECT_EQ(call("uriComponent", {s("a b/c")}).as_string(), "a%20b%2Fc");
}

TEST_F(TemplateFunctionsTest, LogicAndComparison) {
  EXPECT_TRUE(call("equals", {s("a"), s("a")}).as_bool());
  EXPECT_FALSE(call("equals", {n(1), s("1")}).as_bool());
  EXPECT_TRUE(call("and", {Value::boolean(true), Value::boolean(true)}).as_bool());
  EXPECT_FALSE(call("and", {Value::boolean(false), Value::unknown("x")}).as_bool());
  EXPECT_TRUE(call("or", {Value::unknown("x"), Value::boolean(true)}).as_bool());
  EXPECT_TRUE(call("and", {Value::boolean(true), Value::unknown("x")}).is_unknown());
  EXPECT_FALSE(call("not", {Value::boolean(true)}).as_bool());
  EXPECT_EQ(call("if", {Value::boolean(false), s("a"), s("b")}).as_string(), "b");
  EXPECT_TRUE(call("if", {Value::unknown("x"), s("a"), s("b")}).is_unknown());
  EXPECT_EQ(call("if", {Value::unknown("x"), s("a"), s("a")}).as_string(), "a");
  EXPECT_TRUE(call("greater", {n(2), n(1)}).as_bool());
  EXPECT_TRUE(call("lessOrEquals", {s("a"), s("b")}).as_bool());
  EXPECT_FALSE(call("less", {n(2), n(2)}).as_bool());
  EXPECT_TRUE(call("greaterOrEquals", {n(2), n(2)}).as_bool());
  EXPECT_EQ(call("coalesce", {Value::null(), s("x")}).as_string(), "x");
  EXPECT_TRUE(call("coalesce", {Value::unknown("u"), s("x")}).is_unknown());
  EXPECT_TRUE(call("string", {Value::ref(value::Ref{"a", {"id"}})}).is_unknown());
  EXPECT_EQ(call("int", {s("42")}).as_number(), 42);
  EXPECT_TRUE(call("bool", {s("True")}).as_bool());
  EXPECT_EQ(call("json", {s(R"({"a": [1]})")}).find_path("a.0")->as_number(), 1);
}

TEST_F(TemplateFunctionsTest, ArraysAndObjects) {
  EXPECT_EQ(call("length", {list({n(1), n(2)})}).as_number(), 2);
  EXPECT_EQ(call("length", {s("héllo")}).as_number(), 5);
  EXPECT_TRUE(call("empty", {s("")}).as_bool());
  EXPECT_TRUE(call("contains", {list({s("a"), s("b")}), s("b")}).as_bool());
  EXPECT_TRUE(call("contains", {call("createObject", {s("Key"), n(1)}), s("key")}).as_bool());
  EXPECT_EQ(call("union", {list({n(1), n(2)}), list({n(2), n(3)})}).as_list().size(), 3u);
  const Value merged = call("union", {call("createObject", {s("a"), n(1)}),
                                      call("createObject", {s("b"), n(2), s("a"), n(3)})});
  EXPECT_EQ(merged.get("a")->as_number(), 3);
  EXPECT_EQ(merged.get("b")->as_number(), 2);
  EXPECT_EQ(call("intersection", {list({n(1), n(2)}), list({n(2), n(3)})}).as_list().size(), 1u);
  EXPECT_EQ(call("first", {list({s("x"), s("y")})}).as_string(), "x");
  EXPECT_EQ(call("last", {s("xyz")}).as_string(), "z");
  EXPECT_EQ(call("skip", {list({n(1), n(2), n(3)}), n(2)}).as_list().size(), 1u);
  EXPECT_EQ(call("take", {s("abc"), n(2)}).as_string(), "ab");
  EXPECT_EQ(call("range", {n(5), n(3)}).as_list()[2].as_number(), 7);
  EXPECT_EQ(call("min", {n(4), n(2), n(9)}).as_number(), 2);
  EXPECT_EQ(call("max", {list({n(4), n(9)})}).as_number(), 9);
  EXPECT_EQ(call("createArray", {n(1), s("a")}).as_list().size(), 2u);
  EXPECT_EQ(call("array", {s("a")}).as_list().size(), 1u);
  EXPECT_EQ(call("items", {call("createObject", {s("b"), n(1), s("a"), n(2)})})
                .as_list()[0]
                .get("key")
                ->as_string(),
            "a");
  EXPECT_EQ(call("join", {list({s("a"), s("b")}), s(",")}).as_string(), "a,b");
}

TEST_F(TemplateFunctionsTest, Arithmetic) {
  EXPECT_EQ(call("add", {n(2), n(3)}).as_number(), 5);
  EXPECT_EQ(call("sub", {n(2), n(3)}).as_number(), -1);
  EXPECT_EQ(call("mul", {n(2), n(3)}).as_number(), 6);
  EXPECT_EQ(call("div", {n(7), n(2)}).as_number(), 3);
  EXPECT_EQ(call("mod", {n(7), n(2)}).as_number(), 1);
  EXPECT_TRUE(call("div", {n(1), n(0)}).is_unknown());
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kEvaluation);
}

TEST_F(TemplateFunctionsTest, CidrFunctions) {
  const Value parsed = call("parseCidr", {s("10.144.0.0/20")});
  EXPECT_EQ(parsed.get("netmask")->as_string(), "255.255.240.0");
  EXPECT_EQ(parsed.get("broadcast")->as_string(), "10.144.15.255");
  EXPECT_EQ(parsed.get("firstUsable")->as_string(), "10.144.0.1");
  EXPECT_EQ(parsed.get("cidr")->as_number(), 20);
  EXPECT_EQ(call("cidrSubnet", {s("10.144.0.0/20"), n(24), n(3)}).as_string(), "10.144.3.0/24");
  EXPECT_EQ(call("cidrHost", {s("10.144.3.0/24"), n(3)}).as_string(), "10.144.3.4");
}

TEST_F(TemplateFunctionsTest, ResourceIdsHaveExactProviderPart) {
  EXPECT_EQ(call("resourceId", {s("Microsoft.Network/virtualNetworks"), s("hub")}).as_string(),
            "/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}"
            "/providers/Microsoft.Network/virtualNetworks/hub");
  EXPECT_EQ(call("resourceId",
                 {s("rg-hub"), s("Microsoft.Network/virtualNetworks/subnets"), s("hub"), s("app")})
                .as_string(),
            "/subscriptions/{subscription().subscriptionId}/resourceGroups/rg-hub"
            "/providers/Microsoft.Network/virtualNetworks/hub/subnets/app");
  EXPECT_EQ(call("subscriptionResourceId", {s("Microsoft.Authorization/roleDefinitions"), s("abc")})
                .as_string(),
            "/subscriptions/{subscription().subscriptionId}/providers/"
            "Microsoft.Authorization/roleDefinitions/abc");
  EXPECT_EQ(
      call("tenantResourceId", {s("Microsoft.Management/managementGroups"), s("mg")}).as_string(),
      "/providers/Microsoft.Management/managementGroups/mg");
  EXPECT_EQ(call("extensionResourceId", {s("/subscriptions/s/resourceGroups/g/providers/A.B/c/d"),
                                         s("Microsoft.Insights/diagnosticSettings"), s("x")})
                .as_string(),
            "/subscriptions/s/resourceGroups/g/providers/A.B/c/d/providers/"
            "Microsoft.Insights/diagnosticSettings/x");
  EXPECT_TRUE(
      call("resourceId", {s("Microsoft.Network/virtualNetworks/subnets"), s("hub")}).is_unknown());
}

TEST_F(TemplateFunctionsTest, DeploymentContextStaysSymbolic) {
  const Value group_id = access_member(call("resourceGroup", {}), "id", source::Span{});
  ASSERT_TRUE(group_id.is_unknown());
  EXPECT_EQ(group_id.as_unknown().symbol, "resourceGroup().id");
  const Value unique = call("uniqueString", {group_id});
  EXPECT_EQ(unique.as_unknown().symbol, "uniqueString(resourceGroup().id)");
  const Value name_a = call("concat", {s("st"), unique});
  const Value name_b = call("format", {s("st{0}"), unique});
  EXPECT_EQ(name_a.as_unknown().symbol, "concat('st',uniqueString(resourceGroup().id))");
  EXPECT_EQ(name_a, name_b);  // the same deployment-stable name, however it is written
  EXPECT_FALSE(name_a == call("concat", {s("kv"), unique}));
  EXPECT_TRUE(call("equals", {name_a, name_b}).as_bool());
  const Value id = call("resourceId", {s("Microsoft.Storage/storageAccounts"), name_a});
  ASSERT_TRUE(id.is_unknown());
  EXPECT_NE(id.as_unknown().symbol.find("/providers/Microsoft.Storage/storageAccounts/{concat("),
            std::string::npos);
  EXPECT_TRUE(call("toLower", {Value::unknown("no value")}).is_unknown());
  EXPECT_TRUE(call("toLower", {Value::unknown("no value")}).as_unknown().symbol.empty());
}

TEST_F(TemplateFunctionsTest, RuntimeValuesAreUnknown) {
  EXPECT_TRUE(call("listKeys", {s("id"), s("2023-01-01")}).is_unknown());
  EXPECT_TRUE(call("reference", {s("id")}).is_unknown());
  EXPECT_TRUE(call("utcNow", {}).is_unknown());
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(TemplateFunctionsTest, UnsupportedFunctionIsReportedOnce) {
  EXPECT_TRUE(call("frobnicate", {s("a")}).is_unknown());
  EXPECT_TRUE(call("Frobnicate", {s("b")}).is_unknown());
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kUnsupported);
  EXPECT_NE(diagnostics_[0].message.find("frobnicate"), std::string::npos);
  EXPECT_FALSE(has_function("frobnicate"));
  EXPECT_TRUE(has_function("ResourceId"));
  EXPECT_TRUE(has_function("listSecrets"));
}

TEST_F(TemplateFunctionsTest, WrongArgumentsYieldUnknownAndADiagnostic) {
  EXPECT_TRUE(call("substring", {s("abc"), n(5)}).is_unknown());
  EXPECT_TRUE(call("toLower", {}).is_unknown());
  EXPECT_TRUE(call("int", {s("x1")}).is_unknown());
  EXPECT_EQ(diagnostics_.size(), 3u);
}

TEST_F(TemplateFunctionsTest, ScopeAnswersCallerFunctions) {
  context_.scope = [](std::string_view name, std::span<const Value>) -> std::optional<Value> {
    if (value::iequals(name, "parameters")) return Value::string("from-scope");
    return std::nullopt;
  };
  EXPECT_EQ(call("parameters", {s("x")}).as_string(), "from-scope");
  EXPECT_EQ(call("concat", {s("a")}).as_string(), "a");
}

TEST_F(TemplateFunctionsTest, AccessOnRefsAndListsAndMaps) {
  const Value ref = Value::ref(value::Ref{"file#fw", {}});
  const Value ip = access_index(access_member(ref, "ipConfigurations", {}), n(0), {});
  ASSERT_TRUE(ip.is_ref());
  EXPECT_EQ(ip.as_ref().path, (std::vector<std::string>{"ipConfigurations", "0"}));
  EXPECT_EQ(access_index(list({s("a"), s("b")}), n(1), {}).as_string(), "b");
  EXPECT_TRUE(access_index(list({s("a")}), n(3), {}).is_unknown());
  EXPECT_EQ(access_member(call("createObject", {s("Name"), s("x")}), "name", {}).as_string(), "x");
}

}  // namespace
}  // namespace ztlint::arm
