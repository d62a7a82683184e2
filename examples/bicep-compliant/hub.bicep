// Connectivity hub: Azure Firewall Premium, Bastion, a gateway subnet whose traffic to the
// spokes is inspected by the firewall, DDoS protection, private endpoints for shared
// services, and VNet flow logs. Deploy first; spoke.bicep and workload.bicep follow.
@description('Region of the whole estate.')
param location string = resourceGroup().location

@description('Address spaces of the spokes; on-premises traffic to them goes through the firewall.')
param shopAddressSpace string = '10.11.0.0/16'
param erpAddressSpace string = '10.12.0.0/16'

resource ddosPlan 'Microsoft.Network/ddosProtectionPlans@2023-11-01' = {
  name: 'ddos-hub-sdc'
  location: location
}

// Subnets are children of the VNet so that GatewaySubnet can take the route table that points
// at the firewall, which itself needs AzureFirewallSubnet first. They deploy one at a time.
resource hubVnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-hub-sdc'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.10.0.0/16']
    }
    enableDdosProtection: true
    ddosProtectionPlan: { id: ddosPlan.id }
  }

  resource firewallSubnet 'subnets' = {
    name: 'AzureFirewallSubnet'
    properties: {
      addressPrefix: '10.10.0.0/26'
    }
  }

  resource gatewaySubnet 'subnets' = {
    name: 'GatewaySubnet'
    properties: {
      addressPrefix: '10.10.0.64/27'
      routeTable: { id: gatewayRouteTable.id }
    }
    dependsOn: [firewallSubnet]
  }

  resource bastionSubnet 'subnets' = {
    name: 'AzureBastionSubnet'
    properties: {
      addressPrefix: '10.10.0.128/26'
    }
    dependsOn: [gatewaySubnet]
  }

  resource endpointsSubnet 'subnets' = {
    name: 'snet-private-endpoints'
    properties: {
      addressPrefix: '10.10.1.0/24'
      networkSecurityGroup: { id: endpointsNsg.id }
      privateEndpointNetworkPolicies: 'Enabled'
    }
    dependsOn: [bastionSubnet]
  }
}

resource endpointsNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-hub-private-endpoints'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromSpokes'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: [shopAddressSpace, erpAddressSpace]
          sourcePortRange: '*'
          destinationAddressPrefix: '10.10.1.0/24'
          destinationPortRange: '443'
        }
      }
      {
        name: 'DenyAllInbound'
        properties: {
          priority: 4000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource firewallPip 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-afw-hub-sdc'
  location: location
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource firewallPolicy 'Microsoft.Network/firewallPolicies@2023-11-01' = {
  name: 'afwp-hub-sdc'
  location: location
  properties: {
    sku: { tier: 'Premium' }
    threatIntelMode: 'Deny'
    intrusionDetection: {
      mode: 'Deny'
    }
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-11-01' = {
  name: 'afw-hub-sdc'
  location: location
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Premium'
    }
    firewallPolicy: { id: firewallPolicy.id }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: hubVnet::firewallSubnet.id }
          publicIPAddress: { id: firewallPip.id }
        }
      }
    ]
  }
}

resource bastionPip 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-bas-hub-sdc'
  location: location
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource bastion 'Microsoft.Network/bastionHosts@2023-11-01' = {
  name: 'bas-hub-sdc'
  location: location
  sku: { name: 'Standard' }
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: hubVnet::bastionSubnet.id }
          publicIPAddress: { id: bastionPip.id }
        }
      }
    ]
  }
}

// Traffic arriving from on-premises is inspected by the firewall before it reaches a spoke.
resource gatewayRouteTable 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-gateway-sdc'
  location: location
  properties: {
    routes: [
      {
        name: 'shop-via-firewall'
        properties: {
          addressPrefix: shopAddressSpace
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: firewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
      {
        name: 'erp-via-firewall'
        properties: {
          addressPrefix: erpAddressSpace
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: firewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

resource networkWatcher 'Microsoft.Network/networkWatchers@2023-11-01' = {
  name: 'nw-sdc'
  location: location
}

// Network Watcher writes flow logs as a trusted Azure service; everyone else is refused.
resource flowLogStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stflowlogssdc01'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource hubFlowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-11-01' = {
  parent: networkWatcher
  name: 'fl-vnet-hub-sdc'
  location: location
  properties: {
    targetResourceId: hubVnet.id
    storageId: flowLogStorage.id
    enabled: true
    format: { type: 'JSON', version: 2 }
    retentionPolicy: { days: 90, enabled: true }
  }
}

// Private DNS for every private endpoint of the estate, resolved through the hub.
resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.${environment().suffixes.storage}'
  location: 'global'

  resource hubLink 'virtualNetworkLinks' = {
    name: 'link-vnet-hub-sdc'
    location: 'global'
    properties: {
      virtualNetwork: { id: hubVnet.id }
      registrationEnabled: false
    }
  }
}

resource vaultZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'

  resource hubLink 'virtualNetworkLinks' = {
    name: 'link-vnet-hub-sdc'
    location: 'global'
    properties: {
      virtualNetwork: { id: hubVnet.id }
      registrationEnabled: false
    }
  }
}

resource flowLogsBlobPe 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-stflowlogssdc01-blob'
  location: location
  properties: {
    subnet: { id: hubVnet::endpointsSubnet.id }
    privateLinkServiceConnections: [
      {
        name: 'psc-stflowlogssdc01-blob'
        properties: {
          privateLinkServiceId: flowLogStorage.id
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
