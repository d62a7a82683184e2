#!/usr/bin/env python3
"""Synthetic hub-and-spoke Azure estates of a chosen size, for ztlint's benchmarks.

usage: bench/generate_estate.py --resources 10000 --language terraform --out DIR
                                [--layout files|modules]

One hub (Azure Firewall Premium with its policy, Bastion, a VPN gateway whose subnet routes
the spokes through the firewall, DDoS protection, private DNS, flow logs) and as many spokes
as it takes to reach --resources. Every spoke is a VNet with a workload and a private-endpoint
subnet, each with an NSG and the route table that sends 0.0.0.0/0 to the hub firewall, a Linux
VM with its NIC and application security group, a storage account reached through a private
endpoint, a VNet flow log, and peerings both ways. Every seventh spoke carries planted flaws
(SSH from the Internet, a public storage account with TLS 1.0, password log-in, an endpoints
subnet without NSG), so findings grow with the estate.

Layouts:
  terraform  files   one root module folder: hub.tf, variables.tf and one spoke_NNNNN.tf each
             modules hub.tf in the root and one module folder per spoke, called from main.tf
  bicep      files   main.bicep (the hub) and one spokes/spoke-NNNNN.bicep per spoke, each
                     naming the hub's resources with `existing`
             modules the same spoke files, deployed as modules from main.bicep
  arm        files   hub.json and one spokes/spoke-NNNNN.json template per spoke

Resources are counted the way ztlint counts them: every declared resource, plus the inline
NSG rules, routes and subnets that become resources of their own. The count, files and bytes
are printed as one JSON object on standard output (and the estate is written under --out).
"""
import argparse
import json
import os
import re
import sys

LANGUAGES = ("terraform", "bicep", "arm")
FLAW_EVERY = 7  # spoke 7, 14, 21... carries the planted flaws
SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyOfTheOperationsTeam ops@example"


def spoke_tag(i):
    return f"s{i:05d}"


def spoke_prefix(i):
    """A /24 per spoke inside 10.0.0.0/8 (the hub is 172.16.0.0/16), up to 65536 spokes."""
    n = i - 1
    return f"10.{n // 256}.{n % 256}"


def flawed(i):
    return i % FLAW_EVERY == 0


# ---- Terraform ------------------------------------------------------------------------------

TF_HUB = '''# Connectivity hub: Azure Firewall Premium, Bastion and a VPN gateway whose traffic to the
# spokes goes through the firewall, DDoS protection, private DNS for blob storage, flow logs.

resource "azurerm_resource_group" "hub" {
  name     = "rg-hub"
  location = var.location
  tags     = local.tags
}

resource "azurerm_network_ddos_protection_plan" "hub" {
  name                = "ddos-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  address_space       = ["172.16.0.0/16"]

  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.hub.id
    enable = true
  }
}

resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = azurerm_resource_group.hub.name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["172.16.0.0/26"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = azurerm_resource_group.hub.name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["172.16.0.64/27"]
}

resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = azurerm_resource_group.hub.name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = [local.bastion_prefix]
}

resource "azurerm_subnet" "hub_endpoints" {
  name                              = "snet-private-endpoints"
  resource_group_name               = azurerm_resource_group.hub.name
  virtual_network_name              = azurerm_virtual_network.hub.name
  address_prefixes                  = ["172.16.1.0/24"]
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_network_security_group" "hub_endpoints" {
  name                = "nsg-hub-private-endpoints"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name

  security_rule {
    name                       = "AllowHttpsFromSpokes"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.0.0.0/8"
    destination_address_prefix = "172.16.1.0/24"
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

resource "azurerm_subnet_network_security_group_association" "hub_endpoints" {
  subnet_id                 = azurerm_subnet.hub_endpoints.id
  network_security_group_id = azurerm_network_security_group.hub_endpoints.id
}

resource "azurerm_public_ip" "firewall" {
  name                = "pip-afw-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_firewall_policy" "hub" {
  name                     = "afwp-hub"
  location                 = azurerm_resource_group.hub.location
  resource_group_name      = azurerm_resource_group.hub.name
  sku                      = "Premium"
  threat_intelligence_mode = "Deny"

  intrusion_detection {
    mode = "Deny"
  }
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  sku_name            = "AZFW_VNet"
  sku_tier            = "Premium"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
}

resource "azurerm_public_ip" "bastion" {
  name                = "pip-bas-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_bastion_host" "hub" {
  name                = "bas-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  sku                 = "Standard"

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
}

resource "azurerm_public_ip" "gateway" {
  name                = "pip-vgw-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.gateway.id
    public_ip_address_id = azurerm_public_ip.gateway.id
  }
}

# On-premises traffic to any spoke is inspected by the firewall first.
resource "azurerm_route_table" "gateway" {
  name                = "rt-gateway"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name

  route {
    name                   = "spokes-via-firewall"
    address_prefix         = "10.0.0.0/8"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "gateway" {
  subnet_id      = azurerm_subnet.gateway.id
  route_table_id = azurerm_route_table.gateway.id
}

resource "azurerm_network_watcher" "hub" {
  name                = "nw-hub"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
}

resource "azurerm_storage_account" "flowlogs" {
  name                            = "stflowlogshub01"
  location                        = azurerm_resource_group.hub.location
  resource_group_name             = azurerm_resource_group.hub.name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_network_watcher_flow_log" "hub" {
  name                 = "fl-vnet-hub"
  network_watcher_name = azurerm_network_watcher.hub.name
  resource_group_name  = azurerm_resource_group.hub.name
  target_resource_id   = azurerm_virtual_network.hub.id
  storage_account_id   = azurerm_storage_account.flowlogs.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }
}

resource "azurerm_private_dns_zone" "blob" {
  name                = "privatelink.blob.core.windows.net"
  resource_group_name = azurerm_resource_group.hub.name
}

resource "azurerm_private_dns_zone_virtual_network_link" "blob_hub" {
  name                  = "link-vnet-hub"
  resource_group_name   = azurerm_resource_group.hub.name
  private_dns_zone_name = azurerm_private_dns_zone.blob.name
  virtual_network_id    = azurerm_virtual_network.hub.id
}

resource "azurerm_private_endpoint" "flowlogs_blob" {
  name                = "pe-stflowlogshub01-blob"
  location            = azurerm_resource_group.hub.location
  resource_group_name = azurerm_resource_group.hub.name
  subnet_id           = azurerm_subnet.hub_endpoints.id

  private_service_connection {
    name                           = "psc-stflowlogshub01-blob"
    private_connection_resource_id = azurerm_storage_account.flowlogs.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.blob.id]
  }
}
'''


