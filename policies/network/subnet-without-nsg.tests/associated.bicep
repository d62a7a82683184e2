// A subnet declared as a child of its VNet, with its NSG set on the subnet.
param location string = 'westeurope'

// expect: ZT-TOPO-001, ZT-VIS-001
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.1.0.0/16']
    }
  }
}

// expect: ZT-NET-004, ZT-VIS-001
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-app'
  location: location
}

// expect: ZT-RT-001
resource app 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' = {
  parent: vnet
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    networkSecurityGroup: {
      id: nsg.id
    }
  }
}
