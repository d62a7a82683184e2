#include "terraform/terraform_front_end.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ztlint::terraform {
namespace {

TEST(TerraformFrontEndTest, RecordsEveryFileWithItsLanguage) {
  source::SourceSet sources;
  source::Diagnostics diagnostics;
  Inputs inputs;
  inputs.tf_files.push_back(sources.add("/r/main.tf",
                                        "variable \"location\" {}\n"
                                        "resource \"azurerm_resource_group\" \"rg\" {\n"
                                        "  name     = \"rg-hub\"\n  location = var.location\n}\n"));
  inputs.tf_files.push_back(sources.add("/r/broken.tf", "resource \"a\" \"b\" {\n"));
  inputs.tfvars_files.push_back(sources.add("/r/terraform.tfvars", "location = \"westeurope\"\n"));
  graph::Fragment fragment;
  load(sources, inputs, fragment, diagnostics);
  ASSERT_EQ(fragment.files.size(), 3u);
  int tf = 0, tfvars = 0;
  for (const auto& [id, language] : fragment.files) {
    tf += language == graph::Language::kTerraform;
    tfvars += language == graph::Language::kTfvars;
  }
  EXPECT_EQ(tf, 2);
  EXPECT_EQ(tfvars, 1);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].kind, source::DiagnosticKind::kSyntax);
  EXPECT_EQ(diagnostics[0].span.file, inputs.tf_files[1]);
  // The resource group reaches the fragment in ARM shape.
  const auto group = std::find_if(fragment.resources.begin(), fragment.resources.end(),
                                  [](const graph::Resource& r) {
                                    return r.address == "azurerm_resource_group.rg";
                                  });
  ASSERT_NE(group, fragment.resources.end());
  EXPECT_EQ(group->type, "Microsoft.Resources/resourceGroups");
  EXPECT_EQ(group->range.file, inputs.tf_files[0]);
}

}  // namespace
}  // namespace ztlint::terraform