def tf_count(text):
    """Resource blocks, and the inline blocks that become resources of their own: NSG rules,
    routes and private DNS zone groups."""
    return len(re.findall(r'^resource "|^  (?:security_rule|route|private_dns_zone_group) \{',
                          text, re.M))


TF_VARIABLES = '''variable "location" {
  description = "Azure region of the whole estate."
  type        = string
  default     = "westeurope"
}

locals {
  # Administrators reach the VMs only through Bastion.
  bastion_prefix = "172.16.0.128/26"

  tags = {
    environment = "benchmark"
    owner       = "platform-team"
  }
}
'''

TF_PROVIDERS = '''terraform {
  required_version = ">= 1.9"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
  storage_use_azuread = true
}
'''

# How a spoke names the hub: directly in the root module, through variables in a module.
TF_HUB_IN_ROOT = {
    "location": "var.location",
    "hub_rg_name": "azurerm_resource_group.hub.name",
    "hub_vnet_name": "azurerm_virtual_network.hub.name",
    "hub_vnet_id": "azurerm_virtual_network.hub.id",
    "firewall_ip": "azurerm_firewall.hub.ip_configuration[0].private_ip_address",
    "bastion_prefix": "local.bastion_prefix",
    "blob_zone_id": "azurerm_private_dns_zone.blob.id",
    "network_watcher_name": "azurerm_network_watcher.hub.name",
    "flowlog_storage_id": "azurerm_storage_account.flowlogs.id",
}
TF_HUB_IN_MODULE = {key: f"var.{key}" for key in TF_HUB_IN_ROOT}


