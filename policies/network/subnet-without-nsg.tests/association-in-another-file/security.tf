resource "azurerm_network_security_group" "shared" { # expect: ZT-NET-004, ZT-VIS-001
  name                = "nsg-shared"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

# Both subnets are associated here, far from where they are declared.
resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.shared.id
}

resource "azurerm_subnet_network_security_group_association" "data" {
  subnet_id                 = azurerm_subnet.data.id
  network_security_group_id = azurerm_network_security_group.shared.id
}
