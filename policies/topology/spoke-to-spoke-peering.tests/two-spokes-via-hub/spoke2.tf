
resource "azurerm_virtual_network" "spoke2" {
  name                = "vnet-spoke2"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.2.0.0/16"]
}

resource "azurerm_subnet" "app2" {
  name                 = "snet-app2"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke2.name
  address_prefixes     = ["10.2.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "app2" {
  subnet_id                 = azurerm_subnet.app2.id
  network_security_group_id = azurerm_network_security_group.spoke.id
}

resource "azurerm_subnet_route_table_association" "app2" {
  subnet_id      = azurerm_subnet.app2.id
  route_table_id = azurerm_route_table.spoke.id
}

resource "azurerm_virtual_network_peering" "hub_to_spoke2" {
  name                      = "peer-hub-to-spoke2"
  resource_group_name       = azurerm_resource_group.net.name
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.spoke2.id
}

resource "azurerm_virtual_network_peering" "spoke2_to_hub" {
  name                      = "peer-spoke2-to-hub"
  resource_group_name       = azurerm_resource_group.net.name
  virtual_network_name      = azurerm_virtual_network.spoke2.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
}

resource "azurerm_network_watcher_flow_log" "spoke2" {
  name                 = "fl-vnet-spoke2"
  network_watcher_name = azurerm_network_watcher.weu.name
  resource_group_name  = azurerm_resource_group.net.name
  target_resource_id   = azurerm_virtual_network.spoke2.id
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogs"
  enabled              = true
}