def tf_spoke(i, hub):
    """One spoke in HCL, and how many resources it declares."""
    t, p, bad = spoke_tag(i), spoke_prefix(i), flawed(i)
    ssh_source = '"*"' if bad else hub["bastion_prefix"]
    storage_public = "true" if bad else "false"
    tls = "TLS1_0" if bad else "TLS1_2"
    password_off = "false" if bad else "true"
    out = [f'''# Spoke {t}: one workload VM behind the hub firewall; its data is reached only through a
# private endpoint.{"  Planted flaws: SSH from the Internet, public TLS 1.0 storage, password log-in, an endpoints subnet without NSG." if bad else ""}

resource "azurerm_resource_group" "{t}" {{
  name     = "rg-{t}"
  location = {hub["location"]}
}}

resource "azurerm_virtual_network" "{t}" {{
  name                = "vnet-{t}"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name
  address_space       = ["{p}.0/24"]
}}

resource "azurerm_subnet" "{t}_workload" {{
  name                 = "snet-workload"
  resource_group_name  = azurerm_resource_group.{t}.name
  virtual_network_name = azurerm_virtual_network.{t}.name
  address_prefixes     = ["{p}.0/25"]
}}

resource "azurerm_subnet" "{t}_endpoints" {{
  name                              = "snet-private-endpoints"
  resource_group_name               = azurerm_resource_group.{t}.name
  virtual_network_name              = azurerm_virtual_network.{t}.name
  address_prefixes                  = ["{p}.128/26"]
  private_endpoint_network_policies = "Enabled"
}}

resource "azurerm_application_security_group" "{t}_app" {{
  name                = "asg-{t}-app"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name
}}

resource "azurerm_network_security_group" "{t}_workload" {{
  name                = "nsg-{t}-workload"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name

  security_rule {{
    name                                       = "AllowHttpsFromVnet"
    priority                                   = 100
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "443"
    source_address_prefix                      = "VirtualNetwork"
    destination_application_security_group_ids = [azurerm_application_security_group.{t}_app.id]
  }}

  security_rule {{
    name                                       = "AllowSshFromBastion"
    priority                                   = 110
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "22"
    source_address_prefix                      = {ssh_source}
    destination_application_security_group_ids = [azurerm_application_security_group.{t}_app.id]
  }}

  security_rule {{
    name                       = "DenyAllInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }}
}}

resource "azurerm_network_security_group" "{t}_endpoints" {{
  name                = "nsg-{t}-private-endpoints"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name

  security_rule {{
    name                       = "AllowHttpsFromWorkload"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "{p}.0/25"
    destination_address_prefix = "{p}.128/26"
  }}

  security_rule {{
    name                       = "DenyVnetInbound"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "*"
  }}
}}

resource "azurerm_subnet_network_security_group_association" "{t}_workload" {{
  subnet_id                 = azurerm_subnet.{t}_workload.id
  network_security_group_id = azurerm_network_security_group.{t}_workload.id
}}
''']
    if not bad:
        out.append(f'''
resource "azurerm_subnet_network_security_group_association" "{t}_endpoints" {{
  subnet_id                 = azurerm_subnet.{t}_endpoints.id
  network_security_group_id = azurerm_network_security_group.{t}_endpoints.id
}}
''')
    out.append(f'''
resource "azurerm_route_table" "{t}" {{
  name                          = "rt-{t}"
  location                      = azurerm_resource_group.{t}.location
  resource_group_name           = azurerm_resource_group.{t}.name
  bgp_route_propagation_enabled = false

  route {{
    name                   = "default-via-hub-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = {hub["firewall_ip"]}
  }}
}}

resource "azurerm_subnet_route_table_association" "{t}_workload" {{
  subnet_id      = azurerm_subnet.{t}_workload.id
  route_table_id = azurerm_route_table.{t}.id
}}

resource "azurerm_subnet_route_table_association" "{t}_endpoints" {{
  subnet_id      = azurerm_subnet.{t}_endpoints.id
  route_table_id = azurerm_route_table.{t}.id
}}

resource "azurerm_network_interface" "{t}_app" {{
  name                = "nic-vm-{t}-app"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name

  ip_configuration {{
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.{t}_workload.id
    private_ip_address_allocation = "Dynamic"
  }}
}}

resource "azurerm_network_interface_application_security_group_association" "{t}_app" {{
  network_interface_id          = azurerm_network_interface.{t}_app.id
  application_security_group_id = azurerm_application_security_group.{t}_app.id
}}

resource "azurerm_linux_virtual_machine" "{t}_app" {{
  name                            = "vm-{t}-app"
  location                        = azurerm_resource_group.{t}.location
  resource_group_name             = azurerm_resource_group.{t}.name
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureops"
  disable_password_authentication = {password_off}
  network_interface_ids           = [azurerm_network_interface.{t}_app.id]
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  encryption_at_host_enabled      = true

  admin_ssh_key {{
    username   = "azureops"
    public_key = "{SSH_KEY}"
  }}

  os_disk {{
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }}

  source_image_reference {{
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }}
}}

resource "azurerm_storage_account" "{t}_data" {{
  name                            = "st{t}data"
  location                        = azurerm_resource_group.{t}.location
  resource_group_name             = azurerm_resource_group.{t}.name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "{tls}"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = {storage_public}
}}

resource "azurerm_private_endpoint" "{t}_data_blob" {{
  name                = "pe-st{t}data-blob"
  location            = azurerm_resource_group.{t}.location
  resource_group_name = azurerm_resource_group.{t}.name
  subnet_id           = azurerm_subnet.{t}_endpoints.id

  private_service_connection {{
    name                           = "psc-st{t}data-blob"
    private_connection_resource_id = azurerm_storage_account.{t}_data.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }}

  private_dns_zone_group {{
    name                 = "default"
    private_dns_zone_ids = [{hub["blob_zone_id"]}]
  }}
}}

resource "azurerm_virtual_network_peering" "{t}_to_hub" {{
  name                      = "peer-{t}-to-hub"
  resource_group_name       = azurerm_resource_group.{t}.name
  virtual_network_name      = azurerm_virtual_network.{t}.name
  remote_virtual_network_id = {hub["hub_vnet_id"]}
  allow_forwarded_traffic   = true
}}

resource "azurerm_virtual_network_peering" "hub_to_{t}" {{
  name                      = "peer-hub-to-{t}"
  resource_group_name       = {hub["hub_rg_name"]}
  virtual_network_name      = {hub["hub_vnet_name"]}
  remote_virtual_network_id = azurerm_virtual_network.{t}.id
  allow_forwarded_traffic   = true
}}

resource "azurerm_network_watcher_flow_log" "{t}" {{
  name                 = "fl-vnet-{t}"
  network_watcher_name = {hub["network_watcher_name"]}
  resource_group_name  = {hub["hub_rg_name"]}
  target_resource_id   = azurerm_virtual_network.{t}.id
  storage_account_id   = {hub["flowlog_storage_id"]}
  enabled              = true
  version              = 2

  retention_policy {{
    enabled = true
    days    = 90
  }}
}}
''')
    text = "".join(out)
    return text, tf_count(text)


