resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

resource "azurerm_virtual_network" "spoke" { # expect: ZT-DDOS-001, ZT-FW-001, ZT-VIS-001
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]

  subnet {
    name             = "snet-web"
    address_prefixes = ["10.1.1.0/24"]
    security_group   = azurerm_network_security_group.web.id
  }

  # expect: ZT-NET-001
  subnet {
    name             = "snet-app"
    address_prefixes = ["10.1.2.0/24"]
  }

  subnet {
    name             = "AzureFirewallSubnet"
    address_prefixes = ["10.1.3.0/26"]
  }
}
