variable "ssh_port" {
  type    = string
  default = "22"
}

# Passed by the pipeline with -var: unknown offline, never a violation.
variable "partner_port" {
  type = string
}
resource "azurerm_resource_group" "spoke" {
  name     = "rg-spoke"
  location = "westeurope"
}

resource "azurerm_network_security_group" "shared" {
  name                = "nsg-shared"
  location            = azurerm_resource_group.spoke.location
  resource_group_name = azurerm_resource_group.spoke.name

  # expect: ZT-NET-002
  security_rule {
    name                       = "AllowJumpSsh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = var.ssh_port
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "AllowPartnerApi"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = var.partner_port
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