def tf_module_variables():
    lines = [f'variable "{key}" {{\n  type = string\n}}\n' for key in TF_HUB_IN_MODULE]
    return "\n".join(lines)


def tf_module_call(i):
    t = spoke_tag(i)
    args = "\n".join(f"  {key:<20} = {TF_HUB_IN_ROOT[key]}" for key in TF_HUB_IN_ROOT)
    return f'''module "spoke_{t}" {{
  source = "./modules/spoke-{t}"

{args}
}}
'''


def write_terraform(spokes, layout):
    files = {"providers.tf": TF_PROVIDERS, "variables.tf": TF_VARIABLES, "hub.tf": TF_HUB}
    count = tf_count(TF_HUB)
    calls = []
    for i in range(1, spokes + 1):
        t = spoke_tag(i)
        if layout == "files":
            text, n = tf_spoke(i, TF_HUB_IN_ROOT)
            files[f"spoke_{t}.tf"] = text
        else:
            text, n = tf_spoke(i, TF_HUB_IN_MODULE)
            files[f"modules/spoke-{t}/main.tf"] = text
            files[f"modules/spoke-{t}/variables.tf"] = tf_module_variables()
            calls.append(tf_module_call(i))
        count += n
    if calls:
        files["main.tf"] = "\n".join(calls)
    return files, count


# ---- ARM and Bicep, from one model ---------------------------------------------------------


class Expr:
    """A value computed at deployment: its ARM template expression and its Bicep expression."""

    def __init__(self, arm, bicep):
        self.arm, self.bicep = arm, bicep


class Res:
    """A resource: Bicep symbolic name, ARM type and full name, body (location, properties...)."""

    def __init__(self, sym, type_, name, body, parent=None, existing=False, inline=0):
        self.sym, self.type, self.name, self.body = sym, type_, name, body
        self.parent, self.existing = parent, existing
        self.inline = inline  # inline rules, routes and subnets: resources of their own

    def id(self):
        segments = ", ".join(f"'{s}'" for s in self.name.split("/"))
        return Expr(f"resourceId('{self.type}', {segments})", f"{self.sym}.id")

    def ref(self):
        return {"id": self.id()}


API = {
    "Microsoft.Compute": "2024-07-01",
    "Microsoft.Storage": "2023-05-01",
    "Microsoft.Network": "2023-11-01",
}
LOCATION = Expr("parameters('location')", "location")
FIREWALL_IP = Expr(
    "parameters('firewallPrivateIp')",
    "hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress")


def rule(name, priority, access, protocol, source, ports, destination=None, asg=None):
    props = {"priority": priority, "direction": "Inbound", "access": access,
             "protocol": protocol, "sourceAddressPrefix": source, "sourcePortRange": "*"}
    if asg is not None:
        props["destinationApplicationSecurityGroups"] = [asg.ref()]
    else:
        props["destinationAddressPrefix"] = destination
    props["destinationPortRange"] = ports
    return {"name": name, "properties": props}


def deny_all(name, source):
    return rule(name, 4000, "Deny", "*", source, "*", destination="*")


def public_ip(sym, name):
    return Res(sym, "Microsoft.Network/publicIPAddresses", name,
               {"location": LOCATION, "sku": {"name": "Standard"},
                "properties": {"publicIPAllocationMethod": "Static"}})


def storage_account(sym, name, public, tls, default_action):
    props = {"supportsHttpsTrafficOnly": True, "minimumTlsVersion": tls,
             "allowBlobPublicAccess": False, "allowSharedKeyAccess": False,
             "publicNetworkAccess": "Enabled" if public else "Disabled"}
    if default_action:
        props["networkAcls"] = {"defaultAction": default_action, "bypass": "AzureServices"}
    return Res(sym, "Microsoft.Storage/storageAccounts", name,
               {"location": LOCATION, "kind": "StorageV2", "sku": {"name": "Standard_ZRS"},
                "properties": props})


