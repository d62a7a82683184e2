#include "lsp/code_actions.h"

#include <gtest/gtest.h>

namespace ztlint::lsp {
namespace {

source::TextRange find_range(std::string_view text, std::string_view needle) {
  const auto at = static_cast<std::uint32_t>(text.find(needle));
  return {at, at + static_cast<std::uint32_t>(needle.size())};
}

std::string applied(std::string text, const ByteEdit& edit) {
  text.replace(edit.range.begin, edit.range.end - edit.range.begin, edit.text);
  return text;
}

constexpr std::string_view kStorageTf = R"(resource "azurerm_storage_account" "sa" {
  name            = "st"
  min_tls_version = "TLS1_0"
  public_network_access_enabled = true
}
)";

TEST(LocalFix, SetsTheMinimumTlsVersionInTerraform) {
  const auto edit = local_fix("ZT-STG-001", FileLanguage::kTerraform, kStorageTf,
                              find_range(kStorageTf, "min_tls_version = \"TLS1_0\""));
  ASSERT_TRUE(edit);
  EXPECT_NE(applied(std::string(kStorageTf), *edit).find("min_tls_version = \"TLS1_2\""),
            std::string::npos);
}

TEST(LocalFix, WorksWhenTheSpanIsOnlyTheValue) {
  const auto edit =
      local_fix("ZT-PE-001", FileLanguage::kTerraform, kStorageTf, find_range(kStorageTf, "true"));
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->text, "false");
  EXPECT_EQ(edit->range, find_range(kStorageTf, "true"));
}

TEST(LocalFix, AddsAMissingTerraformAttributeToTheBlock) {
  constexpr std::string_view text = "resource \"azurerm_key_vault\" \"kv\" {\n  name = \"kv\"\n}\n";
  const auto edit = local_fix("ZT-PE-001", FileLanguage::kTerraform, text,
                              {0, static_cast<std::uint32_t>(text.size() - 1)});
  ASSERT_TRUE(edit);
  EXPECT_EQ(applied(std::string(text), *edit),
            "resource \"azurerm_key_vault\" \"kv\" {\n  public_network_access_enabled = false\n"
            "  name = \"kv\"\n}\n");
}

TEST(LocalFix, UsesTheLanguagesQuotesInBicepAndArm) {
  constexpr std::string_view bicep = "  properties: {\n    publicNetworkAccess: 'Enabled'\n  }\n";
  auto edit = local_fix("ZT-PE-001", FileLanguage::kBicep, bicep,
                        find_range(bicep, "publicNetworkAccess: 'Enabled'"));
  ASSERT_TRUE(edit);
  EXPECT_EQ(applied(std::string(bicep), *edit),
            "  properties: {\n    publicNetworkAccess: 'Disabled'\n  }\n");
  constexpr std::string_view arm = "{\n  \"minimumTlsVersion\": \"TLS1_1\",\n  \"x\": 1\n}";
  edit = local_fix("ZT-STG-001", FileLanguage::kArmJson, arm, find_range(arm, "\"TLS1_1\""));
  ASSERT_TRUE(edit);
  EXPECT_EQ(applied(std::string(arm), *edit),
            "{\n  \"minimumTlsVersion\": \"TLS1_2\",\n  \"x\": 1\n}");
}

TEST(LocalFix, OffersNothingForPoliciesWithoutALocalFix) {
  EXPECT_FALSE(local_fix("ZT-NET-001", FileLanguage::kTerraform, kStorageTf,
                         find_range(kStorageTf, "min_tls_version = \"TLS1_0\"")));
  EXPECT_FALSE(local_fix("ZT-STG-001", FileLanguage::kTerraform, kStorageTf,
                         find_range(kStorageTf, "name            = \"st\"")));
  EXPECT_FALSE(local_fix("ZT-STG-001", FileLanguage::kBicep, "resource x 'y' = {\n}\n", {0, 19}));
}

TEST(SuppressionEdit, WritesEachLanguagesIgnoreDirective) {
  constexpr std::string_view tf = "locals {}\n  resource \"azurerm_subnet\" \"a\" {\n  }\n";
  auto edit = suppression_edit("ZT-NET-001", FileLanguage::kTerraform, tf,
                               find_range(tf, "resource \"azurerm_subnet\" \"a\" {\n  }"));
  ASSERT_TRUE(edit);
  EXPECT_EQ(applied(std::string(tf), *edit),
            "locals {}\n  # ztlint:ignore ZT-NET-001 -- \n"
            "  resource \"azurerm_subnet\" \"a\" {\n  }\n");

  constexpr std::string_view bicep =
      "resource s 'Microsoft.Network/virtualNetworks/subnets@2023-01-01' = {\n}\n";
  edit = suppression_edit("ZT-NET-001", FileLanguage::kBicep, bicep, {0, 70});
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->text, "// ztlint:ignore ZT-NET-001 -- \n");
}

TEST(SuppressionEdit, AddsArmMetadataOnlyWhenTheResourceHasNone) {
  constexpr std::string_view arm =
      "[\n    {\n      \"type\": \"t\",\n      \"name\": \"n\"\n    }\n]";
  auto edit =
      suppression_edit("ZT-NET-001", FileLanguage::kArmJson, arm,
                       find_range(arm, "{\n      \"type\": \"t\",\n      \"name\": \"n\"\n    }"));
  ASSERT_TRUE(edit);
  EXPECT_EQ(applied(std::string(arm), *edit),
            "[\n    {\n      \"metadata\": {\"ztlint\": {\"ignore\": [\"ZT-NET-001 -- "
            "\"]}},\n      \"type\": \"t\",\n      \"name\": \"n\"\n    }\n]");
  constexpr std::string_view with_metadata = "{\"type\": \"t\", \"metadata\": {}}";
  EXPECT_FALSE(suppression_edit("ZT-NET-001", FileLanguage::kArmJson, with_metadata,
                                {0, static_cast<std::uint32_t>(with_metadata.size())}));
}

}  // namespace
}  // namespace ztlint::lsp
