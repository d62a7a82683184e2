resource "azurerm_subnet" "a" {
  name = "x"
  address_prefixes = [cidrsubnet("10.0.0.0/16", 8, 1)]