def private_endpoint(sym, name, subnet_id, target):
    return Res(sym, "Microsoft.Network/privateEndpoints", name, {
        "location": LOCATION,
        "properties": {
            "subnet": {"id": subnet_id},
            "privateLinkServiceConnections": [{
                "name": f"psc-{target.name}-blob",
                "properties": {"privateLinkServiceId": target.id(), "groupIds": ["blob"]}}],
        }})


def dns_zone_group(sym, endpoint, zone):
    return Res(sym, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
               f"{endpoint.name}/default", {
                   "properties": {"privateDnsZoneConfigs": [
                       {"name": "blob", "properties": {"privateDnsZoneId": zone.id()}}]}},
               parent=endpoint)


def flow_log(sym, name, watcher, target, storage):
    return Res(sym, "Microsoft.Network/networkWatchers/flowLogs", f"{watcher.name}/{name}", {
        "location": LOCATION,
        "properties": {"targetResourceId": target.id(), "storageId": storage.id(),
                       "enabled": True, "format": {"type": "JSON", "version": 2},
                       "retentionPolicy": {"days": 90, "enabled": True}}},
        parent=watcher)


def subnet_id(vnet, name):
    return Expr(f"resourceId('Microsoft.Network/virtualNetworks/subnets', '{vnet.name}', '{name}')",
                f"resourceId('Microsoft.Network/virtualNetworks/subnets', {vnet.sym}.name, '{name}')")


HUB_VNET = "vnet-hub"


def hub_model():
    ddos = Res("ddosPlan", "Microsoft.Network/ddosProtectionPlans", "ddos-hub",
               {"location": LOCATION, "properties": {}})
    gateway_rt_name = "rt-gateway"
    endpoints_nsg = Res("endpointsNsg", "Microsoft.Network/networkSecurityGroups",
                        "nsg-hub-private-endpoints", {"location": LOCATION, "properties": {
                            "securityRules": [
                                rule("AllowHttpsFromSpokes", 100, "Allow", "Tcp", "10.0.0.0/8",
                                     "443", destination="172.16.1.0/24"),
                                deny_all("DenyAllInbound", "*")]}}, inline=2)
    firewall_policy = Res("firewallPolicy", "Microsoft.Network/firewallPolicies", "afwp-hub", {
        "location": LOCATION, "properties": {
            "sku": {"tier": "Premium"}, "threatIntelMode": "Deny",
            "intrusionDetection": {"mode": "Deny"}}})
    pip_fw, pip_bas, pip_gw = (public_ip("firewallPip", "pip-afw-hub"),
                              public_ip("bastionPip", "pip-bas-hub"),
                              public_ip("gatewayPip", "pip-vgw-hub"))
    vnet = Res("hubVnet", "Microsoft.Network/virtualNetworks", HUB_VNET, {}, inline=4)
    firewall = Res("hubFirewall", "Microsoft.Network/azureFirewalls", "afw-hub", {
        "location": LOCATION, "properties": {
            "sku": {"name": "AZFW_VNet", "tier": "Premium"},
            "firewallPolicy": firewall_policy.ref(),
            "ipConfigurations": [{"name": "ipconfig", "properties": {
                "subnet": {"id": subnet_id(vnet, "AzureFirewallSubnet")},
                "publicIPAddress": pip_fw.ref()}}]}})
    gateway_rt = Res("gatewayRouteTable", "Microsoft.Network/routeTables", gateway_rt_name, {
        "location": LOCATION, "properties": {"routes": [{
            "name": "spokes-via-firewall",
            "properties": {"addressPrefix": "10.0.0.0/8", "nextHopType": "VirtualAppliance",
                           "nextHopIpAddress": Expr(
                               "reference(resourceId('Microsoft.Network/azureFirewalls', "
                               "'afw-hub'), '2023-11-01').ipConfigurations[0].properties"
                               ".privateIPAddress",
                               "hubFirewall.properties.ipConfigurations[0].properties"
                               ".privateIPAddress")}}]}}, inline=1)
    vnet.body = {"location": LOCATION, "properties": {
        "addressSpace": {"addressPrefixes": ["172.16.0.0/16"]},
        "enableDdosProtection": True, "ddosProtectionPlan": ddos.ref(),
        "subnets": [
            {"name": "AzureFirewallSubnet", "properties": {"addressPrefix": "172.16.0.0/26"}},
            {"name": "GatewaySubnet", "properties": {"addressPrefix": "172.16.0.64/27",
                                                     "routeTable": gateway_rt.ref()}},
            {"name": "AzureBastionSubnet", "properties": {"addressPrefix": "172.16.0.128/26"}},
            {"name": "snet-private-endpoints", "properties": {
                "addressPrefix": "172.16.1.0/24", "networkSecurityGroup": endpoints_nsg.ref(),
                "privateEndpointNetworkPolicies": "Enabled"}}]}}
    bastion = Res("bastion", "Microsoft.Network/bastionHosts", "bas-hub", {
        "location": LOCATION, "sku": {"name": "Standard"}, "properties": {
            "ipConfigurations": [{"name": "ipconfig", "properties": {
                "subnet": {"id": subnet_id(vnet, "AzureBastionSubnet")},
                "publicIPAddress": pip_bas.ref()}}]}})
    gateway = Res("vpnGateway", "Microsoft.Network/virtualNetworkGateways", "vgw-hub", {
        "location": LOCATION, "properties": {
            "gatewayType": "Vpn", "vpnType": "RouteBased",
            "sku": {"name": "VpnGw2AZ", "tier": "VpnGw2AZ"},
            "ipConfigurations": [{"name": "ipconfig", "properties": {
                "subnet": {"id": subnet_id(vnet, "GatewaySubnet")},
                "publicIPAddress": pip_gw.ref()}}]}})
    watcher = Res("networkWatcher", "Microsoft.Network/networkWatchers", "nw-hub",
                  {"location": LOCATION, "properties": {}})
    flowlogs = storage_account("flowLogStorage", "stflowlogshub01", True, "TLS1_2", "Deny")
    zone = Res("blobZone", "Microsoft.Network/privateDnsZones",
               "privatelink.blob.core.windows.net", {"location": "global"})
    zone_link = Res("blobZoneLink", "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
                    "privatelink.blob.core.windows.net/link-vnet-hub", {
                        "location": "global", "properties": {
                            "registrationEnabled": False, "virtualNetwork": vnet.ref()}},
                    parent=zone)
    pe = private_endpoint("flowLogStorageBlob", "pe-stflowlogshub01-blob",
                          subnet_id(vnet, "snet-private-endpoints"), flowlogs)
    return [ddos, vnet, endpoints_nsg, pip_fw, firewall_policy, firewall, pip_bas, bastion, pip_gw,
            gateway, gateway_rt, watcher, flowlogs,
            flow_log("hubFlowLog", "fl-vnet-hub", watcher, vnet, flowlogs), zone, zone_link, pe,
            dns_zone_group("flowLogStorageBlobDns", pe, zone)]


