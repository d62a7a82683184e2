// Two application spokes, shop and erp, deployed after hub.bicep into the same resource group.
// Each is peered with the hub only, sends all egress through the hub firewall, and closes
// every subnet with an NSG that ends in a deny-all.
param location string = resourceGroup().location

@description('Administrators reach the VMs only through Bastion.')
param bastionPrefix string = '10.10.0.128/26'

resource hubVnet 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'vnet-hub-sdc'
}

resource ddosPlan 'Microsoft.Network/ddosProtectionPlans@2023-11-01' existing = {
  name: 'ddos-hub-sdc'
}

resource hubFirewall 'Microsoft.Network/azureFirewalls@2023-11-01' existing = {
  name: 'afw-hub-sdc'
}

resource networkWatcher 'Microsoft.Network/networkWatchers@2023-11-01' existing = {
  name: 'nw-sdc'
}

resource flowLogStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stflowlogssdc01'
}

// ---- shop spoke -------------------------------------------------------------------------

resource shopAppAsg 'Microsoft.Network/applicationSecurityGroups@2023-11-01' = {
  name: 'asg-shop-app'
  location: location
}

resource shopWorkloadNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-shop-workload'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromVnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationApplicationSecurityGroups: [{ id: shopAppAsg.id }]
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowSshFromBastion'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: bastionPrefix
          sourcePortRange: '*'
          destinationApplicationSecurityGroups: [{ id: shopAppAsg.id }]
          destinationPortRange: '22'
        }
      }
      // flaw: ZT-NET-002 RDP (3389) opened to the Internet for a support vendor
      {
        name: 'AllowRdpFromVendor'
        properties: {
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.11.1.0/24'
          destinationPortRange: '3389'
        }
      }
      // flaw: ZT-NET-002 the range 20-25 from any source includes SSH (22)
      {
        name: 'AllowLegacyFileTransfer'
        properties: {
          priority: 130
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.11.1.0/24'
          destinationPortRange: '20-25'
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

resource shopEndpointsNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-shop-private-endpoints'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromWorkload'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.11.1.0/24'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.11.2.0/24'
          destinationPortRange: '443'
        }
      }
      {
        name: 'DenyVnetInbound'
        properties: {
          priority: 4000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource shopRouteTable 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-shop-sdc'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-via-hub-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

resource shopVnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-shop-sdc'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.11.0.0/16']
    }
    subnets: [
      {
        name: 'snet-workload'
        properties: {
          addressPrefix: '10.11.1.0/24'
          networkSecurityGroup: { id: shopWorkloadNsg.id }
          routeTable: { id: shopRouteTable.id }
        }
      }
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: '10.11.2.0/24'
          networkSecurityGroup: { id: shopEndpointsNsg.id }
          routeTable: { id: shopRouteTable.id }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

// ---- erp spoke --------------------------------------------------------------------------

resource erpAppAsg 'Microsoft.Network/applicationSecurityGroups@2023-11-01' = {
  name: 'asg-erp-app'
  location: location
}

resource erpWorkloadNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-erp-workload'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromShop'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.11.0.0/16'
          sourcePortRange: '*'
          destinationApplicationSecurityGroups: [{ id: erpAppAsg.id }]
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowSshFromBastion'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: bastionPrefix
          sourcePortRange: '*'
          destinationApplicationSecurityGroups: [{ id: erpAppAsg.id }]
          destinationPortRange: '22'
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

resource erpEndpointsNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-erp-private-endpoints'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromWorkload'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.12.1.0/24'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.12.2.0/24'
          destinationPortRange: '443'
        }
      }
      // flaw: ZT-NET-002 + ZT-NET-003 a "temporary" allow-all from the Internet (includes 22 and 3389)
      {
        name: 'AllowAnyTroubleshooting'
        properties: {
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '0.0.0.0/0'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'DenyVnetInbound'
        properties: {
          priority: 4000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource erpRouteTable 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-erp-sdc'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-via-hub-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

// The jump box answers from its public IP, so its subnet got a route table of its own.
resource erpJumpRouteTable 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-erp-jump-sdc'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-to-internet'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'Internet' // flaw: ZT-RT-001 egress bypasses the hub firewall
        }
      }
    ]
  }
}

resource erpVnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-erp-sdc'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.12.0.0/16']
    }
    // The jump box's public IP lives in this VNet, so it is DDoS-protected like the hub.
    enableDdosProtection: true
    ddosProtectionPlan: { id: ddosPlan.id }
    subnets: [
      // flaw: ZT-NET-001 snet-workload has no NSG: its networkSecurityGroup was removed
      {
        name: 'snet-workload'
        properties: {
          addressPrefix: '10.12.1.0/24'
          routeTable: { id: erpJumpRouteTable.id }
        }
      }
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: '10.12.2.0/24'
          networkSecurityGroup: { id: erpEndpointsNsg.id }
          routeTable: { id: erpRouteTable.id }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

// ---- peerings and flow logs -------------------------------------------------------------
// Hub-and-spoke peerings, both directions. Spokes reach each other only through the firewall.

resource hubToShop 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: hubVnet
  name: 'peer-hub-to-shop'
  properties: {
    remoteVirtualNetwork: { id: shopVnet.id }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
  }
}

resource shopToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: shopVnet
  name: 'peer-shop-to-hub'
  properties: {
    remoteVirtualNetwork: { id: hubVnet.id }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
  }
}

resource hubToErp 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: hubVnet
  name: 'peer-hub-to-erp'
  properties: {
    remoteVirtualNetwork: { id: erpVnet.id }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
  }
  dependsOn: [hubToShop]
}

resource erpToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: erpVnet
  name: 'peer-erp-to-hub'
  properties: {
    remoteVirtualNetwork: { id: hubVnet.id }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
  }
}

// flaw: ZT-TOPO-002 a direct shop <-> erp peering lets the spokes talk without the firewall
resource shopToErp 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: shopVnet
  name: 'peer-shop-to-erp'
  properties: {
    remoteVirtualNetwork: { id: erpVnet.id }
    allowVirtualNetworkAccess: true
  }
  dependsOn: [shopToHub]
}

// flaw: ZT-TOPO-002 the reverse half of the shop <-> erp peering (one finding for the pair)
resource erpToShop 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: erpVnet
  name: 'peer-erp-to-shop'
  properties: {
    remoteVirtualNetwork: { id: shopVnet.id }
    allowVirtualNetworkAccess: true
  }
  dependsOn: [erpToHub]
}

resource shopFlowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-11-01' = {
  parent: networkWatcher
  name: 'fl-vnet-shop-sdc'
  location: location
  properties: {
    targetResourceId: shopVnet.id
    storageId: flowLogStorage.id
    enabled: true
    format: { type: 'JSON', version: 2 }
    retentionPolicy: { days: 90, enabled: true }
  }
}

resource erpFlowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-11-01' = {
  parent: networkWatcher
  name: 'fl-vnet-erp-sdc'
  location: location
  properties: {
    targetResourceId: erpVnet.id
    storageId: flowLogStorage.id
    enabled: true
    format: { type: 'JSON', version: 2 }
    retentionPolicy: { days: 90, enabled: true }
  }
}
