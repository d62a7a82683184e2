// The spoke's subnets take the NSG that security.bicep declares, known here only as `existing`.
param location string = 'westeurope'

resource shared 'Microsoft.Network/networkSecurityGroups@2023-11-01' existing = {
  name: 'nsg-shared'
}

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

// expect: ZT-RT-001
resource app 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' = {
  parent: vnet
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    networkSecurityGroup: {
      id: shared.id
    }
  }
}

// expect: ZT-RT-001
resource data 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' = {
  parent: vnet
  name: 'snet-data'
  properties: {
    addressPrefix: '10.1.2.0/24'
    networkSecurityGroup: {
      id: shared.id
    }
  }
}