def hub_references():
    """The hub's resources as a spoke template sees them (Bicep `existing`)."""
    ex = {"existing": True}
    return {
        "vnet": Res("hubVnet", "Microsoft.Network/virtualNetworks", HUB_VNET, {}, **ex),
        "firewall": Res("hubFirewall", "Microsoft.Network/azureFirewalls", "afw-hub", {}, **ex),
        "watcher": Res("networkWatcher", "Microsoft.Network/networkWatchers", "nw-hub", {}, **ex),
        "storage": Res("flowLogStorage", "Microsoft.Storage/storageAccounts", "stflowlogshub01",
                       {}, **ex),
        "zone": Res("blobZone", "Microsoft.Network/privateDnsZones",
                    "privatelink.blob.core.windows.net", {}, **ex),
    }


def spoke_model(i, hub):
    t, p, bad = spoke_tag(i), spoke_prefix(i), flawed(i)
    asg = Res("appAsg", "Microsoft.Network/applicationSecurityGroups", f"asg-{t}-app",
              {"location": LOCATION, "properties": {}})
    ssh_source = "*" if bad else "172.16.0.128/26"
    workload_nsg = Res("workloadNsg", "Microsoft.Network/networkSecurityGroups",
                       f"nsg-{t}-workload", {"location": LOCATION, "properties": {
                           "securityRules": [
                               rule("AllowHttpsFromVnet", 100, "Allow", "Tcp", "VirtualNetwork",
                                    "443", asg=asg),
                               rule("AllowSshFromBastion", 110, "Allow", "Tcp", ssh_source, "22",
                                    asg=asg),
                               deny_all("DenyAllInbound", "*")]}}, inline=3)
    endpoints_nsg = Res("endpointsNsg", "Microsoft.Network/networkSecurityGroups",
                        f"nsg-{t}-private-endpoints", {"location": LOCATION, "properties": {
                            "securityRules": [
                                rule("AllowHttpsFromWorkload", 100, "Allow", "Tcp", f"{p}.0/25",
                                     "443", destination=f"{p}.128/26"),
                                deny_all("DenyVnetInbound", "VirtualNetwork")]}}, inline=2)
    route_table = Res("routeTable", "Microsoft.Network/routeTables", f"rt-{t}", {
        "location": LOCATION, "properties": {
            "disableBgpRoutePropagation": True,
            "routes": [{"name": "default-via-hub-firewall", "properties": {
                "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
                "nextHopIpAddress": FIREWALL_IP}}]}}, inline=1)
    endpoints_subnet = {"addressPrefix": f"{p}.128/26", "routeTable": route_table.ref(),
                        "privateEndpointNetworkPolicies": "Enabled"}
    if not bad:
        endpoints_subnet["networkSecurityGroup"] = endpoints_nsg.ref()
    vnet = Res("vnet", "Microsoft.Network/virtualNetworks", f"vnet-{t}", {
        "location": LOCATION, "properties": {
            "addressSpace": {"addressPrefixes": [f"{p}.0/24"]},
            "subnets": [
                {"name": "snet-workload", "properties": {
                    "addressPrefix": f"{p}.0/25", "networkSecurityGroup": workload_nsg.ref(),
                    "routeTable": route_table.ref()}},
                {"name": "snet-private-endpoints", "properties": endpoints_subnet}]}}, inline=2)
    nic = Res("appNic", "Microsoft.Network/networkInterfaces", f"nic-vm-{t}-app", {
        "location": LOCATION, "properties": {"ipConfigurations": [{
            "name": "ipconfig1", "properties": {
                "privateIPAllocationMethod": "Dynamic",
                "subnet": {"id": subnet_id(vnet, "snet-workload")},
                "applicationSecurityGroups": [asg.ref()]}}]}})
    vm = Res("appVm", "Microsoft.Compute/virtualMachines", f"vm-{t}-app", {
        "location": LOCATION, "properties": {
            "hardwareProfile": {"vmSize": "Standard_D2s_v5"},
            "securityProfile": {
                "securityType": "TrustedLaunch", "encryptionAtHost": True,
                "uefiSettings": {"secureBootEnabled": True, "vTpmEnabled": True}},
            "osProfile": {
                "computerName": f"vm-{t}-app", "adminUsername": "azureops",
                "linuxConfiguration": {
                    "disablePasswordAuthentication": not bad,
                    "ssh": {"publicKeys": [{"path": "/home/azureops/.ssh/authorized_keys",
                                            "keyData": SSH_KEY}]}}},
            "storageProfile": {
                "imageReference": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts",
                                   "sku": "server", "version": "latest"},
                "osDisk": {"createOption": "FromImage", "caching": "ReadWrite",
                           "managedDisk": {"storageAccountType": "Premium_LRS"}}},
            "networkProfile": {"networkInterfaces": [nic.ref()]}}})
    data = storage_account("dataStorage", f"st{t}data", bad, "TLS1_0" if bad else "TLS1_2", None)
    pe = private_endpoint("dataStorageBlob", f"pe-st{t}data-blob",
                          subnet_id(vnet, "snet-private-endpoints"), data)
    to_hub = Res("toHub", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
                 f"vnet-{t}/peer-{t}-to-hub", {"properties": {
                     "remoteVirtualNetwork": hub["vnet"].ref(),
                     "allowVirtualNetworkAccess": True, "allowForwardedTraffic": True}},
                 parent=vnet)
    from_hub = Res("fromHub", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
                   f"{HUB_VNET}/peer-hub-to-{t}", {"properties": {
                       "remoteVirtualNetwork": vnet.ref(),
                       "allowVirtualNetworkAccess": True, "allowForwardedTraffic": True}},
                   parent=hub["vnet"])
    return [asg, workload_nsg, endpoints_nsg, route_table, vnet, nic, vm, data, pe,
            dns_zone_group("dataStorageBlobDns", pe, hub["zone"]), to_hub, from_hub,
            flow_log("flowLog", f"fl-vnet-{t}", hub["watcher"], vnet, hub["storage"])]


