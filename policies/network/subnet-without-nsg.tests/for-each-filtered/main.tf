locals {
  tiers = {
    web   = { netnum = 1, nsg = true }
    app   = { netnum = 2, nsg = true }
    batch = { netnum = 3, nsg = false }
  }
}

resource "azurerm_virtual_network" "spoke" { # expect: ZT-TOPO-001, ZT-VIS-001
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.20.0.0/16"]
}

# Only the batch tier is left without an NSG by the filtered association below.
# expect: ZT-NET-001
resource "azurerm_subnet" "tier" { # expect: ZT-RT-001
  for_each             = local.tiers
  name                 = "snet-${each.key}"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = [cidrsubnet("10.20.0.0/16", 8, each.value.netnum)]
}

resource "azurerm_network_security_group" "shared" { # expect: ZT-NET-004, ZT-VIS-001
  name                = "nsg-shared"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

resource "azurerm_subnet_network_security_group_association" "tier" {
  for_each                  = { for name, tier in local.tiers : name => tier if tier.nsg }
  subnet_id                 = azurerm_subnet.tier[each.key].id
  network_security_group_id = azurerm_network_security_group.shared.id
}
