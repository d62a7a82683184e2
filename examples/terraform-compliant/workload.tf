# Workloads in the spokes: hardened Linux VMs reached only through Bastion, and data
# services reached only through private endpoints.

data "azurerm_client_config" "current" {}

resource "azurerm_network_interface" "shop_app" {
  name                = "nic-vm-shop-app-01"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.shop_workload.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_interface_application_security_group_association" "shop_app" {
  network_interface_id          = azurerm_network_interface.shop_app.id
  application_security_group_id = azurerm_application_security_group.shop_app.id
}

resource "azurerm_linux_virtual_machine" "shop_app" {
  name                            = "vm-shop-app-01"
  location                        = azurerm_resource_group.shop.location
  resource_group_name             = azurerm_resource_group.shop.name
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureops"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.shop_app.id]
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  encryption_at_host_enabled      = true

  admin_ssh_key {
    username   = "azureops"
    public_key = var.admin_ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_network_interface" "erp_app" {
  name                = "nic-vm-erp-app-01"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.erp_workload.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_interface_application_security_group_association" "erp_app" {
  network_interface_id          = azurerm_network_interface.erp_app.id
  application_security_group_id = azurerm_application_security_group.erp_app.id
}

resource "azurerm_linux_virtual_machine" "erp_app" {
  name                            = "vm-erp-app-01"
  location                        = azurerm_resource_group.erp.location
  resource_group_name             = azurerm_resource_group.erp.name
  size                            = "Standard_D4s_v5"
  admin_username                  = "azureops"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.erp_app.id]
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  encryption_at_host_enabled      = true

  admin_ssh_key {
    username   = "azureops"
    public_key = var.admin_ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_storage_account" "shop_data" {
  name                            = "stshopdatasdc01"
  location                        = azurerm_resource_group.shop.location
  resource_group_name             = azurerm_resource_group.shop.name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = false
}

resource "azurerm_private_endpoint" "shop_data_blob" {
  name                = "pe-stshopdatasdc01-blob"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  subnet_id           = azurerm_subnet.shop_endpoints.id

  private_service_connection {
    name                           = "psc-stshopdatasdc01-blob"
    private_connection_resource_id = azurerm_storage_account.shop_data.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.blob.id]
  }
}

resource "azurerm_key_vault" "erp" {
  name                          = "kv-erp-sdc-01"
  location                      = azurerm_resource_group.erp.location
  resource_group_name           = azurerm_resource_group.erp.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "premium"
  enable_rbac_authorization     = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false

  network_acls {
    default_action = "Deny"
    bypass         = "None"
  }
}

resource "azurerm_private_endpoint" "erp_vault" {
  name                = "pe-kv-erp-sdc-01"
  location            = azurerm_resource_group.erp.location
  resource_group_name = azurerm_resource_group.erp.name
  subnet_id           = azurerm_subnet.erp_endpoints.id

  private_service_connection {
    name                           = "psc-kv-erp-sdc-01"
    private_connection_resource_id = azurerm_key_vault.erp.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.vault.id]
  }
}