def resource_count(resources):
    return sum(1 + r.inline for r in resources if not r.existing)


def arm_value(v):
    if isinstance(v, Expr):
        return f"[{v.arm}]"
    if isinstance(v, dict):
        return {k: arm_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [arm_value(x) for x in v]
    return v


def arm_template(resources, description, parameters):
    params = {"location": {"type": "string", "defaultValue": "[resourceGroup().location]"}}
    params.update(parameters)
    body = []
    for r in resources:
        entry = {"type": r.type, "apiVersion": API[r.type.split("/")[0]], "name": r.name}
        entry.update(arm_value(r.body))
        body.append(entry)
    return json.dumps({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "metadata": {"description": description},
        "parameters": params,
        "resources": body}, indent=2) + "\n"


def bicep_value(v, indent):
    pad = "  " * (indent + 1)
    if isinstance(v, Expr):
        return v.bicep
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("${", "\\${") + "'"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = "".join(f"{pad}{k}: {bicep_value(x, indent + 1)}\n" for k, x in v.items())
        return "{\n" + items + "  " * indent + "}"
    if isinstance(v, list):
        items = "".join(f"{pad}{bicep_value(x, indent + 1)}\n" for x in v)
        return "[\n" + items + "  " * indent + "]"
    raise TypeError(type(v))


def bicep_resource(r):
    type_ = f"{r.type}@{API[r.type.split('/')[0]]}"
    if r.existing:
        return f"resource {r.sym} '{type_}' existing = {{\n  name: '{r.name}'\n}}\n"
    lines = [f"resource {r.sym} '{type_}' = {{"]
    if r.parent is not None:
        lines.append(f"  parent: {r.parent.sym}")
    lines.append(f"  name: {bicep_value(r.name.split('/')[-1], 1)}")
    for key, v in r.body.items():
        lines.append(f"  {key}: {bicep_value(v, 1)}")
    return "\n".join(lines) + "\n}\n"


def write_arm(spokes):
    hub = hub_model()
    files = {"hub.json": arm_template(
        hub, "Connectivity hub: firewall, Bastion, VPN gateway, private DNS, flow logs.", {})}
    count = resource_count(hub)
    refs = hub_references()
    firewall_ip = {"firewallPrivateIp": {
        "type": "string", "defaultValue": "172.16.0.4",
        "metadata": {"description": "The hub firewall: first usable address of its subnet."}}}
    for i in range(1, spokes + 1):
        model = spoke_model(i, refs)
        files[f"spokes/spoke-{spoke_tag(i)}.json"] = arm_template(
            model, f"Spoke {spoke_tag(i)}, peered with the hub and routed through its firewall.",
            firewall_ip)
        count += resource_count(model)
    return files, count


def write_bicep(spokes, layout):
    hub = hub_model()
    main = ["// Connectivity hub: firewall, Bastion, VPN gateway, private DNS, flow logs.",
            "param location string = resourceGroup().location", ""]
    main += [bicep_resource(r) for r in hub]
    count = resource_count(hub)
    refs = hub_references()
    files = {}
    for i in range(1, spokes + 1):
        t = spoke_tag(i)
        model = spoke_model(i, refs)
        text = [f"// Spoke {t}, peered with the hub and routed through its firewall.",
                "param location string = resourceGroup().location", ""]
        text += [bicep_resource(r) for r in refs.values()]
        text += [bicep_resource(r) for r in model]
        files[f"spokes/spoke-{t}.bicep"] = "\n".join(text)
        count += resource_count(model)
        if layout == "modules":
            main.append(f"module spoke{t} 'spokes/spoke-{t}.bicep' = {{\n"
                        f"  name: 'spoke-{t}'\n  params: {{\n    location: location\n  }}\n}}\n")
    files["main.bicep"] = "\n".join(main)
    return files, count


# ---- sizing and output ---------------------------------------------------------------------


def per_spoke(language):
    """Average resources of a spoke (flawed spokes declare one association fewer in HCL)."""
    if language == "terraform":
        return sum(tf_spoke(i, TF_HUB_IN_ROOT)[1] for i in range(1, FLAW_EVERY + 1)) / FLAW_EVERY
    return resource_count(spoke_model(1, hub_references()))


def hub_size(language):
    return tf_count(TF_HUB) if language == "terraform" else resource_count(hub_model())


def spokes_for(resources, language):
    return max(1, round((resources - hub_size(language)) / per_spoke(language)))


def generate(out, language, resources, layout="files"):
    """Writes the estate under `out` and returns its description."""
    spokes = spokes_for(resources, language)
    if language == "terraform":
        files, count = write_terraform(spokes, layout)
    elif language == "bicep":
        files, count = write_bicep(spokes, layout)
    else:
        files, count = write_arm(spokes)
    total = 0
    for rel, text in files.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode()
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    return {"language": language, "layout": layout, "target_resources": resources,
            "spokes": spokes, "flawed_spokes": spokes // FLAW_EVERY, "resources": count,
            "files": len(files), "bytes": total}


def parse_size(text):
    """1000, 10k, 1.5M."""
    text = text.strip().lower()
    scale = {"k": 1000, "m": 1000000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--resources", type=parse_size, default=1000,
                    help="target resource count (1000, 10k, 100k)")
    ap.add_argument("--language", choices=LANGUAGES, default="terraform")
    ap.add_argument("--layout", choices=("files", "modules"), default="files")
    ap.add_argument("--out", required=True, help="folder to write (created)")
    args = ap.parse_args()
    if args.language == "arm" and args.layout != "files":
        ap.error("ARM estates have one layout: files")
    if os.path.isdir(args.out) and os.listdir(args.out):
        ap.error(f"{args.out} is not empty: an estate is written into a new or empty folder")
    os.makedirs(args.out, exist_ok=True)
    json.dump(generate(args.out, args.language, args.resources, args.layout), sys.stdout)
    print()


if __name__ == "__main__":
    main()
