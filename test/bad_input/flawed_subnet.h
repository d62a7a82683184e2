// The Terraform file the language-server bad-input tests open: a subnet without an NSG, so
// a working server has a diagnostic to publish.
#pragma once

namespace ztlint::testing {

inline constexpr const char* kFlawedTf = R"(resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.1.0/24"]
}
)";

}  // namespace ztlint::testing
