// The function library, through the evaluator: each function on known input, Unknown
// propagation, errors, try/can.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "terraform/function_library.h"
#include "terraform_test_util.h"

namespace ztlint::terraform {
namespace {

using testing::eval_expression;

struct Case {
  const char* expr;
  const char* expected;  // Value::to_display of the result
};

class FunctionTest : public ::testing::TestWithParam<Case> {};

TEST_P(FunctionTest, Evaluates) {
  const Case& c = GetParam();
  source::Diagnostics diagnostics;
  const value::Value v = eval_expression(c.expr, "", &diagnostics);
  EXPECT_EQ(v.to_display(), c.expected) << c.expr;
  EXPECT_TRUE(diagnostics.empty()) << c.expr << ": " << diagnostics.front().message;
}

INSTANTIATE_TEST_SUITE_P(
    Network, FunctionTest,
    ::testing::Values(Case{R"(cidrsubnet("10.0.0.0/16", 8, 2))", "10.0.2.0/24"},
                      Case{R"(cidrsubnet("10.0.7.9/16", 8, 255))", "10.0.255.0/24"},
                      Case{R"(cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162))",
                           "fd00:fd12:3456:7800:a200::/72"},
                      Case{R"(cidrsubnets("10.1.0.0/16", 4, 4, 8, 4))",
                           R"(["10.1.0.0/20","10.1.16.0/20","10.1.32.0/24","10.1.48.0/20"])"},
                      Case{R"(cidrhost("10.12.112.0/20", 16))", "10.12.112.16"},
                      Case{R"(cidrhost("10.12.112.0/20", -1))", "10.12.127.255"},
                      Case{R"(cidrhost("10.0.1.0/26", 4))", "10.0.1.4"},
                      Case{R"(cidrnetmask("172.16.0.0/12"))", "255.240.0.0"}));

INSTANTIATE_TEST_SUITE_P(
    Collections, FunctionTest,
    ::testing::Values(
        Case{R"(concat(["a"], [], ["b", "c"]))", R"(["a","b","c"])"},
        Case{R"(merge({a = 1, b = 2}, {b = 3}, null))", R"({"a":1,"b":3})"},
        Case{R"(lookup({a = "x"}, "a", "d"))", "x"}, Case{R"(lookup({a = "x"}, "b", "d"))", "d"},
        Case{R"(element(["a", "b"], 3))", "b"}, Case{R"(index(["a", "b"], "b"))", "1"},
        Case{R"(length({a = 1, b = 2}))", "2"}, Case{R"(length("héllo"))", "5"},
        Case{R"(keys({b = 1, a = 2}))", R"(["a","b"])"}, Case{R"(values({b = 1, a = 2}))", "[2,1]"},
        Case{R"(flatten([["a", ["b"]], [], "c"]))", R"(["a","b","c"])"},
        Case{R"(zipmap(["a", "b"], [1, 2]))", R"({"a":1,"b":2})"},
        Case{R"(tolist(["a"]))", R"(["a"])"}, Case{R"(toset(["a", "b", "a"]))", R"(["a","b"])"},
        Case{R"(tomap({a = 1}))", R"({"a":1})"}, Case{R"(coalesce("", null, "x"))", "x"},
        Case{R"(coalescelist([], ["a"]))", R"(["a"])"},
        Case{R"(compact(["a", "", null, "b"]))", R"(["a","b"])"},
        Case{R"(distinct([1, 2, 1]))", "[1,2]"}, Case{R"(contains(["a", "b"], "b"))", "true"},
        Case{R"(contains(["a", "b"], "c"))", "false"},
        Case{R"(slice(["a", "b", "c", "d"], 1, 3))", R"(["b","c"])"},
        Case{R"(sort(["b", "c", "a"]))", R"(["a","b","c"])"},
        Case{R"(reverse([1, 2, 3]))", "[3,2,1]"}, Case{R"(range(3))", "[0,1,2]"},
        Case{R"(range(1, 8, 3))", "[1,4,7]"},
        Case{R"(setproduct(["a", "b"], [1, 2]))", R"([["a",1],["a",2],["b",1],["b",2]])"},
        Case{R"(setunion(["a"], ["b", "a"]))", R"(["a","b"])"},
        Case{R"(setintersection(["a", "b"], ["b", "c"]))", R"(["b"])"}, Case{R"(one(["x"]))", "x"},
        Case{R"(one([]))", "null"}, Case{R"(alltrue([true, true]))", "true"},
        Case{R"(anytrue([false, true]))", "true"},
        Case{R"(chunklist(["a", "b", "c"], 2))", R"([["a","b"],["c"]])"},
        Case{R"(transpose({a = ["1", "2"], b = ["2"]}))", R"({"1":["a"],"2":["a","b"]})"},
        Case{R"(sum([1, 2, 3.5]))", "6.5"}));

INSTANTIATE_TEST_SUITE_P(
    Strings, FunctionTest,
    ::testing::Values(Case{R"(format("%s-%03d-%.2f-%v", "a", 7, 1.5, true))", "a-007-1.50-true"},
                      Case{R"(format("%q %%", "x"))", R"("x" %)"},
                      Case{R"(formatlist("%s=%s", ["a", "b"], "v"))", R"(["a=v","b=v"])"},
                      Case{R"(lower("AbC"))", "abc"}, Case{R"(upper("AbC"))", "ABC"},
                      Case{R"(title("hello world"))", "Hello World"},
                      Case{R"(join("-", ["a", "b"], ["c"]))", "a-b-c"},
                      Case{R"(split(",", "a,b,,c"))", R"(["a","b","","c"])"},
                      Case{R"(replace("a-b-c", "-", "_"))", "a_b_c"},
                      Case{R"(replace("hello", "/l+/", "L"))", "heLo"},
                      Case{R"(substr("hello", 1, 3))", "ell"},
                      Case{R"(substr("hello", -3, -1))", "llo"},
                      Case{R"(trimspace("  x \n"))", "x"},
                      Case{R"(trimprefix("snet-app", "snet-"))", "app"},
                      Case{R"(trimsuffix("app.tf", ".tf"))", "app"},
                      Case{R"(startswith("snet-app", "snet"))", "true"},
                      Case{R"(endswith("snet-app", "snet"))", "false"},
                      Case{R"x(regex("^(\\d+)\\.(\\d+)", "10.2.3"))x", R"(["10","2"])"},
                      Case{R"x(regex("(?P<major>\\d+)", "v3"))x", R"({"major":"3"})"},
                      Case{R"(regexall("[a-z]+", "ab1cd"))", R"(["ab","cd"])"}));

INSTANTIATE_TEST_SUITE_P(
    Conversions, FunctionTest,
    ::testing::Values(Case{R"(tostring(5))", "5"}, Case{R"(tonumber("42"))", "42"},
                      Case{R"(tobool("true"))", "true"}, Case{R"(min(3, 1, 2))", "1"},
                      Case{R"(max(3, 1, 2))", "3"}, Case{R"(abs(-4))", "4"},
                      Case{R"(ceil(1.2))", "2"}, Case{R"(floor(1.8))", "1"},
                      Case{R"(jsonencode({a = [1, "x"]}))", R"({"a":[1,"x"]})"},
                      Case{R"(jsondecode("{\"a\": [1, true]}"))", R"({"a":[1,true]})"},
                      Case{R"(yamldecode("a: 1\nb: [x, 'y']\n"))", R"({"a":1,"b":["x","y"]})"},
                      Case{R"(base64encode("hello"))", "aGVsbG8="},
                      Case{R"(try(lookup({}, "a"), "fallback"))", "fallback"},
                      Case{R"(try({a = 1}.b, {a = 1}.a))", "1"},
                      Case{R"(can(cidrsubnet("bad", 1, 1)))", "false"},
                      Case{R"(can(cidrsubnet("10.0.0.0/8", 8, 1)))", "true"}));

TEST(FunctionLibraryTest, EveryRequiredFunctionIsInTheTable) {
  for (const char* name : {"cidrsubnet",   "cidrsubnets", "cidrhost",
                           "cidrnetmask",  "concat",      "merge",
                           "lookup",       "format",      "formatlist",
                           "lower",        "upper",       "title",
                           "join",         "split",       "replace",
                           "substr",       "trimspace",   "trimprefix",
                           "trimsuffix",   "startswith",  "endswith",
                           "contains",     "tolist",      "toset",
                           "tomap",        "tostring",    "tonumber",
                           "tobool",       "element",     "index",
                           "length",       "coalesce",    "coalescelist",
                           "compact",      "distinct",    "keys",
                           "values",       "flatten",     "zipmap",
                           "range",        "min",         "max",
                           "abs",          "ceil",        "floor",
                           "slice",        "sort",        "reverse",
                           "setproduct",   "setunion",    "setintersection",
                           "one",          "alltrue",     "anytrue",
                           "jsonencode",   "jsondecode",  "yamldecode",
                           "base64encode", "file",        "templatefile",
                           "regex",        "regexall",    "sum",
                           "chunklist",    "transpose"}) {
    EXPECT_NE(find_function(name), nullptr) << name;
  }
  EXPECT_EQ(find_function("no_such_function"), nullptr);
}

TEST(FunctionLibraryTest, UnknownArgumentsGiveUnknown) {
  const std::string prelude = "variable \"v\" {}\n";
  for (const char* expr :
       {"cidrsubnet(var.v, 8, 1)", "upper(var.v)", "format(\"%s\", var.v)", "join(\",\", [var.v])",
        "length(var.v)", "merge(var.v, {})", "try(var.v, \"x\")", "contains([var.v], \"a\")",
        "jsonencode({a = var.v})", "can(var.v)"}) {
    const value::Value v = eval_expression(expr, prelude);
    EXPECT_TRUE(v.is_unknown()) << expr << " gave " << v.to_display();
  }
  // Elements may be unknown where only the shape matters.
  EXPECT_EQ(eval_expression("length([var.v, 1])", prelude).to_display(), "2");
  EXPECT_EQ(eval_expression("coalesce(\"a\", var.v)", prelude).to_display(), "a");
}

TEST(FunctionLibraryTest, BadArgumentsGiveUnknownWithoutThrowing) {
  for (const char* expr :
       {"cidrsubnet(\"10.0.0.0/30\", 8, 1)", "cidrsubnet(\"nope\", 8, 1)", "element([], 0)",
        "tonumber(\"x\")", "lookup({}, \"a\")", "substr(\"a\", 5, 1)", "regex(\"(\", \"a\")",
        "range(1e9)", "jsondecode(\"{\")", "yamldecode(\"a: [\")",
        "cidrhost(\"10.0.0.0/30\", 9)"}) {
    const value::Value v = eval_expression(expr);
    EXPECT_TRUE(v.is_unknown()) << expr << " gave " << v.to_display();
  }
}

TEST(FunctionLibraryTest, UnknownFunctionIsReportedOnce) {
  source::Diagnostics diagnostics;
  const value::Value v = eval_expression("[frobnicate(1), frobnicate(2)]", "", &diagnostics);
  ASSERT_TRUE(v.is_list());
  EXPECT_TRUE(v.as_list()[0].is_unknown());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].kind, source::DiagnosticKind::kUnsupported);
  EXPECT_NE(diagnostics[0].message.find("frobnicate"), std::string::npos);
}

