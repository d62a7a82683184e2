// Workloads in the spokes, deployed after spoke.bicep: hardened Linux VMs reached only
// through Bastion, and data services reached only through private endpoints.
param location string = resourceGroup().location

@description('OpenSSH public key of the operations team; VMs accept no passwords.')
param adminSshPublicKey string

resource shopVnet 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'vnet-shop-sdc'

  resource workloadSubnet 'subnets' existing = {
    name: 'snet-workload'
  }

  resource endpointsSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

resource erpVnet 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'vnet-erp-sdc'

  resource workloadSubnet 'subnets' existing = {
    name: 'snet-workload'
  }

  resource endpointsSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

resource shopAppAsg 'Microsoft.Network/applicationSecurityGroups@2023-11-01' existing = {
  name: 'asg-shop-app'
}

resource erpAppAsg 'Microsoft.Network/applicationSecurityGroups@2023-11-01' existing = {
  name: 'asg-erp-app'
}

resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' existing = {
  name: 'privatelink.blob.${environment().suffixes.storage}'
}

resource vaultZone 'Microsoft.Network/privateDnsZones@2020-06-01' existing = {
  name: 'privatelink.vaultcore.azure.net'
}

// Shared by every VM: Trusted Launch, encryption at host, SSH keys only.
var securityProfile = {
  securityType: 'TrustedLaunch'
  uefiSettings: {
    secureBootEnabled: true
    vTpmEnabled: true
  }
  encryptionAtHost: true
}

var linuxConfiguration = {
  disablePasswordAuthentication: true
  ssh: {
    publicKeys: [
      {
        path: '/home/azureops/.ssh/authorized_keys'
        keyData: adminSshPublicKey
      }
    ]
  }
}

var storageProfile = {
  imageReference: {
    publisher: 'Canonical'
    offer: 'ubuntu-24_04-lts'
    sku: 'server'
    version: 'latest'
  }
  osDisk: {
    createOption: 'FromImage'
    managedDisk: { storageAccountType: 'Premium_LRS' }
  }
}

resource shopAppNic 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic-vm-shop-app-01'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: shopVnet::workloadSubnet.id }
          applicationSecurityGroups: [{ id: shopAppAsg.id }]
        }
      }
    ]
  }
}

resource shopAppVm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-shop-app-01'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_D2s_v5' }
    securityProfile: securityProfile
    osProfile: {
      computerName: 'vm-shop-app-01'
      adminUsername: 'azureops'
      linuxConfiguration: linuxConfiguration
    }
    storageProfile: storageProfile
    networkProfile: {
      networkInterfaces: [{ id: shopAppNic.id }]
    }
  }
}

resource erpAppNic 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic-vm-erp-app-01'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: erpVnet::workloadSubnet.id }
          applicationSecurityGroups: [{ id: erpAppAsg.id }]
        }
      }
    ]
  }
}

resource erpAppVm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-erp-app-01'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_D4s_v5' }
    securityProfile: securityProfile
    osProfile: {
      computerName: 'vm-erp-app-01'
      adminUsername: 'azureops'
      linuxConfiguration: linuxConfiguration
    }
    storageProfile: storageProfile
    networkProfile: {
      networkInterfaces: [{ id: erpAppNic.id }]
    }
  }
}

resource erpJumpAsg 'Microsoft.Network/applicationSecurityGroups@2023-11-01' = {
  name: 'asg-erp-jump'
  location: location
}

resource erpJumpPip 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-vm-erp-jump-01'
  location: location
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource erpJumpNic 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic-vm-erp-jump-01'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: erpVnet::workloadSubnet.id }
          publicIPAddress: { id: erpJumpPip.id } // flaw: ZT-BAS-002 VM reachable from the Internet
          applicationSecurityGroups: [{ id: erpJumpAsg.id }]
        }
      }
    ]
  }
}

resource erpJumpVm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-erp-jump-01'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_B2s' }
    securityProfile: securityProfile
    osProfile: {
      computerName: 'vm-erp-jump-01'
      adminUsername: 'azureops'
      linuxConfiguration: linuxConfiguration
    }
    storageProfile: storageProfile
    networkProfile: {
      networkInterfaces: [{ id: erpJumpNic.id }]
    }
  }
}

resource shopDataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stshopdatasdc01'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
  }
}

resource shopDataBlobPe 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-stshopdatasdc01-blob'
  location: location
  properties: {
    subnet: { id: shopVnet::endpointsSubnet.id }
    privateLinkServiceConnections: [
      {
        name: 'psc-stshopdatasdc01-blob'
        properties: {
          privateLinkServiceId: shopDataStorage.id
          groupIds: ['blob']
        }
      }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'blob', properties: { privateDnsZoneId: blobZone.id } }
      ]
    }
  }
}

// Nightly exports for a partner whose client still speaks TLS 1.0.
resource shopExportsStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stshopexportssdc01'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_0' // flaw: ZT-STG-001 accepts TLS 1.0
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
  }
}

resource shopExportsBlobPe 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-stshopexportssdc01-blob'
  location: location
  properties: {
    subnet: { id: shopVnet::endpointsSubnet.id }
    privateLinkServiceConnections: [
      {
        name: 'psc-stshopexportssdc01-blob'
        properties: {
          privateLinkServiceId: shopExportsStorage.id
          groupIds: ['blob']
        }
      }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'blob', properties: { privateDnsZoneId: blobZone.id } }
      ]
    }
  }
}

resource erpVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-erp-sdc-01'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'premium' }
    enableRbacAuthorization: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
  }
}

resource erpVaultPe 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-kv-erp-sdc-01'
  location: location
  properties: {
    subnet: { id: erpVnet::endpointsSubnet.id }
    privateLinkServiceConnections: [
      {
        name: 'psc-kv-erp-sdc-01'
        properties: {
          privateLinkServiceId: erpVault.id
          groupIds: ['vault']
        }
      }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'vault', properties: { privateDnsZoneId: vaultZone.id } }
      ]
    }
  }
}
