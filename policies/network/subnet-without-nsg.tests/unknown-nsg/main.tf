# The NSG comes from the caller: unknown offline, so never a violation.
variable "nsg_id" {
  type = string
}

resource "azurerm_virtual_network" "spoke" { # expect: ZT-TOPO-001, ZT-VIS-001
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" { # expect: ZT-RT-001
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = var.nsg_id
}