TEST(FunctionLibraryTest, FileReadsOnlyInsideTheRepository) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "ztlint_tf_file_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "repo" / ".git");
  fs::create_directories(dir / "repo" / "infra");
  std::ofstream(dir / "repo" / "infra" / "rules.json") << R"({"port": 22})";
  std::ofstream(dir / "repo" / "infra" / "init.tpl")
      << "port=${port}\n%{ for n in names ~}\n${n};\n%{ endfor ~}\n";
  std::ofstream(dir / "secret.txt") << "outside";
  const std::string module = (dir / "repo" / "infra").string();
  source::SourceSet sources;
  source::Diagnostics diagnostics;
  Inputs inputs;
  inputs.tf_files.push_back(sources.add(
      module + "/main.tf",
      "resource \"t\" \"r\" {\n"
      "  a = jsondecode(file(\"${path.module}/rules.json\")).port\n"
      "  b = file(\"${path.module}/../../secret.txt\")\n"
      "  c = templatefile(\"${path.module}/init.tpl\", { port = 22, names = [\"x\", \"y\"] })\n"
      "}\n"));
  const Evaluation e = evaluate_modules(sources, inputs, diagnostics);
  ASSERT_EQ(e.resources.size(), 1u);
  const value::Value& args = e.resources[0].arguments;
  EXPECT_EQ(args.get("a")->to_display(), "22");
  EXPECT_TRUE(args.get("b")->is_unknown());
  EXPECT_EQ(args.get("c")->to_display(), "port=22\nx;\ny;\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ztlint::terraform
