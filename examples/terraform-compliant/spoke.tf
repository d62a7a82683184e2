# Two application spokes, shop and erp. Each is peered with the hub only, sends all egress
# through the hub firewall, and closes every subnet with an NSG that ends in a deny-all.

resource "azurerm_resource_group" "shop" {
  name     = "rg-shop-sdc"
  location = var.location
  tags     = local.tags
}

resource "azurerm_virtual_network" "shop" {
  name                = "vnet-shop-sdc"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  address_space       = [local.shop_address_space]
}

resource "azurerm_subnet" "shop_workload" {
  name                 = "snet-workload"
  resource_group_name  = azurerm_resource_group.shop.name
  virtual_network_name = azurerm_virtual_network.shop.name
  address_prefixes     = ["10.11.1.0/24"]
}

resource "azurerm_subnet" "shop_endpoints" {
  name                              = "snet-private-endpoints"
  resource_group_name               = azurerm_resource_group.shop.name
  virtual_network_name              = azurerm_virtual_network.shop.name
  address_prefixes                  = ["10.11.2.0/24"]
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_application_security_group" "shop_app" {
  name                = "asg-shop-app"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
}

resource "azurerm_network_security_group" "shop_workload" {
  name                = "nsg-shop-workload"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name

  security_rule {
    name                                       = "AllowHttpsFromVnet"
    priority                                   = 100
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "443"
    source_address_prefix                      = "VirtualNetwork"
    destination_application_security_group_ids = [azurerm_application_security_group.shop_app.id]
  }

  security_rule {
    name                                       = "AllowSshFromBastion"
    priority                                   = 110
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "22"
    source_address_prefix                      = local.bastion_prefix
    destination_application_security_group_ids = [azurerm_application_security_group.shop_app.id]
  }

  security_rule {
    name                       = "DenyAllInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_group" "shop_endpoints" {
  name                = "nsg-shop-private-endpoints"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name

  security_rule {
    name                       = "AllowHttpsFromWorkload"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.11.1.0/24"
    destination_address_prefix = "10.11.2.0/24"
  }

  security_rule {
    name                       = "DenyVnetInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "shop_workload" {
  subnet_id                 = azurerm_subnet.shop_workload.id
  network_security_group_id = azurerm_network_security_group.shop_workload.id
}

resource "azurerm_subnet_network_security_group_association" "shop_endpoints" {
  subnet_id                 = azurerm_subnet.shop_endpoints.id
  network_security_group_id = azurerm_network_security_group.shop_endpoints.id
}

resource "azurerm_route_table" "shop" {
  name                          = "rt-shop-sdc"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-hub-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "shop_workload" {
  subnet_id      = azurerm_subnet.shop_workload.id
  route_table_id = azurerm_route_table.shop.id
}

resource "azurerm_subnet_route_table_association" "shop_endpoints" {
  subnet_id      = azurerm_subnet.shop_endpoints.id
  route_table_id = azurerm_route_table.shop.id
}

resource "azurerm_resource_group" "erp" {
  name     = "rg-erp-sdc"
  location = var.location
  tags     = local.tags
}

resource "azurerm_virtual_network" "erp" {
  name                = "vnet-erp-sdc"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name
  address_space       = [local.erp_address_space]
}

resource "azurerm_subnet" "erp_workload" {
  name                 = "snet-workload"
  resource_group_name  = azurerm_resource_group.erp.name
  virtual_network_name = azurerm_virtual_network.erp.name
  address_prefixes     = ["10.12.1.0/24"]
}

resource "azurerm_subnet" "erp_endpoints" {
  name                              = "snet-private-endpoints"
  resource_group_name               = azurerm_resource_group.erp.name
  virtual_network_name              = azurerm_virtual_network.erp.name
  address_prefixes                  = ["10.12.2.0/24"]
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_application_security_group" "erp_app" {
  name                = "asg-erp-app"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name
}

resource "azurerm_network_security_group" "erp_workload" {
  name                = "nsg-erp-workload"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name

  security_rule {
    name                                       = "AllowHttpsFromShop"
    priority                                   = 100
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "443"
    source_address_prefix                      = local.shop_address_space
    destination_application_security_group_ids = [azurerm_application_security_group.erp_app.id]
  }

  security_rule {
    name                                       = "AllowSshFromBastion"
    priority                                   = 110
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "22"
    source_address_prefix                      = local.bastion_prefix
    destination_application_security_group_ids = [azurerm_application_security_group.erp_app.id]
  }

  security_rule {
    name                       = "DenyAllInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_group" "erp_endpoints" {
  name                = "nsg-erp-private-endpoints"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name

  security_rule {
    name                       = "AllowHttpsFromWorkload"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.12.1.0/24"
    destination_address_prefix = "10.12.2.0/24"
  }

  security_rule {
    name                       = "DenyVnetInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "erp_workload" {
  subnet_id                 = azurerm_subnet.erp_workload.id
  network_security_group_id = azurerm_network_security_group.erp_workload.id
}

resource "azurerm_subnet_network_security_group_association" "erp_endpoints" {
  subnet_id                 = azurerm_subnet.erp_endpoints.id
  network_security_group_id = azurerm_network_security_group.erp_endpoints.id
}

resource "azurerm_route_table" "erp" {
  name                          = "rt-erp-sdc"
  location                      = azurerm_resource_group.erp.location
  resource_group_name           = azurerm_resource_group.erp.name
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-hub-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "erp_workload" {
  subnet_id      = azurerm_subnet.erp_workload.id
  route_table_id = azurerm_route_table.erp.id
}

resource "azurerm_subnet_route_table_association" "erp_endpoints" {
  subnet_id      = azurerm_subnet.erp_endpoints.id
  route_table_id = azurerm_route_table.erp.id
}

# Hub-and-spoke peerings, both directions. Spokes reach each other only through the firewall.
resource "azurerm_virtual_network_peering" "hub_to_shop" {
  name                      = "peer-hub-to-shop"
  resource_group_name       = azurerm_resource_group.hub.name
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.shop.id
  allow_forwarded_traffic   = true
}

resource "azurerm_virtual_network_peering" "shop_to_hub" {
  name                      = "peer-shop-to-hub"
  resource_group_name       = azurerm_resource_group.shop.name
  virtual_network_name      = azurerm_virtual_network.shop.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
}

resource "azurerm_virtual_network_peering" "hub_to_erp" {
  name                      = "peer-hub-to-erp"
  resource_group_name       = azurerm_resource_group.hub.name
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.erp.id
  allow_forwarded_traffic   = true
}

resource "azurerm_virtual_network_peering" "erp_to_hub" {
  name                      = "peer-erp-to-hub"
  resource_group_name       = azurerm_resource_group.erp.name
  virtual_network_name      = azurerm_virtual_network.erp.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
}

resource "azurerm_network_watcher_flow_log" "shop" {
  name                 = "fl-vnet-shop-sdc"
  network_watcher_name = azurerm_network_watcher.sdc.name
  resource_group_name  = azurerm_resource_group.hub.name
  target_resource_id   = azurerm_virtual_network.shop.id
  storage_account_id   = azurerm_storage_account.flowlogs.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }
}

resource "azurerm_network_watcher_flow_log" "erp" {
  name                 = "fl-vnet-erp-sdc"
  network_watcher_name = azurerm_network_watcher.sdc.name
  resource_group_name  = azurerm_resource_group.hub.name
  target_resource_id   = azurerm_virtual_network.erp.id
  storage_account_id   = azurerm_storage_account.flowlogs.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }
}
