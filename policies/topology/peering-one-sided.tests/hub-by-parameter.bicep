// A hub owned by another team, named by parameters that have no value here: the spoke peers
// to it by ID, and the hub side peers back through an `existing` declaration. Neither side
// can be matched offline, so a missing reverse cannot be proven.
param hubVnetName string
param hubVnetId string

resource spoke 'Microsoft.Network/virtualNetworks@2023-05-01' = { // expect: ZT-VIS-001
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
  }
}

resource hubById 'Microsoft.Network/virtualNetworks@2023-05-01' existing = {
  name: last(split(hubVnetId, '/'))
}

resource spokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-05-01' = {
  parent: spoke
  name: 'spoke-to-hub'
  properties: {
    remoteVirtualNetwork: { id: hubById.id }
  }
}

resource hub 'Microsoft.Network/virtualNetworks@2023-05-01' existing = {
  name: hubVnetName
}

resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-05-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: {
    remoteVirtualNetwork: { id: spoke.id }
  }
}
